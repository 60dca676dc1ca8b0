"""The handoff desk on SQLite with a list sink: states, queues, opening hours, callbacks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import pytest
from sqlalchemy import create_engine

from audit.sink import LogUnavailable
from bot.conversations import ConversationStore
from bot.handoff.desk import DeskPolicy, HandoffDesk
from bot.handoff.hours import InvalidOpeningHours, OpeningHours
from bot.handoff.state import HandoffConflict, InvalidStaffText, UnknownTeam
from bot.handoff.store import HandoffStore
from tests.fakes.memory_sink import MemorySink
from tests.schema import create_schema, tables


class EventList:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, str]]] = []

    def publish(self, channel: str, event: Mapping[str, str]) -> None:
        self.events.append((channel, dict(event)))


@pytest.fixture
def parts(tmp_path: Path) -> Iterator[tuple[HandoffDesk, MemorySink, EventList, ConversationStore]]:
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    create_schema(engine)
    conversations = ConversationStore(engine, tables().conversations)
    store = HandoffStore(engine, tables().handoffs)
    sink, events = MemorySink(engine), EventList()
    desk = HandoffDesk(
        store=store,
        conversations=conversations,
        sink=sink,
        events=events,
        hours=OpeningHours.parse(""),
        policy=DeskPolicy(teams=("general", "housing"), minutes_per_case=5),
    )
    for cid in ("a", "b", "c"):
        conversations.create(cid, "en", "v1", "d" * 64)
    yield desk, sink, events, conversations
    engine.dispose()


def test_queue_is_crisis_first_then_oldest_and_wait_grows(parts: tuple) -> None:  # type: ignore[type-arg]
    desk, _, events, _ = parts
    first = desk.open("a", reason="person.button", lang="en", topic="general")
    second = desk.open("b", reason="person.button", lang="en", topic="general")
    crisis = desk.open("c", reason="crisis.danger", lang="en", topic="general")
    assert [h.id for h in desk.queue()] == [crisis.id, first.id, second.id]
    assert "about 15 minutes (2 ahead of you)" in desk.status_text(second, "en")
    assert "call 112 now" in desk.status_text(crisis, "en", phone="112")
    assert desk.open("a", reason="person.button", lang="en", topic="x").id == first.id
    assert ("queue", {"kind": "handoff_opened", "handoff": str(first.id)}) in events.events


def test_actions_need_the_claim_and_are_logged_without_words(parts: tuple) -> None:  # type: ignore[type-arg]
    desk, sink, _, conversations = parts
    handoff = desk.open("a", reason="person.button", lang="en", topic="general")
    with pytest.raises(HandoffConflict):
        desk.reply(handoff.id, "staff-1", "hello")
    desk.claim(handoff.id, "staff-1")
    with pytest.raises(HandoffConflict):
        desk.claim(handoff.id, "staff-2")
    with pytest.raises(HandoffConflict):
        desk.hand_back(handoff.id, "staff-2")
    with pytest.raises(InvalidStaffText):
        desk.reply(handoff.id, "staff-1", "   ")
    with pytest.raises(UnknownTeam):
        desk.forward(handoff.id, "staff-1", "parks")
    desk.reply(handoff.id, "staff-1", "Your permit is on its way")
    assert sink.texts[-1] == "Your permit is on its way"
    reply = sink.events[-1]
    assert reply.type == "staff_reply" and reply.fields["caseworker"] == "staff-1"
    assert "Your permit" not in str(reply.fields)
    desk.close(handoff.id, "staff-1", "resolved")
    assert desk.get(handoff.id).state == "closed"
    assert conversations.get("a").status == "open"
    with pytest.raises(InvalidStaffText):
        desk.close(handoff.id, "staff-1", "made-up outcome")


def test_citizen_messages_during_a_handoff_go_to_the_person(parts: tuple) -> None:  # type: ignore[type-arg]
    desk, sink, events, conversations = parts
    handoff = desk.open("a", reason="person.button", lang="en", topic="general")
    desk.relay(handoff, "I am still here", {"lang": "en", "chars": 15})
    assert sink.events[-1].type == "message" and sink.events[-1].fields["to"] == "person"
    assert [t.role for t in conversations.turns("a")] == ["citizen"]
    assert events.events[-1] == ("conversation:a", {"kind": "citizen_message"})


def test_callback_request_keeps_the_contact_encrypted_apart(parts: tuple) -> None:  # type: ignore[type-arg]
    desk, sink, _, conversations = parts
    handoff = desk.request_callback("b", lang="fr", contact="06 12 34 56 78, mardi matin")
    assert handoff.kind == "callback" and handoff.callback_text_id is not None
    assert sink.texts[handoff.callback_text_id] == "06 12 34 56 78, mardi matin"
    assert all("06 12" not in str(e.fields) for e in sink.events)
    assert [t.role for t in conversations.turns("b")] == ["citizen", "assistant"]
    assert desk.active("b") is None  # not a live chat: the bot keeps answering meanwhile
    assert [h.id for h in desk.queue()] == [handoff.id]


def test_opening_hours() -> None:
    hours = OpeningHours.parse("mon-fri 09:00-17:00; sat 09:30-12:00", "Europe/Paris")
    assert hours.is_open(datetime(2026, 8, 3, 8, 0, tzinfo=UTC))  # Monday 10:00 in Paris
    assert not hours.is_open(datetime(2026, 8, 3, 15, 30, tzinfo=UTC))  # 17:30 in Paris
    assert hours.is_open(datetime(2026, 8, 8, 8, 0, tzinfo=UTC))  # Saturday 10:00
    assert not hours.is_open(datetime(2026, 8, 9, 10, 0, tzinfo=UTC))  # Sunday
    assert OpeningHours.parse("").is_open(datetime(2026, 8, 9, 3, 0, tzinfo=UTC))
    for bad in (
        "mon 17:00-09:00",
        "funday 09:00-10:00",
        "mon-fri nine to five",
        "fri-mon 9:00-10:00",
    ):
        with pytest.raises(InvalidOpeningHours):
            OpeningHours.parse(bad)
    with pytest.raises(InvalidOpeningHours):
        OpeningHours.parse("", "Mars/Olympus")


@pytest.mark.parametrize("step", ["begin", "append", "commit"])
def test_a_claim_the_log_cannot_record_is_no_claim_and_the_retry_is_no_conflict(
    parts: tuple,  # type: ignore[type-arg]
    step: Literal["begin", "append", "commit"],
) -> None:
    desk, sink, events, conversations = parts
    handoff = desk.open("a", reason="person.button", lang="en", topic="general")
    logged, announced = len(sink.events), len(events.events)
    sink.fail_at = step
    with pytest.raises(LogUnavailable):
        desk.claim(handoff.id, "staff-1")
    assert desk.get(handoff.id).state == "waiting" and len(sink.events) == logged
    assert conversations.get("a").status == "open" and len(events.events) == announced
    sink.fail_at = None
    assert desk.claim(handoff.id, "staff-1").state == "claimed"
    assert [e.fields["action"] for e in sink.events[logged:]] == ["claim"]
