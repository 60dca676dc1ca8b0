"""Draft review on SQLite with a list sink: who may decide, what is sent, and nothing unlogged."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from audit.sink import AuditEvent, LogUnavailable
from bot.conversations import Citation, ConversationStore
from bot.handoff.desk import HandoffDesk
from bot.handoff.draft_store import DraftStore
from bot.handoff.drafts import DraftApprovalPolicy
from bot.handoff.hours import OpeningHours
from bot.handoff.review import DraftReview
from bot.handoff.state import Handoff, HandoffConflict, InvalidStaffText
from bot.handoff.store import HandoffStore
from tests.fakes.memory_sink import MemorySink
from tests.schema import create_schema, tables

SOURCE = Citation("en/housing-benefit", "Housing Benefit", "https://example.org/hb")
TUESDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


class EventList:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, str]]] = []

    def publish(self, channel: str, event: Mapping[str, str]) -> None:
        self.events.append((channel, dict(event)))


@dataclass
class Parts:
    review: DraftReview
    desk: HandoffDesk
    sink: MemorySink
    events: EventList
    conversations: ConversationStore


def _parts(tmp_path: Path, hours: str) -> Iterator[Parts]:
    engine = create_engine(f"sqlite:///{tmp_path / 'drafts.db'}")
    create_schema(engine)
    conversations = ConversationStore(engine, tables().conversations)
    handoffs = HandoffStore(engine, tables().handoffs)
    drafts = DraftStore(engine, tables().drafts)
    sink, events = MemorySink(engine), EventList()
    desk = HandoffDesk(
        store=handoffs,
        conversations=conversations,
        sink=sink,
        events=events,
        hours=OpeningHours.parse(hours, "UTC"),
        clock=lambda: TUESDAY_NOON,
    )
    review = DraftReview(
        policy=DraftApprovalPolicy.parse("en/housing-benefit"),
        store=drafts,
        desk=desk,
        conversations=conversations,
        sink=sink,
        events=events,
    )
    conversations.create("c1", "en", "v1", "d" * 64)
    yield Parts(review, desk, sink, events, conversations)
    engine.dispose()


@pytest.fixture
def parts(tmp_path: Path) -> Iterator[Parts]:
    yield from _parts(tmp_path, "")


def _held(parts: Parts) -> Handoff:
    """What the engine does for a held answer: open the review, log the draft, keep it."""
    handoff, notice = parts.review.open(
        "c1", lang="en", topic=SOURCE.doc_id, phone="0100", hours="9-5"
    )
    assert "A person checks answers on this topic" in notice and "about 6 minutes" in notice
    answer = AuditEvent("answer", "c1", {"decision": "answer"}, "Apply on form HB1.")
    recorded = parts.sink.record([parts.review.held_event(answer, handoff)])
    parts.review.keep(
        handoff, recorded[0], lang="en", mode="extractive", reason="answered", citations=(SOURCE,)
    )
    return handoff


def test_only_the_claiming_caseworker_decides(parts: Parts) -> None:
    handoff = _held(parts)
    assert parts.sink.events[-1].fields["held"] == "draft_review"
    with pytest.raises(HandoffConflict):
        parts.review.approve(handoff.id, "staff-alice")  # not claimed yet
    parts.desk.claim(handoff.id, "staff-alice")
    with pytest.raises(HandoffConflict):
        parts.review.approve(handoff.id, "staff-bob")
    with pytest.raises(InvalidStaffText):
        parts.review.edit(handoff.id, "staff-alice", "   ")
    assert parts.conversations.turns("c1") == []


def test_a_decision_the_log_cannot_record_is_not_sent(parts: Parts) -> None:
    handoff = _held(parts)
    parts.desk.claim(handoff.id, "staff-alice")
    parts.sink.fail = True
    with pytest.raises(LogUnavailable):
        parts.review.approve(handoff.id, "staff-alice")
    draft = parts.review.draft(handoff.id)
    assert draft is not None and draft.state == "pending"
    assert parts.conversations.turns("c1") == []

    parts.sink.fail = False
    parts.review.approve(handoff.id, "staff-alice")
    [turn] = parts.conversations.turns("c1")
    assert (turn.role, turn.reason, turn.text_id) == ("assistant", "draft_approved", draft.text_id)
    assert turn.citations == (SOURCE,)
    entry = parts.sink.events[-1]
    assert entry.type == "draft_decision" and entry.text is None  # the words are the draft's
    assert entry.fields["draft"] == draft.log_index and entry.fields["ai_generated"] is True
    assert parts.desk.get(handoff.id).state == "returned"
    assert ("conversation:c1", {"kind": "staff_reply"}) in parts.events.events


def test_out_of_hours_the_citizen_is_told_the_hours(tmp_path: Path) -> None:
    for closed in _parts(tmp_path, "mon 09:00-10:00"):
        _, notice = closed.review.open(
            "c1", lang="fr", topic=SOURCE.doc_id, phone="0100", hours="lundi 9h-10h"
        )
        assert "horaires : lundi 9h-10h" in notice and "0100" in notice
