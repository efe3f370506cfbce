"""What the search panel says around the results, in the site's language: material's result counts in the help
center's words ("3 hasil", not "3 dokumen ditemukan"), and the texts and contact links of the panel shown when no
answer fits (theme/assets/javascripts/search/page.js renders it).

Both go into the settings every page already carries for mkdocs-material (the `__config` script), so the panel
needs no request of its own.
"""

from __future__ import annotations

from urllib.parse import quote

from helpcenter.content.shop import Shop, contact_channels
from helpcenter.messages.interface import INTERFACE

# Material's keys and ours: material counts a page with its answers once.
_MATERIAL = {"search.result.none": "search.none", "search.result.one": "search.one",
             "search.result.other": "search.other"}
_TEXTS = ("search.did_you_mean", "search.nearest", "search.popular", "search.contact")
# The channels that carry the query into the message, and the link parameter that does.
_MESSAGES = {"whatsapp": ("search.whatsapp_message", "text"), "email": ("search.email_subject", "subject")}
QUERY = "{query}"


def panel_settings(shop: Shop, language: str) -> tuple[dict[str, str], dict]:
    """Material's translations to replace, and the panel's own settings: its texts and each contact channel as
    {channel, label, href}, where QUERY in href stands for the customer's query (URL-encoded by the browser)."""
    translations = {key: INTERFACE.text(ours, language) for key, ours in _MATERIAL.items()}
    contact = []
    for channel in contact_channels(shop, language):
        href = channel.href
        if channel.channel in _MESSAGES:
            key, parameter = _MESSAGES[channel.channel]
            # The query stays a placeholder: the rest of the text is encoded here, the query in the browser.
            text = quote(INTERFACE.text(key, language, shop=shop.name, query="\0"), safe="")
            href = f"{href}?{parameter}={text.replace('%00', QUERY)}"
        contact.append({"channel": channel.channel, "href": href,
                        "label": INTERFACE.text("search.contact_button", language, channel=channel.label)})
    texts = {key.removeprefix("search."): INTERFACE.text(key, language) for key in _TEXTS}
    return translations, {"texts": texts, "contact": contact}
