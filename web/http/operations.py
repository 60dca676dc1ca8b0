"""What operators run the app with, added in one place: /metrics, the per-request log, and the
scheme a TLS-terminating proxy reports."""

from __future__ import annotations

from fastapi import FastAPI

from web.http.client_address import ClientAddresses, parse_proxies
from web.http.forwarded_scheme import ForwardedScheme
from web.http.metrics import add_metrics
from web.http.request_log import RequestLog
from web.services import Services
from web.settings import Settings


def add_operations(app: FastAPI, services: Services, settings: Settings) -> None:
    """Call after the other middleware and before the security headers: both then see the
    status the client is sent, errors turned into pages included."""
    add_metrics(app, services)
    addresses = ClientAddresses(parse_proxies(settings.trusted_proxies))
    # Outside the metrics: the request id is on every response, the metrics page's too.
    app.add_middleware(RequestLog, addresses=addresses, enabled=settings.logs_json)
    # Outside the routes, so every link they build has the scheme the client used.
    app.add_middleware(ForwardedScheme, addresses=addresses)
