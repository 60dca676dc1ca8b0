"""The scheme the client used, as the TLS-terminating proxy in front reports it.

Behind nginx serving HTTPS, the app is reached over plain HTTP, and the links it builds
(`url_for`: stylesheets, scripts) would say `http://`, which a browser refuses to load on an
HTTPS page. `X-Forwarded-Proto` is believed only from `OPENCOUNTER_TRUSTED_PROXIES`, like
X-Forwarded-For (web/http/client_address.py); from anyone else it changes nothing.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from web.http.client_address import ClientAddresses

SCHEMES = {b"http": "http", b"https": "https"}


class ForwardedScheme:
    def __init__(self, app: ASGIApp, addresses: ClientAddresses) -> None:
        self.app = app
        self.addresses = addresses

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        peer = scope.get("client")
        if scope["type"] == "http" and peer and self.addresses.trusts(peer[0]):
            for name, value in scope.get("headers", []):
                if name == b"x-forwarded-proto" and bytes(value).strip().lower() in SCHEMES:
                    scope = {**scope, "scheme": SCHEMES[bytes(value).strip().lower()]}
                    break
        await self.app(scope, receive, send)
