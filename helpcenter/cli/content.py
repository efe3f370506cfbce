"""Commands on the content and the built site: `check`, `new-shop`, `search`, `precompress`."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

import click

from helpcenter.build.precompress import precompress as precompress_site
from helpcenter.content.announced import not_rebuilt_problems
from helpcenter.content.check import check_content
from helpcenter.content.checks.images import MAX_IMAGE_KB
from helpcenter.content.newshop import NewShop, NewShopError, create_shop, next_steps
from helpcenter.content.output import FORMATS, for_github, for_people, summary
from helpcenter.content.problems import errors, warnings
from helpcenter.manifest import FILE_NAME as MANIFEST_FILE
from helpcenter.manifest import ManifestError, read_manifest
from helpcenter.messages.catalog import LANGUAGES


@click.command()
@click.argument("content", default="content", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings (pages past their review date) as errors.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Check review dates as of this day (YYYY-MM-DD) instead of today.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="id", show_default=True,
              help="Language of the messages.")
@click.option("--format", "output", type=click.Choice(FORMATS), default=None,
              help="text for people, github for annotations in a pull request [default: github when "
                   "GITHUB_ACTIONS=true, else text]")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The site's mkdocs.yml: with a 'nav', pages left out of it are reported.")
@click.option("--max-image-kb", type=click.IntRange(min=1), default=MAX_IMAGE_KB, show_default=True,
              help="Images larger than this are a warning.")
@click.option("--site", "built", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="A built site (e.g. site): a policy in force in a new version it still shows in the old one is a "
                   "warning (it was not rebuilt).")
@click.option("--drafts", is_flag=True, help="Let unfinished answers ('TODO') through as warnings, on a draft "
              "branch; without it they are errors.")
def check(content: Path, strict: bool, today: object, language: str, output: str | None, config: Path,
          max_image_kb: int, drafts: bool, built: Path | None) -> None:
    """Check the content as a build would: front matter, links, anchors, images, duplicate questions, reviews.

    Lists every problem with file and line; exits 1 on errors (with --strict on warnings too).

    \b
    Example:
      helpcenter check content --strict
      helpcenter check content --lang en --format github
      helpcenter check content --site site
    """
    day = today.date() if today else date.today()  # type: ignore[attr-defined]
    site = check_content(content, day, config, max_image_kb, drafts=drafts)
    if built is not None:
        try:
            manifest = read_manifest(built / MANIFEST_FILE)
        except ManifestError as exc:
            raise click.ClickException(str(exc)) from None
        versions = {page.path: page.version for page in manifest.pages if page.version}
        site.problems = sorted(site.problems + not_rebuilt_problems(site, versions, str(built)))
    if output is None:
        output = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if site.problems:
        if output == "github":
            click.echo(for_github(site.problems, language))
        else:
            click.echo(for_people(site.problems, language) + "\n", err=True)
    failed = errors(site.problems) or (strict and warnings(site.problems))
    questions = sum(len(page.questions) for page in site.pages)
    click.echo(summary(len(site.pages), questions, site.problems, language))
    if failed:
        raise SystemExit(1)


@click.command("new-shop")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", required=True, help="The shop's name, e.g. \"Toko Maju\".")
@click.option("--url", required=True, help="The help center's public address, e.g. https://bantuan.tokomaju.example/.")
@click.option("--language", type=click.Choice(LANGUAGES), default="id", show_default=True,
              help="The site's and the starter content's language.")
@click.option("--whatsapp", help="The CS WhatsApp number, e.g. 0812-3456-7890.")
@click.option("--email", help="The CS e-mail address.")
@click.option("--phone", help="The CS phone number.")
@click.option("--hours", help="When CS answers, e.g. \"Senin-Sabtu, 09.00-17.00 WIB\".")
@click.option("--owner", default="@cs-lead", show_default=True, help="Who answers for the starter pages.")
@click.option("--edit-uri", default="", help="Where 'edit this page' opens a page, e.g. "
              "https://github.com/toko-maju/bantuan/edit/main/content/ (empty: no edit link).")
def new_shop(directory: Path, **settings: str) -> None:
    """Create a new shop's help center in DIRECTORY: the product with starter content and the shop's settings.

    \b
    Example:
      helpcenter new-shop ../bantuan-toko-maju --name "Toko Maju" --url https://bantuan.tokomaju.example/ \\
        --whatsapp 0812-3456-7890 --email cs@tokomaju.example --language id
    """
    project = Path(__file__).resolve().parents[2]
    try:
        create_shop(project, directory, NewShop(**settings), date.today())
    except NewShopError as exc:
        raise click.ClickException(str(exc)) from None
    shop = NewShop(**settings)
    for line in next_steps(directory, shop):
        click.echo(line, err=line.startswith("Warning"))


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--site", "site_dir", default="site", show_default=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path), help="The built site (mkdocs build).")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=1), help="How many results to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON, for scripts.")
def search(query: tuple[str, ...], site_dir: Path, limit: int, as_json: bool) -> None:
    """Show what a customer gets when they search for QUERY: the browser's search, run on a built site.

    \b
    Example:
      helpcenter search gimana cara balikin barang
    """
    from helpcenter.search.engine import SearchEngine, SearchIndexError, group

    try:
        engine = SearchEngine.from_site(site_dir)
    except SearchIndexError as exc:
        raise click.ClickException(str(exc)) from None
    text = " ".join(query)
    groups = group(engine.search(text), engine)[:limit]
    if as_json:
        click.echo(json.dumps([[dataclasses.asdict(result) for result in entry] for entry in groups],
                              ensure_ascii=False, indent=2))
        return
    if not groups:
        click.echo(f"No results for '{text}': a customer searching this finds nothing.")
        raise SystemExit(1)
    for number, entry in enumerate(groups, start=1):
        best = entry[0]
        missing = [word for word, found in best.terms.items() if not found]
        click.echo(f"{number}. {best.title}  /{best.location}  (score {best.score:.2f})")
        click.echo(f"   {best.preview}")
        if missing:
            click.echo(f"   missing: {', '.join(missing)}")


@click.command()
@click.argument("site", default="site", type=click.Path(exists=True, file_okay=False, path_type=Path))
def precompress(site: Path) -> None:
    """Write gzip copies of the built site's HTML, CSS, JS, JSON and SVG beside them, for nginx's gzip_static.

    \b
    Example:
      mkdocs build --strict && helpcenter precompress site
    """
    written = precompress_site(site)
    click.echo(f"{site}: {len(written)} files precompressed (.gz beside each)")


COMMANDS = (check, new_shop, search, precompress)
