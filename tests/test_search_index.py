"""The build-time index: lunr.py's weights in a compact file that expands into the same lunr index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lunr.builder import Builder

from helpcenter.content.synonyms import Synonyms
from helpcenter.language.analysis import roots, terms
from helpcenter.language.colloquial import written
from helpcenter.language.stemmer import Stemmer
from helpcenter.search import index
from helpcenter.search.documents import SearchDocument
from helpcenter.search.engine import SearchEngine, SearchIndexError
from helpcenter.search.index import (
    FIELDS,
    analysis_data,
    build_index,
    join_index,
    material_stub,
    read_files,
    site_roots,
    split_index,
    write_files,
)
from helpcenter.search.numbers import decode

DOCUMENTS = [
    SearchDocument("faq/pengiriman/", "Pengiriman", "Semua tentang pengiriman paket.", "Semua tentang pengiriman.",
                   boost=0.6),
    SearchDocument("faq/pengiriman/#jadwal-kirim", "Kapan pesanan saya dikirim?",
                   "Pesanan yang dibayar sebelum jam 15.00 dikirim hari itu juga.", "Pesanan yang dibayar …",
                   kind="question"),
    SearchDocument("kebijakan/retur/#syarat", "Syarat pengembalian", "Barang dikembalikan dalam 7 hari.",
                   "Barang dikembalikan …", kind="section", tags=("retur",), boost=0.8),
    SearchDocument("faq/pengiriman/#kurir", "Kurir", "Paket diantar kurir JNE.", "Paket diantar …",
                   kind="section", boost=0.8, parent="faq/pengiriman/#jadwal-kirim"),
]
SYNONYMS = Synonyms.from_groups([[("ongkir",), ("ongkos", "kirim")]])


@pytest.fixture(scope="module")
def data() -> dict:
    return build_index(DOCUMENTS, SYNONYMS)


def test_the_file_keeps_what_results_show_and_no_body_text(data: dict) -> None:
    assert data["docs"] == [
        ["faq/pengiriman/", "Pengiriman", "Semua tentang pengiriman."],
        ["faq/pengiriman/#jadwal-kirim", "Kapan pesanan saya dikirim?", "Pesanan yang dibayar …"],
        ["kebijakan/retur/#syarat", "Syarat pengembalian", "Barang dikembalikan …", ["retur"]],
        ["faq/pengiriman/#kurir", "Kurir", "Paket diantar …", [], 1],
    ]
    assert (data["kinds"], data["boosts"], decode(data["pages"])) == ("pqss", [0.6, 1.0, 0.8, 0.8], [0, 0, 1, 0])
    assert "15.00 dikirim hari itu" not in json.dumps(data)
    assert data["synonyms"] == [["ongkir", "ongkos kirim"]]


def test_terms_are_sorted_stems_with_the_words_that_reach_them(data: dict) -> None:
    vocabulary = data["terms"].split(" ")
    assert vocabulary == sorted(vocabulary)
    assert {"kirim", "kembali", "bayar", "pesan"} <= set(vocabulary)
    forms = dict(zip(vocabulary, data["forms"], strict=True))
    assert set(forms["kirim"].split()) == {"pengiriman", "dikirim"}
    assert forms["kembali"] == "dikembalikan pengembalian"


def test_the_weights_are_lunr_pys_bm25_weights(data: dict) -> None:
    """The file keeps counts; whoever loads it computes lunr's weights (idf kept to six decimals)."""
    builder = Builder()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for number, document in enumerate(DOCUMENTS):
        builder.add({"ref": str(number), "title": terms(" ".join((document.title, *document.tags))),
                     "text": terms(document.text)}, {"boost": document.boost})
    lunr_index = builder.build()
    by_lunr_number = {posting["_index"]: term for term, posting in lunr_index.inverted_index.items()}
    engine = SearchEngine(data)
    for key, vector in lunr_index.field_vectors.items():
        expected = {by_lunr_number[i]: w for i, w in zip(vector.elements[::2], vector.elements[1::2], strict=True)}
        name, ref = key.split("/")
        loaded = {}
        for number, term in enumerate(engine.terms):
            refs, weights = engine._posting(name, number)
            if int(ref) in refs:
                loaded[term] = weights[refs.index(int(ref))]
        assert loaded.keys() == expected.keys()
        assert all(abs(loaded[term] - expected[term]) <= 0.0011 for term in expected), (loaded, expected)


def test_counts_not_weights_are_stored_per_term(data: dict) -> None:
    assert data["bm25"] == [1.2, 0.75]
    vocabulary = data["terms"].split(" ")
    assert len(data["idf"]) == len(vocabulary)
    text = dict(zip(vocabulary, (decode(encoded) for encoded in data["postings"]["text"]), strict=True))
    # "kirim": document 0 once ("pengiriman"), then document 1 (a gap of 1) once ("dikirim").
    assert text["kirim"] == [0, 1, 1, 1]
    assert text["kembali"] == [2, 1]
    assert decode(data["lengths"]["title"]) == [1, 2, 3, 1]
    # Per term, the documents that have it in any field: "kirim" in documents 0 and 1 (title and text).
    frequency = dict(zip(vocabulary, decode(data["frequency"]), strict=True))
    assert (frequency["kirim"], frequency["kembali"], frequency["kurir"]) == (2, 1, 1)


def test_a_question_outranks_the_faq_page_on_the_same_words(data: dict) -> None:
    engine = SearchEngine(data)
    assert [r.location for r in engine.search("pengiriman")][:2] == ["faq/pengiriman/#jadwal-kirim",
                                                                     "faq/pengiriman/"]


def test_files_are_named_by_their_content_and_the_stub_names_them(tmp_path: Path, data: dict) -> None:
    names = write_files(tmp_path, data, analysis_data(data), whole_below=0)
    again = write_files(tmp_path / "again", data, analysis_data(data), whole_below=0)
    assert names == again and names["index"].startswith("index.") and names["analysis"].startswith("analysis.")
    assert "eager" not in names
    stub = json.loads((tmp_path / "search" / "search_index.json").read_text())
    assert stub == json.loads(json.dumps(material_stub(names)))
    assert stub["docs"] == [] and stub["config"]["helpcenter"] == names
    main = json.loads((tmp_path / "search" / names["index"]).read_text())
    assert "postings" not in main and "docs" not in main and len(main["chunks"]) == 2
    analysis = json.loads((tmp_path / "search" / names["analysis"]).read_text())
    named = {name for _, name in [*main["shards"], *analysis["dictionary"]]} | set(main["chunks"])
    assert {path.name for path in (tmp_path / "search").iterdir()} == named | {*names.values(), "search_index.json"}
    assert read_files(tmp_path) == json.loads(json.dumps(data))
    assert SearchEngine.from_site(tmp_path).docs == data["docs"]


def test_a_small_index_is_one_file_that_the_worker_fetches_at_once(tmp_path: Path, data: dict) -> None:
    names = write_files(tmp_path, data, analysis_data(data))
    assert names["eager"] is True
    stub = json.loads((tmp_path / "search" / "search_index.json").read_text())
    assert stub["config"]["helpcenter"] == names
    main = json.loads((tmp_path / "search" / names["index"]).read_text())
    assert main == json.loads(json.dumps(data))
    assert not [path.name for path in (tmp_path / "search").iterdir() if path.name.startswith(("postings.", "docs."))]
    assert read_files(tmp_path) == main
    assert SearchEngine.from_site(tmp_path).docs == data["docs"]


def test_postings_are_split_into_shards_of_consecutive_terms(monkeypatch: pytest.MonkeyPatch, data: dict) -> None:
    monkeypatch.setattr(index, "SHARD_CHARS", 12)
    main, shards, chunks = split_index(data)
    assert len(shards) > 3 and main["shards"][0] == 0 and main["shards"] == sorted(main["shards"])
    assert sum(len(shard["text"]) for shard in shards) == len(data["idf"])
    assert all(len(shard["title"]) == len(shard["text"]) for shard in shards)
    # A page's file has its documents' rows in order: "faq/pengiriman/" has documents 0, 1 and 3.
    assert [[row[0] for row in chunk] for chunk in chunks] == [
        ["faq/pengiriman/", "faq/pengiriman/#jadwal-kirim", "faq/pengiriman/#kurir"], ["kebijakan/retur/#syarat"]]
    assert join_index(main, shards, chunks) == data


def _decoded(text: str) -> dict[str, str]:
    decoded = {}
    previous = ""
    for line in text.split("\n"):
        rest, _, families = line[1:].partition("/")
        previous = previous[: ord(line[0]) - 48] + rest
        decoded[previous] = families
    return decoded


def test_the_analysis_data_is_the_builds_own(data: dict) -> None:
    analysis = analysis_data(data)
    assert "tidak" not in analysis["stopWords"].split() and "yang" in analysis["stopWords"].split()
    assert analysis["colloquial"]["udh"] == "sudah"
    # The roots the site's words need, by first letter; the whole dictionary in ranges of consecutive roots.
    site = {}
    for letter, text in analysis["roots"].items():
        assert all(root.startswith(letter) for root in _decoded(text))
        site |= _decoded(text)
    assert site == site_roots(data)
    whole = {}
    firsts = [first for first, _ in analysis["dictionary"]]
    for number, (first, text) in enumerate(analysis["dictionary"]):
        part = _decoded(text)
        assert min(part) == first and (number + 1 == len(firsts) or max(part) < firsts[number + 1])
        whole |= part
    assert whole == roots() and len(firsts) > 20


def test_the_sites_roots_stem_its_words_as_the_whole_dictionary(built_site: Path) -> None:
    """The browser first gets only the roots the site's words reach, with their families: a small part of the
    dictionary that gives each word of the site, and its written form, the stem the whole dictionary gives it."""
    engine = SearchEngine.from_site(built_site)
    main = json.loads((built_site / "search" / _names(built_site)["index"]).read_text())
    found = site_roots(main)
    assert found.items() <= roots().items() and {"kirim", "kembali", "bayar"} <= found.keys()
    assert len(found) < len(roots()) / 5
    words = set(engine.vocabulary) | {written(word) for word in engine.vocabulary}
    terms = frozenset(engine.terms)
    for whole, site in ((Stemmer(roots()), Stemmer(found)), (Stemmer(roots(), terms), Stemmer(found, terms))):
        assert [site.stem(word) for word in sorted(words)] == [whole.stem(word) for word in sorted(words)]
    # What the browser fetches before its first result: the analysis file, a fraction of the whole dictionary's.
    analysis = (built_site / "search" / _names(built_site)["analysis"]).stat().st_size
    whole = sum(path.stat().st_size for path in (built_site / "search").glob("roots.*.json"))
    assert analysis < whole / 4


def _names(site: Path) -> dict[str, str]:
    return json.loads((site / "search" / "search_index.json").read_text())["config"]["helpcenter"]


def test_a_site_without_an_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no help center search index"):
        SearchEngine.from_site(tmp_path)
    with pytest.raises(SearchIndexError, match="not a helpcenter-search index"):
        SearchEngine({"format": "lunr", "version": 2})


def test_a_sub_heading_is_a_result_that_answers_for_its_question(data: dict) -> None:
    best = SearchEngine(data).search("kurir jne")[0]
    assert (best.location, best.kind, best.parent, best.target) == (
        "faq/pengiriman/#kurir", "section", "faq/pengiriman/#jadwal-kirim", "faq/pengiriman/#jadwal-kirim")
