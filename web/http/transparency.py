"""What the public may read about the system: the transparency record as a page, JSON and schema."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from bot.organisation import ConfigurationError
from web.http.deps import ServicesDep
from web.http.language import remember_language, request_language
from web.http.pages import plain_page
from web.transparency.schema import record_schema
from web.transparency.source import TransparencySource

router = APIRouter(tags=["transparency record"])


def get_transparency(request: Request) -> TransparencySource:
    """The app's record source, built with it (web/bootstrap) and kept on app.state."""
    source: TransparencySource = request.app.state.transparency
    return source


TransparencyDep = Annotated[TransparencySource, Depends(get_transparency)]


def _unavailable(exc: ConfigurationError) -> PlainTextResponse:
    # The operator's file is broken: say so plainly rather than publish a partial record.
    return PlainTextResponse(f"The transparency record is unavailable: {exc}\n", status_code=503)


@router.get("/transparency.json", response_model=None)
def transparency_json(source: TransparencyDep) -> Response:
    """The transparency record: organisation, purpose, model, data kept, guards, live figures."""
    try:
        record = source.record()
    except ConfigurationError as exc:
        return _unavailable(exc)
    return JSONResponse(record, headers={"Cache-Control": "public, max-age=60"})


@router.get("/transparency.schema.json")
def transparency_schema() -> JSONResponse:
    """The JSON Schema (draft 2020-12) that /transparency.json follows."""
    return JSONResponse(record_schema(), media_type="application/schema+json")


@router.get("/transparency", response_class=HTMLResponse, include_in_schema=False)
def transparency_page(request: Request, services: ServicesDep, source: TransparencyDep) -> Response:
    # ?lang=, then the language cookie, then Accept-Language (web/http/language.py).
    lang = request_language(request, services.languages)
    try:
        record = source.record()
    except ConfigurationError as exc:
        return _unavailable(exc)
    response = plain_page(
        services.templates,
        request,
        "transparency.html",
        lang=lang,
        words=services.catalogs.ui_text(lang),
        organisation=services.organisation,
        d=services.disclosure.text(lang),
        r=record,
        texts=source.texts_in(lang),
    )
    remember_language(request, response, lang)
    return response


def _wants_json(request: Request) -> bool:
    """`Accept: application/json` preferred over HTML (a browser's Accept names text/html)."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


@router.get("/transparency/impact.json", response_model=None)
def impact_json(source: TransparencyDep) -> Response:
    """The impact assessment: computed facts and the organisation's statements, kept apart."""
    try:
        impact = source.impact()
    except ConfigurationError as exc:
        return _unavailable(exc)
    return JSONResponse(impact, headers={"Cache-Control": "public, max-age=60"})


@router.get("/transparency/impact", response_class=HTMLResponse, include_in_schema=False)
def impact_page(request: Request, services: ServicesDep, source: TransparencyDep) -> Response:
    if _wants_json(request):
        return impact_json(source)
    lang = request_language(request, services.languages)
    try:
        impact = source.impact(lang, lambda message: services.catalogs.gettext(lang, message))
    except ConfigurationError as exc:
        return _unavailable(exc)
    response = plain_page(
        services.templates,
        request,
        "impact.html",
        lang=lang,
        words=services.catalogs.ui_text(lang),
        organisation=services.organisation,
        headers={"Vary": "Accept"},
        i=impact,
    )
    remember_language(request, response, lang)
    return response
