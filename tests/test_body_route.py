"""BodyRoute, the feedback routes' hot path: every answer byte for byte FastAPI's own, and the same rows stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import select

from feedback_api.app import create_app
from feedback_api.body_route import BodyRoute
from feedback_api.settings import Settings
from helpcenter.feedback import store
from helpcenter.manifest import FILE_NAME, write_manifest
from tests.report_data import MANIFEST

VOTE = {"visit": "visit-0000-0001", "visitor": "visitor-0000-0001", "page": "faq/pembayaran/",
        "anchor": "bayar-cod", "helpful": False, "reason": "incomplete", "comment": "Telepon 0812-3456-7890"}
VISIT = {"visit": "visit-0000-0001"}
JSON = {"content-type": "application/json"}
ORIGIN = "https://bantuan.toko.example"

REQUESTS = [
    ("/api/v1/votes", {"json": VOTE}),
    ("/api/v1/votes", {"json": {**VOTE, "anchor": None, "helpful": True, "reason": None, "comment": None}}),
    ("/api/v1/votes", {"json": VOTE, "headers": {"origin": ORIGIN}}),
    ("/api/v1/votes", {"json": VOTE, "headers": {"origin": "https://evil.example"}}),
    ("/api/v1/votes", {"json": {**VOTE, "page": "faq/tidak-ada/"}}),
    ("/api/v1/votes", {"json": {**VOTE, "anchor": "tidak-ada"}, "headers": {"origin": ORIGIN}}),
    ("/api/v1/votes", {"json": {**VOTE, "helpful": "yes", "extra": 1}}),
    ("/api/v1/votes", {"json": {**VOTE, "helpful": True}}),
    ("/api/v1/votes", {"json": {**VOTE, "comment": "halo\x00"}}),
    ("/api/v1/votes", {"json": []}),
    ("/api/v1/votes", {"json": None}),
    ("/api/v1/votes", {"content": b"", "headers": JSON}),
    ("/api/v1/votes", {"content": b"{not json", "headers": JSON}),
    ("/api/v1/votes", {"content": b'{"comment": "\xff"}', "headers": JSON}),
    ("/api/v1/votes", {"content": json.dumps(VOTE).encode()}),
    ("/api/v1/votes", {"content": json.dumps(VOTE).encode(), "headers": {"content-type": "text/plain"}}),
    ("/api/v1/votes", {"content": json.dumps(VOTE).encode(),
                       "headers": {"content-type": "application/json; charset=utf-8"}}),
    ("/api/v1/votes", {"content": json.dumps(VOTE).encode(), "headers": {"content-type": "application/x+json"}}),
    # In two chunks.
    ("/api/v1/votes", {"content": [json.dumps(VOTE)[:20].encode(), json.dumps(VOTE)[20:].encode()],
                       "headers": JSON}),
    ("/api/v1/votes", {"content": b"x" * 5000, "headers": JSON}),
    ("/api/v1/events", {"json": {**VISIT, "kind": "search", "query": "refund kartu 4111 1111 1111 1111",
                                 "results": 3, "opened": "faq/pembayaran/#bayar-cod"}}),
    ("/api/v1/events", {"json": {**VISIT, "kind": "search", "query": "cod", "results": 1,
                                 "opened": "faq/pembayaran/#tidak-ada"}}),
    ("/api/v1/events", {"json": {**VISIT, "kind": "contact", "channel": "whatsapp", "page": "faq/pembayaran/",
                                 "anchor": "bayar-cod"}}),
    ("/api/v1/events", {"json": {**VISIT, "kind": "view", "page": ""}}),
    ("/api/v1/events", {"json": {**VISIT, "kind": "copy", "page": "faq/pembayaran/"}}),
    ("/api/v1/events", {"json": {**VISIT, "kind": "payment"}}),
    ("/api/v1/events", {"json": {**VISIT, "kind": "search", "query": "", "results": -1}}),
]


def _clients(tmp_path: Path, framework: bool, **settings) -> TestClient:
    """The app as it runs, or (framework) with FastAPI's handler behind every BodyRoute, as before it."""
    site = tmp_path / ("framework" if framework else "fast")
    site.mkdir()
    write_manifest(site, MANIFEST)
    app = create_app(Settings(database_url=f"sqlite:///{site / 'feedback.sqlite3'}", manifest=site / FILE_NAME,
                              site_dir=None, allowed_origins=(ORIGIN,), **settings))
    for route in app.router.routes:
        if framework and isinstance(route, BodyRoute):
            route.app = route.framework_app
    return TestClient(app)


def _stored(client: TestClient) -> list[dict]:
    with client.app.state.engine.connect() as connection:
        rows = [dict(row) for table in (store.votes, store.events)
                for row in connection.execute(select(table)).mappings()]
    # The visitor's hash is salted by each store's own salt of the day.
    return [{key: value for key, value in row.items() if key not in ("id", "created_at", "visitor")} for row in rows]


def test_every_answer_and_every_row_is_what_fastapi_gives(tmp_path: Path) -> None:
    fast, framework = _clients(tmp_path, framework=False), _clients(tmp_path, framework=True)
    for path, request in REQUESTS:
        ours, fastapis = (client.post(path, **request) for client in (fast, framework))
        assert (ours.status_code, ours.headers.raw, ours.content) == \
            (fastapis.status_code, fastapis.headers.raw, fastapis.content), (path, request)
    # Two votes (the later ones replace the first) and four events.
    assert _stored(fast) == _stored(framework) and len(_stored(fast)) == 6


def test_the_rate_limit_and_a_store_away_answer_as_before(tmp_path: Path) -> None:
    fast, framework = (_clients(tmp_path, framework=flag, rate_limit=2) for flag in (False, True))
    for client in (fast, framework):
        client.app.state.engine.dispose()
        with client.app.state.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE votes")
    ours, fastapis = ([(answer.status_code, answer.headers.raw, answer.content)
                       for answer in (client.post("/api/v1/votes", json=VOTE) for _ in range(3))]
                      for client in (fast, framework))
    assert ours == fastapis
    assert [status for status, _, _ in ours] == [503, 503, 429]


def test_a_valid_body_skips_fastapis_handler_and_anything_else_gets_it(tmp_path: Path) -> None:
    client = _clients(tmp_path, framework=False)
    [route] = [route for route in client.app.router.routes if getattr(route, "path", "") == "/api/v1/votes"]
    calls = []

    async def framework_app(scope, receive, send) -> None:
        calls.append(scope["path"])
        await handler(scope, receive, send)

    handler, route.framework_app = route.framework_app, framework_app
    assert client.post("/api/v1/votes", json=VOTE).status_code == 201
    assert calls == []
    assert client.post("/api/v1/votes", json={**VOTE, "helpful": "ya"}).status_code == 422
    assert calls == ["/api/v1/votes"]


class _Answer(BaseModel):
    ok: bool = True


async def _no_body() -> _Answer:
    return _Answer()


def _sync(answer: _Answer) -> _Answer:
    return answer


async def _with_query(answer: _Answer, limit: int = 3) -> _Answer:
    return answer


@pytest.mark.parametrize("endpoint", [_no_body, _sync, _with_query], ids=["no body", "sync", "a query parameter too"])
def test_only_an_async_endpoint_with_one_body_can_be_a_body_route(endpoint) -> None:
    with pytest.raises(TypeError, match="one body"):
        FastAPI().router.add_api_route("/x", endpoint, methods=["POST"], route_class_override=BodyRoute)
