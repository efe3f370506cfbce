"""Questions that ask the same thing twice, anywhere in the help center.

Similarity is the share of words two questions have in common (Jaccard: shared words / all words), over their
search terms: lowercased, chat forms written out, stop words dropped, stemmed ('dibatalkan' and 'membatalkan' are
one word, `helpcenter.search.analysis.terms`); a negation ("tidak", "belum") is a word like any other, so "Barang
apa yang bisa dikembalikan?" and "Barang apa yang tidak bisa dikembalikan?" stay apart. Words that frame a
question rather than name its topic ("bisa", "cara") are left out. The same words are an error; SIMILAR_FROM or
more in common (3 of 4 words) a warning. On the sample shop the closest different questions share 2 of 3 words
(67%), so the threshold leaves room.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from helpcenter.pages import ContentPage, Question
from helpcenter.problem_messages import problem
from helpcenter.problems import Problem, Severity
from helpcenter.search.analysis import terms

if TYPE_CHECKING:
    from helpcenter.site import Site

SIMILAR_FROM = 0.75
QUESTION_FRAMES = frozenset({"bisa", "cara"})


def question_words(text: str) -> frozenset[str]:
    """The words a question is compared by: its search terms without the words that frame a question."""
    return frozenset(terms(text)) - QUESTION_FRAMES


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def duplicate_problems(site: Site, similar_from: float = SIMILAR_FROM) -> list[Problem]:
    """Two problems per pair, one on each question, naming the other: which one is new, the check cannot know."""
    asked = sorted(((page, question) for page in site.pages for question in page.questions),
                   key=lambda item: (item[0].path, item[1].line))
    words = [question_words(question.text) for _, question in asked]
    # Only questions that share a word can be alike: compare those, not every pair.
    by_word: dict[str, list[int]] = defaultdict(list)
    problems = []
    for index, own in enumerate(words):
        candidates = {earlier for word in own for earlier in by_word[word]}
        for earlier in sorted(candidates):
            score = similarity(own, words[earlier])
            if score >= similar_from:
                problems += [_duplicate(asked[index], asked[earlier], score),
                             _duplicate(asked[earlier], asked[index], score)]
        for word in own:
            by_word[word].append(index)
    return problems


def _duplicate(own: tuple[ContentPage, Question], alike: tuple[ContentPage, Question], score: float) -> Problem:
    (page, question), (other_page, other) = own, alike
    same = score == 1.0
    return problem(page.path, question.line, "question.duplicate" if same else "question.similar",
                   Severity.ERROR if same else Severity.WARNING, question=question.text, other=other.text,
                   other_path=other_page.path, other_line=other.line, percent=round(score * 100))
