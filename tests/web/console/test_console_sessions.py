"""Staff sessions live on the server: sign-out and disabling end them, whatever the browser
keeps, and a cookie signed with the key but never issued by the server is refused."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from itsdangerous import URLSafeTimedSerializer

from tests.conftest import services_of
from tests.web.console.conftest import csrf_of, sign_in
from web.auth.sessions import SESSION_COOKIE
from web.settings import DEV_SECRET


def _works(client: TestClient, cookie: str) -> bool:
    browser = TestClient(client.app)
    browser.cookies.set(SESSION_COOKIE, cookie)
    return browser.get("/console", follow_redirects=False).status_code == 200


def test_a_signed_out_cookie_is_dead_on_the_server(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    csrf = sign_in(console_client, "alice")
    stolen = console_client.cookies[SESSION_COOKIE]
    other = TestClient(console_client.app)
    sign_in(other, "alice")  # the same person on another computer
    kept = other.cookies[SESSION_COOKIE]
    assert _works(console_client, stolen)

    r = console_client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert not _works(console_client, stolen)  # a copy of the cookie no longer signs in
    assert _works(console_client, kept)  # only that session ended


def test_a_cookie_minted_with_the_key_but_never_issued_is_refused(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    account = services_of(console_client).people.accounts.find("alice")
    assert account is not None
    minted = URLSafeTimedSerializer(DEV_SECRET, salt="opencounter.staff-session").dumps(
        {"a": account.id, "n": "guessed-nonce"}
    )
    assert not _works(console_client, minted)


def test_disabling_an_account_ends_its_sessions(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    sign_in(console_client, "alice")
    cookie = console_client.cookies[SESSION_COOKIE]
    people = services_of(console_client).people
    people.accounts.set_disabled("alice")
    people.accounts.set_disabled("alice", disabled=False)
    # Enabled again, the old session stays ended: the person signs in afresh.
    assert not _works(console_client, cookie)
    page = console_client.get("/login")
    assert page.status_code == 200 and csrf_of(page.text)
