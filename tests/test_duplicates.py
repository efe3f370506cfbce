from __future__ import annotations

import random
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from helpcenter.content.checks.duplicates import SIMILAR_FROM, question_words, similar_pairs, similarity
from helpcenter.content.load import load_site
from helpcenter.content.problems import Severity
from tests.conftest import CONTENT

FRONT = "---\ntype: faq\ntitle: T\ndescription: D.\nowner: o\nreviewed: 2026-11-20\n---\n\n"


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("Bagaimana cara membatalkan pesanan?", "Gimana cara batalkan pesanan saya?", 1.0),
    ("Barang seperti apa yang bisa dikembalikan?", "Barang apa saja yang tidak bisa dikembalikan?", 2 / 3),
    ("Berapa lama refund diproses?", "Berapa lama refund ke e-wallet diproses?", 3 / 4),
])
def test_similarity_over_stemmed_words(first: str, second: str, expected: float) -> None:
    assert similarity(question_words(first), question_words(second)) == pytest.approx(expected)


def test_the_sample_shop_has_no_pair_near_the_threshold() -> None:
    site = load_site(CONTENT, date(2026, 11, 25))
    words = [question_words(q.text) for page in site.pages for q in page.questions]
    closest = max(similarity(a, b) for a, b in combinations(words, 2))
    assert closest < SIMILAR_FROM - 0.05, "the threshold would flag sample questions that ask different things"


def test_same_and_similar_questions_across_pages(tmp_path: Path) -> None:
    tmp_path = tmp_path / "content"
    tmp_path.mkdir()
    (tmp_path / "a.md").write_text(FRONT + "## Bagaimana cara membatalkan pesanan?\n\nDi menu Pesanan.\n\n"
                                   "## Kapan voucher cashback masuk ke saldo?\n\nSetelah pesanan selesai.\n")
    (tmp_path / "b.md").write_text(FRONT + "## Cara batalkan pesanan?\n\nLewat aplikasi.\n\n"
                                   "## Kapan cashback voucher masuk?\n\nDua hari.\n")
    site = load_site(tmp_path, date(2026, 11, 25), display_root=tmp_path.parent)
    assert [(str(p), p.severity) for p in site.problems] == [
        ("content/a.md:9: the question 'Bagaimana cara membatalkan pesanan?' asks the same as 'Cara batalkan pesanan?' "
         "(content/b.md:9); keep one of them and link to it from the other page", Severity.ERROR),
        ("content/a.md:13: the question 'Kapan voucher cashback masuk ke saldo?' is 75% like 'Kapan cashback voucher "
         "masuk?' (content/b.md:13); if both ask the same, keep one, otherwise reword one so the difference is clear",
         Severity.WARNING),
        ("content/b.md:9: the question 'Cara batalkan pesanan?' asks the same as 'Bagaimana cara membatalkan pesanan?' "
         "(content/a.md:9); keep one of them and link to it from the other page", Severity.ERROR),
        ("content/b.md:13: the question 'Kapan cashback voucher masuk?' is 75% like 'Kapan voucher cashback masuk ke "
         "saldo?' (content/a.md:13); if both ask the same, keep one, otherwise reword one so the difference is clear",
         Severity.WARNING),
    ]


@pytest.mark.parametrize("threshold", [0.5, SIMILAR_FROM, 1.0])
def test_the_fast_comparison_finds_exactly_the_pairs_comparing_all_would(threshold: float) -> None:
    rng = random.Random(2026)
    vocabulary = [f"kata{number}" for number in range(40)]
    sets = [frozenset(rng.sample(vocabulary, rng.randint(1, 6))) for _ in range(800)]
    every_pair = {(later, earlier) for later, earlier in combinations(range(len(sets)), 2)}
    expected = {(b, a) for a, b in every_pair if similarity(sets[a], sets[b]) >= threshold}
    assert {(later, earlier) for later, earlier, _ in similar_pairs(sets, threshold)} == expected
