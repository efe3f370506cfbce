"""What one build knows, shared by the hooks: set up when MkDocs reads its configuration, filled as it goes.

Hooks are separate modules that MkDocs calls in turn; they hand each other this one typed record, kept in the
configuration under `KEY`, instead of loose keys.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from helpcenter.content.shop import Shop
from helpcenter.content.site import Site
from helpcenter.search.documents import SearchDocument

KEY = "helpcenter"


@dataclass
class BuildState:
    shop: Shop
    language: str
    site_url: str = ""
    edit_url: str = ""
    edition: str = "public"
    """What this build is for (`helpcenter.build.editions`): public, or agents (internal notes, pages for agents)."""
    today: date = field(default_factory=date.today)
    """The build date: which announced policies are in force, which reviews are due."""
    _site: Site | None = None
    search_documents: list[SearchDocument] = field(default_factory=list)
    """Every rendered page's search documents, in render order; the index is written from them at the end."""

    @property
    def site(self) -> Site:
        """The loaded content; only after the content hook's on_files, which runs first."""
        if self._site is None:
            raise RuntimeError("the content is not loaded yet: hooks/content.py must run first (on_files)")
        return self._site

    @site.setter
    def site(self, site: Site) -> None:
        self._site = site


def build_date(value: object) -> date:
    """The build date from `extra.build_date` (HELPCENTER_BUILD_DATE): empty for today, or an ISO date, so that
    a test or a preview can build the site as it will be on a given day."""
    if value in (None, ""):
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"extra.build_date (HELPCENTER_BUILD_DATE) must be a date like 2026-12-15, "
                         f"got {value!r}") from None


def start_build(config: MutableMapping[str, Any], state: BuildState) -> BuildState:
    config[KEY] = state
    return state


def build_state(config: MutableMapping[str, Any]) -> BuildState:
    """This build's state; an error that names the missing hook when hooks/content.py did not set it up."""
    state = config.get(KEY) if hasattr(config, "get") else None
    if not isinstance(state, BuildState):
        raise TypeError("no help center build state: list hooks/content.py under 'hooks' in mkdocs.yml")
    return state
