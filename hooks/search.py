"""Our search in place of material's: its worker named in the page settings, every page's search documents
collected as it is rendered, and the index written once the site is built."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment, TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.build.state import build_state
from helpcenter.search.documents import page_documents
from helpcenter.search.index import analysis_data, build_index, write_files

_MATERIAL_WORKER = re.compile(r'"search": "[^"]*assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["hc_search_worker"] = search_worker
    return env


def search_worker(config_html: str, worker_url: str) -> str:
    """Material's page settings, with its search worker's URL replaced by ours.

    Fails the build when material's settings no longer name a worker: a material upgrade must be checked by hand.
    """
    replaced, count = _MATERIAL_WORKER.subn(lambda _: f'"search": {json.dumps(worker_url)}', config_html)
    if count != 1:
        raise TemplateError("mkdocs-material's __config names no search worker; check theme/main.html")
    return replaced


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    record = state.site.page(page.file.src_uri)
    if record is not None:
        state.search_documents.extend(page_documents(record, html))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    state = build_state(config)
    index = build_index(state.search_documents, state.site.synonyms)
    write_files(Path(config.site_dir), index, analysis_data())
