"""The feedback endpoint's HTTP face: a versioned JSON API, and the built site beside it on one origin.

Handlers are plain async functions: validate against the manifest in memory, hand the vote or event to the
process's writer (feedback_api/writer.py), and answer once it is committed. They never wait on the database in the
event loop; their one file access is reading a new build's manifest, once per build.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.routing import Match, Mount, get_route_path
from starlette.types import Scope

from feedback_api.agents_routes import add_agents_routes
from feedback_api.body_limit import BodyLimit
from feedback_api.body_route import BodyRoute
from feedback_api.client_address import TrustedProxies
from feedback_api.cors import CORS
from feedback_api.manifest import Catalog
from feedback_api.ratelimit import LimitRequests, RateLimiter
from feedback_api.report_routes import add_report_routes
from feedback_api.retention import SaltSweeper
from feedback_api.settings import Settings, load_settings
from feedback_api.site import Site
from feedback_api.writer import Writer
from helpcenter.feedback.database import Schema, make_engine, schema_version
from helpcenter.feedback.privacy import mask_personal_data
from helpcenter.feedback.records import COMMENT_MAX_LENGTH, QUERY_MAX_LENGTH, Event, SearchEvent, Vote
from helpcenter.manifest import ManifestError

API = "/api/v1"
logger = logging.getLogger(__name__)


class Recorded(BaseModel):
    recorded: Literal[True] = True


class Health(BaseModel):
    status: Literal["ok", "not ready"]
    schema_version: str | None
    pages: int
    error: str | None = None


class Problem(BaseModel):
    error: str
    details: list[dict[str, Any]] = []


_ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": Problem} for status in (413, 422, 429, 503)}
Endpoint = Callable[..., Awaitable[Recorded]]


class SiteMount(Mount):
    """The site at /, except under /api/: there an unknown path is the API's JSON 404 and a wrong method its 405
    with Allow, not the site's 404 page."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and get_route_path(scope).startswith("/api/"):
            return Match.NONE, {}
        return super().matches(scope)


def _keep_out_of_collections() -> None:
    """What the process holds for its whole life (modules, the app, its models) is left out of the garbage
    collector's full passes, which otherwise walk it all every few thousand requests: under load those pauses were
    the slowest answers (p99 93 -> 24 ms with the collector off, in bench/api.py's flood) and a third of the CPU."""
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None, salt_sweep_interval: float = 3600.0) -> FastAPI:
    """The ASGI app: schema upgraded (or once the store is back), manifest loaded lazily, site mounted at /."""
    settings = settings or load_settings()
    engine = make_engine(settings.database_url)
    schema = Schema(engine)
    try:
        schema.ensure()
    except SQLAlchemyError as exc:
        # Start anyway: requests get 503 and the widget keeps their votes until the store is back.
        logger.warning("the feedback store is unavailable (%s); answering 503 until it is back", type(exc).__name__)
    catalog = Catalog(settings.manifest)
    writer = Writer(engine, prepare=schema.ensure)
    sweeper = SaltSweeper(engine, schema, interval=salt_sweep_interval)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        _keep_out_of_collections()
        task = asyncio.create_task(sweeper.run())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    app = FastAPI(title="Pusat Bantuan feedback API", version="1", openapi_url=f"{API}/openapi.json",
                  docs_url=None, redoc_url=None, redirect_slashes=False, lifespan=lifespan)
    app.state.engine = engine
    app.state.salt_sweeper = sweeper

    def admit(*places: tuple[str, str | None]) -> None:
        """Every (page, anchor) named must exist in the manifest; no manifest yet is a 503 (ManifestError).
        The rate limit was counted before (LimitRequests)."""
        catalog.pages()
        for page, anchor in places:
            problem = catalog.problem(page, anchor)
            if problem:
                raise HTTPException(422, problem)

    def record(path: str, summary: str) -> Callable[[Endpoint], Endpoint]:
        """Declare a POST route that records what it is sent: 201 once stored (BodyRoute: the hot path)."""
        def declare(endpoint: Endpoint) -> Endpoint:
            app.router.add_api_route(path, endpoint, methods=["POST"], status_code=201, responses=_ERRORS,
                                     summary=summary, route_class_override=BodyRoute)
            return endpoint
        return declare

    @record(f"{API}/votes", summary="Record a vote")
    async def post_vote(vote: Vote) -> Recorded:
        """'Apakah ini membantu?': yes or no for a page or a question, with a reason and comment for no."""
        admit((vote.page, vote.anchor))
        if vote.comment:
            vote = vote.model_copy(update={"comment": mask_personal_data(vote.comment)[:COMMENT_MAX_LENGTH]})
        await writer.record(vote)
        return Recorded()

    @record(f"{API}/events", summary="Record an event")
    async def post_event(event: Annotated[Event, Body()]) -> Recorded:
        """A search, a click on a contact channel, or a page read, tied to the visit."""
        places = []
        if event.page is not None:
            places.append((event.page, getattr(event, "anchor", None)))
        if isinstance(event, SearchEvent) and event.opened:
            page, _, anchor = event.opened.partition("#")
            places.append((page, anchor or None))
        admit(*places)
        if isinstance(event, SearchEvent):
            event = event.model_copy(update={"query": mask_personal_data(event.query)[:QUERY_MAX_LENGTH]})
        await writer.record(event)
        return Recorded()

    @app.get(f"{API}/health", responses={503: {"model": Health}}, response_model_exclude_none=True,
             summary="Health check")
    def get_health(response: Response) -> Health:
        """Ready when the store answers and a complete manifest was read: the schema version and how many pages
        the manifest has. Not ready (503) while either is away, so a load balancer sends votes elsewhere."""
        try:
            schema.ensure()
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            pages = len(catalog.pages())
        except (SQLAlchemyError, ManifestError) as exc:
            error = str(exc) if isinstance(exc, ManifestError) else _store_error(exc)
            response.status_code = 503
            response.headers["Retry-After"] = "30"
            return Health(status="not ready", schema_version=None, pages=0, error=error)
        return Health(status="ok", schema_version=schema_version(engine), pages=pages)

    add_report_routes(app, engine, settings)
    add_agents_routes(app, settings)
    _add_error_handlers(app)
    if settings.site_dir is not None and settings.site_dir.is_dir():
        app.router.routes.append(SiteMount("/", app=Site(settings.site_dir), name="site"))
    # Innermost first: an oversized body is refused before routing or parsing see it; every write to the API
    # counts against its client's limit before that, with the client named by a trusted proxy (or itself).
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(LimitRequests, limiter=RateLimiter(settings.rate_limit))
    app.add_middleware(TrustedProxies, trusted=settings.trusted_proxies)
    app.add_middleware(CORS, allow_origins=list(settings.allowed_origins), allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type"], max_age=3600)
    return app


def _store_error(exc: SQLAlchemyError) -> str:
    return f"the feedback store is unavailable ({type(exc).__name__}); try again later"


def _add_error_handlers(app: FastAPI) -> None:
    """Every refusal is JSON with a reason a developer can act on; nothing reaches the client as a 500."""

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"field": ".".join(str(p) for p in error["loc"] if p != "body"), "message": error["msg"]}
                   for error in exc.errors()]
        summary = "; ".join(f"{d['field'] or 'body'}: {d['message']}" for d in details[:3])
        return JSONResponse({"error": f"invalid request: {summary}", "details": details}, status_code=422)

    @app.exception_handler(HTTPException)
    async def refused(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail, "details": []}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    # The store or the manifest being away is the server's trouble, not the request's: 503, so that the widget
    # keeps the vote and sends it again later.
    @app.exception_handler(SQLAlchemyError)
    async def store_unavailable(_request: Request, exc: SQLAlchemyError) -> JSONResponse:
        return JSONResponse({"error": _store_error(exc), "details": []}, status_code=503,
                            headers={"Retry-After": "30"})

    @app.exception_handler(ManifestError)
    async def manifest_unavailable(_request: Request, exc: ManifestError) -> JSONResponse:
        return JSONResponse({"error": str(exc), "details": []}, status_code=503, headers={"Retry-After": "30"})
