"""Our search in place of material's: its worker named in the page settings, every page's search documents
collected as it is rendered, and the index written once the site is built."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from jinja2 import Environment, TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.build.state import build_state
from helpcenter.content.video import page_transcript
from helpcenter.search.documents import page_documents, video_document
from helpcenter.search.index import analysis_data, build_index, featured_locations, write_files
from helpcenter.search.panel import panel_settings

_MATERIAL_WORKER = re.compile(r'"search": "[^"]*assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    state = build_state(config)
    rewrite = functools.partial(search_worker, panel=panel_settings(state.shop, state.language))
    # Material's settings differ between pages only by their depth ("base"): each is rewritten once per build.
    env.filters["hc_search_worker"] = functools.lru_cache(maxsize=64)(rewrite)
    return env


def search_worker(config_html: str, worker_url: str, panel: tuple[dict, dict] = ({}, {})) -> str:
    """Material's page settings, with its search worker's URL replaced by ours, its result counts in our words
    and the no-answer panel's settings (helpcenter.search.panel) added.

    Fails the build when material's settings no longer name a worker: a material upgrade must be checked by hand.
    """
    replaced, count = _MATERIAL_WORKER.subn(lambda _: f'"search": {json.dumps(worker_url)}', config_html)
    found = _CONFIG.search(replaced)
    if count != 1 or found is None:
        raise TemplateError("mkdocs-material's __config names no search worker; check theme/main.html")
    settings = json.loads(found.group(2))
    translations, ours = panel
    settings.setdefault("translations", {}).update(translations)
    settings["hcSearch"] = ours
    text = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c")
    return replaced[: found.start(2)] + text + replaced[found.end(2):]


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    record = state.site.page(page.file.src_uri)
    if record is not None:
        state.search_documents.extend(page_documents(record, html))
        state.search_documents.extend(video_document(record, page_transcript(state.site.docs_dir, record)))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    state = build_state(config)
    index = build_index(state.search_documents, state.site.synonyms, featured_locations(state.site))
    write_files(Path(config.site_dir), index, analysis_data(index))
