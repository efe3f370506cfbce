"""Collect every page's search documents as it is rendered; write the search index once the site is built."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.search.documents import page_documents
from helpcenter.search.index import analysis_data, build_index, write_files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = config["helpcenter"]
    record = state.site.page(page.file.src_uri)
    if record is not None:
        state.search_documents.extend(page_documents(record, html))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    state = config["helpcenter"]
    index = build_index(state.search_documents, state.site.synonyms)
    write_files(Path(config.site_dir), index, analysis_data())
