"""Settings, read once from the environment at start-up, with defaults that work on a laptop.

A wrong value stops start-up with one line that names the variable.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, ValidationInfo, field_validator

from helpcenter.feedback.database import DEFAULT_DATABASE_URL
from helpcenter.manifest import DEFAULT_PATH

PREFIX = "HELPCENTER_"
SECRETS = frozenset({PREFIX + "ADMIN_TOKEN"})


class SettingsError(ValueError):
    """A setting in the environment is wrong; the message names it."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    database_url: str = Field(DEFAULT_DATABASE_URL,
                              description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db")
    manifest: Path = Field(DEFAULT_PATH, description="the build manifest to check against")
    site_dir: Path | None = Field(Path("site"), description="the built site to serve beside the API; empty: API only")
    agents_dir: Path | None = Field(Path("site-agents"), description="the CS agents' edition (make agents), served at "
                                    "/agents/ behind the admin token; empty: not served")
    allowed_origins: tuple[str, ...] = Field((), description="other origins allowed to send feedback (CORS)")
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = Field(
        (), description="addresses of the proxies whose X-Forwarded-For names the client; empty: none")
    rate_limit: int = Field(60, ge=1, description="requests per minute per client to the API")
    max_body_bytes: int = Field(4096, ge=512, description="largest request body accepted")
    admin_token: SecretStr | None = Field(None, description="token for the live gap report; empty: report off")
    token_attempts: int = Field(10, ge=1, description="wrong admin tokens a client may present in a minute; then "
                                "429 until the minute ends")

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(origin.strip().rstrip("/") for origin in value.split(",") if origin.strip())
        return value

    @field_validator("allowed_origins")
    @classmethod
    def _no_wildcard(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Any page on the web could then send votes in its visitors' names.
        if "*" in value:
            raise ValueError("'*' would let any site send feedback; list the origins, e.g. "
                             "https://bantuan.toko.example")
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(proxy.strip() for proxy in value.split(",") if proxy.strip())
        return value

    @field_validator("site_dir", "agents_dir", "admin_token", mode="before")
    @classmethod
    def _empty_means_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("agents_dir")
    @classmethod
    def _not_inside_the_site(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        """The public site is served to anyone: the agents' edition inside it would be public too."""
        site = info.data.get("site_dir")
        if value is not None and site is not None and value.resolve().is_relative_to(site.resolve()):
            raise ValueError(f"must not be inside the public site ({site}): anyone could read it there; build it "
                             "beside it, as make agents does (site-agents)")
        return value

    @field_validator("admin_token")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 16:
            raise ValueError("needs at least 16 characters, e.g. from: python3 -c 'import secrets; "
                             "print(secrets.token_urlsafe(24))'")
        return value


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from HELPCENTER_* variables; raise SettingsError naming the first wrong one."""
    environ = os.environ if environ is None else environ
    names = {name: PREFIX + name.upper() for name in Settings.model_fields}
    values = {name: environ[variable] for name, variable in names.items() if variable in environ}
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        name = PREFIX + str(error["loc"][0]).upper()
        # A secret is not repeated into a log, only its length.
        found = f"{len(str(error.get('input')))} characters" if name in SECRETS else repr(error.get("input"))
        raise SettingsError(f"{name}: {error['msg']}, got {found}") from None
