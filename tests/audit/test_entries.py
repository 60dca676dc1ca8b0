"""Entry schemas: required fields per type, reserved keys, canonical encoding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from audit.entries import (
    InvalidEntry,
    build_entry,
    decode_entry,
    encode_entry,
    entry_schemas,
    format_timestamp,
)

MOMENT = datetime(2026, 8, 2, 9, 30, 15, 123456, tzinfo=UTC)
COMMITMENT = "ab" * 32


def test_timestamp_is_rfc3339_utc_with_milliseconds() -> None:
    assert format_timestamp(MOMENT) == "2026-08-02T09:30:15.123Z"
    plus_two = MOMENT.astimezone(timezone(timedelta(hours=2)))
    assert format_timestamp(plus_two) == "2026-08-02T09:30:15.123Z"
    with pytest.raises(InvalidEntry):
        format_timestamp(datetime(2026, 8, 2))  # naive on purpose


def test_entry_bytes_are_canonical_and_round_trip() -> None:
    entry = build_entry(
        "answer", MOMENT, "c-1", {"kb_version": "v3", "citations": ["a"]}, COMMITMENT
    )
    data = encode_entry(entry)
    assert data == (
        b'{"citations":["a"],"conversation":"c-1","kb_version":"v3",'
        b'"text_commitment":"' + COMMITMENT.encode() + b'","ts":"2026-08-02T09:30:15.123Z",'
        b'"type":"answer","v":1}'
    )
    assert decode_entry(data) == entry


def test_every_type_has_a_schema_and_accepts_its_required_fields() -> None:
    samples: dict[str, object] = {"str": "label", "int": 7}
    assert set(entry_schemas()) == {
        "message", "answer", "refusal", "escalation", "takeover", "staff_reply", "feedback",
        "erasure", "kb_version", "config_change", "transcript_access", "disclosure",
        "review", "hand_back", "forward", "handoff_close", "staff_note", "draft_decision",
    }  # fmt: skip
    for name, schema in entry_schemas().items():
        fields = {field: samples[kind] for field, kind in schema.required.items()}
        conversation = "c-1" if schema.conversation else None
        build_entry(name, MOMENT, conversation, fields)
        for missing in schema.required:
            partial = {k: v for k, v in fields.items() if k != missing}
            with pytest.raises(InvalidEntry, match=missing):
                build_entry(name, MOMENT, conversation, partial)


@pytest.mark.parametrize(
    ("entry_type", "conversation", "fields", "commitment"),
    [
        ("nonsense", "c", {}, None),
        ("message", None, {}, None),
        ("message", "", {}, None),
        ("kb_version", "c", {"version": "1"}, None),
        ("refusal", "c", {"reason": 3}, None),
        ("message", "c", {"type": "answer"}, None),
        ("message", "c", {"ts": "x"}, None),
        ("message", "c", {}, "ABCD"),
        ("message", "c", {"score": 0.5}, None),
        ("message", "c", {"seq": 0}, None),  # set at append, never by the event
    ],
)
def test_invalid_entries_are_rejected(
    entry_type: str, conversation: str | None, fields: dict[str, object], commitment: str | None
) -> None:
    with pytest.raises(InvalidEntry):
        encode_entry(build_entry(entry_type, MOMENT, conversation, fields, commitment))


@pytest.mark.parametrize(
    "data",
    [
        b'{"conversation":"c","ts":"2026-08-02T09:30:15.123Z","type":"message","v":2}',
        b'{"conversation":"c","ts":"2026-08-02T09:30:15Z","type":"message","v":1}',
        b'{"v":1,"conversation":"c","ts":"2026-08-02T09:30:15.123Z","type":"message"}',
        b"[1]",
        b'{"conversation":"c","seq":-1,"ts":"2026-08-02T09:30:15.123Z","type":"message","v":1}',
        b'{"conversation":"c","seq":true,"ts":"2026-08-02T09:30:15.123Z","type":"message","v":1}',
        b'{"conversation":null,"seq":0,"ts":"2026-08-02T09:30:15.123Z","type":"kb_version",'
        b'"v":1,"version":"1"}',
    ],
)
def test_decode_rejects_bad_stored_entries(data: bytes) -> None:
    with pytest.raises(InvalidEntry):
        decode_entry(data)


def test_an_entry_of_a_conversation_may_carry_its_place() -> None:
    data = b'{"conversation":"c","seq":3,"ts":"2026-08-02T09:30:15.123Z","type":"message","v":1}'
    assert decode_entry(data)["seq"] == 3
