"""Loading a help center: every page read and checked together, so one build reports every problem at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpcenter.content.audience import agents_only, audience_problems
from helpcenter.content.checks.duplicates import duplicate_problems
from helpcenter.content.checks.images import MAX_IMAGE_KB, image_problems
from helpcenter.content.checks.links import link_problems
from helpcenter.content.pages import display_prefix, load_page
from helpcenter.content.problems import ContentError, Problem, problem
from helpcenter.content.review import review_problems
from helpcenter.content.site import Site
from helpcenter.content.synonyms import FILE_NAME as SYNONYMS
from helpcenter.content.synonyms import load_synonyms


def markdown_sources(docs_dir: Path) -> list[str]:
    """Every Markdown file below `docs_dir`, as '/'-separated relative paths, skipping hidden folders."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )


def load_site(
    docs_dir: Path, today: date, sources: list[str] | None = None, display_root: Path | None = None,
    max_image_kb: int = MAX_IMAGE_KB,
) -> Site:
    """Load and check every page and the links between them; problems are collected in `site.problems`."""
    site = Site(docs_dir=docs_dir)
    for source in sources if sources is not None else markdown_sources(docs_dir):
        page, problems = load_page(docs_dir, source, display_root)
        site.problems += problems
        if page:
            site.pages.append(page)
            site.problems += review_problems(
                page.file, page.line_of(("reviewed",)), page.meta.reviewed, page.meta.review_months, today
            )
    site.agents_only = agents_only(site.pages)
    site.problems += _featured_problems(site)
    try:
        site.synonyms = load_synonyms(docs_dir / SYNONYMS, f"{display_prefix(docs_dir, display_root)}/{SYNONYMS}")
    except ContentError as exc:
        site.problems += exc.problems
    site.problems += link_problems(site) + image_problems(site, max_image_kb) + duplicate_problems(site)
    site.problems += audience_problems(site)
    site.problems.sort()
    return site


def _featured_problems(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages:
        for position, link in enumerate(getattr(page.meta, "featured", [])):
            if site.question(link) is None:
                problems.append(problem(page.file, page.line_of(("featured", position)), "featured.missing",
                                        field="featured", link=link))
    return problems
