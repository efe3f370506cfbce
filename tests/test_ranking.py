"""Ranking: the Wilson lower bound, computed by hand, and what it does to the order of answers."""

from __future__ import annotations

import pytest

from helpcenter.report.ranking import answer_figures, rank_answers, wilson_lower_bound
from tests.report_data import MANIFEST


@pytest.mark.parametrize(("successes", "trials", "expected"), [
    (0, 0, 0.0),
    (0, 10, 0.0),
    # p = 1, n = 1: (1 + z²/2 - z·sqrt(z²/4)) / (1 + z²) = 1 / (1 + z²)
    (1, 1, 0.2065),
    # p = 0.5, n = 10: (0.5 + 0.19207 - 1.95996·sqrt(0.025 + 0.0096)) / 1.38415
    (5, 10, 0.2366),
    (10, 20, 0.2993),
    (3, 3, 0.4385),
    (100, 100, 0.9630),
])
def test_wilson_lower_bound_by_hand(successes: int, trials: int, expected: float) -> None:
    assert wilson_lower_bound(successes, trials) == pytest.approx(expected, abs=5e-5)


def test_many_failures_outrank_one_failure() -> None:
    """One "no" of one is a raw 100%; ten of twenty is 50%, and the surer failure."""
    one = answer_figures(votes=1, helpful=0, contacts=0)
    many = answer_figures(votes=20, helpful=10, contacts=0)
    assert many["failure_bound"] > one["failure_bound"]


def test_a_contact_click_counts_as_a_failure() -> None:
    assert answer_figures(2, 2, 0)["failure_bound"] == 0.0
    assert answer_figures(2, 2, 1) == {"votes": 2, "helpful": 2, "not_helpful": 0, "contacts": 1,
                                       "helpful_rate": 1.0, "failure_bound": round(wilson_lower_bound(1, 3), 4)}


def test_rank_answers_names_the_place_and_skips_contacts_from_pages_that_answer_nothing() -> None:
    votes = {("faq/pembayaran/", "bayar-va"): {"votes": 20, "helpful": 10},
             ("faq/pembayaran/", "bayar-cod"): {"votes": 1, "helpful": 0},
             ("faq/lama/", "hilang"): {"votes": 3, "helpful": 0}}
    contacts = {("", ""): 40, ("kontak/", ""): 7}
    rows = rank_answers(MANIFEST, votes, contacts, {}, {}, {})
    assert [(row["rank"], row["page"], row["anchor"]) for row in rows] == [
        (1, "faq/lama/", "hilang"), (2, "faq/pembayaran/", "bayar-va"), (3, "faq/pembayaran/", "bayar-cod")]
    assert rows[0]["unknown"] is True and rows[0]["file"] == ""
    assert rows[1]["title"] == "Bagaimana bayar dengan virtual account?"
    assert rows[1]["previous"]["votes"] == 0
