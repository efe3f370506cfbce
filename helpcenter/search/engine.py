"""The query pipeline on a built index: what a customer gets for a query, the same in Python and in the browser.

`theme/assets/javascripts/search/engine.js` is this module step for step; a browser test holds the two to the same
results. For each word of the query, in order:

1. Chat forms become written ones (`colloquial`): "balikin" -> "kembalikan"; stop words are dropped.
2. The word is stemmed, chat forms too (nyari -> cari), with the index's terms as the site's own words (ongkirnya ->
   ongkir). A stem the index has is searched as it is. A word nothing knows that is an English form of a word the
   site or its synonyms know ("ordered", "deliveries", "tracking") is searched as that word.
3. A word neither the index, the synonyms nor the dictionary knows, of five letters or more, is taken for a typo:
   the closest words of the site (one edit, two from eight letters) are searched instead, at most three.
4. The last word, while the customer is still typing it, also searches the site's words that start with it.
5. A word or phrase of a synonym group also searches the group's other phrases; of a phrase that shares words with
   it, only a parallel one (as many words: "tidak update", "tidak bergerak"), for the words it has in their place.

Scoring is lunr's, computed directly from the index's postings (the browser no longer loads lunr.js): a document's
score is the sum, over the query's terms, of the term's boost below times its BM25 weight in each field of the
document, divided by the length of the vector of boosts (lunr's cosine of the query vector and the document's); a
term two words ask for counts with both boosts. A document that matches more of the query's words then ranks
higher, as in mkdocs-material: score x (1 + share of words found²). tests/test_search_index.py holds the scores to
lunr.py's. Measured on both query sets (bench/evaluate.py), weighting the share of words found by their idf, or
taking per word only its best term (a dis-max), did not find more answers in the first three; see bench/RESULTS.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.content.synonyms import Synonyms
from helpcenter.language import colloquial
from helpcenter.language.analysis import STOP_WORDS, english_bases, roots, tokens
from helpcenter.language.similarity import edit_distance, typo_edits
from helpcenter.language.stemmer import Stemmer
from helpcenter.search import numbers
from helpcenter.search.index import FORMAT, VERSION, read_files

EXACT, SYNONYM, TYPO, PREFIX = 1.0, 0.8, 0.7, 0.2
MAX_CORRECTIONS, MAX_COMPLETIONS, MAX_RESULTS, MAX_SHOWN = 3, 5, 50, 3
SUGGEST_LETTERS = 4
KINDS = {"p": "page", "q": "question", "s": "section"}


class SearchIndexError(Exception):
    """The built site has no usable search index."""


@dataclass
class Concept:
    """One word of the query and the weighted terms that stand for it."""

    word: str
    candidates: dict[str, float] = field(default_factory=dict)
    primary: str | None = None
    also: set[str] = field(default_factory=set)
    """Terms that count as finding this word without being searched for it: the synonyms of a phrase it is in."""

    def add(self, term: str, boost: float) -> None:
        self.candidates.setdefault(term, boost)


@dataclass(frozen=True)
class Result:
    location: str
    title: str
    preview: str
    kind: str
    score: float
    terms: dict[str, bool]
    """Each word of the query: found in this result or not."""
    parent: str | None = None
    """A sub-heading's question or section (its location)."""

    @property
    def page(self) -> str:
        return self.location.partition("#")[0]

    @property
    def target(self) -> str:
        """What a query set names to expect this result: a sub-heading's question or section, else its location."""
        return self.parent or self.location


class SearchEngine:
    """A built index and the query pipeline over it."""

    def __init__(self, data: dict) -> None:
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise SearchIndexError(f"not a {FORMAT} index of version {VERSION}")
        self.docs = data["docs"]
        self.kinds: str = data["kinds"]
        self.boosts: list[float] = data["boosts"]
        self.terms: list[str] = data["terms"].split(" ") if data["terms"] else []
        self.number_of = {term: number for number, term in enumerate(self.terms)}
        self.fields = [name for name, _ in data["fields"]]
        self.postings = data["postings"]
        self.weigh = {name: _bm25(data, boost, name) for name, boost in data["fields"]}
        self._decoded: dict[tuple[str, int], tuple[list[int], list[float]]] = {}
        self._frequency = numbers.decode(data["frequency"])
        self.synonyms = Synonyms.from_groups(
            [[tuple(phrase.split(" ")) for phrase in group] for group in data["synonyms"]])
        # Every word that can be searched, each with its term: the index's terms and the words that stem to them,
        # and the synonyms' words (which the index may not have: "refund" finds pages that say "pengembalian dana").
        vocabulary: dict[str, str] = {}
        for number, words in enumerate(data["forms"]):
            for word in words.split(" ") if words else ():
                vocabulary.setdefault(word, self.terms[number])
        for term in self.terms:
            vocabulary.setdefault(term, term)
        for phrase in self.synonyms.alternatives:
            for term in phrase:
                vocabulary.setdefault(term, term)
        self.vocabulary = dict(sorted(vocabulary.items()))
        # Chat forms may reach the site's own terms as they reach roots: "ongkirnya" is "ongkir" here.
        self.stemmer = Stemmer(roots(), self.number_of)
        self._pages = {row[0]: ref for ref, row in enumerate(self.docs) if self.kinds[ref] == "p"}
        self.featured = [self._result(ref, 0.0, {}) for ref in data.get("featured", ())]
        """The home page's popular questions, offered when nothing fits."""

    @classmethod
    def from_site(cls, site_dir: Path) -> SearchEngine:
        """The index of a built site (`mkdocs build`), found through its search/search_index.json, all its files
        read."""
        try:
            data = read_files(site_dir)
        except (OSError, ValueError, KeyError, TypeError, StopIteration, IndexError) as exc:
            raise SearchIndexError(f"{site_dir}/ has no help center search index ({exc}); run 'mkdocs build'") from None
        return cls(data)

    # -- the query plan ------------------------------------------------------------------------------------------

    def plan(self, query: str) -> list[Concept]:
        words = tokens(query)
        still_typing = bool(query) and not query[-1].isspace()
        stem = self.stemmer.stem
        concepts: list[Concept] = []
        for position, word in enumerate(words):
            written = self._written(word)
            if word in STOP_WORDS or written in STOP_WORDS:
                continue
            term = stem(written)
            if not self._knows(written, term):
                # An English form of a word the site or its synonyms know: "refunds", "ordered", "tracking".
                base = next((base for base in english_bases(written) if base in self.vocabulary), None)
                if base is not None:
                    written, term = base, stem(base)
            if term in STOP_WORDS:
                continue
            concept = Concept(word)
            if term in self.number_of:
                concept.add(term, EXACT)
            if self._knows(written, term):
                concept.primary = term
            elif typo_edits(written):
                corrections = self.corrections(written)
                for correction in corrections:
                    if correction in self.number_of:
                        concept.add(correction, TYPO)
                concept.primary = corrections[0] if corrections else None
            if still_typing and position == len(words) - 1 and len(written) >= 3:
                for completion in self.completions(written):
                    if completion in self.number_of:
                        concept.add(completion, PREFIX)
            concepts.append(concept)
        self._add_synonyms(concepts)
        return concepts

    def _written(self, word: str) -> str:
        return colloquial.written(word)

    def _knows(self, word: str, term: str) -> bool:
        return term in self.vocabulary or word in self.vocabulary or term in roots()

    def _add_synonyms(self, concepts: list[Concept]) -> None:
        for start, phrase in self.synonyms.occurrences([concept.primary for concept in concepts]):
            span = range(start, start + len(phrase))
            for other in self.synonyms.alternatives[phrase]:
                # "kirim barang" adds nothing to "pengiriman" but "barang", which every page has; a parallel phrase
                # adds the words it has in place of the phrase's: "tidak bergerak" to "tidak update", "gerak".
                if not set(other).isdisjoint(phrase) and not len(other) == len(phrase) > 1:
                    continue
                for term in other:
                    if term in self.number_of and term not in phrase:
                        concepts[start].add(term, SYNONYM)
                        for position in span[1:]:
                            concepts[position].also.add(term)

    def _by_frequency(self, terms: list[str], limit: int) -> list[str]:
        unique = sorted(set(terms), key=lambda term: (-self._frequency_of(term), term))
        return unique[:limit]

    def _frequency_of(self, term: str) -> int:
        """How many documents have the term, in any field."""
        number = self.number_of.get(term)
        return 0 if number is None else self._frequency[number]

    def _posting(self, name: str, number: int) -> tuple[list[int], list[float]]:
        """The documents that have a term in a field and the term's weight in each: decoded when first asked."""
        key = (name, number)
        if key not in self._decoded:
            entries = numbers.decode(self.postings[name][number])
            refs, weights = [], []
            ref = 0
            for position in range(0, len(entries), 2):
                ref += entries[position]
                refs.append(ref)
                weights.append(self.weigh[name](number, entries[position + 1], ref, self.boosts[ref]))
            self._decoded[key] = refs, weights
        return self._decoded[key]

    def corrections(self, word: str) -> list[str]:
        """The terms of the site's words closest to a misspelt `word` (`helpcenter.language.similarity`)."""
        return self._by_frequency([term for _, term in self._nearest(word, typo_edits(word))], MAX_CORRECTIONS)

    def _nearest(self, word: str, limit: int) -> list[tuple[str, str]]:
        """The site's words (with their terms) fewest edits from `word`, if no more than `limit`."""
        best, found = limit + 1, []
        for candidate, term in self.vocabulary.items():
            if abs(len(candidate) - len(word)) > min(limit, best):
                continue
            distance = edit_distance(word, candidate, min(limit, best))
            if distance < best:
                best, found = distance, [(candidate, term)]
            elif distance == best:
                found.append((candidate, term))
        return found if best <= limit else []

    def suggestion(self, query: str) -> str | None:
        """"Maksud Anda ...?": the query with each word the site does not know replaced by the site's closest word,
        allowing one edit more than search corrects by itself (and words of four letters); the most frequent word
        when several are as close. None when no word changes."""
        words = tokens(query)
        changed = False
        for position, word in enumerate(words):
            written = self._written(word)
            if (written in STOP_WORDS or len(written) < SUGGEST_LETTERS
                    or self._knows(written, self.stemmer.stem(written))):
                continue
            nearest = self._nearest(written, typo_edits(written) + 1)
            if nearest:
                nearest.sort(key=lambda pair: (-self._frequency_of(pair[1]), pair[0]))
                words[position] = nearest[0][0]
                changed = True
        return " ".join(words) if changed else None

    def completions(self, prefix: str) -> list[str]:
        """Terms of the site's words that start with `prefix`, the most frequent first."""
        return self._by_frequency(
            [term for word, term in self.vocabulary.items() if word.startswith(prefix) and word != prefix],
            MAX_COMPLETIONS)

    # -- running it ----------------------------------------------------------------------------------------------

    def search(self, query: str) -> list[Result]:
        """Ranked results, best first: every matching document, at most MAX_RESULTS."""
        concepts = self.plan(query)
        if not any(concept.candidates for concept in concepts):
            return []
        scores, found = self._scores(concepts)
        ranked = []
        for ref, score in scores.items():
            terms = {concept.word: not (found[ref].isdisjoint(concept.candidates)
                                        and found[ref].isdisjoint(concept.also))
                     for concept in concepts}
            share = sum(terms.values()) / len(concepts)
            ranked.append((score * (1 + share * share), ref, terms))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return [self._result(ref, score, terms) for score, ref, terms in ranked[:MAX_RESULTS]]

    def _scores(self, concepts: list[Concept]) -> tuple[dict[int, float], dict[int, set[str]]]:
        """lunr's score of every document that has a term of the query, and the terms it has. Terms in number order,
        fields in order, documents in order: engine.js adds in the same order, so the two agree to the last bit."""
        boosts: dict[int, float] = {}
        for concept in concepts:
            for term, boost in concept.candidates.items():
                number = self.number_of[term]
                boosts[number] = boosts.get(number, 0.0) + boost
        magnitude = math.sqrt(sum(boost * boost for boost in boosts.values()))
        scores: dict[int, float] = {}
        found: dict[int, set[str]] = {}
        for number in sorted(boosts):
            for name in self.fields:
                refs, weights = self._posting(name, number)
                for ref, weight in zip(refs, weights, strict=True):
                    scores[ref] = scores.get(ref, 0.0) + boosts[number] * weight
                    found.setdefault(ref, set()).add(self.terms[number])
        return {ref: score / magnitude for ref, score in scores.items()}, found

    def _result(self, ref: int, score: float, terms: dict[str, bool]) -> Result:
        row = self.docs[ref]
        location, title, preview = row[:3]
        parent = self.docs[row[4]][0] if len(row) > 4 else None
        return Result(location, title, preview, KINDS[self.kinds[ref]], score, terms, parent)

    def page_result(self, page: str) -> Result | None:
        """A page as the head of a group of results it did not match itself: score 0."""
        ref = self._pages.get(page)
        return self._result(ref, 0.0, {}) if ref is not None else None


def _bm25(data: dict, field_boost: float, field: str) -> Callable[[int, int, int, float], float]:
    """lunr's BM25 weight of a term in one field of one document, rounded as lunr.js rounds it (half up)."""
    k1, b = data["bm25"]
    lengths = numbers.decode(data["lengths"][field])
    average = sum(lengths) / len(lengths) if lengths else 1
    idf = [value / 1e6 for value in data["idf"]]

    def weigh(term: int, count: int, ref: int, doc_boost: float) -> float:
        score = idf[term] * ((k1 + 1) * count) / (k1 * (1 - b + b * (lengths[ref] / average)) + count)
        score *= field_boost
        score *= doc_boost
        thousandths = math.floor(score * 1000)
        if score * 1000 - thousandths >= 0.5:
            thousandths += 1
        return thousandths / 1000

    return weigh


def group(results: list[Result], engine: SearchEngine) -> list[list[Result]]:
    """Results by page, as the panel lists them: each page once, best first, with its matching questions, sections
    and sub-headings, best first; a page that did not match itself is added last with score 0 (as mkdocs-material
    does), so that its title heads the entry. The first of each group is its best result."""
    groups: list[list[Result]] = []
    by_page: dict[str, list[Result]] = {}
    for result in results:
        if result.page not in by_page:
            by_page[result.page] = []
            groups.append(by_page[result.page])
        by_page[result.page].append(result)
    for entry in groups:
        page = entry[0].page
        if not any(result.location == page for result in entry):
            shell = engine.page_result(page)
            if shell:
                entry.append(shell)
    return groups


def visible(groups: list[list[Result]]) -> list[list[Result]]:
    """The answers each group shows unfolded, in order: its questions and sections that score at least as well as
    the next group's best (at most MAX_SHOWN, at least its best), after the page itself when the page matched best.
    The rest fold under "N lagi di halaman ini". Read top to bottom, the answers shown are then in score order."""
    shown = []
    for number, entry in enumerate(groups):
        floor = entry_score(groups[number + 1]) if number + 1 < len(groups) else 0.0
        items = [result for result in entry if result.location != result.page]
        answers = [result for result in items if result.score >= floor][:MAX_SHOWN]
        best = entry[0]
        shown.append([best, *answers] if best.location == best.page else answers or items[:1])
    return shown


def entry_score(entry: list[Result]) -> float:
    return entry[0].score


def answers_shown(groups: list[list[Result]]) -> list[str]:
    """What a query set names, for the answers the panel shows in order (recall@3 reads the first three)."""
    return [result.target for rows in visible(groups) for result in rows]


def fits(results: list[Result]) -> bool:
    """The relevance floor: the best result has at least half of the query's words. Below it the panel says that
    no answer fits and offers the results only as the nearest questions."""
    if not results:
        return False
    found = results[0].terms.values()
    return sum(found) * 2 >= len(found)
