from __future__ import annotations

import pytest

from helpcenter.content.shop import ShopSettingsError, contact_channels, load_shop

SHOP = {"shop": {"name": "Toko Senja", "contact": {
    "whatsapp": "0812-0000-1234", "email": "cs@tokosenja.example", "phone": "(021) 5000-1234", "hours": "08-21"}}}


def test_channels_link_with_context_about_the_page() -> None:
    channels = contact_channels(load_shop(SHOP), "id", about="Pembayaran")
    assert [(c.channel, c.display, c.href) for c in channels] == [
        ("whatsapp", "0812-0000-1234", "https://wa.me/6281200001234?text=Halo%20Toko%20Senja%2C%20saya%20sudah%20"
                                       "membaca%20%22Pembayaran%22%20di%20pusat%20bantuan%2C%20tapi%20masih%20"
                                       "butuh%20bantuan."),
        ("email", "cs@tokosenja.example", "mailto:cs@tokosenja.example?subject=Bantuan%3A%20Pembayaran"),
        ("phone", "(021) 5000-1234", "tel:+622150001234"),
    ]


def test_channels_speak_the_site_language() -> None:
    [whatsapp, _, phone] = contact_channels(load_shop(SHOP), "en", about="Payment")
    assert (whatsapp.label, phone.label) == ("WhatsApp", "Phone")
    assert "Hi%20Toko%20Senja" in whatsapp.href


def test_a_channel_left_out_is_not_shown() -> None:
    shop = load_shop({"shop": {"name": "Toko Kecil", "contact": {"email": "halo@toko.example"}}})
    assert [c.channel for c in contact_channels(shop, "id")] == ["email"]


def test_international_numbers_are_kept() -> None:
    shop = load_shop({"shop": {"name": "S", "contact": {"whatsapp": "+65 8123 4567"}}})
    assert contact_channels(shop, "id")[0].href == "https://wa.me/6581234567"


@pytest.mark.parametrize(("extra", "message"), [
    ({}, "mkdocs.yml: 'extra.shop' is required: the shop's name and contact channels"),
    ({"shop": {"contact": {}}}, "mkdocs.yml: 'extra.shop.name' is required: the shop's name, shown in the contact "
                                "block"),
    ({"shop": {"name": "S", "contact": {"whatsapp": "chat kami"}}},
     "mkdocs.yml: 'extra.shop.contact.whatsapp' is not in the expected form (WhatsApp number as customers know it, "
     "e.g. 0812-0000-1234), got 'chat kami'"),
    ({"shop": {"name": "S", "contact": {"emial": "a@b.example"}}},
     "mkdocs.yml: unknown field 'extra.shop.contact.emial' (did you mean 'email'?)"),
])
def test_wrong_settings_name_the_setting(extra: dict, message: str) -> None:
    with pytest.raises(ShopSettingsError) as raised:
        load_shop(extra)
    assert str(raised.value) == message
