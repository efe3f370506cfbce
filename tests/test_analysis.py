"""Text to search terms: tokens, folding, chat forms, stop words, stems."""

from __future__ import annotations

import random
import re

import pytest

from helpcenter.language.analysis import english_bases, fold, site_terms, terms, tokens

TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def test_tokens_are_the_words_of_the_folded_text() -> None:
    rng = random.Random(2026)
    texts = ["Café ÉCLAIR naïve — Pengiriman & pengembalian; barang-barang, 2x24 jam; ﬁle a→b İstanbul ß ½ x²"]
    texts += ["".join(chr(rng.choice([rng.randint(32, 126), rng.randint(128, 0x2FFF), rng.randint(0x300, 0x36F)]))
                      for _ in range(40)) for _ in range(3000)]
    assert [tokens(text) for text in texts] == [TOKEN.findall(fold(text)) for text in texts]


def test_affixed_forms_and_chat_forms_meet_at_one_term() -> None:
    assert terms("pengembalian dikembalikan mengembalikan balikin") == ["kembali"] * 4
    assert terms("Udah bayar tapi gak bisa") == ["bayar", "tidak", "bisa"]


def test_a_site_word_with_a_clitic_is_the_site_word() -> None:
    """The index gives "ongkirnya" the term "ongkir" when the site also writes "ongkir", as the browser's stemmer,
    which knows the index's terms, does for a query."""
    assert site_terms(["ongkir", "ongkirnya", "ongkirmu", "volumetriknya", "kirim", "refundnya"]) == {
        "ongkirnya": "ongkir", "ongkirmu": "ongkir"}


def test_english_negation_stays_searchable_as_indonesian_and_function_words_go() -> None:
    assert terms("voucher not working") == terms("voucher tidak working")
    assert terms("it's what you don't have") == terms("tidak")


@pytest.mark.parametrize(("word", "base"), [
    ("refunds", "refund"), ("deliveries", "delivery"), ("addresses", "address"), ("charged", "charge"),
    ("charges", "charge"), ("cancelled", "cancel"), ("shipped", "ship"), ("tracking", "track"),
    ("shipping", "ship"), ("ordered", "order"), ("items", "item"),
])
def test_an_english_form_may_come_from_its_base(word: str, base: str) -> None:
    assert base in english_bases(word)


@pytest.mark.parametrize("word", ["address", "ads", "bed", "kirim"])
def test_a_word_without_an_english_ending_has_no_base(word: str) -> None:
    assert english_bases(word) == []
