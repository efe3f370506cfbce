"""Load and check all content before anything is rendered; fail the build once, listing every error.

Shares what it loaded with the other hooks as `config["helpcenter"]` (a `BuildState`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from helpcenter.content.checks.navigation import unreachable_problems
from helpcenter.content.problems import ContentError, errors, notices, warnings
from helpcenter.content.shop import Shop, ShopSettingsError, load_shop
from helpcenter.content.site import Site, load_site
from helpcenter.search.documents import SearchDocument

log = logging.getLogger("mkdocs.hooks.helpcenter")


@dataclass
class BuildState:
    shop: Shop
    language: str
    site: Site | None = None
    search_documents: list[SearchDocument] = field(default_factory=list)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        shop = load_shop(config.extra)
    except ShopSettingsError as exc:
        raise PluginError(str(exc)) from None
    config["helpcenter"] = BuildState(shop=shop, language=config.theme["language"])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    sources = [file.src_uri for file in files.documentation_pages()]
    site = load_site(docs_dir, date.today(), sources, display_root=Path(config.config_file_path).parent)
    for problem in notices(site.problems):
        log.info(str(problem))
    for problem in warnings(site.problems):
        log.warning(str(problem))
    if errors(site.problems):
        raise PluginError(str(ContentError(errors(site.problems))))
    config["helpcenter"].site = site
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Pages the navigation leaves out and no page links to: a warning, which --strict turns into a failure."""
    in_navigation = [page.file.src_uri for page in nav.pages]
    for problem in unreachable_problems(config["helpcenter"].site, in_navigation):
        log.warning(str(problem))
    return nav
