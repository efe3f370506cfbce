"""Judging a search by a set of customer queries with known answers: recall@1 and recall@3 per kind of query.

A query set is YAML, a list of `{query, kind, expect, also?}`: `expect` (and each of `also`) is a page path
(faq/pengiriman/) or a question or section (faq/pengiriman/#jadwal-kirim). A result answers a page target when it
is that page or one of its questions or sections, and a question target only when it is that question.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Case:
    query: str
    kind: str
    targets: tuple[str, ...]


@dataclass
class Recall:
    queries: int = 0
    first: int = 0
    top3: int = 0

    def at1(self) -> float:
        return self.first / self.queries if self.queries else 0.0

    def at3(self) -> float:
        return self.top3 / self.queries if self.queries else 0.0


def load_cases(path: Path) -> list[Case]:
    return [Case(item["query"], item["kind"], (item["expect"], *item.get("also", ())))
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def answers(location: str, targets: Iterable[str]) -> bool:
    return any(location == target if "#" in target else location.partition("#")[0] == target for target in targets)


def evaluate(cases: list[Case], ranking: Callable[[str], list[str]]) -> tuple[dict[str, Recall], list[Case]]:
    """Recall per kind (and "all") of `ranking` (query -> result locations, best first), and the cases missed."""
    recall: dict[str, Recall] = defaultdict(Recall)
    missed = []
    for case in cases:
        locations = ranking(case.query)
        first = bool(locations) and answers(locations[0], case.targets)
        top3 = any(answers(location, case.targets) for location in locations[:3])
        for key in (case.kind, "all"):
            recall[key].queries += 1
            recall[key].first += first
            recall[key].top3 += top3
        if not top3:
            missed.append(case)
    return dict(recall), missed
