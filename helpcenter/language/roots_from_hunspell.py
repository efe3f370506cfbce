"""Make `data/id-roots.txt` from hunspell-id's `id_ID.dic` (see data/README.md for source and licence).

    python -m helpcenter.language.roots_from_hunspell /usr/share/hunspell/id_ID.dic
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
TARGET = Path(__file__).parent / "data" / "id-roots.txt"


def roots_from_dic(text: str) -> dict[str, str]:
    """Each lowercase entry with the first letters of its upper-case (prefix) flags; flags are two characters."""
    roots: dict[str, set[str]] = {}
    for line in text.splitlines()[1:]:
        word, _, flags = line.strip().partition("/")
        if _WORD.fullmatch(word):
            pairs = (flags[i:i + 2] for i in range(0, len(flags), 2))
            roots.setdefault(word, set()).update(pair[0] for pair in pairs if pair[:1].isupper())
    return {word: "".join(sorted(families)) for word, families in roots.items()}


def main(dic: str) -> None:
    roots = roots_from_dic(Path(dic).read_text(encoding="latin-1"))
    TARGET.write_text("".join(f"{w}/{f}\n" if f else f"{w}\n" for w, f in sorted(roots.items())), encoding="utf-8")
    print(f"{len(roots)} roots written to {TARGET}")


if __name__ == "__main__":
    main(sys.argv[1])
