"""The benchmarks' generated help center is valid content with text shaped like real text, so that the builds and
searches they time are the ones a shop's content would cause."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from helpcenter.content.check import check_content
from helpcenter.content.problems import errors
from helpcenter.language.analysis import tokens
from tests.conftest import bench_script


def _bench_build():
    return bench_script("build")


def test_the_generated_help_center_passes_the_content_check(tmp_path: Path) -> None:
    content = _bench_build().generate(tmp_path / "content", 40)
    site = check_content(content, date(2026, 11, 25))
    assert errors(site.problems) == []
    assert len(list(content.glob("*/artikel-*.md"))) == 40


def test_its_words_follow_zipfs_law_rather_than_a_short_list(tmp_path: Path) -> None:
    content = _bench_build().generate(tmp_path / "content", 40)
    words = Counter(word for path in content.glob("*/artikel-*.md") for word in tokens(path.read_text()))
    ranked = [count for _, count in words.most_common()]
    # Thousands of distinct words, the most frequent far more frequent than the hundredth, and a long tail of
    # words seen once: a query's words occur in some documents, not in all of them.
    assert len(ranked) > 3000
    assert ranked[0] > 20 * ranked[99]
    assert sum(count == 1 for count in ranked) > len(ranked) / 4
