"""Which language a public page speaks: the URL, then a cookie, then the browser's languages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

# Set when a citizen picks a language from a page's menu (a `?lang=` link); a preference,
# not an identifier: it holds a language code and nothing else.
LANGUAGE_COOKIE = "oc_lang"
_COOKIE_SECONDS = 365 * 24 * 3600


def accepted_languages(header: str | None) -> list[str]:
    """The languages of an `Accept-Language` header, most wanted first (q-values; ties in order).

    A malformed part is skipped rather than refused: the header is a hint, never an error.
    """
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip().lower()
        if not tag:
            continue
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if 0 < quality <= 1:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def _match(tag: str | None, offered: Sequence[str]) -> str | None:
    """`tag` if offered, else its primary language if that is ("fr-CA" -> "fr")."""
    if not tag:
        return None
    tag = tag.strip().replace("_", "-").lower()
    lower = {lang.lower().replace("_", "-"): lang for lang in offered}
    if tag in lower:
        return lower[tag]
    return lower.get(tag.split("-", 1)[0])


def choose_language(
    offered: Sequence[str],
    *,
    url: str | None = None,
    conversation: str | None = None,
    cookie: str | None = None,
    accept_language: str | None = None,
    default: str = "en",
) -> str:
    """The first offered language among: the URL's, the conversation's, the cookie's, the
    browser's (by q-value); otherwise `default`. Unknown or malformed values are passed over."""
    for candidate in (url, conversation, cookie):
        found = _match(candidate, offered)
        if found is not None:
            return found
    for tag in accepted_languages(accept_language):
        found = _match(tag, offered)
        if found is not None:
            return found
    return default if default in offered or not offered else offered[0]


def request_language(
    request: Request, offered: Sequence[str], *, conversation: str | None = None
) -> str:
    """`choose_language` for a page request: `?lang=`, the cookie, `Accept-Language`."""
    return choose_language(
        offered,
        url=request.query_params.get("lang"),
        conversation=conversation,
        cookie=request.cookies.get(LANGUAGE_COOKIE),
        accept_language=request.headers.get("accept-language"),
    )


def remember_language(request: Request, response: Response, lang: str) -> None:
    """Keep the citizen's pick: set the cookie when the URL chose the language."""
    if request.query_params.get("lang") == lang and request.cookies.get(LANGUAGE_COOKIE) != lang:
        response.set_cookie(
            LANGUAGE_COOKIE,
            lang,
            max_age=_COOKIE_SECONDS,
            path="/",
            samesite="lax",
            secure=request.url.scheme == "https",
            httponly=True,
        )


# The caseworker console and the sign-in pages follow the browser and the cookie: their routes
# name no language, so the templates get one here (Jinja2Templates context processor). The
# oversight console is not translated yet: it stays English, and says so (`<html lang="en">`).
STAFF_PATHS = ("/console", "/login", "/logout")


def staff_page_language(offered: Sequence[str]) -> Callable[[Request], dict[str, Any]]:
    def language(request: Request) -> dict[str, Any]:
        if not request.url.path.startswith(STAFF_PATHS):
            return {}  # a citizen's page passes its own (the conversation's) language
        return {"lang": request_language(request, offered)}

    return language
