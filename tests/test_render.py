"""Markdown, CSV and JSON: customer text comes out as text, never as markup, a link or a formula."""

from __future__ import annotations

import csv
import io
import json
import re

import markdown
import pytest

from helpcenter.report.render import escape_markdown, render_csv, render_issue, render_json, render_markdown
from tests.report_data import (
    HOSTILE_QUERY,
    PERIOD,
    hostile_report,
)

# Words a CS lead should not have to know: the ranking is explained, not named.
STATISTICS = re.compile(r"wilson|batas bawah|lower bound|interval|confidence|signifikan|significan|statisti|"
                        r"95 ?%|p-value|failure_bound", re.IGNORECASE)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    return hostile_report(tmp_path_factory.mktemp("render"))


@pytest.mark.parametrize(("text", "escaped"), [
    ("<b>tebal</b>", r"&lt;b&gt;tebal&lt;\/b&gt;"),
    ("a & b &amp; c", r"a &amp; b &amp;amp\; c"),
    ("[klik](javascript:x)", r"\[klik\]\(javascript\:x\)"),
    ("**a** _b_ `c`", r"\*\*a\*\* \_b\_ \`c\`"),
    ("a | b\nc", r"a \| b c"),
    ("@dewi #12", "\\@\u2060dewi \\#12"),
    ("https://evil.example", r"https\:\/\/evil\.example"),
])
def test_customer_text_is_escaped_for_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_our_own_titles_keep_mentions_and_lose_only_markup() -> None:
    assert escape_markdown("Akun & Keamanan | @dewi-lestari", customer=False) == r"Akun &amp; Keamanan \| @dewi-lestari"


@pytest.mark.parametrize("render", [render_markdown, render_issue])
def test_markdown_report_has_no_raw_markup_from_customers(report: dict, render) -> None:
    text = render(report)
    for raw in ("<script", "<img", "<svg", "](javascript", "**tebal**", "@dewi-lestari #12", "| kolom"):
        assert not re.search(r"(?<!\\)" + re.escape(raw), text), raw
    assert "[Bisa bayar di tempat (COD)?](<https://bantuan.example/faq/pembayaran/#bayar-cod>)" in text
    assert ("[`content/faq/pembayaran.md, baris 80`](<https://github.com/toko/bantuan/edit/main/content/faq/"
            "pembayaran.md#L80>) · @dewi-lestari") in text
    # Long comments are cut to keep the pull request readable.
    assert "x" * 300 not in text and ("…" in text or render is render_issue)


def test_markdown_renders_customer_text_as_text(report: dict) -> None:
    """Through a real Markdown renderer (Python-Markdown, with tables): no tag, link or emphasis from a customer."""
    html = markdown.markdown(render_markdown(report), extensions=["tables"])
    assert "<script" not in html and "<img" not in html and "<svg" not in html and "<strong>tebal" not in html
    assert all(href.startswith(("https://bantuan.example/", "https://github.com/toko/bantuan/edit/main/content/"))
               for href in re.findall(r'href="([^"]*)"', html))
    # Python-Markdown keeps the backslashes it does not know (GitHub's CommonMark drops them all): still text.
    assert "&lt;script&gt;window.pwned" in html and "[klik di sini](javascript" in html


def test_markdown_in_english() -> None:
    empty = {"period": PERIOD.as_dict(), "previous_period": PERIOD.previous().as_dict(), "generated": "now",
             "totals": dict.fromkeys(["visits", "contacts_avoided", "visits_not_found", "visits_contacted",
                                      "visits_browsed", "votes", "helpful_rate", "contacts", "searches",
                                      "searches_empty", "searches_bounced"], 0),
             "actions": [], "answers": [], "searches_empty": [], "searches_bounced": [], "searches_contacted": [],
             "pages_contacted": []}
    empty["previous_totals"] = empty["totals"]
    text = render_markdown(empty, "en")
    assert text.startswith("# Help center gap report") and "No votes or contact clicks in this period." in text
    assert "## What to do\n\nNothing to do" in text


def test_the_to_do_list_comes_first_then_trends_then_details(report: dict) -> None:
    text = render_markdown(report)
    headings = re.findall(r"(?m)^## (.*)$", text)
    assert headings == ["Yang perlu dikerjakan", "Tren", "Rincian"]
    todo = text.split("## Tren")[0]
    assert "1. **Perbaiki jawaban** [Bisa bayar di tempat (COD)?]" in todo
    assert ("2 dari 2 pembaca yang memberi suara menjawab Tidak; 1 di antaranya lalu menghubungi CS. 1 kali "
            "pembaca mengeklik kontak CS langsung dari sini. Alasan terbanyak: Informasinya kurang lengkap (1).") \
        in todo
    assert "**Tambahkan sinonim untuk pencarian** \"pengiriman\"" in todo
    assert "≈ 0,7 kontak CS per minggu" in todo
    assert "Urutannya dari yang paling pasti mengecewakan pelanggan" in todo


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("render", [render_markdown, render_issue])
def test_no_statistical_term_anywhere(report: dict, render, language: str) -> None:
    assert not STATISTICS.search(render(report, language))


def test_every_table_defines_its_columns(report: dict) -> None:
    """Each Markdown table is followed by one definition per column, under the column's own name."""
    lines = render_markdown(report).splitlines()
    tables = [number for number, line in enumerate(lines) if line.startswith("| ") and
              lines[number + 1].startswith("|---")]
    assert len(tables) == 6  # summary, answers, three kinds of search, pages
    for start in tables:
        header = [cell.strip() for cell in lines[start].strip("|").split("|")]
        end = next(number for number in range(start, len(lines)) if not lines[number].startswith("|"))
        defined = [re.match(r"- \*\*(.+?)\*\*: ", line) for line in lines[end + 1:end + 1 + len(header)]]
        names = [match.group(1) for match in defined if match]
        assert names == header, lines[start]


def test_the_issue_is_a_task_list_with_owners_and_edit_links(report: dict) -> None:
    text = render_issue(report)
    tasks = re.findall(r"(?m)^- \[ \] .*$", text)
    assert len(tasks) == len(report["actions"]) == 4
    assert tasks[0] == ("- [ ] **Perbaiki jawaban** [Bisa bayar di tempat (COD)?]"
                        "(<https://bantuan.example/faq/pembayaran/#bayar-cod>)  ")
    assert "<details>" in text and "| Kunjungan | 26 | 4 | +22 |" in text


def test_csv_cells_never_start_a_formula(report: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(report, "searches-empty"))))
    hostile = next(row for row in rows if "svg" in row["query"])
    assert hostile["query"] == HOSTILE_QUERY  # starts with '"': kept as it is
    rows = list(csv.DictReader(io.StringIO(render_csv({"daily": [{"day": "=1+1", "votes": -1}]}, "daily"))))
    assert rows == [{"day": "'=1+1", "votes": "-1"}]


def test_csv_actions_table(report: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(report, "actions"))))
    assert [(row["rank"], row["kind"], row["file"], row["line"]) for row in rows][:2] == [
        ("1", "rewrite", "content/faq/pembayaran.md", "80"), ("2", "synonym", "content/synonyms.yml", "")]
    assert rows[0]["edit_url"] == "https://github.com/toko/bantuan/edit/main/content/faq/pembayaran.md#L80"


def test_csv_answers_table(report: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert [(row["rank"], row["file"], row["line"], row["owner"]) for row in rows][:2] == [
        ("1", "content/faq/pembayaran.md", "80", "@dewi-lestari"),
        ("2", "content/kebijakan/refund.md", "", "@rina-wulandari")]
    assert rows[0]["reasons"] == "incomplete:1; unclear:1"


def test_json_is_the_report(report: dict) -> None:
    assert json.loads(render_json(report)) == json.loads(json.dumps(report))
