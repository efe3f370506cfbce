"""feedback_api.cors.CORS answers exactly as Starlette's CORSMiddleware, whatever the request and the answer."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from feedback_api.cors import CORS

ALLOWED = "https://bantuan.toko.example"


def _app(middleware: type) -> Starlette:
    async def plain(_request) -> Response:
        return JSONResponse({"recorded": True}, status_code=201)

    async def varies(_request) -> Response:
        return Response("<h1>x</h1>", headers={"Vary": "Accept-Encoding"})

    routes = [Route("/plain", plain, methods=["GET", "POST"]), Route("/varies", varies), Route("/raw", _Raw())]
    return Starlette(routes=routes, middleware=[Middleware(middleware, allow_origins=[ALLOWED],
                                                           allow_methods=["GET", "POST"],
                                                           allow_headers=["Content-Type"], max_age=3600)])


class _Raw:
    """An ASGI app whose start message has no headers at all."""

    async def __call__(self, _scope, _receive, send) -> None:
        await send({"type": "http.response.start", "status": 204})
        await send({"type": "http.response.body", "body": b""})


@pytest.mark.parametrize("headers", [
    {},
    {"origin": ALLOWED},
    {"origin": "https://evil.example"},
    {"Origin": ALLOWED, "access-control-request-method": "POST", "access-control-request-headers": "content-type"},
], ids=["same origin", "allowed", "refused", "preflight"])
@pytest.mark.parametrize(("method", "path"), [("POST", "/plain"), ("OPTIONS", "/plain"), ("GET", "/varies"),
                                              ("GET", "/raw"), ("GET", "/nowhere")])
def test_the_same_answer_as_starlettes(headers: dict, method: str, path: str) -> None:
    ours, starlettes = (TestClient(_app(middleware)).request(method, path, headers=headers)
                        for middleware in (CORS, CORSMiddleware))
    assert (ours.status_code, ours.headers.raw, ours.content) == \
        (starlettes.status_code, starlettes.headers.raw, starlettes.content)
    assert "Origin" in ours.headers["vary"]
