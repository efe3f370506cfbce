"""Who reads what: pages and folders for CS agents only, and the checks that keep customers from meeting them.

A page is for agents when its front matter says `audience: agents`, or when the index.md of a folder it is in
does: `content/sop/index.md` with `audience: agents` keeps the whole `sop/` folder out of the public site. Internal
notes (`/// internal`) inside public pages are found by `helpcenter.content.body.notes`. The public edition leaves
all of it out (`helpcenter.build.editions`); the checks here make sure that nothing customers see leads to it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import TYPE_CHECKING

from helpcenter.content.checks.links import resolve
from helpcenter.content.pages import ContentPage
from helpcenter.content.problems import Problem, problem

if TYPE_CHECKING:
    from helpcenter.content.site import Site

PUBLIC, AGENTS = "public", "agents"
# Where the agents' edition is served, below the help center's address: `helpcenter serve` and deploy/nginx.conf.
AGENTS_PATH = "agents/"


def agents_folders(pages: Iterable[ContentPage]) -> frozenset[str]:
    """Folders (below the content folder) whose index page is for agents; never the content folder itself."""
    return frozenset(posixpath.dirname(page.source) for page in pages
                     if page.is_index and page.meta.audience == AGENTS and posixpath.dirname(page.source))


def in_folders(source: str, folders: Iterable[str]) -> bool:
    return any(source.startswith(folder + "/") for folder in folders)


def agents_only(pages: Iterable[ContentPage]) -> frozenset[str]:
    """The sources of the pages for agents only: by their own `audience`, or by their folder's."""
    pages = list(pages)
    folders = agents_folders(pages)
    return frozenset(page.source for page in pages
                     if page.meta.audience == AGENTS or in_folders(page.source, folders))


def audience_problems(site: Site) -> list[Problem]:
    """What would lead a customer to something for agents: a link, an image or a featured question on a public
    page (outside its internal notes); the home page for agents; 'audience: public' that a folder overrides."""
    folders = agents_folders(site.pages)
    problems = []
    for page in site.pages:
        if page.meta.audience == AGENTS and page.is_index and not posixpath.dirname(page.source):
            problems.append(problem(page.file, page.line_of(("audience",)), "audience.home", field="audience"))
        if page.source not in site.agents_only:
            problems += _leads_to_agents(site, page, folders)
        elif "audience" in page.meta.model_fields_set and page.meta.audience == PUBLIC:
            index = next(folder for folder in sorted(folders, key=len) if page.source.startswith(folder + "/"))
            problems.append(problem(page.file, page.line_of(("audience",)), "audience.folder", field="audience",
                                    index=f"{index}/index.md"))
    return problems


def _leads_to_agents(site: Site, page: ContentPage, folders: frozenset[str]) -> list[Problem]:
    problems = []
    targets = [(link.target, link.line) for link in page.links if not link.internal]
    targets += [(image.src, image.line) for image in page.images if not image.internal]
    for target, line in targets:
        resolved, _ = resolve(page, target)
        if resolved and (resolved in site.agents_only or in_folders(resolved, folders)):
            problems.append(problem(page.file, line, "link.agents_only", target=target, resolved=resolved))
    for position, link in enumerate(getattr(page.meta, "featured", [])):
        source = link.partition("#")[0]
        if source in site.agents_only:
            problems.append(problem(page.file, page.line_of(("featured", position)), "link.agents_only",
                                    field="featured", target=link, resolved=source))
    return problems


def agents_only_files(site: Site, sources: Iterable[str]) -> frozenset[str]:
    """Which of the content folder's files (`sources`, pages and others) the public edition leaves out: pages for
    agents, every file in a folder for agents, and files (images, downloads) that only internal notes or pages for
    agents use. A file nothing links to stays, as before."""
    folders = agents_folders(site.pages)
    used_publicly: set[str] = set()
    used_internally: set[str] = set()
    for page in site.pages:
        hidden = page.source in site.agents_only
        for target, internal in [*((link.target, link.internal) for link in page.links),
                                 *((image.src, image.internal) for image in page.images)]:
            resolved, _ = resolve(page, target)
            if resolved:
                (used_internally if hidden or internal else used_publicly).add(resolved)
    pages = {page.source for page in site.pages}
    internal_files = used_internally - used_publicly - pages
    return frozenset(source for source in sources
                     if source in site.agents_only or in_folders(source, folders) or source in internal_files)
