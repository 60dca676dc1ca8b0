"""The application factory: services from the composition root (web/bootstrap), routes wired."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from web.bootstrap import NO_OVERRIDES, STATIC_DIR, Overrides, build_services, load_settings
from web.bootstrap import transparency_source as transparency_source_for
from web.http import accessibility, api_docs, health, log, transparency
from web.http.body_limits import JsonBodyLimits
from web.http.chat_switch import ChatSwitch
from web.http.citizen import api, widget
from web.http.console import login as console_login
from web.http.console import routes as console_routes
from web.http.console import sso as console_sso
from web.http.console.access import SignInRequired, sign_in_redirect
from web.http.faults import StorageFaultBoundary, as_fault
from web.http.language import request_language
from web.http.operations import add_operations
from web.http.oversight import routes as oversight_routes
from web.http.pages import plain_page
from web.http.request_limits import add_request_limits
from web.http.security_headers import HeaderPolicy, SecurityHeaders
from web.i18n import N_
from web.services import Services
from web.settings import Settings


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "The request was not understood (" + "; ".join(parts) + "). See /docs for the format."


LOG = logging.getLogger("opencounter")


async def _checkpoints(services: Services, interval_s: int) -> None:
    """Sign a checkpoint every interval when entries arrived, even while nobody is chatting;
    and finish the scrub of an erase that could not make its old bytes unreadable at once
    (a reader held the SQLite WAL, a snapshot or a lock held PostgreSQL's key table)."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await asyncio.to_thread(services.log.checkpoint_if_due)
            # Says itself what still holds it (a warning) when it cannot finish yet.
            await asyncio.to_thread(services.log.scrub_if_pending)
        except Exception as error:
            # Any storage fault (the database down too): the loop must live to retry.
            fault = as_fault(error)
            if fault is None:
                raise
            LOG.warning("checkpoint not issued (%s); retrying next interval", fault)


async def _index_for_oversight(services: Services, interval_s: float) -> None:
    """Keep the oversight search index caught up, so searches never wait for a backlog."""
    while True:
        try:
            size = await asyncio.to_thread(services.log.size)
            await asyncio.to_thread(services.facets.catch_up, size)
        except Exception as error:
            # The database down must not end the loop: the index catches up once it is back.
            fault = as_fault(error)
            if fault is None:
                raise
            LOG.warning("oversight index not updated (%s); retrying", fault)
        await asyncio.sleep(interval_s)


def create_app(settings: Settings | None = None, overrides: Overrides = NO_OVERRIDES) -> FastAPI:
    """Build the whole application; nothing is opened before this is called.

    `overrides` puts a test's embedder, model, clock or password hasher in place.
    """
    settings = settings or load_settings()
    services = build_services(settings, overrides)

    app = FastAPI(
        title="OpenCounter",
        summary="A public-service assistant that answers from the city's pages, with citations.",
        version="0.1.0",
        lifespan=partial(_lifespan, services, settings),
        # /docs is ours (web/http/api_docs.py): FastAPI's pages load Swagger UI and ReDoc
        # from a CDN with an inline script, which the CSP forbids.
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = services
    app.state.settings = settings
    app.state.static_dir = STATIC_DIR
    app.state.transparency = transparency_source_for(services, settings, overrides)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _validation_message(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "The request was not understood."
        if request.url.path.startswith(("/api/", "/audit/")):
            # The parser's own errors (e.g. a number too long to read) get the API's shape.
            if exc.status_code == 400:
                detail = f'{detail.rstrip(".")}. Send a JSON object like {{"text": "..."}}.'
            return JSONResponse({"error": detail}, status_code=exc.status_code, headers=exc.headers)
        lang = request_language(request, services.languages)
        words = services.catalogs.ui_text(lang)
        message = (
            services.catalogs.gettext(lang, N_("This page does not exist."))
            if exc.status_code == 404
            else detail
        )
        return plain_page(
            services.templates,
            request,
            "error.html",
            lang=lang,
            words=words,
            organisation=services.organisation,
            status_code=exc.status_code,
            heading=words["error_heading"],
            error=message,
        )

    # Innermost of the middleware, as the `@app.middleware("http")` function it replaces was.
    app.add_middleware(ChatSwitch, services=services)
    app.add_middleware(JsonBodyLimits)
    # Outside the chat switch and the body limits: a flood is refused before anything else.
    add_request_limits(app, settings, services)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(widget.router)
    app.include_router(api.router)
    app.include_router(health.router)
    app.include_router(transparency.router)
    app.include_router(accessibility.router)
    app.include_router(log.router)
    app.add_exception_handler(SignInRequired, sign_in_redirect)
    app.include_router(console_login.router)
    for routes in (console_sso, console_routes, oversight_routes, api_docs):
        app.include_router(routes.router)
    # Outside every other part but the headers: a storage fault anywhere is a 503 that says
    # what is down and how to reach a person, never a 500 or a dropped connection.
    app.add_middleware(StorageFaultBoundary, services=services)
    # Metrics and the request log: outside every part but the headers (the status sent).
    add_operations(app, services, settings)
    # Added last, so it is outermost: every response gets the headers, errors included.
    app.add_middleware(SecurityHeaders, policy=HeaderPolicy.from_settings(settings))
    return app


@asynccontextmanager
async def _lifespan(services: Services, settings: Settings, app: FastAPI) -> AsyncIterator[None]:
    # Before the first request is served: the first citizen must not pay for it (`serve` has
    # done it already; a second call costs nothing). Nothing is left open if it fails.
    try:
        await asyncio.to_thread(services.warm_up)
    except BaseException:
        services.close()
        raise
    services.people.start()
    ticker = asyncio.create_task(_checkpoints(services, settings.checkpoint_interval_s))
    indexer = asyncio.create_task(_index_for_oversight(services, 5.0))
    yield
    ticker.cancel()
    indexer.cancel()
    services.people.close()
    services.close()
