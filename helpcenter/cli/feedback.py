"""The gap report's commands: `report`, `draft-answers`, `demo-data` and `retention`; each parses, calls the
core and says what it did. Registered in `helpcenter.cli`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import click

from helpcenter.report.gap_report import OUTPUT_FORMATS
from helpcenter.report.render import CSV_TABLES

DEMO_DATABASE = "sqlite:///var/demo.sqlite3"


def _database_url() -> str:
    from helpcenter.feedback.database import database_url

    return database_url()


def _engine(url: str, create: bool = False):
    """An engine on the store at `url`; a store without tables is an error unless `create` (demo data)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from helpcenter.feedback.database import make_engine, schema_version, upgrade

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


def _manifest_path(path: Path | None) -> Path:
    from helpcenter.manifest import manifest_path

    return path or manifest_path()


def _manifest(path: Path | None):
    from helpcenter.manifest import ManifestError, read_manifest

    try:
        return read_manifest(_manifest_path(path))
    except ManifestError as exc:
        raise click.ClickException(f"{exc}; build the site first (mkdocs build)") from None


def _period(days: int, until, since) -> tuple[date, date]:
    from helpcenter.report.gather import Period

    try:
        period = Period.asked(until.date() if until else date.today(), days, since.date() if since else None)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since" if since else "--until") from None
    return period.since, period.until


_DATE = click.DateTime(formats=["%Y-%m-%d"])
_database = click.option("--database", metavar="URL", default=None,
                         help="SQLAlchemy URL of the store [default: HELPCENTER_DATABASE_URL or its default].")
_manifest_option = click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
                                help="The build manifest [default: HELPCENTER_MANIFEST or site/].")
_site_option = click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                            help="The built site whose search is asked again [default: the manifest's folder].")
_period_options = [
    click.option("--days", default=30, show_default=True, type=click.IntRange(1, 3660),
                 help="Length of the period."),
    click.option("--until", type=_DATE, default=None, help="Last day of the period, YYYY-MM-DD [default: today]."),
    click.option("--since", type=_DATE, default=None, help="First day of the period; overrides --days."),
]


def _with_period(command):
    for option in reversed(_period_options):
        command = option(command)
    return command


@click.command()
@_database
@_manifest_option
@_site_option
@_with_period
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="markdown",
              show_default=True, help="github-issue: a task list to open as an issue (gh issue create -F FILE).")
@click.option("--table", type=click.Choice(list(CSV_TABLES)), default="answers", show_default=True,
              help="Which table --format csv writes.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(0), help="Rows per table; 0 for all.")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--links", metavar="URL", default=None,
              help="Where the help center's pages are for the report's links [default: the site's URL].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
def report(database: str | None, manifest: Path | None, site_dir: Path | None, days: int, until, since,
           output_format: str, table: str, top: int, language: str, links: str | None,
           output: Path | None) -> None:
    """Write the gap report: what to write or fix first, then trends and details.

    Reads the feedback store and the build manifest, asks the built site's search again for the searches that
    found nothing, and compares every figure with the period before.

    \b
    Examples:
      helpcenter report --days 30 > gap-report.md
      helpcenter report --format html -o var/gap-report.html
      helpcenter report --format github-issue > issue.md && gh issue create --title "Laporan celah" -F issue.md
      helpcenter report --format csv --table searches-empty --since 2026-11-01 --until 2026-11-30
    """
    from sqlalchemy.exc import SQLAlchemyError

    from helpcenter.report.gap_report import read_report

    first, last = _period(days, until, since)
    url = database or _database_url()
    engine = _engine(url)
    try:
        text = read_report(engine, _manifest(manifest), first, last, output_format, language=language, top=top,
                           table=table, site_dir=site_dir or _manifest_path(manifest).parent, links=links)
    except SQLAlchemyError as exc:
        raise click.ClickException(f"cannot read the feedback store {url}: {exc}") from None
    finally:
        engine.dispose()
    _write(text, output)


def _write(text: str, output: Path | None) -> None:
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@click.command("draft-answers")
@_database
@_manifest_option
@_site_option
@_with_period
@click.option("--repository", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("."),
              show_default=True, help="The help center's git repository.")
@click.option("--branch", default=None, help="The new branch [default: draf-jawaban/<today>].")
@click.option("--dry-run", is_flag=True, help="Print the questions that would be added, change nothing.")
def draft_answers(database: str | None, manifest: Path | None, site_dir: Path | None, days: int, until, since,
                  repository: Path, branch: str | None, dry_run: bool) -> None:
    """Add a question with a TODO answer for each group of searches that finds nothing, on a new branch.

    Each goes into the FAQ file the search's words point to; the content check refuses a TODO answer, so the
    pull request stays red until every answer is written.

    \b
    Example:
      helpcenter draft-answers && git push -u origin HEAD
    """
    from sqlalchemy.exc import SQLAlchemyError

    from helpcenter.report.drafts import DraftError, commit_drafts, default_branch, plan_drafts
    from helpcenter.report.gap_report import build_report
    from helpcenter.report.gather import Period
    from helpcenter.report.site_search import site_search

    first, last = _period(days, until, since)
    url = database or _database_url()
    engine = _engine(url)
    built = _manifest(manifest)
    search = site_search(site_dir or _manifest_path(manifest).parent)
    try:
        with engine.connect() as connection:
            found = build_report(connection, built, Period(first, last), top=0, search=search)
    except SQLAlchemyError as exc:
        raise click.ClickException(f"cannot read the feedback store {url}: {exc}") from None
    finally:
        engine.dispose()
    drafts = plan_drafts(found, built, search)
    if not drafts:
        click.echo(f"No searches without results to answer between {first} and {last}: nothing to draft.")
        return
    for draft in drafts:
        click.echo(f"{draft.file}: ## {draft.question} {{#{draft.anchor}}}")
    if dry_run:
        return
    branch = branch or default_branch(date.today())
    try:
        files = commit_drafts(repository, drafts, branch,
                              f"Draft answers for {len(drafts)} searches without results ({first} to {last})")
    except DraftError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{len(drafts)} draft questions in {', '.join(files)}, committed on the new branch '{branch}'.\n"
               f"Next: write each answer in place of TODO (helpcenter check content --drafts lists them), then "
               f"git push -u origin {branch} and open a pull request.")


@click.command("demo-data")
@click.option("--database", metavar="URL", default=DEMO_DATABASE, show_default=True,
              help="The demo store to fill; it is emptied first.")
@_manifest_option
@_site_option
@click.option("--days", default=60, show_default=True, type=click.IntRange(1, 366),
              help="Days up to today; two months give a 30-day report a month to compare with.")
@click.option("--visits", default=6000, show_default=True, type=click.IntRange(1), help="Visits in all.")
@click.option("--seed", default=1, show_default=True, help="Same seed, same data.")
@click.option("--into-configured-database", is_flag=True,
              help="Allow writing into HELPCENTER_DATABASE_URL (the real store); adds rows, deletes nothing.")
def demo_data(database: str, manifest: Path | None, site_dir: Path | None, days: int, visits: int, seed: int,
              into_configured_database: bool) -> None:
    """Fill a separate demo store with two realistic months of visits, votes, searches and contact clicks.

    Uses the real pages and questions of the built site and its search (a search finds what the site's search
    finds), and writes through the feedback store's own functions. Refuses the configured (real) store unless
    --into-configured-database is given.

    \b
    Example:
      helpcenter demo-data && helpcenter report --database sqlite:///var/demo.sqlite3 --format html -o var/demo.html
    """
    from helpcenter.report.demo import fill_demo
    from helpcenter.search.engine import SearchEngine, SearchIndexError

    real = database == _database_url()
    if real and not into_configured_database:
        raise click.ClickException(f"{database} is the configured feedback store (HELPCENTER_DATABASE_URL): demo "
                                   "data goes elsewhere (--database), or pass --into-configured-database")
    built = _manifest(manifest)
    try:
        search = SearchEngine.from_site(site_dir or _manifest_path(manifest).parent)
    except SearchIndexError as exc:
        raise click.ClickException(str(exc)) from None
    engine = _engine(database, create=True)
    try:
        counts = fill_demo(engine, built, search, days=days, visits=visits, seed=seed, until=date.today(),
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
    from helpcenter.feedback.store import delete_older_than

    cutoff = (today.date() if today else date.today()) - timedelta(days=older_than)
    url = database or _database_url()
    engine = _engine(url)
    try:
        with engine.begin() as connection:
            deleted = delete_older_than(connection, cutoff)
    finally:
        engine.dispose()
    click.echo(f"{url}: deleted {deleted['votes']} votes and {deleted['events']} events from before {cutoff}")


COMMANDS = (report, draft_answers, demo_data, retention)
