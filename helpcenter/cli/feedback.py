"""The gap report's commands: `report`, `demo-data` and `retention`; each parses, calls the core and says what
it did. Registered in `helpcenter.cli`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import click

from helpcenter.report.render import CSV_TABLES

DEMO_DATABASE = "sqlite:///var/demo.sqlite3"
FORMATS = ("markdown", "html", "csv", "json")


def _settings():
    from feedback_api.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None


def _engine(url: str, create: bool = False):
    """An engine on the store at `url`; a store without tables is an error unless `create` (demo data)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from feedback_api.database import make_engine, schema_version, upgrade

    missing = click.ClickException(f"no feedback store at {url}: start the endpoint (helpcenter serve) once, or "
                                   "fill a demo store with 'helpcenter demo-data'")
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise click.ClickException(f"not a database URL: {url}") from None
    # Reading must not leave an empty database file (and its folder) behind a mistyped path.
    if not create and parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        raise missing
    try:
        engine = make_engine(url)
        if create:
            upgrade(engine)
        elif schema_version(engine) is None:
            raise missing
    except SQLAlchemyError as exc:
        raise click.ClickException(f"cannot open the feedback store {url}: {exc}") from None
    return engine


def _manifest(path: Path | None):
    from helpcenter.manifest import ManifestError, read_manifest

    try:
        return read_manifest(path or _settings().manifest)
    except ManifestError as exc:
        raise click.ClickException(f"{exc}; build the site first (mkdocs build)") from None


_DATE = click.DateTime(formats=["%Y-%m-%d"])
_database = click.option("--database", metavar="URL", default=None,
                         help="SQLAlchemy URL of the store [default: HELPCENTER_DATABASE_URL or its default].")
_manifest_option = click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
                                help="The build manifest [default: HELPCENTER_MANIFEST or site/].")


@click.command()
@_database
@_manifest_option
@click.option("--days", default=30, show_default=True, type=click.IntRange(1, 3660), help="Length of the period.")
@click.option("--until", type=_DATE, default=None, help="Last day of the period, YYYY-MM-DD [default: today].")
@click.option("--since", type=_DATE, default=None, help="First day of the period; overrides --days.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="markdown", show_default=True)
@click.option("--table", type=click.Choice(list(CSV_TABLES)), default="answers", show_default=True,
              help="Which table --format csv writes.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(0), help="Rows per table; 0 for all.")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
def report(database: str | None, manifest: Path | None, days: int, until, since, output_format: str, table: str,
           top: int, language: str, output: Path | None) -> None:
    """Write the gap report: failing answers, searches without results, what ends in a contact.

    Reads the feedback store and the build manifest; compares every figure with the period before.

    \b
    Examples:
      helpcenter report --days 30 > gap-report.md
      helpcenter report --format html -o var/gap-report.html
      helpcenter report --format csv --table searches-empty --since 2026-11-01 --until 2026-11-30
    """
    from helpcenter.report.gap_report import read_report

    last = until.date() if until else date.today()
    first = since.date() if since else last - timedelta(days=days - 1)
    if first > last:
        raise click.BadParameter(f"--since {first} is after --until {last}", param_hint="--since")
    from sqlalchemy.exc import SQLAlchemyError

    url = database or _settings().database_url
    engine = _engine(url)
    try:
        text = read_report(engine, _manifest(manifest), first, last, output_format, language=language, top=top,
                           table=table)
    except SQLAlchemyError as exc:
        raise click.ClickException(f"cannot read the feedback store {url}: {exc}") from None
    finally:
        engine.dispose()
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@click.command("demo-data")
@click.option("--database", metavar="URL", default=DEMO_DATABASE, show_default=True,
              help="The demo store to fill; it is emptied first.")
@_manifest_option
@click.option("--days", default=60, show_default=True, type=click.IntRange(1, 366),
              help="Days up to today; two months give a 30-day report a month to compare with.")
@click.option("--visits", default=6000, show_default=True, type=click.IntRange(1), help="Visits in all.")
@click.option("--seed", default=1, show_default=True, help="Same seed, same data.")
@click.option("--into-configured-database", is_flag=True,
              help="Allow writing into HELPCENTER_DATABASE_URL (the real store); adds rows, deletes nothing.")
def demo_data(database: str, manifest: Path | None, days: int, visits: int, seed: int,
              into_configured_database: bool) -> None:
    """Fill a separate demo store with two realistic months of visits, votes, searches and contact clicks.

    Uses the real pages and questions of the built site. Refuses the configured (real) store unless
    --into-configured-database is given.

    \b
    Example:
      helpcenter demo-data && helpcenter report --database sqlite:///var/demo.sqlite3 --format html -o var/demo.html
    """
    from helpcenter.report.demo import fill_demo

    real = database == _settings().database_url
    if real and not into_configured_database:
        raise click.ClickException(f"{database} is the configured feedback store (HELPCENTER_DATABASE_URL): demo "
                                   "data goes elsewhere (--database), or pass --into-configured-database")
    engine = _engine(database, create=True)
    try:
        counts = fill_demo(engine, _manifest(manifest), days=days, visits=visits, seed=seed, until=date.today(),
                           replace=not real)
    finally:
        engine.dispose()
    click.echo(f"{database}: {counts['visits']} visits, {counts['votes']} votes, {counts['events']} events "
               f"over {days} days")


@click.command()
@_database
@click.option("--older-than", "older_than", required=True, type=click.IntRange(1), metavar="DAYS",
              help="Delete votes and events of days more than this many days ago.")
@click.option("--today", type=_DATE, default=None, help="Count the age from this day [default: today].")
def retention(database: str | None, older_than: int, today) -> None:
    """Delete votes and events older than a given age, and say how many went.

    \b
    Example:
      helpcenter retention --older-than 365
    """
    from feedback_api.store import delete_older_than

    cutoff = (today.date() if today else date.today()) - timedelta(days=older_than)
    url = database or _settings().database_url
    engine = _engine(url)
    try:
        with engine.begin() as connection:
            deleted = delete_older_than(connection, cutoff)
    finally:
        engine.dispose()
    click.echo(f"{url}: deleted {deleted['votes']} votes and {deleted['events']} events from before {cutoff}")


COMMANDS = (report, demo_data, retention)
