"""Pages customers can reach: in the navigation, or linked from a page they can reach.

With no `nav` in mkdocs.yml MkDocs puts every page in the navigation; a shop that writes its own `nav` can forget
a page, which then exists but is found by no customer.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import yaml

from helpcenter.content.checks.links import resolve
from helpcenter.content.problems import Problem, Severity, problem

if TYPE_CHECKING:
    from helpcenter.content.site import Site


def unreachable_problems(site: Site, in_navigation: Iterable[str]) -> list[Problem]:
    """A warning for each page that neither the navigation nor any reachable page leads to."""
    reached = {source for source in in_navigation if site.page(source)}
    waiting = list(reached)
    while waiting:
        for source in _leads_to(site, waiting.pop()):
            if source not in reached:
                reached.add(source)
                waiting.append(source)
    return [problem(page.file, 1, "page.unreachable", Severity.WARNING)
            for page in site.pages if page.source not in reached]


def _leads_to(site: Site, source: str) -> Iterable[str]:
    """The pages a page leads to: its links, its featured questions and, for a section index, the section's pages
    (the theme lists them)."""
    page = site.page(source)
    if page is None:
        return
    for link in page.links:
        resolved, _ = resolve(page, link.target)
        if resolved and site.page(resolved):
            yield resolved
    for link in getattr(page.meta, "featured", []):
        yield link.partition("#")[0]
    if page.is_index:
        folder = posixpath.dirname(source)
        for other in site.pages:
            parent = posixpath.dirname(other.source)
            if other.source != source and (parent == folder or (posixpath.dirname(parent) == folder
                                                                  and other.is_index)):
                yield other.source


def configured_navigation(config_text: str) -> list[str] | None:
    """The pages listed in mkdocs.yml's `nav`, or None when it has none (then every page is in the navigation)."""
    config = yaml.load(config_text, Loader=_ConfigLoader)
    nav = config.get("nav") if isinstance(config, dict) else None
    return None if nav is None else list(_nav_sources(nav))


def _nav_sources(item: Any) -> Iterable[str]:
    if isinstance(item, str):
        if not item.startswith(("http://", "https://", "/")):
            yield item
    elif isinstance(item, list):
        for child in item:
            yield from _nav_sources(child)
    elif isinstance(item, dict):
        for child in item.values():
            yield from _nav_sources(child)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its `!ENV` and `!!python/name:` values become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
