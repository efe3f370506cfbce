"""Phone screenshots of the sample shop for the README: home, an FAQ answer with its vote widget, search results and
the contact page, 390x844 CSS pixels each, as a shopper sees them.

The sample shop is built with --strict and served with its feedback API (`helpcenter serve`, a throwaway SQLite
file), so that the vote widget shows; Debian's Chromium takes the pictures at a device pixel ratio of 1, which keeps
each PNG small. Writes docs/screenshots/*.png.

    python bench/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from lighthouse import build_site
from results import ROOT, WORK

from helpcenter.manifest import FILE_NAME
from helpcenter.testing.chromium import CHROMIUM, CHROMIUM_ARGS
from helpcenter.testing.servers import Endpoint

PHONE = {"width": 390, "height": 844}
SEARCH_BOX = "[data-md-component=search-query]"


def _home(page, base: str) -> None:
    page.goto(base, wait_until="networkidle")


def _faq_answer(page, base: str) -> None:
    """A short answer, its vote widget under it, scrolled as a link to the question lands."""
    page.goto(base + "faq/pembayaran/#bayar-cod", wait_until="networkidle")
    page.locator("[data-hc-vote][data-hc-anchor=bayar-cod]").wait_for(state="visible")
    page.evaluate("document.getElementById('bayar-cod').scrollIntoView()")


def _search(page, base: str) -> None:
    """What a shopper types, in chat Indonesian: "how do I send goods back"."""
    page.goto(base + "faq/", wait_until="networkidle")
    page.locator("label.md-header__button[for=__search]").click()
    page.locator(SEARCH_BOX).wait_for(state="visible")
    page.get_by_text("Ketik untuk mulai pencarian").wait_for()
    page.locator(SEARCH_BOX).press_sequentially("gimana cara balikin barang", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.evaluate("document.activeElement.blur()")


def _contact(page, base: str) -> None:
    page.goto(base + "kontak/", wait_until="networkidle")


SHOTS = {"home": _home, "faq-answer": _faq_answer, "search": _search, "contact": _contact}


def take(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, show in SHOTS.items():
            context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True,
                                          color_scheme="light", reduced_motion="reduce")
            page = context.new_page()
            show(page, base)
            path = out / f"{name}.png"
            page.screenshot(path=path, animations="disabled", caret="hide")
            written.append(path)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="where the PNGs go")
    args = parser.parse_args()
    site = build_site(WORK / "screenshots" / "site")
    with tempfile.TemporaryDirectory(prefix="hc-screenshots-") as data:
        server = Endpoint({"HELPCENTER_DATABASE_URL": f"sqlite:///{Path(data) / 'feedback.sqlite3'}",
                           "HELPCENTER_SITE_DIR": str(site), "HELPCENTER_MANIFEST": str(site / FILE_NAME)}).start()
        try:
            for path in take(server.url + "/", args.out):
                print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.0f} kB")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
