"""Security headers on every response: a strict CSP, framing for the widget only, no-store
on every page or answer that carries a conversation's words, HSTS in production."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.settings import Settings

# No inline script or style anywhere: templates load only files from /static. `data:` images
# are for Swagger UI's icons. form-action 'self': a planted form cannot post elsewhere.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {ancestors}"
)
HSTS = "max-age=31536000"


def may_be_framed(path: str) -> bool:
    """The widget page and what it posts to or streams from inside its iframe."""
    return path == "/widget" or path.startswith("/chat/")


def shows_words(path: str) -> bool:
    """Responses that may carry a conversation's or a transcript's words, or a staff page."""
    return path in ("/", "/chat", "/widget", "/login", "/logout") or path.startswith(
        ("/chat/", "/console", "/oversight", "/api/")
    )


@dataclass(frozen=True)
class HeaderPolicy:
    """What every response carries; built from Settings in create_app."""

    widget_frame_ancestors: str = "*"
    hsts: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> HeaderPolicy:
        # HSTS only in production: a development server on plain http://127.0.0.1 would
        # teach the browser to refuse it for a year.
        return cls(
            widget_frame_ancestors=settings.widget_frame_ancestors,
            hsts=settings.environment == "production",
        )

    def headers_for(self, path: str) -> list[tuple[str, str]]:
        ancestors = self.widget_frame_ancestors.strip() if may_be_framed(path) else "'none'"
        headers = [
            ("content-security-policy", _CSP.format(ancestors=ancestors)),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
        ]
        if not may_be_framed(path):
            # For browsers older than frame-ancestors; there is no X-Frame-Options for "some".
            headers.append(("x-frame-options", "DENY"))
        if self.hsts:
            headers.append(("strict-transport-security", HSTS))
        if shows_words(path):
            headers.append(("cache-control", "no-store"))
        return headers


class SecurityHeaders:
    """ASGI middleware (not BaseHTTPMiddleware: streams and SSE pass through untouched)."""

    def __init__(self, app: ASGIApp, policy: HeaderPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.policy.headers_for(scope["path"])

        ours = {name.encode("latin-1") for name, _ in extra}
        added = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in extra]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Ours win: a route's own cache-control (an SSE stream's no-cache, say) is
                # replaced by no-store on anything that carries words.
                kept = [(n, v) for n, v in message.get("headers", []) if n.lower() not in ours]
                message = {**message, "headers": kept + added}
            await send(message)

        await self.app(scope, receive, send_with_headers)
