"""Signing in to the consoles through the organisation's OpenID provider.

`GET /login/oidc` sends the browser to the provider with a fresh state, nonce and PKCE
challenge, kept in a short-lived signed cookie that only this path receives. The provider sends
the browser back to `GET /login/oidc/callback`, which checks them, makes or finds the account and
opens a server-side session exactly as the password form does.

The callback arrives from another site, so a `SameSite=Strict` session cookie set there would
not go with the redirect that follows; the callback therefore answers with a small page that
moves on to the console from this site (a meta refresh, as the CSP allows no script).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from web.auth.oidc import OidcError, OidcUnavailable, SignInRequest
from web.auth.sessions import SESSION_COOKIE
from web.auth.sso import SingleSignOn
from web.http.console.access import PeopleDep
from web.http.console.login import login_page, safe_next
from web.http.console.parts import PeopleServices
from web.http.deps import ServicesDep
from web.services import Services

router = APIRouter(include_in_schema=False)

FLOW_COOKIE = "oc_oidc"
FLOW_PATH = "/login/oidc"
FLOW_MAX_AGE_S = 600


def _not_configured(request: Request, services: Services, people: PeopleServices) -> Response:
    return login_page(
        request,
        services,
        people,
        status_code=404,
        error="Single sign-on is not set up here. Sign in with your user name and password.",
    )


def _failed(
    request: Request, services: Services, people: PeopleServices, exc: OidcError
) -> Response:
    unavailable = isinstance(exc, OidcUnavailable)
    response = login_page(
        request,
        services,
        people,
        status_code=503 if unavailable else 403,
        error=f"Single sign-on did not complete: {exc}. "
        + ("Try again in a few minutes" if unavailable else "Try again")
        + ", or sign in with a user name and password if you have one.",
        headers={"Retry-After": "60"} if unavailable else None,
    )
    response.delete_cookie(FLOW_COOKIE, path=FLOW_PATH)
    return response


@router.get("/login/oidc")
def start(
    request: Request, services: ServicesDep, people: PeopleDep, next: str = "/console"
) -> Response:
    sso: SingleSignOn | None = people.single_sign_on
    if sso is None:
        return _not_configured(request, services, people)
    try:
        flow = sso.begin()
    except OidcError as exc:
        return _failed(request, services, people, exc)
    response = RedirectResponse(flow.url, status_code=303)
    response.set_cookie(
        FLOW_COOKIE,
        people.sessions.seal_flow(
            {"s": flow.state, "n": flow.nonce, "v": flow.verifier, "t": safe_next(next)}
        ),
        max_age=FLOW_MAX_AGE_S,
        httponly=True,
        # Lax: the provider's redirect back is a top-level GET from its site.
        samesite="lax",
        secure=people.secure_cookies,
        path=FLOW_PATH,
    )
    return response


@router.get("/login/oidc/callback")
def callback(
    request: Request,
    services: ServicesDep,
    people: PeopleDep,
    state: str = "",
    code: str = "",
    error: str = "",
) -> Response:
    sso = people.single_sign_on
    if sso is None:
        return _not_configured(request, services, people)
    data = people.sessions.open_flow(request.cookies.get(FLOW_COOKIE), FLOW_MAX_AGE_S)
    if data is None or not all(k in data for k in "snvt"):
        return _failed(
            request,
            services,
            people,
            OidcError("the sign-in took too long or started in another browser"),
        )
    if error:
        # The provider's own refusal (the person cancelled, or has no access): its code only.
        code_only = "".join(c for c in error[:64] if c.isalnum() or c in "_-")
        return _failed(request, services, people, OidcError(f"the provider said {code_only}"))
    expected = SignInRequest(url="", state=data["s"], nonce=data["n"], verifier=data["v"])
    try:
        account = sso.sign_in(expected, state, code)
    except OidcError as exc:
        return _failed(request, services, people, exc)
    target = data["t"]
    if target == "/console" and account.role == "oversight":
        target = "/oversight"
    response = services.templates.TemplateResponse(
        request,
        "console/signed_in.html",
        {"organisation": services.organisation, "staff": None, "target": target},
    )
    response.set_cookie(
        SESSION_COOKIE,
        people.sessions.issue(account.id),
        max_age=people.sessions.max_age_s,
        httponly=True,
        samesite="strict",
        secure=people.secure_cookies,
    )
    response.delete_cookie(FLOW_COOKIE, path=FLOW_PATH)
    return response
