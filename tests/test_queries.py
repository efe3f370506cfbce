"""Grouping searches: the search analysis plus a typo merge against the help center's own words."""

from __future__ import annotations

import pytest

from helpcenter.report.queries import QueryGrouper, site_words
from tests.report_data import MANIFEST

WORDS = {"pengiriman", "ongkir", "pembayaran", "garansi", "refund", "lacak", "pesanan", "cod", "kirim"}


@pytest.fixture(scope="module")
def grouper() -> QueryGrouper:
    return QueryGrouper(WORDS)


@pytest.mark.parametrize(("queries", "key"), [
    (["pengiriman", "Pengiriman", "PENGIRIMAN", "pengirman", "pengirimn", "kirim"], ("kirim",)),
    (["lacak pesanan", "pesanan lacak", "gimana lacak pesanan?", "lacak pesanan pesanan"], ("lacak", "pesan")),
    (["garnsi", "garansi", "Garansi!"], ("garansi",)),
    (["ongkr", "ongkir"], ("ongkir",)),
    (["apa", "Apa?"], ("apa",)),  # stop words only: grouped by the folded text
])
def test_spellings_of_one_meaning_share_a_key(grouper: QueryGrouper, queries: list[str], key: tuple) -> None:
    assert {grouper.key(query) for query in queries} == {key}


@pytest.mark.parametrize("query", ["cod", "cot", "gopay"])
def test_short_and_unrelated_words_are_not_mended(grouper: QueryGrouper, query: str) -> None:
    """Below five letters every word is an edit from many others; 'gopay' is far from every site word."""
    assert grouper.key(query) == (query,)


def test_real_indonesian_words_are_left_alone() -> None:
    """'pengirim' (sender) is a word the stemmer knows, one edit from 'pengiriman' or not: it is not a typo."""
    assert QueryGrouper({"pengiriman", "pengirim"}).correct("pengirim") == "pengirim"
    assert QueryGrouper({"pengiriman"}).key("pengirim") == ("kirim",)


def test_groups_sum_counts_name_the_most_common_spelling_and_hint(grouper: QueryGrouper) -> None:
    rows = [{"query": "pengirman", "searches": 4, "empty": 3, "visits_empty": 3, "contacted_empty": 1,
             "contacted": 2},
            {"query": "pengiriman", "searches": 1, "empty": 1, "visits_empty": 1, "contacted_empty": 0},
            {"query": "cicilan 0 persen", "searches": 2, "empty": 2, "visits_empty": 2, "contacted_empty": 2},
            {"query": "ongkir", "searches": 4, "empty": 0, "visits": 4, "contacted": 0}]
    groups = grouper.group(rows, "empty", previous=[{"query": "Pengiriman", "empty": 5}])
    # Contacts of the empty searches only (1, not the 2 of all 'pengirman' searches); every search of the group.
    assert [(g["key"], g["query"], g["count"], g["searches"], g["previous"], g["contacted"], g["hint"])
            for g in groups] == [("kirim", "pengirman", 4, 5, 5, 1, "synonym"),
                                 ("0 cicil persen", "cicilan 0 persen", 2, 2, 0, 2, "new_answer")]
    assert groups[0]["variants"] == [{"query": "pengirman", "count": 3}, {"query": "pengiriman", "count": 1}]


def test_site_words_come_from_titles_questions_descriptions_and_synonyms() -> None:
    words = site_words(MANIFEST)
    assert {"pembayaran", "virtual", "account", "pengiriman", "ongkos", "kirim"} <= words


def test_what_customers_searched_next_names_a_synonym(grouper: QueryGrouper) -> None:
    """Spellings of the same search count together; what the group itself is does not count; one visit is not
    enough to suggest a synonym."""
    group = {"key": " ".join(grouper.key("ngutang")),
             "variants": [{"query": "ngutang", "count": 3}, {"query": "Ngutang", "count": 1}]}
    assert grouper.searched_next(group, {"ngutang": {"cicilan": 1, "ngutang ": 5}, "Ngutang": {"cicilan": 1}}) == {
        "query": "cicilan", "visits": 2}
    assert grouper.searched_next(group, {"ngutang": {"cicilan": 1}}) is None
