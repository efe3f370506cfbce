"""The to-do list a CS lead reads first: at most ten things to write or fix, each with the figures that say why,
the file and line to open, who owns it, and the contacts with CS it costs every week.

Three kinds of work:

- `rewrite`: an answer (an FAQ question, or a whole article) that customers said "Tidak" to or left for a
  contact channel;
- `new_answer`: a group of searches that found nothing, and today's search still finds nothing with most of
  their words: a question to add to the FAQ page the words point to;
- `synonym`: the same, when the words are the help center's (or the customers found the answer by other words
  next): the topic is there under another name, a line in `content/synonyms.yml` closes the gap;
- `findable`: an answer CS agents copy into chats more often than customers find it themselves (`copies`): it
  exists, but customers ask CS for it; its title, synonyms or a link from the home page should lead them to it.

Everything is ranked as the answers are (`ranking`): by how sure we are that it fails customers, the lower bound
of its failure rate. For a group of searches a failure is a search that found nothing, out of all its searches;
for a copied answer, a copy, out of copies and customers' own finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from helpcenter.content.synonyms import FILE_NAME as SYNONYMS
from helpcenter.manifest import Manifest
from helpcenter.report.ranking import wilson_lower_bound
from helpcenter.report.site_search import answer_home
from helpcenter.search.engine import SearchEngine

MAX_ACTIONS = 10
SYNONYMS_FILE = f"content/{SYNONYMS}"


def per_week(count: int, days: int) -> float:
    """A count of `days` days as a weekly figure, one decimal."""
    return round(count * 7 / days, 1) if days else 0.0


def _answer_action(row: dict[str, Any], manifest: Manifest, days: int) -> dict[str, Any]:
    reason = next(iter(row["reasons"].items()), None)
    return {
        "kind": "rewrite", "subject": row["kind"], "title": row["title"], "page_title": row["page_title"],
        "location": row["page"] + (f"#{row['anchor']}" if row["anchor"] else ""),
        "file": row["file"], "line": row["line"], "owner": row["owner"],
        "edit_url": manifest.edit_link(row["file"], row["line"]),
        "votes": row["votes"], "not_helpful": row["not_helpful"],
        "no_then_contacted": row.get("no_then_contacted", 0), "contacts": row["contacts"],
        "top_reason": {"reason": reason[0], "count": reason[1]} if reason else None,
        "comment": row["comments"][0]["comment"] if row["comments"] else None,
        "failure_bound": row["failure_bound"], "contacts_per_week": per_week(row["contacts"], days),
    }


def _search_action(group: dict[str, Any], manifest: Manifest, engine: SearchEngine | None,
                   days: int) -> dict[str, Any]:
    synonym = group["hint"] == "synonym"
    action: dict[str, Any] = {
        "kind": "synonym" if synonym else "new_answer", "query": group["query"],
        "variants": [variant["query"] for variant in group["variants"][1:4]],
        "count": group["count"], "searches": group["searches"], "visits": group["visits"],
        "contacted": group["contacted"], "searched_next": group.get("searched_next"),
        "failure_bound": round(wilson_lower_bound(group["count"], max(group["searches"], group["count"])), 4),
        "contacts_per_week": per_week(group["contacted"], days),
    }
    if "now" in group:
        action["now"] = group["now"]
    if synonym:
        action.update(file=SYNONYMS_FILE, line=None, owner="", page_title="",
                      edit_url=manifest.edit_link(SYNONYMS_FILE))
        return action
    home = answer_home(engine, manifest, group["query"])
    # A new question goes below the page's last one: the editor opens there.
    line = home.questions[-1].line if home and home.questions else None
    action.update(file=home.file if home else "", line=line, owner=home.owner if home else "",
                  page_title=home.title if home else "",
                  edit_url=manifest.edit_link(home.file, line) if home else "")
    return action


def _copied_action(row: dict[str, Any], manifest: Manifest, days: int) -> dict[str, Any]:
    return {
        "kind": "findable", "subject": row["kind"], "title": row["title"], "page_title": row["page_title"],
        "location": row["page"] + (f"#{row['anchor']}" if row["anchor"] else ""),
        "file": row["file"], "line": row["line"], "owner": row["owner"],
        "edit_url": manifest.edit_link(row["file"], row["line"]) if row["file"] else "",
        "copies": row["copies"], "found": row["found"], "days": days,
        "failure_bound": row["copy_bound"], "contacts_per_week": per_week(row["copies"], days),
    }


def still_unanswered(group: dict[str, Any]) -> bool:
    """A group today's search still has no answer for (or was not asked: no built site)."""
    now = group.get("now")
    return now is None or not now["answers"]


def to_do(answers: Iterable[dict[str, Any]], searches_empty: Iterable[dict[str, Any]], manifest: Manifest,
          engine: SearchEngine | None, days: int, limit: int = MAX_ACTIONS,
          copied: Iterable[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """The ranked to-do list: failing answers, unanswered searches and answers customers reach only through CS,
    worst first, at most `limit`; an answer to rewrite is not also listed to be made easier to find."""
    actions = [_answer_action(row, manifest, days) for row in answers
               if row["not_helpful"] + row["contacts"] and not row.get("unknown")]
    rewritten = {action["location"] for action in actions}
    actions += [action for row in copied if row["file"] and row["copies"] > row["found"]
                if (action := _copied_action(row, manifest, days))["location"] not in rewritten]
    actions += [_search_action(group, manifest, engine, days) for group in searches_empty
                if still_unanswered(group)]
    actions.sort(key=lambda action: (-action["failure_bound"], -action["contacts_per_week"],
                                     action.get("title") or action.get("query") or ""))
    for rank, action in enumerate(actions[:limit], start=1):
        action["rank"] = rank
    return actions[:limit]
