"""The query pipeline on the built sample site: what a customer gets for what they type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import main
from helpcenter.search.engine import PREFIX, SYNONYM, TYPO, SearchEngine, group


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
    assert concept.candidates == {"kirim": TYPO}
    [short] = engine.plan("krim ")          # four letters: too short to guess
    assert short.candidates == {}
    [known] = engine.plan("kucing ")        # a dictionary word the site lacks is not a typo
    assert known.candidates == {}


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


def test_every_question_is_a_result_of_its_own_under_its_page(engine: SearchEngine) -> None:
    groups = group(engine.search("voucher"), engine)
    questions = [entry for entry in groups if entry[0].kind == "question"]
    assert len(questions) >= 3
    for question, head in (entry[:2] for entry in questions):
        assert head.location == question.page and head.score == 0


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
