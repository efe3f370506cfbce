"""The interface words, dates and links between pages templates show, from the core's catalog in the site's language."""

from __future__ import annotations

from datetime import date

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcenter.content.pages import relative_url
from helpcenter.messages.catalog import format_date
from helpcenter.messages.interface import INTERFACE


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = config.theme["language"]
    env.globals["hc_t"] = lambda key, **params: INTERFACE.text(key, language, **params)
    env.filters["hc_relative"] = relative_url
    env.filters["hc_date"] = lambda day: format_date(day, language) if isinstance(day, date) else day
    return env
