"""The search panel on a phone (390x844) in headless Chromium: results grouped by page with a truthful count, and
the way on when no answer fits: the nearest questions, "Maksud Anda …?", the popular questions and CS."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from helpcenter.feedback import store
from helpcenter.search.engine import SearchEngine, group
from helpcenter.testing.servers import wait_for_rows
from tests.conftest import PHONE
from tests.test_search_browser import LISTEN, SEARCH_BOX, open_site, search

pytestmark = pytest.mark.browser

HELP = ".hc-search-help"


@pytest.fixture
def phone(browser, site_server: str):
    page = browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_site(page, site_server)
    page.locator("label[for=__search]").first.click()
    yield page
    page.close()
    assert errors == []


def meta(page) -> str:
    return page.locator(".md-search-result__meta").inner_text()


def test_each_page_is_listed_once_with_a_count_of_results_in_indonesian(phone, static_site: Path) -> None:
    engine = SearchEngine.from_site(static_site)
    pages = len(group(engine.search("voucher"), engine))
    search(phone, "voucher")
    entries = phone.locator(".md-search-result__item")
    heads = [item.locator("a").first.get_attribute("href").split("?")[0] for item in entries.all()]
    assert all("#" not in head for head in heads)
    assert len(heads) == len(set(heads)) == entries.count()
    # Material shows ten entries, then more as the customer scrolls: the count is of pages.
    assert meta(phone) == f"{pages} hasil" and entries.count() == min(pages, 10) and pages < len(engine._pages)
    # The page heads its entry; its questions are under it, the best shown, the rest folded.
    promo = entries.filter(has_text="Promo & Voucher").first
    assert promo.locator("a").first.locator("article h1").inner_text() == "Promo & Voucher"
    assert promo.locator("a article h2").count() >= 3
    assert phone.locator(HELP).count() == 0


def test_missing_words_are_not_struck_through(phone) -> None:
    search(phone, "voucher xylofon")
    assert phone.locator(".md-search-result__item").count() > 0
    assert phone.locator(".md-search-result__terms, .md-search-result del").count() == 0


def test_nothing_found_offers_popular_questions_and_cs_with_the_query(phone) -> None:
    search(phone, "xylofon kuantum")
    assert meta(phone) == "Belum ada jawaban yang pas"
    panel = phone.locator(HELP)
    assert "Pertanyaan populer:" in panel.inner_text() and "Mungkin yang Anda cari" not in panel.inner_text()
    popular = panel.locator("[aria-labelledby=hc-search-popular] a")
    assert popular.first.inner_text() == "Kenapa pesanan saya belum dikirim?" and popular.count() == 5
    buttons = panel.locator(".hc-search-help__button")
    assert buttons.all_inner_texts() == ["Hubungi CS lewat WhatsApp", "Hubungi CS lewat E-mail",
                                         "Hubungi CS lewat Telepon"]
    whatsapp = urlsplit(buttons.first.get_attribute("href"))
    assert whatsapp.netloc == "wa.me" and '"xylofon kuantum"' in parse_qs(whatsapp.query)["text"][0]
    # Thumb-sized, and the CS buttons on the first screen of a phone.
    for target in [*popular.all(), *buttons.all()]:
        box = target.bounding_box()
        assert box["height"] >= 44, target.inner_text()
    assert buttons.last.bounding_box()["y"] + 44 <= PHONE["height"]
    # Material's search dialog gets a name (axe's aria-dialog-name).
    assert phone.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Pencarian"
    # A new query that finds answers takes the panel away; so does emptying the box.
    search(phone, "garansi")
    assert phone.locator(HELP).count() == 0
    search(phone, "xylofon")
    assert phone.locator(HELP).count() == 1
    phone.locator(SEARCH_BOX).fill("")
    assert phone.locator(HELP).count() == 0


def test_did_you_mean_runs_the_better_query(phone) -> None:
    search(phone, "vocer")
    suggestion = phone.locator(".hc-search-help__suggestion")
    assert re.fullmatch(r"Maksud Anda voucher\s*\?", phone.locator(".hc-search-help__did-you-mean").inner_text())
    assert suggestion.bounding_box()["height"] >= 44
    suggestion.click()
    phone.wait_for_function("() => window.__hcAnswered === 'voucher'")
    assert phone.locator(SEARCH_BOX).input_value() == "voucher"
    phone.locator(".md-search-result__item").first.wait_for()
    assert meta(phone).endswith("hasil") and phone.locator(HELP).count() == 0


def test_below_the_relevance_floor_the_nearest_questions_are_offered_as_such(phone) -> None:
    search(phone, "jadwal kereta api")
    assert meta(phone) == "Belum ada jawaban yang pas"
    assert phone.locator(".md-search-result__item").count() == 0
    nearest = phone.locator("[aria-labelledby=hc-search-nearest] a")
    assert phone.locator("#hc-search-nearest").inner_text() == "Mungkin yang Anda cari:"
    assert 1 <= nearest.count() <= 3 and "/faq/" in nearest.first.get_attribute("href")


def test_the_panel_works_after_instant_navigation(phone) -> None:
    search(phone, "xylofon kuantum")
    link = phone.locator("[aria-labelledby=hc-search-popular] a").first
    href = link.get_attribute("href")
    link.click()
    phone.wait_for_url(href)
    phone.evaluate(LISTEN)
    phone.locator("label[for=__search]").first.click()
    search(phone, "xylofon kuantum")
    assert phone.locator(HELP).count() == 1 and meta(phone) == "Belum ada jawaban yang pas"


def test_a_search_without_fitting_answer_is_still_recorded_as_finding_nothing(browser, help_center) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        open_site(page, help_center.url + "/")
        page.locator("label[for=__search]").first.click()
        search(page, "jadwal kereta api")
        page.locator(".hc-search-help__button").first.wait_for()
        [row] = wait_for_rows(help_center.database, store.events, 1, 10,
                              lambda row: row["kind"] == "search" and row["query"] == "jadwal kereta api")
        assert row["results"] == 0
    finally:
        context.close()
