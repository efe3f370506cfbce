""""Salin jawaban" under each answer in the agents' edition (`hc_copy_answers`); where it goes is the core's rule."""

from __future__ import annotations

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcenter.build.copy import ABOUT, ANCHOR, LINK, with_copy_blocks
from helpcenter.content.audience import AGENTS


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["hc_copy_answers"] = copy_answers
    return env


@pass_context
def copy_answers(context: Context, html: str) -> str:
    """Answers followed by a copy button, in the agents' edition only; customers' pages are left as they are."""
    hc = context.get("hc")
    if not hc or hc["edition"] != AGENTS:
        return html
    page = hc["page"]
    public = page.source not in hc["site"].agents_only
    template = context.environment.get_template("partials/hc-copy.html")
    return with_copy_blocks(html, page, hc["site_url"] if public else None, lambda: template.render(
        {**context.get_all(), "copy_anchor": ANCHOR, "copy_link": LINK, "copy_about": ABOUT,
         "copy_public": public}))
