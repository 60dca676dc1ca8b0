"""The typed-error boundary: a storage fault anywhere becomes 503, named, with the contacts.

Core code raises the typed errors of `audit.sink` (`LogBlocked`, `StorageUnreachable`,
`StorageFull`, ...); a database error that escapes a store untyped is named here by
`audit.storage.failures`. Routes that expect a fault answer it themselves with
`fault_sentence`; `StorageFaultBoundary` catches the rest (a store read, a middleware, a
session lookup) so no request ever ends in a 500 or a dropped connection because a part
is down. The API gets JSON, the pages an HTML page saying what to do, both `Retry-After`.
"""

from __future__ import annotations

import json
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from audit.sink import (
    LogBlocked,
    LogOverloaded,
    LogUnavailable,
    StorageFull,
    StorageReadOnly,
    StorageUnreachable,
)
from audit.storage.failures import storage_failure
from bot.organisation import LANGUAGES, Organisation
from web.i18n import ui_text
from web.services import Services

LOG = logging.getLogger("opencounter.faults")

# What is wrong, in words a citizen can act on; the same fault, the same sentence everywhere.
_WHAT: dict[str, dict[type[LogUnavailable], str]] = {
    "en": {
        LogBlocked: "The transparency log is blocked by another writer, so nothing was recorded.",
        LogOverloaded: "The assistant is overloaded right now, so nothing was recorded.",
        StorageUnreachable: "The assistant's database is not answering, so nothing was recorded.",
        StorageFull: "The assistant's disk is full, so nothing was recorded.",
        StorageReadOnly: "The assistant cannot write its data (read-only storage), "
        "so nothing was recorded.",
        LogUnavailable: "The transparency log is unavailable, so nothing was recorded.",
    },
    "fr": {
        LogBlocked: "Le journal de transparence est bloqué par une autre écriture : "
        "rien n'a été enregistré.",
        LogOverloaded: "L'assistant est surchargé en ce moment : rien n'a été enregistré.",
        StorageUnreachable: "La base de données de l'assistant ne répond pas : "
        "rien n'a été enregistré.",
        StorageFull: "Le disque de l'assistant est plein : rien n'a été enregistré.",
        StorageReadOnly: "L'assistant ne peut pas écrire ses données (stockage en lecture "
        "seule) : rien n'a été enregistré.",
        LogUnavailable: "Le journal de transparence est indisponible : rien n'a été enregistré.",
    },
}
_NEXT = {
    "en": "The assistant is paused. Try again in {wait}, or reach a person: {phone}, {email}.",
    "fr": "L'assistant est en pause. Réessayez dans {wait}, ou joignez une personne : "
    "{phone}, {email}.",
}
# Seconds before a retry is worth it: a lock or a restart passes quicker than a full disk.
_RETRY_AFTER: dict[type[LogUnavailable], int] = {
    LogBlocked: 30,
    LogOverloaded: 10,
    StorageUnreachable: 30,
    StorageFull: 300,
    StorageReadOnly: 300,
    LogUnavailable: 60,
}
# What /readyz and the logs call each fault.
FAULT_NAMES: dict[type[LogUnavailable], str] = {
    LogBlocked: "blocked",
    LogOverloaded: "overloaded",
    StorageUnreachable: "unreachable",
    StorageFull: "disk full",
    StorageReadOnly: "read-only",
    LogUnavailable: "unavailable",
}


def _kind(fault: LogUnavailable) -> type[LogUnavailable]:
    for kind in _RETRY_AFTER:  # the subclasses first, the base last
        if isinstance(fault, kind):
            return kind
    return LogUnavailable


def retry_after(fault: LogUnavailable) -> int:
    return _RETRY_AFTER[_kind(fault)]


def fault_name(fault: LogUnavailable) -> str:
    return FAULT_NAMES[_kind(fault)]


def fault_sentence(fault: LogUnavailable, organisation: Organisation, lang: str = "en") -> str:
    """What is wrong and what to do: when to retry, and how to reach a person now."""
    lang = lang if lang in _WHAT else "en"
    seconds = retry_after(fault)
    if lang == "fr":
        wait = f"{seconds} secondes" if seconds < 120 else f"{seconds // 60} minutes"
    else:
        wait = f"{seconds} seconds" if seconds < 120 else f"{seconds // 60} minutes"
    contact = organisation.contact
    follow = _NEXT[lang].format(wait=wait, phone=contact.phone, email=contact.email)
    return f"{_WHAT[lang][_kind(fault)]} {follow}"


def as_fault(error: BaseException) -> LogUnavailable | None:
    """The typed storage fault `error` is, or None when it is something else."""
    return storage_failure(error, "storage failed")


def _wants_json(path: str) -> bool:
    return path.startswith(("/api/", "/audit/", "/healthz", "/readyz"))


class StorageFaultBoundary:
    """Turns a storage fault that no route answered into 503 with what to do (ASGI)."""

    def __init__(self, app: ASGIApp, services: Services) -> None:
        self.app = app
        self.services = services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:
            fault = as_fault(error)
            if fault is None or started:
                raise  # not a storage fault, or too late to answer: the server's own handling
            LOG.warning("503 on %s: %s", scope.get("path", "?"), fault)
            response = self._response(Request(scope), fault)
            await response(scope, receive, send)

    def _response(self, request: Request, fault: LogUnavailable) -> Response:
        headers = {"Retry-After": str(retry_after(fault)), "Cache-Control": "no-store"}
        organisation = self.services.organisation
        lang = request.query_params.get("lang", "en")
        lang = lang if lang in LANGUAGES else "en"
        message = fault_sentence(fault, organisation, lang)
        if _wants_json(request.url.path):
            return JSONResponse(
                {"error": message, "fault": fault_name(fault)}, status_code=503, headers=headers
            )
        templates = self.services.templates
        if request.headers.get("hx-request") == "true":
            headers.update({"HX-Retarget": "#error", "HX-Reswap": "innerHTML"})
            return templates.TemplateResponse(
                request, "_error.html", {"error": message}, status_code=503, headers=headers
            )
        return templates.TemplateResponse(
            request,
            "unavailable.html",
            {
                "lang": lang,
                "t": ui_text(lang),
                "organisation": organisation,
                "message": message,
                "htmx_available": False,
            },
            status_code=503,
            headers=headers,
        )


def sse_fault(fault: LogUnavailable, organisation: Organisation, lang: str = "en") -> str:
    """The JSON `data` of an SSE `error` event for a fault met while streaming."""
    return json.dumps(
        {"error": fault_sentence(fault, organisation, lang), "fault": fault_name(fault)},
        ensure_ascii=False,
    )
