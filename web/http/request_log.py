"""One JSON line per request, with a request id the response also carries (`X-Request-ID`).

What a line holds: time, level, logger, request id, method, route *template*, status and
duration. Never the path itself (it holds conversation ids), the query string, a header, a
cookie, a body, a client address or an account: nothing a citizen wrote and nothing that
unlocks anything. The id comes from the proxy in front (nginx's `$request_id`) when the peer is
one of `OPENCOUNTER_TRUSTED_PROXIES` and the value looks like an id; otherwise it is made here,
so a client cannot choose the id its request is filed under.

With `OPENCOUNTER_JSON_LOGS` on, `opencounter serve` formats every log record of the process as
such a line (`JsonLines`). An exception is reduced to its type and the place it was raised:
exception messages can quote data (a database error quotes its parameters), so none is written.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import sys
import time
import traceback
from datetime import UTC, datetime
from typing import IO

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.http.client_address import ClientAddresses
from web.metrics import route_template

LOG = logging.getLogger("opencounter.requests")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Fields a request line adds to its record (logging's `extra`).
FIELDS = ("request_id", "method", "route", "status", "duration_ms")


class RequestLog:
    """ASGI middleware: give each request an id, send it back, log one line when it ends."""

    def __init__(self, app: ASGIApp, addresses: ClientAddresses, enabled: bool) -> None:
        self.app = app
        self.addresses = addresses
        self.enabled = enabled

    def _request_id(self, scope: Scope) -> str:
        peer = scope.get("client")
        if peer and self.addresses.trusts(peer[0]):
            for name, value in scope.get("headers", []):
                if name == b"x-request-id":
                    offered = bytes(value).decode("latin-1")
                    if REQUEST_ID.match(offered):
                        return offered
        return secrets.token_hex(16)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = self._request_id(scope)
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            if self.enabled:
                LOG.info(
                    "request",
                    extra={
                        "request_id": request_id,
                        "method": scope["method"],
                        "route": route_template(scope),
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )


class JsonLines(logging.Formatter):
    """A log record as one JSON object: the message, a request line's fields, and for an
    exception only its type and where it was raised."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            if name in record.__dict__:
                line[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[0] is not None:
            kind, _, trace = record.exc_info
            line["error"] = kind.__name__
            frames = traceback.extract_tb(trace)
            if frames:
                line["where"] = f"{frames[-1].filename}:{frames[-1].lineno}"
        return json.dumps(line, ensure_ascii=False)


def log_json_lines(stream: IO[str] | None = None) -> logging.Handler:
    """Make every record of this process a JSON line on `stream` (stderr): what `serve` does
    with OPENCOUNTER_JSON_LOGS on. Our loggers at INFO (the request lines), others at WARNING."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonLines())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("opencounter").setLevel(logging.INFO)
    logging.captureWarnings(True)  # a library's warning is a record too, not a bare line
    return handler
