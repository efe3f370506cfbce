"""The feedback widget in real headless Chromium against the real endpoint, serving the built sample site."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import unquote

import pytest

from feedback_api import store
from tests.servers import Endpoint, wait_for_rows

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, help_center):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    # wa.me and mail links must not leave the machine: answer them here.
    context.route("https://wa.me/**", lambda route: route.fulfill(body="WhatsApp"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def _rows(help_center: Endpoint, table, expected: int, timeout: float = 10, matching=bool) -> list[dict]:
    return wait_for_rows(help_center.database, table, expected, timeout, matching)


def test_every_question_asks_and_a_no_with_reason_and_contact_reach_the_database(page, help_center) -> None:
    page.goto(help_center.url + "/faq/pembayaran/")
    widgets = page.locator("[data-hc-vote]")
    assert widgets.count() == page.locator("article h2[id]").count() - 1  # all questions, not the contact title
    widget = page.locator("[data-hc-vote][data-hc-anchor=bayar-cod]")
    widget.get_by_role("button", name="Tidak").click()
    widget.get_by_label("Informasinya kurang lengkap").check()
    widget.get_by_label("Ceritakan lebih lanjut (opsional)").fill("Biaya COD-nya berapa? <b>penting</b>")
    widget.get_by_role("button", name="Kirim").click()
    assert widget.get_by_role("status").inner_text() == "Terima kasih, masukanmu membantu kami memperbaiki " \
                                                        "jawaban ini."
    whatsapp = widget.locator("[data-hc-channel=whatsapp]")
    assert "Bisa bayar di tempat (COD)?" in unquote(whatsapp.get_attribute("href"))
    with page.context.expect_page():
        whatsapp.click()

    [vote] = _rows(help_center, store.votes, 1, matching=lambda row: row["reason"])
    assert (vote["page"], vote["anchor"], vote["helpful"], vote["reason"], vote["comment"]) == (
        "faq/pembayaran/", "bayar-cod", False, "incomplete", "Biaya COD-nya berapa? <b>penting</b>")
    events = _rows(help_center, store.events, 2)
    assert [(e["kind"], e["page"], e["anchor"], e["channel"]) for e in events] == [
        ("view", "faq/pembayaran/", None, None), ("contact", "faq/pembayaran/", "bayar-cod", "whatsapp")]
    assert len({e["visit"] for e in events} | {vote["visit"]}) == 1, "one visit ties them together"


def test_keyboard_only_vote(page, help_center) -> None:
    page.goto(help_center.url + "/kebijakan/refund/")
    yes = page.locator("[data-hc-vote]").get_by_role("button", name="Ya")
    yes.focus()
    page.keyboard.press("Enter")
    status = page.locator("[data-hc-vote]").get_by_role("status")
    assert status.inner_text() == "Terima kasih atas masukanmu!"
    assert page.evaluate("document.activeElement.getAttribute('role')") == "status"
    [vote] = _rows(help_center, store.votes, 1)
    assert (vote["page"], vote["anchor"], vote["helpful"]) == ("kebijakan/refund/", "", True)


def test_a_vote_made_offline_is_sent_when_the_network_returns(page, help_center) -> None:
    page.goto(help_center.url + "/panduan/lacak-pesanan/")
    _rows(help_center, store.events, 1)  # the page view is in
    page.context.set_offline(True)
    page.locator("[data-hc-vote]").get_by_role("button", name="Ya").click()
    queued = "JSON.parse(localStorage.getItem('hc-feedback-queue') || '[]').length"
    page.wait_for_function(f"{queued} === 1")
    assert _rows(help_center, store.votes, 1, timeout=1) == []
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    [vote] = _rows(help_center, store.votes, 1)
    assert vote["page"] == "panduan/lacak-pesanan/"
    page.wait_for_function(f"{queued} === 0")


def test_instant_navigation_sets_up_the_next_page(page, help_center) -> None:
    page.goto(help_center.url + "/faq/")
    page.locator(".hc-section").get_by_role("link", name="Garansi").click()
    page.wait_for_url("**/faq/garansi/")
    page.locator("[data-hc-vote]").first.wait_for(state="visible")
    events = _rows(help_center, store.events, 2)
    assert [e["page"] for e in events if e["kind"] == "view"] == ["faq/", "faq/garansi/"]


def test_the_widget_weighs_at_most_5_kb_gzip(built_site: Path, static_site: Path) -> None:
    with_votes = (built_site / "faq" / "pembayaran" / "index.html").read_bytes()
    without = (static_site / "faq" / "pembayaran" / "index.html").read_bytes()
    script = (built_site / "assets" / "javascripts" / "feedback.js").read_bytes()
    styles = (built_site / "assets" / "stylesheets" / "helpcenter.css").read_bytes()
    vote_styles = styles[styles.index(b'/* "Apakah ini membantu?"'):]
    added = (len(gzip.compress(with_votes, 9)) - len(gzip.compress(without, 9)) + len(gzip.compress(script, 9))
             + len(gzip.compress(vote_styles, 9)))
    assert added <= 5000, f"the widget adds {added} bytes gzip to an FAQ page"
