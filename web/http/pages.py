"""Pages answered outside the routes' own templates: errors, faults, the switched-off chat,
too many requests. Each is a whole page served without htmx (what it says must not depend on a
script), or, for a request htmx made, the message put in the page's error slot."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import Response

from bot.organisation import Organisation


def plain_page(
    templates: Jinja2Templates,
    request: Request,
    template: str,
    *,
    lang: str,
    words: Mapping[str, str],
    organisation: Organisation,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> Response:
    """`template` with what the base page needs (its language, its words, the organisation)
    and the page's own `context`, without htmx."""
    values = {
        "lang": lang,
        "t": words,
        "organisation": organisation,
        "htmx_available": False,
        **context,
    }
    return templates.TemplateResponse(
        request, template, values, status_code=status_code, headers=dict(headers or {})
    )


def htmx_error(
    templates: Jinja2Templates,
    request: Request,
    message: str,
    *,
    status_code: int,
    headers: Mapping[str, str] | None = None,
) -> Response | None:
    """For a request htmx made, `message` in the page's error slot (#error); else None, and
    the caller answers with a whole page."""
    if request.headers.get("hx-request") != "true":
        return None
    swapped = {**(headers or {}), "HX-Retarget": "#error", "HX-Reswap": "innerHTML"}
    return templates.TemplateResponse(
        request, "_error.html", {"error": message}, status_code=status_code, headers=swapped
    )
