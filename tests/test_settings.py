"""Settings from the environment: the admin token of the live report, and that a secret is never echoed."""

from __future__ import annotations

import pytest

from feedback_api.settings import SettingsError, load_settings

TOKEN = "a-long-random-admin-token-0123"


def test_no_token_by_default_and_empty_means_none() -> None:
    assert load_settings({}).admin_token is None
    assert load_settings({"HELPCENTER_ADMIN_TOKEN": ""}).admin_token is None


def test_the_token_is_kept_secret() -> None:
    settings = load_settings({"HELPCENTER_ADMIN_TOKEN": TOKEN})
    assert settings.admin_token.get_secret_value() == TOKEN
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)


def test_a_short_token_stops_start_up_without_repeating_it() -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings({"HELPCENTER_ADMIN_TOKEN": "hunter2"})
    assert str(raised.value).startswith("HELPCENTER_ADMIN_TOKEN: Value error, needs at least 16 characters")
    assert str(raised.value).endswith("got 7 characters") and "hunter2" not in str(raised.value)


def test_other_wrong_values_are_named_and_shown() -> None:
    with pytest.raises(SettingsError, match=r"HELPCENTER_RATE_LIMIT: .* got '0'"):
        load_settings({"HELPCENTER_RATE_LIMIT": "0"})


def test_a_wildcard_origin_stops_start_up_with_what_to_write_instead() -> None:
    """'*' would let any page on the web send votes and events in its visitors' names."""
    with pytest.raises(SettingsError, match=r"^HELPCENTER_ALLOWED_ORIGINS: .*'\*' would let any site send feedback; "
                                            r"list the origins, e.g. https://bantuan.toko.example"):
        load_settings({"HELPCENTER_ALLOWED_ORIGINS": "https://bantuan.toko.example, *"})
