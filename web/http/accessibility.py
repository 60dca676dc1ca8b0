"""The accessibility statement: the model statement's parts, with the latest recorded test run."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from web.http.deps import ServicesDep
from web.transparency.accessibility import (
    RUN_FILE,
    WEB_DIR,
    RunFileInvalid,
    load_run,
    pages_fingerprint,
)
from web.transparency.accessibility_texts import JOURNEY_NAMES, STATEMENT_TEXT

router = APIRouter()


@router.get("/accessibility", response_class=HTMLResponse, include_in_schema=False)
def accessibility_statement(request: Request, services: ServicesDep, lang: str = "en") -> Response:
    lang = lang if lang in STATEMENT_TEXT else "en"
    run_file: Path = getattr(request.app.state, "accessibility_run_file", RUN_FILE)
    try:
        run = load_run(run_file)
    except RunFileInvalid as exc:
        return PlainTextResponse(f"The accessibility statement is unavailable: {exc}\n", 503)
    return services.templates.TemplateResponse(
        request,
        "accessibility.html",
        {
            "lang": lang,
            "s": STATEMENT_TEXT[lang],
            "journey_names": JOURNEY_NAMES[lang],
            "organisation": services.organisation,
            "run": run,
            "stale": run is not None and run.fingerprint != pages_fingerprint(WEB_DIR),
            "htmx_available": False,
        },
    )
