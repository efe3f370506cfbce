"""The feedback endpoint's HTTP face: a versioned JSON API, and the built site beside it on one origin.

Handlers are plain async functions: validate against the manifest in memory, hand the vote or event to the
process's writer (feedback_api/writer.py), and answer once it is committed. They never wait on the database in the
event loop; their one file access is reading a new build's manifest, once per build.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.staticfiles import StaticFiles

from feedback_api.agents_routes import add_agents_routes
from feedback_api.body_limit import BodyLimit
from feedback_api.manifest import Catalog
from feedback_api.ratelimit import RateLimiter
from feedback_api.report_routes import add_report_routes
from feedback_api.settings import Settings, load_settings
from feedback_api.writer import Writer
from helpcenter.feedback.database import make_engine, schema_version, upgrade
from helpcenter.feedback.records import Event, SearchEvent, Vote
from helpcenter.manifest import ManifestError

API = "/api/v1"


class Recorded(BaseModel):
    recorded: Literal[True] = True


class Health(BaseModel):
    status: Literal["ok"]
    schema_version: str | None
    pages: int


class Problem(BaseModel):
    error: str
    details: list[dict[str, Any]] = []


_ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": Problem} for status in (413, 422, 429)}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app: schema upgraded, manifest loaded lazily, site mounted at / when there is one."""
    settings = settings or load_settings()
    engine = make_engine(settings.database_url)
    upgrade(engine)
    catalog = Catalog(settings.manifest)
    limiter = RateLimiter(settings.rate_limit)
    writer = Writer(engine)

    app = FastAPI(title="Pusat Bantuan feedback API", version="1", openapi_url=f"{API}/openapi.json",
                  docs_url=None, redoc_url=None)
    app.state.engine = engine

    def admit(request: Request, *places: tuple[str, str | None]) -> None:
        """Rate limit first; then every (page, anchor) named must exist in the manifest."""
        client = request.client.host if request.client else "unknown"
        wait = limiter.retry_after(client)
        if wait is not None:
            raise HTTPException(429, f"too many requests; try again in {wait} seconds", {"Retry-After": str(wait)})
        for page, anchor in places:
            problem = catalog.problem(page, anchor)
            if problem:
                raise HTTPException(422, problem)

    @app.post(f"{API}/votes", status_code=201, responses=_ERRORS, summary="Record a vote")
    async def post_vote(vote: Vote, request: Request) -> Recorded:
        """'Apakah ini membantu?': yes or no for a page or a question, with a reason and comment for no."""
        admit(request, (vote.page, vote.anchor))
        await writer.record(vote)
        return Recorded()

    @app.post(f"{API}/events", status_code=201, responses=_ERRORS, summary="Record an event")
    async def post_event(event: Annotated[Event, Body()], request: Request) -> Recorded:
        """A search, a click on a contact channel, or a page read, tied to the visit."""
        places = []
        if event.page is not None:
            places.append((event.page, getattr(event, "anchor", None)))
        if isinstance(event, SearchEvent) and event.opened:
            page, _, anchor = event.opened.partition("#")
            places.append((page, anchor or None))
        admit(request, *places)
        await writer.record(event)
        return Recorded()

    @app.get(f"{API}/health", responses={503: {"model": Problem}}, summary="Health check")
    def get_health() -> Health:
        """Ready when the database answers; tells the schema version and how many pages the manifest has."""
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return Health(status="ok", schema_version=schema_version(engine), pages=len(catalog.pages()))

    add_report_routes(app, engine, settings)
    add_agents_routes(app, settings)
    _add_error_handlers(app)
    if settings.site_dir is not None and settings.site_dir.is_dir():
        app.mount("/", StaticFiles(directory=settings.site_dir, html=True), name="site")
    app.add_middleware(CORSMiddleware, allow_origins=list(settings.allowed_origins), allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type"], max_age=3600)
    # Outermost: an oversized body is refused before CORS, routing or parsing see it.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    return app


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
        return JSONResponse({"error": f"the feedback store is unavailable ({type(exc).__name__}); try again later",
                             "details": []}, status_code=503, headers={"Retry-After": "30"})

    @app.exception_handler(ManifestError)
    async def manifest_unavailable(_request: Request, exc: ManifestError) -> JSONResponse:
        return JSONResponse({"error": str(exc), "details": []}, status_code=503, headers={"Retry-After": "30"})
