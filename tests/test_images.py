from __future__ import annotations

import re
import struct
from datetime import date
from pathlib import Path

from helpcenter.build.images import image_size, with_image_hints
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


# -- sizes and lazy loading on the built page (helpcenter/build/images.py) --------------------------------------------

def test_an_image_file_tells_its_size(tmp_path: Path) -> None:
    files = {
        "a.svg": b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="360" height="640px">',
        "b.svg": b'<svg viewBox="0 0 320 180" xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
        "c.svg": b'<svg width="100%" height="100%"></svg>',
        "d.png": b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 1080, 2340),
        "e.gif": b"GIF89a" + struct.pack("<HH", 40, 30),
        "f.jpg": b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + bytes(14)
                 + b"\xff\xc0" + struct.pack(">HBHH", 17, 8, 900, 1200) + bytes(10),
        "g.webp": b"RIFF" + bytes(4) + b"WEBPVP8X" + bytes(8)
                  + (799).to_bytes(3, "little") + (599).to_bytes(3, "little"),
        "h.png": b"not an image",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert {name: image_size(tmp_path / name) for name in files} == {
        "a.svg": (360, 640), "b.svg": (320, 180), "c.svg": None, "d.png": (1080, 2340), "e.gif": (40, 30),
        "f.jpg": (1200, 900), "g.webp": (800, 600), "h.png": None}
    assert image_size(tmp_path / "missing.png") is None


def test_images_get_their_size_and_load_lazily_unless_the_writer_chose(tmp_path: Path) -> None:
    (tmp_path / "step.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="360" height="640"></svg>')
    html = ('<p><img alt="one" src="../img/step.svg" /></p><p><img alt="two" src="../img/step.svg"></p>'
            '<p><img alt="three" src="../img/step.svg" width="180" loading="eager"></p>'
            '<p><img alt="four" src="../img/gone.svg"></p>')
    files = {"../img/step.svg": tmp_path / "step.svg"}
    assert with_image_hints(html, files.get) == (
        '<p><img alt="one" src="../img/step.svg" width="360" height="640" loading="lazy" /></p>'
        '<p><img alt="two" src="../img/step.svg" width="360" height="640" loading="lazy"></p>'
        '<p><img alt="three" src="../img/step.svg" width="180" loading="eager"></p>'
        '<p><img alt="four" src="../img/gone.svg" loading="lazy"></p>')


def test_a_tutorials_step_pictures_load_lazily(built_site: Path) -> None:
    images = re.findall(r"<img\b[^>]*>", (built_site / "panduan" / "lacak-pesanan" / "index.html").read_text())
    steps = [tag for tag in images if "/img/lacak-" in tag and "video" not in tag]
    assert len(steps) == 4
    assert all('width="360" height="640"' in tag for tag in steps)
    assert all('loading="lazy"' in tag for tag in steps)
