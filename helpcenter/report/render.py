"""The report as Markdown (to paste into a pull request), a GitHub issue body (a task list), CSV (for spreadsheets)
and JSON (for other tools); the words every format shares (what to do, why, where) are made here too.

Comments and queries are customer text: in Markdown every ASCII punctuation character is backslash-escaped or, for
'<', '>' and '&', an entity (no link, emphasis, HTML or table cell can come out of it) and '@' gets a word joiner
(no GitHub mention); in CSV a cell that a spreadsheet would read as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import re
import string
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urljoin

from helpcenter.messages.catalog import format_date
from helpcenter.messages.interface import INTERFACE
from helpcenter.messages.report import word
from helpcenter.report.figures import TOTALS, change, figure

# '<', '>' and '&' become entities, which every Markdown renders as text; a backslash before them is CommonMark's
# way but not every renderer's (Python-Markdown keeps "\<b>" as HTML).
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation.translate(str.maketrans("", "", "<>&"))) + "])")
# Our own text (titles, owners) only needs what would break a table or start a link or emphasis; an owner stays an
# @mention on purpose, so that a pasted report asks them.
_MARKUP = re.compile(r"([\\`*_\[\]|~])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_SPACE = re.compile(r"\s+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKDOWN_COMMENT_LENGTH = 300

Escape = Callable[[str], str]


def escape_markdown(text: str, customer: bool = True) -> str:
    """Text that Markdown shows as it is, on one line; customer text also cannot mention anyone."""
    text = _SPACE.sub(" ", text).strip()
    if not customer:
        return _MARKUP.sub(r"\\\1", text).translate(_ENTITIES)
    return _PUNCTUATION.sub(r"\\\1", text).translate(_ENTITIES).replace("@", "@\u2060")


def _shorten(text: str, limit: int = MARKDOWN_COMMENT_LENGTH) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(text: str) -> str:
    return text


def _customer_markdown(text: str) -> str:
    return escape_markdown(_shorten(text))


def _own_markdown(text: str) -> str:
    return escape_markdown(text, customer=False)


# ---- words every format shares -----------------------------------------------------------------------------------


def period_line(report: dict[str, Any], language: str) -> str:
    period = report["period"]
    return word("period", language, since=format_date(date.fromisoformat(period["since"]), language),
                until=format_date(date.fromisoformat(period["until"]), language), days=period["days"])


def totals_rows(report: dict[str, Any], language: str) -> list[tuple[str, str, str, str]]:
    """(label, now, before, change) for each headline figure."""
    rows = []
    for name in TOTALS:
        now, before = report["totals"][name], report["previous_totals"][name]
        percent = name.endswith("_rate")
        rows.append((word(f"totals.{name}", language), figure(now, percent), figure(before, percent),
                     change(now, before, percent)))
    return rows


def totals_definitions(report: dict[str, Any], language: str) -> list[tuple[str, str]]:
    """The summary table's columns, each with what it counts."""
    period, before = report["period"], report["previous_period"]
    return [(word("figure", language), word("totals.defined", language)),
            (word("now", language), word("defs.now", language, days=period["days"], until=period["until"])),
            (word("before", language), word("defs.before", language, days=before["days"])),
            (word("change", language), word("defs.change", language))]


def reason_text(reasons: dict[str, int], language: str) -> str:
    return ", ".join(f"{reason_name(reason, language)} {count}" for reason, count in reasons.items())


def reason_name(reason: str, language: str) -> str:
    """A reason for "Tidak" in the words the customer chose it by."""
    return INTERFACE.text(f"vote.reason.{reason}", language)


def hint_text(group: dict[str, Any], language: str) -> str:
    return word(f"hint.{group['hint']}", language)


def file_text(row: dict[str, Any]) -> str:
    """`content/faq/pembayaran.md:80`: where to edit, with the question's line when there is one."""
    return f"{row['file']}:{row['line']}" if row.get("line") else row.get("file", "")


def page_link(location: str, base: str) -> str:
    """A page of the help center (`faq/pembayaran/#bayar-cod`) below `base`: the site's URL, or "/" when the
    report is served beside the site."""
    return urljoin(base or "/", location)


def links_base(report: dict[str, Any], links: str | None) -> str:
    return report.get("site_url", "") if links is None else links


def weekly(count: float, language: str) -> str:
    """1.5 as "1,5" in Indonesian and "1.5" in English; whole numbers without decimals."""
    text = f"{count:.0f}" if count >= 10 or count == int(count) else f"{count:.1f}"
    return text.replace(".", ",") if language == "id" else text


# The kinds of work on an existing answer, named by its title and linked to it; the others are about a search.
ANSWER_ACTIONS = ("rewrite", "findable")


def action_what(action: dict[str, Any], language: str) -> tuple[str, str]:
    """What to do and what it is about: ("Perbaiki jawaban", "Bisa bayar di tempat (COD)?")."""
    if action["kind"] in ANSWER_ACTIONS:
        return word(f"action.{action['kind']}.{action['subject']}", language), action["title"]
    return word(f"action.{action['kind']}", language), action["query"]


def action_why(action: dict[str, Any], language: str, own: Escape = _plain,
               customer: Escape = _plain) -> list[str]:
    """Why, in plain words, as sentences; `own` and `customer` escape the help center's and customers' text."""
    if action["kind"] == "rewrite":
        return _why_answer(action, language, customer)
    if action["kind"] == "findable":
        return [word("why.copied", language, copies=action["copies"], days=action["days"], found=action["found"]),
                word("why.copied_do", language)]
    sentences = [word("why.searched", language, count=action["count"])]
    if action["variants"]:
        sentences[0] += word("why.variants", language,
                             variants=", ".join(customer(variant) for variant in action["variants"]))
    if action["contacted"]:
        sentences[0] += word("why.searched_then", language, contacted=action["contacted"])
    sentences[0] += "."
    now = action.get("now")
    if now:
        sentences.append(word("why.partial", language, title=own(now["title"]),
                              missing=", ".join(customer(missing) for missing in now["missing"])))
    elif "now" in action:
        sentences.append(word("why.nothing_now", language))
    if action["kind"] == "synonym":
        following = action.get("searched_next")
        if following:
            sentences.append(word("why.searched_next", language, then=customer(following["query"]),
                                  visits=following["visits"], query=customer(action["query"])))
        else:
            sentences.append(word("why.known_words", language, query=customer(action["query"])))
    return sentences


def _why_answer(action: dict[str, Any], language: str, customer: Escape) -> list[str]:
    sentences = []
    if action["votes"]:
        votes = word("why.votes", language, no=action["not_helpful"], votes=action["votes"])
        if action["no_then_contacted"]:
            votes += word("why.votes_then", language, then=action["no_then_contacted"])
        sentences.append(votes + ".")
    if action["contacts"]:
        sentences.append(word("why.contacts", language, contacts=action["contacts"]))
    if action["top_reason"]:
        sentences.append(word("why.reason", language, reason=reason_name(action["top_reason"]["reason"], language),
                              count=action["top_reason"]["count"]))
    return sentences


def action_comment(action: dict[str, Any]) -> str | None:
    return action.get("comment")


def action_where(action: dict[str, Any], language: str) -> str:
    """The file, and the line the editor opens at."""
    if not action.get("file"):
        return word("where.none", language)
    if not action.get("line"):
        return action["file"]
    key = "where.line" if action["kind"] in ANSWER_ACTIONS else "where.after"
    return word(key, language, file=action["file"], line=action["line"])


def action_saves(action: dict[str, Any], language: str) -> str:
    count = action["contacts_per_week"]
    return word("saves", language, count=weekly(count, language)) if count else word("saves.none", language)


def search_now(group: dict[str, Any], language: str) -> str:
    """What today's search finds for a group of searches that found nothing; '' when it was not asked."""
    if "now" not in group:
        return ""
    now = group["now"]
    if now is None:
        return word("now.nothing", language)
    if now["answers"]:
        return word("now.answers", language, title=now["title"])
    return word("now.partial", language, title=now["title"], missing=", ".join(now["missing"]))


SEARCH_TABLES = ("searches_empty", "searches_bounced", "searches_contacted")
_COUNTED = {"searches_empty": "empty", "searches_bounced": "bounced", "searches_contacted": "searches"}


def search_columns(table: str, language: str, checked: bool) -> list[tuple[str, str]]:
    """A search table's columns, each with what it counts."""
    kind = _COUNTED[table]
    columns = [(word("query", language), word("defs.query", language)),
               (word(f"count.{kind}", language), word(f"defs.count.{kind}", language)),
               (word("before", language), word("defs.before.count", language)),
               (word("contacted", language), word(f"defs.contacted.{kind}", language))]
    if table == "searches_empty" and checked:
        columns.append((word("now_finds", language), word("defs.now_finds", language)))
    return columns


def page_columns(language: str) -> list[tuple[str, str]]:
    return [(word("page", language), word("defs.page", language)),
            (word("visits", language), word("defs.visits", language)),
            (word("contacted", language), word("defs.contacted.page", language)),
            (word("before", language), word("defs.before.page", language))]


def answer_columns(language: str) -> list[tuple[str, str]]:
    """The answers table's columns (the HTML shows the same figures on cards, under the same names)."""
    return [("#", word("defs.rank", language)),
            (word("answer", language), word("defs.answer", language)),
            (word("votes", language), word("defs.votes", language)),
            (word("not_helpful", language), word("defs.no", language)),
            (word("contacts", language), word("defs.contacts", language)),
            (word("file", language), word("defs.file", language)),
            (word("owner", language), word("defs.owner", language))]


# ---- Markdown ----------------------------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows] + [""]


def _definitions(columns: list[tuple[str, str]]) -> list[str]:
    return [f"- **{name}**: {meaning}" for name, meaning in columns] + [""]


def _action_lines(action: dict[str, Any], language: str, base: str, task: bool) -> list[str]:
    what, subject = action_what(action, language)
    if action["kind"] in ANSWER_ACTIONS:
        about = f"[{_own_markdown(subject)}](<{page_link(action['location'], base)}>)"
    else:
        about = f"\"{_customer_markdown(subject)}\""
    start = "- [ ] " if task else f"{action['rank']}. "
    indent = " " * (6 if task else len(start))
    lines = [f"{start}**{what}** {about}  "]
    why = " ".join(action_why(action, language, own=_own_markdown, customer=_customer_markdown))
    comment = action_comment(action)
    if comment:
        why += f" {word('why.comment', language)} “{_customer_markdown(comment)}”"
    lines.append(f"{indent}{why}  ")
    where = f"`{action_where(action, language)}`"
    if action.get("edit_url"):
        where = f"[{where}](<{action['edit_url']}>)"
    facts = [where]
    if action.get("owner"):
        facts.append(_own_markdown(action["owner"]))
    facts.append(action_saves(action, language))
    lines.append(indent + " · ".join(facts))
    return lines


def _todo_markdown(report: dict[str, Any], language: str, base: str, task: bool = False) -> list[str]:
    lines = [word("todo.order", language), ""]
    if not report["actions"]:
        return [word("todo.none", language), ""]
    for action in report["actions"]:
        lines += _action_lines(action, language, base, task)
    return [*lines, "", word("saves.defined", language), ""]


def _search_section(report: dict[str, Any], table: str, language: str, heading: str = "###") -> list[str]:
    groups = report[table]
    lines = [f"{heading} {word(table, language)}", ""]
    if not groups:
        return [*lines, word("none", language), ""]
    checked = report.get("searches_checked", False)
    columns = search_columns(table, language, checked)
    rows = []
    for group in groups:
        query = escape_markdown(_shorten(group["query"], 80))
        others = [variant["query"] for variant in group["variants"][1:5]]
        if others:
            query += f" ({word('variants', language).lower()}: {escape_markdown(_shorten(', '.join(others), 160))})"
        row = [query, str(group["count"]), str(group["previous"]), str(group["contacted"])]
        if len(columns) == 5:
            row.append(escape_markdown(search_now(group, language), customer=False))
        rows.append(row)
    return lines + _table([name for name, _ in columns], rows) + _definitions(columns)


def _answers_markdown(report: dict[str, Any], language: str, base: str) -> list[str]:
    lines = [f"### {word('answers', language)}", "", word("answers.intro", language), ""]
    if not report["answers"]:
        return [*lines, word("answers.none", language), ""]
    lines += _table(
        [name for name, _ in answer_columns(language)],
        [[str(row["rank"]),
          f"[{escape_markdown(row['title'], customer=False)}](<{page_link(_location(row), base)}>)",
          f"{row['votes']} ({change(row['votes'], row['previous']['votes'])})", str(row["not_helpful"]),
          str(row["contacts"]),
          f"`{file_text(row)}`" if row["file"] else word("unknown", language),
          escape_markdown(row["owner"], customer=False)]
         for row in report["answers"]])
    lines += _definitions(answer_columns(language))
    for row in report["answers"]:
        if not (row["reasons"] or row["comments"]):
            continue
        lines += [f"#### {row['rank']}. {escape_markdown(row['title'], customer=False)}", ""]
        if row["reasons"]:
            lines += [f"- {word('reasons', language)}: {reason_text(row['reasons'], language)}"]
        if row["comments"]:
            lines += [f"- {word('comments', language)}:"]
            lines += [f"    - {comment['day']}: {escape_markdown(_shorten(comment['comment']))}"
                      for comment in row["comments"]]
        lines.append("")
    return lines


def _copied_markdown(report: dict[str, Any], language: str, base: str) -> list[str]:
    """The answers CS agents copied (`helpcenter.report.copies`), beside what customers did with them."""
    lines = [f"### {word('copied', language)}", "", word("copied.intro", language), ""]
    # A report made before copies were counted (its JSON kept) has none.
    if not report.get("copied"):
        return [*lines, word("copied.none", language), ""]
    days = report["period"]["days"]
    return lines + _table(
        ["#", word("answer", language), word("copies", language), word("found", language), word("votes", language),
         word("helpful", language), word("contacts", language), word("file", language), word("owner", language)],
        [[str(row["rank"]), f"[{escape_markdown(row['title'], customer=False)}](<{page_link(_location(row), base)}>)",
          f"{word('copied.times', language, count=row['copies'], days=days)} "
          f"({change(row['copies'], row['previous_copies'])})", str(row["found"]), str(row["votes"]),
          str(row["helpful"]), str(row["contacts"]),
          f"`{file_text(row)}`" if row["file"] else word("unknown", language),
          escape_markdown(row["owner"], customer=False)]
         for row in report["copied"]])


def _location(row: dict[str, Any]) -> str:
    return row["page"] + (f"#{row['anchor']}" if row["anchor"] else "")


def render_markdown(report: dict[str, Any], language: str = "id", links: str | None = None) -> str:
    """The report for a pull request: the to-do list first, then the trends, then the details."""
    base = links_base(report, links)
    lines = [f"# {word('title', language)}", "", period_line(report, language), "",
             f"## {word('todo', language)}", ""]
    lines += _todo_markdown(report, language, base)
    lines += [f"## {word('trends', language)}", ""]
    lines += _table([word("figure", language), word("now", language), word("before", language),
                     word("change", language)], [list(row) for row in totals_rows(report, language)])
    lines += _definitions(totals_definitions(report, language))
    lines += [f"## {word('details', language)}", ""]
    lines += _answers_markdown(report, language, base)
    lines += _copied_markdown(report, language, base)
    if not report.get("searches_checked", False):
        lines += [word("now.unchecked", language), ""]
    for table in SEARCH_TABLES:
        lines += _search_section(report, table, language)
    lines += [f"### {word('pages_contacted', language)}", ""]
    if not report["pages_contacted"]:
        lines += [word("none", language), ""]
    else:
        lines += _table([name for name, _ in page_columns(language)],
                        [[escape_markdown(row["title"], customer=False)
                          + (f" (`{row['file']}`)" if row["file"] else "")
                          + (f" {escape_markdown(row['owner'], customer=False)}" if row["owner"] else ""),
                          str(row["visits"]), str(row["contacted"]), str(row["previous_contacted"])]
                         for row in report["pages_contacted"]])
        lines += _definitions(page_columns(language))
    lines.append(word("generated", language, generated=report["generated"]))
    return "\n".join(lines) + "\n"


def issue_title(report: dict[str, Any], language: str = "id") -> str:
    period = report["period"]
    return word("issue.title", language, since=period["since"], until=period["until"])


def render_issue(report: dict[str, Any], language: str = "id", links: str | None = None) -> str:
    """A GitHub issue body: the to-do list as tasks to tick off, each with its edit link and owner (mentioned, so
    GitHub notifies them), then the period's figures folded away.

    Open it with: helpcenter report --format github-issue > issue.md && gh issue create --title "..." -F issue.md
    """
    base = links_base(report, links)
    lines = [f"**{issue_title(report, language)}** ({period_line(report, language)})", "",
             word("issue.intro", language, count=len(report["actions"])), ""]
    lines += _todo_markdown(report, language, base, task=True)
    lines += ["<details>", f"<summary>{word('issue.figures', language)}</summary>", ""]
    lines += _table([word("figure", language), word("now", language), word("before", language),
                     word("change", language)], [list(row) for row in totals_rows(report, language)])
    lines += _definitions(totals_definitions(report, language))
    lines += ["</details>", "", word("generated", language, generated=report["generated"])]
    return "\n".join(lines) + "\n"


# ---- CSV and JSON ------------------------------------------------------------------------------------------------


def _csv_cell(name: str, value: Any) -> Any:
    """A spreadsheet must not run customer text as a formula; an owner is an @handle from our own front matter."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and name != "owner":
        return "'" + value
    return "" if value is None else value


def _action_csv(action: dict[str, Any]) -> dict[str, Any]:
    return {
        "rank": action["rank"], "kind": action["kind"], "title": action.get("title") or action.get("query"),
        "file": action.get("file", ""), "line": action.get("line"), "owner": action.get("owner", ""),
        "edit_url": action.get("edit_url", ""), "contacts_per_week": action["contacts_per_week"],
        "failure_bound": action["failure_bound"],
    }


def _answer_csv(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "rank": row["rank"], "kind": row["kind"], "title": row["title"], "url": row["url"], "file": row["file"],
        "line": row["line"], "owner": row["owner"], "votes": row["votes"], "helpful": row["helpful"],
        "not_helpful": row["not_helpful"], "no_then_contacted": row.get("no_then_contacted", 0),
        "contacts": row["contacts"], "helpful_rate": row["helpful_rate"],
        "failure_bound": row["failure_bound"], "previous_votes": row["previous"]["votes"],
        "previous_failure_bound": row["previous"]["failure_bound"],
        "reasons": "; ".join(f"{reason}:{count}" for reason, count in row["reasons"].items()),
        "comments": " | ".join(comment["comment"] for comment in row["comments"]),
    }


def _group_csv(group: dict[str, Any]) -> dict[str, Any]:
    now = group.get("now")
    return {"query": group["query"], "group": group["key"], "count": group["count"], "previous": group["previous"],
            "searches": group["searches"], "visits": group["visits"], "contacted": group["contacted"],
            "hint": group["hint"], "now_finds": now["location"] if now else "",
            "variants": "; ".join(f"{v['query']}:{v['count']}" for v in group["variants"])}


def _copied_csv(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in ("rank", "kind", "title", "url", "file", "line", "owner", "copies",
                                      "previous_copies", "found", "votes", "helpful", "contacts", "copy_bound")}


CSV_TABLES: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "actions": ("actions", _action_csv),
    "answers": ("answers", _answer_csv),
    "searches-empty": ("searches_empty", _group_csv),
    "searches-bounced": ("searches_bounced", _group_csv),
    "searches-contacted": ("searches_contacted", _group_csv),
    "pages-contacted": ("pages_contacted", dict),
    "copied": ("copied", _copied_csv),
    "daily": ("daily", dict),
}


def render_csv(report: dict[str, Any], table: str = "answers") -> str:
    """One table of the report as CSV, one row per action, answer, search group, page or day."""
    key, flatten = CSV_TABLES[table]
    rows = [flatten(row) for row in report[key]]
    output = io.StringIO()
    if rows:
        writer = csv.DictWriter(output, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({name: _csv_cell(name, value) for name, value in row.items()} for row in rows)
    return output.getvalue()


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
