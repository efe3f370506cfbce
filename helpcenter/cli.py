"""The `helpcenter` command: what CS leads and CI run against the content folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from helpcenter.problems import errors, warnings
from helpcenter.report_cli import COMMANDS as REPORT_COMMANDS
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


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
def serve(host: str, port: int) -> None:
    """Serve the built site and the feedback API from one process, at one origin.

    Settings come from HELPCENTER_* environment variables (README, "The feedback endpoint"); by default the
    site is site/ and the data goes to SQLite in var/feedback.sqlite3.

    \b
    Example:
      mkdocs build --strict && helpcenter serve --port 8000
    """
    import uvicorn

    from feedback_api.app import create_app
    from feedback_api.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    if settings.site_dir and not (settings.site_dir / "index.html").is_file():
        click.echo(f"warning: {settings.site_dir}/ has no built site; run 'mkdocs build' first", err=True)
    click.echo(f"Pusat bantuan: http://{host}:{port}/  (feedback API at /api/v1, data in {settings.database_url})")
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=True, log_level="warning")


for _command in REPORT_COMMANDS:
    main.add_command(_command)
