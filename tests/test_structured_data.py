from __future__ import annotations

import json
from pathlib import Path

from helpcenter.build import structured_data
from helpcenter.content.pages import load_page

FAQ = """---
type: faq
title: Pembayaran
description: Cara bayar.
owner: o
reviewed: 2026-11-20
---

## Bisa bayar COD? {#cod}

Bisa, sampai **Rp3.000.000**.

## Berapa biayanya? {#biaya}

Rp5.000.
"""

HTML = """<p>Intro</p>
<h2 id="cod">Bisa bayar COD?<a class="headerlink" href="#cod" title="Tautan">&para;</a></h2>
<p>Bisa, sampai <strong>Rp3.000.000</strong>.</p><ul><li>Tunai</li><li>QRIS</li></ul>
<h2 id="biaya">Berapa biayanya?</h2>
<p>Rp5.000 &amp; tanpa biaya lain.</p><script>ignored()</script>"""


def test_answers_are_the_text_below_each_question() -> None:
    assert structured_data.answer_texts(HTML) == {
        "cod": "Bisa, sampai Rp3.000.000. Tunai QRIS",
        "biaya": "Rp5.000 & tanpa biaya lain.",
    }


def test_faq_page_has_one_question_per_heading(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(FAQ)
    page, _ = load_page(tmp_path, "p.md")
    data = structured_data.for_page(page, HTML, "https://bantuan.example/")
    assert data["@type"] == "FAQPage"
    assert [(q["@type"], q["name"], q["url"], q["acceptedAnswer"]["@type"]) for q in data["mainEntity"]] == [
        ("Question", "Bisa bayar COD?", "https://bantuan.example/p/#cod", "Answer"),
        ("Question", "Berapa biayanya?", "https://bantuan.example/p/#biaya", "Answer"),
    ]


def test_how_to_lists_steps_with_absolute_image_urls(tmp_path: Path) -> None:
    (tmp_path / "panduan").mkdir()
    (tmp_path / "panduan" / "lacak.md").write_text(
        "---\ntype: tutorial\ntitle: Lacak\ndescription: D\nowner: o\nreviewed: 2026-11-20\nduration: 4\n---\n\n"
        "1. Buka **Akun**.\n\n    ![Menu akun](img/akun.svg)\n\n2. Ketuk Lacak.\n"
    )
    page, _ = load_page(tmp_path, "panduan/lacak.md")
    data = structured_data.for_page(page, "", "https://bantuan.example/")
    assert (data["@type"], data["totalTime"]) == ("HowTo", "PT4M")
    assert data["step"] == [
        {"@type": "HowToStep", "position": 1, "name": "Buka Akun.", "text": "Buka Akun.",
         "image": "https://bantuan.example/panduan/img/akun.svg"},
        {"@type": "HowToStep", "position": 2, "name": "Ketuk Lacak.", "text": "Ketuk Lacak."},
    ]


def test_script_cannot_be_closed_by_content() -> None:
    script = structured_data.to_script({"name": "</script><script>alert(1)</script>"})
    assert script.count("</script>") == 1
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == {"name": "</script><script>alert(1)</script>"}
