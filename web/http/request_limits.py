"""The ASGI layer that applies the limits of web/http/rate_limits.py before any route runs.

A refused request reaches no route, so nothing of it is written to the log. Each refusal is a
429 with `Retry-After`: JSON for the API, the chat's error box (in the page's language) for
the citizen's form posts, a short page for staff.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

import anyio.to_thread
from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.citizen_secret import secret_digest
from bot.organisation import Organisation
from web.auth.sessions import SESSION_COOKIE
from web.http.citizen.access import bearer_token, cookie_name
from web.http.client_address import ClientAddresses, parse_proxies
from web.http.pages import htmx_error, plain_page
from web.http.rate_limits import RateLimits, Refused, limits_from
from web.i18n import Catalogs
from web.services import Services
from web.settings import Settings

# A form bigger than this is not read for its conversation id (the per-client limit holds).
_FORM_PEEK_BYTES = 64 * 1024
_API_CONVERSATION = re.compile(r"^/api/v1/conversations/([^/]+)/")
_STREAM_PATHS = re.compile(
    r"^(/chat/live|/chat/stream/[^/]+|/console/events|/console/handoffs/[^/]+/events"
    r"|/api/v1/conversations/[^/]+/messages/stream)$"
)
_STAFF_PREFIXES = ("/console", "/oversight")

AccountOf = Callable[[str | None], str | None]


@dataclass(frozen=True)
class _Request:
    path: str
    method: str
    headers: Headers
    client: str


class RequestLimits:
    """Pure ASGI (no BaseHTTPMiddleware), so open streams are counted until they really end."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limits: RateLimits,
        addresses: ClientAddresses,
        account_of: AccountOf,
        templates: Jinja2Templates,
        session_cookie: str,
        organisation: Organisation,
        catalogs: Catalogs,
    ) -> None:
        self._app = app
        self._limits = limits
        self._addresses = addresses
        self._account_of = account_of
        self._templates = templates
        self._session_cookie = session_cookie
        self._organisation = organisation
        self._catalogs = catalogs

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        peer = scope["client"][0] if scope.get("client") else "unknown"
        client = self._addresses.resolve(peer, headers.get("x-forwarded-for"))
        if client != peer:
            # Routes (the sign-in lock among them) read request.client: give them the real one.
            scope = {**scope, "client": (client, 0)}
        req = _Request(scope["path"], scope["method"], headers, client)

        form: dict[str, list[str]] = {}
        if req.method == "POST" and req.path.startswith("/chat/"):
            receive, form = await _peek_form(receive, headers)
        refused = await self._check(req, form)
        if refused is not None:
            response = self._refusal(scope, req, form, refused)
            await response(scope, receive, send)
            return
        if _STREAM_PATHS.match(req.path):
            await self._streaming(scope, receive, send, req)
            return
        await self._app(scope, receive, send)

    async def _streaming(self, scope: Scope, receive: Receive, send: Send, req: _Request) -> None:
        key = await self._stream_key(req)
        refused = self._limits.streams.open(key)
        if refused is not None:
            await self._refusal(scope, req, {}, refused)(scope, receive, send)
            return
        try:
            await self._app(scope, receive, send)
        finally:
            self._limits.streams.close(key)

    async def _stream_key(self, req: _Request) -> str:
        if req.path.startswith(_STAFF_PREFIXES):
            account = await self._account(req)
            if account is not None:
                return f"account:{account}"
        return f"client:{req.client}"

    async def _account(self, req: _Request) -> str | None:
        cookie = SimpleCookie(req.headers.get("cookie", ""))
        morsel = cookie.get(self._session_cookie)
        value = morsel.value if morsel is not None else None
        if value is None:
            return None
        return await anyio.to_thread.run_sync(self._account_of, value)

    async def _check(self, req: _Request, form: dict[str, list[str]]) -> Refused | None:
        limits = self._limits
        if req.method in ("GET", "HEAD", "OPTIONS"):
            return None
        if req.path.startswith(_STAFF_PREFIXES):
            account = await self._account(req)
            if account is not None:
                return limits.per_account.take(f"account:{account}")
            return limits.per_client.take(f"client:{req.client}")
        citizen = req.path.startswith(("/chat/", "/api/v1/conversations"))
        if not (citizen or req.path == "/login"):
            return None
        # Sign-in posts count per client too: each one costs an Argon2 verification.
        conversation = _conversation_of(req.path, form)
        holder = _holder_key(req, conversation) if conversation else None
        return limits.per_client.take(f"client:{req.client}") or (
            limits.per_conversation.take(holder) if holder else None
        )

    def _refusal(
        self, scope: Scope, req: _Request, form: dict[str, list[str]], refused: Refused
    ) -> Response:
        seconds = refused.retry_after_s
        headers = {"Retry-After": str(seconds)}
        if req.path.startswith("/api/"):
            message = (
                f"Too many requests from this client or conversation. Wait {seconds} seconds, "
                "then try again."
            )
            return JSONResponse({"error": message}, status_code=429, headers=headers)
        catalogs = self._catalogs
        if req.path.startswith(("/chat", "/widget")):
            lang = _lang(form, scope, catalogs.languages)
            words = catalogs.ui_text(lang)
            message = words["too_many"].format(seconds=seconds)
        else:
            lang, words = "en", catalogs.ui_text("en")
            message = (
                f"Too many requests from this account or address. Wait {seconds} seconds, "
                "then try again."
            )
        request = Request(scope)
        return htmx_error(
            self._templates, request, message, status_code=429, headers=headers
        ) or plain_page(
            self._templates,
            request,
            "error.html",
            lang=lang,
            words=words,
            organisation=self._organisation,
            status_code=429,
            headers=headers,
            heading=words["error_heading"],
            error=message,
        )


def _lang(form: dict[str, list[str]], scope: Scope, offered: tuple[str, ...]) -> str:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    chosen = (form.get("lang") or query.get("lang") or ["en"])[0]
    return chosen if chosen in offered else "en"


def _holder_key(req: _Request, conversation: str) -> str | None:
    """The per-conversation bucket of whoever holds the secret this request presents.

    Keyed by the secret, not by the conversation's public id: anyone can read the id in the
    log, and a bucket keyed by it alone would let them use up the citizen's requests. Without
    a secret there is no conversation bucket (the route answers 404 anyway).
    """
    secret = bearer_token(req.headers.get("authorization", ""))
    if secret is None:
        morsel = SimpleCookie(req.headers.get("cookie", "")).get(cookie_name(conversation))
        secret = morsel.value if morsel is not None else None
    if not secret:
        return None
    return f"conversation:{conversation[:80]}:{secret_digest(secret)[:32]}"


def _conversation_of(path: str, form: dict[str, list[str]]) -> str | None:
    found = _API_CONVERSATION.match(path)
    if found:
        return found.group(1)
    values = form.get("conversation_id")
    return values[0] if values else None


async def _peek_form(receive: Receive, headers: Headers) -> tuple[Receive, dict[str, list[str]]]:
    """Read a small urlencoded form's fields and hand the route the same bytes again."""
    if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return receive, {}
    held: list[Message] = []
    size, more = 0, True
    while more and size <= _FORM_PEEK_BYTES:
        message = await receive()
        held.append(message)
        if message["type"] != "http.request":
            break
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    form: dict[str, list[str]] = {}
    if not more:
        body = b"".join(m.get("body", b"") for m in held if m["type"] == "http.request")
        form = parse_qs(body.decode("utf-8", "replace"))

    async def replay() -> Message:
        if held:
            return held.pop(0)
        return await receive()

    return replay, form


def add_request_limits(app: FastAPI, settings: Settings, services: Services) -> RateLimits:
    """Build this app's limits from Settings, keep them on `app.state`, and apply them."""
    limits = limits_from(
        client_per_minute=settings.rate_limit_client_per_minute,
        conversation_per_minute=settings.rate_limit_conversation_per_minute,
        staff_per_minute=settings.rate_limit_staff_per_minute,
        streams_per_client=settings.rate_limit_streams_per_client,
        tracked_keys=settings.rate_limit_tracked_keys,
    )
    sessions = services.people.sessions

    def account_of(cookie: str | None) -> str | None:
        session = sessions.read(cookie)
        return session.account_id if session is not None else None

    app.state.rate_limits = limits
    app.add_middleware(
        RequestLimits,
        limits=limits,
        addresses=ClientAddresses(parse_proxies(settings.trusted_proxies)),
        account_of=account_of,
        templates=services.templates,
        session_cookie=SESSION_COOKIE,
        organisation=services.organisation,
        catalogs=services.catalogs,
    )
    return limits
