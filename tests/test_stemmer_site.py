"""The stemmer with a site's own words: the index and the query engine give a word the dictionary lacks, written with
a clitic, the term of the bare word the site also writes, and chat forms reach the site's terms."""

from __future__ import annotations

import pytest

from helpcenter.content.synonyms import Synonyms
from helpcenter.search.documents import SearchDocument
from helpcenter.search.engine import SearchEngine
from helpcenter.search.index import build_index

DOCUMENTS = [
    SearchDocument("faq/ongkir/", "Ongkir", "Ongkir dihitung dari berat paket.", "Ongkir dihitung …"),
    SearchDocument("faq/gratis/", "Gratis ongkir", "Berapa ongkirnya? Gratis untuk pesanan di atas Rp100.000.",
                   "Berapa ongkirnya?"),
    SearchDocument("faq/resi/", "Nomor resi", "Cek resinya di halaman pesanan setelah paket dikirim.",
                   "Cek resinya …"),
    SearchDocument("faq/sale/", "Flash sale", "Harga sale berlaku selama persediaan ada.", "Harga sale …"),
]


@pytest.fixture(scope="module")
def data() -> dict:
    return build_index(DOCUMENTS, Synonyms.from_groups([]))


def test_the_index_gives_a_site_word_with_a_clitic_the_bare_words_term(data: dict) -> None:
    terms = data["terms"].split(" ")
    assert "ongkir" in terms and "ongkirnya" not in terms
    assert "ongkirnya" in data["forms"][terms.index("ongkir")].split(" ")
    assert "resi" in terms and "resinya" not in terms


@pytest.mark.parametrize(("query", "expected"), [
    ("ongkirnya berapa", {"faq/ongkir/", "faq/gratis/"}),
    ("ongkirmu", {"faq/ongkir/", "faq/gratis/"}),
    ("ngecek resi", {"faq/resi/"}),
    ("resinya", {"faq/resi/"}),
    ("sale", {"faq/sale/"}),
])
def test_queries_in_chat_find_the_site_words(data: dict, query: str, expected: set[str]) -> None:
    engine = SearchEngine(data)
    assert {result.location for result in engine.search(query)} == expected


def test_the_engine_stems_with_the_index_terms_as_the_site_words(data: dict) -> None:
    engine = SearchEngine(data)
    assert [concept.primary for concept in engine.plan("ongkirnya nyari pesenannya ")] == ["ongkir", "cari", "pesan"]
