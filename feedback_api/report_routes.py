"""The live gap report for the CS lead: the same report as `helpcenter report`, as JSON and HTML, behind a token.

Routes exist only when HELPCENTER_ADMIN_TOKEN is set; without it they answer 404 like any unknown path. With it,
every request must carry the token, as `Authorization: Bearer <token>` (scripts) or as the password of HTTP Basic
authentication (a browser asks for it; any user name), compared in constant time (`feedback_api.admin_token`).
Anything else is 401 with no data: the token check runs before the query parameters are even read. The refusal
speaks Indonesian, as the report does: JSON for scripts, a short page for a browser (which then asks for the
password).

The report's links lead to the site's pages on this host when the endpoint serves the site, and its searches
without results are asked again of the built site's search (the manifest's folder).

A client that failed 10 times in a minute gets 429 for the rest of that minute, right token or not, here and in
the agents' edition alike, so that guessing costs minutes, not microseconds.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import escape
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

from feedback_api.admin_token import TOO_MANY, admin_token
from feedback_api.ratelimit import too_many_requests
from feedback_api.settings import Settings
from helpcenter.manifest import read_manifest
from helpcenter.messages.report import word
from helpcenter.report.gap_report import read_report
from helpcenter.report.gather import Period

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
_CHALLENGE = {"WWW-Authenticate": 'Basic realm="Pusat Bantuan report", charset="UTF-8"'}


class ReportLocked(HTTPException):
    """No token, or the wrong one: 401 with the challenge that makes a browser ask for the password."""

    def __init__(self) -> None:
        super().__init__(401, word("locked"), _CHALLENGE)


def locked_response(request: Request, _exc: Exception) -> Response:
    """The refusal in Indonesian: a page for a browser (it asked for HTML), JSON for anything else."""
    headers = {**HEADERS, **_CHALLENGE}
    if "text/html" in request.headers.get("accept", ""):
        page = (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" '
                f'content="width=device-width, initial-scale=1"><title>{escape(word("locked.title"))}</title></head>'
                f'<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">'
                f'<h1>{escape(word("locked.title"))}</h1><p>{escape(word("locked.page"))}</p></body></html>')
        return HTMLResponse(page, status_code=401, headers=headers)
    return JSONResponse({"error": word("locked"), "details": []}, status_code=401, headers=headers)


def add_report_routes(app: FastAPI, engine: Engine, settings: Settings) -> None:
    """Add GET /api/v1/report (JSON) and /api/v1/report.html when an admin token is configured."""
    guard = admin_token(app, settings)
    if guard is None:
        return
    app.add_exception_handler(ReportLocked, locked_response)
    # Beside the site, its pages are on this host; otherwise they are where the manifest says.
    links = "/" if settings.site_dir is not None and settings.site_dir.is_dir() else None

    def require_token(request: Request) -> None:
        refused = guard.refusal(request.headers.get("authorization", ""),
                                request.client.host if request.client else "unknown")
        if refused is None:
            return
        status, wait = refused
        if status == TOO_MANY:
            body, headers = too_many_requests(wait or 60)
            raise HTTPException(TOO_MANY, body["error"], headers)
        raise ReportLocked()

    def report(output_format: str, days: int, until: date | None, language: str) -> str:
        try:
            period = Period.asked(until or date.today(), days)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        return read_report(engine, read_manifest(settings.manifest), period.since, period.until,
                           output_format, language=language, site_dir=settings.manifest.parent, links=links)

    @app.get("/api/v1/report", dependencies=[Depends(require_token)], include_in_schema=False)
    def get_report(days: Days = 30, until: Until = None, language: Language = "id") -> Response:
        return Response(report("json", days, until, language), media_type="application/json", headers=HEADERS)

    @app.get("/api/v1/report.html", dependencies=[Depends(require_token)], include_in_schema=False)
    def get_report_html(days: Days = 30, until: Until = None, language: Language = "id") -> HTMLResponse:
        return HTMLResponse(report("html", days, until, language), headers=HEADERS)
