"""Build the search index at build time with lunr.py and write it as files the browser fetches as a query needs them.

The browser never analyses page text: every word is already a stemmed term here. lunr's own JSON is about five
times the size of the text it indexes (term positions, a serialised token set, its weights as decimals); this
index keeps only what ranking needs and what a result shows, and the browser fetches a part of it before the first
result (as Pagefind does): the main file, the postings of the query's terms, the rows of the pages it shows.

The index, as build_index returns it and SearchEngine reads it (`read_files` joins the files again):

    {"format": "helpcenter-search", "version": 4,
     "fields": [["title", 4], ["text", 1]],       field names and boosts
     "bm25": [1.2, 0.75],                          lunr's k1 and b
     "terms": "aba abad ...",                      every term, sorted; a term's number is its position
     "idf": [1234567, ...],                        per term, lunr's inverse document frequency times 10^6
     "frequency": "BCA...",                        per term, how many documents have it (corrections rank by it)
     "forms": ["", "pengiriman dikirim", ...],     per term, the words of the text that stem to it
     "lengths": {"title": "CDB...", "text": "..."},   per field, each document's length in terms
     "kinds": "pqqs...",                           per document: p page, q question, s section
     "boosts": [0.6, 1.0, ...],                    per document, its boost
     "pages": "AAAB...",                           per document, its page's number (pages in order of first
                                                   document); a page's document is the one at the page's location
     "synonyms": [["ongkir", "ongkos kirim"], ...],   the groups of content/synonyms.yml, analysed
     "featured": [12, 40, ...],                    the home page's popular questions, by document number
     "postings": {"title": ["BCAB", ...], "text": [...]},
                                                   per field and term, the documents that have it: pairs of
                                                   document number gap and how often the term occurs there
     "docs": [[location, title, preview, [tags], parent], ...]}
                                                   what a result shows; tags only when there are tags or a
                                                   parent; parent (a sub-heading's question or section, by
                                                   number, on the same page) only for a sub-heading

Its files under search/, each named by a hash of its content (`write_files`, `split_index`). An index of at most
WHOLE_CHARS characters of postings and rows (a small shop's) is one file, the main file with "postings" and "docs"
in it: fetched whole it weighs less than an article page, and a query then waits for no further file. A larger
one is split:

    index.<hash>.json      the main file: all but "postings" and "docs", with
                           "shards": [[first term number, "postings.<hash>.json"], ...] and
                           "chunks": ["docs.<hash>.json", ...] (per page)
    postings.<hash>.json   a shard: {"title": [...], "text": [...]}, the postings of consecutive terms from its
                           first, about SHARD_CHARS characters (a longer term alone)
    docs.<hash>.json       a page's rows of "docs", its documents in order
    analysis.<hash>.json   stop words, chat forms and the roots the site's words need (`analysis_data`), with
                           "dictionary": [[first root, "roots.<hash>.json"], ...]
    roots.<hash>.json      a range of the whole dictionary, which only a word the site never writes needs

The main file is what every query needs: the vocabulary for stemming against the site's words, typo correction
and completion, and what scoring and grouping need per term and document. A query then fetches the shards of its
terms (a few small files: a word and its completions and corrections sort near each other), and the rows of the
pages whose results it shows.

Postings and lengths are lists of numbers written as short strings (`helpcenter.search.numbers`): the browser
parses them as fast as it copies them and decodes a term's postings only when a query asks for the term. The
lengths could be summed from the postings; they are stored so that loading decodes none of them.

The build counts terms per field and document as lunr.py's Builder does and computes the inverse document
frequencies with lunr's formula. Whoever loads the file computes lunr's BM25 weights from them, with lunr's
formula and rounding:
`helpcenter.search.engine` (Python) and `theme/assets/javascripts/search/engine.js` (browser) expand it into the
same lunr index. Counts compress far better than the weights they give (a fifth of the size).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from helpcenter.content.site import Site
from helpcenter.content.synonyms import Synonyms
from helpcenter.language import colloquial
from helpcenter.language.analysis import STOP_WORDS, roots, site_terms, term_of, tokens
from helpcenter.language.stemmer import Stemmer
from helpcenter.search import numbers
from helpcenter.search.documents import SearchDocument

FORMAT = "helpcenter-search"
VERSION = 4
FIELDS = (("title", 4), ("text", 1))
K1, B = 1.2, 0.75  # lunr's BM25 defaults, set explicitly: loaders compute the weights with them
KINDS = {"page": "p", "question": "q", "section": "s"}
# Characters of postings per shard: a query's terms are a few of several thousand, each fetched with its shard.
SHARD_CHARS = 8_000
# Characters of roots per file of the whole dictionary, which only words the site never writes need.
DICTIONARY_CHARS = 8_000
# Characters of postings and rows up to which the index is one file: about 20 kB gzip, less than an article page
# (the sample shop's 24 pages have 53,000), so that a small shop's search loads in one request, as material's does.
WHOLE_CHARS = 64_000


def build_index(documents: list[SearchDocument], synonyms: Synonyms, featured: Iterable[str] = ()) -> dict:
    """The compact index of `documents`, as a JSON-ready dict; `featured` are the locations of the popular questions
    offered when a search finds nothing that fits."""
    # Per field and document, how often each term occurs: what lunr.py's Builder counts, counted directly (the
    # Builder makes a token object per word, a second of a 1,000-article build), with term_of's cache answering
    # for words seen before. tests/test_search_index.py holds the result to lunr.py's Builder.
    frequencies: dict[str, list[Counter[str]]] = {name: [] for name, _ in FIELDS}
    having: Counter[str] = Counter()  # per term, the fields of documents that have it: what lunr's idf counts
    words: set[str] = set()
    for document in documents:
        for name, text in (("title", " ".join((document.title, *document.tags))), ("text", document.text)):
            found = tokens(text)
            words.update(found)
            counts = Counter(map(term_of, found))
            counts.pop(None, None)  # stop words
            frequencies[name].append(counts)
            having.update(counts.keys())
    # "ongkirnya" is "ongkir" on a site that also writes "ongkir": the query side's stemmer knows the index's terms.
    renamed = site_terms(having)
    if renamed:
        for counts in (counts for field in frequencies.values() for counts in field):
            for term in renamed.keys() & counts.keys():
                counts[renamed[term]] += counts.pop(term)
        having = Counter(term for field in frequencies.values() for counts in field for term in counts)
    terms = sorted(having)
    # The words each term stands for, so that the browser can tell a known word from a typo.
    forms: dict[str, set[str]] = defaultdict(set)
    for word in words:
        term = term_of(word)
        term = renamed.get(term, term)
        if term is not None and term != word:
            forms[term].add(word)
    number_of = {term: number for number, term in enumerate(terms)}
    number_of_document = {document.location: number for number, document in enumerate(documents)}
    postings, lengths = {}, {}
    for name, _ in FIELDS:
        # Documents in order, so each term's list is sorted by document: stored as gaps.
        entries: list[list[int]] = [[] for _ in terms]
        previous = [0] * len(terms)
        for ref, counts in enumerate(frequencies[name]):
            for term, count in counts.items():
                number = number_of[term]
                entries[number] += (ref - previous[number], count)
                previous[number] = ref
        postings[name] = [numbers.encode(posting) for posting in entries]
        lengths[name] = numbers.encode([sum(counts.values()) for counts in frequencies[name]])
    # Per term, how many documents have it in any field: corrections and completions rank by it, before any
    # posting has arrived.
    having_documents = Counter(term for ref in range(len(documents))
                               for term in set().union(*(field[ref].keys() for field in frequencies.values())))
    pages = list(dict.fromkeys(document.location.partition("#")[0] for document in documents))
    page_of = {page: number for number, page in enumerate(pages)}
    return {
        "format": FORMAT,
        "version": VERSION,
        "fields": [list(field) for field in FIELDS],
        "bm25": [K1, B],
        "terms": " ".join(terms),
        "idf": [round(_idf(having[term], len(documents)) * 1e6) for term in terms],
        "frequency": numbers.encode([having_documents[term] for term in terms]),
        "forms": [" ".join(sorted(forms.get(term, ()))) for term in terms],
        "lengths": lengths,
        "kinds": "".join(KINDS[document.kind] for document in documents),
        "boosts": [document.boost for document in documents],
        "pages": numbers.encode([page_of[document.location.partition("#")[0]] for document in documents]),
        "synonyms": [[" ".join(phrase) for phrase in group] for group in synonyms.groups()],
        "featured": [number_of_document[location] for location in featured if location in number_of_document],
        "postings": postings,
        "docs": _document_rows(documents),
    }


def _idf(fields_with_term: int, document_count: int) -> float:
    """lunr's idf (lunr/idf.py, as lunr.js): it counts a document once per field that has the term."""
    x = (document_count - fields_with_term + 0.5) / (fields_with_term + 0.5)
    return math.log(1 + abs(x))


def _document_rows(documents: list[SearchDocument]) -> list[list]:
    number_of = {document.location: number for number, document in enumerate(documents)}
    rows = []
    for document in documents:
        row: list = [document.location, document.title, document.preview]
        if document.tags or document.parent:
            row.append(list(document.tags))
        if document.parent:
            row.append(number_of[document.parent])
        rows.append(row)
    return rows


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def split_index(data: dict) -> tuple[dict, list[dict], list[list[list]]]:
    """The index as the browser fetches it: the main file (all but the postings and the rows), the postings in
    shards of consecutive terms of about SHARD_CHARS characters each (a term longer than that alone), and the rows
    of each page's documents. write_files adds the shards' and the pages' file names to the main file."""
    names = [name for name, _ in data["fields"]]
    starts, size = [0], 0
    for number in range(len(data["idf"])):
        weight = sum(len(data["postings"][name][number]) + 3 for name in names)
        if size and size + weight > SHARD_CHARS:
            starts.append(number)
            size = 0
        size += weight
    ends = [*starts[1:], len(data["idf"])]
    shards = [{name: data["postings"][name][start:end] for name in names}
              for start, end in zip(starts, ends, strict=True) if start < end]
    pages = numbers.decode(data["pages"])
    chunks: list[list[list]] = [[] for _ in range(max(pages, default=-1) + 1)]
    for ref, row in enumerate(data["docs"]):
        chunks[pages[ref]].append(row)
    main = {key: value for key, value in data.items() if key not in ("postings", "docs")}
    main["shards"] = starts[: len(shards)]
    return main, shards, chunks


def join_index(main: dict, shards: list[dict], chunks: list[list[list]]) -> dict:
    """The index whole again, from its files: what split_index split."""
    names = [name for name, _ in main["fields"]]
    rows = [iter(chunk) for chunk in chunks]
    data = {key: value for key, value in main.items() if key not in ("shards", "chunks")}
    data["postings"] = {name: [posting for shard in shards for posting in shard[name]] for name in names}
    data["docs"] = [next(rows[page]) for page in numbers.decode(main["pages"])]
    return data


def write_files(site_dir: Path, data: dict, analysis: dict, whole_below: int = WHOLE_CHARS) -> dict[str, Any]:
    """Write the index's files (whole, or split_index's when its postings and rows pass `whole_below` characters)
    and the analysis data under search/, each named by its content's hash so hosts may cache them forever; the main
    file names the shards and pages, the analysis data the whole dictionary's files.

    Returns the names of the main file and the analysis data, for the small search_index.json that
    mkdocs-material's page script fetches on every page, and "eager" for a whole index: the worker fetches it as
    the page loads, as material's does, rather than when the customer moves to the search box.
    """
    folder = site_dir / "search"
    folder.mkdir(parents=True, exist_ok=True)

    def write(kind: str, payload: bytes) -> str:
        name = f"{kind}.{hashlib.sha256(payload).hexdigest()[:12]}.json"
        (folder / name).write_bytes(payload)
        return name

    whole = len(encode(data["postings"])) + len(encode(data["docs"])) <= whole_below
    if whole:
        main = data
    else:
        main, shards, chunks = split_index(data)
        main["shards"] = [[start, write("postings", encode(shard))]
                          for start, shard in zip(main["shards"], shards, strict=True)]
        main["chunks"] = [write("docs", encode(chunk)) for chunk in chunks]
    if "dictionary" in analysis:
        ranges = [[first, write("roots", encode(text))] for first, text in analysis["dictionary"]]
        analysis = {**analysis, "dictionary": ranges}
    names: dict[str, Any] = {"index": write("index", encode(main)), "analysis": write("analysis", encode(analysis))}
    if whole:
        names["eager"] = True
    (folder / "search_index.json").write_bytes(encode(material_stub(names)))
    return names


def read_files(site_dir: Path) -> dict:
    """The index of a built site, whole (join_index), from the files write_files wrote; an index in one file, or
    of another format or version (for the engine to refuse), as it is."""
    folder = site_dir / "search"

    def read(name: str) -> Any:
        return json.loads((folder / name).read_text(encoding="utf-8"))

    main = read(read("search_index.json")["config"]["helpcenter"]["index"])
    if main.get("format") != FORMAT or main.get("version") != VERSION or "postings" in main:
        return main
    return join_index(main, [read(name) for _, name in main["shards"]], [read(name) for name in main["chunks"]])


def analysis_data(data: dict) -> dict:
    """What the browser needs to analyse a query as the build does: stop words, chat forms, the roots the site's
    own words need (`site_roots`) and the whole dictionary, which write_files puts in a file per range of roots
    (`dictionary_ranges`) that the browser fetches only for a word the site never writes."""
    return {
        "stopWords": " ".join(sorted(STOP_WORDS)),
        "colloquial": colloquial.lexicon(),
        "roots": front_coded(site_roots(data)),
        "dictionary": dictionary_ranges(roots()),
    }


def site_roots(data: dict) -> dict[str, str]:
    """The roots, with their affix families, that the stemmer looks up and finds while stemming the words of the
    index `data` (its terms, the words that reach them, the synonyms' words, and their written forms), as the
    build stems them and as the query side does (with the index's terms as the site's own words). The stemmer
    asks the same questions of these roots and gets the same answers as of the whole dictionary, so it gives
    those words the same stems: the rest can stay on the server."""
    terms = data["terms"].split(" ") if data["terms"] else []
    words = {*terms, *(word for forms in data["forms"] for word in forms.split()),
             *(word for group in data["synonyms"] for phrase in group for word in phrase.split(" "))}
    words |= {colloquial.written(word) for word in words}
    found = _Recorder(roots())
    for stemmer in (Stemmer(found), Stemmer(found, frozenset(terms))):
        for word in sorted(words):
            # The query side also asks whether a word's stem is a root (a word nothing knows is a typo).
            found.get(stemmer.stem(word))
    return found.found


class _Recorder(Mapping[str, str]):
    """The dictionary, noting each root a lookup finds."""

    def __init__(self, dictionary: dict[str, str]) -> None:
        self.dictionary = dictionary
        self.found: dict[str, str] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or word not in self.dictionary:
            return False
        self.found[word] = self.dictionary[word]
        return True

    def __getitem__(self, word: str) -> str:
        if word not in self:
            raise KeyError(word)
        return self.dictionary[word]

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if word not in self:
            return default
        return self.dictionary[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self.dictionary)

    def __len__(self) -> int:
        return len(self.dictionary)


def front_coded(dictionary: dict[str, str]) -> dict[str, str]:
    """Sorted roots by first letter; in each letter's text every line says how many letters it shares with the
    line before (a character from "0"), then the rest and its prefix families: "abad", "abadi/DMO" -> "0abad",
    "4i/DMO". A quarter smaller gzipped, and the browser reads only the letters a query needs."""
    buckets: dict[str, list[str]] = {}
    for root in sorted(dictionary):
        buckets.setdefault(root[0], []).append(root)
    return {letter: _front_code(found, dictionary) for letter, found in buckets.items()}


def dictionary_ranges(dictionary: dict[str, str]) -> list[list[str]]:
    """The dictionary in ranges of consecutive roots of about DICTIONARY_CHARS characters, each [its first root,
    its roots front-coded as front_coded codes a letter]: a word the site never writes needs the few ranges its
    stemming looks in, not whole letters."""
    ranges: list[list[str]] = [[]]
    size = 0
    for root in sorted(dictionary):
        if size > DICTIONARY_CHARS:
            ranges.append([])
            size = 0
        ranges[-1].append(root)
        size += len(root) + len(dictionary[root]) + 2
    return [[found[0], _front_code(found, dictionary)] for found in ranges if found]


def _front_code(found: list[str], dictionary: dict[str, str]) -> str:
    lines = []
    previous = ""
    for root in found:
        shared, most = 0, min(len(root), len(previous), 40)
        while shared < most and root[shared] == previous[shared]:
            shared += 1
        families = dictionary[root]
        lines.append(chr(48 + shared) + root[shared:] + (f"/{families}" if families else ""))
        previous = root
    return "\n".join(lines)


def material_stub(names: dict[str, Any]) -> dict:
    """search/search_index.json: mkdocs-material's page script fetches it on every page and hands it to the search
    worker. It carries no documents, only material's settings and where the worker finds the real index."""
    return {
        "config": {"lang": ["id"], "separator": r"[\s\-]+", "pipeline": [],
                   "fields": {name: {"boost": boost} for name, boost in FIELDS}, "helpcenter": names},
        "docs": [],
    }


def featured_locations(site: Site) -> list[str]:
    """The popular questions the pages feature (the home page's `featured`), as search locations, in order."""
    locations = []
    for page in site.pages:
        for link in getattr(page.meta, "featured", []):
            found = site.question(link)
            if found is not None:
                locations.append(f"{found[0].path}#{found[1].anchor}")
    return list(dict.fromkeys(locations))
