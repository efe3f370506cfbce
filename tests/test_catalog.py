"""The endpoint's view of the manifest (feedback_api/manifest.py): pages in memory, a new build picked up, the last
complete manifest kept."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from feedback_api.manifest import Catalog
from helpcenter.manifest import FILE_NAME, Manifest, ManifestError, PageRecord, QuestionRecord, write_manifest


def _manifest(*pages: tuple[str, list[str]]) -> Manifest:
    day = date(2026, 11, 1)
    return Manifest(site_url="", language="id", pages=tuple(
        PageRecord(path=path, file=f"content/{path or 'index'}.md", url="", type="faq", title="?", description="",
                   owner="cs", reviewed=day, review_due=day,
                   questions=tuple(QuestionRecord(anchor=a, text="?", line=1) for a in anchors))
        for path, anchors in pages))


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_pages_and_questions_are_known(tmp_path: Path, clock: Clock) -> None:
    catalog = Catalog(write_manifest(tmp_path, _manifest(("faq/pembayaran/", ["bayar-cod"]), ("", []))), clock=clock)
    assert catalog.problem("faq/pembayaran/", "bayar-cod") is None
    assert catalog.problem("", None) is None
    assert catalog.problem("faq/lain/", None) == "unknown page 'faq/lain/': not a page of this help center"
    assert catalog.problem("", "bayar-cod") == "unknown question 'bayar-cod' on page ''"


def test_a_new_build_is_picked_up_after_the_recheck_interval_and_not_looked_for_before(tmp_path: Path,
                                                                                        clock: Clock) -> None:
    path = write_manifest(tmp_path, _manifest(("faq/lama/", [])))
    catalog = Catalog(path, recheck=1.0, clock=clock)
    assert set(catalog.pages()) == {"faq/lama/"}
    write_manifest(tmp_path, _manifest(("faq/baru/", ["q1"])))
    clock.now += 0.5
    assert set(catalog.pages()) == {"faq/lama/"}, "within the interval the file is not looked at"
    clock.now += 0.5
    assert catalog.pages() == {"faq/baru/": frozenset({"q1"})}


def test_a_manifest_that_cannot_be_read_keeps_the_last_complete_one(tmp_path: Path, clock: Clock) -> None:
    path = write_manifest(tmp_path, _manifest(("faq/lama/", [])))
    catalog = Catalog(path, clock=clock)
    assert set(catalog.pages()) == {"faq/lama/"}
    path.write_text('{"format": "helpcenter-manifest", "version": 1, "pages": [')
    os.utime(path, ns=(1, 1))
    clock.now += 2
    assert set(catalog.pages()) == {"faq/lama/"}
    path.unlink()
    clock.now += 2
    assert set(catalog.pages()) == {"faq/lama/"}, "between two builds"


def test_without_a_complete_manifest_there_is_no_telling(tmp_path: Path, clock: Clock) -> None:
    catalog = Catalog(tmp_path / FILE_NAME, clock=clock)
    with pytest.raises(ManifestError, match=r"no manifest yet \(helpcenter-manifest.json\)"):
        catalog.problem("faq/pembayaran/", None)
    (tmp_path / FILE_NAME).write_text("{ not a manifest")
    clock.now += 2
    with pytest.raises(ManifestError, match="cannot read the manifest"):
        catalog.problem("faq/pembayaran/", None)
    write_manifest(tmp_path, _manifest(("faq/pembayaran/", [])))
    clock.now += 2
    assert catalog.problem("faq/pembayaran/", None) is None
