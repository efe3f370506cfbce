"""Policies announced ahead: today's terms stay on the page, with a notice, until the announced version starts.

A policy names its next version with `announced: <file>.md`, another policy page whose `effective` is the day the
new terms start. A build before that day shows today's terms with "Mulai … berlaku aturan baru" and a link to the
new text; a build on or after it shows the new text at the policy's own address. So the site must be rebuilt daily
(README, "Deployment"), and the check warns once the day has come, until the writer moves the new text in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from helpcenter.content.checks.links import resolve
from helpcenter.content.pages import ContentPage
from helpcenter.content.problems import Problem, Severity, problem

if TYPE_CHECKING:
    from helpcenter.content.site import Site


@dataclass(frozen=True)
class Announcement:
    page: ContentPage
    """The policy at its address, with today's terms."""
    new: ContentPage
    """The announced version, a page of its own until it starts."""

    @property
    def starts(self) -> date:
        return self.new.meta.effective


@dataclass(frozen=True)
class Notice:
    """What a policy page says about an announcement before it starts."""

    starts: date
    other: ContentPage
    """The page to link to: the new text from today's terms, today's terms from the new text."""
    is_new: bool
    """Whether the page showing the notice is the announced version itself."""


def notice(site: Site, page: ContentPage, today: date) -> Notice | None:
    """The notice for `page` in a build on `today`: only before the announced version starts. Every page of a
    build asks: a page is looked at alone unless it is an announced version, which looks for what announces it."""
    if page.source in site.switched:
        return None
    if page.source in site.announced:
        found = announcements(site)
    else:
        own = _announcement(site, page)
        found = [own] if own else []
    for announcement in found:
        if announcement.starts <= today:
            continue
        if announcement.page.source == page.source:
            return Notice(announcement.starts, announcement.new, is_new=False)
        if announcement.new.source == page.source:
            return Notice(announcement.starts, announcement.page, is_new=True)
    return None


def announced_source(page: ContentPage) -> str | None:
    """The content file a policy's `announced` names, read like a Markdown link on the page."""
    link = getattr(page.meta, "announced", None)
    if not link:
        return None
    source, _ = resolve(page, link)
    return source or None


def announcements(site: Site) -> list[Announcement]:
    """Every announcement whose new version is a policy page; the check reports the others."""
    return [found for page in site.pages if (found := _announcement(site, page))]


def _announcement(site: Site, page: ContentPage) -> Announcement | None:
    source = announced_source(page)
    new = site.page(source) if source else None
    if new is not None and new.type == "policy" and new is not page:
        return Announcement(page, new)
    return None


def announcement_problems(site: Site, today: date) -> list[Problem]:
    problems = []
    announced = {a.page.source: a for a in announcements(site)}
    for page in site.pages:
        link = getattr(page.meta, "announced", None)
        if not link:
            continue
        line = page.line_of(("announced",))
        found = announced.get(page.source)
        if found is None:
            problems.append(problem(page.file, line, "announced.missing", field="announced", link=link))
        elif found.starts <= page.meta.effective:
            problems.append(problem(page.file, line, "announced.not_later", field="announced", link=link,
                                    starts=found.starts.isoformat(), effective=page.meta.effective.isoformat()))
        elif found.starts <= today:
            problems.append(problem(page.file, line, "announced.passed", severity=Severity.WARNING,
                                    field="announced", link=link, starts=found.starts.isoformat()))
    return problems


def switch_to_terms_in_force(site: Site, today: date) -> None:
    """From its start date, a policy's address shows the announced version (its text, version and history).

    `site.switched` then names, for each such page, the file whose text it shows; `site.announced` the announced
    versions, which lists of policies leave out.
    """
    found = announcements(site)
    site.announced = frozenset(a.new.source for a in found)
    for announcement in found:
        if announcement.starts > today or announcement.starts <= announcement.page.meta.effective:
            continue
        page, new = announcement.page, announcement.new
        # The address keeps its own title, description and place; the terms are the new version's.
        meta = new.meta.model_copy(update={"title": page.meta.title, "description": page.meta.description,
                                           "order": page.meta.order})
        switched = dataclasses.replace(new, source=page.source, file=page.file, path=page.path, meta=meta,
                                       front=page.front)
        site.pages[site.pages.index(page)] = switched
        site.switched[page.source] = new.source
    # The look-ups were built from the pages as written.
    site.forget_lookups()


def text_in_force(site: Site, source: str) -> str | None:
    """The Markdown body a switched policy shows (its announced version's), or None to keep the page's own."""
    shown = site.switched.get(source)
    new = site.page(shown) if shown else None
    return new.front.body if new and new.front else None


def not_rebuilt_problems(site: Site, shown_versions: dict[str, str], built: str) -> list[Problem]:
    """Policies in force in a new version that the built site (`shown_versions`: URL path -> version, from its
    manifest) still shows in the old one: the daily rebuild did not run."""
    problems = []
    for source in site.switched:
        page = site.page(source)
        shown = shown_versions.get(page.path) if page else None
        if page and shown is not None and shown != page.meta.version:
            problems.append(problem(page.file, page.line_of(("announced",)), "announced.not_rebuilt",
                                    severity=Severity.WARNING, field="announced", site=built, shown=shown,
                                    version=page.meta.version, starts=page.meta.effective.isoformat()))
    return problems
