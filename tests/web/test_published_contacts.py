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
        "please ring me back on 07700 900123 about my bin",
        "Can you reply to jo.bloggs@outlook.com about my renewal?",
    ):
        reply = client.post(url, json={"text": text})
        assert reply.status_code == 200, reply.text
        assert reply.json()["decision"] == "block_pii", (text, reply.json())
