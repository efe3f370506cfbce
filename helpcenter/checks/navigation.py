"""Pages customers can reach: in the navigation, or linked from a page they can reach.

With no `nav` in mkdocs.yml MkDocs puts every page in the navigation; a shop that writes its own `nav` can forget
a page, which then exists but is found by no customer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import yaml

from helpcenter.checks.links import resolve
from helpcenter.problem_messages import problem
from helpcenter.problems import Problem, Severity

if TYPE_CHECKING:
    from helpcenter.site import Site


def unreachable_problems(site: Site, in_navigation: Iterable[str]) -> list[Problem]:
    """A warning for each page that neither the navigation nor any reachable page leads to."""
    reached = {source for source in in_navigation if site.page(source)}
    waiting = list(reached)
    while waiting:
        page = site.page(waiting.pop())
        for link in page.links if page else ():
            resolved, _ = resolve(page, link.target)
            if resolved and resolved not in reached and site.page(resolved):
                reached.add(resolved)
                waiting.append(resolved)
    return [problem(page.path, 1, "page.unreachable", Severity.WARNING)
            for page in site.pages if page.source not in reached]


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
