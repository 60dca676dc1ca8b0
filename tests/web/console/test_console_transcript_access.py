"""The live transcript stream is a reading of the transcript: it is on record before it opens,
even for staff who never opened the conversation's page, and refused when the log is down."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from audit.sink import LogUnavailable
from bot.handoff.state import Handoff
from tests.conftest import services_of
from tests.web.console.conftest import ask_for_person, sign_in


def _accesses(client: TestClient, cid: str) -> list[dict[str, object]]:
    entries = services_of(client).conversation_entries(cid)
    return [e for e in entries if e["type"] == "transcript_access"]


@pytest.mark.parametrize(
    ("role", "purpose"), [("caseworker", "handoff"), ("oversight", "oversight")]
)
def test_subscribing_to_the_transcript_without_the_page_is_logged_first(
    console_client: TestClient, add_staff: Callable[..., str], role: str, purpose: str
) -> None:
    services = services_of(console_client)
    cid = ask_for_person(console_client)
    handoff = services.people.desk.active(cid)
    assert handoff is not None
    add_staff("nosy", role=role)
    sign_in(console_client, "nosy")
    assert _accesses(console_client, cid) == []

    with console_client.stream("GET", f"/console/handoffs/{handoff.id}/events") as stream:
        assert stream.status_code == 200
        # The response has started: from here on words can flow, so the entry must exist.
        accesses = _accesses(console_client, cid)
    account = services.people.accounts.find("nosy")
    assert account is not None
    assert len(accesses) == 1
    assert accesses[0]["accessor"] == account.pseudonym
    assert accesses[0]["purpose"] == purpose


def test_no_transcript_stream_when_the_log_cannot_record_the_access(
    console_client: TestClient, add_staff: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(console_client)
    cid = ask_for_person(console_client)
    handoff = services.people.desk.active(cid)
    assert handoff is not None
    add_staff("ines")
    sign_in(console_client, "ines")

    def log_down(handoff: Handoff, accessor: str, purpose: str = "handoff") -> None:
        raise LogUnavailable("the log's database is gone")

    monkeypatch.setattr(services.people.desk, "record_transcript_access", log_down)
    with console_client.stream("GET", f"/console/handoffs/{handoff.id}/events") as stream:
        assert stream.status_code == 503
        assert "event: transcript" not in stream.read().decode()
