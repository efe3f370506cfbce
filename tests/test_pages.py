"""Broken pages: each fixture fails with its file, line and field named, and a message that says what to do."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.load import load_site
from helpcenter.content.pages import load_page, page_url
from helpcenter.content.problems import message

FIXTURES = Path(__file__).parent / "fixtures" / "broken"
TODAY = date(2026, 11, 25)

# fixture -> (line, field, the message a CS lead sees after "content/<fixture>.md:<line>: ")
EXPECTED = {
    "invalid-yaml": (4, None, "the front matter is not valid YAML: mapping values are not allowed in this context; "
                              "check quotes and indentation (a value that contains ': ' or starts with '@' needs "
                              "quotes)"),
    "unknown-type": (2, "type", "'type' must be one of faq, policy, tutorial, page, got 'fak' (did you mean 'faq'?)"),
    "missing-owner": (1, "owner", "'owner' is required: who answers for this page, e.g. \"@dewi-lestari\" (in quotes)"),
    "wrong-date": (7, "effective", "'effective' must be a date like 2026-01-31, got '31/01/2026'"),
    "description-too-long": (4, "description", "'description' must be at most 160 characters, got 184"),
    "duplicate-anchor": (13, None, "the anchor 'cod' is already used on this page (line 9); give this heading its own, "
                                   "e.g. {#cod-2}"),
    "faq-without-questions": (2, "type", "an FAQ page needs questions: write each one as a '## ' heading with its "
                                         "answer below"),
    "question-without-answer": (13, None, "the question 'Bisa bayar pakai paylater?' has no answer: write the answer "
                                          "below the heading"),
    "image-without-alt": (14, None, "the image 'img/pesanan-saya.svg' has no alt text: describe what it shows between "
                                    "the brackets, e.g. ![Tombol Beli di halaman produk](img/pesanan-saya.svg)"),
    "no-front-matter": (1, None, "the page has no front matter: start the file with a line '---', the fields (type, "
                                 "title, ...), and another line '---'"),
    "version-not-quoted": (8, "version", "'version' must be text, got 1.2; put it in quotes: \"1.2\""),
    "history-mismatch": (10, "history", "'history' must start with the current version 1.2 effective 2026-04-01, got "
                                        "1.1 effective 2025-06-01"),
    "tutorial-without-steps": (2, "type", "a tutorial needs steps: write them as one numbered list (1., 2., 3.) at "
                                          "the left margin"),
    "unknown-field": (6, "reviewd", "unknown field 'reviewd' (did you mean 'reviewed'?)"),
    "reviewed-in-future": (6, "reviewed", "'reviewed' is 2099-01-01, a date in the future; use the date of the last "
                                          "review"),
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.md")) == sorted(EXPECTED)


@pytest.fixture
def broken_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    return content


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_page_names_file_line_and_field(name: str, broken_content: Path) -> None:
    shutil.copy(FIXTURES / f"{name}.md", broken_content / f"{name}.md")
    site = load_site(broken_content, TODAY, display_root=broken_content.parent)
    line, field, message = EXPECTED[name]
    assert [str(p) for p in site.problems] == [f"content/{name}.md:{line}: {message}"]
    assert site.problems[0].field == field
    if field != "reviewed":
        assert site.pages == [], "a page with errors must not be half-loaded"


def test_all_problems_of_all_pages_are_listed(broken_content: Path) -> None:
    for name in ("wrong-date", "missing-owner", "question-without-answer"):
        shutil.copy(FIXTURES / f"{name}.md", broken_content / f"{name}.md")
    site = load_site(broken_content, TODAY, display_root=broken_content.parent)
    assert [(p.file, p.line) for p in site.problems] == [
        ("content/missing-owner.md", 1), ("content/question-without-answer.md", 13), ("content/wrong-date.md", 7),
    ]


def test_several_problems_in_one_page_are_all_listed(broken_content: Path) -> None:
    (broken_content / "x.md").write_text(
        "---\ntype: tutorial\ntitle: ''\ndescription: Lacak pesanan.\nreviewed: kemarin\nduration: lima\n---\n\n"
        "1. Buka aplikasi.\n\n    ![](a.svg)\n"
    )
    site = load_site(broken_content, TODAY, display_root=broken_content.parent)
    assert [str(p) for p in site.problems] == [
        "content/x.md:1: 'owner' is required: who answers for this page, e.g. \"@dewi-lestari\" (in quotes)",
        "content/x.md:3: 'title' must not be empty: the page title, e.g. \"Pembayaran\"",
        "content/x.md:5: 'reviewed' must be a date like 2026-01-31, got 'kemarin'",
        "content/x.md:6: 'duration' must be a whole number, got 'lima'",
        "content/x.md:11: the image 'a.svg' has no alt text: describe what it shows between the brackets, "
        "e.g. ![Tombol Beli di halaman produk](a.svg)",
    ]


def test_faq_questions_take_explicit_anchors_over_slugs(tmp_path: Path) -> None:
    (tmp_path / "faq.md").write_text(
        "---\ntype: faq\ntitle: T\ndescription: D\nowner: o\nreviewed: 2026-11-20\n---\n\n"
        "Intro.\n\n## Bisa bayar **COD**? {#cod}\n\nBisa.\n\n## Berapa lama [refund](r.md)?\n\n3 hari.\n\n"
        "### Detail\n\nIsi.\n\n```md\n## Bukan pertanyaan\n```\n"
    )
    page, problems = load_page(tmp_path, "faq.md")
    assert problems == []
    assert [(q.anchor, q.text, q.line) for q in page.questions] == [
        ("cod", "Bisa bayar COD?", 11), ("berapa-lama-refund", "Berapa lama refund?", 15),
    ]


def test_tutorial_steps_keep_their_images(tmp_path: Path) -> None:
    (tmp_path / "t.md").write_text(
        "---\ntype: tutorial\ntitle: T\ndescription: D\nowner: o\nreviewed: 2026-11-20\nduration: 2\n---\n\n"
        "## Langkah-langkah\n\n1. Buka **Akun**.\n\n    ![Menu akun](img/a.svg)\n\n2. Pilih pesanan.\n"
        "3. Ketuk [Lacak](x.md).\n\n    ![Tombol lacak](img/b.svg)\n\n## Jika ada kendala\n\n1. Bukan langkah.\n"
    )
    page, problems = load_page(tmp_path, "t.md")
    assert problems == []
    assert [(s.position, s.text, [i.src for i in s.images]) for s in page.steps] == [
        (1, "Buka Akun.", ["img/a.svg"]), (2, "Pilih pesanan.", []), (3, "Ketuk Lacak.", ["img/b.svg"]),
    ]


@pytest.mark.parametrize(("source", "url"), [
    ("index.md", ""), ("kontak.md", "kontak/"), ("faq/index.md", "faq/"), ("faq/pembayaran.md", "faq/pembayaran/"),
])
def test_page_url_follows_directory_urls(source: str, url: str) -> None:
    assert page_url(source) == url


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_broken_page_reads_in_indonesian_too(name: str, broken_content: Path) -> None:
    shutil.copy(FIXTURES / f"{name}.md", broken_content / f"{name}.md")
    [found] = load_site(broken_content, TODAY, display_root=broken_content.parent).problems
    assert found.code, "a problem a CS lead meets must be in the message catalog"
    assert message(found, "en") == found.message
    assert message(found, "id") != found.message
