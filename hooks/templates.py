"""Template helpers: interface words and dates from the core's catalogs, a vote widget under each question, and
our search worker in material's page settings."""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from html import escape
from urllib.parse import quote

from jinja2 import Environment, TemplateError, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcenter.content.sections import insert_after_sections
from helpcenter.content.shop import Channel, Shop, contact_channels
from helpcenter.messages.catalog import format_date
from helpcenter.messages.interface import INTERFACE

# Stand-ins rendered once per page and replaced per question: one template render per page, not per question.
_ANCHOR, _ABOUT = "hc-question-anchor", "hc-question-about"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = config.theme["language"]
    env.globals["hc_t"] = lambda key, **params: INTERFACE.text(key, language, **params)
    env.filters["hc_date"] = lambda day: format_date(day, language) if isinstance(day, date) else day
    env.filters["hc_question_votes"] = question_votes
    env.filters["hc_search_worker"] = search_worker
    return env


@pass_context
def question_votes(context: Context, html: str) -> str:
    """FAQ answers followed by 'Apakah ini membantu?', with contact links that name the question."""
    hc = context.get("hc")
    if not hc or hc["page"].type != "faq" or not hc["shop"].feedback_endpoint:
        return html
    questions = {question.anchor: question.text for question in hc["page"].questions}
    channels = _question_channels(hc["shop"], hc["language"])
    block = context.environment.get_template("partials/hc-vote.html").render(
        {**context.get_all(), "vote_key": _ANCHOR, "vote_anchor": _ANCHOR, "vote_channels": channels})

    def for_question(anchor: str) -> str:
        about = quote(f"{hc['page'].meta.title}: {questions[anchor]}", safe="")
        return block.replace(_ANCHOR, escape(anchor)).replace(_ABOUT, about)

    return insert_after_sections(html, set(questions), for_question)


@functools.cache
def _question_channels(shop: Shop, language: str) -> list[Channel]:
    """Contact links with the question stand-in: the same for every page of a build."""
    return contact_channels(shop, language, about=_ABOUT)


_MATERIAL_WORKER = re.compile(r'"search": "[^"]*assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


def search_worker(config_html: str, worker_url: str) -> str:
    """Material's page settings, with its search worker's URL replaced by ours.

    Fails the build when material's settings no longer name a worker: a material upgrade must be checked by hand.
    """
    replaced, count = _MATERIAL_WORKER.subn(lambda _: f'"search": {json.dumps(worker_url)}', config_html)
    if count != 1:
        raise TemplateError("mkdocs-material's __config names no search worker; check theme/main.html")
    return replaced
