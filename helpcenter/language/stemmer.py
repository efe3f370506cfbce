"""A dictionary-checked Indonesian stemmer in the manner of Nazief-Adriani and its confix-stripping successors.

Affixes come off only when what remains is a root in the dictionary, so pengembalian, dikembalikan and
mengembalikan all reach "kembali", and a word with no known root (ongkir, refund) stays as it is.
`theme/assets/javascripts/search/stemmer.js` is the same algorithm, step for step; tests hold the two to identical
stems on more than ten thousand word forms.

1. A word that is a root stays. A reduplication (barang-barang) is stemmed once.
2. Suffixes come off in order (particle -lah/-kah/-tah/-pun, possessive -nya/-ku/-mu, derivational -kan/-an/-i,
   where -kan is also tried as -an); a root reached on the way wins.
3. Otherwise prefixes (up to three: di-, ke-, se-, ber-, ter-, per-, me-, pe-, with the nasal changes of me- and
   pe-) are tried on each of those forms. Every root reached scores 2 when the dictionary says it takes that
   prefix, 1 when the dictionary lists other prefixes for it, 0 when it lists none; the best score wins, and on a
   tie the less stripped form: so "memesan" gives "pesan" (not "mesan") and "membeli" gives "beli" (not "bel").
"""

from __future__ import annotations

import functools

VOWELS = frozenset("aeiou")
INFLECTIONAL = (("lah", "kah", "tah", "pun"), ("nya", "ku", "mu"))
DERIVATIONAL = ("kan", "an", "i")
MIN_ROOT = 2
MAX_PREFIXES = 3


class Stemmer:
    """`roots` maps each root to the prefix families the dictionary allows it (B ber-, D di-, K ke-, M me-,
    P pe-, R per-, S se-, T ter-, ...; empty when the dictionary says nothing)."""

    def __init__(self, roots: dict[str, str]) -> None:
        self.roots = roots
        self.stem = functools.lru_cache(maxsize=65536)(self._stem)

    def _stem(self, word: str) -> str:
        if "-" in word:
            parts = word.split("-")
            if len(parts) == 2 and parts[0] and parts[1]:
                first, second = self._stem_single(parts[0]), self._stem_single(parts[1])
                if first == second:
                    return first
            return word
        return self._stem_single(word)

    def _stem_single(self, word: str) -> str:
        if word in self.roots or len(word) <= MIN_ROOT + 1:
            return word
        forms = [word]
        current = word
        for group in INFLECTIONAL:
            for suffix in group:
                if current.endswith(suffix) and len(current) - len(suffix) > MIN_ROOT:
                    current = current[: -len(suffix)]
                    if current in self.roots:
                        return current
                    forms.append(current)
                    break
        # -kan may also be -an after a root ending in k (pelacakan): both are tried.
        for suffix in DERIVATIONAL:
            if current.endswith(suffix) and len(current) - len(suffix) > MIN_ROOT:
                if current[: -len(suffix)] in self.roots:
                    return current[: -len(suffix)]
                forms.append(current[: -len(suffix)])
                if suffix != "kan":
                    break
        best_score, best_root = -1, word
        for form in forms:
            score, root = self._strip_prefixes(form, 0)
            if score > best_score:
                best_score, best_root = score, root
        return best_root

    def _strip_prefixes(self, word: str, depth: int) -> tuple[int, str]:
        """The best (score, root) reachable by removing prefixes from `word`; (-1, word) when none is."""
        best_score, best_root = -1, word
        if depth == MAX_PREFIXES:
            return best_score, best_root
        for candidate, family in prefix_candidates(word):
            if len(candidate) < MIN_ROOT:
                continue
            if candidate in self.roots:
                families = self.roots[candidate]
                score = 2 if family in families else (1 if families else 0)
            else:
                score, candidate = self._strip_prefixes(candidate, depth + 1)
            if score > best_score:
                best_score, best_root = score, candidate
        return best_score, best_root


def prefix_candidates(word: str) -> list[tuple[str, str]]:
    """What may remain after one prefix, with the prefix's family letter, in the order to try."""
    candidates: list[tuple[str, str]] = []
    head, rest = word[:2], word[2:]
    first = rest[:1]
    if head in ("di", "ke", "se"):
        candidates.append((rest, {"di": "D", "ke": "K", "se": "S"}[head]))
    if head in ("be", "te", "pe") and first == "r":
        candidates.append((rest[1:], {"be": "B", "te": "T", "pe": "R"}[head]))
        if rest[1:2] in VOWELS:
            candidates.append((rest, {"be": "B", "te": "T", "pe": "P"}[head]))
    elif head in ("be", "te") and first and first not in VOWELS and rest[1:3] == "er":
        candidates.append((rest, head[0].upper()))
    elif head == "be" and first == "l":
        candidates.append((rest[1:], "B"))
    if head in ("me", "pe"):
        family = head[0].upper()
        candidates.extend((candidate, family) for candidate in _nasal_candidates(head, rest))
    return candidates


def _nasal_candidates(head: str, rest: str) -> list[str]:
    """me- and pe- before a root: meng-/peng-, meny-/peny-, mem-/pem-, men-/pen-, or plain before l r w y."""
    if rest.startswith("ng"):
        after = rest[2:]
        if after[:1] in VOWELS:
            found = [after, "k" + after]
            if after.startswith("e"):
                found.append(after[1:])
            return found
        return [after]
    if rest.startswith("ny"):
        return ["s" + rest[2:], rest]
    if rest.startswith("m"):
        after = rest[1:]
        if after[:1] in VOWELS:
            return ["m" + after, "p" + after]
        return [after] if after[:1] in ("b", "f", "v", "p") else []
    if rest.startswith("n"):
        after = rest[1:]
        if after[:1] in VOWELS:
            return ["n" + after, "t" + after]
        return [after] if after[:1] in ("c", "d", "j", "z", "s", "t") else []
    if rest[:1] in ("l", "r", "w", "y"):
        return [rest, rest[1:]] if head == "pe" and rest.startswith("l") else [rest]
    if head == "pe" and rest[:1] and rest[:1] not in VOWELS:
        return [rest]
    return []
