"""Policies announced ahead (helpcenter/content/announced.py): today's terms with a notice until the new version's
date, the new terms at the policy's address from a build on that day, and what the check says."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.build.state import build_date
from helpcenter.cli import main
from helpcenter.content.announced import notice, text_in_force
from helpcenter.content.load import load_site
from helpcenter.content.problems import Severity, build_warnings
from tests.conftest import CONTENT, ROOT, mkdocs_build

BEFORE, STARTS = date(2026, 12, 2), date(2026, 12, 15)


def test_before_its_date_the_policy_keeps_todays_terms_and_announces_the_new_ones() -> None:
    site = load_site(CONTENT, BEFORE)
    page, new = site.page("kebijakan/garansi.md"), site.page("kebijakan/garansi-2026-12.md")
    assert (page.meta.version, site.switched) == ("2.0", {})
    coming = notice(site, page, BEFORE)
    assert (coming.starts, coming.other, coming.is_new) == (STARTS, new, False)
    told = notice(site, new, BEFORE)
    assert (told.other, told.is_new) == (page, True)
    assert text_in_force(site, page.source) is None
    assert new not in site.of_type("policy"), "the footer and home page list today's policies"


@pytest.mark.parametrize("today", [STARTS, date(2027, 1, 5)])
def test_from_its_date_the_policy_shows_the_new_terms_at_its_own_address(today: date) -> None:
    site = load_site(CONTENT, today)
    page = site.page("kebijakan/garansi.md")
    assert (page.meta.version, page.meta.effective, page.meta.title) == ("2.1", STARTS, "Kebijakan Garansi")
    assert (page.path, page.file) == ("kebijakan/garansi/", "content/kebijakan/garansi.md")
    assert "paling lambat **1 hari kerja**" in text_in_force(site, page.source)
    assert notice(site, page, today) is None
    [passed] = [p for p in site.problems if p.code == "announced.passed"]
    assert (passed.file, passed.line, passed.field, passed.severity) == (
        "content/kebijakan/garansi.md", 10, "announced", Severity.WARNING)
    assert "applies since 2026-12-15" in passed.message
    assert build_warnings(site.problems)[0] == [], "the nightly --strict build still switches"


def _announce(content: Path, link: str, effective: str = "2026-12-15") -> None:
    new = content / "kebijakan" / "garansi-2026-12.md"
    new.write_text(re.sub(r"effective: 2026-12-15", f"effective: {effective}", new.read_text(), count=2))
    page = content / "kebijakan" / "garansi.md"
    page.write_text(page.read_text().replace("announced: garansi-2026-12.md", f"announced: {link}"))


@pytest.mark.parametrize(("link", "effective", "message"), [
    ("garansi-2027.md", "2026-12-15", "'announced' names 'garansi-2027.md', which is not a policy page in the "
                                      "content folder"),
    ("../faq/garansi.md", "2026-12-15", "'announced' names '../faq/garansi.md', which is not a policy page"),
    ("garansi-2026-12.md", "2026-01-01", "'announced' names 'garansi-2026-12.md', which takes effect on "
                                         "2026-01-01, not after this page's 'effective' (2026-02-01)"),
])
def test_a_wrong_announcement_names_file_line_and_field(content_copy: Path, link: str, effective: str,
                                                        message: str) -> None:
    _announce(content_copy, link, effective)
    site = load_site(content_copy, BEFORE)
    [found] = [p for p in site.problems if p.file.endswith("kebijakan/garansi.md")]
    assert (found.line, found.field, found.severity) == (10, "announced", Severity.ERROR)
    assert message in found.message


def test_the_check_warns_once_the_date_has_passed() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(CONTENT), "--today", "2026-12-16", "--lang", "en",
                                 "--config", str(ROOT / "mkdocs.yml")])
    assert ("content/kebijakan/garansi.md\n  10: warning: the announced version 'garansi-2026-12.md' applies since "
            "2026-12-15") in result.output
    assert result.exit_code == 0, "a warning, for the writer"
    strict = runner.invoke(main, ["check", str(CONTENT), "--today", "2026-12-16", "--strict",
                                  "--config", str(ROOT / "mkdocs.yml")])
    assert strict.exit_code == 1
    assert "versi yang diumumkan 'garansi-2026-12.md' berlaku sejak 2026-12-15" in strict.output


@pytest.mark.parametrize(("value", "expected"), [("2026-12-15", STARTS), ("", date.today())])
def test_the_build_date_is_today_or_the_date_given(value: str, expected: date) -> None:
    assert build_date(value) == expected


def test_a_wrong_build_date_says_what_is_expected() -> None:
    with pytest.raises(ValueError, match="must be a date like 2026-12-15, got '15-12-2026'"):
        build_date("15-12-2026")


@pytest.mark.parametrize(("day", "notice_text", "terms"), [
    ("2026-12-14", "Mulai 15 Desember 2026 berlaku aturan baru.", "paling lambat <strong>2 hari kerja</strong>"),
    ("2026-12-15", None, "paling lambat <strong>1 hari kerja</strong>"),
])
def test_the_build_switches_by_its_date(tmp_path: Path, day: str, notice_text: str | None, terms: str) -> None:
    result = mkdocs_build(CONTENT, tmp_path, env={"HELPCENTER_BUILD_DATE": day})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "kebijakan" / "garansi" / "index.html").read_text(encoding="utf-8")
    assert terms in html
    if notice_text:
        assert notice_text in html
        assert '<a href="../garansi-2026-12/">Baca aturan barunya</a>' in html
    else:
        assert "hc-notice" not in html and "Versi 2.1" in html


@pytest.mark.browser
def test_a_shopper_on_a_phone_sees_todays_terms_and_the_notice_first(browser, site_server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_server + "kebijakan/garansi/")
    notice_box = page.get_by_role("note")
    assert notice_box.inner_text().startswith("Mulai 15 Desember 2026 berlaku aturan baru.")
    assert notice_box.bounding_box()["y"] < 844, "on the first screen"
    assert page.get_by_text("Berlaku sejak 1 Februari 2026").is_visible()
    notice_box.get_by_role("link", name="Baca aturan barunya").tap()
    page.wait_for_url("**/kebijakan/garansi-2026-12/")
    back = page.get_by_role("note")
    assert back.inner_text() == ("Aturan ini berlaku mulai 15 Desember 2026. Sampai saat itu, yang berlaku adalah "
                                 "Kebijakan Garansi.")
    back.get_by_role("link", name="Kebijakan Garansi").tap()
    page.wait_for_url("**/kebijakan/garansi/")
    context.close()


def test_the_check_warns_when_the_built_site_still_shows_the_old_terms(tmp_path: Path) -> None:
    result = mkdocs_build(CONTENT, tmp_path, env={"HELPCENTER_BUILD_DATE": "2026-12-14"})
    assert result.returncode == 0, result.stderr
    runner = CliRunner()
    stale = runner.invoke(main, ["check", str(CONTENT), "--today", "2026-12-16", "--lang", "en",
                                 "--config", str(ROOT / "mkdocs.yml"), "--site", str(tmp_path / "site")])
    assert ("still shows version 2.0 of this policy, but version 2.1 applies since 2026-12-15: rebuild the site"
            in stale.output)
    rebuilt = mkdocs_build(CONTENT, tmp_path, env={"HELPCENTER_BUILD_DATE": "2026-12-16"})
    assert rebuilt.returncode == 0, rebuilt.stderr
    fresh = runner.invoke(main, ["check", str(CONTENT), "--today", "2026-12-16", "--lang", "en",
                                 "--config", str(ROOT / "mkdocs.yml"), "--site", str(tmp_path / "site")])
    assert "still shows" not in fresh.output
    assert "the announced version 'garansi-2026-12.md' applies since 2026-12-15" in fresh.output
