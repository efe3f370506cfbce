"""FAQ pages made for thumbs, in real headless Chromium at phone size (390x844): the questions at the top, answers
that fold, a link to a question (same page, another page, a search result, instant navigation) that opens it."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from helpcenter.testing.servers import free_port
from tests.conftest import CONTENT, PHONE, _QuietHandler, mkdocs_build, phone_page

pytestmark = pytest.mark.browser



@pytest.fixture
def phone(browser, site_server):
    with phone_page(browser) as page:
        yield page


@pytest.fixture(scope="module")
def instant_server(tmp_path_factory: pytest.TempPathFactory):
    """The sample site served at its own site_url: material's instant navigation maps the sitemap's addresses to
    the page's host but keeps site_url's port, so on a test port it navigates instantly only with that port."""
    port = free_port()
    work: Path = tmp_path_factory.mktemp("instant")
    result = mkdocs_build(CONTENT, work, extra_config=f"site_url: http://127.0.0.1:{port}/\n",
                          env={"HELPCENTER_FEEDBACK_ENDPOINT": ""})
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(work / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


def _open_questions(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('details[data-hc-question][open] h2')].map((h) => h.id)")


def _in_view(page, anchor: str) -> bool:
    top = page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", anchor)
    return 0 <= top < PHONE["height"] / 2


def test_a_long_faq_page_opens_as_a_short_list_of_its_questions(phone, site_server: str) -> None:
    phone.goto(site_server + "faq/pengembalian-refund/")
    listed = phone.get_by_role("navigation", name="Pertanyaan di halaman ini").get_by_role("link")
    questions = phone.locator("details[data-hc-question] h2")
    assert listed.count() == questions.count() > 5
    assert listed.all_inner_texts() == questions.all_inner_texts()
    assert _open_questions(phone) == []
    # About 7,000 px unfolded; folded it is the list and the questions.
    assert phone.evaluate("document.documentElement.scrollHeight") < 4 * PHONE["height"]


def test_a_tap_on_a_listed_question_opens_its_answer_and_scrolls_to_it(phone, site_server: str) -> None:
    phone.goto(site_server + "faq/pembayaran/")
    phone.get_by_role("navigation", name="Pertanyaan di halaman ini").get_by_role(
        "link", name="Bisa bayar di tempat (COD)?").tap()
    phone.wait_for_function("document.querySelector('details:has(#bayar-cod)').open")
    assert _open_questions(phone) == ["bayar-cod"]
    assert phone.get_by_text("Kamu membayar langsung ke kurir").is_visible()
    assert _in_view(phone, "bayar-cod")


def test_a_tap_on_a_question_folds_and_unfolds_it(phone, site_server: str) -> None:
    phone.goto(site_server + "faq/pembayaran/")
    answer = phone.get_by_text("Kamu membayar langsung ke kurir")
    assert not answer.is_visible()
    question = phone.locator("summary:has(#bayar-cod)")
    box = question.bounding_box()
    assert box["height"] >= 44, "a tap target on a phone"
    question.tap()
    assert answer.is_visible()
    question.tap()
    assert not answer.is_visible()


def test_a_link_from_outside_opens_its_question(phone, site_server: str) -> None:
    phone.goto(site_server + "faq/pembayaran/#bayar-cod")
    phone.wait_for_function("document.querySelector('details:has(#bayar-cod)').open")
    assert _open_questions(phone) == ["bayar-cod"]
    assert _in_view(phone, "bayar-cod")


def test_a_related_question_on_another_page_opens_with_instant_navigation(phone, instant_server: str) -> None:
    phone.goto(instant_server + "faq/pembayaran/#bayar-cod", wait_until="networkidle")
    phone.evaluate("window.hcSamePage = true")
    related = phone.locator("details:has(#bayar-cod) .hc-related")
    assert related.get_by_role("link").all_inner_texts() == ["Bisa batalin pesanan COD?",
                                                             "Metode pembayaran apa saja yang tersedia?"]
    related.get_by_role("link", name="Bisa batalin pesanan COD?").tap()
    phone.wait_for_url("**/faq/pembatalan/#batal-cod")
    phone.wait_for_function("document.querySelector('details:has(#batal-cod)')?.open")
    assert phone.evaluate("window.hcSamePage") is True, "material's instant navigation, no page load"
    assert _open_questions(phone) == ["batal-cod"]
    phone.wait_for_function("(id) => { const top = document.getElementById(id).getBoundingClientRect().top;"
                            " return top >= 0 && top < 422; }", arg="batal-cod")


def test_a_related_question_on_the_same_page_opens_it(phone, site_server: str) -> None:
    phone.goto(site_server + "faq/pembayaran/#bayar-cod")
    phone.locator("details:has(#bayar-cod) .hc-related").get_by_role(
        "link", name="Metode pembayaran apa saja yang tersedia?").tap()
    phone.wait_for_function("document.querySelector('details:has(#metode-pembayaran)').open")
    assert _in_view(phone, "metode-pembayaran")


def test_a_search_result_opens_its_question_with_instant_navigation(phone, instant_server: str) -> None:
    phone.goto(instant_server + "faq/", wait_until="networkidle")
    phone.evaluate("window.hcSamePage = true")
    phone.locator("label.md-header__button[for=__search]").click()
    box = phone.locator("[data-md-component=search-query]")
    box.wait_for(state="visible")
    phone.get_by_text("Ketik untuk mulai pencarian").wait_for()
    box.press_sequentially("bayar di tempat", delay=20)
    phone.locator(".md-search-result__item a[href*='#bayar-cod']").first.click()
    phone.wait_for_url("**/faq/pembayaran/**#bayar-cod")
    phone.wait_for_function("document.querySelector('details:has(#bayar-cod)')?.open")
    phone.wait_for_function("(id) => { const top = document.getElementById(id).getBoundingClientRect().top;"
                            " return top >= 0 && top < 422; }", arg="bayar-cod")
    assert phone.evaluate("window.hcSamePage") is True, "material's instant navigation, no page load"


def test_a_search_result_on_the_same_page_opens_its_question(phone, site_server: str) -> None:
    phone.goto(site_server + "faq/pembayaran/")
    phone.locator("label.md-header__button[for=__search]").click()
    box = phone.locator("[data-md-component=search-query]")
    box.wait_for(state="visible")
    phone.get_by_text("Ketik untuk mulai pencarian").wait_for()
    box.press_sequentially("bayar di tempat", delay=20)
    phone.locator(".md-search-result__item a[href*='#bayar-cod']").first.click()
    phone.wait_for_function("document.querySelector('details:has(#bayar-cod)')?.open")
    assert _open_questions(phone) == ["bayar-cod"]


def test_without_javascript_every_answer_stays_readable(browser, site_server: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "faq/pembayaran/")
    questions = page.locator("details[data-hc-question]")
    assert page.get_by_role("navigation", name="Pertanyaan di halaman ini").get_by_role("link").count() == \
        questions.count()
    for summary in page.locator("details[data-hc-question] > summary").all():
        summary.tap()
    assert page.get_by_text("Kamu membayar langsung ke kurir").is_visible()
    assert page.evaluate("[...document.querySelectorAll('details[data-hc-question]')].every((d) => d.open)")
    context.close()


def test_find_in_page_reaches_a_folded_answer(phone, site_server: str) -> None:
    """Chromium opens a closed <details> when a text fragment (or find-in-page) matches inside it."""
    phone.goto(site_server + "faq/pembayaran/#:~:text=membayar%20langsung%20ke%20kurir")
    phone.wait_for_function("document.querySelector('details:has(#bayar-cod)').open")
