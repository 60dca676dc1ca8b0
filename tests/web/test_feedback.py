"""Citizens say whether an answer helped: once per answer, logged, shown to oversight."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from audit.entries import decode_entry
from tests.conftest import services_of
from tests.web.citizens import start_api

PARKING = "How do I apply for a resident parking permit?"
UNRELATED = "What is the best recipe for a chocolate cake?"


def _ask(client: TestClient, text: str) -> tuple[str, dict[str, object]]:
    cid = start_api(client, "en")
    reply = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": text}).json()
    return cid, reply


def test_an_answer_is_rated_once_and_the_rating_is_logged(client: TestClient) -> None:
    cid, reply = _ask(client, PARKING)
    assert reply["decision"] == "answer" and isinstance(reply["entry"], int)
    r = client.post(
        f"/api/v1/conversations/{cid}/feedback", json={"answer": reply["entry"], "helpful": False}
    )
    assert r.status_code == 201, r.text
    entry = decode_entry(services_of(client).log.entry(r.json()["entry"]))
    assert (entry["type"], entry["conversation"]) == ("feedback", cid)
    assert (entry["rating"], entry["answer"]) == ("not_helpful", reply["entry"])
    size = services_of(client).log.size()
    again = client.post(
        f"/api/v1/conversations/{cid}/feedback", json={"answer": reply["entry"], "helpful": True}
    )
    assert again.status_code == 422 and "already been rated" in again.json()["error"]
    assert services_of(client).log.size() == size


def test_feedback_must_name_an_answer_of_that_conversation(client: TestClient) -> None:
    cid, refused = _ask(client, UNRELATED)
    auth = {"Authorization": client.headers["Authorization"]}  # the first conversation's
    _, answered = _ask(client, PARKING)
    size = services_of(client).log.size()
    for conversation, answer in ((cid, refused["entry"]), (cid, answered["entry"]), (cid, 0)):
        r = client.post(
            f"/api/v1/conversations/{conversation}/feedback",
            json={"answer": answer, "helpful": True},
            headers=auth,
        )
        assert r.status_code == 422, (conversation, answer, r.text)
        assert "answer" in r.json()["error"]
    r = client.post("/api/v1/conversations/nope/feedback", json={"answer": 2, "helpful": True})
    assert r.status_code == 404
    assert services_of(client).log.size() == size


def test_the_widget_asks_once_and_a_no_points_to_a_person(client: TestClient) -> None:
    r = client.post("/chat/messages", data={"text": PARKING}, follow_redirects=False)
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
    page = client.get(f"/chat?c={cid}").text
    answer = re.search(r'class="oc-feedback".*?name="answer" value="(\d+)"', page, re.S)
    assert answer is not None
    r = client.post(
        "/chat/feedback",
        data={"conversation_id": cid, "answer": answer.group(1), "helpful": "no"},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200 and "talk to a person" in r.text
    assert 'class="oc-feedback"' not in client.get(f"/chat?c={cid}").text
    # Without JavaScript a second post (an old page) gets a readable message, not a crash.
    r = client.post(
        "/chat/feedback", data={"conversation_id": cid, "answer": answer.group(1), "helpful": "yes"}
    )
    assert r.status_code == 422 and "rated already" in r.text
    r = client.post("/chat/feedback", data={"conversation_id": cid, "answer": "x"})
    assert r.status_code == 422
    ratings = [
        decode_entry(data)["rating"]
        for _, data in services_of(client).log.entries()
        if decode_entry(data)["type"] == "feedback"
    ]
    assert ratings == ["not_helpful"]


def test_a_no_offers_a_person_in_one_click_and_the_reason_is_logged(client: TestClient) -> None:
    r = client.post("/chat/messages", data={"text": PARKING}, follow_redirects=False)
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
    page = client.get(f"/chat?c={cid}").text
    answer = re.search(r'class="oc-feedback".*?name="answer" value="(\d+)"', page, re.S)
    assert answer is not None
    r = client.post(
        "/chat/feedback",
        data={"conversation_id": cid, "answer": answer.group(1), "helpful": "no"},
        headers={"HX-Request": "true"},
    )
    offer = re.search(r'<form class="oc-person-offer".*?</form>', r.text, re.S)
    assert offer is not None and 'action="/chat/person"' in offer.group(0)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', offer.group(0)))
    assert fields["reason"] == "person.feedback_no" and fields["conversation_id"] == cid
    r = client.post("/chat/person", data=fields, follow_redirects=False)
    assert r.status_code in (200, 303), r.text
    escalations = [
        decode_entry(data)
        for _, data in services_of(client).log.entries()
        if decode_entry(data).get("decision") == "escalate"
    ]
    assert [e["reason"] for e in escalations if e["conversation"] == cid] == ["person.feedback_no"]
    # A reason the form never offers is logged as the usual button, not as given.
    engine = services_of(client).engine
    other = engine.start("en").id
    assert engine.request_person(other, "made.up").reason == "person.button"
