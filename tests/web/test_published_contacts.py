"""A citizen who quotes a number or address the organisation prints in its pages gives no
personal data; a number the pages do not print is still blocked (issue 12, look-alikes)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.citizens import start_api


def test_the_pages_own_numbers_and_addresses_are_not_blocked(client: TestClient) -> None:
    cid = start_api(client)
    url = f"/api/v1/conversations/{cid}/messages"
    for text in (
        "just checking, 020 7946 0880 is the Blue Badge team and not the main switchboard?",
        "le 020 7946 0500 c'est bien pour prolonger mes livres par téléphone ?",
        "Can I write to bluebadge@exampleton.example about my renewal?",
    ):
        reply = client.post(url, json={"text": text})
        assert reply.status_code == 200, reply.text
        assert reply.json()["decision"] != "block_pii", (text, reply.json())


def test_a_number_the_pages_do_not_print_is_still_blocked(client: TestClient) -> None:
    cid = start_api(client)
    url = f"/api/v1/conversations/{cid}/messages"
    for text in (
        "is 020 7946 0881 the Blue Badge team? it's my neighbour's line",
        "my mobile is 07700 900123, has my bin day changed?",
        "Can you reply to jo.bloggs@outlook.com about my renewal?",
    ):
        reply = client.post(url, json={"text": text})
        assert reply.status_code == 200, reply.text
        assert reply.json()["decision"] == "block_pii", (text, reply.json())


def test_a_call_back_asked_for_with_a_number_goes_to_a_person(client: TestClient) -> None:
    """Not "do not share personal data" to someone who asked for a person: escalated, and the
    number is neither echoed nor given to the bot."""
    cid = start_api(client)
    reply = client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "please ring me back on 07700 900123 about my bin"},
    )
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["decision"], body["reason"]) == ("escalate", "person.callback"), body
    assert "900123" not in reply.text
