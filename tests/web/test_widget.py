"""The citizen widget over HTTP: disclosure first, plain form posts, htmx partials, errors."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.conftest import services_of

HTMX = {"HX-Request": "true"}


@pytest.mark.parametrize("path", ["/", "/chat", "/widget"])
def test_disclosure_comes_before_the_first_message(client: TestClient, path: str) -> None:
    html = client.get(path).text
    version = services_of(client).disclosure.version
    assert "You are talking to an AI system" in html
    assert f'data-version="{version}"' in html
    assert html.index("You are talking to an AI system") < html.index('name="text"')
    assert "Talk to a person" in html


def test_french_page_shows_the_french_disclosure(client: TestClient) -> None:
    html = client.get("/widget?lang=fr").text
    assert 'lang="fr"' in html
    assert "Vous échangez avec un système d" in html
    assert "Parler à une personne" in html


def test_plain_form_post_works_without_javascript(client: TestClient) -> None:
    r = client.post(
        "/chat/messages",
        data={"text": "How do I apply for a resident parking permit?", "lang": "en"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "How do I apply for a resident parking permit?" in page
    assert 'data-decision="answer"' in page
    assert 'data-doc-id="en/parking-permits"' in page
    assert "https://www.exampleton.example/en/parking-permits" in page


def test_disclosure_version_is_logged_with_the_conversation(client: TestClient) -> None:
    r = client.post(
        "/chat/messages", data={"text": "Library opening hours?"}, follow_redirects=False
    )
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
    services = services_of(client)
    entries = services.conversation_entries(cid)
    assert entries[0]["type"] == "disclosure"
    assert entries[0]["disclosure_version"] == services.disclosure.version
    assert [e["type"] for e in entries[1:]] == ["message", "answer"]


def stream_done(client: TestClient, html: str) -> str:
    """Follow the pending turn's SSE link and return the final turn it swaps in."""
    ticket = re.search(r'sse-connect="/chat/stream/([^"]+)"', html).group(1)  # type: ignore[union-attr]
    body = client.get(f"/chat/stream/{ticket}").text
    done = body.split("event: done\n", 1)[1]
    return "\n".join(line.removeprefix("data: ") for line in done.splitlines())


def test_htmx_post_streams_the_answer_and_keeps_the_conversation(client: TestClient) -> None:
    r = client.post(
        "/chat/messages", data={"text": "How do I get a library card?", "lang": "en"}, headers=HTMX
    )
    assert r.status_code == 200
    assert "How do I get a library card?" in r.text
    assert 'class="oc-turn oc-assistant oc-pending"' in r.text
    assert 'id="oc-text"' in r.text and 'hx-swap-oob="true"' in r.text  # the box is emptied
    final = stream_done(client, r.text)
    assert 'data-decision="answer"' in final
    assert 'data-doc-id="en/libraries"' in final
    cid = re.search(r'class="oc-conversation" value="([^"]+)"', r.text).group(1)  # type: ignore[union-attr]
    r2 = client.post(
        "/chat/messages",
        data={"text": "And how much does a lost card cost?", "conversation_id": cid},
        headers=HTMX,
    )
    stream_done(client, r2.text)
    assert len(services_of(client).store.turns(cid)) == 4


def test_a_stream_ticket_works_once(client: TestClient) -> None:
    r = client.post("/chat/messages", data={"text": "Library opening hours?"}, headers=HTMX)
    stream_done(client, r.text)
    again = stream_done(client, r.text)
    assert "no longer available" in again


def test_talk_to_a_person_shows_the_contact_details(client: TestClient) -> None:
    r = client.post("/chat/person", data={"lang": "en"}, follow_redirects=True)
    assert r.status_code == 200
    assert "020 7946 0000" in r.text
    assert 'data-decision="escalate"' in r.text


@pytest.mark.parametrize(
    ("text", "status", "words"),
    [
        ("", 422, "Please type a question"),
        ("x" * 20_000, 422, "too long (20000 characters)"),
    ],
)
def test_bad_input_gets_a_readable_message_and_keeps_the_draft(
    client: TestClient, text: str, status: int, words: str
) -> None:
    before = services_of(client).log_size()
    r = client.post("/chat/messages", data={"text": text})
    assert r.status_code == status
    assert words in r.text
    assert "Traceback" not in r.text
    if text:
        assert text in r.text  # the draft is given back, nothing is lost
    partial = client.post("/chat/messages", data={"text": text}, headers=HTMX)
    assert partial.status_code == status
    assert partial.headers["HX-Retarget"] == "#error"
    assert words in partial.text
    assert services_of(client).log_size() == before


def test_invalid_utf8_in_the_form_gets_a_readable_message(client: TestClient) -> None:
    r = client.post(
        "/chat/messages",
        content=b"text=caf%E9%FF&lang=en",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code in (400, 422)
    assert "Traceback" not in r.text
    assert "could not be read" in r.text and "type it again" in r.text
    assert _log_size(client) == 0  # not even a conversation was started


def _log_size(client: TestClient) -> int:
    return int(services_of(client).log_size())


def test_unknown_conversation_in_the_widget(client: TestClient) -> None:
    r = client.get("/widget?c=nope")
    assert r.status_code == 404
    assert "no longer exists" in r.text
    r = client.post("/chat/messages", data={"text": "hello", "conversation_id": "nope"})
    assert r.status_code == 404
    assert "no longer exists" in r.text
    assert _log_size(client) == 0


def test_an_unrelated_question_in_the_widget_is_refused_with_the_contact(
    client: TestClient,
) -> None:
    r = client.post(
        "/chat/messages", data={"text": "What is the best recipe for a chocolate cake?"}
    )
    assert r.status_code == 200
    reply = re.findall(r'<li class="oc-turn oc-assistant[^"]*" data-decision="([a-z_]+)"', r.text)
    assert reply == ["refuse"]
    turn = r.text.split('data-decision="refuse"')[1].split("</li>")[0]
    contact = services_of(client).organisation.contact
    assert contact.phone in turn or contact.email in turn, turn


def test_widget_script_embeds_an_iframe(client: TestClient) -> None:
    r = client.get("/widget.js")
    assert r.headers["content-type"].startswith("text/javascript")
    assert "/widget?lang=" in r.text


def test_htmx_is_served_locally_never_from_a_cdn(client: TestClient) -> None:
    html = client.get("/").text
    assert "unpkg" not in html and "cdn" not in html.lower()
    # `make test` builds the assets from npm first; without them the forms still work.
    assert services_of(client).htmx_available
    assert "/static/vendor/htmx.min.js" in html
    assert client.get("/static/vendor/htmx.min.js").status_code == 200


def test_transparency_page_and_checkpoint_are_public(client: TestClient) -> None:
    client.post("/chat/messages", data={"text": "Library opening hours?"})
    page = client.get("/transparency")
    assert page.status_code == 200
    assert "It is an AI system" in page.text
    assert "020 7946 0000" in page.text
    checkpoint = client.get("/audit/checkpoint")
    assert checkpoint.headers["content-type"].startswith("text/plain")
    lines = checkpoint.text.split("\n")
    assert lines[0] == "exampleton.example/opencounter/log"
    # Checkpoints are issued every N entries or T seconds, so the latest may trail the log.
    assert 1 <= int(lines[1]) <= services_of(client).log_size()
    assert "\u2014 exampleton.example/opencounter/log " in checkpoint.text
    assert client.get("/audit/key").text.startswith("exampleton.example/opencounter/log+")


def test_unknown_page_is_a_readable_404(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404
    assert "This page does not exist." in r.text
    assert r.headers["content-type"].startswith("text/html")
    api = client.get("/api/v1/nothing")
    assert api.status_code == 404
    assert api.json()["error"]
