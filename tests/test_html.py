"""The HTML report: self-contained, escaped, and readable on a phone, checked in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.report.html import render_html
from tests.report_data import (
    hostile_report,
)


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> str:
    return render_html(hostile_report(tmp_path_factory.mktemp("html")))


def test_customer_text_is_escaped(hostile_html: str) -> None:
    for raw in ("<script>", "<img src=x", "<svg onload", '"><svg'):
        assert raw not in hostile_html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in hostile_html
    assert "[klik di sini](javascript:window.pwned=3)" in hostile_html  # shown as typed, not a link
    assert 'href="javascript' not in hostile_html


def test_the_file_is_self_contained(hostile_html: str) -> None:
    """No script, stylesheet, font or image from anywhere: the only URLs are links to the help center's pages."""
    assert not re.search(r"<script|<link|<[^>]*\ssrc=|@import|url\(", hostile_html)
    assert "default-src 'none'" in hostile_html
    assert set(re.findall(r'href="([^"]+)"', hostile_html)) <= {
        "https://bantuan.example/faq/pembayaran/#bayar-cod", "https://bantuan.example/kebijakan/refund/",
        "https://bantuan.example/faq/pembayaran/#bayar-va"}
    assert hostile_html.count("<svg") == 4  # helpfulness per day, failing answers, reasons, searches


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_nothing_runs_and_nothing_overflows_in_chromium(browser, hostile_html: str, tmp_path: Path,
                                                       width: int) -> None:
    report = tmp_path / "report.html"
    report.write_text(hostile_html, encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(report.as_uri())
        page.get_by_text("Tidak jelas").wait_for()
        assert page.evaluate("window.pwned") is None
        assert dialogs == [] and requests == [report.as_uri()]
        assert page.locator("script, img, iframe, object").count() == 0
        # The layout holds: nothing is wider than the screen, however long or right-to-left the customer's text.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        comment = page.locator("blockquote", has_text="window.pwned = 1")
        assert comment.get_attribute("dir") == "auto"
        box = comment.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.get_by_role("heading", name="Laporan celah pusat bantuan").is_visible()
    finally:
        context.close()
