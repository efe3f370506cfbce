"""Draft answers for searches that find nothing: one question per group, with a `TODO` answer, added to the FAQ
page the search's words point to, and committed on a branch of its own, ready for a pull request.

The content check refuses a `TODO` answer (`helpcenter.content.checks.drafts`), so the pull request stays red
until a CS lead has written each answer: a draft can be reviewed and finished, never merged unfinished.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from helpcenter.manifest import Manifest
from helpcenter.messages.report import word
from helpcenter.report.actions import still_unanswered
from helpcenter.report.render import escape_markdown
from helpcenter.report.site_search import answer_home
from helpcenter.search.engine import SearchEngine

QUESTION_LENGTH = 100


class DraftError(Exception):
    """The drafts cannot be written as asked (no git repository, changes in the way, branch taken)."""


@dataclass(frozen=True)
class Draft:
    file: str
    """The FAQ file it goes into, `content/faq/pembayaran.md`."""
    anchor: str
    question: str
    text: str
    """The Markdown appended to the file: the question's heading and its `TODO` answer."""


def plan_drafts(report: dict[str, Any], manifest: Manifest, search: SearchEngine | None,
                language: str = "id") -> list[Draft]:
    """A draft for every group of searches without results that calls for a new answer and that today's search
    still cannot answer, on the FAQ page it belongs to; largest groups first."""
    drafts: list[Draft] = []
    taken: dict[str, set[str]] = {page.file: {q.anchor for q in page.questions} for page in manifest.pages}
    period = report["period"]
    for group in report["searches_empty"]:
        if group["hint"] != "new_answer" or not still_unanswered(group):
            continue
        home = answer_home(search, manifest, group["query"])
        if home is None:
            continue
        anchor = _free_anchor(_slug(group["query"]), taken.setdefault(home.file, set()))
        taken[home.file].add(anchor)
        question = _question(group["query"])
        searches = ", ".join(f"\"{escape_markdown(variant['query'])}\" ({variant['count']}x)"
                             for variant in group["variants"][:5])
        answer = word("draft.answer", language, searches=searches, days=period["days"], until=period["until"])
        drafts.append(Draft(home.file, anchor, question, f"## {question} {{#{anchor}}}\n\n{answer}\n"))
    return drafts


def _question(query: str) -> str:
    """The query as a heading to reword: one line, Markdown-escaped, a capital first, a question mark last."""
    text = escape_markdown(" ".join(query.split())[:QUESTION_LENGTH]).rstrip("\\?!. ")
    return (text[:1].upper() + text[1:] + "?") if text else "?"


def _slug(query: str) -> str:
    """An anchor from the query: ASCII letters, digits and hyphens, starting with a letter."""
    ascii_text = unicodedata.normalize("NFKD", query).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40].strip("-")
    return slug if slug[:1].isalpha() else f"q-{slug}".rstrip("-")


def _free_anchor(anchor: str, taken: set[str]) -> str:
    candidate, number = anchor, 2
    while candidate in taken:
        candidate, number = f"{anchor}-{number}", number + 1
    return candidate


def write_drafts(root: Path, drafts: Iterable[Draft]) -> list[str]:
    """Append each draft to its file below `root` (the repository); return the files changed."""
    changed: dict[str, list[str]] = {}
    for draft in drafts:
        changed.setdefault(draft.file, []).append(draft.text)
    for file, texts in changed.items():
        path = root / file
        if not path.is_file():
            raise DraftError(f"{file} does not exist in {root}: is this the help center the site was built from?")
        current = path.read_text(encoding="utf-8")
        path.write_text(current.rstrip("\n") + "\n\n" + "\n".join(texts), encoding="utf-8")
    return sorted(changed)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)


def commit_drafts(root: Path, drafts: list[Draft], branch: str, message: str) -> list[str]:
    """On a new branch `branch` from the current commit: write the drafts and commit them. The repository must
    have no uncommitted change in the files touched; the new branch stays checked out, ready to push."""
    if _git(root, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise DraftError(f"{root} is not a git repository: run 'git init' there first")
    if _git(root, "check-ref-format", "--branch", branch).returncode != 0:
        raise DraftError(f"'{branch}' is not a valid branch name")
    if _git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}").returncode == 0:
        raise DraftError(f"the branch '{branch}' already exists: choose another with --branch")
    files = sorted({draft.file for draft in drafts})
    dirty = _git(root, "status", "--porcelain", "--", *files).stdout.strip()
    if dirty:
        raise DraftError(f"uncommitted changes in {', '.join(files)}: commit or stash them first")
    switched = _git(root, "switch", "-c", branch)
    if switched.returncode != 0:
        raise DraftError(f"cannot create the branch '{branch}': {switched.stderr.strip()}")
    written = write_drafts(root, drafts)
    _git(root, "add", "--", *written)
    committed = _git(root, "commit", "--quiet", "-m", message, "--", *written)
    if committed.returncode != 0:
        raise DraftError(f"cannot commit on '{branch}': {committed.stderr.strip() or committed.stdout.strip()}")
    return written


def default_branch(today: date) -> str:
    return f"draf-jawaban/{today.isoformat()}"
