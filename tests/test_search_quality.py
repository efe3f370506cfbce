"""How well search answers real customer queries: the query set in tests/search_queries.yml, on the sample site.

bench/search.py puts the same numbers beside stock mkdocs-material's in bench/RESULTS.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpcenter.manifest import FILE_NAME
from helpcenter.search.engine import SearchEngine, answers_shown, group
from helpcenter.search.evaluation import answers, evaluate, load_cases

QUERIES = Path(__file__).parent / "search_queries.yml"
KINDS = {"exact", "affix", "synonym", "colloquial", "typo", "english", "question"}


@pytest.fixture(scope="module")
def engine(built_site: Path) -> SearchEngine:
    return SearchEngine.from_site(built_site)


def test_the_query_set_is_large_and_covers_every_kind() -> None:
    cases = load_cases(QUERIES)
    assert len(cases) >= 60
    assert {case.kind for case in cases} == KINDS
    assert len({case.query for case in cases}) == len(cases)


def test_every_expected_answer_exists_in_the_built_site(built_site: Path) -> None:
    manifest = json.loads((built_site / FILE_NAME).read_text())
    known = set()
    for page in manifest["pages"]:
        known.add(page["path"])
        known.update(f"{page['path']}#{question['anchor']}" for question in page["questions"])
    targets = {target for case in load_cases(QUERIES) for target in case.targets}
    assert targets - known == set()


def test_recall_at_3_holds_overall_and_for_every_kind(engine: SearchEngine) -> None:
    recall, missed = evaluate(load_cases(QUERIES), lambda q: answers_shown(group(engine.search(q), engine)))
    report = {kind: round(r.at3(), 2) for kind, r in recall.items()}
    # The target: at least 0.9 overall and for every kind of query.
    assert min(r.at3() for r in recall.values()) >= 0.9, (report, missed)


@pytest.mark.parametrize(("location", "targets", "expected"), [
    ("faq/a/#q", ("faq/a/",), True), ("faq/a/", ("faq/a/#q",), False), ("faq/a/#q", ("faq/a/#r", "faq/a/#q"), True),
    ("faq/ab/", ("faq/a/",), False),
])
def test_a_page_target_is_answered_by_its_questions_too(location: str, targets: tuple, expected: bool) -> None:
    assert answers(location, targets) is expected
