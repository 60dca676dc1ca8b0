"""Signing in and out of the console (password form; CSRF-bound even before sign-in)."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web.auth.port import AuthenticationFailed, LoginAttempt
from web.auth.sessions import LOGIN_COOKIE, SESSION_COOKIE
from web.auth.throttle import TooManyAttempts
from web.http.console.access import CsrfStaffDep, PeopleDep
from web.http.console.parts import PeopleServices
from web.http.deps import ServicesDep
from web.services import Services

router = APIRouter(include_in_schema=False)
# Sign-ins and sign-outs, by the account's pseudonym (never the name): the app's log.
staff_log = logging.getLogger("opencounter.staff")


def safe_next(target: str) -> str:
    # Only paths inside the consoles: never an open redirect to another site.
    inside = target.startswith(("/console", "/oversight")) and "//" not in target
    return target if inside and "\\" not in target else "/console"


def login_page(
    request: Request,
    services: Services,
    people: PeopleServices,
    *,
    status_code: int = 200,
    error: str | None = None,
    username: str = "",
    next_path: str = "/console",
    headers: dict[str, str] | None = None,
) -> Response:
    cookie, nonce = people.sessions.issue_login_nonce()
    response = services.templates.TemplateResponse(
        request,
        "console/login.html",
        {
            "organisation": services.organisation,
            "htmx_available": False,
            "staff": None,
            "error": error,
            "csrf": people.sessions.csrf_token(nonce, "login"),
            "next": safe_next(next_path),
            "username": username,
            "sso_name": (
                people.single_sign_on.provider_name if people.single_sign_on is not None else None
            ),
        },
        status_code=status_code,
        headers=headers,
    )
    response.set_cookie(
        LOGIN_COOKIE,
        cookie,
        max_age=1800,
        httponly=True,
        samesite="strict",
        secure=people.secure_cookies,
        path="/login",
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(
    request: Request, services: ServicesDep, people: PeopleDep, next: str = "/console"
) -> Response:
    return login_page(request, services, people, next_path=next)


@router.post("/login")
def login(
    request: Request,
    services: ServicesDep,
    people: PeopleDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/console",
) -> Response:
    nonce = people.sessions.read_login_nonce(request.cookies.get(LOGIN_COOKIE))
    if nonce is None or not people.sessions.csrf_valid(nonce, csrf, "login"):
        return login_page(
            request,
            services,
            people,
            status_code=403,
            error="The sign-in form expired or was not ours. Please try again.",
            username=username,
            next_path=next,
        )
    address = request.client.host if request.client else "unknown"
    try:
        account = people.authenticator.authenticate(LoginAttempt(username, password, address))
    except TooManyAttempts as exc:
        return login_page(
            request,
            services,
            people,
            status_code=429,
            error=f"Too many failed sign-ins. Try again in {exc.retry_after_s} seconds.",
            username=username,
            next_path=next,
            headers={"Retry-After": str(exc.retry_after_s)},
        )
    except AuthenticationFailed:
        return login_page(
            request,
            services,
            people,
            status_code=401,
            error="Wrong user name or password.",
            username=username,
            next_path=next,
        )
    staff_log.info(
        "staff sign-in: account %s, role %s, via password", account.pseudonym, account.role
    )
    target = safe_next(next)
    if target == "/console" and account.role == "oversight":
        target = "/oversight"  # oversight reads the log; the queue is for caseworkers
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        people.sessions.issue(account.id),
        max_age=people.sessions.max_age_s,
        httponly=True,
        samesite="strict",
        secure=people.secure_cookies,
    )
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(staff: CsrfStaffDep, people: PeopleDep) -> Response:
    if staff.session is not None:
        people.sessions.end(staff.session)
        staff_log.info("staff sign-out: account %s", staff.account.pseudonym)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
