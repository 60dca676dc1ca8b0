"""The accessibility statement: the model statement's parts, with the latest recorded test run."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from web.http.deps import ServicesDep
from web.http.language import remember_language, request_language
from web.transparency.accessibility import (
    RUN_FILE,
    WEB_DIR,
    RunFileInvalid,
    load_run,
    pages_fingerprint,
)
from web.transparency.accessibility_texts import JOURNEY_NAMES, STATEMENT_TEXT, in_language

router = APIRouter()


@router.get("/accessibility", response_class=HTMLResponse, include_in_schema=False)
def accessibility_statement(request: Request, services: ServicesDep) -> Response:
    # ?lang=, then the language cookie, then Accept-Language (web/http/language.py).
    lang = request_language(request, services.languages)
    words = partial(services.catalogs.gettext, lang)
    run_file: Path = getattr(request.app.state, "accessibility_run_file", RUN_FILE)
    try:
        run = load_run(run_file)
    except RunFileInvalid as exc:
        return PlainTextResponse(f"The accessibility statement is unavailable: {exc}\n", 503)
    response = services.templates.TemplateResponse(
        request,
        "accessibility.html",
        {
            "lang": lang,
            "s": in_language(STATEMENT_TEXT, words),
            "journey_names": in_language(JOURNEY_NAMES, words),
            "organisation": services.organisation,
            "run": run,
            "stale": run is not None and run.fingerprint != pages_fingerprint(WEB_DIR),
            "htmx_available": False,
        },
    )
    remember_language(request, response, lang)
    return response
