"""`helpcenter report`, `draft-answers`, `demo-data` and `retention` through click's runner, on real SQLite files
(and, for the drafts, a real git repository)."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from helpcenter.cli import main
from helpcenter.content.check import check_content
from helpcenter.feedback import store
from helpcenter.feedback.database import make_engine
from helpcenter.manifest import FILE_NAME
from tests.report_data import PERIOD, fresh_store, record_sample, write_sample_site


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A store with the hand-counted sample, configured as the real one, and the built site (manifest and search
    index) beside it."""
    manifest = write_sample_site(tmp_path / "site")
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    with fresh_store(url) as engine, engine.begin() as connection:
        record_sample(connection)
    monkeypatch.setenv("HELPCENTER_DATABASE_URL", url)
    monkeypatch.setenv("HELPCENTER_MANIFEST", str(manifest))
    monkeypatch.chdir(tmp_path)
    return {"url": url, "manifest": str(manifest)}


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("output_format", "start"), [("markdown", "# Laporan celah"), ("html", "<!doctype html>"),
                                                      ("csv", "rank,kind"), ("json", "{"),
                                                      ("github-issue", "**Laporan celah 2026-11-01")])
def test_report_in_each_format(setup, output_format: str, start: str) -> None:
    result = _run("report", "--until", str(PERIOD.until), "--days", "10", "--format", output_format)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(start)


def test_report_to_a_file_with_since_and_until(setup, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    result = _run("report", "--since", str(PERIOD.since), "--until", str(PERIOD.until), "--format", "json",
                  "-o", str(target))
    assert result.exit_code == 0
    report = json.loads(target.read_text())
    assert report["period"] == PERIOD.as_dict() and report["totals"]["visits"] == 26


def test_report_csv_table(setup) -> None:
    result = _run("report", "--until", str(PERIOD.until), "--days", "10", "--format", "csv", "--table",
                  "searches-empty")
    assert result.output.splitlines()[1].startswith("pengiriman,kirim,2,4,")


def test_the_report_asks_the_built_sites_search_again(setup, tmp_path: Path) -> None:
    """By default the site beside the manifest; without one the searches stay unchecked, and the report says so."""
    args = ["report", "--until", str(PERIOD.until), "--days", "10", "--format", "json"]
    checked = json.loads(_run(*args).output)
    assert checked["searches_checked"] and checked["searches_empty"][1]["now"]["answers"]
    unchecked = json.loads(_run(*args, "--site", str(tmp_path)).output)
    assert not unchecked["searches_checked"] and "now" not in unchecked["searches_empty"][1]
    markdown = _run("report", "--until", str(PERIOD.until), "--days", "10", "--site", str(tmp_path)).output
    assert "Pencarian hari ini tidak diperiksa" in markdown


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2026-11-20", "--until", "2026-11-10"], "the period starts 2026-11-20, after its last day 2026-11-10"),
    (["--until", "0001-01-01"], "0001-01-01 is too early"),
    (["--since", "2000-01-10", "--until", "2000-01-20"], "2000-01-10 is too early"),
    (["--database", "sqlite:///nowhere/empty.sqlite3"], "no feedback store at sqlite:///nowhere/empty.sqlite3"),
    (["--manifest", "missing.json"], "cannot read the manifest missing.json"),
    (["--database", "nonsense"], "not a database URL: nonsense"),
])
def test_report_errors_are_one_clear_line(setup, tmp_path: Path, args: list[str], message: str) -> None:
    result = _run("report", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert not (tmp_path / "nowhere").exists()


def test_demo_data_fills_a_separate_store_and_refuses_the_real_one(setup, built_site: Path, tmp_path: Path) -> None:
    refused = _run("demo-data", "--database", setup["url"])
    assert refused.exit_code == 1 and "is the configured feedback store" in refused.output
    demo = f"sqlite:///{tmp_path / 'var' / 'demo.sqlite3'}"
    manifest = str(built_site / FILE_NAME)
    result = _run("demo-data", "--database", demo, "--visits", "300", "--manifest", manifest)
    assert result.exit_code == 0 and result.output.startswith(f"{demo}: 300 visits, ")
    report = json.loads(_run("report", "--database", demo, "--format", "json", "--manifest", manifest).output)
    assert report["totals"]["visits"] > 0 and report["answers"] and report["searches_empty"]


def test_demo_data_needs_the_built_sites_search(setup) -> None:
    result = _run("demo-data", "--database", "sqlite:///var/demo.sqlite3", "--site", "nowhere")
    assert result.exit_code == 1 and "has no help center search index" in result.output


def test_demo_data_into_the_real_store_only_when_asked_and_adds_only(setup, built_site: Path) -> None:
    result = _run("demo-data", "--database", setup["url"], "--visits", "50", "--into-configured-database",
                  "--manifest", str(built_site / FILE_NAME))
    assert result.exit_code == 0
    added = re.match(r".*: 50 visits, (\d+) votes, (\d+) events", result.output)
    assert added and _counts(setup["url"]) == [25 + int(added[1]), 15 + int(added[2])]  # nothing deleted


# ---- draft answers ------------------------------------------------------------------------------------------------

FAQ = """---
type: faq
title: Pembayaran
description: Cara membayar pesanan.
owner: "@dewi-lestari"
reviewed: 2026-11-01
---

## Bagaimana bayar dengan virtual account? {#bayar-va}

Pilih Virtual Account saat checkout.

## Bisa bayar di tempat (COD)? {#bayar-cod}

Bisa, untuk pesanan sampai Rp3.000.000.
"""


def _git(repository: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repository(setup, tmp_path: Path) -> Path:
    """The help center's repository on its main branch: one FAQ page, committed."""
    root = tmp_path / "bantuan"
    (root / "content" / "faq").mkdir(parents=True)
    (root / "content" / "faq" / "pembayaran.md").write_text(FAQ, encoding="utf-8")
    _git(root, "init", "--quiet", "--initial-branch", "main")
    _git(root, "-c", "user.name=CS", "-c", "user.email=cs@toko.example", "commit", "--quiet", "--allow-empty",
         "-m", "start")
    _git(root, "add", "content")
    _git(root, "-c", "user.name=CS", "-c", "user.email=cs@toko.example", "commit", "--quiet", "-m", "FAQ")
    _git(root, "config", "user.name", "CS")
    _git(root, "config", "user.email", "cs@toko.example")
    return root


def test_draft_answers_on_a_new_branch_and_the_check_refuses_them(setup, repository: Path, tmp_path: Path) -> None:
    """Without the built site's search (--site elsewhere) 'cicilan 0 persen' has no answer: one draft question,
    on the FAQ page that shares its words, committed on a new branch; main keeps no TODO."""
    result = _run("draft-answers", "--until", str(PERIOD.until), "--days", "10", "--repository", str(repository),
                  "--branch", "draf-jawaban/uji", "--site", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "content/faq/pembayaran.md: ## Cicilan 0 persen? {#cicilan-0-persen}" in result.output
    assert "committed on the new branch 'draf-jawaban/uji'" in result.output
    assert _git(repository, "branch", "--show-current").strip() == "draf-jawaban/uji"
    assert _git(repository, "status", "--porcelain") == ""
    page = (repository / "content" / "faq" / "pembayaran.md").read_text(encoding="utf-8")
    assert page.startswith(FAQ) and page.endswith(
        "\n## Cicilan 0 persen? {#cicilan-0-persen}\n\nTODO: tulis pertanyaannya seperti pelanggan bertanya, "
        "lalu jawabannya. Pelanggan mencari \"cicilan 0 persen\" (1x) (dalam 10 hari sampai 2026-11-10) tanpa "
        "hasil.\n")
    assert "TODO" not in _git(repository, "show", "main:content/faq/pembayaran.md")
    todo_line = page.splitlines().index(next(line for line in page.splitlines() if line.startswith("TODO"))) + 1
    site = check_content(repository / "content", date(2026, 11, 20))
    assert [(p.file.rsplit("/", 1)[-1], p.line, p.severity.value, p.code) for p in site.problems] == [
        ("pembayaran.md", todo_line, "error", "draft.todo_answer")]
    assert "'Cicilan 0 persen?' is still a draft ('TODO')" in site.problems[0].message
    drafts = check_content(repository / "content", date(2026, 11, 20), drafts=True)
    assert [p.severity.value for p in drafts.problems] == ["warning"]


def test_draft_answers_with_the_sites_search_finds_nothing_left_to_draft(setup, repository: Path) -> None:
    """Today's search answers both groups of the sample: no draft, no branch."""
    result = _run("draft-answers", "--until", str(PERIOD.until), "--days", "10", "--repository", str(repository))
    assert result.exit_code == 0 and "nothing to draft" in result.output
    assert _git(repository, "branch", "--show-current").strip() == "main"


@pytest.mark.parametrize(("prepare", "message"), [
    (lambda root: (root / "content" / "faq" / "pembayaran.md").write_text("changed"), "uncommitted changes in"),
    (lambda root: _git(root, "branch", "draf-jawaban/uji"), "the branch 'draf-jawaban/uji' already exists"),
    (lambda root: subprocess.run(["rm", "-rf", str(root / ".git")], check=True), "is not a git repository"),
])
def test_draft_answers_refuse_to_mix_with_other_work(setup, repository: Path, tmp_path: Path, prepare,
                                                     message: str) -> None:
    prepare(repository)
    result = _run("draft-answers", "--until", str(PERIOD.until), "--days", "10", "--repository", str(repository),
                  "--branch", "draf-jawaban/uji", "--site", str(tmp_path))
    assert result.exit_code == 1 and message in result.output


def test_a_store_without_tables_is_refused(setup, tmp_path: Path) -> None:
    (tmp_path / "empty.sqlite3").touch()
    result = _run("retention", "--older-than", "30", "--database", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert result.exit_code == 1 and "no feedback store at" in result.output


def test_retention_deletes_old_rows_and_says_how_many(setup) -> None:
    result = _run("retention", "--older-than", "30", "--today", "2026-11-11")
    assert result.exit_code == 0
    # Before 2026-10-12: the one vote of 2026-09-01.
    assert result.output == f"{setup['url']}: deleted 1 votes and 0 events from before 2026-10-12\n"
    assert _counts(setup["url"]) == [24, 15]


def _counts(url: str) -> list[int]:
    engine = make_engine(url)
    with engine.connect() as connection:
        counts = [connection.execute(select(func.count()).select_from(table)).scalar_one()
                  for table in (store.votes, store.events)]
    engine.dispose()
    return counts
