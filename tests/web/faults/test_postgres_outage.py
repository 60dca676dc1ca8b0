"""PostgreSQL stopped and started again in the middle of a conversation, on a server of our own.

While it is down every citizen request is a 503 that says the database is not answering and
gives the organisation's contacts: an HTML page for the pages, JSON with Retry-After for the
API, never a 500 or a dropped connection. What was acknowledged before stays in the log, and
once the server is back the same conversation goes on.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import make_settings, services_of
from tests.fakes.private_postgres import private_postgres
from tests.web.citizens import conversation_in, start_api
from tests.web.faults.views import EMAIL, PHONE, QUESTION, assert_fault_json
from web.app import create_app


def test_postgres_stopped_and_restarted_mid_conversation(tmp_path: Path, data_dir: Path) -> None:
    with private_postgres(tmp_path) as server:
        settings = make_settings(
            data_dir, database_url=server.url, guard_classifier=False, checkpoint_every=1
        )
        with TestClient(create_app(settings)) as client:
            services = services_of(client)
            cid = start_api(client)
            first = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION})
            assert first.status_code == 200, first.text
            acknowledged = first.json()["entry"]
            page = client.post(
                "/chat/messages",
                data={"text": QUESTION, "lang": "en", "view": "page"},
                follow_redirects=False,
            )
            assert page.status_code == 303, page.text
            page_id = conversation_in(page.headers["location"])

            server.stop()
            api_message = client.post(
                f"/api/v1/conversations/{cid}/messages", json={"text": "And for a visitor?"}
            )
            api_stream = client.post(
                f"/api/v1/conversations/{cid}/messages/stream", json={"text": "And a visitor?"}
            )
            api_start = client.post("/api/v1/conversations", json={})
            api_receipt = client.get(f"/api/v1/conversations/{cid}/receipt")
            page_view = client.get(f"/chat?c={page_id}")
            page_post = client.post(
                "/chat/messages",
                data={"text": "And a visitor?", "conversation_id": page_id, "view": "page"},
            )
            htmx_post = client.post(
                "/chat/messages",
                data={"text": "And a visitor?", "conversation_id": page_id, "view": "page"},
                headers={"HX-Request": "true"},
            )
            ready_down = client.get("/readyz")
            alive = client.get("/healthz")

            server.start()
            again = client.post(
                f"/api/v1/conversations/{cid}/messages", json={"text": "And for a visitor?"}
            )
            page_back = client.get(f"/chat?c={page_id}")
            ready_up = client.get("/readyz")
            logged = [index for index, _ in services.log.entries_for_conversation(cid)]

    # The API: 503, Retry-After, what is down and whom to reach; never 500.
    for refused in (api_message, api_stream, api_start, api_receipt):
        assert refused.status_code == 503, (refused.request.url, refused.text)
        assert refused.headers["Retry-After"] == "30"
        assert_fault_json(refused.json(), "unreachable")
        assert "database" in refused.json()["error"]
    # The pages: an HTML page (or the htmx fragment) saying what to do, with the contacts.
    for refused in (page_view, page_post, htmx_post):
        assert refused.status_code == 503, refused.text
        assert refused.headers["content-type"].startswith("text/html")
        assert "database is not answering" in refused.text
        assert PHONE in refused.text and EMAIL in refused.text
    assert "<h1>" in page_view.text, "a whole page, not a fragment"
    assert htmx_post.headers["HX-Retarget"] == "#error"
    assert ready_down.status_code == 503
    assert ready_down.json()["checks"]["database"].startswith("unreachable")
    assert ready_down.json()["checks"]["log"].startswith("unreachable")
    assert alive.status_code == 200
    # Back: the same conversation goes on, and the acknowledged answer is still in the log.
    assert again.status_code == 200 and again.json()["decision"] == "answer", again.text
    assert page_back.status_code == 200 and QUESTION in page_back.text
    assert ready_up.status_code == 200, ready_up.json()
    assert acknowledged in logged, (acknowledged, logged)
    assert again.json()["entry"] > acknowledged
