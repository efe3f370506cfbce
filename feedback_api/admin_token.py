"""The admin token: the one secret in front of the live gap report and the agents' edition.

Compared in constant time; a client that presented a wrong token HELPCENTER_TOKEN_ATTEMPTS times (10) in a minute
gets 429 for the rest of that minute on every route behind it, right token or not, so that guessing costs minutes,
not microseconds. One guard per app: the report and the agents' edition count the same failures. A request with no
token at all is no guess (a browser asks first without one, then with the password): 401, not counted.
"""

from __future__ import annotations

import base64
import binascii
import hmac

from fastapi import FastAPI

from feedback_api.ratelimit import RateLimiter
from feedback_api.settings import Settings

FAILED_ATTEMPTS_PER_MINUTE = 10
UNAUTHORIZED = 401
TOO_MANY = 429


def presented_token(authorization: str) -> str | None:
    """The token in an Authorization header, Bearer or as the password of Basic; None when there is none."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode().partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return None
    return None


class AdminToken:
    def __init__(self, token: str, attempts_per_minute: int = FAILED_ATTEMPTS_PER_MINUTE) -> None:
        self._expected = token.encode()
        self._failures = RateLimiter(attempts_per_minute)

    def refusal(self, authorization: str, client: str) -> tuple[int, int | None] | None:
        """None when the request may pass; else the status (401, or 429 while the client waits) and the seconds to
        wait."""
        wait = self._failures.waiting(client)
        if wait is not None:
            return TOO_MANY, wait
        token = presented_token(authorization)
        if token is None:
            return UNAUTHORIZED, None
        if not hmac.compare_digest(token.encode(), self._expected):
            self._failures.retry_after(client)
            return UNAUTHORIZED, None
        return None


def admin_token(app: FastAPI, settings: Settings) -> AdminToken | None:
    """The app's one guard, made on first use; None when no admin token is configured (the routes do not exist)."""
    if settings.admin_token is None:
        return None
    if getattr(app.state, "admin_token", None) is None:
        app.state.admin_token = AdminToken(settings.admin_token.get_secret_value(), settings.token_attempts)
    return app.state.admin_token
