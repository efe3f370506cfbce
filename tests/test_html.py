"""The HTML report: self-contained, escaped, and readable on a phone, checked in headless Chromium: nothing wider
than the screen, no header broken inside a word, no chart label on a bar or another label, every table's columns
defined."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.report.html import render_html
from tests.report_data import SEARCH, hostile_report

EDIT = "https://github.com/toko/bantuan/edit/main/content/"
# In the page: every word of a table header on one line (a header may wrap between words, never inside one).
HEADER_WORDS_SPLIT = """() => {
  const split = [];
  for (const th of document.querySelectorAll("th")) {
    const node = th.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const text = node.textContent;
    for (const match of text.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) split.push(match[0]);
    }
  }
  return split;
}"""
# Every chart label: inside its drawing, on no bar and on no other label.
CHART_OVERLAPS = """() => {
  const overlaps = [];
  const meets = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 &&
    b.top < a.bottom - 0.5;
  for (const svg of document.querySelectorAll("svg")) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll("text")].map((text) => [text.textContent, text.getBoundingClientRect()]);
    const bars = [...svg.querySelectorAll("rect")].map((rect) => rect.getBoundingClientRect());
    texts.forEach(([label, rect], index) => {
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) overlaps.push(`${label} leaves its chart`);
      bars.forEach((bar) => meets(rect, bar) && overlaps.push(`${label} on a bar`));
      texts.slice(index + 1).forEach(([other, next]) => meets(rect, next) && overlaps.push(`${label} on ${other}`));
    });
  }
  return overlaps;
}"""
# Every table followed by a definition of each of its columns, under the column's name.
UNDEFINED_COLUMNS = """() => [...document.querySelectorAll("table")].flatMap((table) => {
  const list = table.nextElementSibling;
  const defined = list && list.matches("dl.defs") ?
    [...list.querySelectorAll("dt")].map((term) => term.textContent.replace(/:$/, "")) : [];
  return [...table.querySelectorAll("th")].map((th) => th.textContent).filter((name) => !defined.includes(name));
})"""


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> str:
    return render_html(hostile_report(tmp_path_factory.mktemp("html")))


@pytest.fixture(scope="module")
def checked_html(tmp_path_factory) -> str:
    """The sample's report with today's search asked again."""
    return render_html(hostile_report(tmp_path_factory.mktemp("checked"), search=SEARCH))


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
    assert set(re.findall(r'href="([^"]+)"', hostile_html)) == {
        "https://bantuan.example/faq/pembayaran/#bayar-cod", "https://bantuan.example/kebijakan/refund/",
        "https://bantuan.example/faq/pembayaran/#bayar-va", EDIT + "faq/pembayaran.md#L80",
        EDIT + "kebijakan/refund.md", EDIT + "faq/pembayaran.md#L20", EDIT + "synonyms.yml"}
    assert hostile_html.count("<svg") == 4  # helpfulness per day, failing answers, reasons, searches


def test_links_beside_the_site_stay_on_its_host(tmp_path: Path) -> None:
    html = render_html(hostile_report(tmp_path), links="/")
    assert 'href="/faq/pembayaran/#bayar-cod"' in html and "https://bantuan.example/" not in html


def test_the_first_thing_is_the_to_do_list(hostile_html: str) -> None:
    body = hostile_html.split("<body>", 1)[1]
    assert body.index("Yang perlu dikerjakan") < body.index("Ringkasan") < body.index("Rincian")
    first = re.search(r'<li class="action action--rewrite">(.*?)</li>', body, re.DOTALL)
    assert first and "Perbaiki jawaban" in first.group(1)
    assert f'<a class="edit" href="{EDIT}faq/pembayaran.md#L80">content/faq/pembayaran.md, baris 80</a>' \
        in first.group(1)
    assert "pemilik @dewi-lestari" in first.group(1) and "≈ 0,7 kontak CS per minggu" in first.group(1)


def test_searches_asked_again_say_what_they_find_now(checked_html: str) -> None:
    assert '<span class="now">sekarang menemukan &#34;Kebijakan Refund&#34;</span>' in checked_html
    assert '<span class="now gap">masih tanpa hasil</span>' in checked_html  # the hostile query
    # Only the one still without an answer is on the to-do list, with what today's search says.
    assert checked_html.count("Tulis jawaban baru untuk pencarian") == 1
    assert checked_html.count("Pencarian hari ini pun belum menemukan apa-apa.") == 1


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
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
        assert page.evaluate(HEADER_WORDS_SPLIT) == []
        assert page.evaluate(CHART_OVERLAPS) == []
        assert page.evaluate(UNDEFINED_COLUMNS) == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_checks_can_fail(browser, tmp_path: Path) -> None:
    """The browser checks above find what they look for: a header squeezed into a narrow column breaks inside
    its word, a label drawn on a bar overlaps, a table without definitions is undefined."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.set_content('<table style="width:120px;table-layout:fixed"><tr><th style="width:30px;'
                         'overflow-wrap:anywhere">Sebelumnya</th><td>x</td></tr></table>'
                         '<svg viewBox="0 0 100 40" width="100"><rect x="0" y="0" width="80" height="20"/>'
                         '<text x="10" y="15">50%</text></svg>')
        assert page.evaluate(HEADER_WORDS_SPLIT) == ["Sebelumnya"]
        assert page.evaluate(CHART_OVERLAPS) == ["50% on a bar"]
        assert page.evaluate(UNDEFINED_COLUMNS) == ["Sebelumnya"]
    finally:
        page.close()
