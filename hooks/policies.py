"""A policy whose announced version has started shows that version's text at its own address."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.build.state import build_state
from helpcenter.content.announced import text_in_force


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return text_in_force(build_state(config).site, page.file.src_uri) or markdown
