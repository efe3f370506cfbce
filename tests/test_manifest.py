from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from helpcenter.content.load import load_site
from helpcenter.manifest import (
    FILE_NAME,
    VERSION,
    Manifest,
    ManifestError,
    build_manifest,
    read_manifest,
    to_json,
    write_manifest,
)
from tests.conftest import CONTENT, ROOT

EDIT = "https://github.com/toko-senja/pusat-bantuan/edit/main/content/"


@pytest.fixture(scope="module")
def manifest() -> Manifest:
    site = load_site(CONTENT, date(2026, 11, 25), display_root=ROOT)
    return build_manifest(site, "https://bantuan.tokosenja.example/", "id", edit_url=EDIT)


def test_every_page_has_its_file_owner_and_review_dates(manifest: Manifest) -> None:
    payment = manifest.page("faq/pembayaran/")
    assert payment.file == "content/faq/pembayaran.md"
    assert payment.url == "https://bantuan.tokosenja.example/faq/pembayaran/"
    assert payment.type == "faq" and payment.is_article and not payment.is_index
    assert payment.owner.startswith("@")
    assert payment.review_due > payment.reviewed
    assert payment.question("bayar-cod").text == "Bisa bayar di tempat (COD)?"
    assert manifest.anchors["faq/pembayaran/"] >= {"bayar-cod"}


def test_landing_pages_and_plain_pages_are_no_articles(manifest: Manifest) -> None:
    assert manifest.page("faq/").is_index and not manifest.page("faq/").is_article
    assert not manifest.page("kontak/").is_article


def test_policies_carry_effective_date_and_version(manifest: Manifest) -> None:
    policies = [p for p in manifest.pages if p.type == "policy"]
    assert len(policies) == 6, "five policies and the announced version of one"
    assert all(p.effective and p.version and p.summary for p in policies)


def test_it_carries_what_the_endpoint_and_report_need_so_nobody_reads_content(manifest: Manifest) -> None:
    assert any({"ongkir", "ongkos kirim", "shipping fee"} <= set(group) for group in manifest.synonyms)
    assert manifest.edit_link("content/faq/pembayaran.md") == EDIT + "faq/pembayaran.md"


def test_written_manifest_reads_back_and_is_world_readable(tmp_path: Path, manifest: Manifest) -> None:
    path = write_manifest(tmp_path, manifest)
    assert path.name == FILE_NAME
    assert read_manifest(path) == manifest
    assert json.loads(path.read_text())["version"] == VERSION
    assert path.stat().st_mode & stat.S_IROTH


def test_a_policy_field_is_written_only_for_policies(manifest: Manifest) -> None:
    pages = {page["path"]: page for page in to_json(manifest)["pages"]}
    assert "effective" in pages["kebijakan/refund/"] and "effective" not in pages["faq/pembayaran/"]


@pytest.mark.parametrize(("content", "message"), [
    ("{", "cannot read the manifest helpcenter-manifest.json: JSONDecodeError"),
    ('{"format": "other"}', "is not a help center manifest"),
    ('{"format": "helpcenter-manifest", "version": 99}', f"has manifest version 99, this code reads version {VERSION}"),
    (f'{{"format": "helpcenter-manifest", "version": {VERSION}, "pages": [{{}}]}}', "is damaged"),
])
def test_unknown_manifests_are_refused_without_the_server_path(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(content)
    with pytest.raises(ManifestError, match=message) as raised:
        read_manifest(path)
    assert str(tmp_path) not in str(raised.value)


@pytest.mark.parametrize(("edit_url", "line", "link"), [
    ("https://github.com/toko/bantuan/edit/main/content/", 80,
     "https://github.com/toko/bantuan/edit/main/content/faq/x.md#L80"),
    ("https://github.com/toko/bantuan/edit/main/content/", None,
     "https://github.com/toko/bantuan/edit/main/content/faq/x.md"),
    # GitLab's and other editors take no line: the file only.
    ("https://gitlab.com/toko/bantuan/-/edit/main/content/", 80,
     "https://gitlab.com/toko/bantuan/-/edit/main/content/faq/x.md"),
    ("", 80, ""),
])
def test_the_edit_link_opens_the_line_where_the_editor_can(edit_url: str, line: int | None, link: str) -> None:
    manifest = Manifest(site_url="", language="id", pages=(), edit_url=edit_url)
    assert manifest.edit_link("content/faq/x.md", line) == link
