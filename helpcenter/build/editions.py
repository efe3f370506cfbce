"""The two editions built from one content folder: the public help center, and the CS agents' edition.

The public edition (`mkdocs.yml`, into `site/`) never holds anything for agents: their pages and the files only
they use are taken out of the build's file list before MkDocs renders or lists anything, and internal notes are
cut from each page's Markdown before it is rendered, so no HTML, search entry, structured data, sitemap entry or
manifest record can be made from them. The agents' edition (`mkdocs-agents.yml`: `extra.edition: agents`, into
`site-agents/`) has all of it, the notes shown as such.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from helpcenter.content.audience import AGENTS, AGENTS_PATH, PUBLIC, agents_only_files
from helpcenter.content.body import notes, without_notes
from helpcenter.content.site import Site

EDITIONS = (PUBLIC, AGENTS)
# The agents' edition's own script and styles (theme/): the public site carries nothing of that edition.
AGENTS_ASSETS = frozenset({"assets/javascripts/copy.js", "assets/stylesheets/agents.css"})
# The class the agents' edition gives a note (styled by theme/assets/stylesheets/agents.css, skipped by copy.js).
NOTE_CLASS = "hc-internal"


class EditionError(ValueError):
    """`extra.edition` in mkdocs.yml names no edition."""


def edition_of(extra: Mapping[str, Any]) -> str:
    """The edition a configuration builds: `extra.edition`, public when it is not set."""
    edition = extra.get("edition", PUBLIC)
    if edition not in EDITIONS:
        raise EditionError(f"mkdocs.yml: 'extra.edition' must be one of {', '.join(EDITIONS)}, got {edition!r}")
    return edition


def edition_url(site_url: str, edition: str) -> str:
    """The address an edition is served at: the agents' edition below the public one (`AGENTS_PATH`), so that its
    sitemap, canonical links and 404 page name its own pages. Answers copied from it link to the public address."""
    if edition != AGENTS or not site_url:
        return site_url
    return site_url.rstrip("/") + "/" + AGENTS_PATH


def edition_site(site: Site, edition: str) -> Site:
    """The pages an edition shows: all of them for agents, the public ones for everyone else."""
    return site if edition == AGENTS else site.public()


def left_out(site: Site, edition: str, sources: Iterable[str]) -> frozenset[str]:
    """Which files (`sources`: the content folder's and the theme's, as MkDocs names them) an edition does not build
    or copy."""
    if edition == AGENTS:
        return frozenset()
    sources = list(sources)
    return agents_only_files(site, sources) | AGENTS_ASSETS.intersection(sources)


def edition_markdown(markdown: str, edition: str, title: str) -> str:
    """A page's Markdown for an edition: internal notes cut out for the public, shown as titled notes for agents.

    For agents each note becomes a pymdownx admonition block with the note's class; `title` ("Catatan internal")
    comes first, the writer's own title after it.
    """
    found = notes(markdown)
    if not found:
        return markdown
    if edition != AGENTS:
        return without_notes(markdown, found)
    pieces, at = [], 0
    for note in found:
        heading = f"{title}: {note.title}" if note.title else title
        # Options of a block are the indented lines right after its first line (pymdownx.blocks).
        indent = note.prefix + " " * 4
        pieces += [markdown[at:note.start], f"{note.prefix}{note.fence} admonition | {heading}\n",
                   f"{indent}type: {NOTE_CLASS}\n"]
        line_end = markdown.find("\n", note.start)
        at = len(markdown) if line_end == -1 else line_end + 1
    pieces.append(markdown[at:])
    return "".join(pieces)
