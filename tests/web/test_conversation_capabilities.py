"""A conversation is its citizen's alone: what is public about it never unlocks it.

The attacker here has read the public log (`/audit/entries/N`, which names every
conversation's id) and tries every citizen route with that id, without the citizen's
secret: each answers as if the conversation did not exist, writes nothing to the log,
and the citizen still has everything. Anonymous receipt requests never make the log sign.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.conftest import fast_overrides, make_settings, without_opencounter_env
from tests.web.responses import Answer
from web.app import create_app
from web.settings import Settings

QUESTION = "How do I get a library card?"


@dataclass
class Citizen:
    client: TestClient
    conversation_id: str


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    # Sign every entry at once: receipts then cover the whole conversation.
    return make_settings(settings.data_dir, checkpoint_every=1)


def _citizen_on(app_settings: Settings) -> Iterator[Citizen]:
    with TestClient(create_app(app_settings, fast_overrides())) as client:
        posted = client.post("/chat/messages", data={"text": QUESTION}, follow_redirects=False)
        assert posted.status_code == 303
        found = re.search(r"c=([A-Za-z0-9_-]+)", posted.headers["location"])
        assert found is not None
        yield Citizen(client, found.group(1))


@pytest.fixture
def citizen(app_settings: Settings) -> Iterator[Citizen]:
    """A citizen of their own, for the tests that change the conversation."""
    yield from _citizen_on(app_settings)


@pytest.fixture(scope="module")
def watched_citizen(module_data_dir: Path) -> Iterator[Citizen]:
    """One citizen for the whole module, for the tests that only try and look: each attempt
    must leave the conversation and the log as they were, which each test checks (so an
    attempt that changed them fails there, and the next test starts from what it left)."""
    with pytest.MonkeyPatch.context() as env:
        without_opencounter_env(env)
        yield from _citizen_on(make_settings(module_data_dir, checkpoint_every=1))


def _stranger(citizen: Citizen) -> TestClient:
    """Another browser on the same server: no cookies."""
    return TestClient(citizen.client.app)


def _public_conversation_id(stranger: TestClient) -> str:
    """What anyone learns from the public log: the conversation id of entry 0."""
    entry = stranger.get("/audit/entries/0")
    assert entry.status_code == 200
    conversation = json.loads(entry.json()["entry"])["conversation"]
    assert isinstance(conversation, str)
    return conversation


def _log_state(client: TestClient) -> tuple[int, str]:
    checkpoint = client.get("/audit/checkpoint").text
    return int(checkpoint.split("\n")[1]), checkpoint


Attempt = Callable[[TestClient, str], Answer]

# Every citizen route, called with the public id and no secret (or a wrong one).
ATTEMPTS: dict[str, Attempt] = {
    "GET /": lambda c, cid: c.get(f"/?c={cid}"),
    "GET /chat": lambda c, cid: c.get(f"/chat?c={cid}"),
    "GET /widget": lambda c, cid: c.get(f"/widget?c={cid}"),
    "GET /chat/receipt": lambda c, cid: c.get(f"/chat/receipt?conversation_id={cid}"),
    "POST /chat/erase": lambda c, cid: c.post("/chat/erase", data={"conversation_id": cid}),
    "POST /chat/messages": lambda c, cid: c.post(
        "/chat/messages", data={"text": "What did I ask?", "conversation_id": cid}
    ),
    "POST /chat/messages (htmx)": lambda c, cid: c.post(
        "/chat/messages",
        data={"text": "What did I ask?", "conversation_id": cid},
        headers={"HX-Request": "true"},
    ),
    "POST /chat/person": lambda c, cid: c.post("/chat/person", data={"conversation_id": cid}),
    "POST /chat/callback": lambda c, cid: c.post(
        "/chat/callback", data={"conversation_id": cid, "contact": "call 0123"}
    ),
    "POST /chat/feedback": lambda c, cid: c.post(
        "/chat/feedback", data={"conversation_id": cid, "answer": "2", "helpful": "no"}
    ),
    "GET /chat/live": lambda c, cid: c.get(f"/chat/live?c={cid}"),
    "POST /api/v1/conversations/{id}/messages": lambda c, cid: c.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": "What did I ask?"}
    ),
    "POST /api/v1/conversations/{id}/messages/stream": lambda c, cid: c.post(
        f"/api/v1/conversations/{cid}/messages/stream", json={"text": "What did I ask?"}
    ),
    "POST /api/v1/conversations/{id}/escalations": lambda c, cid: c.post(
        f"/api/v1/conversations/{cid}/escalations"
    ),
    "POST /api/v1/conversations/{id}/feedback": lambda c, cid: c.post(
        f"/api/v1/conversations/{cid}/feedback", json={"answer": 2, "helpful": False}
    ),
    "GET /api/v1/conversations/{id}/receipt": lambda c, cid: c.get(
        f"/api/v1/conversations/{cid}/receipt"
    ),
    "DELETE /api/v1/conversations/{id}": lambda c, cid: c.delete(f"/api/v1/conversations/{cid}"),
}


@pytest.mark.parametrize("name", sorted(ATTEMPTS))
@pytest.mark.parametrize("credential", ["none", "wrong cookie", "wrong bearer", "log id"])
def test_the_public_id_alone_unlocks_nothing(
    watched_citizen: Citizen, name: str, credential: str
) -> None:
    citizen = watched_citizen
    stranger = _stranger(citizen)
    cid = _public_conversation_id(stranger)
    assert cid == citizen.conversation_id
    if credential == "wrong cookie":
        stranger.cookies.set(f"oc_s_{cid}", "x" * 43)
    elif credential == "wrong bearer":
        stranger.headers["Authorization"] = "Bearer " + "x" * 43
    elif credential == "log id":  # the id itself, as cookie and token
        stranger.cookies.set(f"oc_s_{cid}", cid)
        stranger.headers["Authorization"] = f"Bearer {cid}"
    before = _log_state(stranger)

    response = ATTEMPTS[name](stranger, cid)

    assert response.status_code == 404, (name, response.status_code, response.text[:300])
    assert QUESTION not in response.text
    assert "library card" not in response.text.lower()
    assert _log_state(stranger) == before, f"{name} made the log write"
    # The citizen still has the conversation, untouched.
    page = citizen.client.get(f"/chat?c={cid}")
    assert page.status_code == 200
    assert QUESTION in page.text


def test_every_citizen_route_is_tried_by_the_stranger(watched_citizen: Citizen) -> None:
    """A new route that takes a conversation must join ATTEMPTS (and so be checked)."""
    app = watched_citizen.client.app
    assert hasattr(app, "routes")
    takes_conversation: set[str] = set()
    for route in app.routes:
        if not isinstance(route, APIRoute):
            continue
        if route.path.startswith(("/console", "/oversight", "/login", "/logout", "/audit")):
            continue  # staff and public log routes: no citizen conversation
        params = {p.name for p in route.dependant.query_params + route.dependant.path_params}
        params |= {p.name for p in route.dependant.body_params}
        if params & {"c", "conversation_id"} or route.path in ("/", "/chat", "/widget"):
            for method in sorted((route.methods or set()) - {"HEAD"}):
                takes_conversation.add(f"{method} {route.path}")
    tried = {name.removesuffix(" (htmx)").replace("{id}", "{conversation_id}") for name in ATTEMPTS}
    assert takes_conversation - tried == set()


def test_the_citizen_keeps_access_through_the_cookie(citizen: Citizen) -> None:
    client, cid = citizen.client, citizen.conversation_id
    cookie = client.cookies.get(f"oc_s_{cid}")
    assert cookie is not None and len(cookie) >= 43  # 256 bits, URL-safe base64
    follow = client.post(
        "/chat/messages",
        data={"text": "Where is the library?", "conversation_id": cid},
        follow_redirects=False,
    )
    assert follow.status_code == 303
    assert "Where is the library?" in client.get(f"/chat?c={cid}").text
    receipt = client.get(f"/chat/receipt?conversation_id={cid}")
    assert receipt.status_code == 200, receipt.text[:300]
    erased = client.post("/chat/erase", data={"conversation_id": cid})
    assert erased.status_code == 200
    assert f"oc_s_{cid}=;" in erased.headers["set-cookie"]
    assert client.get(f"/chat?c={cid}").status_code == 404


def test_the_cookie_is_http_only_and_not_sent_cross_site(app_settings: Settings) -> None:
    with TestClient(create_app(app_settings)) as client:
        posted = client.post("/chat/messages", data={"text": QUESTION}, follow_redirects=False)
    cookie = posted.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie  # plain HTTP: Lax
    with TestClient(create_app(app_settings), base_url="https://testserver") as client:
        posted = client.post("/chat/messages", data={"text": QUESTION}, follow_redirects=False)
    cookie = posted.headers["set-cookie"]
    # Over HTTPS the embedded widget keeps its conversation: a partitioned cookie.
    assert all(part in cookie for part in ("HttpOnly", "Secure", "SameSite=None", "Partitioned"))


def test_only_a_digest_of_the_secret_is_stored(citizen: Citizen, app_settings: Settings) -> None:
    secret = citizen.client.cookies.get(f"oc_s_{citizen.conversation_id}")
    assert secret is not None
    engine = create_engine(app_settings.resolved_database_url)
    with engine.connect() as db:
        stored = db.execute(
            text("SELECT secret_digest FROM bot_conversations WHERE id = :id"),
            {"id": citizen.conversation_id},
        ).scalar_one()
    engine.dispose()
    assert stored == hashlib.sha256(secret.encode()).hexdigest()
    database = (app_settings.data_dir / "opencounter.db").read_bytes()
    assert secret.encode() not in database


def test_api_client_uses_its_bearer_token(app_settings: Settings) -> None:
    with TestClient(create_app(app_settings)) as client:
        started = client.post("/api/v1/conversations", json={"lang": "en"})
        assert started.status_code == 201
        body = started.json()
        cid, token = body["id"], body["token"]
        assert len(token) >= 43 and token != cid
        auth = {"Authorization": f"Bearer {token}"}
        url = f"/api/v1/conversations/{cid}"
        asked = client.post(f"{url}/messages", json={"text": QUESTION}, headers=auth)
        assert asked.status_code == 200
        receipt = client.get(f"{url}/receipt", headers=auth)
        assert receipt.status_code == 200
        assert json.loads(receipt.content)["conversation"] == cid
        # A widget cookie does not stand in for the API token.
        client.cookies.set(f"oc_s_{cid}", token)
        assert client.post(f"{url}/escalations").status_code == 404
        assert client.delete(url, headers=auth).status_code == 204
        # Erased: the token no longer opens anything.
        assert client.post(f"{url}/messages", json={"text": "hi"}, headers=auth).status_code == 404
        assert client.get(f"{url}/receipt", headers=auth).status_code == 404


def test_receipt_requests_never_sign_a_checkpoint(settings: Settings) -> None:
    """With the log's own schedule (a checkpoint a minute), a receipt asked for at once
    waits for the next checkpoint; asking again and again signs nothing."""
    with TestClient(create_app(settings)) as client:
        started = client.post("/api/v1/conversations", json={"lang": "en"}).json()
        auth = {"Authorization": f"Bearer {started['token']}"}
        url = f"/api/v1/conversations/{started['id']}"
        client.post(f"{url}/messages", json={"text": QUESTION}, headers=auth)
        before = _log_state(client)
        for _ in range(5):
            receipt = client.get(f"{url}/receipt", headers=auth)
            assert receipt.status_code in (200, 503)
            if receipt.status_code == 503:
                assert int(receipt.headers["Retry-After"]) >= 1
        widget = client.get(f"/chat/receipt?conversation_id={started['id']}")
        assert widget.status_code == 404  # the API token is not a widget cookie
        assert _log_state(client) == before


def test_a_stream_ticket_works_only_in_the_browser_that_holds_the_conversation(
    citizen: Citizen,
) -> None:
    posted = citizen.client.post(
        "/chat/messages",
        data={"text": "Where is the library?", "conversation_id": citizen.conversation_id},
        headers={"HX-Request": "true"},
    )
    found = re.search(r'sse-connect="/chat/stream/([^"]+)"', posted.text)
    assert found is not None
    streamed = _stranger(citizen).get(f"/chat/stream/{found.group(1)}")
    assert streamed.status_code == 200  # an SSE stream that only says it has expired
    assert "no longer available" in streamed.text
    assert "library" not in streamed.text.lower()
    assert "Where is the library?" not in streamed.text
    # The stranger did not use the ticket up: the citizen's browser still gets its answer.
    answer = citizen.client.get(f"/chat/stream/{found.group(1)}")
    assert "event: done" in answer.text and "no longer available" not in answer.text
