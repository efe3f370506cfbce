"""The `helpcenter` command: what CS leads and CI run against the content folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from helpcenter.problems import errors, warnings
from helpcenter.site import load_site


@click.group()
@click.version_option(package_name="helpcenter")
def main() -> None:
    """Tools for a help center kept as Markdown in a Git repository."""


@main.command()
@click.argument("content", default="content", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings (pages past their review date) as errors.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Check review dates as of this day (YYYY-MM-DD) instead of today.")
def check(content: Path, strict: bool, today: object) -> None:
    """Check every page's front matter and structure; list every problem with file and line.

    \b
    Example:
      helpcenter check content --strict
    """
    day = today.date() if today else date.today()  # type: ignore[attr-defined]
    site = load_site(content, day)
    for problem in site.problems:
        click.echo(f"{problem} [{problem.severity.value}]", err=True)
    failed = errors(site.problems) or (strict and warnings(site.problems))
    questions = sum(len(page.questions) for page in site.pages)
    summary = (f"{len(site.pages)} pages, {questions} questions: {len(errors(site.problems))} errors, "
               f"{len(warnings(site.problems))} warnings")
    click.echo(summary)
    if failed:
        raise SystemExit(1)
