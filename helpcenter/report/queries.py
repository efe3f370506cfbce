"""Group what customers typed by what they meant: the search analysis, plus a typo merge against the site's words.

The search analysis (fold, tokens, stop words, stems) already makes "Pengiriman" and "pengiriman barang" one
group. It cannot fix a typo: "pengirman" is no Indonesian word, so the stemmer leaves it as it is. A word that is
neither a word of the help center nor a root the stemmer knows is therefore replaced by the closest word of the
help center (titles, questions, descriptions, synonyms) within a small edit distance: one edit for words of 4 to
7 letters, two from 8 letters, none below 4 (too many short words are one edit apart). Ties go to the
alphabetically first word, so the grouping is the same on every run.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

from helpcenter.language.analysis import STOP_WORDS, fold, roots, stemmer, terms, tokens
from helpcenter.language.similarity import edit_distance, typo_edits
from helpcenter.manifest import Manifest


def site_words(manifest: Manifest) -> set[str]:
    """Every word of the help center's titles, questions and descriptions, and of its synonyms."""
    texts = [phrase for group in manifest.synonyms for phrase in group]
    for page in manifest.pages:
        texts += [page.title, page.description]
        texts += [question.text for question in page.questions]
    return {token for text in texts for token in tokens(text)}


class QueryGrouper:
    """Turns a query into its group key: its search terms, typos corrected, sorted and without repeats."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.stems = frozenset(stemmer().stem(word) for word in self.words if word not in STOP_WORDS)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(self.words):
            self._by_initial.setdefault(word[0], []).append(word)
        self.correct = functools.cache(self._correct)

    def _correct(self, token: str) -> str:
        """The site word a token was probably meant to be, or the token itself."""
        limit = typo_edits(token)
        if not limit or token in self.words or token in roots() or stemmer().stem(token) != token:
            return token
        best, best_distance = token, limit + 1
        # A typo rarely hits the first letter; looking only at words with the same initial keeps this fast.
        for word in self._by_initial.get(token[0], ()):
            distance = edit_distance(token, word, limit)
            if distance < best_distance:
                best, best_distance = word, distance
        return best

    def key(self, query: str) -> tuple[str, ...]:
        """The group a query belongs to; a query of stop words only groups by its folded text."""
        corrected = " ".join(self.correct(token) for token in tokens(query))
        found = tuple(sorted(set(terms(corrected))))
        return found or (" ".join(tokens(query)) or fold(query).strip(),)

    def hint(self, key: tuple[str, ...], typo: bool) -> str:
        """'synonym' when the help center has every word of it (or a misspelling was mended): the topic is there,
        the customer words it differently; 'new_answer' when a word is not in the help center at all."""
        return "synonym" if typo or all(term in self.stems for term in key) else "new_answer"

    def group(self, counted: Iterable[Mapping[str, Any]], count: str,
              previous: Iterable[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
        """Queries as typed (rows of `gather.visit_steps`) merged into groups; `count` names what is counted:
        "empty" (found nothing), "bounced" (no result opened) or "searches" (all).

        Each group: `count`, `visits` and `contacted` of that kind of search (a visit counts when one of its
        searches of the kind came before a contact click, so `contacted` <= `visits` <= `count`), `searches`
        (every search of the group, whatever it found), its spellings, the most frequent naming the group, and
        `previous`, its count in the period before. Largest groups first.
        """
        suffix = "" if count == "searches" else f"_{count}"
        groups: dict[tuple[str, ...], dict[str, Any]] = {}
        for row in counted:
            key = self.key(row["query"])
            group = groups.setdefault(key, {"key": " ".join(key), "count": 0, "searches": 0, "visits": 0,
                                            "contacted": 0, "variants": {}, "typo": False})
            group["searches"] += row.get("searches", row[count])
            if not row[count]:
                continue
            group["count"] += row[count]
            # Summed over spellings: a visit that typed two spellings counts twice, as it searched twice.
            group["visits"] += row.get(f"visits{suffix}", 0)
            group["contacted"] += row.get(f"contacted{suffix}", 0)
            group["variants"][row["query"]] = group["variants"].get(row["query"], 0) + row[count]
            group["typo"] |= any(self.correct(token) != token for token in tokens(row["query"]))
        before: dict[tuple[str, ...], int] = {}
        for row in previous:
            if row[count]:
                key = self.key(row["query"])
                before[key] = before.get(key, 0) + row[count]
        result = []
        for key, group in groups.items():
            if not group["count"]:
                continue
            variants = sorted(group["variants"].items(), key=lambda item: (-item[1], item[0]))
            result.append({**group, "query": variants[0][0], "variants": [{"query": q, "count": n}
                                                                          for q, n in variants],
                           "hint": self.hint(key, group["typo"]), "previous": before.get(key, 0)})
        result.sort(key=lambda group: (-group["count"], group["key"]))
        return result

    def searched_next(self, group: Mapping[str, Any], following: Mapping[str, Mapping[str, int]],
                      ) -> dict[str, Any] | None:
        """What the visits of a group of empty searches typed next and opened a result of, when at least two
        visits did (`gather.searched_next`): the customers' own word for a topic the help center has."""
        tried: dict[tuple[str, ...], dict[str, Any]] = {}
        own = tuple(group["key"].split(" "))
        for variant in group["variants"]:
            for query, visits in following.get(variant["query"], {}).items():
                key = self.key(query)
                if key == own:
                    continue
                found = tried.setdefault(key, {"query": query, "visits": 0})
                found["visits"] += visits
        best = min(tried.values(), key=lambda found: (-found["visits"], found["query"]), default=None)
        return best if best and best["visits"] >= 2 else None
