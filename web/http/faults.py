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
from bot.organisation import Organisation
from web.http.language import request_language
from web.http.pages import htmx_error, plain_page
from web.i18n import N_, Catalogs
from web.services import Services

LOG = logging.getLogger("opencounter.faults")

# What is wrong, in words a citizen can act on; the same fault, the same sentence everywhere.
# English msgids; the other languages are in the catalogs (web/locale).
_WHAT: dict[type[LogUnavailable], str] = {
    LogBlocked: N_("The transparency log is blocked by another writer, so nothing was recorded."),
    LogOverloaded: N_("The assistant is overloaded right now, so nothing was recorded."),
    StorageUnreachable: N_("The assistant's database is not answering, so nothing was recorded."),
    StorageFull: N_("The assistant's disk is full, so nothing was recorded."),
    StorageReadOnly: N_(
        "The assistant cannot write its data (read-only storage), so nothing was recorded."
    ),
    LogUnavailable: N_("The transparency log is unavailable, so nothing was recorded."),
}
_NEXT = N_("The assistant is paused. Try again in {wait}, or reach a person: {phone}, {email}.")
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


def fault_sentence(
    fault: LogUnavailable,
    organisation: Organisation,
    lang: str = "en",
    catalogs: Catalogs | None = None,
) -> str:
    """What is wrong and what to do: when to retry, and how to reach a person now.

    In `lang` from `catalogs`; without catalogs (the API), in English.
    """

    def _(message: str) -> str:
        return message if catalogs is None else catalogs.gettext(lang, message)

    seconds = retry_after(fault)
    if seconds < 120:
        wait = _("{seconds} seconds").format(seconds=seconds)
    else:
        wait = _("{minutes} minutes").format(minutes=seconds // 60)
    contact = organisation.contact
    follow = _(_NEXT).format(wait=wait, phone=contact.phone, email=contact.email)
    return f"{_(_WHAT[_kind(fault)])} {follow}"


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
        lang = request_language(request, self.services.languages)
        message = fault_sentence(fault, organisation, lang, self.services.catalogs)
        if _wants_json(request.url.path):
            return JSONResponse(
                {"error": message, "fault": fault_name(fault)}, status_code=503, headers=headers
            )
        templates = self.services.templates
        return htmx_error(
            templates, request, message, status_code=503, headers=headers
        ) or plain_page(
            templates,
            request,
            "unavailable.html",
            lang=lang,
            words=self.services.catalogs.ui_text(lang),
            organisation=organisation,
            status_code=503,
            headers=headers,
            message=message,
        )


def sse_fault(fault: LogUnavailable, organisation: Organisation) -> str:
    """The JSON `data` of an SSE `error` event for a fault met while streaming (the API's)."""
    return json.dumps(
        {"error": fault_sentence(fault, organisation), "fault": fault_name(fault)},
        ensure_ascii=False,
    )
