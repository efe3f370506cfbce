"""The baseline of bench/api.py: a bare Starlette app that stores each request's JSON with one INSERT and a commit.

Same tables, same engine and so the same durability as the endpoint (`make_engine`: SQLite in WAL mode with
synchronous=FULL; PostgreSQL's defaults), and nothing else: no validation, no manifest, no rate limit, no salt.
The INSERT runs in Starlette's thread pool, as a plain app would run blocking database code.

    BENCH_DATABASE_URL=sqlite:///x.sqlite3 uvicorn bare_api:create_app --factory --app-dir bench
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from helpcenter.feedback.database import make_engine
from helpcenter.feedback.store import events, votes

VOTE_FIELDS = ("page", "helpful", "reason", "comment", "visitor", "visit")
EVENT_FIELDS = ("kind", "visit", "page", "anchor", "query", "results", "opened", "channel")


def create_app() -> Starlette:
    engine = make_engine(os.environ["BENCH_DATABASE_URL"])

    def insert(table, row: dict) -> None:
        with engine.begin() as connection:
            connection.execute(table.insert(), row)

    async def post_vote(request: Request) -> JSONResponse:
        body = await request.json()
        now = datetime.now(UTC)
        row = {"created_at": now, "day": now.date(), "anchor": body.get("anchor") or "",
               "language": body.get("language", "id"), **{name: body.get(name) for name in VOTE_FIELDS}}
        await run_in_threadpool(insert, votes, row)
        return JSONResponse({"recorded": True}, status_code=201)

    async def post_event(request: Request) -> JSONResponse:
        body = await request.json()
        now = datetime.now(UTC)
        row = {"created_at": now, "day": now.date(), "language": body.get("language", "id"),
               **{name: body.get(name) for name in EVENT_FIELDS}}
        await run_in_threadpool(insert, events, row)
        return JSONResponse({"recorded": True}, status_code=201)

    return Starlette(routes=[Route("/api/v1/votes", post_vote, methods=["POST"]),
                             Route("/api/v1/events", post_event, methods=["POST"])])
