"""Build the search index at build time with lunr.py and write it in a compact form the browser expands cheaply.

The browser never analyses page text: every word is already a stemmed term here. lunr's own JSON is about five
times the size of the text it indexes (term positions, a serialised token set, repeated keys); this file keeps
only what ranking needs and what a result shows:

    {"format": "helpcenter-search", "version": 1,
     "fields": [["title", 4], ["text", 1]],       field names and the boosts baked into the weights
     "docs": [[location, title, preview, kind, [tags]], ...],     kind: p page, q question, s section
     "terms": "aba abad ...",                      every term, sorted; a term's number is its position
     "forms": ["", "pengiriman dikirim", ...],     per term, the words of the text that stem to it
     "vectors": {"title": [[gap, weight, ...], ...], "text": [...]},
                                                   per field and document: term number gaps and lunr's BM25
                                                   weights times 1000 (lunr rounds them to three decimals)
     "synonyms": [["ongkir", "ongkos kirim"], ...]}   the groups of content/synonyms.yml, analysed

`helpcenter.search.engine` (Python) and `theme/assets/javascripts/search/engine.js` (browser) expand it into the
same lunr index.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from lunr.builder import Builder

from helpcenter.search import colloquial
from helpcenter.search.analysis import STOP_WORDS, analysed, roots
from helpcenter.search.documents import SearchDocument
from helpcenter.search.synonyms import Synonyms

FORMAT = "helpcenter-search"
VERSION = 1
FIELDS = (("title", 4), ("text", 1))
KINDS = {"page": "p", "question": "q", "section": "s"}


def build_index(documents: list[SearchDocument], synonyms: Synonyms) -> dict:
    """The compact index of `documents`, as a JSON-ready dict."""
    forms: dict[str, set[str]] = defaultdict(set)

    def analysed_terms(text: str) -> list[str]:
        found = analysed(text)
        for token, term in found:
            if term != token:
                forms[term].add(token)
        return [term for _, term in found]

    builder = Builder()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for number, document in enumerate(documents):
        builder.add({
            "ref": str(number),
            "title": analysed_terms(" ".join((document.title, *document.tags))),
            "text": analysed_terms(document.text),
        }, {"boost": document.boost})
    index = builder.build()

    terms = sorted(index.inverted_index)
    # lunr numbers terms in the order it meets them; this file numbers them alphabetically.
    renumber = {posting["_index"]: number for number, posting in
                enumerate(index.inverted_index[term] for term in terms)}
    vectors: dict[str, list[list[int]]] = {}
    for name, _ in FIELDS:
        vectors[name] = []
        for ref in range(len(documents)):
            elements = index.field_vectors[f"{name}/{ref}"].elements
            vectors[name].append(_gaps(sorted(zip((renumber[i] for i in elements[::2]), elements[1::2],
                                                  strict=True))))
    return {
        "format": FORMAT,
        "version": VERSION,
        "fields": [list(field) for field in FIELDS],
        "docs": [_document_row(document) for document in documents],
        "terms": " ".join(terms),
        "forms": [" ".join(sorted(forms.get(term, ()))) for term in terms],
        "vectors": vectors,
        "synonyms": [[" ".join(phrase) for phrase in group] for group in synonyms.groups()],
    }


def _gaps(elements: Iterable[tuple[int, float]]) -> list[int]:
    flat: list[int] = []
    previous = 0
    for number, weight in elements:
        flat += [number - previous, round(weight * 1000)]
        previous = number
    return flat


def _document_row(document: SearchDocument) -> list:
    row: list = [document.location, document.title, document.preview, KINDS[document.kind]]
    if document.tags:
        row.append(list(document.tags))
    return row


def encode(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_files(site_dir: Path, data: dict, analysis: dict) -> dict[str, str]:
    """Write the index and the analysis data under search/, named by content hash so hosts may cache them forever.

    Returns the names, for the small search_index.json that mkdocs-material's page script fetches on every page.
    """
    folder = site_dir / "search"
    folder.mkdir(parents=True, exist_ok=True)
    names = {}
    for key, payload in (("index", encode(data)), ("analysis", encode(analysis))):
        name = f"{key}.{hashlib.sha256(payload).hexdigest()[:12]}.json"
        (folder / name).write_bytes(payload)
        names[key] = name
    (folder / "search_index.json").write_bytes(encode(material_stub(names)))
    return names


def analysis_data() -> dict:
    """What the browser needs to analyse a query as the build does: stop words, chat forms, the root dictionary."""
    return {
        "stopWords": " ".join(sorted(STOP_WORDS)),
        "colloquial": colloquial.lexicon(),
        "roots": "\n".join(f"{root}/{families}" if families else root for root, families in roots().items()),
    }


def material_stub(names: dict[str, str]) -> dict:
    """search/search_index.json: mkdocs-material's page script fetches it on every page and hands it to the search
    worker. It carries no documents, only material's settings and where the worker finds the real index."""
    return {
        "config": {"lang": ["id"], "separator": r"[\s\-]+", "pipeline": [],
                   "fields": {name: {"boost": boost} for name, boost in FIELDS}, "helpcenter": names},
        "docs": [],
    }
