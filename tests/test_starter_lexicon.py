"""The starter lexicon every new shop gets (helpcenter/starter/*/synonyms.yml) and the chat abbreviations of
helpcenter/language/data/colloquial.txt: they pass the synonyms check, are large enough to matter, carry the English
and chat words customers type, and the sample shop keeps them. Search on a built new shop: tests/test_newshop.py."""

from __future__ import annotations

import pytest

from helpcenter.content.newshop import LANGUAGES, STARTER
from helpcenter.content.synonyms import Phrase, Synonyms, load_synonyms
from helpcenter.language.analysis import terms
from tests.conftest import CONTENT


def _starter(language: str) -> Synonyms:
    return load_synonyms(STARTER / language / "synonyms.yml")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_starter_lexicon_passes_the_check_with_at_least_150_groups(language: str) -> None:
    groups = _starter(language).groups()
    assert len(groups) >= 150
    assert all(len(group) >= 2 for group in groups)


@pytest.mark.parametrize(("language", "query", "expected"), [
    ("id", "delivery fee", ("ongkir",)),
    ("id", "shipping cost ke bandung", ("ongkos", "kirim")),
    ("id", "refund status", ("kembali", "dana")),
    ("id", "installment", ("cicil",)),
    ("id", "exchange size", ("tukar",)),
    ("id", "complaint", ("keluh",)),
    ("id", "tracking number", ("resi",)),
    ("id", "transfer ke norek", ("nomor", "rekening")),
    ("id", "bayar pakai va", ("virtual", "account")),
    ("id", "kartu kredit", ("credit", "card")),
    ("id", "bisa nyicil pakai cc", ("kartu", "kredit")),
    ("id", "forgot password", ("kata", "sandi")),
    ("id", "lupa pw", ("password",)),
    ("id", "voucher gratong", ("free", "shipping")),
    ("id", "barang ready stock", ("stok", "sedia")),
    ("en", "shipped", ("delivery",)),
    ("en", "cancelled order", ("cancellation",)),
    ("en", "ongkir", ("shipping", "fee")),
    ("en", "no resi", ("tracking", "number")),
])
def test_english_words_and_abbreviations_bring_their_group(language: str, query: str, expected: Phrase) -> None:
    assert expected in _brought(_starter(language), query)


@pytest.mark.parametrize(("language", "query"), [("id", "baterai laptop awet"), ("en", "battery life of the laptop")])
def test_a_query_outside_the_lexicon_brings_nothing(language: str, query: str) -> None:
    assert _brought(_starter(language), query) == []


def _brought(synonyms: Synonyms, query: str) -> list[Phrase]:
    """The other phrases of every group a query's phrases belong to: what search adds to the query."""
    return [other for _, phrase in synonyms.occurrences(terms(query)) for other in synonyms.alternatives[phrase]]


def test_the_sample_shop_keeps_every_starter_group() -> None:
    """content/synonyms.yml is the Indonesian starter with Toko Senja's changes: it may join groups or add words,
    never lose one, so a fix to the starter is a fix to the sample and the sample's query set measures it."""
    sample = load_synonyms(CONTENT / "synonyms.yml").groups()
    lost = [[" ".join(phrase) for phrase in group] for group in _starter("id").groups()
            if not any(set(group) <= set(other) for other in sample)]
    assert lost == []


# The abbreviations of issue 17 that found nothing or the wrong page: each is read as its written word (or dropped,
# like the written word, when that is a stop word).
@pytest.mark.parametrize(("typed", "written"), [
    ("brg", "barang"), ("dmn", "di mana"), ("gmn", "bagaimana"), ("ga", "tidak"), ("gak", "tidak"),
    ("tdk", "tidak"), ("yg", "yang"), ("sdh", "sudah"), ("blm", "belum"), ("bs", "bisa"), ("msh", "masih"),
    ("krm", "kirim"), ("almt", "alamat"), ("pengen", "ingin"), ("ilang", "hilang"),
])
def test_chat_abbreviations_are_searched_as_the_written_word(typed: str, written: str) -> None:
    assert terms(f"{typed} paket") == terms(f"{written} paket")
