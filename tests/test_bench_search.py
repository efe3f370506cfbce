"""bench/search.py's speed race runs end to end on a few articles: the three sites build, Pagefind (the pinned
`pagefind[extended]`) indexes its copy in Indonesian, and every contestant shows a result and counts its bytes. The
lead's long run is then not the first to find a broken contestant."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import bench_script

pytestmark = pytest.mark.browser


@pytest.fixture
def bench_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The benchmark's modules, building and writing under `tmp_path` instead of bench/work and /dev/shm."""
    search = bench_script("search")
    build = bench_script("build")
    for module in (search, build):
        monkeypatch.setattr(module, "WORK", tmp_path / "work")
        monkeypatch.setattr(module, "OUTPUT", tmp_path / "sites")
    return search, build


def test_every_contestant_shows_a_first_result_and_counts_what_it_fetched(bench_search, browser, tmp_path: Path):
    search, build = bench_search
    sites, indexed = search.build_sites(build.generate(tmp_path / "content", 12))
    assert any("page" in line for line in indexed), f"Pagefind said: {indexed}"
    assert (sites["pagefind"] / "pagefind" / "wasm.id.pagefind").exists(), "Pagefind indexed in Indonesian"
    article = search.first_article(sites["ours"])

    results = search.race(browser, sites, article, runs=1)

    assert set(results) == set(search.CONTESTANTS)
    for name, (run,) in results.items():
        assert 0 < run.from_opening < run.from_navigation, name
        assert run.transfer > 0, name
    # Pagefind's files count though some come before the box is focused (its UI) or from its worker: its
    # Indonesian wasm alone is 70 kB.
    assert results["pagefind"][0].transfer > 70_000
