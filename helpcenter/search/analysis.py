"""Text to search terms: the one pipeline the index builder, the command line and (in JavaScript) the browser share.

tokens -> lowercase, accents folded -> stop words dropped -> stems. `theme/assets/javascripts/search/analysis.js`
does the same, step for step.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib.resources import files

from helpcenter.search.stemmer import Stemmer

_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Function words that carry no topic: pronouns, particles, conjunctions, prepositions, question words, and the
# colloquial forms customers type (gimana, gak), and English function words. Written for this project; short on
# purpose.
_STOP_WORDS_TEXT = """
ada adalah agar akan aku anda apa apakah atau bagaimana bagi bahwa baik bila bisa boleh buat dalam dan dari
dengan di dia dong gak ga gimana gitu harus hal ini itu iya jadi jika juga kah kak kalau kamu kami kan kapan
karena ke kenapa ketika kita kok lagi lah mana masih mau mengapa mereka min mohon nya nggak ngga oleh pada para
per perlu pun saat saja saya se sebagai sedang sehingga sekarang seperti sih silakan supaya sudah tapi tetapi
tidak tolong udah untuk waktu ya yaitu yang
a an and are be by can do does for from how i in is it me my not of on or the to was what when where which who
why will with you your
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


@functools.cache
def roots() -> dict[str, str]:
    """Indonesian roots and the prefix families each takes, from hunspell-id (see helpcenter/search/data/)."""
    text = files("helpcenter.search").joinpath("data/id-roots.txt").read_text(encoding="utf-8")
    return dict(line.partition("/")[::2] for line in text.split())


@functools.cache
def stemmer() -> Stemmer:
    return Stemmer(roots())


def fold(text: str) -> str:
    """Lowercase without accents: 'Café' and 'cafe' are one word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def terms(text: str) -> list[str]:
    """The search terms of a text: its tokens without stop words, each stemmed."""
    stem = stemmer().stem
    return [stem(token) for token in tokens(text) if token not in STOP_WORDS]
