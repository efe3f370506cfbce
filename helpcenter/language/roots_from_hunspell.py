"""Make `data/id-roots.txt` from hunspell-id's `id_ID.dic` and `id_ID.aff` (see data/README.md for source and licence).

    python -m helpcenter.language.roots_from_hunspell /usr/share/hunspell/id_ID.dic
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
TARGET = Path(__file__).parent / "data" / "id-roots.txt"
# The letters id-roots.txt gives the derivational suffixes, in the order a suffix flag's text is matched.
_SUFFIXES = (("kan", "k"), ("an", "a"), ("i", "i"))
# hunspell-id's flags for menge- and penge- (before roots of one syllable: mengecek), which id-roots.txt calls G.
_MENGE = frozenset(("MG", "PN"))


def suffix_flags(aff: str) -> dict[str, str]:
    """Each suffix flag of the affix file that adds -kan, -an or -i (alone or with a prefix), with its letter."""
    found: dict[str, str] = {}
    for line in aff.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[0] == "SFX" and fields[2] == "0":
            letter = next((letter for suffix, letter in _SUFFIXES if fields[3].startswith(suffix)), None)
            if letter:
                found.setdefault(fields[1], letter)
    return found


def roots_from_dic(text: str, suffixes: dict[str, str]) -> dict[str, str]:
    """Each lowercase entry with the first letters of its upper-case (prefix) flags, G for menge-/penge-, and the
    letters of the suffixes -an (a), -i (i), -kan (k) it takes; flags are two characters."""
    roots: dict[str, set[str]] = {}
    for line in text.splitlines()[1:]:
        word, _, flags = line.strip().partition("/")
        if _WORD.fullmatch(word):
            pairs = [flags[i:i + 2] for i in range(0, len(flags), 2)]
            found = roots.setdefault(word, set())
            found.update(pair[0] for pair in pairs if pair[:1].isupper())
            found.update("G" for pair in pairs if pair in _MENGE)
            found.update(suffixes[pair] for pair in pairs if pair in suffixes)
    return {word: "".join(sorted(families)) for word, families in roots.items()}


def main(dic: str) -> None:
    suffixes = suffix_flags(Path(dic).with_suffix(".aff").read_text(encoding="latin-1"))
    roots = roots_from_dic(Path(dic).read_text(encoding="latin-1"), suffixes)
    TARGET.write_text("".join(f"{w}/{f}\n" if f else f"{w}\n" for w, f in sorted(roots.items())), encoding="utf-8")
    print(f"{len(roots)} roots written to {TARGET}")


if __name__ == "__main__":
    main(sys.argv[1])
