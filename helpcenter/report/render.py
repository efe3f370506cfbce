"""The report as Markdown (to paste into a pull request), CSV (for spreadsheets) and JSON (for other tools).

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
from typing import Any

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


def escape_markdown(text: str, customer: bool = True) -> str:
    """Text that Markdown shows as it is, on one line; customer text also cannot mention anyone."""
    text = _SPACE.sub(" ", text).strip()
    if not customer:
        return _MARKUP.sub(r"\\\1", text).translate(_ENTITIES)
    return _PUNCTUATION.sub(r"\\\1", text).translate(_ENTITIES).replace("@", "@\u2060")


def _shorten(text: str, limit: int = MARKDOWN_COMMENT_LENGTH) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _period_line(report: dict[str, Any], language: str) -> str:
    period, previous = report["period"], report["previous_period"]
    return word("period", language, since=period["since"], until=period["until"], days=period["days"],
                previous_since=previous["since"], previous_until=previous["until"])


def totals_rows(report: dict[str, Any], language: str) -> list[tuple[str, str, str, str]]:
    """(label, now, before, change) for each headline figure."""
    rows = []
    for name in TOTALS:
        now, before = report["totals"][name], report["previous_totals"][name]
        percent = name.endswith("_rate")
        rows.append((word(f"totals.{name}", language), figure(now, percent), figure(before, percent),
                     change(now, before, percent)))
    return rows


def reason_text(reasons: dict[str, int], language: str) -> str:
    return ", ".join(f"{reason_name(reason, language)} {count}" for reason, count in reasons.items())


def reason_name(reason: str, language: str) -> str:
    """A reason for "Tidak" in the words the customer chose it by."""
    return INTERFACE.text(f"vote.reason.{reason}", language)


def hint_text(group: dict[str, Any], language: str) -> str:
    return word(f"hint.{group['hint']}", language)


def previous_bound(row: dict[str, Any]) -> str:
    """The failure bound the answer had in the period before, or '–' when nobody voted or clicked there then."""
    before = row["previous"]
    return f"{before['failure_bound']:.2f}" if before["votes"] or before["contacts"] else "–"


def file_text(row: dict[str, Any]) -> str:
    """`content/faq/pembayaran.md:80`: where to edit, with the question's line when there is one."""
    return f"{row['file']}:{row['line']}" if row.get("line") else row.get("file", "")


# ---- Markdown ----------------------------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows] + [""]


def _search_section(title: str, groups: list[dict[str, Any]], language: str, hint: bool) -> list[str]:
    lines = [f"## {title}", ""]
    if not groups:
        return [*lines, word("none", language), ""]
    header = [word("query", language), word("count", language), word("before", language), word("variants", language),
              word("contacted", language)]
    rows = [[escape_markdown(_shorten(g["query"], 80)), str(g["count"]), str(g["previous"]),
             escape_markdown(_shorten(", ".join(v["query"] for v in g["variants"][:5]), 160)), str(g["contacted"])]
            for g in groups]
    if hint:
        header.append(word("hint", language))
        for row, group in zip(rows, groups, strict=True):
            row.append(hint_text(group, language))
    return lines + _table(header, rows)


def _copied_section(report: dict[str, Any], language: str) -> list[str]:
    """The answers CS agents copied (`helpcenter.report.copies`), beside what customers did with them."""
    lines = [f"## {word('copied', language)}", "", word("copied.intro", language), ""]
    # A report made before copies were counted (its JSON kept) has none.
    if not report.get("copied"):
        return [*lines, word("copied.none", language), ""]
    days = report["period"]["days"]
    return lines + _table(
        ["#", word("answer", language), word("copies", language), word("found", language), word("votes", language),
         word("helpful", language), word("contacts", language), word("copy_bound", language), word("file", language),
         word("owner", language)],
        [[str(row["rank"]), f"[{escape_markdown(row['title'], customer=False)}](<{row['url']}>)",
          f"{word('copied.times', language, count=row['copies'], days=days)} "
          f"({change(row['copies'], row['previous_copies'])})", str(row["found"]), str(row["votes"]),
          str(row["helpful"]), str(row["contacts"]), f"{row['copy_bound']:.2f}",
          f"`{file_text(row)}`" if row["file"] else word("unknown", language),
          escape_markdown(row["owner"], customer=False)]
         for row in report["copied"]])


def render_markdown(report: dict[str, Any], language: str = "id") -> str:
    """The report for a pull request or an issue: tables, then each failing answer with reasons and comments."""
    lines = [f"# {word('title', language)}", "", _period_line(report, language), "", f"## {word('summary', language)}",
             ""]
    lines += _table([word("figure", language), word("now", language), word("before", language),
                     word("change", language)], [list(row) for row in totals_rows(report, language)])
    lines += [f"## {word('answers', language)}", "", word("answers.intro", language), ""]
    if not report["answers"]:
        lines += [word("answers.none", language), ""]
    else:
        lines += _table(
            ["#", word("answer", language), word("votes", language), word("not_helpful", language),
             word("contacts", language), word("bound", language), word("before", language), word("file", language),
             word("owner", language)],
            [[str(row["rank"]), f"[{escape_markdown(row['title'], customer=False)}](<{row['url']}>)",
              f"{row['votes']} ({change(row['votes'], row['previous']['votes'])})", str(row["not_helpful"]),
              str(row["contacts"]), f"{row['failure_bound']:.2f}", previous_bound(row),
              f"`{file_text(row)}`" if row["file"] else word("unknown", language),
              escape_markdown(row["owner"], customer=False)]
             for row in report["answers"]])
        for row in report["answers"]:
            if not (row["reasons"] or row["comments"]):
                continue
            lines += [f"### {row['rank']}. {escape_markdown(row['title'], customer=False)}", ""]
            if row["reasons"]:
                lines += [f"- {word('reasons', language)}: {reason_text(row['reasons'], language)}"]
            if row["comments"]:
                lines += [f"- {word('comments', language)}:"]
                lines += [f"    - {comment['day']}: {escape_markdown(_shorten(comment['comment']))}"
                          for comment in row["comments"]]
            lines.append("")
    lines += _copied_section(report, language)
    lines += _search_section(word("searches_empty", language), report["searches_empty"], language, hint=True)
    lines += _search_section(word("searches_bounced", language), report["searches_bounced"], language, hint=False)
    lines += _search_section(word("searches_contacted", language), report["searches_contacted"], language,
                             hint=False)
    lines += [f"## {word('pages_contacted', language)}", ""]
    if not report["pages_contacted"]:
        lines += [word("none", language), ""]
    else:
        lines += _table([word("page", language), word("visits", language), word("contacted", language),
                         word("before", language), word("file", language), word("owner", language)],
                        [[escape_markdown(row["title"], customer=False), str(row["visits"]), str(row["contacted"]),
                          str(row["previous_contacted"]), f"`{row['file']}`" if row["file"] else "",
                          escape_markdown(row["owner"], customer=False)] for row in report["pages_contacted"]])
    lines.append(word("generated", language, generated=report["generated"]))
    return "\n".join(lines) + "\n"


# ---- CSV and JSON ------------------------------------------------------------------------------------------------


def _csv_cell(name: str, value: Any) -> Any:
    """A spreadsheet must not run customer text as a formula; an owner is an @handle from our own front matter."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and name != "owner":
        return "'" + value
    return "" if value is None else value


def _answer_csv(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "rank": row["rank"], "kind": row["kind"], "title": row["title"], "url": row["url"], "file": row["file"],
        "line": row["line"], "owner": row["owner"], "votes": row["votes"], "helpful": row["helpful"],
        "not_helpful": row["not_helpful"], "contacts": row["contacts"], "helpful_rate": row["helpful_rate"],
        "failure_bound": row["failure_bound"], "previous_votes": row["previous"]["votes"],
        "previous_failure_bound": row["previous"]["failure_bound"],
        "reasons": "; ".join(f"{reason}:{count}" for reason, count in row["reasons"].items()),
        "comments": " | ".join(comment["comment"] for comment in row["comments"]),
    }


def _group_csv(group: dict[str, Any]) -> dict[str, Any]:
    return {"query": group["query"], "group": group["key"], "count": group["count"], "previous": group["previous"],
            "visits": group["visits"], "contacted": group["contacted"], "hint": group["hint"],
            "variants": "; ".join(f"{v['query']}:{v['count']}" for v in group["variants"])}


def _copied_csv(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in ("rank", "kind", "title", "url", "file", "line", "owner", "copies",
                                      "previous_copies", "found", "votes", "helpful", "contacts", "copy_bound")}


CSV_TABLES: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "answers": ("answers", _answer_csv),
    "searches-empty": ("searches_empty", _group_csv),
    "searches-bounced": ("searches_bounced", _group_csv),
    "searches-contacted": ("searches_contacted", _group_csv),
    "pages-contacted": ("pages_contacted", dict),
    "copied": ("copied", _copied_csv),
    "daily": ("daily", dict),
}


def render_csv(report: dict[str, Any], table: str = "answers") -> str:
    """One table of the report as CSV, one row per answer, search group, page or day."""
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
