"""Internal notes and pages for CS agents: found in the Markdown, checked, and kept away from customers' pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.audience import agents_only_files
from helpcenter.content.body import notes, scan, without_notes
from helpcenter.content.load import load_site
from helpcenter.content.site import Site

TODAY = date(2026, 11, 25)

NOTES = """Intro.

/// internal
Cek di Panel Admin.
///

1. Langkah satu.

    /// internal | Pengecualian
    Hanya untuk pelanggan prioritas.
    ///

2. Langkah dua.

> /// internal
> Catatan dalam kutipan.
> ///

```md
/// internal
contoh di blok kode
///
```

//// internal
Di luar.

/// caption
Keterangan.
///
////

Akhir.
"""


def test_notes_are_found_at_the_margin_in_list_items_in_quotes_and_around_other_blocks() -> None:
    found = notes(NOTES, first_line=10)
    assert [(note.line, note.end_line, note.prefix, note.fence, note.title) for note in found] == [
        (12, 14, "", "///", ""), (18, 20, "    ", "///", "Pengecualian"), (24, 26, "> ", "///", ""),
        (34, 40, "", "////", "")]
    assert all(note.closed for note in found)
    assert NOTES[found[0].start:found[0].end] == "/// internal\nCek di Panel Admin.\n///\n"


def test_without_notes_leaves_the_rest_and_every_line_number() -> None:
    public = without_notes(NOTES)
    assert public.count("\n") == NOTES.count("\n")
    for gone in ("Panel Admin", "prioritas", "Catatan dalam kutipan", "Di luar", "Keterangan"):
        assert gone not in public
    for kept in ("Intro.", "1. Langkah satu.", "2. Langkah dua.", "contoh di blok kode", "Akhir."):
        assert kept in public


def test_a_note_never_closed_runs_to_the_end() -> None:
    [note] = notes("Awal.\n\n/// internal\nrahasia\n\n//// \nlagi\n")
    assert not note.closed and note.end == len("Awal.\n\n/// internal\nrahasia\n\n//// \nlagi\n")
    assert without_notes("Awal.\n\n/// internal\nrahasia\n") == "Awal.\n\n\n\n"


def test_links_and_images_in_notes_are_internal_and_steps_go_on_past_a_note() -> None:
    body = scan("1. Satu [a](a.md)\n\n/// internal\n![Layar admin](img/x.svg) [b](b.md)\n///\n\n2. Dua\n")
    assert [(link.target, link.internal) for link in body.links] == [("a.md", False), ("b.md", True)]
    assert [(image.src, image.internal) for image in body.images] == [("img/x.svg", True)]
    assert [step.text for step in body.steps] == ["Satu a", "Dua"]


def page(audience: str = "", type_: str = "faq", extra: str = "") -> str:
    return (f"---\ntype: {type_}\ntitle: Judul\ndescription: Satu kalimat.\nowner: \"@cs\"\nreviewed: 2026-11-20\n"
            f"{audience}{extra}---\n\n")


FAQ = "## Bisa bayar COD? {#cod}\n\nBisa.\n"


def make(folder: Path, files: dict[str, str]) -> Site:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return load_site(folder, TODAY, display_root=folder.parent)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


def problems(site: Site) -> list[tuple[str, int, str | None]]:
    return [(problem.file, problem.line, problem.code) for problem in site.problems]


def test_a_page_or_a_folder_is_for_agents(content: Path) -> None:
    site = make(content, {
        "index.md": page(type_="page"), "faq.md": page() + FAQ,
        "catatan.md": page("audience: agents\n", "page"),
        "sop/index.md": page("audience: agents\n", "page"), "sop/nada.md": page(type_="page"),
        "sop/lanjut/eskalasi.md": page(type_="page")})
    assert site.agents_only == {"catatan.md", "sop/index.md", "sop/nada.md", "sop/lanjut/eskalasi.md"}
    assert [p.source for p in site.public().pages] == ["faq.md", "index.md"]
    assert problems(site) == []


def test_notes_that_would_hide_or_lose_something_are_errors(content: Path) -> None:
    site = make(content, {"faq.md": page() + FAQ + "\n## Cuma catatan? {#catatan}\n\n/// internal\nRahasia.\n///\n"
                          "\n## Lagi {#lagi}\n\nYa.\n\n/// internal\n## Di dalam catatan\n\nTeks.\n///\n\n"
                          "/// internal\nTidak ditutup.\n"})
    assert problems(site) == [("content/faq.md", 13, "faq.no_answer"), ("content/faq.md", 24, "internal.heading"),
                              ("content/faq.md", 29, "internal.unclosed")]
    assert "end it with a line '///'" in site.problems[-1].message


def test_customers_pages_must_not_lead_to_pages_for_agents(content: Path) -> None:
    site = make(content, {
        "index.md": page(type_="page", extra="featured:\n  - sop/template.md#salam\n"),
        "faq.md": page() + FAQ + "\nLihat [SOP](sop/template.md) dan ![Alur](sop/img/alur.svg).\n\n"
                  "/// internal\nLihat [SOP](sop/template.md#salam) dan ![Alur](sop/img/alur.svg).\n///\n",
        "sop/index.md": page("audience: agents\n", "page"),
        "sop/template.md": page() + "## Salam pembuka {#salam}\n\nHalo {nama}.\n",
        "sop/img/alur.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    assert problems(site) == [("content/faq.md", 13, "link.agents_only"), ("content/faq.md", 13, "link.agents_only"),
                              ("content/index.md", 8, "link.agents_only")]
    assert site.problems[0].message.startswith("'sop/img/alur.svg' leads to 'sop/img/alur.svg', which is for CS "
                                               "agents only")


def test_the_home_page_is_for_everyone_and_a_folder_for_agents_cannot_be_undone(content: Path) -> None:
    site = make(content, {"index.md": page("audience: agents\n", "page"),
                          "sop/index.md": page("audience: agents\n", "page"),
                          "sop/umum.md": page("audience: public\n", "page")})
    assert problems(site) == [("content/index.md", 7, "audience.home"), ("content/sop/umum.md", 7, "audience.folder")]
    assert "'sop/index.md' makes the whole folder for CS agents only" in site.problems[1].message


def test_the_public_edition_leaves_out_what_only_agents_use(content: Path) -> None:
    svg = "<svg xmlns='http://www.w3.org/2000/svg'/>"
    site = make(content, {
        "faq.md": page() + FAQ + "\n![Dipakai umum](img/umum.svg)\n\n/// internal\n![Admin](img/admin.svg) "
                  "![Dipakai umum](img/umum.svg) [formulir](files/form.pdf) [FAQ](faq.md)\n///\n",
        "img/umum.svg": svg, "img/admin.svg": svg, "img/lepas.svg": svg, "files/form.pdf": "%PDF",
        "sop/index.md": page("audience: agents\n", "page"), "sop/img/alur.svg": svg,
        "catatan.md": page("audience: agents\n", "page") + "![Khusus](img/khusus.svg)\n", "img/khusus.svg": svg})
    sources = sorted(path.relative_to(content).as_posix() for path in content.rglob("*") if path.is_file())
    assert sorted(agents_only_files(site, sources)) == ["catatan.md", "files/form.pdf", "img/admin.svg",
                                                        "img/khusus.svg", "sop/img/alur.svg", "sop/index.md"]


def test_a_navigation_of_the_public_site_need_not_list_pages_for_agents(content: Path) -> None:
    from helpcenter.content.check import check_content

    make(content, {"index.md": page(type_="page"), "faq.md": page() + FAQ, "lain/lepas.md": page(type_="page"),
                   "tim/sop/index.md": page("audience: agents\n", "page"), "tim/sop/nada.md": page(type_="page")})
    config = content.parent / "mkdocs.yml"
    config.write_text("nav:\n  - index.md\n  - faq.md\n", encoding="utf-8")
    site = check_content(content, TODAY, config)
    assert [(Path(problem.file).name, problem.code) for problem in site.problems] == [
        ("lepas.md", "page.unreachable")]
