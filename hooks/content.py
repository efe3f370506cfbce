"""Load and check all content before anything is rendered; fail the build once, listing every error.

Runs first (priority 100): it sets up the build's state (`helpcenter.build.state`) that the other hooks read.
The problems are written in Indonesian, as `helpcenter check` writes them; HELPCENTER_LANG=en writes them in
English. HELPCENTER_DRAFTS=1 (the preview, `make preview`) lets unfinished answers ('TODO') through as warnings.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcenter.build.state import BuildState, build_date, build_state, start_build
from helpcenter.content.checks.html import rendered_problems
from helpcenter.content.checks.navigation import unreachable_problems
from helpcenter.content.files import file_problems
from helpcenter.content.load import load_site
from helpcenter.content.output import for_build, one_line
from helpcenter.content.output import messages_language as language_setting
from helpcenter.content.pages import display_prefix
from helpcenter.content.problems import build_warnings, errors
from helpcenter.content.shop import ShopSettingsError, load_shop

log = logging.getLogger("mkdocs.hooks.helpcenter")


def messages_language() -> str:
    """The language of the project's own messages (HELPCENTER_LANG); a wrong one stops the build."""
    try:
        return language_setting()
    except ValueError as exc:
        raise PluginError(str(exc)) from None


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    messages_language()
    try:
        shop = load_shop(config.extra)
    except ShopSettingsError as exc:
        raise PluginError(str(exc)) from None
    try:
        today = build_date(config.extra.get("build_date"))
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    # The repository's editor: edit_uri as a full URL, or below repo_url as MkDocs joins them.
    edit_uri, edit_url = config.edit_uri or "", ""
    if "://" in edit_uri:
        edit_url = edit_uri
    elif config.repo_url and edit_uri:
        edit_url = urljoin(config.repo_url.rstrip("/") + "/", edit_uri)
    start_build(config, BuildState(shop=shop, language=config.theme["language"], site_url=config.site_url or "",
                                   edit_url=edit_url, today=today))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Links out of the content folder, pipes, hard links: refused before MkDocs lists and copies the folder."""
    docs_dir = Path(config.docs_dir)
    problems = file_problems(docs_dir, display_prefix(docs_dir, Path(config.config_file_path).parent))
    if problems:
        raise PluginError(for_build(problems, messages_language()))


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    sources = [file.src_uri for file in files.documentation_pages()]
    language = messages_language()
    site = load_site(docs_dir, build_state(config).today, sources, display_root=Path(config.config_file_path).parent,
                     drafts=os.environ.get("HELPCENTER_DRAFTS", "") not in ("", "0"))
    shown_warnings, shown_notices = build_warnings(site.problems)
    for problem in shown_notices:
        log.info(one_line(problem, language))
    for problem in shown_warnings:
        log.warning(one_line(problem, language))
    if errors(site.problems):
        raise PluginError(for_build(site.problems, language))
    build_state(config).site = site
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Pages the navigation leaves out and no page links to: a warning, which --strict turns into a failure."""
    in_navigation = [page.file.src_uri for page in nav.pages]
    for problem in unreachable_problems(build_state(config).site, in_navigation):
        log.warning(one_line(problem, messages_language()))
    return nav


@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The rendered Markdown under the HTML policy too: what the source check read otherwise stops here."""
    source = build_state(config).site.page(page.file.src_uri)
    problems = rendered_problems(source, html) if source else []
    if problems:
        raise PluginError(for_build(problems, messages_language()))
    return html
