"""The interface words, dates and links between pages templates show, from the core's catalog in the site's language."""

from __future__ import annotations

from datetime import date

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import normalize_url

from helpcenter.content.pages import ContentPage, relative_url, relative_urls
from helpcenter.messages.catalog import format_date
from helpcenter.messages.interface import INTERFACE


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = config.theme["language"]
    env.globals["hc_t"] = lambda key, **params: INTERFACE.text(key, language, **params)
    env.filters["hc_relative"] = relative_url
    env.filters["hc_links"] = links
    env.filters["hc_date"] = lambda day: format_date(day, language) if isinstance(day, date) else day
    return env


@pass_context
def links(context: Context, pages: list[ContentPage]) -> list[tuple[str, str]]:
    """Each page's link and title as `{{ page.path | url }}` and its title would give them, for a whole list at
    once: every page's footer lists the shop's policies."""
    page = context["page"]
    paths = [target.path for target in pages]
    if page is None:  # the 404 page: links from the site's root, as the `url` filter writes them there
        hrefs = [normalize_url(path, None, context["base_url"]) for path in paths]
    else:
        hrefs = relative_urls(page.url, paths)
    return [(href, target.meta.title) for href, target in zip(hrefs, pages, strict=True)]
