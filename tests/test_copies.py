"""Copies from the agents' edition as a gap signal: recorded without customer data, counted per answer and day,
ranked against how often customers found the answer themselves, and shown in every format of the gap report."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from feedback_api.app import create_app
from feedback_api.settings import Settings
from helpcenter.feedback import store
from helpcenter.manifest import FILE_NAME, write_manifest
from helpcenter.report.copies import copied_answers
from helpcenter.report.gap_report import build_report
from helpcenter.report.html import render_html
from helpcenter.report.ranking import wilson_lower_bound
from helpcenter.report.render import render_csv, render_json, render_markdown
from tests.report_data import MANIFEST, NOW, PERIOD, event, fresh_store, record_sample


def at(day: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, 14, minute, tzinfo=UTC)


# On top of the report sample (tests/report_data.py): in the period, bayar-cod copied 6 times (customers found it
# once: a search result opened), the refund policy 3 times (10 "yes" and one read), bayar-va once (one "yes"), and a
# question since removed once; before the period, bayar-cod twice.
COPIES = [
    *[event(f"cs-tab-{n}", "copy", at(2 + n), page="faq/pembayaran/", anchor="bayar-cod") for n in range(6)],
    *[event("cs-tab-1", "copy", at(3, n), page="kebijakan/refund/") for n in range(3)],
    event("cs-tab-2", "copy", at(9), page="faq/pembayaran/", anchor="bayar-va"),
    event("cs-tab-2", "copy", at(9, 5), page="faq/lama/", anchor="dihapus"),
    *[event("cs-tab-0", "copy", at(28 + n, month=10), page="faq/pembayaran/", anchor="bayar-cod") for n in range(2)],
]


@pytest.fixture(params=["sqlite", "postgresql"])
def connection(request, tmp_path: Path):
    url = (f"sqlite:///{tmp_path / 'feedback.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    with fresh_store(url) as engine, engine.begin() as connection:
        record_sample(connection)
        connection.execute(store.events.insert(), COPIES)
        yield connection


def test_copies_are_ranked_by_how_often_customers_did_not_find_the_answer_themselves(connection) -> None:
    report = build_report(connection, MANIFEST, PERIOD, now=NOW)
    rows = [(row["rank"], row["page"], row["anchor"], row["copies"], row["previous_copies"], row["found"],
             row["votes"], row["helpful"], row["contacts"]) for row in report["copied"]]
    assert rows == [
        (1, "faq/pembayaran/", "bayar-cod", 6, 2, 1, 2, 0, 1),
        (2, "faq/lama/", "dihapus", 1, 0, 0, 0, 0, 0),
        (3, "faq/pembayaran/", "bayar-va", 1, 0, 1, 1, 1, 0),
        (4, "kebijakan/refund/", "", 3, 0, 11, 20, 10, 0),
    ]
    bounds = [row["copy_bound"] for row in report["copied"]]
    assert bounds == [round(wilson_lower_bound(copies, copies + found), 4)
                      for copies, found in ((6, 1), (1, 0), (1, 1), (3, 11))]
    cod = report["copied"][0]
    assert (cod["title"], cod["url"], cod["file"], cod["line"], cod["owner"]) == (
        "Bisa bayar di tempat (COD)?", "https://bantuan.example/faq/pembayaran/#bayar-cod",
        "content/faq/pembayaran.md", 80, "@dewi-lestari")
    assert report["copied"][1]["unknown"] and report["copied"][1]["title"] == "faq/lama/#dihapus"


def test_copies_are_agents_at_work_not_customers_visits(connection) -> None:
    with_copies = build_report(connection, MANIFEST, PERIOD, now=NOW)
    connection.execute(store.events.delete().where(store.events.c.kind == "copy"))
    without = build_report(connection, MANIFEST, PERIOD, now=NOW)
    assert with_copies["totals"] == without["totals"] and with_copies["previous_totals"] == without["previous_totals"]
    assert with_copies["answers"] == without["answers"] and without["copied"] == []


def test_the_gatherer_reads_only_copies_and_opened_results_and_takes_the_rest_from_the_report(connection) -> None:
    rows = copied_answers(connection, MANIFEST, PERIOD, votes={}, contacts={}, views={})
    assert [(row["anchor"], row["copies"], row["found"]) for row in rows][:2] == [("bayar-cod", 6, 1),
                                                                                  ("", 3, 0)]


@pytest.fixture(scope="module")
def report() -> dict:
    with fresh_store("sqlite://") as engine:
        with engine.begin() as connection:
            record_sample(connection)
            connection.execute(store.events.insert(), COPIES)
        with engine.connect() as connection:
            return build_report(connection, MANIFEST, PERIOD, now=NOW)


def test_markdown_shows_copies_beside_votes_and_contacts(report: dict) -> None:
    text = render_markdown(report)
    assert "### Jawaban yang disalin CS" in text
    assert ("| 1 | [Bisa bayar di tempat (COD)?](<https://bantuan.example/faq/pembayaran/#bayar-cod>) | "
            "disalin CS 6× dalam 10 hari (+4) | 1 | 2 | 0 | 1 | `content/faq/pembayaran.md:80` | "
            "@dewi-lestari |") in text
    assert "copied by CS 6× in 10 days (+4)" in render_markdown(report, "en")


def test_html_csv_and_json_carry_the_copies(report: dict) -> None:
    page = render_html(report)
    assert "<h3>Jawaban yang disalin CS</h3>" in page
    assert "<li><strong>disalin CS 6× dalam 10 hari</strong> (+4)</li>" in page
    rows = list(csv.DictReader(io.StringIO(render_csv(report, "copied"))))
    assert (rows[0]["title"], rows[0]["copies"], rows[0]["found"]) == ("Bisa bayar di tempat (COD)?", "6", "1")
    assert json.loads(render_json(report))["copied"][0]["copies"] == 6


def test_an_answer_agents_send_more_often_than_customers_find_it_is_on_the_to_do_list() -> None:
    """bayar-va: 12 copies, found once, never voted "Tidak": customers reach it through CS, so it is work to do;
    bayar-cod is copied too but already listed to be rewritten, and the refund policy is found more than copied."""
    more = [event(f"cs-tab-{n}", "copy", at(2 + n % 8, n), page="faq/pembayaran/", anchor="bayar-va")
            for n in range(11)]
    with fresh_store("sqlite://") as engine:
        with engine.begin() as connection:
            record_sample(connection)
            connection.execute(store.events.insert(), COPIES + more)
        with engine.connect() as connection:
            report = build_report(connection, MANIFEST, PERIOD, now=NOW)
    findable = [action for action in report["actions"] if action["kind"] == "findable"]
    assert [(action["location"], action["copies"], action["found"]) for action in findable] == [
        ("faq/pembayaran/#bayar-va", 12, 1)]
    assert [action["location"] for action in report["actions"] if action["kind"] == "rewrite"].count(
        "faq/pembayaran/#bayar-cod") == 1
    assert findable[0]["contacts_per_week"] == round(12 * 7 / PERIOD.days, 1)
    text = render_markdown(report)
    assert "**Buat jawaban ini mudah ditemukan** [Bagaimana bayar dengan virtual account?]" in text
    assert "Disalin CS 12 kali dalam 10 hari untuk dikirim ke pelanggan, sedangkan pelanggan menemukannya sendiri " \
           "1 kali." in text
    assert "Make this answer easy to find" in render_html(report, "en")


def test_without_copies_the_report_says_so() -> None:
    with fresh_store("sqlite://") as engine, engine.connect() as connection:
        empty = build_report(connection, MANIFEST, PERIOD, now=NOW)
    assert "Belum ada jawaban yang disalin CS pada periode ini." in render_markdown(empty)
    assert "Belum ada jawaban yang disalin CS pada periode ini." in render_html(empty)


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    write_manifest(tmp_path, MANIFEST)
    return TestClient(create_app(Settings(database_url=f"sqlite:///{tmp_path / 'feedback.sqlite3'}",
                                          manifest=tmp_path / FILE_NAME, site_dir=None, agents_dir=None)))


def test_the_endpoint_records_a_copy_with_its_answer_and_nothing_else(client: TestClient) -> None:
    body = {"kind": "copy", "visit": "cs-tab-0123", "page": "faq/pembayaran/", "anchor": "bayar-cod"}
    assert client.post("/api/v1/events", json=body).status_code == 201
    assert client.post("/api/v1/events", json={**body, "anchor": None, "page": "kebijakan/refund/"}).status_code == 201
    with client.app.state.engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(store.events.select().order_by(store.events.c.id))]
    assert [(row["kind"], row["page"], row["anchor"], row["query"], row["channel"]) for row in rows] == [
        ("copy", "faq/pembayaran/", "bayar-cod", None, None), ("copy", "kebijakan/refund/", None, None, None)]


@pytest.mark.parametrize("extra", [{"nama": "Rina"}, {"query": "Rina SNJ-2611-0042"}, {"text": "Halo Kak Rina"},
                                   {"anchor": "tidak-ada"}, {"page": "sop/template-jawaban/"}])
def test_a_copy_carries_no_typed_value_and_names_a_public_answer(client: TestClient, extra: dict) -> None:
    body = {"kind": "copy", "visit": "cs-tab-0123", "page": "faq/pembayaran/", "anchor": "bayar-cod", **extra}
    assert client.post("/api/v1/events", json=body).status_code == 422
