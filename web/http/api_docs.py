"""The API's documentation page: Swagger UI from our own /static, no CDN and no inline script."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from web.http.deps import ServicesDep

router = APIRouter()

ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css")


def swagger_assets_present(static_dir: Path) -> bool:
    return all((static_dir / "vendor" / "swagger-ui" / name).is_file() for name in ASSETS)


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request, services: ServicesDep) -> HTMLResponse:
    static_dir: Path = request.app.state.static_dir
    return services.templates.TemplateResponse(
        request,
        "api_docs.html",
        {
            "organisation": services.organisation,
            "assets_present": swagger_assets_present(static_dir),
        },
    )
