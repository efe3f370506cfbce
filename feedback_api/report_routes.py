"""The live gap report for the CS lead: the same report as `helpcenter report`, as JSON and HTML, behind a token.

Routes exist only when HELPCENTER_ADMIN_TOKEN is set; without it they answer 404 like any unknown path. With it,
every request must carry the token, as `Authorization: Bearer <token>` (scripts) or as the password of HTTP Basic
authentication (a browser asks for it; any user name), compared in constant time. Anything else is 401 with no
data: the token check runs before the query parameters are even read. A client that failed 10 times in a minute
gets 429 for the rest of that minute, right token or not, so that guessing costs minutes, not microseconds.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from datetime import date, timedelta
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

from feedback_api.ratelimit import RateLimiter, too_many_requests
from feedback_api.settings import Settings
from helpcenter.manifest import read_manifest
from helpcenter.report.gap_report import read_report

# The report holds customer words: no script may run in it, and nobody else may keep a copy.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
Days = Annotated[int, Query(ge=1, le=3660, description="length of the period in days")]
Until = Annotated[date | None, Query(description="last day of the period [today]")]
Language = Annotated[Literal["id", "en"], Query()]
FAILED_ATTEMPTS_PER_MINUTE = 10
_CHALLENGE = {"WWW-Authenticate": 'Basic realm="Pusat Bantuan report", charset="UTF-8"'}


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


def add_report_routes(app: FastAPI, engine: Engine, settings: Settings) -> None:
    """Add GET /api/v1/report (JSON) and /api/v1/report.html when an admin token is configured."""
    if settings.admin_token is None:
        return
    expected = settings.admin_token.get_secret_value().encode()
    failures = RateLimiter(FAILED_ATTEMPTS_PER_MINUTE)

    def require_token(request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        wait = failures.waiting(client)
        if wait is not None:
            body, headers = too_many_requests(wait)
            raise HTTPException(429, body["error"], headers)
        token = presented_token(request.headers.get("authorization", ""))
        if token is None or not hmac.compare_digest(token.encode(), expected):
            failures.retry_after(client)
            raise HTTPException(401, "the report needs the admin token (HELPCENTER_ADMIN_TOKEN)", _CHALLENGE)

    def report(output_format: str, days: int, until: date | None, language: str) -> str:
        last = until or date.today()
        return read_report(engine, read_manifest(settings.manifest), last - timedelta(days=days - 1), last,
                           output_format, language=language)

    @app.get("/api/v1/report", dependencies=[Depends(require_token)], include_in_schema=False)
    def get_report(days: Days = 30, until: Until = None, language: Language = "id") -> Response:
        return Response(report("json", days, until, language), media_type="application/json", headers=HEADERS)

    @app.get("/api/v1/report.html", dependencies=[Depends(require_token)], include_in_schema=False)
    def get_report_html(days: Days = 30, until: Until = None, language: Language = "id") -> HTMLResponse:
        return HTMLResponse(report("html", days, until, language), headers=HEADERS)
