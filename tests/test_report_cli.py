"""`helpcenter report`, `demo-data` and `retention` through click's runner, on real SQLite files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from feedback_api import store
from feedback_api.database import make_engine
from helpcenter.cli import main
from helpcenter.manifest import write_manifest
from tests.report_data import MANIFEST, PERIOD, fresh_store, record_sample


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A store with the hand-counted sample, configured as the real one, and the manifest beside it."""
    manifest = write_manifest(tmp_path, MANIFEST)
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
                                                      ("csv", "rank,kind"), ("json", "{")])
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


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2026-11-20", "--until", "2026-11-10"], "--since 2026-11-20 is after --until 2026-11-10"),
    (["--database", "sqlite:///nowhere/empty.sqlite3"], "no feedback store at sqlite:///nowhere/empty.sqlite3"),
    (["--manifest", "missing.json"], "cannot read the manifest missing.json"),
    (["--database", "nonsense"], "not a database URL: nonsense"),
])
def test_report_errors_are_one_clear_line(setup, tmp_path: Path, args: list[str], message: str) -> None:
    result = _run("report", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert not (tmp_path / "nowhere").exists()


def test_demo_data_fills_a_separate_store_and_refuses_the_real_one(setup, tmp_path: Path) -> None:
    refused = _run("demo-data", "--database", setup["url"])
    assert refused.exit_code == 1 and "is the configured feedback store" in refused.output
    demo = f"sqlite:///{tmp_path / 'var' / 'demo.sqlite3'}"
    result = _run("demo-data", "--database", demo, "--visits", "300")
    assert result.exit_code == 0 and result.output.startswith(f"{demo}: 300 visits, ")
    report = json.loads(_run("report", "--database", demo, "--format", "json").output)
    assert report["totals"]["visits"] > 0 and report["answers"] and report["searches_empty"]


def test_demo_data_into_the_real_store_only_when_asked_and_adds_only(setup) -> None:
    result = _run("demo-data", "--database", setup["url"], "--visits", "50", "--into-configured-database")
    assert result.exit_code == 0
    added = re.match(r".*: 50 visits, (\d+) votes, (\d+) events", result.output)
    assert added and _counts(setup["url"]) == [25 + int(added[1]), 15 + int(added[2])]  # nothing deleted


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
