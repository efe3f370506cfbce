"""Content images with their size, and lazy (helpcenter/build/images.py says why)."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.build.images import with_image_hints


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    folder = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"

    def file_of(src: str) -> Path | None:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or parts.path.startswith("/"):
            return None
        file = files.get_file_from_path(posixpath.normpath(posixpath.join(folder, unquote(parts.path))))
        return Path(file.abs_src_path) if file and file.abs_src_path else None

    return with_image_hints(html, file_of)
