"""Material's edit button ("Ubah halaman ini", from edit_uri) is for writers, not for shoppers.

Shown in `mkdocs serve` (the writers' live preview) and in builds with `extra.edit_links: true`
(HELPCENTER_EDIT_LINKS=true, e.g. a staging copy for CS leads); a build for the public site leaves it out.
"""

from __future__ import annotations

from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_command: str = "build"


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    setting = config.extra.get("edit_links", False)
    if not isinstance(setting, bool):
        raise PluginError(f"mkdocs.yml: 'extra.edit_links' must be true or false, got {setting!r}")
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if not (_command == "serve" or config.extra.get("edit_links")):
        page.edit_url = None
    return context
