"""When a word is a typo of another: one rule for search (which corrects it) and the report (which groups it).

A word of 5 to 7 letters may be one edit away from what was meant, from 8 letters two; shorter words are taken as
typed (most are real words, and one edit turns them into too many others). An edit is a letter added, dropped,
replaced, or two neighbours swapped (optimal string alignment), the typos thumbs make on a phone keyboard.
`theme/assets/javascripts/search/engine.js` applies the same rule in the browser (tests/test_search_browser.py).
"""

from __future__ import annotations

SHORTEST_TYPO = 5
TWO_EDITS_FROM = 8


def typo_edits(word: str) -> int:
    """How many edits a word may be from the one meant: 0 for short words."""
    return 0 if len(word) < SHORTEST_TYPO else 1 if len(word) < TWO_EDITS_FROM else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two letters is one edit), or limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        smallest = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            smallest = min(smallest, value)
        if smallest > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)
