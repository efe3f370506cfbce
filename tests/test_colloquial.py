"""Chat Indonesian to written words: the lexicon and the -in / ng- rules."""

from __future__ import annotations

import pytest

from helpcenter.language.analysis import STOP_WORDS, roots, stemmer, terms
from helpcenter.language.colloquial import lexicon, rewrites


@pytest.mark.parametrize(("informal", "written"), [
    ("udh", "sudah"), ("gak", "tidak"), ("blm", "belum"), ("balikin", "kembalikan"), ("nyampe", "sampai"),
    ("gimana", "bagaimana"), ("pesenan", "pesanan"),
])
def test_the_lexicon_writes_chat_forms_out(informal: str, written: str) -> None:
    assert lexicon()[informal] == written


def test_every_written_form_is_a_stop_word_or_reaches_a_root() -> None:
    unreachable = [w for w in lexicon().values() if w not in STOP_WORDS and stemmer().stem(w) not in roots()]
    assert unreachable == []


@pytest.mark.parametrize(("word", "expected"), [
    ("batalin", ["batalkan"]),
    ("ngirim", ["mengirim"]),
    ("ngirimin", ["mengirimkan", "mengirimin", "ngirimkan"]),
    ("main", []),
    ("kirim", []),
])
def test_rewrites_of_jakarta_verb_forms(word: str, expected: list[str]) -> None:
    assert rewrites(word) == expected


def test_index_side_analysis_writes_chat_forms_out_too() -> None:
    assert terms("Kenapa voucher saya nggak bisa dipakai?") == ["voucher", "tidak", "bisa", "pakai"]
