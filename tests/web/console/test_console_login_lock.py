"""The sign-in lock: by account for known names, by address only for names that are no account,
so five failures from one proxy address do not lock every staff member behind it."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.console.conftest import PASSWORD, csrf_of, sign_in


def _fail(client: TestClient, username: str, times: int = 5, **headers: str) -> int:
    status = 0
    for _ in range(times):
        form = client.get("/login").text
        r = client.post(
            "/login",
            data={"username": username, "password": "wrong password!", "csrf": csrf_of(form)},
            headers=headers,
        )
        status = r.status_code
    return status


def test_failures_for_one_account_do_not_lock_another_from_the_same_address(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    add_staff("bob")
    assert _fail(console_client, "alice") == 401
    assert _fail(console_client, "alice", times=1) == 429
    sign_in(console_client, "bob")  # same address, other account: not locked


def test_unknown_names_lock_the_address_but_not_the_accounts(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("alice")
    assert _fail(console_client, "nobody") == 401
    assert _fail(console_client, "someone-else", times=1) == 429
    sign_in(console_client, "alice", PASSWORD)


def test_rotating_forwarded_for_does_not_escape_the_address_lock(
    console_client: TestClient,
) -> None:
    for n in range(5):
        assert _fail(console_client, f"guess{n}", times=1, **{"X-Forwarded-For": f"192.0.2.{n}"})
    locked = _fail(console_client, "guess9", times=1, **{"X-Forwarded-For": "198.51.100.1"})
    assert locked == 429
