from __future__ import annotations

import pytest

from helpcenter.content.body import plain_text, scan

BODY = """Intro.

```md
## Not a heading {#nope}
1. not a step
![](not-an-image.svg)
```

## Bisa bayar **COD**? {#cod}

### Syarat

Pesanan sampai Rp3.000.000.

## Kosong?

## Langkah

1. Buka **Akun**.

    ![Halaman akun](img/a.svg "judul")

    ~~~
    ![](inside-code.svg)
    ~~~

2. Pilih [pesanan](x.md).

    <img src="img/b.svg" alt="">

Selesai.

3. Bukan langkah.
"""


@pytest.fixture(scope="module")
def body():
    return scan(BODY, first_line=10)


def test_headings_outside_code_with_anchors_and_file_lines(body) -> None:
    assert [(h.level, h.text, h.anchor, h.line) for h in body.headings] == [
        (2, "Bisa bayar COD?", "cod", 18),
        (3, "Syarat", "syarat", 20),
        (2, "Kosong?", "kosong", 24),
        (2, "Langkah", "langkah", 26),
    ]


def test_a_section_with_only_a_subsection_that_has_content_has_content(body) -> None:
    assert [(s.heading.anchor, s.has_content) for s in body.sections] == [
        ("cod", True), ("syarat", True), ("kosong", False), ("langkah", True),
    ]


def test_images_outside_code_with_their_alt_text(body) -> None:
    assert [(i.src, i.alt, i.line) for i in body.images] == [("img/a.svg", "Halaman akun", 30), ("img/b.svg", "", 38)]


def test_steps_are_the_first_numbered_list_with_their_images(body) -> None:
    assert [(s.position, s.text, s.line, [i.src for i in s.images]) for s in body.steps] == [
        (1, "Buka Akun.", 28, ["img/a.svg"]), (2, "Pilih pesanan.", 36, ["img/b.svg"]),
    ]


def test_an_unclosed_fence_hides_the_rest() -> None:
    assert scan("## A\n\ntext\n\n```\n## B\n").headings[-1].text == "A"


@pytest.mark.parametrize(("markdown", "text"), [
    ("**Buka** aplikasi", "Buka aplikasi"),
    ("Ketuk [Lacak](x.md) lalu `Salin`", "Ketuk Lacak lalu Salin"),
    ("Harga *__diskon__*  besar", "Harga diskon besar"),
    ("snake_case_word tetap", "snake_case_word tetap"),
])
def test_plain_text(markdown: str, text: str) -> None:
    assert plain_text(markdown) == text
