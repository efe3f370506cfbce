"""A whole help center: every page loaded and checked together, so one build reports every problem at once."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from helpcenter.content.checks.duplicates import duplicate_problems
from helpcenter.content.checks.images import MAX_IMAGE_KB, image_problems
from helpcenter.content.checks.links import link_problems
from helpcenter.content.pages import ContentPage, Question, display_prefix, load_page
from helpcenter.content.problems import ContentError, Problem, problem
from helpcenter.content.review import review_problems
from helpcenter.content.synonyms import FILE_NAME as SYNONYMS
from helpcenter.content.synonyms import Synonyms, load_synonyms


@dataclass
class Site:
    docs_dir: Path
    pages: list[ContentPage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    synonyms: Synonyms = field(default_factory=lambda: Synonyms({}))

    def page(self, source: str) -> ContentPage | None:
        return self._by_source.get(source)

    @functools.cached_property
    def _by_source(self) -> dict[str, ContentPage]:
        """Built on first look-up, once load_site has added every page."""
        return {page.source: page for page in self.pages}

    def question(self, link: str) -> tuple[ContentPage, Question] | None:
        """Resolve 'faq/pembayaran.md#bayar-cod' to its page and question."""
        source, _, anchor = link.partition("#")
        page = self.page(source)
        match = [q for q in page.questions if q.anchor == anchor] if page else []
        return (page, match[0]) if page and match else None

    def of_type(self, page_type: str) -> list[ContentPage]:
        return sorted((p for p in self.pages if p.type == page_type), key=navigation_key)


def navigation_key(page: ContentPage) -> tuple[int, int, str]:
    """Section index first, then pages with an 'order', then the rest by title."""
    is_index = page.source.rsplit("/", 1)[-1] == "index.md"
    order = page.meta.order if page.meta.order is not None else 10_000
    return (0 if is_index else 1, order, page.meta.title.casefold())


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
                page.path, page.line_of(("reviewed",)), page.meta.reviewed, page.meta.review_months, today
            )
    site.problems += _featured_problems(site)
    try:
        site.synonyms = load_synonyms(docs_dir / SYNONYMS, f"{display_prefix(docs_dir, display_root)}/{SYNONYMS}")
    except ContentError as exc:
        site.problems += exc.problems
    site.problems += link_problems(site) + image_problems(site, max_image_kb) + duplicate_problems(site)
    site.problems.sort()
    return site


def _featured_problems(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages:
        for position, link in enumerate(getattr(page.meta, "featured", [])):
            if site.question(link) is None:
                problems.append(problem(page.path, page.line_of(("featured", position)), "featured.missing",
                                        field="featured", link=link))
    return problems
