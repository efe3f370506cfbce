"""Order the navigation by each page's `order` and name each section after its index page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from helpcenter.content.pages import ContentPage
from helpcenter.content.site import Site, navigation_key


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    site: Site = config["helpcenter"].site
    nav.items = _ordered(nav.items, site)
    return nav


def _ordered(items: list, site: Site) -> list:
    """Sort `items` in place of MkDocs' alphabetical order, sections recursively."""
    for item in items:
        if isinstance(item, Section):
            item.children = _ordered(item.children, site)
            index = _index_page(item, site)
            if index:
                item.title = index.meta.title
    return sorted(items, key=lambda item: _key(item, site))


def _key(item: object, site: Site) -> tuple[int, int, str]:
    """A section sorts by its index page's `order`, but never before the index page of the list it is in."""
    if isinstance(item, Section):
        index = _index_page(item, site)
        return (1, *navigation_key(index)[1:]) if index else (1, 10_000, item.title or "")
    page = _content_page(item, site)
    return navigation_key(page) if page else (1, 10_000, str(getattr(item, "title", "")))


def _content_page(item: object, site: Site) -> ContentPage | None:
    return site.page(item.file.src_uri) if isinstance(item, Page) else None


def _index_page(section: Section, site: Site) -> ContentPage | None:
    for child in section.children:
        page = _content_page(child, site)
        if page and page.source.endswith("index.md"):
            return page
    return None
