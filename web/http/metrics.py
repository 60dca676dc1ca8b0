"""`GET /metrics`: this process's Prometheus metrics, for a scraper the operator trusts.

With `OPENCOUNTER_METRICS_TOKEN` set, the scraper sends it as a bearer token, from anywhere.
Without it, only a direct loopback peer that no proxy relayed may read (a request carrying
X-Forwarded-For came through a proxy, even one on this machine). Anyone else gets 404, as if
there were no such page: the figures hold no personal data, but load and queue lengths are
the operator's to publish.
"""

from __future__ import annotations

import hmac
import ipaddress

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from web.http.citizen.access import bearer_token
from web.metrics import Metrics, RequestMetrics
from web.services import Services
from web.settings import Settings

router = APIRouter()


def _loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def may_read(request: Request, settings: Settings) -> bool:
    if settings.metrics_token:
        token = bearer_token(request.headers.get("authorization", "")) or ""
        return hmac.compare_digest(token.encode(), settings.metrics_token.encode())
    peer = request.client.host if request.client else None
    relayed = "x-forwarded-for" in request.headers or "forwarded" in request.headers
    return _loopback(peer) and not relayed


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not may_read(request, settings):
        return JSONResponse({"error": "This page does not exist."}, status_code=404)
    instruments: Metrics = request.app.state.metrics
    body, content_type = instruments.exposition()
    return Response(body, media_type=content_type)


def add_metrics(app: FastAPI, services: Services) -> Metrics:
    """This app's own metrics (never the library's global registry: two apps, two counts),
    fed by the engine and by every request; call after the other middleware, before the
    security headers, so a request is counted with the status its client got."""
    metrics = Metrics()
    metrics.watch(services)
    services.engine.observe(metrics)
    services.people.hooks.observe(metrics.hook_attempt_failed)
    app.state.metrics = metrics
    app.include_router(router)
    app.add_middleware(RequestMetrics, metrics=metrics)
    return metrics
