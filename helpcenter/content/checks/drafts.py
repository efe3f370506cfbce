"""Draft markers: `TODO` in a page's text means it is not finished, so it must not reach customers.

`helpcenter draft-answers` adds questions whose answer is `TODO` on a branch of their own; the check refuses them
until someone writes the answer, so a draft can be opened as a pull request but never merged (and never built
onto `main`) unfinished. With drafts allowed (`helpcenter check --drafts`, the preview) a marker is a warning.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from helpcenter.content.problems import Problem, Severity, problem

if TYPE_CHECKING:
    from helpcenter.content.site import Site

MARKER = re.compile(r"\bTODO\b")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_QUESTION = re.compile(r"^##[ \t]")


def draft_problems(site: Site, drafts: bool = False) -> list[Problem]:
    """Every line of a page's Markdown with `TODO` outside code blocks: an error, or a warning with `drafts`.

    Under an FAQ question the message names the question whose answer is unfinished.
    """
    severity = Severity.WARNING if drafts else Severity.ERROR
    problems = []
    for page in site.pages:
        if page.front is None or "TODO" not in page.front.body:
            continue
        questions = {question.line: question.text for question in page.questions}
        question = None
        fence = None
        for number, line in enumerate(page.front.body.split("\n"), start=page.front.body_line):
            opening = _FENCE.match(line)
            if opening and (fence is None or opening.group(1)[0] == fence):
                fence = None if fence else opening.group(1)[0]
                continue
            if fence:
                continue
            if _QUESTION.match(line):
                question = questions.get(number)
            if MARKER.search(line):
                if question is not None and page.type == "faq":
                    problems.append(problem(page.file, number, "draft.todo_answer", severity, question=question))
                else:
                    problems.append(problem(page.file, number, "draft.todo", severity))
    return problems
