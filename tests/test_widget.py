"""The feedback widget in real headless Chromium against the real endpoint, serving the built sample site."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpcenter.feedback import store
from helpcenter.testing.servers import Endpoint, wait_for_rows
from tests.conftest import PHONE, _QuietHandler, phone_page

pytestmark = pytest.mark.browser

QUEUED = "JSON.parse(localStorage.getItem('hc-feedback-queue') || '[]').map((item) => item.body.kind || 'vote')"


@pytest.fixture
def page(browser, help_center):
    with phone_page(browser) as page:
        # wa.me and mail links must not leave the machine: answer them here.
        page.context.route("https://wa.me/**", lambda route: route.fulfill(body="WhatsApp"))
        yield page


def _rows(help_center: Endpoint, table, expected: int, timeout: float = 10, matching=bool) -> list[dict]:
    return wait_for_rows(help_center.database, table, expected, timeout, matching)


def test_every_question_asks_and_a_no_with_reason_and_contact_reach_the_database(page, help_center) -> None:
    page.goto(help_center.url + "/faq/pembayaran/")
    widgets = page.locator("[data-hc-vote]")
    assert widgets.count() == page.locator("article h2[id]").count() - 1  # all questions, not the contact title
    widget = page.locator("[data-hc-vote][data-hc-anchor=bayar-cod]")
    # Each answer, and its widget, is folded under its question: a tap on the question opens it.
    page.locator("summary:has(#bayar-cod)").click()
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
    page.locator("[data-hc-vote]").wait_for(state="visible")
    page.context.set_offline(True)
    page.locator("[data-hc-vote]").get_by_role("button", name="Ya").click()
    page.wait_for_function(f"{QUEUED}.join() === 'view,vote'")
    assert _rows(help_center, store.votes, 1, timeout=1) == []
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    [vote] = _rows(help_center, store.votes, 1)
    assert vote["page"] == "panduan/lacak-pesanan/"
    page.wait_for_function(f"{QUEUED}.length === 0")


def test_nothing_is_sent_while_a_page_loads_and_the_view_goes_when_the_customer_leaves(page, help_center) -> None:
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if "/api/" in request.url else None)
    page.goto(help_center.url + "/kebijakan/garansi/", wait_until="networkidle")
    assert sent == []
    assert page.evaluate(QUEUED) == ["view"]
    page.goto("about:blank")  # hidden, then gone: the queue leaves with a keepalive request
    [view] = _rows(help_center, store.events, 1)
    assert (view["kind"], view["page"]) == ("view", "kebijakan/garansi/")


def test_instant_navigation_sets_up_the_next_page(page, help_center) -> None:
    page.goto(help_center.url + "/faq/")
    page.locator(".hc-section").get_by_role("link", name="Garansi").click()
    page.wait_for_url("**/faq/garansi/")
    page.locator("[data-hc-vote]").first.wait_for(state="attached")
    page.wait_for_function("!document.querySelector('[data-hc-vote]').hidden")  # set up, inside a folded answer
    page.goto("about:blank")
    events = _rows(help_center, store.events, 2)
    assert [e["page"] for e in events if e["kind"] == "view"] == ["faq/", "faq/garansi/"]


def test_every_control_is_a_44_px_tap_target_on_a_phone(page, help_center) -> None:
    page.goto(help_center.url + "/faq/pembayaran/")
    page.locator("details[data-hc-question] > summary").first.click()  # answers fold under their questions
    widget = page.locator("[data-hc-vote]").first
    controls = [widget.get_by_role("button", name="Ya"), widget.get_by_role("button", name="Tidak")]
    sizes = [control.bounding_box() for control in controls]
    controls[1].click()
    reasons = widget.locator("fieldset label")
    assert reasons.count() == 5
    sizes += [reasons.nth(n).bounding_box() for n in range(5)]
    sizes += [widget.get_by_role("button", name="Kirim").bounding_box()]
    channels = widget.locator("[data-hc-channel]")
    assert channels.count() == 3
    sizes += [channels.nth(n).bounding_box() for n in range(3)]
    small = [(round(box["width"]), round(box["height"])) for box in sizes if box["width"] < 44 or box["height"] < 44]
    assert small == []
    # The whole row of a reason answers a tap, not only its 24 px radio button.
    row = reasons.nth(2).bounding_box()
    page.mouse.click(row["x"] + row["width"] - 10, row["y"] + row["height"] / 2)
    assert widget.get_by_role("radio", name="Salah atau sudah tidak berlaku").is_checked()


@pytest.mark.parametrize("failure", ["503", "408", "network"])
def test_a_vote_that_meets_a_503_or_a_lost_connection_stays_queued_and_is_sent_again(page, help_center,
                                                                                      failure: str) -> None:
    """A rebuild (no manifest), a store away or a dropped connection: the vote waits, it is not thrown away."""

    def fail(route) -> None:
        if failure == "network":
            route.abort("connectionreset")
        else:
            route.fulfill(status=int(failure), content_type="application/json",
                          body='{"error": "the help center has no manifest yet", "details": []}')

    page.route("**/api/v1/votes", fail)
    page.goto(help_center.url + "/panduan/lacak-pesanan/")
    with page.expect_event("requestfailed" if failure == "network" else "requestfinished",
                           lambda request: request.url.endswith("/api/v1/votes")):
        page.locator("[data-hc-vote]").get_by_role("button", name="Ya").click()
    page.wait_for_function(f"{QUEUED}.join() === 'vote'")
    page.unroute("**/api/v1/votes")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    [vote] = _rows(help_center, store.votes, 1)
    assert (vote["page"], vote["helpful"]) == ("panduan/lacak-pesanan/", True)
    page.wait_for_function(f"{QUEUED}.length === 0")


def test_the_visit_id_ends_at_the_salts_day_boundary(page, help_center) -> None:
    """A tab left open overnight starts a new visit at midnight UTC, when the endpoint's salt changes: one id never
    ties a visitor's hashes of two days together."""
    page.goto(help_center.url + "/kebijakan/refund/")
    page.locator("[data-hc-vote]").wait_for(state="visible")
    yesterday = {"id": "visit-of-yesterday-0001", "day": "2026-01-01"}
    page.evaluate(f"sessionStorage.setItem('hc-visit', {json.dumps(json.dumps(yesterday))})")
    page.locator("[data-hc-vote]").get_by_role("button", name="Ya").click()
    [vote] = _rows(help_center, store.votes, 1)
    stored = json.loads(page.evaluate("sessionStorage.getItem('hc-visit')"))
    assert vote["visit"] != yesterday["id"]
    assert stored == {"id": vote["visit"], "day": datetime.now(UTC).date().isoformat()}


@pytest.fixture
def endpoint_down(built_site: Path):
    """The site built with its endpoint (/api/v1), on a static server where nothing answers it (501)."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_an_endpoint_that_does_not_answer_costs_the_page_nothing(browser, endpoint_down: str) -> None:
    """No console error while the page loads (Lighthouse counts them); a vote that fails waits in the queue."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    console: list[str] = []
    errors: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(endpoint_down + "faq/pembayaran/", wait_until="networkidle")
    page.locator("details[data-hc-question] > summary").first.click()  # answers fold under their questions
    page.locator("[data-hc-vote]").first.wait_for(state="visible")
    assert console == []
    page.locator("[data-hc-vote]").first.get_by_role("button", name="Ya").click()
    page.wait_for_function(f"{QUEUED}.join() === 'view,vote'")
    context.close()
    assert errors == []


def test_the_widget_weighs_at_most_5_kb_gzip(built_site: Path, static_site: Path) -> None:
    with_votes = (built_site / "faq" / "pembayaran" / "index.html").read_bytes()
    without = (static_site / "faq" / "pembayaran" / "index.html").read_bytes()
    script = (built_site / "assets" / "javascripts" / "feedback.js").read_bytes()
    styles = (built_site / "assets" / "stylesheets" / "helpcenter.css").read_bytes()
    vote_styles = styles[styles.index(b"\n.hc-vote {"):]  # the widget's rules close the stylesheet
    added = (len(gzip.compress(with_votes, 9)) - len(gzip.compress(without, 9)) + len(gzip.compress(script, 9))
             + len(gzip.compress(vote_styles, 9)))
    assert added <= 5000, f"the widget adds {added} bytes gzip to an FAQ page"
