"""Order the navigation by each page's `order` and name each section after its index page.

The order itself is the core's (`helpcenter.content.site`); this adapts MkDocs' navigation items to it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from helpcenter.build.state import build_state
from helpcenter.content.pages import ContentPage
from helpcenter.content.site import Site, navigation_key, other_key, section_key


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    nav.items = _ordered(nav.items, build_state(config).site)
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
    if isinstance(item, Section):
        return section_key(_index_page(item, site), item.title or "")
    page = _content_page(item, site)
    return navigation_key(page) if page else other_key(str(getattr(item, "title", "")))


def _content_page(item: object, site: Site) -> ContentPage | None:
    return site.page(item.file.src_uri) if isinstance(item, Page) else None


def _index_page(section: Section, site: Site) -> ContentPage | None:
    pages = (_content_page(child, site) for child in section.children)
    return next((page for page in pages if page and page.is_index), None)
