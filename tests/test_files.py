"""Nothing of the machine around the content folder gets into the site: links out, linked folders, hard links,
pipes, files a browser would run, pages too large to read."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.check import check_content
from helpcenter.content.files import MAX_TEXT_KB, file_problems
from helpcenter.content.problems import ContentError
from helpcenter.content.synonyms import load_synonyms
from tests.conftest import mkdocs_build

TODAY = date(2026, 11, 25)


@pytest.fixture
def content(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample content in a repository-like folder, the working directory: problems name 'content/...'."""
    monkeypatch.chdir(content_copy.parent)
    return content_copy


def _problems(content: Path) -> list[str]:
    site = check_content(content, TODAY)
    return [str(p) for p in site.problems if p.severity == "error"]


def test_files_outside_the_content_folder_are_refused_by_check_and_build(content: Path) -> None:
    """The probe: `ln -s /proc/self/environ content/env.txt && make build` published the build's environment."""
    (content / "env.txt").symlink_to("/proc/self/environ")
    (content / "faq" / "passwd.txt").symlink_to("/etc/passwd")
    (content / "etc").symlink_to("/etc", target_is_directory=True)
    expected = [
        "content/env.txt:1: the file is a link to '/proc/self/environ', outside the content folder: the site "
        "would publish that file of the build machine; put a copy of the file into the content folder instead",
        "content/etc:1: the file is a link to '/etc', outside the content folder: the site would publish that "
        "file of the build machine; put a copy of the file into the content folder instead",
        "content/faq/passwd.txt:1: the file is a link to '/etc/passwd', outside the content folder: the site "
        "would publish that file of the build machine; put a copy of the file into the content folder instead",
    ]
    assert _problems(content) == expected

    work = content.parent / "work"
    result = mkdocs_build(content, work, env={"HELPCENTER_LANG": "en"})  # the messages as the check's, in English
    assert result.returncode == 1
    for line in expected:
        assert line.replace("content/", f"{content}/") in result.stderr
    assert not (work / "site").exists(), "a refused build publishes nothing"
    published = [path for path in work.rglob("*") if path.name in ("env.txt", "passwd.txt", "passwd")]
    assert published == []


def test_linked_folders_broken_links_hard_links_and_pipes_are_refused(content: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("owned by someone else")
    (content / "faq" / "lagi").symlink_to("..", target_is_directory=True)  # MkDocs would walk it in circles
    (content / "hilang.md").symlink_to("tidak-ada.md")
    os.link(secret, content / "salinan.txt")
    os.mkfifo(content / "pipa.md")
    image = next((content / "panduan" / "img").glob("*.svg"))
    (image.parent / "salinan.svg").symlink_to(image.name)  # a link to a file inside: fine
    (content / ".cache").symlink_to("/etc", target_is_directory=True)  # hidden, but MkDocs walks into it
    (content / ".env").symlink_to("/proc/self/environ")  # hidden and never published: fine
    problems = [str(p) for p in file_problems(content, "content")]
    assert problems == [
        "content/.cache:1: the file is a link to '/etc', outside the content folder: the site would publish that "
        "file of the build machine; put a copy of the file into the content folder instead",
        "content/faq/lagi:1: the folder is a link to '..': a linked folder can lead outside the content folder or "
        "round in a circle; make it a real folder",
        "content/hilang.md:1: the file is a link to 'tidak-ada.md', which does not exist; remove the link",
        "content/pipa.md:1: this is not a plain file (a pipe, socket or device): copying it would stall the build "
        "or publish the machine's data; remove it",
        "content/salinan.txt:1: the file is a hard link (2 names on this disk): it can be any file of the build "
        "machine; replace it with a copy",
    ]
    # The check itself never opens the pipe (it would wait forever) nor follows the links.
    assert sorted(_problems(content)) == sorted(problems)


@pytest.mark.parametrize("name", ["halaman.html", "skrip.js", "gaya.css", "data.xml", "peta.svgz", "Makefile"])
def test_files_a_browser_would_run_are_not_published(name: str, content: Path) -> None:
    (content / "faq" / name).write_text("<script>window.pwned = 1</script>")
    suffix = os.path.splitext(name)[1] or name
    assert _problems(content) == [
        f"content/faq/{name}:1: '{suffix}' files are not published from the content folder (a page or script "
        "of this kind would pass the checks unread); allowed: .avif, .gif, .jpeg, .jpg, .md, .mp4, .pdf, .png, .svg, "
        ".txt, .vtt, .webp"]


def test_pages_images_documents_and_hidden_files_are_fine(content: Path) -> None:
    for name in ("formulir.pdf", "robots.txt", "foto.JPG", ".gitkeep", ".DS_Store"):
        (content / name).write_bytes(b"x")
    assert _problems(content) == []


def test_a_page_over_the_size_limit_is_refused_unread(content: Path) -> None:
    """A 50 MB page built for 52 s into a 53 MB index.html; past the limit it is not even decoded."""
    page = content / "faq" / "besar.md"
    page.write_bytes(b"---\ntype: faq\n---\n" + b"\xff" * (2 * MAX_TEXT_KB * 1024))
    [problem] = _problems(content)
    assert problem == (f"content/faq/besar.md:1: the file is {2 * MAX_TEXT_KB} kB, more than {MAX_TEXT_KB} "
                       "kB: split it into several pages")


def test_synonyms_over_the_size_limit_are_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yml"
    path.write_text("- [ongkir, ongkos kirim]\n" * (MAX_TEXT_KB * 1024 // 20))
    with pytest.raises(ContentError, match=re.escape(f"more than {MAX_TEXT_KB} kB")):
        load_synonyms(path, "content/synonyms.yml")
