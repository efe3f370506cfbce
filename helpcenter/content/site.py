"""A whole help center: its pages and synonyms, and the order the navigation shows them in."""

from __future__ import annotations

import dataclasses
import functools
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.content.pages import ContentPage, Question
from helpcenter.content.problems import Problem
from helpcenter.content.synonyms import Synonyms

CONTACT_TEMPLATE = "contact.html"
# Policies every page's footer lists: a shop has a handful; with more, the footer links the section holding them.
FOOTER_POLICIES = 6
# After every page that has an 'order'.
UNORDERED = 10_000

@dataclass
class Site:
    docs_dir: Path
    pages: list[ContentPage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    synonyms: Synonyms = field(default_factory=lambda: Synonyms({}))
    switched: dict[str, str] = field(default_factory=dict)
    """Policies whose announced version has started: page source -> the file whose text it shows."""
    announced: frozenset[str] = frozenset()
    """Announced versions of policies: pages of their own, left out of lists of policies (footer, home)."""
    agents_only: frozenset[str] = frozenset()
    """Sources of the pages for CS agents only (`helpcenter.content.audience`): checked like every page, left out of
    what customers get."""

    def public(self) -> Site:
        """The help center as customers get it: the same, without the pages for agents only."""
        if not self.agents_only:
            return self
        return dataclasses.replace(self, pages=[page for page in self.pages if page.source not in self.agents_only])

    def page(self, source: str) -> ContentPage | None:
        return self._by_source.get(source)

    @functools.cached_property
    def _by_source(self) -> dict[str, ContentPage]:
        """Built on first look-up, once load_site has added every page."""
        return {page.source: page for page in self.pages}

    def forget_lookups(self) -> None:
        """Drop what the cached look-ups below found, after the pages changed (a policy switched to its new terms)."""
        for name, attribute in vars(Site).items():
            if isinstance(attribute, functools.cached_property):
                self.__dict__.pop(name, None)

    def question(self, link: str) -> tuple[ContentPage, Question] | None:
        """Resolve 'faq/pembayaran.md#bayar-cod' to its page and question."""
        source, _, anchor = link.partition("#")
        page = self.page(source)
        match = [q for q in page.questions if q.anchor == anchor] if page else []
        return (page, match[0]) if page and match else None

    def of_type(self, page_type: str) -> list[ContentPage]:
        """The pages of a type in navigation order, announced versions left out; sorted once per type, as every
        page's footer and the home page ask."""
        if page_type not in self._of_type:
            self._of_type[page_type] = sorted(
                (p for p in self.pages if p.type == page_type and p.source not in self.announced), key=navigation_key)
        return self._of_type[page_type]

    @functools.cached_property
    def contact_page(self) -> ContentPage | None:
        """The page written with the contact template (`template: contact.html`), which every page's footer links."""
        return next((page for page in self.pages if page.meta.template == CONTACT_TEMPLATE), None)

    @functools.cached_property
    def footer_policies(self) -> tuple[list[ContentPage], ContentPage | None]:
        """The policies every page's footer lists (at most FOOTER_POLICIES, in navigation order), and, when there
        are more, the index page of the folder that holds them all (None when they are spread over several)."""
        policies = self.of_type("policy")
        if len(policies) <= FOOTER_POLICIES:
            return policies, None
        folders = {posixpath.dirname(page.source) for page in policies}
        index = self.page(posixpath.join(folders.pop(), "index.md")) if len(folders) == 1 else None
        return policies[:FOOTER_POLICIES], index

    @functools.cached_property
    def _of_type(self) -> dict[str, list[ContentPage]]:
        """Filled on first look-up, once load_site has added every page (as _by_source)."""
        return {}


def navigation_key(page: ContentPage) -> tuple[int, int, str]:
    """Section index first, then pages with an 'order', then the rest by title."""
    order = page.meta.order if page.meta.order is not None else UNORDERED
    return (0 if page.is_index else 1, order, page.meta.title.casefold())


def section_key(index: ContentPage | None, title: str) -> tuple[int, int, str]:
    """A section sorts by its index page's `order`, but never before the index page of the list it is in."""
    return (1, *navigation_key(index)[1:]) if index else (1, UNORDERED, title)


def other_key(title: str) -> tuple[int, int, str]:
    """A navigation entry that is no content page (a link): after the pages, by title."""
    return (1, UNORDERED, title)
