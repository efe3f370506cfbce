"""A vote widget under each FAQ answer (`hc_question_votes`); where votes go is the core's rule."""

from __future__ import annotations

import functools

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcenter.build.votes import ABOUT, ANCHOR, with_question_votes
from helpcenter.content.audience import PUBLIC
from helpcenter.content.shop import Channel, Shop, contact_channels


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["hc_question_votes"] = question_votes
    return env


@pass_context
def question_votes(context: Context, html: str) -> str:
    """FAQ answers followed by 'Apakah ini membantu?', with contact links that name the question."""
    hc = context.get("hc")
    # Customers vote; agents reading their edition do not.
    if not hc or not hc["shop"].feedback_endpoint or hc["edition"] != PUBLIC:
        return html
    channels = _question_channels(hc["shop"], hc["language"])
    template = context.environment.get_template("partials/hc-vote.html")
    return with_question_votes(html, hc["page"], lambda: template.render(
        {**context.get_all(), "vote_key": ANCHOR, "vote_anchor": ANCHOR, "vote_channels": channels}))


@functools.cache
def _question_channels(shop: Shop, language: str) -> list[Channel]:
    """Contact links with the question stand-in: the same for every page of a build."""
    return contact_channels(shop, language, about=ABOUT)
