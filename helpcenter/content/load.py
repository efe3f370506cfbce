"""Loading a help center: every page read and checked together, so one build reports every problem at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpcenter.content import frontmatter
from helpcenter.content.announced import announcement_problems, switch_to_terms_in_force
from helpcenter.content.audience import agents_only, audience_problems
from helpcenter.content.checks.drafts import draft_problems
from helpcenter.content.checks.duplicates import duplicate_problems
from helpcenter.content.checks.html import body_problems, front_matter_problems, svg_problems
from helpcenter.content.checks.images import MAX_IMAGE_KB, image_problems
from helpcenter.content.checks.links import link_problems
from helpcenter.content.checks.related import related_problems
from helpcenter.content.files import file_problems, size_problem
from helpcenter.content.pages import ContentPage, display_prefix, load_page
from helpcenter.content.problems import ContentError, Problem, errors, problem
from helpcenter.content.review import review_problems
from helpcenter.content.site import Site
from helpcenter.content.synonyms import FILE_NAME as SYNONYMS
from helpcenter.content.synonyms import load_synonyms
from helpcenter.content.video import video_problems


def markdown_sources(docs_dir: Path) -> list[str]:
    """Every Markdown file below `docs_dir`, as '/'-separated relative paths, skipping hidden folders."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )


def load_site(
    docs_dir: Path, today: date, sources: list[str] | None = None, display_root: Path | None = None,
    max_image_kb: int = MAX_IMAGE_KB, drafts: bool = False,
) -> Site:
    """Load and check every page and the links between them; problems are collected in `site.problems`.

    The content folder's files are checked first (`helpcenter.content.files`): a page that is a link out of it,
    a pipe or too large is never opened.
    `drafts` lets unfinished answers (`TODO`) through as warnings instead of errors (a draft branch's preview).
    """
    site = Site(docs_dir=docs_dir)
    shown = display_prefix(docs_dir, display_root)
    site.problems += file_problems(docs_dir, shown)
    refused = {p.file for p in site.problems}
    for source in sources if sources is not None else markdown_sources(docs_dir):
        file = f"{shown}/{source}"
        if file in refused:
            continue
        if too_large := size_problem(docs_dir / source, file):
            site.problems.append(too_large)
            continue
        page, problems = load_page(docs_dir, source, display_root)
        site.problems += problems + _html_problems(docs_dir, source, file, page)
        if page:
            site.pages.append(page)
            site.problems += review_problems(
                page.file, page.line_of(("reviewed",)), page.meta.reviewed, page.meta.review_months, today
            )
    site.agents_only = agents_only(site.pages)
    site.problems += _featured_problems(site) + related_problems(site) + announcement_problems(site, today)
    site.problems += video_problems(site)
    site.problems += [found for svg in _svg_files(docs_dir) if f"{shown}/{svg}" not in refused
                      for found in svg_problems(f"{shown}/{svg}", (docs_dir / svg).read_text(encoding="utf-8",
                                                                                           errors="replace"))]
    try:
        if f"{shown}/{SYNONYMS}" not in refused:
            site.synonyms = load_synonyms(docs_dir / SYNONYMS, f"{shown}/{SYNONYMS}")
    except ContentError as exc:
        site.problems += exc.problems
    site.problems += link_problems(site) + image_problems(site, max_image_kb) + duplicate_problems(site)
    site.problems += draft_problems(site, drafts)
    site.problems += audience_problems(site)
    site.problems.sort()
    if not errors(site.problems):
        switch_to_terms_in_force(site, today)
    return site


def _html_problems(docs_dir: Path, source: str, file: str, page: ContentPage | None) -> list[Problem]:
    """The HTML policy for a page's body and front matter, also on a page with other errors (read again then)."""
    front = page.front if page else None
    if front is None:
        try:
            text = (docs_dir / source).read_text(encoding="utf-8").replace("\r\n", "\n")
            front = frontmatter.parse(text)
        except (UnicodeDecodeError, frontmatter.FrontMatterError):
            return []
    return body_problems(file, front.body, front.body_line) + front_matter_problems(file, front)


def _svg_files(docs_dir: Path) -> list[str]:
    return [path.relative_to(docs_dir).as_posix() for path in sorted(docs_dir.rglob("*.svg"))
            if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)]


def _featured_problems(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages:
        for position, link in enumerate(getattr(page.meta, "featured", [])):
            if site.question(link) is None:
                problems.append(problem(page.file, page.line_of(("featured", position)), "featured.missing",
                                        field="featured", link=link))
    return problems
