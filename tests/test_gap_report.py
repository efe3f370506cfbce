"""The whole report from a store with hand-counted data, on SQLite and on a real PostgreSQL: the same report."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.feedback import store
from helpcenter.report.gap_report import build_report, read_report
from tests.report_data import MANIFEST, NOW, PERIOD, SEARCH, _at, event, fresh_store, record_sample

EDIT = "https://github.com/toko/bantuan/edit/main/content/"


def _report(url: str, search=None, extra: list | None = None) -> dict:
    with fresh_store(url) as engine:
        with engine.begin() as connection:
            record_sample(connection)
            if extra:
                connection.execute(store.events.insert(), extra)
        with engine.connect() as connection:
            return build_report(connection, MANIFEST, PERIOD, now=NOW, search=search)


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


def test_no_votes_followed_by_a_contact_click_in_the_same_visit(sqlite_report: dict) -> None:
    assert {(row["anchor"] or row["page"]): row["no_then_contacted"] for row in sqlite_report["answers"]} == {
        "bayar-cod": 1, "kebijakan/refund/": 1, "bayar-va": 0}


def test_every_search_table_counts_contacts_within_its_own_searches(sqlite_report: dict) -> None:
    """'Then contacted CS' counts visits whose search of that kind came first: never more than the searches."""
    for table in ("searches_empty", "searches_bounced", "searches_contacted"):
        for group in sqlite_report[table]:
            assert group["contacted"] <= group["visits"] <= group["count"] <= group["searches"], (table, group)
    assert [(g["key"], g["count"], g["visits"], g["contacted"]) for g in sqlite_report["searches_empty"]] == [
        ("kirim", 2, 2, 1), ("0 cicil persen", 1, 1, 0)]


def test_the_to_do_list_without_the_built_site(sqlite_report: dict) -> None:
    """Failing answers and searches without results in one list, ranked by the same bound: 2 "no" of 2 plus a
    contact (3 of 3) above 2 empty searches of 2, above 10 "no" of 20, above 1 empty search of 1."""
    actions = sqlite_report["actions"]
    assert not sqlite_report["searches_checked"]
    assert [(a["rank"], a["kind"], a.get("title") or a["query"], a["failure_bound"]) for a in actions] == [
        (1, "rewrite", "Bisa bayar di tempat (COD)?", 0.4385), (2, "synonym", "pengiriman", 0.3424),
        (3, "rewrite", "Kebijakan Refund", 0.2993), (4, "new_answer", "cicilan 0 persen", 0.2065)]
    cod, typo, refund, new = actions
    assert (cod["file"], cod["line"], cod["owner"], cod["edit_url"]) == (
        "content/faq/pembayaran.md", 80, "@dewi-lestari", EDIT + "faq/pembayaran.md#L80")
    assert (cod["votes"], cod["not_helpful"], cod["no_then_contacted"], cod["contacts"]) == (2, 2, 1, 1)
    assert cod["top_reason"] == {"reason": "incomplete", "count": 1} and cod["comment"] == "Tidak jelas"
    # Contacts in 10 days, per week.
    assert (cod["contacts_per_week"], typo["contacts_per_week"], refund["contacts_per_week"]) == (0.7, 0.7, 0.0)
    assert (typo["file"], typo["edit_url"], typo["variants"]) == (
        "content/synonyms.yml", EDIT + "synonyms.yml", ["pengirman"])
    # A new question goes below the page's last one, on the FAQ page that shares the search's words.
    assert (new["file"], new["line"], new["owner"], new["edit_url"]) == (
        "content/faq/pembayaran.md", 80, "@dewi-lestari", EDIT + "faq/pembayaran.md#L80")
    assert "now" not in new


def test_searches_are_asked_again_and_answered_ones_leave_the_to_do_list(tmp_path: Path) -> None:
    report = _report(f"sqlite:///{tmp_path / 'feedback.sqlite3'}", search=SEARCH)
    assert report["searches_checked"]
    found = {group["query"]: group["now"] for group in report["searches_empty"]}
    assert found["cicilan 0 persen"] == {
        "title": "Bisa cicilan 0% pakai kartu kredit?", "location": "faq/pembayaran/#kartu-kredit-cicilan",
        "page_title": "Pembayaran", "file": "content/faq/pembayaran.md", "line": 50, "answers": True,
        "missing": ["persen"]}
    assert found["pengiriman"]["title"] == "Kebijakan Refund" and found["pengiriman"]["answers"]
    assert [action["kind"] for action in report["actions"]] == ["rewrite", "rewrite"]


def test_a_search_still_without_answer_stays_with_what_today_finds(tmp_path: Path) -> None:
    """'bayar grosir' finds the payment questions by 'bayar' only: not an answer, still a new answer to write."""
    extra = [event(f"g{n}", "search", _at(7, n), page="", query="bayar grosir", results=0) for n in range(3)]
    report = _report(f"sqlite:///{tmp_path / 'feedback.sqlite3'}", search=SEARCH, extra=extra)
    grosir = next(action for action in report["actions"] if action.get("query") == "bayar grosir")
    assert grosir["kind"] == "new_answer" and grosir["count"] == 3
    assert (grosir["now"]["answers"], grosir["now"]["missing"]) == (False, ["grosir"])
    assert grosir["file"] == "content/faq/pembayaran.md"


def test_what_customers_searched_next_makes_a_synonym(tmp_path: Path) -> None:
    """Two visits find nothing for 'ngutang', then search 'cicilan' and open the answer: a synonym to add."""
    extra = []
    for visit in ("n1", "n2"):
        extra += [event(visit, "search", _at(8, 0), page="", query="ngutang", results=0),
                  event(visit, "search", _at(8, 1), page="", query="cicilan", results=1,
                        opened="faq/pembayaran/#kartu-kredit-cicilan")]
    report = _report(f"sqlite:///{tmp_path / 'feedback.sqlite3'}", search=SEARCH, extra=extra)
    ngutang = next(group for group in report["searches_empty"] if group["query"] == "ngutang")
    assert ngutang["searched_next"] == {"query": "cicilan", "visits": 2} and ngutang["hint"] == "synonym"
    action = next(action for action in report["actions"] if action.get("query") == "ngutang")
    assert (action["kind"], action["file"]) == ("synonym", "content/synonyms.yml")


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
                 for name in ("markdown", "github-issue", "html", "csv", "json")}
    assert texts["markdown"].startswith("# Laporan celah pusat bantuan")
    assert texts["github-issue"].startswith("**Laporan celah 2026-11-01 s.d. 2026-11-10**")
    assert texts["html"].startswith("<!doctype html>")
    assert texts["csv"].startswith("rank,kind,title,url")
    assert '"format": "helpcenter-gap-report"' in texts["json"]
