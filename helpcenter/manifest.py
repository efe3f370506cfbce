"""The build manifest: the one artifact that ties a build to everything after it (endpoint, report, demo data).

Typed records, written and read only here. One name per concept, everywhere in the project:

- `file`: the content file as a CS lead sees it in the repository, `content/faq/pembayaran.md`;
- `path`: the page's URL path below the site root, `faq/pembayaran/` (what votes and events name as `page`);
- `anchor`: a question's anchor on its page, `bayar-cod`;
- `url`: the page's public address, `https://bantuan.tokosenja.example/faq/pembayaran/`.

Format "helpcenter-manifest", version 2 (documented in README.md, "The build manifest"). A change to the shape of
a record is a new version; readers refuse versions they do not know, so an endpoint never guesses.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from helpcenter.content.pages import ARTICLE_TYPES
from helpcenter.content.review import review_due
from helpcenter.content.site import Site

FILE_NAME = "helpcenter-manifest.json"
PATH_VARIABLE = "HELPCENTER_MANIFEST"
DEFAULT_PATH = Path("site") / FILE_NAME
FORMAT = "helpcenter-manifest"
VERSION = 2


def manifest_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the live site's manifest is, as the endpoint reads it (HELPCENTER_MANIFEST)."""
    environ = os.environ if environ is None else environ
    return Path(environ.get(PATH_VARIABLE) or DEFAULT_PATH)


class ManifestError(ValueError):
    """The manifest is missing, unreadable or of a format this code does not know."""


@dataclass(frozen=True)
class QuestionRecord:
    anchor: str
    text: str
    line: int
    """The line of the question's heading in its page's file."""


@dataclass(frozen=True)
class PageRecord:
    path: str
    file: str
    url: str
    type: str
    title: str
    description: str
    owner: str
    reviewed: date
    review_due: date
    is_index: bool = False
    """A section's landing page (its folder's index.md)."""
    questions: tuple[QuestionRecord, ...] = ()
    effective: date | None = None
    """Policies: the day the current version took effect; also `version` and `summary`."""
    version: str | None = None
    summary: str | None = None
    duration: int | None = None
    """Tutorials: minutes the task takes; also `steps`, how many steps it has."""
    steps: int | None = None

    @property
    def is_article(self) -> bool:
        """A page that answers something customers can rate: an FAQ page, a policy, a tutorial."""
        return self.type in ARTICLE_TYPES and not self.is_index

    def question(self, anchor: str) -> QuestionRecord | None:
        return next((question for question in self.questions if question.anchor == anchor), None)


@dataclass(frozen=True)
class Manifest:
    site_url: str
    language: str
    pages: tuple[PageRecord, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    """The groups of content/synonyms.yml, as the search of this build used them."""
    edit_url: str = ""
    """Where a content file is edited in the repository: the edit link's prefix, `file` below `content/` appended
    (mkdocs.yml's `edit_uri`); empty when the shop set none."""

    def page(self, path: str) -> PageRecord | None:
        return self._by_path.get(path)

    @functools.cached_property
    def _by_path(self) -> dict[str, PageRecord]:
        return {page.path: page for page in self.pages}

    @functools.cached_property
    def anchors(self) -> dict[str, frozenset[str]]:
        """Page path -> the question anchors on it: what a vote or an event may name."""
        return {page.path: frozenset(question.anchor for question in page.questions) for page in self.pages}

    def edit_link(self, file: str, line: int | None = None) -> str:
        """The repository's editor for a content file, or '' without an edit URL; with `line`, at that line where
        the host's editor takes one (GitHub's web editor puts the cursor on `#L80`)."""
        if not self.edit_url or not file.startswith(_CONTENT):
            return ""
        link = self.edit_url.rstrip("/") + "/" + file[len(_CONTENT):]
        if line and _LINE_ANCHOR.match(link):
            link += f"#L{line}"
        return link


_CONTENT = "content/"
# Editors known to open a file at `#L<line>`: github.com's (https://github.com/<owner>/<repo>/edit/<branch>/...).
_LINE_ANCHOR = re.compile(r"^https://github\.com/[^/]+/[^/]+/edit/")


def build_manifest(site: Site, site_url: str = "", language: str = "id", edit_url: str = "") -> Manifest:
    return Manifest(
        site_url=site_url,
        language=language,
        pages=tuple(_page_record(page, site_url) for page in sorted(site.pages, key=lambda p: p.source)),
        synonyms=site.synonyms.written,
        edit_url=edit_url,
    )


def _page_record(page: Any, site_url: str) -> PageRecord:
    meta = page.meta
    extra: dict[str, Any] = {}
    if meta.type == "policy":
        extra.update(effective=meta.effective, version=meta.version, summary=meta.summary)
    if meta.type == "tutorial":
        extra.update(duration=meta.duration, steps=len(page.steps))
    return PageRecord(
        path=page.path, file=page.file, url=urljoin(site_url, page.path) if site_url else page.path,
        type=meta.type, title=meta.title, description=meta.description, owner=meta.owner, reviewed=meta.reviewed,
        review_due=review_due(meta.reviewed, meta.review_months), is_index=page.is_index,
        questions=tuple(QuestionRecord(q.anchor, q.text, q.line) for q in page.questions), **extra,
    )


# ---------------------------------------------------------------------------------------------------- JSON

def to_json(manifest: Manifest) -> dict[str, Any]:
    """The manifest as JSON data: dates as ISO text, a policy's or tutorial's own fields only on those pages."""
    pages = []
    for page in manifest.pages:
        record = {key: value for key, value in dataclasses.asdict(page).items()
                  if value is not None or key in _ALWAYS}
        pages.append({key: value.isoformat() if isinstance(value, date) else value for key, value in record.items()})
    return {"format": FORMAT, "version": VERSION, "site_url": manifest.site_url, "language": manifest.language,
            "edit_url": manifest.edit_url, "synonyms": [list(group) for group in manifest.synonyms], "pages": pages}


_ALWAYS = frozenset(field.name for field in dataclasses.fields(PageRecord) if field.default is not None)
_DATES = ("reviewed", "review_due", "effective")


def from_json(data: Any, shown: str = "the manifest") -> Manifest:
    """Records from JSON data; ManifestError names what is wrong, never a Python traceback."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError(f"{shown} is not a help center manifest")
    if data.get("version") != VERSION:
        raise ManifestError(f"{shown} has manifest version {data.get('version')}, this code reads version {VERSION}")
    try:
        pages = tuple(_page_from_json(page) for page in data["pages"])
        return Manifest(site_url=data["site_url"], language=data["language"], pages=pages,
                        synonyms=tuple(tuple(group) for group in data.get("synonyms", ())),
                        edit_url=data.get("edit_url", ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise ManifestError(f"{shown} is damaged ({type(exc).__name__}: {exc})") from None


def _page_from_json(record: dict[str, Any]) -> PageRecord:
    values = {**record, "questions": tuple(QuestionRecord(**question) for question in record["questions"])}
    for key in _DATES:
        if values.get(key) is not None:
            values[key] = date.fromisoformat(values[key])
    return PageRecord(**values)


def write_manifest(directory: Path, manifest: Manifest) -> Path:
    """Write atomically, so a reader never sees half a manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / FILE_NAME
    # Compact, in one dumps call: that is the C encoder; dump or indent fall back to the pure-Python one, several
    # times slower on a large site. Pretty-print it with `python -m json.tool` to read it.
    text = json.dumps(to_json(manifest), ensure_ascii=False, separators=(",", ":"))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, suffix=".tmp") as tmp:
        tmp.write(text)
    os.chmod(tmp.name, 0o644)
    os.replace(tmp.name, target)
    return target


def read_manifest(path: Path) -> Manifest:
    """The manifest at `path`; errors name the file by its name only, so no server path reaches a response."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise ManifestError(f"cannot read the manifest {path.name}: {reason}") from None
    return from_json(data, path.name)
