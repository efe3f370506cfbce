"""The query pipeline on the built sample site: what a customer gets for what they type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.token_set import TokenSet
from lunr.vector import Vector

from helpcenter.cli import main
from helpcenter.search.engine import (
    MAX_SHOWN,
    PREFIX,
    SYNONYM,
    TYPO,
    SearchEngine,
    answers_shown,
    fits,
    group,
    visible,
)
from helpcenter.search.evaluation import load_cases
from tests.test_search_quality import QUERIES


@pytest.fixture(scope="module")
def engine(built_site: Path) -> SearchEngine:
    return SearchEngine.from_site(built_site)


def top(engine: SearchEngine, query: str, count: int = 3) -> list[str]:
    return [entry[0].location for entry in group(engine.search(query), engine)][:count]


@pytest.mark.parametrize(("query", "expected"), [
    ("dikembalikan", "faq/pengembalian-refund/"),              # other affix than the text
    ("mengembalikan barang", "faq/pengembalian-refund/"),
    ("gimana cara balikin barang", "pengembalian"),            # chat Indonesian
    ("ongkir", "ongkir"),                                      # synonym and the text's own word
    ("pengirman", "pengiriman"),                               # typo
    ("refund", "refund"),                                      # English
    ("warranty claim", "garansi"),
])
def test_customers_words_reach_the_answer(engine: SearchEngine, query: str, expected: str) -> None:
    assert any(expected in location for location in top(engine, query)), top(engine, query)


def test_a_word_nobody_wrote_finds_nothing_rather_than_anything(engine: SearchEngine) -> None:
    assert engine.search("xylofon qwertz") == []
    assert engine.search("yang dan di") == []


def test_a_typo_is_corrected_only_for_long_words_nobody_knows(engine: SearchEngine) -> None:
    [concept] = engine.plan("pengirman ")
    # The correction, then its synonyms.
    assert [(term, boost) for term, boost in concept.candidates.items() if boost != SYNONYM] == [("kirim", TYPO)]
    [short] = engine.plan("krim ")          # four letters: too short to guess
    assert short.candidates == {}
    [known] = engine.plan("kucing ")        # a dictionary word the site lacks is not a typo
    assert known.candidates == {}


def test_an_english_form_of_a_word_the_synonyms_know_is_searched_as_that_word(engine: SearchEngine) -> None:
    """The synonyms write "delivery" and "complain"; "deliveries" and "complaining" are the same words to a
    customer."""
    assert [concept.primary for concept in engine.plan("deliveries complaining ")] == ["delivery", "complain"]
    assert engine.plan("deliveries ")[0].candidates == engine.plan("delivery ")[0].candidates


def test_the_word_being_typed_also_finds_words_that_start_with_it(engine: SearchEngine) -> None:
    [typing] = engine.plan("pengemb")
    assert typing.candidates and set(typing.candidates.values()) == {PREFIX}
    assert "kembali" in typing.candidates
    [done] = engine.plan("pengemb ")
    assert "kembali" not in done.candidates


def test_a_synonym_phrase_searches_its_group_and_the_longest_phrase_wins(engine: SearchEngine) -> None:
    ongkir = engine.plan("ongkir ")[0]
    assert {"ongkos", "biaya"} <= {t for t, b in ongkir.candidates.items() if b == SYNONYM}
    code, tracking, _ = engine.plan("kode tracking paket ")
    assert "resi" in code.candidates and "cek" not in code.candidates | tracking.candidates  # not [lacak, cek status]
    assert "resi" in tracking.also


def test_a_parallel_phrase_brings_the_words_it_has_in_place_of_the_phrases(engine: SearchEngine) -> None:
    """[..., tidak bergerak, tidak update, ...]: "tidak update" also searches "gerak"; "kirim" does not bring the
    "barang" of a longer phrase."""
    negation, update = engine.plan("tidak update ")
    assert negation.candidates.get("gerak") == SYNONYM and "gerak" in update.also
    [sending] = engine.plan("kirim ")
    assert "barang" not in sending.candidates


def test_results_are_grouped_by_page_each_page_once_best_first(engine: SearchEngine) -> None:
    groups = group(engine.search("voucher"), engine)
    pages = [entry[0].page for entry in groups]
    assert len(pages) == len(set(pages)) and len(pages) <= len(engine._pages)
    promo = next(entry for entry in groups if entry[0].page == "faq/promo-voucher/")
    assert len([result for result in promo if result.kind == "question"]) >= 3
    for entry in groups:
        assert all(result.page == entry[0].page for result in entry)
        matched = [result.score for result in entry if result.score > 0]
        assert matched == sorted(matched, reverse=True) and entry[0].score == max(matched)
        assert any(result.location == result.page for result in entry)       # the page heads its entry
    bests = [entry[0].score for entry in groups]
    assert bests == sorted(bests, reverse=True)


def test_a_page_shows_only_the_answers_that_beat_the_next_page(engine: SearchEngine) -> None:
    for query in ("voucher", "ongkir", "refund", "cara bayar cod", "garansi"):
        groups = group(engine.search(query), engine)
        rows = visible(groups)
        for number, (entry, shown) in enumerate(zip(groups, rows, strict=True)):
            assert 1 <= len(shown) <= MAX_SHOWN + 1 and shown[0] is entry[0]
            following = groups[number + 1][0].score if number + 1 < len(groups) else 0
            assert all(result.score >= following for result in shown[1:])
        # Read top to bottom, the answers shown are in score order.
        scores = [result.score for shown in rows for result in shown]
        assert scores == sorted(scores, reverse=True)
        assert answers_shown(groups)[0] == groups[0][0].target


@pytest.mark.parametrize(("query", "fitting"), [
    ("ongkir", True), ("cara bayar cod", True), ("voucher xylofon", True),   # half the words found
    ("jadwal kereta api", False), ("harga emas hari ini", False), ("xylofon", False),
])
def test_below_the_relevance_floor_no_answer_fits(engine: SearchEngine, query: str, fitting: bool) -> None:
    assert fits(engine.search(query)) is fitting


def test_did_you_mean_offers_the_sites_word_one_edit_further_than_search_goes(engine: SearchEngine) -> None:
    assert engine.search("vocer") == [] and engine.suggestion("vocer") == "voucher"   # two edits in five letters
    assert engine.suggestion("pngembalian dana") == "pengembalian dana"
    assert engine.suggestion("ongkir") is None                       # nothing to correct
    assert engine.suggestion("xylofon kuantum") is None              # nothing close
    assert engine.suggestion("rsi") is None                          # too short to guess


def test_the_popular_questions_are_the_home_pages_featured_ones(engine: SearchEngine) -> None:
    featured = [result.location for result in engine.featured]
    assert featured[:2] == ["faq/pesanan/#belum-dikirim", "faq/pembayaran/#bayar-cod"] and len(featured) == 8
    assert {result.kind for result in engine.featured} == {"question"}


def test_missing_words_are_reported_per_result(engine: SearchEngine) -> None:
    best = engine.search("voucher xylofon")[0]
    assert best.terms == {"voucher": True, "xylofon": False}


def test_the_command_line_shows_what_a_customer_gets(built_site: Path) -> None:
    result = CliRunner().invoke(main, ["search", "--site", str(built_site), "--limit", "2", "cara", "bayar", "cod"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("1. ") and "/faq/" in lines[0] and len([x for x in lines if x[:2] in "1.2."]) == 2
    as_json = CliRunner().invoke(main, ["search", "--site", str(built_site), "--json", "refund"])
    entries = json.loads(as_json.output)
    assert entries[0][0]["terms"] == {"refund": True}
    nothing = CliRunner().invoke(main, ["search", "--site", str(built_site), "xylofon"])
    assert nothing.exit_code == 1 and "finds nothing" in nothing.output


def test_the_command_line_without_a_built_site_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["search", "--site", str(tmp_path), "ongkir"])
    assert result.exit_code == 1 and "run 'mkdocs build'" in result.output


def _lunr_index(engine: SearchEngine) -> Index:
    """The built index expanded into a lunr.py index, as the engine once did before it scored on its own."""
    inverted: dict[str, dict] = {term: {"_index": n, **{name: {} for name in engine.fields}}
                                 for n, term in enumerate(engine.terms)}
    elements: dict[str, list] = {}
    for name in engine.fields:
        for number, term in enumerate(engine.terms):
            refs, weights = engine._posting(name, number)
            for ref, weight in zip(refs, weights, strict=True):
                inverted[term][name][str(ref)] = {}
                elements.setdefault(f"{name}/{ref}", []).extend((number, weight))
    vectors = {key: Vector(sorted_pairs(values)) for key, values in elements.items()}
    return Index(inverted, vectors, TokenSet.from_list(engine.terms), engine.fields, Pipeline())


def sorted_pairs(values: list) -> list:
    pairs = sorted(zip(values[::2], values[1::2], strict=True))
    return [element for pair in pairs for element in pair]


def test_scores_are_lunr_pys_for_every_query_of_the_set(engine: SearchEngine) -> None:
    """The engine scores without lunr; lunr.py's Index.query on the same weights and boosts gives the same scores."""
    index = _lunr_index(engine)
    queries = [case.query for case in load_cases(QUERIES)]
    compared = 0
    for text in queries:
        concepts = engine.plan(text)
        if not any(concept.candidates for concept in concepts):
            continue
        query = Query(index.fields)
        for concept in concepts:
            for term, boost in concept.candidates.items():
                query.term(term, boost=boost, use_pipeline=False)
        matches = index.query(query)
        expected = {int(match["ref"]): match["score"] for match in matches}
        scores, found = engine._scores(concepts)
        assert scores.keys() == expected.keys(), text
        assert all(found[int(match["ref"])] == set(match["match_data"].metadata) for match in matches), text
        assert all(abs(scores[ref] - expected[ref]) < 1e-9 for ref in expected), text
        compared += 1
    assert compared >= len(queries) - 2
