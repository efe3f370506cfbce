"""The whole report from a store with hand-counted data, on SQLite and on a real PostgreSQL: the same report."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.report.gap_report import build_report, read_report
from tests.report_data import MANIFEST, NOW, PERIOD, fresh_store, record_sample


def _report(url: str) -> dict:
    with fresh_store(url) as engine:
        with engine.begin() as connection:
            record_sample(connection)
        with engine.connect() as connection:
            return build_report(connection, MANIFEST, PERIOD, now=NOW)


@pytest.fixture(scope="module")
def sqlite_report(tmp_path_factory) -> dict:
    return _report(f"sqlite:///{tmp_path_factory.mktemp('report') / 'feedback.sqlite3'}")


def test_totals_and_visit_outcomes_are_counted_by_hand(sqlite_report: dict) -> None:
    assert sqlite_report["totals"] == {
        "visits": 26, "visits_found": 11, "visits_not_found": 11, "visits_contacted": 3, "visits_browsed": 1,
        "contacts_avoided": 11, "votes": 23, "helpful": 11, "helpful_rate": round(11 / 23, 4), "contacts": 3,
        "searches": 5, "searches_empty": 3, "searches_bounced": 1,
    }
    previous = sqlite_report["previous_totals"]
    assert (previous["visits"], previous["visits_found"], previous["visits_not_found"]) == (4, 1, 3)
    assert (previous["votes"], previous["searches_empty"]) == (1, 4)


def test_answers_are_ranked_by_the_wilson_bound_with_file_owner_reasons_and_comments(sqlite_report: dict) -> None:
    answers = sqlite_report["answers"]
    assert [(row["rank"], row["page"], row["anchor"], row["failure_bound"]) for row in answers] == [
        (1, "faq/pembayaran/", "bayar-cod", 0.4385), (2, "kebijakan/refund/", "", 0.2993),
        (3, "faq/pembayaran/", "bayar-va", 0.0)]
    cod = answers[0]
    assert (cod["votes"], cod["not_helpful"], cod["contacts"], cod["previous"]["votes"]) == (2, 2, 1, 1)
    assert (cod["title"], cod["url"], cod["file"], cod["line"], cod["owner"]) == (
        "Bisa bayar di tempat (COD)?", "https://bantuan.example/faq/pembayaran/#bayar-cod",
        "content/faq/pembayaran.md", 80, "@dewi-lestari")
    assert cod["reasons"] == {"incomplete": 1, "unclear": 1}
    assert [c["comment"] for c in cod["comments"]] == ["Tidak jelas", "Biaya COD-nya berapa?"]  # newest first
    assert answers[1]["reasons"] == {"wrong": 10}


def test_searches_group_by_meaning_and_say_what_to_do(sqlite_report: dict) -> None:
    empty = sqlite_report["searches_empty"]
    assert [(g["key"], g["count"], g["previous"], g["hint"]) for g in empty] == [
        ("kirim", 2, 4, "synonym"), ("0 cicil persen", 1, 0, "new_answer")]
    assert {v["query"] for v in empty[0]["variants"]} == {"pengirman", "pengiriman"}
    assert [(g["query"], g["count"]) for g in sqlite_report["searches_bounced"]] == [("cara bayar", 1)]
    assert [(g["key"], g["contacted"]) for g in sqlite_report["searches_contacted"]] == [("kirim", 1)]


def test_pages_read_before_a_contact(sqlite_report: dict) -> None:
    assert [(row["page"], row["visits"], row["contacted"]) for row in sqlite_report["pages_contacted"]] == [
        ("", 1, 1), ("kebijakan/refund/", 1, 1)]
    assert [row["previous_contacted"] for row in sqlite_report["pages_contacted"]] == [0, 0]


def test_sqlite_and_postgresql_give_the_same_report(sqlite_report: dict, postgres_url: str) -> None:
    assert _report(postgres_url) == sqlite_report


def test_read_report_writes_each_format(tmp_path: Path) -> None:
    with fresh_store(f"sqlite:///{tmp_path / 'feedback.sqlite3'}") as engine:
        with engine.begin() as connection:
            record_sample(connection)
        texts = {name: read_report(engine, MANIFEST, PERIOD.since, PERIOD.until, name)
                 for name in ("markdown", "html", "csv", "json")}
    assert texts["markdown"].startswith("# Laporan celah pusat bantuan")
    assert texts["html"].startswith("<!doctype html>")
    assert texts["csv"].startswith("rank,kind,title,url")
    assert '"format": "helpcenter-gap-report"' in texts["json"]
