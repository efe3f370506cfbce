"""Chat Indonesian to the written words of help pages: "udh" -> "sudah", "nyari" -> "cari", "pesen" -> "pesan".

Two kinds of knowledge. A lexicon (`data/colloquial.txt`) for abbreviations and slang that no rule reaches. And the
regular ways chat writes the words a dictionary has, which a list cannot keep up with: the verb's nasal without
me- (nyari, ngirim, nulis, milih), the suffix -in for -kan/-i (balikin, beliin), spellings of the last
syllable (pesen, pake, liat, abis) and the e dropped between consonants (telpon, crita). The stemmer applies these
rules (`Stemmer`, informal analysis) and keeps a result only when it is a root of the dictionary or a word of the
site. `theme/assets/javascripts/search/colloquial.js` is the same.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

VOWELS = frozenset("aeiou")
CLITICS = ("nya", "ku", "mu")
"""Possessives chat puts on a lexicon word as on any other: duitnya, brgku."""
_DOUBLED = re.compile(r"([a-z]{3,})2")
"""Chat's 2 for a doubled word: gerak2 is gerak-gerak, dibales2 is dibalas-balas."""
SUFFIX = "in"
"""Chat's -in, written -kan or -i: balikin, beliin, dibatalin."""
DIGRAPHS = frozenset(("ng", "ny", "sy", "kh"))
"""Two consonant letters that write one sound: no e was dropped between them."""
MIN_SCHWA_WORD = 5


@functools.cache
def lexicon() -> dict[str, str]:
    text = files("helpcenter.language").joinpath("data/colloquial.txt").read_text(encoding="utf-8")
    pairs = (line.split() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {informal: written for informal, written in pairs}


def written(word: str) -> str:
    """The written form of a chat word, or the word itself: udh -> sudah, and the same with a possessive on it
    (duitnya -> uang) or chat's 2 for a doubled word (gerak2 -> gerak, brg2 -> barang)."""
    table = lexicon()
    if word in table:
        return table[word]
    doubled = _DOUBLED.fullmatch(word)
    if doubled:
        return written(doubled.group(1))
    for clitic in CLITICS:
        if word.endswith(clitic) and word[: -len(clitic)] in table:
            return table[word[: -len(clitic)]]
    return word


def nasal_roots(word: str) -> list[tuple[str, str]]:
    """What a verb that starts with a bare nasal (chat drops the me-) may have as its root, most likely first,
    each with the prefix family it needs in the dictionary (M me-, G menge-): nyari -> cari, sari;
    ngecek -> cek, ecek, kecek; ngirim -> irim, kirim; nulis -> tulis; milih -> pilih."""
    rest = word[2:]
    if word.startswith("ny"):
        # Written meny- is s- only; chat's ny- is c- as often (nyari, nyuci, nyoba), and c- when both roots exist
        # (nyuci is cuci, not suci): the s- reading asks for no family, so it wins only alone (nyimpen).
        return [("c" + rest, "M"), ("s" + rest, "")]
    if word.startswith("ng") and rest[:1] in VOWELS:
        return [*([(rest[1:], "G")] if rest.startswith("e") else []), (rest, "M"), ("k" + rest, "M")]
    if word[:1] in ("m", "n") and word[1:2] in VOWELS:
        return [(("p" if word[0] == "m" else "t") + word[1:], "M")]
    return []


def spellings(word: str) -> list[str]:
    """Written words a chat spelling may stand for: pesen -> pesan, pake -> pakai, liat -> lihat, abis -> habis,
    adep -> adap, hadep, hadap, telpon -> telepon. The rules touch the last syllable, where chat and writing
    differ, and the e that chat drops between two consonants (telpon, crita, sebrang)."""
    last = len(word) - 1
    while last >= 0 and word[last] not in VOWELS:
        last -= 1
    found = []
    if word.endswith("e"):
        found.append(word[:-1] + "ai")
    elif last > 0 and word[last] == "e":
        found.append(word[:last] + "a" + word[last + 1:])
    # An h that chat drops between two vowels or before the first one.
    if last > 0 and word[last - 1] in VOWELS:
        found.append(word[:last] + "h" + word[last:])
    if word[:1] in VOWELS:
        found += ["h" + spelling for spelling in [word, *found]]
    schwa = _dropped_schwa(word)
    return [*found, schwa] if schwa else found


def _dropped_schwa(word: str) -> str | None:
    """The word with the e back that chat drops between its first two consonants in a row (telpon -> telepon,
    crita -> cerita, sebrang -> seberang); none when that pair is one sound (ng, ny, sy, kh) or a doubled letter
    (seller), starts the word before a letter other than r or l (a loan: struk, stok), or the word is shorter than
    five letters: a short loan (spam, best) too often meets a root by chance."""
    if len(word) < MIN_SCHWA_WORD:
        return None
    for index in range(len(word) - 1):
        pair = word[index: index + 2]
        if pair[0] not in VOWELS and pair[1] not in VOWELS:
            if pair in DIGRAPHS or pair[0] == pair[1] or (index == 0 and pair[1] not in "rl"):
                return None
            return word[: index + 1] + "e" + word[index + 1:]
    return None
