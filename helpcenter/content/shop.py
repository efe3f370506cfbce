"""The shop's own settings (name, contact channels) from `extra.shop` in mkdocs.yml, and the links built from them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from helpcenter.content.schema import validate_model
from helpcenter.messages.interface import INTERFACE

SETTINGS_PATH = "extra.shop"


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Contact(_Settings):
    whatsapp: StrictStr | None = Field(
        None, pattern=r"^\+?[\d\s().-]{8,20}$", description="WhatsApp number as customers know it, e.g. 0812-0000-1234")
    email: StrictStr | None = Field(
        None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="the CS e-mail address")
    phone: StrictStr | None = Field(
        None, pattern=r"^\+?[\d\s().-]{5,20}$", description="the CS phone number, e.g. (021) 5000-1234")
    hours: StrictStr | None = Field(None, description="when CS answers, e.g. Setiap hari, 08.00-21.00 WIB")


class Shop(_Settings):
    name: StrictStr = Field(min_length=1, description="the shop's name, shown in the contact block")
    country_code: StrictStr = Field("62", pattern=r"^\d{1,3}$", description="the phone country code, 62 for Indonesia")
    contact: Contact = Field(default_factory=Contact, description="the contact channels")
    feedback_endpoint: StrictStr | None = Field(
        None, pattern=r"^(?:https?://[^\s/]+)?/[^\s]*[^/\s]$|^$",
        description="the feedback API, e.g. /api/v1 on the same host or https://feedback.toko.example/api/v1; "
                    "empty turns the vote buttons off")


class ShopSettingsError(ValueError):
    """Wrong shop settings; the message names each setting in mkdocs.yml."""


@dataclass(frozen=True)
class Channel:
    channel: str
    label: str
    display: str
    href: str


def load_shop(extra: dict[str, Any]) -> Shop:
    """Validate `extra.shop`; raise ShopSettingsError listing every wrong setting."""
    if not isinstance(extra.get("shop"), dict):
        raise ShopSettingsError(f"mkdocs.yml: '{SETTINGS_PATH}' is required: the shop's name and contact channels")
    shop, field_errors = validate_model(Shop, extra["shop"], prefix=SETTINGS_PATH)
    if shop is None:
        raise ShopSettingsError("\n".join(f"mkdocs.yml: {error.message}" for error in field_errors))
    return shop


def contact_channels(shop: Shop, language: str, about: str | None = None) -> list[Channel]:
    """The contact links for a page; `about` (a page or question title) prefills the message so CS has context."""
    channels = []
    for channel, href, message_key, parameter in _channel_links(shop):
        if about and message_key:
            text = INTERFACE.text(message_key, language, shop=shop.name, page=about)
            href = f"{href}?{parameter}={quote(text, safe='')}"
        display = getattr(shop.contact, channel)
        channels.append(Channel(channel, INTERFACE.text(f"contact.{channel}", language), display, href))
    return channels


@functools.cache
def _channel_links(shop: Shop) -> tuple[tuple[str, str, str | None, str | None], ...]:
    """Each offered channel: its link without context, and the message and parameter that carry the context."""
    contact = shop.contact
    links = []
    if contact.whatsapp:
        links.append(("whatsapp", f"https://wa.me/{_international(contact.whatsapp, shop.country_code)}",
                      "contact.whatsapp_message", "text"))
    if contact.email:
        links.append(("email", f"mailto:{contact.email}", "contact.email_subject", "subject"))
    if contact.phone:
        links.append(("phone", f"tel:+{_international(contact.phone, shop.country_code)}", None, None))
    return tuple(links)


@functools.cache
def _international(number: str, country_code: str) -> str:
    """'0812-0000-1234' -> '6281200001234': digits only, a leading 0 replaced by the country code."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+"):
        return digits
    return country_code + digits[1:] if digits.startswith("0") else digits
