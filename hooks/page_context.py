"""Give each page's template what the core knows about it: its record, contact links and structured data."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcenter.build import structured_data
from helpcenter.build.state import build_state
from helpcenter.build.votes import takes_page_vote
from helpcenter.content.announced import notice
from helpcenter.content.audience import PUBLIC
from helpcenter.content.shop import contact_channels
from helpcenter.content.video import video_view


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    state = build_state(config)
    record = state.site.page(page.file.src_uri)
    if record is None:
        return context
    jsonld = structured_data.for_page(record, page.content or "", state.site_url)
    context["hc"] = {
        "page": record,
        "page_vote": takes_page_vote(record) and state.edition == PUBLIC,
        "site": state.site,
        "shop": state.shop,
        "language": state.language,
        "edition": state.edition,
        "site_url": state.site_url,
        "contact": contact_channels(state.shop, state.language, about=record.meta.title),
        "jsonld": structured_data.to_script(jsonld) if jsonld else "",
        "today": state.today,
        "notice": notice(state.site, record, state.today),
        "video": video_view(state.site.docs_dir, record),
    }
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The 404 page has no page record, but shows the topics, the contact block and the footer like every page."""
    if template_name == "404.html":
        state = build_state(config)
        context["hc"] = {
            "page": None,
            "page_vote": False,
            "site": state.site,
            "shop": state.shop,
            "language": state.language,
            "contact": contact_channels(state.shop, state.language),
            "jsonld": "",
            "today": state.today,
            "notice": None,
            "video": None,
        }
    return context
