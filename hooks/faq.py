"""FAQ pages made for thumbs (`hc_related`, `hc_fold` filters); what goes where is the core's rule."""

from __future__ import annotations

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcenter.build.faq import folded, with_related
from helpcenter.content.audience import PUBLIC


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["hc_related"] = related
    env.filters["hc_fold"] = fold
    return env


@pass_context
def related(context: Context, html: str) -> str:
    """Answers followed by the related questions their writer named."""
    hc = context.get("hc")
    if not hc or not hc["page"]:
        return html
    template = context.environment.get_template("partials/hc-related.html")
    return with_related(html, hc["site"], hc["page"],
                        lambda links: template.render({**context.get_all(), "related_links": links}))


@pass_context
def fold(context: Context, html: str) -> str:
    """Each FAQ answer folded under its question, for customers on a phone; agents reading their edition scan
    and copy answers, so theirs stay open."""
    hc = context.get("hc")
    if not hc or not hc["page"] or hc["edition"] != PUBLIC:
        return html
    return folded(html, hc["page"])
