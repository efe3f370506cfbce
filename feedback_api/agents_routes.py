"""The CS agents' edition (`make agents`, site-agents/) at /agents/, behind the admin token: never public.

It holds internal notes and procedures, so it exists only when HELPCENTER_ADMIN_TOKEN is set and the folder
(HELPCENTER_AGENTS_DIR) is there; otherwise /agents/ is any unknown path. Every request carries the token as the
live report's do (`feedback_api.report_routes`): as the password of HTTP Basic authentication (a browser asks once;
any user name) or as `Bearer <token>`, compared in constant time before any file is looked at; anything else is
401. When nginx serves the folder itself, it asks GET /api/v1/agents/auth first (auth_request, deploy/nginx.conf):
204 with the token, 401 and the browser's challenge without.
"""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from feedback_api.admin_token import TOO_MANY, AdminToken, admin_token
from feedback_api.ratelimit import too_many_requests
from feedback_api.settings import Settings
from helpcenter.content.audience import AGENTS_PATH

PREFIX = "/" + AGENTS_PATH.rstrip("/")
AUTH_ROUTE = "/api/v1/agents/auth"
# Agents' browsers may keep a page, revalidated; no shared cache, search engine or other site may.
HEADERS = {
    "Cache-Control": "private, no-cache",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
_CHALLENGE = {"WWW-Authenticate": 'Basic realm="Pusat Bantuan, edisi CS", charset="UTF-8"'}
_REFUSED = "the agents' edition needs the admin token (HELPCENTER_ADMIN_TOKEN)"


def add_agents_routes(app: FastAPI, settings: Settings) -> None:
    """Mount the agents' edition at /agents/ and add GET /api/v1/agents/auth, when an admin token is configured."""
    guard = admin_token(app, settings)
    if guard is None:
        return

    @app.get(AUTH_ROUTE, status_code=204, include_in_schema=False)
    def get_agents_auth(request: Request) -> Response:
        # nginx's auth_request passes on 401 and 403 only; a 429 would be its own 500.
        refused = _refused(guard, request.headers, request.client.host if request.client else "unknown",
                           waiting_status=403)
        return refused or Response(status_code=204, headers=HEADERS)

    if settings.agents_dir is not None and settings.agents_dir.is_dir():
        # /agents without its slash would be the public site's unknown page: the edition's pages link relatively.
        app.add_api_route(PREFIX, lambda: RedirectResponse(PREFIX + "/", 308), include_in_schema=False)
        app.mount(PREFIX, BehindToken(StaticFiles(directory=settings.agents_dir, html=True), guard),
                  name="agents")


def _refused(guard: AdminToken, headers: Headers, client: str, waiting_status: int = TOO_MANY) -> Response | None:
    """The answer to a request without the token (401 with the browser's challenge, or `waiting_status` while its
    client waits after too many wrong ones); None when it carries the token."""
    refused = guard.refusal(headers.get("authorization", ""), client)
    if refused is None:
        return None
    status, wait = refused
    if status == TOO_MANY:
        body, retry = too_many_requests(wait or 60)
        return PlainTextResponse(body["error"], waiting_status, headers={**retry, **HEADERS})
    return PlainTextResponse(_REFUSED, status, headers={**_CHALLENGE, **HEADERS})


class BehindToken:
    """An ASGI app that lets a request through to `app` only with the admin token, and marks every answer private."""

    def __init__(self, app: ASGIApp, guard: AdminToken) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else "unknown"
        refused = _refused(self.guard, Headers(scope=scope), client)
        if refused is not None:
            await refused(scope, receive, send)
            return

        async def private(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(HEADERS)
            await send(message)

        await self.app(scope, receive, private)
