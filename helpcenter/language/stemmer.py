"""A dictionary-checked Indonesian stemmer in the manner of Nazief-Adriani and its confix-stripping successors.

Affixes come off only when what remains is a root in the dictionary, so pengembalian, dikembalikan and
mengembalikan all reach "kembali", and a word with no known root (ongkir, refund) stays as it is.
`theme/assets/javascripts/search/stemmer.js` is the same algorithm, step for step; tests hold the two to identical
stems on more than ten thousand word forms.

1. A word that is a root stays, unless the dictionary lists a derived word as a root of its own (`lexical_root`):
   a loan with its suffix whose root has prefixes or is an adjective in -al (idealisme, digitalisasi, sosialis;
   organisme and analis stay), a -kan verb whose root takes -kan (belikan), belajar and pelajar (bel-, pel-), and
   the few words with a fossil infix that grammars list (kinerja, telunjuk). The same holds for the root an
   analysis reaches (mempelajari -> pelajar -> ajar). A reduplication (barang-barang, memanggil-manggil,
   berbalas-balasan) is stemmed once; a clitic written with a hyphen (kuasa-Mu) comes off.
2. Suffixes come off in order: particle -lah/-kah/-tah/-pun, possessive -nya/-ku/-mu (a root reached on the way
   wins), then derivational -kan/-an/-i (-kan is also tried as -an). A root reached by a derivational suffix alone
   wins at once when the dictionary says the root takes that suffix (beri-kan, aju-kan); otherwise it competes
   with step 3: petani is pe-tani, not petan-i.
3. Prefixes (up to three: di-, ke-, se-, ber-, ter-, per-, me-, pe-, with the nasal changes of me- and pe-, and
   the proclitics ku-/kau- in front) are tried on each of those forms. Every root reached scores by its prefix
   families in the dictionary: best when the dictionary says it takes that prefix (menge- where it says menge-:
   mengecek), less when it lists other prefixes, least when it lists none. The best score wins, then the fewest
   prefixes, then the root the dictionary gives more affixes, then the less stripped form: "memesan" gives
   "pesan" (not "mesan"), "memberikan" gives "beri" (not ber-ikan), "mengalahkan" gives "kalah" (not "alah").
   A form with an infix (-el-, -em-, -er-, -in-) or a repeated first syllable (gemetaran, rerumputan) reaches
   its root too, below a prefix the dictionary confirms.
4. Loan suffixes -isasi, -isme, -isir, -is come off last, when nothing else reached a root (finalisasi).
5. When all that finds nothing, or only a root the dictionary knows nothing of (pesen as pe-sen), the same steps
   run again on chat Indonesian (`helpcenter.language.colloquial`): a bare nasal for me- (nyari, ngirim, nulis),
   the suffix -in (balikin), spellings (pesen -> pesan, pake -> pakai), and the site's own terms (`vocabulary`)
   count as roots, so ongkirnya reaches ongkir on a site that writes "ongkir". A result must still be a root or a
   site term.
"""

from __future__ import annotations

import functools
from collections.abc import Container, Mapping

from helpcenter.language.colloquial import SUFFIX, nasal_roots, spellings

VOWELS = frozenset("aeiou")
INFLECTIONAL = (("lah", "kah", "tah", "pun"), ("nya", "ku", "mu"))
DERIVATIONAL = ("kan", "an", "i")
LOANS = ("isasi", "isme", "isir", "is")
CLITICS = frozenset(("lah", "kah", "tah", "pun", "nya", "ku", "mu"))
# A loan adjective in -al takes -isasi, -isme, -is as English -alization, -alism, -alist do (digitalisasi,
# kapitalisme, sosialis); a root of four letters is too short to trust (analis is no anal-is).
LOAN_ADJECTIVE, MIN_LOAN_ADJECTIVE = "al", 5
# ber- and per- are bel- and pel- before these roots only, as grammars list them: belajar, pelajar, belunjur.
EL_ROOTS = ("ajar", "unjur")
# Words with an infix (-el-, -em-, -er-, -in-) or a repeated first syllable that the dictionary lists as roots of
# their own, and that still mean their root. The infixes make no new words; their words are a closed list, and the
# dictionary alone cannot tell kinerja (kerja) from seminar (sinar) or kelapa (kapa), so the list is the tool.
FOSSILS = frozenset(("gemetar", "gemuruh", "gerigi", "jemari", "kinasih", "kinerja", "lelaki", "lelembut", "leluhur",
                     "rerata", "seruling", "sinambung", "telunjuk", "temali"))
# The letter id-roots.txt gives a root that takes the suffix, alone or with a prefix (see data/README.md).
SUFFIX_FLAGS = {"kan": "k", "an": "a", "i": "i"}
MIN_ROOT = 2
MAX_PREFIXES = 3
# Scores of an analysis, higher is better. A root reached through prefixes scores 2 x (2 when the dictionary says
# it takes the last prefix, 1 when it lists other prefixes, 0 when none) + 1 unless reached by a chat spelling.
# A root reached by a suffix alone that the dictionary does not confirm scores between them.
NONE, SURE = -1, 9
UNCONFIRMED_KNOWN, UNCONFIRMED_BARE = 4, 2
TRUSTED = 3


class Stemmer:
    """`roots` maps each root to its flags (data/README.md): the prefix families the dictionary allows it (B ber-,
    D di-, G menge-, K ke-, M me-, P pe-, R per-, S se-, T ter-, ...) and the suffixes it takes (a -an, i -i,
    k -kan). `vocabulary`: the site's own terms, which chat forms may reach as they reach roots (ongkirnya ->
    ongkir)."""

    def __init__(self, roots: Mapping[str, str], vocabulary: Container[str] = frozenset()) -> None:
        self.roots = roots
        self.vocabulary = vocabulary
        self.stem = functools.lru_cache(maxsize=65536)(self._stem)

    def _stem(self, word: str) -> str:
        if "-" not in word:
            return self._stem_single(word)
        parts = word.split("-")
        if parts[-1] in CLITICS:
            parts.pop()
        if len(parts) == 1 and parts[0]:
            return self.stem(parts[0])
        if len(parts) == 2 and parts[0] and parts[1]:
            # The second half of an affixed reduplication may carry the nasal without me-: memanggil-manggil.
            first = self.stem(parts[0])
            if first in (self.stem(parts[1]), self.stem("me" + parts[1])):
                return first
        return word

    def _stem_single(self, word: str) -> str:
        if word in self.roots:
            return self.lexical_root(word)
        if len(word) <= MIN_ROOT + 1:
            return word
        score, root = self._analyse(word, False)
        if score < TRUSTED:
            informal_score, informal = self._analyse(word, True)
            root = informal if informal_score > NONE else root
        return self.lexical_root(root) if root in self.roots else root

    def lexical_root(self, root: str) -> str:
        """The root of a derived word the dictionary lists as a root of its own, or `root`. Only the derivations
        that are regular or listed (module docstring, step 1): most of the dictionary's bare entries that look
        derived are words of their own (garangan is no garang-an, kafilah no kafi-lah)."""
        for suffix in LOANS:
            base = root[: -len(suffix)]
            if root.endswith(suffix) and len(base) > MIN_ROOT + 1 and base in self.roots and (
                    _prefixed(self.roots[base])
                    or (base.endswith(LOAN_ADJECTIVE) and len(base) >= MIN_LOAN_ADJECTIVE)):
                return base
        if root[:3] in ("bel", "pel") and root[3:] in EL_ROOTS:
            return root[3:]
        if root in FOSSILS:
            return self._unfixed(root) or root
        # The dictionary lists some -kan verbs whole (belikan, bicarakan): the root is there when it takes -kan.
        if root.endswith("kan") and SUFFIX_FLAGS["kan"] in self.roots.get(root[:-3], ""):
            return root[:-3]
        return root

    def _find(self, word: str, informal: bool) -> str | None:
        """The root `word` is, if any; in chat, also as a word of the site or through a spelling."""
        if word in self.roots:
            return word
        if not informal:
            return None
        return word if word in self.vocabulary else self._spelt(word)

    def _unfixed(self, word: str) -> str | None:
        """The root of a word with an infix (telunjuk, gemetar, kinerja) or a repeated first syllable (lelembut),
        for roots of four letters or more: shorter ones would turn too many words into some two-letter root."""
        if len(word) < 6 or word[0] in VOWELS:
            return None
        if word[1:3] in ("el", "em", "er", "in") and word[0] + word[3:] in self.roots:
            return word[0] + word[3:]
        return word[2:] if word[1] == "e" and word[2] == word[0] and word[2:] in self.roots else None

    def _spelt(self, word: str) -> str | None:
        """The root a chat spelling stands for, if any: one the dictionary gives prefixes to first (adep is hadap
        rather than adap)."""
        found = [spelling for spelling in spellings(word) if spelling in self.roots]
        return next((root for root in found if _prefixed(self.roots[root])), found[0] if found else None)

    def _analyse(self, word: str, informal: bool) -> tuple[int, str]:
        """(score, root) of the best analysis of `word`, or (NONE, word)."""
        forms = [word]
        current = word
        for group in INFLECTIONAL:
            for suffix in group:
                if current.endswith(suffix) and len(current) - len(suffix) > MIN_ROOT:
                    current = current[: -len(suffix)]
                    found = self._find(current, informal)
                    if found:
                        return SURE, found
                    forms.append(current)
                    break
        # A site word is itself, once its clitics are off (ongkirnya is not a word of its own).
        if informal and word in self.vocabulary:
            return SURE, word
        # -kan may also be -an after a root ending in k (pelacakan): both are tried.
        unconfirmed = (NONE, word)
        for suffix in (*DERIVATIONAL, SUFFIX) if informal else DERIVATIONAL:
            # Chat's -in needs a root of four letters or more: "login" is no log-in.
            if current.endswith(suffix) and len(current) - len(suffix) > MIN_ROOT + (suffix == SUFFIX):
                base = current[: -len(suffix)]
                found = self._find(base, informal)
                if found:
                    flags = self.roots.get(found, "")
                    if suffix == SUFFIX or SUFFIX_FLAGS[suffix] in flags:
                        return SURE, found
                    if unconfirmed[0] == NONE:
                        unconfirmed = (UNCONFIRMED_KNOWN if _prefixed(flags) else UNCONFIRMED_BARE, found)
                forms.append(base)
                if suffix != "kan":
                    break
        best = (NONE, 0, word)
        # A form may have an infix or a repeated syllable (rerumputan); in chat, the word may be a spelling of a
        # root (pesen): as good as a root through a prefix the dictionary does not confirm.
        whole = next(filter(None, map(self._unfixed, forms)), None) or (self._spelt(word) if informal else None)
        if whole:
            best = (2 * _prefixed(self.roots[whole]), 0, whole)
        for form in forms:
            found = self._strip_prefixes(form, 0, informal)
            if self._better(found, best):
                best = found
        if unconfirmed[0] > best[0]:
            return unconfirmed
        if best[0] == NONE:
            for suffix in LOANS:
                base = current[: -len(suffix)]
                if current.endswith(suffix) and len(base) > MIN_ROOT + 1 and base in self.roots:
                    return UNCONFIRMED_KNOWN, base
        return best[0], best[2]

    def _strip_prefixes(self, word: str, depth: int, informal: bool) -> tuple[int, int, str]:
        """The best (score, prefixes, root) reachable by removing prefixes from `word`; (NONE, 0, word) if none."""
        best = (NONE, 0, word)
        # Chat rarely stacks prefixes (dibeliin, kebayar): two are enough there.
        if depth == (MAX_PREFIXES - 1 if informal else MAX_PREFIXES):
            return best
        candidates = prefix_candidates(word)
        if depth == 0:
            candidates += [(word[len(clitic):], "O") for clitic in ("kau", "ku") if word.startswith(clitic)]
            if informal:
                candidates += nasal_roots(word)
        for candidate, family in candidates:
            if len(candidate) < MIN_ROOT:
                continue
            found = self._find(candidate, informal)
            if found:
                flags = self.roots.get(found, "")
                # menge- where the dictionary says menge- (mengecek) is the surest fit of all.
                fit = (3 if family == "G" else 2) if family and family in flags else int(_prefixed(flags))
                result = (2 * fit + (found == candidate), depth + 1, found)
            else:
                result = self._strip_prefixes(candidate, depth + 1, informal)
            if self._better(result, best):
                best = result
        return best

    def _better(self, found: tuple[int, int, str], best: tuple[int, int, str]) -> bool:
        """A higher score; on a tie, fewer prefixes, then the root the dictionary gives more affixes (mengalahkan is
        kalah rather than alah; perancang is rancang rather than ancang)."""
        if found[0] != best[0] or best[0] == NONE:
            return found[0] > best[0]
        if found[1] != best[1]:
            return found[1] < best[1]
        return len(self.roots.get(found[2], "")) > len(self.roots.get(best[2], ""))


def _prefixed(flags: str) -> bool:
    """Whether the dictionary gives a root any prefix (its flags have upper-case letters)."""
    return flags != flags.lower()


def prefix_candidates(word: str) -> list[tuple[str, str]]:
    """What may remain after one prefix or infix, with the prefix's family letter, in the order to try."""
    candidates: list[tuple[str, str]] = []
    head, rest = word[:2], word[2:]
    first = rest[:1]
    if head in ("di", "ke", "se"):
        candidates.append((rest, {"di": "D", "ke": "K", "se": "S"}[head]))
    if head in ("be", "te", "pe") and first == "r":
        # ber-, ter-, per- (beradu), then be-, te-, pe- before a root in r (berambut, perumahan).
        candidates.append((rest[1:], {"be": "B", "te": "T", "pe": "R"}[head]))
        if rest[1:2] in VOWELS:
            candidates.append((rest, {"be": "B", "te": "T", "pe": "P"}[head]))
    elif head in ("be", "te") and first and first not in VOWELS and rest[1:3] == "er":
        candidates.append((rest, head[0].upper()))
    elif head == "be" and first == "l":
        candidates.append((rest[1:], "B"))
    if head in ("me", "pe"):
        family = head[0].upper()
        # menge-/penge- before a root of one syllable (mengecek) is a family of its own in the dictionary: G.
        candidates.extend((candidate, "G" if rest.startswith("nge") and candidate == rest[3:] else family)
                          for candidate in _nasal_candidates(head, rest))
    return candidates


def _nasal_candidates(head: str, rest: str) -> list[str]:
    """me- and pe- before a root: meng-/peng-, meny-/peny-, mem-/pem-, men-/pen-, or plain before l r w y."""
    if rest.startswith("ng"):
        after = rest[2:]
        if after[:1] in VOWELS:
            # A root may itself start with ng (mengerikan is me-ngeri-kan).
            return [rest, *([after[1:]] if after.startswith("e") else []), after, "k" + after]
        return [after]
    if rest.startswith("ny"):
        return ["s" + rest[2:], rest]
    if rest.startswith("m"):
        after = rest[1:]
        if after[:1] in VOWELS:
            return ["m" + after, "p" + after]
        if after[:1] in ("r", "l"):
            # A loan in pr-, pl- may lose its p too: pemrosesan, pemrograman.
            return ["p" + after]
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
