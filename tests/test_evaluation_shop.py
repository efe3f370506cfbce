"""The evaluation shops in bench/evaluation/ are valid new shops and their query sets judge something that exists.

No recall floor here: bench/evaluate.py measures the search on these shops, and the lead sets the floors.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.check import check_content
from helpcenter.content.newshop import STARTER
from helpcenter.manifest import FILE_NAME
from helpcenter.search.evaluation import load_cases
from tests.conftest import ROOT, bench_script

SHOPS = sorted(path.parent for path in (ROOT / "bench" / "evaluation").glob("*/shop.yml"))
KINDS = {"exact", "affix", "synonym", "colloquial", "typo", "english", "question"}
# The day the sets were written. Their pages are a fixed snapshot that nobody reviews again, so review dates are
# checked as of that day, not today.
WRITTEN = date(2026, 12, 1)


@pytest.fixture(scope="module")
def evaluate():
    return bench_script("evaluate")


def test_there_is_an_evaluation_shop() -> None:
    assert SHOPS, "bench/evaluation/ has no shop (a folder with shop.yml, content/ and queries.yml)"


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_its_content_passes_the_content_check_without_warnings(shop: Path) -> None:
    site = check_content(shop / "content", WRITTEN)
    assert [f"{problem.path}:{problem.line}: {problem.message}" for problem in site.problems] == []


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_it_keeps_the_starter_synonyms_a_new_shop_gets(shop: Path) -> None:
    # The set measures what a new shop gets; when the starter's synonyms change, copy them here again.
    assert (shop / "content" / "synonyms.yml").read_text() == (STARTER / "id" / "synonyms.yml").read_text()


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_its_queries_cover_every_kind_at_least_15_times(shop: Path) -> None:
    cases = load_cases(shop / "queries.yml")
    kinds = {kind: sum(case.kind == kind for case in cases) for kind in KINDS}
    assert {case.kind for case in cases} == KINDS
    assert min(kinds.values()) >= 15, kinds
    assert len({case.query for case in cases}) == len(cases)


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_every_target_of_its_queries_is_in_the_built_site(shop: Path, evaluate, tmp_path: Path) -> None:
    query_set = next(query_set for query_set in evaluate.query_sets() if query_set.content == shop / "content")
    config = evaluate.make_shop(query_set, tmp_path / "shop")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=tmp_path)
    manifest = json.loads((config.parent / "site" / FILE_NAME).read_text())
    known = set()
    for page in manifest["pages"]:
        known.add(page["path"])
        known.update(f"{page['path']}#{question['anchor']}" for question in page["questions"])
    # Held-out sets of its own (queries-*.yml: kept out of the tables) name real targets too.
    targets = {target for path in shop.glob("queries*.yml") for case in load_cases(path) for target in case.targets}
    assert targets - known == set()
    # "#anchor" targets are FAQ questions: a policy or a guide is targeted as a page.
    assert all(target.startswith("faq/") for target in targets if "#" in target)
