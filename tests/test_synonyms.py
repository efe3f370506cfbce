from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.content.problems import ContentError
from helpcenter.content.synonyms import Synonyms, load_synonyms
from helpcenter.language.analysis import terms
from tests.conftest import CONTENT


@pytest.fixture(scope="module")
def synonyms():
    return load_synonyms(CONTENT / "synonyms.yml")


@pytest.mark.parametrize(("query", "expected"), [
    ("ongkir ke bandung", ("ongkos", "kirim")),
    ("berapa ongkos kirimnya", ("ongkir",)),
    ("refund belum masuk", ("kembali", "dana")),
    ("bisa cod?", ("bayar", "tempat")),
    ("return barang", ("kembali", "barang")),
    ("warranty laptop", ("garansi",)),
    ("cancel order", ("batal",)),
])
def test_a_query_phrase_brings_its_group(synonyms, query: str, expected: tuple[str, ...]) -> None:
    found = synonyms.occurrences(terms(query))
    assert any(expected in synonyms.alternatives[phrase] for _, phrase in found)


def test_a_query_without_synonyms_brings_nothing(synonyms) -> None:
    assert synonyms.occurrences(terms("baterai laptop awet")) == []


def test_the_longest_phrase_wins_then_the_leftmost() -> None:
    groups = [[("kode", "tracking"), ("resi",)], [("tracking",), ("lacak",)], [("kode",), ("sandi",)]]
    synonyms = Synonyms.from_groups(groups)
    assert synonyms.occurrences(["mana", "kode", "tracking", "kode"]) == [(1, ("kode", "tracking")), (3, ("kode",))]


def test_the_groups_keep_their_written_words(tmp_path: Path) -> None:
    (tmp_path / "synonyms.yml").write_text("- [Ongkir, ongkos kirim]\n- [COD, bayar di tempat]\n")
    loaded = load_synonyms(tmp_path / "synonyms.yml")
    assert loaded.written == (("Ongkir", "ongkos kirim"), ("COD", "bayar di tempat"))


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- [ongkir, ongkos kirim]\n- [ongkir, biaya kirim]\n", 2, "'ongkir' is already in the group on line 1"),
    ("- [ongkir]\n", 1, "a group needs at least two different words or phrases"),
    ("- [ongkir, yang]\n", 1, "'yang' has no searchable word (only stop words)"),
    ("- ongkir\n", 1, "a group is a list of words or phrases"),
    ("ongkir: ongkos kirim\n", 1, "write one group per line, as a list"),
    ("- [ongkir, 'ongkos\n", 1, "not valid YAML"),
])
def test_broken_synonyms_name_the_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "synonyms.yml"
    path.write_text(text)
    with pytest.raises(ContentError) as raised:
        load_synonyms(path, "content/synonyms.yml")
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("content/synonyms.yml", line)
    assert message in problem.message


def test_yaml_aliases_in_synonyms_are_refused_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yml"
    path.write_text("- [ongkir, ongkos kirim]\n- &g [cod, bayar di tempat]\n- [*g, *g, *g]\n")
    with pytest.raises(ContentError) as raised:
        load_synonyms(path, "content/synonyms.yml")
    assert [str(p) for p in raised.value.problems] == [
        "content/synonyms.yml:2: YAML anchors and aliases ('&g') are not allowed: write the value out in full"]
