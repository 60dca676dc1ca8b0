"""One client cannot flood the service: limits per client, per conversation, per staff account
and on open live streams, each refused with 429 and Retry-After and nothing written to the log."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import fast_overrides, make_settings, services_of
from tests.web.console.conftest import PASSWORD
from web.app import create_app
from web.http.rate_limits import OpenStreams, RateLimits, TokenBuckets


def _app_client(data_dir: Path, peer: str = "203.0.113.7", **limits: object) -> TestClient:
    return TestClient(create_app(make_settings(data_dir, **limits)), client=(peer, 50000))


@pytest.fixture
def tight(data_dir: Path) -> Iterator[TestClient]:
    with _app_client(
        data_dir, rate_limit_client_per_minute=3, rate_limit_conversation_per_minute=2
    ) as client:
        yield client


def log_size(client: TestClient) -> int:
    return int(services_of(client).log_size())


def limits_of(client: TestClient) -> RateLimits:
    limits: RateLimits = client.app.state.rate_limits  # type: ignore[attr-defined]
    return limits


def test_a_client_over_the_limit_gets_429_and_nothing_is_logged(tight: TestClient) -> None:
    for _ in range(3):
        assert tight.post("/api/v1/conversations", json={}).status_code == 201
    before = log_size(tight)
    refused = tight.post("/api/v1/conversations", json={})
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert "Wait" in refused.json()["error"]
    assert log_size(tight) == before


def test_another_client_is_not_affected(data_dir: Path) -> None:
    app = create_app(make_settings(data_dir, rate_limit_client_per_minute=2))
    with (
        TestClient(app, client=("203.0.113.7", 1)) as first,
        TestClient(app, client=("198.51.100.9", 1)) as second,
    ):
        for _ in range(2):
            first.post("/api/v1/conversations", json={})
        assert first.post("/api/v1/conversations", json={}).status_code == 429
        assert second.post("/api/v1/conversations", json={}).status_code == 201


def test_one_conversation_is_limited_on_its_own(data_dir: Path) -> None:
    app = create_app(
        make_settings(
            data_dir, rate_limit_client_per_minute=100, rate_limit_conversation_per_minute=2
        )
    )
    with TestClient(app, client=("203.0.113.7", 1)) as client:
        started = client.post("/api/v1/conversations", json={}).json()
        client.headers["Authorization"] = f"Bearer {started['token']}"
        path = f"/api/v1/conversations/{started['id']}/messages"
        for _ in range(2):
            assert client.post(path, json={"text": "library opening hours"}).status_code == 200
        before = log_size(client)
        refused = client.post(path, json={"text": "library opening hours"})
        assert refused.status_code == 429
        assert "retry-after" in refused.headers
        assert log_size(client) == before
        # A new conversation from the same client still works.
        assert client.post("/api/v1/conversations", json={}).status_code == 201


def test_strangers_who_know_the_public_id_cannot_use_up_the_citizens_budget(
    data_dir: Path,
) -> None:
    """The id is in the public log: requests without the secret must not count against it."""
    app = create_app(
        make_settings(
            data_dir, rate_limit_client_per_minute=100, rate_limit_conversation_per_minute=2
        )
    )
    with TestClient(app, client=("203.0.113.7", 1)) as citizen:
        started = citizen.post("/api/v1/conversations", json={}).json()
        path = f"/api/v1/conversations/{started['id']}/messages"
        for n in range(6):  # other addresses, no secret or a guessed one
            with TestClient(app, client=(f"198.51.100.{n}", 1)) as stranger:
                guess = {"Authorization": f"Bearer {n}" + "x" * 42} if n % 2 else {}
                assert stranger.post(path, json={"text": "hi"}, headers=guess).status_code == 404
        auth = {"Authorization": f"Bearer {started['token']}"}
        assert (
            citizen.post(path, json={"text": "library opening hours"}, headers=auth).status_code
            == 200
        )


def test_the_chat_form_gets_the_error_box_in_its_language(tight: TestClient) -> None:
    for _ in range(3):
        tight.post("/chat/messages", data={"text": "bonjour", "lang": "fr"}, follow_redirects=False)
    before = log_size(tight)
    page = tight.post(
        "/chat/messages",
        data={"text": "bonjour", "lang": "fr"},
        headers={"HX-Request": "true"},
    )
    assert page.status_code == 429
    assert page.headers["hx-retarget"] == "#error"
    assert "Attendez" in page.text
    assert int(page.headers["retry-after"]) >= 1
    plain = tight.post("/chat/messages", data={"text": "hello", "lang": "en"})
    assert plain.status_code == 429
    assert "faster than the assistant accepts" in plain.text
    assert log_size(tight) == before


def test_open_live_streams_are_capped_per_client(data_dir: Path) -> None:
    with _app_client(data_dir, rate_limit_streams_per_client=2) as client:
        streams = limits_of(client).streams
        for _ in range(2):
            assert streams.open("client:203.0.113.7") is None  # two streams held open
        refused = client.get("/chat/live", params={"c": "x"})
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1
        assert client.get("/console/events").status_code == 429
        streams.close("client:203.0.113.7")
        # Below the cap again: the request reaches the route (404: not this client's), and
        # the slot it took is given back when its response ends.
        assert client.get("/chat/live", params={"c": "x"}).status_code == 404
        assert streams.held("client:203.0.113.7") == 1


def test_rotating_forwarded_for_from_an_untrusted_peer_changes_nothing(tight: TestClient) -> None:
    for n in range(3):
        headers = {"X-Forwarded-For": f"192.0.2.{n}"}
        assert tight.post("/api/v1/conversations", json={}, headers=headers).status_code == 201
    rotated = tight.post(
        "/api/v1/conversations", json={}, headers={"X-Forwarded-For": "192.0.2.99"}
    )
    assert rotated.status_code == 429


def test_a_trusted_proxys_header_names_the_client(data_dir: Path) -> None:
    with _app_client(
        data_dir, peer="10.0.0.5", trusted_proxies="10.0.0.0/24", rate_limit_client_per_minute=1
    ) as proxy:
        one = {"X-Forwarded-For": "192.0.2.1"}
        two = {"X-Forwarded-For": "192.0.2.2"}
        assert proxy.post("/api/v1/conversations", json={}, headers=one).status_code == 201
        assert proxy.post("/api/v1/conversations", json={}, headers=one).status_code == 429
        assert proxy.post("/api/v1/conversations", json={}, headers=two).status_code == 201
        # A client writing its own header gets its forged hops ignored: the proxy appended
        # the address it saw, and that is the one counted.
        forged = {"X-Forwarded-For": "198.51.100.1, 192.0.2.2"}
        assert proxy.post("/api/v1/conversations", json={}, headers=forged).status_code == 429


def test_staff_actions_are_limited_per_account(data_dir: Path) -> None:
    app = create_app(make_settings(data_dir, rate_limit_staff_per_minute=2), fast_overrides())
    with (
        TestClient(app, client=("10.0.0.5", 1)) as alice,
        TestClient(app, client=("10.0.0.5", 2)) as bob,
    ):
        people = app.state.services.people
        for name in ("alice", "bob"):
            people.accounts.add(name, people.hashing.hash(PASSWORD), "caseworker", "general")
        for client, name in ((alice, "alice"), (bob, "bob")):
            form = client.get("/login").text
            token = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)  # type: ignore[union-attr]
            client.post("/login", data={"username": name, "password": PASSWORD, "csrf": token})
        for _ in range(2):
            alice.post("/console/handoffs/1/claim", data={"csrf": "x"})
        refused = alice.post("/console/handoffs/1/claim", data={"csrf": "x"})
        assert refused.status_code == 429
        assert "retry-after" in refused.headers
        assert bob.post("/console/handoffs/1/claim", data={"csrf": "x"}).status_code != 429


def test_a_zero_limit_switches_it_off(data_dir: Path) -> None:
    with _app_client(data_dir, rate_limit_client_per_minute=0) as client:
        for _ in range(5):
            assert client.post("/api/v1/conversations", json={}).status_code == 201


# -- the pieces on their own ---------------------------------------------------------------


def test_a_bucket_refills_with_time() -> None:
    now = [0.0]
    bucket = TokenBuckets(per_minute=2, max_keys=100, clock=lambda: now[0])
    assert bucket.take("a") is None
    assert bucket.take("a") is None
    refused = bucket.take("a")
    assert refused is not None and refused.retry_after_s == 30
    now[0] = 30.0
    assert bucket.take("a") is None


def test_the_number_of_tracked_keys_is_capped() -> None:
    bucket = TokenBuckets(per_minute=1, max_keys=100)
    for n in range(1000):
        bucket.take(f"client:{n}")
    assert len(bucket) == 100


def test_open_streams_are_counted_per_key_and_bounded() -> None:
    streams = OpenStreams(per_key=1, max_keys=2)
    assert streams.open("a") is None
    assert streams.open("a") is not None
    assert streams.open("b") is None
    assert streams.open("c") is not None  # two keys tracked: no room for a third
    streams.close("a")
    assert streams.open("c") is None


def test_the_api_documents_the_429(data_dir: Path) -> None:
    with _app_client(data_dir) as client:
        paths = client.get("/openapi.json").json()["paths"]
    assert "429" in paths["/api/v1/conversations/{conversation_id}/messages"]["post"]["responses"]
