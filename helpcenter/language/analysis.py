"""Text to search terms: the one pipeline the index builder, the command line and (in JavaScript) the browser share.

tokens -> lowercase, accents folded -> chat forms written out -> stop words dropped -> stems.
In the browser, `theme/assets/javascripts/search/analysis.js` makes the same tokens and `engine.js` takes the
query's words through the other steps with the same data.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from importlib.resources import files

from helpcenter.language.colloquial import written
from helpcenter.language.stemmer import Stemmer

_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# Function words that carry no topic: pronouns, particles, conjunctions, prepositions, question words, and English
# function words; chat forms are written out first (gimana -> bagaimana). Negation and "bisa" stay searchable:
# "voucher tidak bisa dipakai" asks something else than "cara pakai voucher", and English "not" is written "tidak"
# (data/colloquial.txt). The s and t of "it's" and "don't" go too. Written for this project.
_STOP_WORDS_TEXT = """
ada adalah agar akan aku anda apa apakah atau bagaimana bagi bahwa baik berapa bila boleh buat dalam dan dari
dengan di dia dong gitu harus hal ini itu iya jadi jika juga kah kak kalau kamu kami kan kapan
karena ke kenapa ketika kita kok lagi lah mana masih mau mengapa mereka min mohon nya oleh pada para
per perlu pun saat saja saya se sebagai sedang sehingga sekarang seperti sih silakan supaya sudah tapi tetapi
tolong untuk waktu ya yaitu yang
a am an and any are as at be been by can could did do does for from had has have how i if in is it its me my of on
or our please s should so t that the their there they this to us was we what when where which who why will with
would you your
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
# English endings and what each may replace, most likely first (english_bases).
_ENGLISH_ENDINGS = (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")),
                    ("ing", ("", "e")))


@functools.cache
def roots() -> dict[str, str]:
    """Indonesian roots and the prefix families each takes, from hunspell-id (see helpcenter/language/data/)."""
    text = files("helpcenter.language").joinpath("data/id-roots.txt").read_text(encoding="utf-8")
    return dict(line.partition("/")[::2] for line in text.split())


@functools.cache
def stemmer() -> Stemmer:
    return Stemmer(roots())


def fold(text: str) -> str:
    """Lowercase without accents: 'Café' and 'cafe' are one word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """The words of a text, folded. Same as the tokens of fold(text), faster: a non-ASCII character is either a
    mark that folding drops or a character no token contains, so only those few are looked at."""
    lowered = text.lower()
    if not lowered.isascii():
        lowered = _NON_ASCII.sub(_fold_character, unicodedata.normalize("NFKD", lowered))
    return _TOKEN.findall(lowered)


def _fold_character(match: re.Match) -> str:
    return "" if unicodedata.combining(match.group()) else " "


def english_bases(word: str) -> list[str]:
    """The words an English inflected form may come from, most likely first: refunds -> refund, deliveries ->
    delivery, addresses -> address, charged -> charge, cancelled -> cancel, tracking -> track, shipping -> ship.
    A shop's English words live in its synonyms, in one or two forms each; search takes the first base that the
    site or its synonyms know, for a word they do not know as it is."""
    found: list[str] = []
    for ending, replacements in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            base = word[: -len(ending)]
            found += [base + replacement for replacement in replacements]
            # A consonant doubled before -ed or -ing: shipped, cancelled, shipping.
            if ending in ("ed", "ing") and base[-1] == base[-2] and base[-1] not in "aeiou":
                found.append(base[:-1])
    return list(dict.fromkeys(found))


def analysed(text: str) -> list[tuple[str, str]]:
    """Each word of a text that search keeps, with its term: chat forms written out ("nggak" -> "tidak"), stop
    words dropped, the rest stemmed."""
    found = []
    for token in tokens(text):
        term = term_of(token)
        if term is not None:
            found.append((token, term))
    return found


@functools.lru_cache(maxsize=1 << 17)
def term_of(token: str) -> str | None:
    """The term a folded word is searched by, or None when search drops it (a stop word). Cached: words repeat,
    in a site as in any text, and a build analyses every word of it."""
    word = written(token)
    if word in STOP_WORDS:
        return None
    term = stemmer().stem(word)
    return None if term in STOP_WORDS else term


def terms(text: str) -> list[str]:
    """The search terms of a text."""
    return [term for _, term in analysed(text)]


def site_terms(found: Iterable[str]) -> dict[str, str]:
    """The terms of a site that become others once the stemmer knows the site's own terms: a word the dictionary
    does not know, written with a clitic that the site also writes bare ("ongkirnya" beside "ongkir"). The
    browser's stemmer knows the index's terms and takes such words there too. Only the terms that change."""
    known = frozenset(found)
    stem = Stemmer(roots(), known).stem
    renamed = {term: other for term in known if term not in roots() and (other := stem(term)) != term}
    for term, other in renamed.items():
        while other in renamed:
            other = renamed[other]
        renamed[term] = other
    return renamed
