"""Which edition this build is, and what it leaves out: the public help center, or the CS agents' edition.

The rules are the core's (`helpcenter.build.editions`): the public edition takes what is for agents out of the
file list before MkDocs renders or lists anything, and cuts internal notes from each page's Markdown before it is
rendered; the agents' edition (`mkdocs-agents.yml`) shows the notes as such.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter.build.editions import (
    EditionError,
    edition_markdown,
    edition_of,
    edition_site,
    edition_url,
    left_out,
)
from helpcenter.build.state import build_state
from helpcenter.messages.interface import INTERFACE


@event_priority(90)  # after hooks/content.py set up the build's state
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = build_state(config)
    try:
        state.edition = edition_of(config.extra)
    except EditionError as exc:
        raise PluginError(str(exc)) from None
    # The build's state keeps the public address: copied answers and the manifest name customers' pages.
    config.site_url = edition_url(state.site_url, state.edition)
    return config


@event_priority(90)  # after hooks/content.py loaded and checked every page, before anything else reads them
def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = build_state(config)
    leaving = left_out(state.site, state.edition, [file.src_uri for file in files])
    for file in [file for file in files if file.src_uri in leaving]:
        files.remove(file)
    state.site = edition_site(state.site, state.edition)
    return files


@event_priority(100)  # first: every later step sees the edition's Markdown
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    return edition_markdown(markdown, state.edition, INTERFACE.text("internal.title", state.language))
