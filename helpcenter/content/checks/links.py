"""Links between pages: every relative link must lead to a file in the content folder, and '#...' to an anchor.

MkDocs checks links too, but only while rendering and without line numbers; this check names the line a CS lead
wrote and runs without MkDocs (`helpcenter check`).
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from helpcenter.content.pages import ContentPage
from helpcenter.content.problems import Problem, problem
from helpcenter.content.schema import closest

if TYPE_CHECKING:
    from helpcenter.content.site import Site

# mailto:, https:, tel: ... and protocol-relative or site-absolute links are not the content folder's business.
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/)")


def resolve(page: ContentPage, target: str) -> tuple[str | None, str]:
    """A relative link's file below the content folder ('' for the page itself) and its anchor.

    None for a link that is not relative (another site, an e-mail address); '..' at the start when it leaves the
    content folder.
    """
    if not target or _EXTERNAL.match(target):
        return None, ""
    path, _, anchor = target.partition("#")
    path = unquote(path.partition("?")[0])
    if not path:
        return "", anchor
    return posixpath.normpath(posixpath.join(posixpath.dirname(page.source), path)), anchor


def link_problems(site: Site) -> list[Problem]:
    """Broken links and anchors on every page, at the line of the link."""
    sources = [page.source for page in site.pages]
    problems = []
    for page in site.pages:
        for link in page.links:
            resolved, anchor = resolve(page, link.target)
            if resolved is None:
                continue
            if resolved.startswith(".."):
                problems.append(problem(page.file, link.line, "link.outside", target=link.target))
                continue
            target_page = page if resolved == "" else site.page(resolved)
            if resolved and not (site.docs_dir / resolved).exists():
                suggestion = closest(resolved, sources) if resolved.endswith(".md") else None
                relative = posixpath.relpath(suggestion, posixpath.dirname(page.source) or ".") if suggestion else ""
                problems.append(problem(page.file, link.line, "link.missing_page", target=link.target,
                                        resolved=resolved, suggestion=relative))
            elif anchor and target_page is not None and anchor not in target_page.anchors:
                problems.append(problem(page.file, link.line, "link.missing_anchor", target=link.target,
                                        page=target_page.file, anchor=anchor,
                                        suggestion=closest(anchor, sorted(target_page.anchors)) or ""))
    return problems
