"""The feedback endpoint inside the writers' preview (`mkdocs serve`, `make preview`): the real app, called from the
preview server's WSGI threads, on a store of its own.

So that the vote widget in the preview behaves as on the published site: votes and events are checked against the
preview's manifest and recorded, by the same code, in `var/preview.sqlite3` (never the real store); a writer can
read them with `helpcenter report --database sqlite:///var/preview.sqlite3`.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path
from typing import Any

from feedback_api.app import create_app
from feedback_api.settings import Settings

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class PreviewEndpoint:
    """A WSGI app that hands each request to the ASGI feedback app and returns its answer."""

    def __init__(self, database: Path, manifest: Path) -> None:
        database.parent.mkdir(parents=True, exist_ok=True)
        self._settings = Settings(database_url=f"sqlite:///{database}", manifest=manifest, site_dir=None)

    @functools.cached_property
    def app(self) -> Any:
        """Made on the first request: the preview starts without waiting for the store's migrations."""
        return create_app(self._settings)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        status, headers, body = asyncio.run(self._call(environ))
        start_response(status, headers)
        return [body]

    async def _call(self, environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        request_body = environ["wsgi.input"].read(length) if length else b""
        headers = [(key[5:].replace("_", "-").lower().encode("latin-1"), value.encode("latin-1"))
                   for key, value in environ.items() if key.startswith("HTTP_")]
        for key, name in (("CONTENT_TYPE", b"content-type"), ("CONTENT_LENGTH", b"content-length")):
            if environ.get(key):
                headers.append((name, environ[key].encode("latin-1")))
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "scheme": "http",
            "method": environ["REQUEST_METHOD"], "path": environ.get("PATH_INFO", "/"),
            "raw_path": environ.get("PATH_INFO", "/").encode("latin-1"), "root_path": "",
            "query_string": environ.get("QUERY_STRING", "").encode("latin-1"), "headers": headers,
            "client": (environ.get("REMOTE_ADDR", "127.0.0.1"), int(environ.get("REMOTE_PORT") or 0)),
            "server": (environ.get("SERVER_NAME", "localhost"), int(environ.get("SERVER_PORT") or 0)),
        }
        answer: dict[str, Any] = {"status": 500, "headers": [], "body": b""}
        sent = False

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": request_body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answer["status"], answer["headers"] = message["status"], message.get("headers", [])
            elif message["type"] == "http.response.body":
                answer["body"] += message.get("body", b"")

        await self.app(scope, receive, send)
        status = f"{answer['status']} {HTTPStatus(answer['status']).phrase}"
        return status, [(key.decode("latin-1"), value.decode("latin-1")) for key, value in answer["headers"]], \
            answer["body"]

