"""Who may use the console: a signed-in, enabled staff account; acting needs a caseworker or
admin role and a CSRF token bound to the session. Everyone else is turned away."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from web.auth.accounts import StaffAccount
from web.auth.sessions import SESSION_COOKIE, StaffSession
from web.http.console.parts import PeopleServices
from web.http.deps import ServicesDep


@dataclass(frozen=True)
class Staff:
    account: StaffAccount
    csrf: str
    session: StaffSession | None = None  # what sign-out ends


def get_people(services: ServicesDep) -> PeopleServices:
    return services.people


PeopleDep = Annotated[PeopleServices, Depends(get_people)]


class SignInRequired(Exception):
    """A person's browser asked for a console page without a valid session."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


async def sign_in_redirect(request: Request, exc: Exception) -> Response:
    """The app's handler for `SignInRequired`: off to the sign-in form, then back."""
    target = exc.next_path if isinstance(exc, SignInRequired) else "/console"
    return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)


def _refuse(request: Request) -> Exception:
    # A person's browser is sent to sign in; htmx, scripts and form posts get a plain 401.
    wants_page = request.method == "GET" and "hx-request" not in request.headers
    if wants_page and "text/html" in request.headers.get("accept", ""):
        return SignInRequired(request.url.path)
    return HTTPException(401, "sign in first")


def current_staff(request: Request, people: PeopleDep) -> Staff:
    session = people.sessions.read(request.cookies.get(SESSION_COOKIE))
    account = people.accounts.get(session.account_id) if session is not None else None
    if session is None or account is None or account.disabled:
        raise _refuse(request)
    return Staff(account, people.sessions.csrf_token(session.nonce), session)


StaffDep = Annotated[Staff, Depends(current_staff)]


async def staff_with_csrf(request: Request, staff: StaffDep) -> Staff:
    """Any state-changing request from staff carries the session's CSRF token."""
    form = await request.form()
    token = form.get("csrf") or request.headers.get("x-csrf-token") or ""
    if not isinstance(token, str) or not hmac.compare_digest(token.encode(), staff.csrf.encode()):
        raise HTTPException(403, "the form's security token is missing or wrong; reload the page")
    return staff


CsrfStaffDep = Annotated[Staff, Depends(staff_with_csrf)]


def acting_staff(staff: CsrfStaffDep) -> Staff:
    """Replying, claiming and the rest: caseworkers and admins, never oversight."""
    if not staff.account.can_act:
        raise HTTPException(403, "your role may read conversations but not act on them")
    return staff


ActingStaffDep = Annotated[Staff, Depends(acting_staff)]
