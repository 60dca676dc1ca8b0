"""The chat kill switch at the edge: with the chat off, citizens get the ways to reach a person.

Pure ASGI, not Starlette's BaseHTTPMiddleware (an `@app.middleware("http")` function): that
runs the rest of the app in a task of its own behind memory streams, for every request of
every route, and was the largest single cost of the event loop per message (issue 15). Here a
request the switch does not stop is handed on as it came.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from web.http.language import request_language
from web.http.pages import plain_page
from web.services import Services

# What the chat kill switch closes: the citizen's pages, form posts and the conversation API.
CHAT_PATHS = ("/chat", "/widget", "/api/v1/conversations")


class ChatSwitch:
    def __init__(self, app: ASGIApp, services: Services) -> None:
        self.app = app
        self.services = services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        path = request.url.path
        gated = (path == "/" or path.startswith(CHAT_PATHS)) and path != "/widget.js"
        if not gated or self.services.switchboard.is_on("chat"):
            await self.app(scope, receive, send)
            return
        response = self._switched_off(request, path)
        await response(scope, receive, send)

    def _switched_off(self, request: Request, path: str) -> Response:
        services = self.services
        contact = services.organisation.contact
        if path.startswith("/api/"):
            message = (
                "The assistant is switched off for now. Reach a person: "
                f"{contact.phone}, {contact.email}."
            )
            return JSONResponse({"error": message}, status_code=503)
        lang = request_language(request, services.languages)
        return plain_page(
            services.templates,
            request,
            "chat_off.html",
            lang=lang,
            words=services.catalogs.ui_text(lang),
            organisation=services.organisation,
            status_code=503 if request.method != "GET" else 200,
        )
