"""One typo rule for search and the report: which words may be typos, and how far apart two words are."""

from __future__ import annotations

import pytest

from helpcenter.language.similarity import edit_distance, typo_edits


@pytest.mark.parametrize(("a", "b", "limit", "expected"), [
    ("pengiriman", "pengiriman", 2, 0), ("pengirman", "pengiriman", 2, 1), ("pengembalain", "pengembalian", 2, 1),
    ("garansii", "garansi", 1, 1), ("garnsi", "garansi", 5, 1), ("kitten", "sitting", 5, 3), ("", "abc", 5, 3),
    ("abc", "xyz", 1, 2), ("kirim", "", 2, 3),
])
def test_edit_distance_counts_a_swap_as_one_edit(a: str, b: str, limit: int, expected: int) -> None:
    assert edit_distance(a, b, limit) == expected
    assert edit_distance(b, a, limit) == expected


@pytest.mark.parametrize(("a", "b", "distance"), [("pengirman", "pengiriman", 1), ("kitten", "sitting", 3),
                                                   ("garansi", "garnasi", 1)])
def test_past_the_limit_the_answer_is_limit_plus_one(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, distance - 1) == distance


@pytest.mark.parametrize(("word", "edits"), [("cod", 0), ("resi", 0), ("kirim", 1), ("garansi", 1),
                                              ("pengirman", 2)])
def test_short_words_are_taken_as_typed_and_long_ones_may_be_two_edits_off(word: str, edits: int) -> None:
    assert typo_edits(word) == edits


def test_search_and_report_correct_a_typo_alike(built_site) -> None:
    from helpcenter.report.queries import QueryGrouper
    from helpcenter.search.engine import SearchEngine

    engine = SearchEngine.from_site(built_site)
    grouper = QueryGrouper(engine.vocabulary)
    for typo in ("pengirman", "garnasi", "pembyaran", "kupn"):
        searched = engine.corrections(typo)
        grouped = grouper.correct(typo)
        assert (grouped != typo) == bool(searched), typo
