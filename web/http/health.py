"""Liveness and readiness for compose, load balancers and operators.

`/healthz` says the process answers HTTP, nothing more: a restart cures nothing that it
would report. `/readyz` names each part and its state; it answers 503 when no message can
be answered and logged (the database down, the log blocked, the disk full or read-only),
and 200 with `"status": "degraded"` when the bot still answers safely but less well (no
model: extractive answers; no index or vector store: refusals or BM25 alone).
"""

from __future__ import annotations

import shutil
from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from audit.sink import LogUnavailable
from web.http.deps import ServicesDep
from web.http.faults import fault_name, retry_after

router = APIRouter()

# Parts without which nothing is answered: any state but "ok" makes /readyz answer 503.
VITAL = ("database", "log", "disk")
# How long /readyz waits for the log's lock: a probe must not queue behind a stuck writer.
LOG_PROBE_WAIT = timedelta(milliseconds=500)
# Below this, an append (a few kB with its texts and nodes) may no longer fit.
DISK_FULL_BELOW = 1 << 20


@router.get("/healthz", tags=["operations"])
def health() -> JSONResponse:
    """The process answers. Whether it can serve is /readyz."""
    return JSONResponse({"status": "ok"})


@router.get("/readyz", tags=["operations"])
def ready(request: Request, services: ServicesDep) -> JSONResponse:
    """Each part by name: `ok`, or what is wrong with it."""
    checks = dict(services.health())
    fault: LogUnavailable | None = None
    try:
        services.log.probe(LOG_PROBE_WAIT)
        checks["log"] = "ok"
    except LogUnavailable as exc:
        fault = exc
        checks["log"] = f"{fault_name(exc)}: {str(exc)[:200]}"
    checks["disk"] = _disk(request)
    vital_ok = all(checks.get(part, "ok") == "ok" for part in VITAL)
    # "off": switched off on purpose (extractive mode, BM25 alone, a kill switch).
    status = "ok" if all(v in ("ok", "off") for v in checks.values()) else "degraded"
    headers = {"Cache-Control": "no-store"}
    if not vital_ok:
        status = "unavailable"
        headers["Retry-After"] = str(retry_after(fault) if fault else 30)
    return JSONResponse(
        {"status": status, "checks": checks},
        status_code=200 if vital_ok else 503,
        headers=headers,
    )


def _disk(request: Request) -> str:
    data_dir = request.app.state.settings.data_dir
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    if free < DISK_FULL_BELOW:
        return f"disk full: {free} bytes free in {data_dir}"
    return "ok"
