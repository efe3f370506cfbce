"""axe-core in real headless Chromium at phone size: no violations on the pages a shopper reads, in the light and
dark schemes, also with the search open and with the "Tidak" form open.

axe-core comes from npm (package.json, pinned; `make test` runs `npm ci`). Without it the test skips on a laptop and
fails in CI (CI=true), like every test whose real part is missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpcenter.manifest import FILE_NAME
from helpcenter.testing.servers import Endpoint
from tests.conftest import PHONE, ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, headings, one main, ...).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = {
    "home": "",
    "faq": "faq/pembayaran/",
    "policy": "kebijakan/pengembalian/",
    "announced policy": "kebijakan/garansi/",
    "tutorial": "panduan/lacak-pesanan/",
    "contact": "kontak/",
    "not found": "halaman/yang-tidak-ada/",
}


@pytest.fixture(scope="module")
def axe_script() -> str:
    if AXE.is_file():
        return AXE.read_text(encoding="utf-8")
    message = f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (make test does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The sample site and the feedback API from one process, as `make run` serves them: vote buttons shown."""
    database = f"sqlite:///{tmp_path_factory.mktemp('axe') / 'feedback.sqlite3'}"
    server = Endpoint({"HELPCENTER_DATABASE_URL": database, "HELPCENTER_SITE_DIR": str(built_site),
                       "HELPCENTER_MANIFEST": str(built_site / FILE_NAME)}).start()
    yield server.url + "/"
    server.stop()


def violations(page, axe_script: str) -> list[str]:
    """axe's violations on the page as it is now, one line each: rule, what it asks, the elements."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_script)
    found = page.evaluate("(tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } })"
                          ".then((result) => result.violations)", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']}: " + json.dumps([n["target"] for n in v["nodes"]][:5])
            + f"; first: {v['nodes'][0]['failureSummary']}" for v in found]


def open_page(browser, url: str, scheme: str):
    # The site's CSP (helpcenter serve sends it) forbids the inline axe script this test adds; tests/test_csp.py
    # checks the pages under it.
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme,
                                  bypass_csp=True)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    # The palette follows the device's scheme; make sure the scheme under test is the one shown.
    assert page.evaluate("document.body.dataset.mdColorScheme") == {"light": "default", "dark": "slate"}[scheme]
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_violations_on_the_pages_a_shopper_reads(browser, site: str, axe_script: str, name: str,
                                                    scheme: str) -> None:
    context, page = open_page(browser, site + PAGES[name], scheme)
    if name == "faq":
        # One answer open (with its related questions and vote), the others folded under their questions.
        page.locator("summary:has(#bayar-cod)").click()
        page.locator("details:has(#bayar-cod) .hc-related").wait_for(state="visible")
    if name != "not found" and name != "home":
        page.locator("[data-hc-vote]:visible").first.wait_for(state="visible")
    found = violations(page, axe_script)
    context.close()
    assert found == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_violations_with_the_search_open(browser, site: str, axe_script: str, scheme: str) -> None:
    context, page = open_page(browser, site + PAGES["faq"], scheme)
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("[data-md-component=search-query]")
    box.wait_for(state="visible")
    page.get_by_text("Ketik untuk mulai pencarian").wait_for()
    box.press_sequentially("ongkir", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    found = violations(page, axe_script)
    context.close()
    assert found == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_violations_with_the_no_form_open(browser, site: str, axe_script: str, scheme: str) -> None:
    context, page = open_page(browser, site + PAGES["faq"], scheme)
    page.locator("details[data-hc-question] > summary").first.click()
    widget = page.locator("[data-hc-vote]").first
    widget.get_by_role("button", name="Tidak").click()
    widget.get_by_role("radio", name="Sulit dipahami").wait_for(state="visible")
    found = violations(page, axe_script)
    context.close()
    assert found == []
