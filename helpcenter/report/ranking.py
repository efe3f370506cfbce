"""Statistically honest ranking of pages and FAQ questions: worst first, by how sure we are that they fail.

A raw ratio puts a question with one "no" above one with 40 "no" of 80. Instead each answer is ranked by the
Wilson lower bound (95%) of its failure rate: the rate we are 95% sure it fails at least. A failure is a "not
helpful" vote or a click on a contact channel from that page or question: the customer did not find the answer
there. A "no" followed by a contact click counts twice, on purpose: it failed, and it cost a CS conversation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from helpcenter.manifest import Manifest

Z_95 = 1.959963984540054


def wilson_lower_bound(successes: int, trials: int, z: float = Z_95) -> float:
    """The lower bound of the Wilson score interval of `successes / trials`; 0 without trials."""
    if trials <= 0:
        return 0.0
    rate = successes / trials
    z2 = z * z
    centre = rate + z2 / (2 * trials)
    margin = z * math.sqrt(rate * (1 - rate) / trials + z2 / (4 * trials * trials))
    return max(0.0, (centre - margin) / (1 + z2 / trials))


def answer_figures(votes: int, helpful: int, contacts: int) -> dict[str, Any]:
    """The figures of one page or question: votes, failures and the bound it is ranked by."""
    failures = votes - helpful + contacts
    trials = votes + contacts
    return {
        "votes": votes, "helpful": helpful, "not_helpful": votes - helpful, "contacts": contacts,
        "helpful_rate": round(helpful / votes, 4) if votes else None,
        "failure_bound": round(wilson_lower_bound(failures, trials), 4),
    }


def _places(manifest: Manifest) -> dict[tuple[str, str], dict[str, Any]]:
    """(page, anchor) -> what the manifest says about it: title, URL, file and line, owner."""
    places: dict[tuple[str, str], dict[str, Any]] = {}
    for page in manifest.pages:
        common = {"page": page.path, "page_title": page.title, "owner": page.owner, "file": page.file,
                  "article": page.is_article}
        places[(page.path, "")] = {**common, "kind": "page", "anchor": "", "title": page.title, "url": page.url,
                                   "line": None}
        for question in page.questions:
            places[(page.path, question.anchor)] = {
                **common, "kind": "question", "anchor": question.anchor, "title": question.text,
                "url": f"{page.url}#{question.anchor}", "line": question.line}
    return places


def _unknown_place(page: str, anchor: str) -> dict[str, Any]:
    """A page or question the current manifest no longer has (renamed or removed since the votes came)."""
    return {"page": page, "page_title": page, "owner": "", "file": "", "article": True,
            "kind": "question" if anchor else "page", "anchor": anchor,
            "title": f"{page}#{anchor}" if anchor else page, "url": page, "line": None, "unknown": True}


def rank_answers(manifest: Manifest, votes: Mapping[tuple[str, str], Mapping[str, Any]],
                 contacts: Mapping[tuple[str, str], int], comments: Mapping[tuple[str, str], list[dict[str, str]]],
                 previous_votes: Mapping[tuple[str, str], Mapping[str, Any]],
                 previous_contacts: Mapping[tuple[str, str], int]) -> list[dict[str, Any]]:
    """Every page and question with a vote or a contact click, worst first (failure bound, then failures).

    The home page, section pages and the contact page answer nothing: a contact click there is a visit's way in,
    not an answer failing (it shows in the visit outcomes), so they are ranked only on votes they got.
    """
    places = _places(manifest)
    rows = []
    for key in sorted(set(votes) | set(contacts)):
        place = places.get(key) or _unknown_place(*key)
        counted = votes.get(key, {"votes": 0, "helpful": 0, "reasons": {}})
        if not place["article"] and not counted["votes"]:
            continue
        before = previous_votes.get(key, {"votes": 0, "helpful": 0})
        rows.append({
            **place,
            **answer_figures(counted["votes"], counted["helpful"], contacts.get(key, 0)),
            "reasons": dict(sorted(counted.get("reasons", {}).items(), key=lambda item: (-item[1], item[0]))),
            "comments": comments.get(key, []),
            "previous": answer_figures(before["votes"], before["helpful"], previous_contacts.get(key, 0)),
        })
    rows.sort(key=lambda row: (-row["failure_bound"], -(row["not_helpful"] + row["contacts"]), row["page"],
                               row["anchor"]))
    for position, row in enumerate(rows, start=1):
        row["rank"] = position
    return rows
