"""Only oversight accounts reach the oversight console; words are read only for a purpose."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from audit.entries import decode_entry
from tests.conftest import services_of
from tests.web.console.conftest import ask_for_person, sign_in
from web.http.oversight import routes as oversight_routes

PARKING = "How do I apply for a resident parking permit?"


def _oversight_routes(conversation: str) -> list[tuple[str, str]]:
    routes: list[tuple[str, str]] = []
    for route in oversight_routes.router.routes:
        assert isinstance(route, APIRoute)
        path = route.path.replace("{conversation_id}", conversation)
        routes.extend((method, path) for method in sorted(route.methods or ()))
    return routes


def _log_size(client: TestClient) -> int:
    return services_of(client).log.size()


def _entries(client: TestClient, entry_type: str) -> list[dict[str, object]]:
    log = services_of(client).log
    found = [decode_entry(data) for _, data in log.entries()]
    return [entry for entry in found if entry["type"] == entry_type]


def test_every_route_refuses_anonymous_citizens_caseworkers_and_admins(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    conversation = ask_for_person(console_client, PARKING)
    routes = _oversight_routes(conversation)
    assert len(routes) >= 10  # search, results, timeline, transcript, statistics, reviews...
    citizen = TestClient(console_client.app)
    citizen.post("/chat/person", data={"lang": "en"})
    staff_clients = []
    for name, role in (("casey", "caseworker"), ("ada", "admin")):
        client = TestClient(console_client.app)
        csrf = sign_in(client, add_staff(name, role=role))
        staff_clients.append((client, csrf))
    before = _log_size(console_client)
    for client, csrf in [(TestClient(console_client.app), "x"), (citizen, "x"), *staff_clients]:
        for method, path in routes:
            data = {"csrf": csrf, "purpose": "complaint", "answer": "2", "correct": "yes"}
            r = client.request(method, path, data=data, follow_redirects=False)
            location = r.headers.get("location", "")
            refused = r.status_code in (401, 403) or location.startswith("/login")
            assert refused, (method, path, r.status_code)
            assert PARKING not in r.text
    # Nothing was read, reviewed or exported: the log did not grow.
    assert _log_size(console_client) == before


def test_anonymous_browser_is_sent_to_sign_in_and_back(console_client: TestClient) -> None:
    r = console_client.get(
        "/oversight/statistics", headers={"accept": "text/html"}, follow_redirects=False
    )
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=/oversight/statistics"


def test_oversight_user_lands_on_the_oversight_console(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    add_staff("olive", role="oversight")
    form = console_client.get("/login").text
    token = form.split('name="csrf" value="')[1].split('"')[0]
    r = console_client.post(
        "/login",
        data={"username": "olive", "password": "correct horse battery staple", "csrf": token},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/oversight"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "choose why you need to read"),
        ({"purpose": "curiosity"}, "choose why you need to read"),
        ({"purpose": "complaint", "reference": "Jane Doe, 1 High St"}, "case reference"),
    ],
)
def test_a_transcript_without_a_known_purpose_is_refused_and_not_logged(
    console_client: TestClient,
    add_staff: Callable[..., str],
    data: dict[str, str],
    message: str,
) -> None:
    conversation = ask_for_person(console_client, PARKING)
    csrf = sign_in(console_client, add_staff("olive", role="oversight"))
    before = _log_size(console_client)
    r = console_client.post(
        f"/oversight/conversations/{conversation}/transcript", data={"csrf": csrf, **data}
    )
    assert r.status_code == 422
    assert message in r.text
    assert PARKING not in r.text
    assert _log_size(console_client) == before
    # A link or a reload (GET) never shows the words either: back to the purpose form.
    r = console_client.get(
        f"/oversight/conversations/{conversation}/transcript", follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"].endswith("#purpose")


def test_a_transcript_read_for_a_purpose_is_logged_before_it_is_shown(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    conversation = ask_for_person(console_client, PARKING)
    csrf = sign_in(console_client, add_staff("olive", role="oversight"))
    pseudonym = services_of(console_client).people.accounts.find("olive").pseudonym  # type: ignore[union-attr]
    r = console_client.post(
        f"/oversight/conversations/{conversation}/transcript",
        data={"csrf": csrf, "purpose": "complaint", "reference": "CMP-2026/114"},
    )
    assert r.status_code == 200
    assert PARKING in r.text
    accesses = _entries(console_client, "transcript_access")
    assert accesses[-1]["conversation"] == conversation
    assert accesses[-1]["accessor"] == pseudonym
    assert (accesses[-1]["purpose"], accesses[-1]["reference"]) == ("complaint", "CMP-2026/114")
    assert accesses[-1]["role"] == "oversight"
    index = _log_size(console_client) - 1
    assert f"entry {index}" in r.text
    # The entry holds labels only: neither the words nor the user name.
    raw = json.dumps(accesses[-1])
    assert "parking" not in raw.lower() and "olive" not in raw


def test_forged_csrf_tokens_are_refused(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    conversation = ask_for_person(console_client, PARKING)
    sign_in(console_client, add_staff("olive", role="oversight"))
    before = _log_size(console_client)
    for token in ("", "0" * 64, "forged"):
        r = console_client.post(
            f"/oversight/conversations/{conversation}/transcript",
            data={"csrf": token, "purpose": "complaint"},
        )
        assert r.status_code == 403
        assert PARKING not in r.text
    assert _log_size(console_client) == before
