from __future__ import annotations

from datetime import date
from pathlib import Path

from helpcenter.content.load import load_site
from helpcenter.content.problems import Severity

FRONT = "---\ntype: page\ntitle: T\ndescription: D.\nowner: o\nreviewed: 2026-11-20\n---\n\n"


def test_missing_and_oversized_images(tmp_path: Path) -> None:
    tmp_path = tmp_path / "content"
    (tmp_path / "img").mkdir(parents=True)
    (tmp_path / "img" / "kecil.svg").write_text("<svg/>")
    (tmp_path / "img" / "besar.png").write_bytes(b"\0" * 40 * 1024)
    (tmp_path / "a.md").write_text(FRONT + "![Kecil](img/kecil.svg)\n\n![Besar](img/besar.png)\n\n"
                                   "![Hilang](img/hilang.png)\n\n![Luar](https://cdn.example/x.png)\n")
    site = load_site(tmp_path, date(2026, 11, 25), display_root=tmp_path.parent, max_image_kb=30)
    assert [(str(p), p.severity) for p in site.problems] == [
        ("content/a.md:11: the image 'img/besar.png' is 40 kB, more than 30 kB: customers on mobile data wait for "
         "it; use SVG, or resize a screenshot to at most 1200 pixels wide and compress it", Severity.WARNING),
        ("content/a.md:13: the image 'img/hilang.png' does not exist ('img/hilang.png' in the content folder); "
         "check the file name and its folder", Severity.ERROR),
        # Not this check's business whether it exists: the HTML policy refuses images from other hosts.
        ("content/a.md:15: the image 'https://cdn.example/x.png' is not a file of the help center: put it in the "
         "content folder and write its path relative to the page, e.g. img/pesanan.png", Severity.ERROR),
    ]
