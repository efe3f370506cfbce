"""Related questions (an FAQ page's `related` field): each names a question of its page and links to questions.

Checked with the whole site loaded, because a link may lead to a question on another page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpcenter.content.checks.links import resolve
from helpcenter.content.pages import ContentPage, Question
from helpcenter.content.problems import Problem, problem
from helpcenter.content.schema import closest

if TYPE_CHECKING:
    from helpcenter.content.site import Site


def related_question(site: Site, page: ContentPage, link: str) -> tuple[ContentPage, Question] | None:
    """The question a `related` link leads to, read like a Markdown link on `page` ('#x', 'other.md#x')."""
    source, anchor = resolve(page, link)
    if source is None or not anchor:
        return None
    return site.question(f"{source or page.source}#{anchor}")


def related_problems(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages:
        anchors = [question.anchor for question in page.questions]
        for anchor, links in getattr(page.meta, "related", {}).items():
            if anchor not in anchors:
                problems.append(problem(page.file, page.line_of(("related", anchor)), "related.unknown_question",
                                        field=f"related.{anchor}", anchor=anchor,
                                        suggestion=closest(anchor, anchors) or ""))
            for position, link in enumerate(links):
                if related_question(site, page, link) is None:
                    problems.append(problem(page.file, page.line_of(("related", anchor, position)),
                                            "related.missing", field=f"related.{anchor}", link=link))
    return problems
