"""Health check for compose and load balancers: says no when a part is actually down."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from web.http.deps import ServicesDep

router = APIRouter()


@router.get("/healthz", tags=["operations"])
def health(services: ServicesDep) -> JSONResponse:
    checks = services.health()
    ok = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ok" if ok else "degraded", "checks": checks}, status_code=200 if ok else 503
    )
