"""Template helpers: translated interface words and dates, from the core's catalogs."""

from __future__ import annotations

from datetime import date

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcenter.i18n import format_date, translate


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = config.theme["language"]
    env.globals["hc_t"] = lambda key, **params: translate(key, language, **params)
    env.filters["hc_date"] = lambda day: format_date(day, language) if isinstance(day, date) else day
    return env
