"""Questions that ask the same thing twice, anywhere in the help center.

Similarity is the share of words two questions have in common (Jaccard: shared words / all words), over their
search terms: lowercased, chat forms written out, stop words dropped, stemmed ('dibatalkan' and 'membatalkan' are
one word, `helpcenter.language.analysis.terms`); a negation ("tidak", "belum") is a word like any other, so "Barang
apa yang bisa dikembalikan?" and "Barang apa yang tidak bisa dikembalikan?" stay apart. Words that frame a
question rather than name its topic ("bisa", "cara") are left out. The same words are an error; SIMILAR_FROM or
more in common (3 of 4 words) a warning. On the sample shop the closest different questions share 2 of 3 words
(67%), so the threshold leaves room.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

from helpcenter.content.pages import ContentPage, Question
from helpcenter.content.problems import Problem, Severity, problem
from helpcenter.language.analysis import terms

if TYPE_CHECKING:
    from helpcenter.content.site import Site

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
                   key=lambda item: (item[0].file, item[1].line))
    words = [question_words(question.text) for _, question in asked]
    problems = []
    for index, earlier, score in similar_pairs(words, similar_from):
        problems += [_duplicate(asked[index], asked[earlier], score), _duplicate(asked[earlier], asked[index], score)]
    return problems


def similar_pairs(sets: list[frozenset[str]], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair (later, earlier, similarity) at or above `threshold`, without comparing every pair.

    The AllPairs similarity join: sets are taken smallest first, each with its words ordered rarest first. Two sets
    with Jaccard similarity t share a word among the first |x| - ceil(t |x|) + 1 words of the larger one (probing)
    and the first |y| - ceil(2t / (1 + t) |y|) + 1 words of the smaller one (indexed). Only such pairs are compared:
    a help center of thousands of questions that all say "pesanan" stays fast.
    """
    frequency: dict[str, int] = defaultdict(int)
    for words in sets:
        for word in words:
            frequency[word] += 1

    def prefix(ordered: list[str], share: float) -> list[str]:
        # A hair below the product before rounding up: a longer prefix is safe, a shorter one would miss pairs.
        return ordered[: len(ordered) - math.ceil(share * len(ordered) - 1e-9) + 1]

    indexed: dict[str, list[int]] = defaultdict(list)
    found = []
    for index in sorted(range(len(sets)), key=lambda number: (len(sets[number]), number)):
        own = sets[index]
        ordered = sorted(own, key=lambda word: (frequency[word], word))
        candidates = {other for word in prefix(ordered, threshold) for other in indexed[word]}
        size = len(own)
        for other in sorted(candidates):
            words = sets[other]
            # Sets of very different sizes cannot be alike: |x & y| / |x | y| <= min / max.
            if min(size, len(words)) < threshold * max(size, len(words)):
                continue
            shared = len(own & words)
            score = shared / (size + len(words) - shared)
            if score >= threshold:
                found.append((max(index, other), min(index, other), score))
        for word in prefix(ordered, 2 * threshold / (1 + threshold)):
            indexed[word].append(index)
    return sorted(found)


def _duplicate(own: tuple[ContentPage, Question], alike: tuple[ContentPage, Question], score: float) -> Problem:
    (page, question), (other_page, other) = own, alike
    same = score == 1.0
    return problem(page.file, question.line, "question.duplicate" if same else "question.similar",
                   Severity.ERROR if same else Severity.WARNING, question=question.text, other=other.text,
                   other_path=other_page.file, other_line=other.line, percent=round(score * 100))
