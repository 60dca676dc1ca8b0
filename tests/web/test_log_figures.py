"""The rules behind the published figures, entry by entry (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from web.log_figures import last_days, reply_decision, time_to_a_person

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def at(seconds: float, kind: str, conversation: str = "c", **fields: object) -> dict[str, object]:
    stamp = (T0 + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return {"type": kind, "ts": stamp, "conversation": conversation, **fields}


ESCALATE = {"decision": "escalate", "reason": "person.button"}


@pytest.mark.parametrize(
    ("entries", "asked", "waits"),
    [
        # A note is internal: the citizen is reached by the claim.
        (
            [
                at(0, "escalation", **ESCALATE),
                at(10, "staff_reply", action="note"),
                at(60, "takeover", action="claim"),
            ],
            1,
            (60.0,),
        ),
        # A callback request waits for a person as an escalation does.
        (
            [
                at(0, "escalation", reason="callback_requested"),
                at(600, "takeover", action="claim"),
            ],
            1,
            (600.0,),
        ),
        # A draft decision checks the assistant's answer; the person's reply reaches the citizen.
        (
            [
                at(0, "escalation", **ESCALATE),
                at(20, "staff_reply", action="approve_draft"),
                at(120, "staff_reply", action="reply"),
            ],
            1,
            (120.0,),
        ),
        # Forwarding and closing are no contact.
        (
            [
                at(0, "escalation", **ESCALATE),
                at(40, "takeover", action="forward"),
                at(50, "takeover", action="close"),
            ],
            1,
            (),
        ),
        # Entries from before actions were labelled count by their type.
        ([at(0, "escalation", **ESCALATE), at(200.5, "takeover")], 1, (200.5,)),
        # The clock runs from the first request; later ones do not restart it.
        (
            [
                at(0, "escalation", **ESCALATE),
                at(30, "escalation", reason="callback_requested"),
                at(90, "staff_reply", action="reply"),
                at(95, "escalation", **ESCALATE),
                at(99, "takeover", action="claim"),
            ],
            1,
            (90.0,),
        ),
        # A person's action with no request in the entries read is not a wait.
        ([at(0, "takeover", action="claim")], 0, ()),
        # Conversations are measured apart.
        (
            [
                at(0, "escalation", "a", **ESCALATE),
                at(5, "escalation", "b", **ESCALATE),
                at(65, "takeover", "b", action="claim"),
                at(100, "takeover", "a", action="claim"),
            ],
            2,
            (60.0, 100.0),
        ),
    ],
)
def test_time_to_a_person(
    entries: list[dict[str, object]], asked: int, waits: tuple[float]
) -> None:
    measured = time_to_a_person(entries)
    assert (measured.asked, measured.waits) == (asked, waits)


def test_median_is_to_the_millisecond_and_none_without_waits() -> None:
    entries = [
        at(0, "escalation", "a", **ESCALATE),
        at(0, "escalation", "b", **ESCALATE),
        at(1.001, "takeover", "a", action="claim"),
        at(2.003, "takeover", "b", action="claim"),
    ]
    assert time_to_a_person(entries).median_seconds == 1.502
    assert time_to_a_person([]).median_seconds is None


def test_entries_without_a_time_or_conversation_are_skipped() -> None:
    entries: list[dict[str, object]] = [
        {"type": "escalation", "conversation": "c", "ts": "yesterday", **ESCALATE},
        {"type": "escalation", "conversation": None, "ts": at(0, "x")["ts"], **ESCALATE},
        at(60, "takeover", action="claim"),
    ]
    assert time_to_a_person(entries).asked == 0


@pytest.mark.parametrize(
    ("entry", "decision"),
    [
        ({"type": "answer", "decision": "answer"}, "answer"),
        ({"type": "refusal", "decision": "block_pii"}, "block_pii"),
        ({"type": "escalation", "decision": "escalate"}, "escalate"),
        # A callback request replies nothing.
        ({"type": "escalation", "reason": "callback_requested"}, None),
        ({"type": "staff_reply", "decision": "answer"}, None),
        ({"type": "answer", "decision": "maybe"}, None),
    ],
)
def test_reply_decision(entry: dict[str, object], decision: str | None) -> None:
    assert reply_decision(entry) == decision


def test_last_days_are_whole_utc_days_today_included() -> None:
    evening_elsewhere = datetime(2026, 12, 2, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert last_days(evening_elsewhere, 30) == datetime(2026, 11, 4, tzinfo=UTC)  # 3 Dec UTC
    assert last_days(T0, 1) == datetime(2026, 11, 30, tzinfo=UTC)
