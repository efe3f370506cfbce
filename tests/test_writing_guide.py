"""The writing guide (CONTRIBUTING.md): in Indonesian, covering every task, and its examples pass the content
check and the strict build when applied to the sample shop."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.check import check_content
from tests.conftest import ROOT, mkdocs_build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# ```markdown title="content/faq/pesanan.md" append
_EXAMPLE = re.compile(r'^```(\w+) title="([^"]+)"(?: (append|front-matter))?\n(.*?)^```$', re.MULTILINE | re.DOTALL)
EXAMPLES = _EXAMPLE.findall(GUIDE)


def apply_examples(content: Path, guide: str = GUIDE) -> list[str]:
    """Write every example of `guide` into `content` as the guide tells a CS lead to; return the files."""
    changed = []
    for _, title, mode, text in _EXAMPLE.findall(guide):
        file = content / Path(title).relative_to("content")
        if mode == "append":
            file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")
        elif mode == "front-matter":
            body = file.read_text(encoding="utf-8").split("\n---\n", 1)[1]
            file.write_text(f"---\n{text}---\n{body}", encoding="utf-8")
        else:
            file.write_text(text, encoding="utf-8")
        changed.append(title)
    return changed


@pytest.mark.parametrize("heading", ["## Menambah pertanyaan", "## Mengubah kebijakan",
                                     "## Menulis panduan dengan gambar", "## Menambah sinonim",
                                     "## Menulis catatan internal", "## Menulis template jawaban",
                                     "## Membaca hasil pemeriksaan", "## Membaca laporan celah"])
def test_the_guide_covers_every_task(heading: str) -> None:
    assert f"\n{heading}\n" in GUIDE


def test_the_guide_has_an_example_for_each_kind_of_change() -> None:
    titles = [title for _, title, _, _ in EXAMPLES]
    assert titles == ["content/faq/pesanan.md", "content/kebijakan/pengembalian.md",
                      "content/panduan/beli-lagi.md", "content/synonyms.yml", "content/faq/pesanan.md",
                      "content/sop/template-jawaban.md"]


def test_the_examples_pass_the_content_check(content_copy: Path) -> None:
    apply_examples(content_copy)
    site = check_content(content_copy, date(2026, 11, 25), ROOT / "mkdocs.yml")
    assert [str(p) for p in site.problems] == []
    assert site.page("panduan/beli-lagi.md").meta.duration == 3
    assert site.page("kebijakan/pengembalian.md").meta.version == "3.0"
    assert site.question("faq/pesanan.md#kirim-hadiah")
    assert site.question("sop/template-jawaban.md#pesanan-dicek") and "sop/template-jawaban.md" in site.agents_only


def test_the_examples_build_with_strict(content_copy: Path, tmp_path: Path) -> None:
    apply_examples(content_copy)
    result = mkdocs_build(content_copy, tmp_path / "build")
    assert result.returncode == 0, result.stderr
    tutorial = (tmp_path / "build" / "site" / "panduan" / "beli-lagi" / "index.html").read_text(encoding="utf-8")
    assert "<figcaption>" in tutorial


def test_the_note_and_the_template_reach_agents_only(content_copy: Path, tmp_path: Path) -> None:
    apply_examples(content_copy)
    public = mkdocs_build(content_copy, tmp_path / "public")
    agents = mkdocs_build(content_copy, tmp_path / "agents", config="mkdocs-agents.yml")
    assert public.returncode == 0 and agents.returncode == 0, public.stderr + agents.stderr
    note = "tertahan di gudang transit"
    assert note not in (tmp_path / "public" / "site" / "faq" / "pesanan" / "index.html").read_text()
    assert not (tmp_path / "public" / "site" / "sop").exists()
    shown = (tmp_path / "agents" / "site" / "faq" / "pesanan" / "index.html").read_text()
    assert note in shown and '<p class="admonition-title">Catatan internal</p>' in shown
    template = (tmp_path / "agents" / "site" / "sop" / "template-jawaban" / "index.html").read_text()
    assert 'data-hc-anchor="pesanan-dicek"' in template and "Halo Kak {nama}, pesanan" in template


def test_an_unclosed_note_from_the_guide_would_fail(content_copy: Path) -> None:
    """The check above can fail: the note example without its closing line is refused."""
    apply_examples(content_copy)
    page = content_copy / "faq" / "pesanan.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(../sop/index.md).\n///\n", "(../sop/index.md).\n"),
                    encoding="utf-8")
    site = check_content(content_copy, date(2026, 11, 25))
    assert [(p.file.rsplit("/", 1)[-1], p.code) for p in site.problems if p.code != "featured.missing"] == [
        ("pesanan.md", "internal.unclosed")]


def test_an_example_without_alt_text_would_fail(content_copy: Path) -> None:
    """The check above can fail: the tutorial example with its alt text removed does."""
    apply_examples(content_copy)
    page = content_copy / "panduan" / "beli-lagi.md"
    page.write_text(re.sub(r"!\[[^\]]+\]", "![]", page.read_text(encoding="utf-8")), encoding="utf-8")
    site = check_content(content_copy, date(2026, 11, 25))
    assert [(p.file.rsplit("/", 1)[-1], p.line, p.code) for p in site.problems] == [
        ("beli-lagi.md", 19, "image.no_alt")]
