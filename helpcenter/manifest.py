"""The build manifest: one JSON file that every later part (endpoint, search, report, checks) reads.

Format "helpcenter-manifest", version 1 (documented in README.md, "The build manifest"). A change to the shape of a
record is a new version; readers refuse versions they do not know.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from helpcenter.content.review import review_due
from helpcenter.content.site import Site

FILE_NAME = "helpcenter-manifest.json"
FORMAT = "helpcenter-manifest"
VERSION = 1


class ManifestError(ValueError):
    """The manifest is missing, unreadable or of a format this code does not know."""


def build_manifest(site: Site, site_url: str = "", language: str = "id") -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "site_url": site_url,
        "language": language,
        "pages": [_page_record(page, site_url) for page in sorted(site.pages, key=lambda p: p.source)],
    }


def _page_record(page: Any, site_url: str) -> dict[str, Any]:
    meta = page.meta
    record: dict[str, Any] = {
        "path": page.url,
        "url": urljoin(site_url, page.url) if site_url else page.url,
        "source": page.path,
        "type": meta.type,
        "title": meta.title,
        "description": meta.description,
        "owner": meta.owner,
        "reviewed": meta.reviewed.isoformat(),
        "review_due": review_due(meta.reviewed, meta.review_months).isoformat(),
        "questions": [{"anchor": q.anchor, "question": q.text, "line": q.line} for q in page.questions],
    }
    if meta.type == "policy":
        record.update(effective=meta.effective.isoformat(), version=meta.version, summary=meta.summary)
    if meta.type == "tutorial":
        record.update(duration=meta.duration, steps=len(page.steps))
    return record


def write_manifest(directory: Path, manifest: dict[str, Any]) -> Path:
    """Write atomically, so a reader never sees half a manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / FILE_NAME
    # Compact, in one dumps call: that is the C encoder; dump or indent fall back to the pure-Python one, several
    # times slower on a large site. Pretty-print it with `python -m json.tool` to read it.
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, suffix=".tmp") as tmp:
        tmp.write(text)
    os.chmod(tmp.name, 0o644)
    os.replace(tmp.name, target)
    return target


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ManifestError(f"cannot read the manifest {path}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError(f"{path} is not a help center manifest")
    if data.get("version") != VERSION:
        raise ManifestError(f"{path} has manifest version {data.get('version')}, this code reads version {VERSION}")
    return data
