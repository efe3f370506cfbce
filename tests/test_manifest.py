from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.site import load_site
from helpcenter.manifest import FILE_NAME, ManifestError, build_manifest, read_manifest, write_manifest
from tests.conftest import CONTENT, ROOT


@pytest.fixture(scope="module")
def manifest() -> dict:
    site = load_site(CONTENT, date(2026, 11, 25), display_root=ROOT)
    return build_manifest(site, "https://bantuan.tokosenja.example/", "id")


def test_every_page_has_its_source_owner_and_review_dates(manifest: dict) -> None:
    payment = next(p for p in manifest["pages"] if p["path"] == "faq/pembayaran/")
    assert payment["source"] == "content/faq/pembayaran.md"
    assert payment["url"] == "https://bantuan.tokosenja.example/faq/pembayaran/"
    assert payment["type"] == "faq"
    assert payment["owner"].startswith("@")
    assert payment["review_due"] > payment["reviewed"]
    assert {"anchor": "bayar-cod", "question": "Bisa bayar di tempat (COD)?"}.items() <= next(
        q for q in payment["questions"] if q["anchor"] == "bayar-cod").items()


def test_policies_carry_effective_date_and_version(manifest: dict) -> None:
    policies = [p for p in manifest["pages"] if p["type"] == "policy"]
    assert len(policies) == 5
    assert all(p["effective"] and p["version"] and p["summary"] for p in policies)


def test_written_manifest_reads_back_and_is_world_readable(tmp_path: Path, manifest: dict) -> None:
    path = write_manifest(tmp_path, manifest)
    assert path.name == FILE_NAME
    assert read_manifest(path) == json.loads(json.dumps(manifest))
    assert path.stat().st_mode & stat.S_IROTH


@pytest.mark.parametrize(("content", "message"), [
    ("{", "cannot read the manifest"),
    ('{"format": "other"}', "is not a help center manifest"),
    ('{"format": "helpcenter-manifest", "version": 99}', "has manifest version 99, this code reads version 1"),
])
def test_unknown_manifests_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(content)
    with pytest.raises(ManifestError, match=message):
        read_manifest(path)
