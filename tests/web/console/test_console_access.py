"""Authorization: anonymous people and citizens never reach the console; oversight reads but
never acts; forged CSRF tokens, forged or expired cookies and disabled accounts are refused."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from tests.conftest import services_of
from tests.web.console.conftest import PASSWORD, ask_for_person, csrf_of, sign_in
from tests.web.responses import Answer
from web.auth.sessions import SESSION_COOKIE
from web.http.console import login as console_login
from web.http.console import routes as console_routes


def _console_routes() -> list[tuple[str, str]]:
    routes: list[tuple[str, str]] = []
    for route in [*console_routes.router.routes, *console_login.router.routes]:
        if isinstance(route, APIRoute) and route.path.startswith(("/console", "/logout")):
            path = route.path.replace("{handoff_id}", "1")
            routes.extend((method, path) for method in sorted(route.methods or ()))
    return routes


def _refused(r: Answer) -> bool:
    status = r.status_code
    location = r.headers.get("location", "")
    return status in (401, 403) or (status == 303 and location.startswith("/login"))


def test_every_console_route_refuses_anonymous_and_citizens(console_client: TestClient) -> None:
    routes = _console_routes()
    assert len(routes) >= 10  # queue, events, transcript, claim, reply, notes, hand back...
    ask_for_person(console_client)
    citizen = TestClient(console_client.app)
    # A citizen has talked to the bot in this client: the console still does not open.
    citizen.post("/chat/person", data={"lang": "en"})
    for client in (TestClient(console_client.app), citizen):
        for method, path in routes:
            r = client.request(
                method, path, data={"text": "hi", "csrf": "x"}, follow_redirects=False
            )
            assert _refused(r), (method, path, r.status_code)
            assert "Transcript" not in r.text


def test_anonymous_browser_is_sent_to_sign_in(console_client: TestClient) -> None:
    r = console_client.get("/console", headers={"accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303, (r.status_code, r.text)
    assert r.headers["location"] == "/login?next=/console"


@pytest.mark.parametrize(
    "cookie",
    [
        "not-a-session",
        URLSafeTimedSerializer(
            "another-secret-key-of-32-characters!!", salt="opencounter.staff-session"
        ).dumps({"a": "anyone", "n": "nonce"}),
    ],
    ids=["garbage", "signed-with-another-key"],
)
def test_forged_or_expired_session_cookies_are_refused(
    console_client: TestClient, add_staff: Callable[..., str], cookie: str
) -> None:
    add_staff("alice")
    console_client.cookies.set(SESSION_COOKIE, cookie)
    assert _refused(console_client.get("/console", follow_redirects=False))


def _issued_nine_hours_ago(account_id: str) -> str:
    """A session cookie as the app would have signed it 9 hours ago (the limit is 8)."""

    class NineHoursAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 9 * 3600

    old = URLSafeTimedSerializer(
        "dev-only-not-secret-change-me", salt="opencounter.staff-session", signer=NineHoursAgo
    )
    return old.dumps({"a": account_id, "n": "nonce"})


def test_expired_session_of_a_real_account_is_refused(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    people = services_of(console_client).people
    account = people.accounts.find("alice")
    assert account is not None
    expired = _issued_nine_hours_ago(account.id)
    fresh = people.sessions.issue(account.id)
    console_client.cookies.set(SESSION_COOKIE, expired)
    assert _refused(console_client.get("/console", follow_redirects=False))
    console_client.cookies.set(SESSION_COOKIE, fresh)
    assert console_client.get("/console", follow_redirects=False).status_code == 200


def test_oversight_reads_but_cannot_claim_or_reply(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    services = services_of(console_client)
    cid = ask_for_person(console_client)
    handoff = services.people.desk.active(cid)
    assert handoff is not None
    add_staff("olga", role="oversight")
    csrf = sign_in(console_client, "olga")
    assert f'/console/handoffs/{handoff.id}/claim"' not in console_client.get("/console").text
    before = services.log_size()
    r = console_client.post(f"/console/handoffs/{handoff.id}/claim", data={"csrf": csrf})
    assert r.status_code == 403
    r = console_client.post(
        f"/console/handoffs/{handoff.id}/reply", data={"csrf": csrf, "text": "Hello"}
    )
    assert r.status_code == 403
    assert services.log_size() == before
    assert services.people.desk.get(handoff.id).state == "waiting"
    # Reading is allowed, and is itself on the record as an oversight access.
    page = console_client.get(f"/console/handoffs/{handoff.id}")
    assert page.status_code == 200
    assert "Send reply" not in page.text
    last = services.conversation_entries(cid)[-1]
    assert last["type"] == "transcript_access"
    assert last["purpose"] == "oversight"


def test_forged_csrf_tokens_are_rejected(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    services = services_of(console_client)
    cid = ask_for_person(console_client)
    handoff = services.people.desk.active(cid)
    assert handoff is not None
    add_staff("alice")
    add_staff("bob")
    other = TestClient(console_client.app)
    bobs_token = sign_in(other, "bob")
    real = sign_in(console_client, "alice")
    forged = ["", "0" * 64, real[:-1] + ("0" if real[-1] != "0" else "1"), bobs_token]
    for token in forged:
        r = console_client.post(f"/console/handoffs/{handoff.id}/claim", data={"csrf": token})
        assert r.status_code == 403, token
    assert services.people.desk.get(handoff.id).state == "waiting"
    r = console_client.post(
        f"/console/handoffs/{handoff.id}/claim", data={"csrf": real}, follow_redirects=False
    )
    assert r.status_code == 303
    assert services.people.desk.get(handoff.id).state == "claimed"


def test_sign_in_form_needs_its_own_token(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    r = console_client.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf": "0" * 64}
    )
    assert r.status_code == 403
    assert SESSION_COOKIE not in console_client.cookies


def test_logout_needs_the_token_and_ends_the_session(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    csrf = sign_in(console_client, "alice")
    assert console_client.post("/logout", data={"csrf": "nope"}).status_code == 403
    r = console_client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert _refused(console_client.get("/console", follow_redirects=False))


def test_wrong_passwords_are_throttled(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    for _ in range(5):
        form = console_client.get("/login").text
        r = console_client.post(
            "/login",
            data={"username": "alice", "password": "wrong password!", "csrf": csrf_of(form)},
        )
        assert r.status_code == 401
        assert "Wrong user name or password" in r.text
    form = console_client.get("/login").text
    r = console_client.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf": csrf_of(form)}
    )
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 0
    assert SESSION_COOKIE not in console_client.cookies


def test_disabled_account_loses_its_session(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    sign_in(console_client, "alice")
    services_of(console_client).people.accounts.set_disabled("alice")
    assert _refused(console_client.get("/console", follow_redirects=False))
    form = console_client.get("/login").text
    r = console_client.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf": csrf_of(form)}
    )
    assert r.status_code == 401
