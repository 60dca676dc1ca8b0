"""Nobody left at a dead end: two low-confidence turns in a row, or a "No" rating, offer to queue
the conversation for a person in one click, with the expected wait when people answer or a call
back outside the hours; the reason is logged; and it all works without JavaScript (form posts)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from audit.entries import decode_entry
from tests.conftest import make_settings, services_of
from tests.web.citizens import conversation_in
from web.app import create_app

# Questions in the city's line of work that the demo pages do not cover (the guard lets them
# through, its classifier too): each one is a low-confidence turn.
OFF_PAGE = (
    "How do I book the bandstand in the park for a brass band concert?",
    "When is the next street party on Mill Lane?",
)
PARKING = "How do I apply for a resident parking permit?"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _client(data_dir: Path, **settings: object) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(data_dir, guard_classifier=False, **settings))) as c:
        yield c


@pytest.fixture
def client(data_dir: Path) -> Iterator[TestClient]:
    yield from _client(data_dir)  # people always answer (the tests' hours)


@pytest.fixture
def closed_client(data_dir: Path) -> Iterator[TestClient]:
    # Open only on a day three days away, in UTC: closed all of today.
    later = DAYS[(datetime.now(UTC) + timedelta(days=3)).weekday()]
    yield from _client(data_dir, opening_hours=f"{later} 09:00-10:00", opening_timezone="UTC")


def _offers(page: str) -> list[dict[str, str]]:
    forms = re.findall(r'<form class="oc-person-offer".*?</form>', page, re.S)
    return [dict(re.findall(r'name="(\w+)" value="([^"]*)"', form)) for form in forms]


def _ask_twice_off_page(client: TestClient) -> tuple[str, str, str]:
    """Two off-page questions without JavaScript; the page after each."""
    r = client.post("/chat/messages", data={"text": OFF_PAGE[0]}, follow_redirects=False)
    cid = conversation_in(r.headers["location"])
    first = client.get(r.headers["location"]).text
    r = client.post(
        "/chat/messages",
        data={"text": OFF_PAGE[1], "conversation_id": cid},
        follow_redirects=False,
    )
    return cid, first, client.get(r.headers["location"]).text


def _escalations(client: TestClient, cid: str) -> list[str]:
    log = services_of(client).log
    entries = [decode_entry(log.entry(i)) for i in range(log.size())]
    return [
        str(e["reason"])
        for e in entries
        if e["type"] == "escalation" and e.get("conversation") == cid and "reason" in e
    ]


def test_two_low_confidence_turns_offer_a_person_with_the_wait(client: TestClient) -> None:
    cid, first, second = _ask_twice_off_page(client)
    assert 'data-reason="not_covered"' in first
    assert _offers(first) == []  # one miss is no dead end yet
    assert 'data-reason="not_covered.offer_person' in second
    [offer] = _offers(second)
    assert offer == {
        "conversation_id": cid,
        "lang": "en",
        "view": "page",
        "reason": "person.low_confidence",
    }
    # Nobody waiting: the first case's minutes (the default six per case).
    assert "The expected wait is about 6 minutes." in html.unescape(second)
    # One click, a plain form post: queued, logged with the offer's reason.
    r = client.post("/chat/person", data=offer, follow_redirects=False)
    assert r.status_code == 303
    assert _escalations(client, cid) == ["person.low_confidence"]
    handoff = services_of(client).people.desk.latest(cid)
    assert handoff is not None and handoff.reason == "person.low_confidence"
    # The offer is not made again once a person is involved.
    assert _offers(client.get(r.headers["location"]).text) == []


def test_the_wait_counts_the_people_already_waiting(client: TestClient) -> None:
    for _ in range(3):  # three citizens already waiting, each in a conversation of their own
        assert TestClient(client.app).post("/chat/person", data={}).status_code == 200
    _, _, second = _ask_twice_off_page(client)
    assert "The expected wait is about 24 minutes." in html.unescape(second)


def test_with_htmx_the_offer_comes_with_the_second_reply(client: TestClient) -> None:
    r = client.post("/chat/messages", data={"text": OFF_PAGE[0]}, follow_redirects=False)
    cid = conversation_in(r.headers["location"])
    r = client.post(
        "/chat/messages",
        data={"text": OFF_PAGE[1], "conversation_id": cid},
        headers={"HX-Request": "true"},
    )
    stream = re.search(r'sse-connect="(/chat/stream/[^"]+)"', r.text)
    assert stream is not None and _offers(r.text) == []  # the reply comes by the stream
    done = client.get(stream.group(1)).text.split("event: done")[-1]
    [offer] = _offers(done)
    assert offer == {
        "conversation_id": cid,
        "lang": "en",
        "view": "page",
        "reason": "person.low_confidence",
    }
    assert 'hx-post="/chat/person"' in done


def test_out_of_hours_the_offer_is_a_call_back(closed_client: TestClient) -> None:
    client = closed_client
    cid, _, second = _ask_twice_off_page(client)
    [offer] = _offers(second)
    text = html.unescape(second)
    assert "Nobody is answering live now" in text and "call back" in text
    assert "expected wait" not in text
    r = client.post("/chat/person", data=offer, follow_redirects=False)
    assert _escalations(client, cid) == ["person.low_confidence.out_of_hours"]
    page = client.get(r.headers["location"]).text
    assert 'action="/chat/callback"' in page  # where to leave a number


def test_a_no_without_javascript_offers_a_person(client: TestClient) -> None:
    r = client.post("/chat/messages", data={"text": PARKING}, follow_redirects=False)
    cid = conversation_in(r.headers["location"])
    page = client.get(r.headers["location"]).text
    answer = re.search(r'name="answer" value="(\d+)"', page)
    assert answer is not None
    assert _offers(page) == []
    r = client.post(
        "/chat/feedback",
        data={"conversation_id": cid, "answer": answer.group(1), "helpful": "no"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "offer=no" in r.headers["location"]
    [offer] = _offers(client.get(r.headers["location"]).text)
    assert offer["reason"] == "person.feedback_no"
    client.post("/chat/person", data=offer)
    assert _escalations(client, cid) == ["person.feedback_no"]
    # A made-up address asking for the offer on a conversation with a person shows none.
    assert _offers(client.get(f"/chat?c={cid}&offer=no").text) == []


def test_a_yes_offers_nothing(client: TestClient) -> None:
    r = client.post("/chat/messages", data={"text": PARKING}, follow_redirects=False)
    cid = conversation_in(r.headers["location"])
    page = client.get(r.headers["location"]).text
    answer = re.search(r'name="answer" value="(\d+)"', page)
    assert answer is not None
    r = client.post(
        "/chat/feedback",
        data={"conversation_id": cid, "answer": answer.group(1), "helpful": "yes"},
        follow_redirects=False,
    )
    assert "offer" not in r.headers["location"]
    assert _offers(client.get(r.headers["location"]).text) == []


def _api_conversation(client: TestClient) -> tuple[str, dict[str, str]]:
    started = client.post("/api/v1/conversations", json={"lang": "en"}).json()
    return started["id"], {"Authorization": f"Bearer {started['token']}"}


def test_the_api_offers_a_person_after_two_uncovered_questions(client: TestClient) -> None:
    cid, auth = _api_conversation(client)
    url = f"/api/v1/conversations/{cid}/messages"
    first = client.post(url, json={"text": OFF_PAGE[0]}, headers=auth).json()
    assert first["reason"] == "not_covered" and first["person_offer"] is None
    second = client.post(url, json={"text": OFF_PAGE[1]}, headers=auth).json()
    offer = second["person_offer"]
    assert offer["reason"] == "low_confidence" and offer["open"] is True
    assert offer["expected_wait_minutes"] > 0 and offer["hours"] is None
    # Accepting it, as the offer says, logs which offer was taken.
    accepted = client.post(
        f"/api/v1/conversations/{cid}/escalations", json={"offer": offer["reason"]}, headers=auth
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["decision"] == "escalate"
    assert _escalations(client, cid)[-1] == "person.low_confidence"


def test_the_api_offers_a_call_back_after_a_no_out_of_hours(closed_client: TestClient) -> None:
    cid, auth = _api_conversation(closed_client)
    answer = closed_client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": PARKING}, headers=auth
    ).json()
    assert answer["decision"] == "answer" and answer["person_offer"] is None
    url = f"/api/v1/conversations/{cid}/feedback"
    helped = closed_client.post(
        url, json={"answer": answer["entry"], "helpful": False}, headers=auth
    )
    assert helped.status_code == 201, helped.text
    offer = helped.json()["person_offer"]
    assert offer["reason"] == "feedback_no" and offer["open"] is False
    assert offer["hours"] and offer["expected_wait_minutes"] is None


def test_an_unknown_offer_is_refused_with_the_choices(client: TestClient) -> None:
    cid, auth = _api_conversation(client)
    refused = client.post(
        f"/api/v1/conversations/{cid}/escalations", json={"offer": "whatever"}, headers=auth
    )
    assert refused.status_code == 422
    assert "low_confidence" in refused.text
    assert _escalations(client, cid) == []
