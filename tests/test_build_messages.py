"""The build speaks to CS leads as the check does: Indonesian by default, English by HELPCENTER_LANG=en, every
problem with its file and line; an impossible date is one of them, never a traceback."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import main
from helpcenter.content.check import check_content
from helpcenter.content.frontmatter import parse
from tests.conftest import mkdocs_build

FAQ = """---
type: faq
title: Pesanan
description: Pertanyaan soal pesanan.
owner: "@cs-lead"
reviewed: {reviewed}
---

## Kapan pesanan saya dikirim? {{#kirim}}

Di hari kerja yang sama.
"""
POLICY = """---
type: policy
title: Kebijakan Retur
description: Syarat retur.
owner: "@cs-lead"
reviewed: 2026-11-01
effective: {effective}
version: "1.0"
summary: Retur dalam 7 hari.
history:
  - version: "1.0"
    effective: {effective}
    changes: Versi pertama.
---

Isi kebijakan.
"""


@pytest.fixture
def impossible_dates(content_copy: Path) -> Path:
    """The sample with `reviewed: 2026-02-30` on an FAQ page and `effective: 2026-13-01` on a policy."""
    (content_copy / "faq" / "tanggal.md").write_text(FAQ.format(reviewed="2026-02-30"), encoding="utf-8")
    (content_copy / "kebijakan" / "tanggal.md").write_text(POLICY.format(effective="2026-13-01"), encoding="utf-8")
    return content_copy


@pytest.mark.parametrize(("value", "kept"), [("2026-02-30", "2026-02-30"), ("2026-13-01", "2026-13-01"),
                                             ("2026-02-28", date(2026, 2, 28))])
def test_a_date_that_cannot_exist_stays_text_for_the_schema(value: str, kept: object) -> None:
    assert parse(f"---\nreviewed: {value}\n---\n").data == {"reviewed": kept}


def test_the_check_names_file_line_and_field(impossible_dates: Path) -> None:
    site = check_content(impossible_dates, date(2026, 11, 25))
    assert sorted((p.file.rsplit("content/", 1)[1], p.line, p.field, p.code) for p in site.problems) == [
        ("faq/tanggal.md", 6, "reviewed", "field.date_unreal"),
        ("kebijakan/tanggal.md", 7, "effective", "field.date_unreal"),
        ("kebijakan/tanggal.md", 12, "history.0.effective", "field.date_unreal")]
    result = CliRunner().invoke(main, ["check", str(impossible_dates), "--today", "2026-11-25"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "  6: kesalahan: 'reviewed' harus tanggal yang ada, seperti 2026-01-31, isinya '2026-02-30'" \
        in result.output


def test_the_build_stops_in_indonesian_with_every_error(impossible_dates: Path) -> None:
    result = mkdocs_build(impossible_dates, impossible_dates.parent)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "3 kesalahan di konten, situs tidak dibangun:" in result.stderr
    assert ("content/faq/tanggal.md:6: 'reviewed' harus tanggal yang ada, seperti 2026-01-31, isinya "
            "'2026-02-30'") in result.stderr
    assert ("content/kebijakan/tanggal.md:7: 'effective' harus tanggal yang ada, seperti 2026-01-31, isinya "
            "'2026-13-01'") in result.stderr


def test_the_build_speaks_english_when_set(impossible_dates: Path) -> None:
    result = mkdocs_build(impossible_dates, impossible_dates.parent, env={"HELPCENTER_LANG": "en"})
    assert result.returncode == 1
    assert "3 content errors, the site was not built:" in result.stderr
    assert "content/faq/tanggal.md:6: 'reviewed' must be a real date like 2026-01-31, got '2026-02-30'" \
        in result.stderr


def test_warnings_are_indonesian_too(content_copy: Path) -> None:
    page = content_copy / "faq" / "garansi.md"
    page.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2024-01-15", page.read_text()))
    result = mkdocs_build(content_copy, content_copy.parent, strict=False)
    assert result.returncode == 0
    assert "content/faq/garansi.md:" in result.stderr
    assert "halaman ini seharusnya diperiksa ulang pada 2025-01-15 ('reviewed' 2024-01-15, setiap 12 bulan)" \
        in result.stderr


def test_an_unknown_language_stops_the_build_with_its_name(tmp_path: Path, content_copy: Path) -> None:
    result = mkdocs_build(content_copy, tmp_path, env={"HELPCENTER_LANG": "fr"})
    assert result.returncode == 1
    assert "HELPCENTER_LANG harus salah satu dari id, en, isinya 'fr'" in result.stderr


def test_a_draft_answer_stops_the_build_unless_drafts_are_allowed(content_copy: Path) -> None:
    page = content_copy / "faq" / "pembayaran.md"
    page.write_text(page.read_text() + "\n## Bisa pre order? {#pre-order}\n\nTODO: tulis jawabannya.\n")
    line = len(page.read_text().splitlines())
    refused = mkdocs_build(content_copy, content_copy.parent)
    assert refused.returncode == 1
    assert (f"content/faq/pembayaran.md:{line}: jawaban untuk 'Bisa pre order?' masih draf ('TODO')"
            in refused.stderr)
    allowed = mkdocs_build(content_copy, content_copy.parent, strict=False, env={"HELPCENTER_DRAFTS": "1"})
    assert allowed.returncode == 0, allowed.stderr
    assert f"WARNING -  content/faq/pembayaran.md:{line}: jawaban untuk 'Bisa pre order?'" in allowed.stderr
