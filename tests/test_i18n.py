from __future__ import annotations

from datetime import date

import pytest

from helpcenter.i18n import CATALOGS, format_date, translate


def test_every_language_has_every_key() -> None:
    for language, catalog in CATALOGS.items():
        assert catalog.keys() == CATALOGS["id"].keys(), language


@pytest.mark.parametrize(("language", "expected"), [("id", "1 Januari 2026"), ("en", "January 1, 2026")])
def test_dates_read_naturally(language: str, expected: str) -> None:
    assert format_date(date(2026, 1, 1), language) == expected


def test_unknown_language_falls_back_to_indonesian() -> None:
    assert translate("contact.title", "jv") == "Masih butuh bantuan?"
    assert translate("policy.effective", "en", date="May 1, 2026") == "In effect since May 1, 2026"
