"""Chat Indonesian to the written words of help pages: "balikin" -> "kembalikan", "udh" -> "sudah".

A lexicon (`data/colloquial.txt`) for abbreviations and slang, and two rules for the Jakarta verb forms: the
suffix -in is written -kan (batalin -> batalkan) and the bare nasal ng-/ny- is written me- (ngirim -> mengirim). A
rule only applies when the stemmer then reaches a dictionary root, so "main" or "ingin" stay as they are.
`theme/assets/javascripts/search/colloquial.js` does the same.
"""

from __future__ import annotations

import functools
from importlib.resources import files


@functools.cache
def lexicon() -> dict[str, str]:
    text = files("helpcenter.language").joinpath("data/colloquial.txt").read_text(encoding="utf-8")
    pairs = (line.split() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {informal: written for informal, written in pairs}


def rewrites(word: str) -> list[str]:
    """Written forms a Jakarta-style verb may stand for, most specific first."""
    found: list[str] = []
    suffixed = word[:-2] + "kan" if word.endswith("in") and len(word) > 4 else None
    nasal = word.startswith(("ng", "ny")) and len(word) > 4
    if suffixed and nasal:
        found.append("me" + suffixed)
    if nasal:
        found.append("me" + word)
    if suffixed:
        found.append(suffixed)
    return found
