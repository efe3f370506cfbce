"""The sample site in real headless Chromium, as a customer uses it."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import phone_page

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.requests = requests
    yield page
    context.close()
    assert errors == [], "no script errors on the page"


def test_the_browser_talks_to_no_third_party(page, site_server: str) -> None:
    for path in ("", "faq/pembayaran/", "panduan/lacak-pesanan/", "kebijakan/garansi/"):
        page.goto(site_server + path, wait_until="networkidle")
    hosts = {urlsplit(url).netloc for url in page.requests if not url.startswith("data:")}
    assert hosts == {urlsplit(site_server).netloc}


def test_keyboard_opens_search_from_the_home_page(page, site_server: str) -> None:
    page.goto(site_server)
    hero = page.locator("[data-hc-open-search]")
    hero.focus()
    page.keyboard.press("Enter")
    query = page.locator("[data-md-component=search-query]")
    query.wait_for(state="visible")
    assert page.evaluate("document.activeElement.dataset.mdComponent") == "search-query"
    # Material's worker builds its index first; a query typed before that is not run again.
    page.get_by_text("Ketik untuk mulai pencarian").wait_for()
    # Material reads the query on keyup, so type it as a customer would.
    query.press_sequentially("garansi", delay=20)
    # Each keystroke is a query: wait for the results of the whole word, not of "gar".
    page.locator(".md-search-result__list", has_text=re.compile("Garansi")).wait_for()


def test_a_tap_on_the_home_search_box_opens_search(page, site_server: str) -> None:
    page.goto(site_server)
    page.locator("[data-hc-open-search]").click()
    page.locator("[data-md-component=search-query]").wait_for(state="visible")
    assert page.evaluate("document.getElementById('__search').checked")


def test_instant_navigation_keeps_the_contact_block_in_context(page, site_server: str) -> None:
    page.goto(site_server)
    page.get_by_role("link", name="Pembayaran").first.click()
    page.wait_for_url("**/faq/pembayaran/")
    whatsapp = page.locator(".hc-contact [data-hc-channel=whatsapp]")
    whatsapp.wait_for(state="visible")
    assert '"Pembayaran"' in unquote(whatsapp.get_attribute("href"))
    assert page.locator("h1").inner_text() == "Pembayaran"


def test_a_question_link_lands_on_its_question(page, site_server: str) -> None:
    page.goto(site_server + "faq/pembayaran/#bayar-cod")
    heading = page.locator("h2#bayar-cod")
    assert heading.inner_text().startswith("Bisa bayar di tempat (COD)?")
    assert heading.is_visible()
    assert page.evaluate("document.getElementById('bayar-cod').getBoundingClientRect().top") < 300


def test_article_pages_read_well_on_a_phone(browser, site_server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(site_server + "panduan/lacak-pesanan/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    image_width = page.evaluate("Math.max(...[...document.querySelectorAll('article img')].map(i => i.clientWidth))")
    context.close()
    assert overflow <= 0
    assert 0 < image_width <= 360


def test_a_static_host_shows_the_contact_block_but_no_vote_buttons(page, site_server: str) -> None:
    page.goto(site_server + "faq/pembayaran/")
    assert page.locator(".hc-contact").is_visible()
    assert page.locator("[data-hc-vote]").count() == 0


@pytest.fixture
def phone(browser, site_server):
    """A phone-sized page (390x844, touch), where the help center is judged first."""
    with phone_page(browser) as page:
        yield page


def _top(page, selector: str) -> float:
    """Distance from the top of the document, in CSS pixels."""
    return page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector)


def test_the_home_page_fits_topics_and_popular_questions_in_two_screens(phone, site_server: str) -> None:
    phone.goto(site_server)
    cards = phone.locator(".hc-cards--topics .hc-card").all()
    assert len(cards) >= 6
    first, second, third = (card.bounding_box() for card in cards[:3])
    assert first["y"] == second["y"] and second["x"] > first["x"] + first["width"], "two topic cards per row"
    assert third["y"] > first["y"] + first["height"]
    assert first["width"] > 150
    two_screens = 2 * 844
    assert _top(phone, "#hc-top-questions") < two_screens
    questions = phone.locator("#hc-top-questions + .hc-links a")
    assert questions.count() >= 5
    last_of_five = questions.nth(4).bounding_box()
    assert last_of_five["y"] + last_of_five["height"] < two_screens, "five popular questions within two screens"
    assert all(box["height"] >= 44 for box in (q.bounding_box() for q in questions.all()))
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_the_contact_page_starts_with_the_channels(phone, site_server: str) -> None:
    phone.goto(site_server + "kontak/")
    assert phone.locator(".hc-contact").count() == 1
    whatsapp = phone.locator(".hc-contact [data-hc-channel=whatsapp]").bounding_box()
    assert whatsapp["y"] + whatsapp["height"] < 844, "WhatsApp on the first screen"
    assert _top(phone, ".hc-contact") < _top(phone, "#sebelum-menghubungi-cs")


def test_a_policy_page_has_one_contact_block(phone, site_server: str) -> None:
    phone.goto(site_server + "kebijakan/pengembalian/")
    assert phone.locator(".hc-contact").count() == 1
    assert phone.get_by_role("heading", name="Butuh bantuan?", exact=True).count() == 0


def test_the_footer_names_the_shop_and_links_contact_and_policies(phone, site_server: str) -> None:
    phone.goto(site_server + "panduan/lacak-pesanan/")
    footer = phone.get_by_role("contentinfo")
    assert "Toko Senja" in footer.inner_text()
    assert footer.locator("[data-hc-channel]").count() == 3
    policies = footer.get_by_role("navigation", name="Kebijakan").get_by_role("link")
    assert policies.count() == 5
    policies.filter(has_text="Kebijakan Refund").click()
    phone.wait_for_url("**/kebijakan/refund/")
    assert phone.locator("h1").inner_text() == "Kebijakan Refund"


def test_shoppers_see_no_edit_link(phone, site_server: str) -> None:
    phone.goto(site_server + "faq/pembayaran/")
    assert phone.locator("a[rel=edit]").count() == 0
