"""Searches that found nothing, asked again of today's search: advice about a gap that has since been filled is
stale, so each group says what the built site's search finds for it now.

The search is the one the browser runs (`helpcenter.search.engine`, which `engine.js` mirrors), on the built
site's index. A group counts as answered when the first result has most of its words (more than half): "cicilan
0 persen" finding "Bisa cicilan 0% pakai kartu kredit?" is answered; "beli grosir" finding only pages about
buying would not be.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from helpcenter.language.analysis import terms
from helpcenter.manifest import Manifest, PageRecord
from helpcenter.search.engine import Result, SearchEngine, SearchIndexError


def site_search(site_dir: Path | None) -> SearchEngine | None:
    """Today's search of the built site in `site_dir`, or None when there is no built site to ask."""
    if site_dir is None:
        return None
    try:
        stub = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
        return _engine(site_dir.resolve(), stub["config"]["helpcenter"]["index"])
    except (OSError, ValueError, KeyError, TypeError, SearchIndexError):
        return None


@functools.lru_cache(maxsize=2)
def _engine(site_dir: Path, index: str) -> SearchEngine:
    """One engine per index: the main file's name is its content's hash, and it names the index's other files by
    theirs, so a live report reuses the engine until a new build."""
    return SearchEngine.from_site(site_dir)


def found_now(engine: SearchEngine, manifest: Manifest, query: str) -> dict[str, Any] | None:
    """What today's search shows first for `query`: title, where it is, the file and line to read, and whether
    it has most of the query's words (`answers`); None when it finds nothing."""
    results = engine.search(query)
    if not results:
        return None
    best = results[0]
    words = best.terms
    found = sum(words.values())
    page = manifest.page(best.page)
    _, _, anchor = best.location.partition("#")
    question = page.question(anchor) if page and anchor else None
    return {"title": best.title, "location": best.location, "page_title": page.title if page else "",
            "file": page.file if page else "", "line": question.line if question else None,
            "answers": found * 2 > len(words), "missing": [word for word, hit in words.items() if not hit]}


def check_groups(groups: Iterable[dict[str, Any]], engine: SearchEngine | None, manifest: Manifest) -> None:
    """Give each group of searches `now`: what today's search finds for its most frequent spelling (None: still
    nothing). Without a built site, `now` is left out and the report says the searches were not checked."""
    if engine is None:
        return
    for group in groups:
        group["now"] = found_now(engine, manifest, group["query"])


def answer_home(engine: SearchEngine | None, manifest: Manifest, query: str) -> PageRecord | None:
    """The FAQ page a new answer to `query` belongs on: the page of the first FAQ result today's search gives
    (it shares some of the words), else the FAQ page whose title, description and questions share most words
    with it or their synonyms, else the first FAQ page."""
    faq = [page for page in manifest.pages if page.type == "faq" and not page.is_index]
    if not faq:
        return None
    by_path = {page.path: page for page in faq}
    for result in _results(engine, query):
        if result.page in by_path:
            return by_path[result.page]
    wanted = set(terms(query))
    # The shop's synonyms count as the same words: "pre order" is about orders, "pesanan" on the site.
    for group in manifest.synonyms:
        words = set(terms(" ".join(group)))
        if wanted & words:
            wanted |= words

    def shared(page: PageRecord) -> int:
        text = " ".join([page.title, page.description, *(question.text for question in page.questions)])
        return len(wanted & set(terms(text)))

    return max(faq, key=lambda page: (shared(page), -faq.index(page)))


def _results(engine: SearchEngine | None, query: str) -> list[Result]:
    return engine.search(query) if engine is not None else []
