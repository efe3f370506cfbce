from __future__ import annotations

from datetime import date

import pytest

from helpcenter.messages.catalog import LANGUAGES, Catalog, format_date
from helpcenter.messages.interface import INTERFACE
from helpcenter.messages.problems import PROBLEMS
from helpcenter.messages.report import REPORT

CATALOGS = {"interface": INTERFACE, "problems": PROBLEMS, "report": REPORT}


@pytest.mark.parametrize("name", CATALOGS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key(name: str, language: str) -> None:
    assert CATALOGS[name].keys(language) == CATALOGS[name].keys("id")


@pytest.mark.parametrize(("language", "expected"), [("id", "1 Januari 2026"), ("en", "January 1, 2026")])
def test_dates_read_naturally(language: str, expected: str) -> None:
    assert format_date(date(2026, 1, 1), language) == expected


def test_unknown_language_falls_back_to_indonesian() -> None:
    assert INTERFACE.text("contact.title", "jv") == "Masih butuh bantuan?"
    assert INTERFACE.text("policy.effective", "en", date="May 1, 2026") == "In effect since May 1, 2026"


def test_a_text_missing_in_one_language_falls_back_and_a_missing_key_is_a_bug() -> None:
    catalog = Catalog({"id": {"a": "satu {n}", "b": "dua"}, "en": {"a": "one {n}"}})
    assert catalog.text("b", "en") == "dua"
    assert catalog.text("a", "en", n=1) == "one 1"
    with pytest.raises(KeyError):
        catalog.text("c", "en")


def test_the_report_names_reasons_as_the_customer_saw_them() -> None:
    from helpcenter.report.render import reason_name

    assert reason_name("unclear", "id") == INTERFACE.text("vote.reason.unclear", "id") == "Sulit dipahami"
