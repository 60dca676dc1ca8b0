"""Log entry schemas (version 1): one small JSON object per event, without personal data.

An entry is `{"v": 1, "type": ..., "ts": RFC 3339 UTC, "conversation": id or null,
"seq": n (only with a conversation), ...fields, "text_commitment": hex (only when the
event carried text)}`. `seq` is the entry's place in its conversation (0 for the first),
set at append: a receipt whose entries do not run 0, 1, 2, ... lost some. Its RFC 8785
canonical bytes are the Merkle leaf data.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType

from audit.canonical import CanonicalJsonError, canonical_json, parse_canonical_json

ENTRY_VERSION = 1
RESERVED_KEYS = frozenset({"v", "type", "ts", "conversation", "seq", "text_commitment"})
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_COMMITMENT = re.compile(r"[0-9a-f]{64}")
_FIELD_TYPES: dict[str, type] = {"str": str, "int": int, "bool": bool, "list": list}


class InvalidEntry(ValueError):
    """An event or stored entry does not match the schema of its type."""


@dataclass(frozen=True)
class EntrySchema:
    """What an entry type needs: a conversation or none, and required fields by JSON type."""

    conversation: bool
    required: Mapping[str, str] = field(default_factory=dict)


def entry_schemas() -> dict[str, EntrySchema]:
    """The version-1 entry types. Extra fields are allowed; required ones are checked."""
    return dict(_schemas())


@functools.cache
def _schemas() -> Mapping[str, EntrySchema]:
    # Built once: every append and every verified entry looks its type up here.
    chat = EntrySchema(conversation=True)
    return MappingProxyType(
        {
            "disclosure": chat,
            "message": chat,
            "answer": chat,
            "refusal": EntrySchema(True, {"reason": "str"}),
            "escalation": EntrySchema(True, {"reason": "str"}),
            "takeover": EntrySchema(True, {"caseworker": "str"}),
            "staff_reply": EntrySchema(True, {"caseworker": "str"}),
            # A caseworker's other actions on a handoff, each its own type so that no figure
            # has to read an `action` label to tell them from taking over or replying.
            "hand_back": EntrySchema(True, {"caseworker": "str"}),
            "forward": EntrySchema(True, {"caseworker": "str"}),
            "handoff_close": EntrySchema(True, {"caseworker": "str"}),
            "staff_note": EntrySchema(True, {"caseworker": "str"}),
            "draft_decision": EntrySchema(True, {"caseworker": "str"}),
            "feedback": EntrySchema(True, {"rating": "str"}),
            "erasure": EntrySchema(True, {"reason": "str"}),
            "transcript_access": EntrySchema(True, {"accessor": "str", "purpose": "str"}),
            # An oversight reviewer's rating of one answer (`answer`: its entry's index).
            "review": EntrySchema(True, {"reviewer": "str", "answer": "int"}),
            "kb_version": EntrySchema(False, {"version": "str"}),
            "config_change": EntrySchema(False, {"setting": "str"}),
        }
    )


def commitment(salt: bytes, text: str) -> str:
    """The salted text commitment an entry holds: hex SHA-256(salt || UTF-8 text)."""
    return hashlib.sha256(salt + text.encode("utf-8")).hexdigest()


def format_timestamp(moment: datetime) -> str:
    """RFC 3339 in UTC with milliseconds, e.g. 2026-08-02T09:30:00.000Z."""
    if moment.tzinfo is None:
        raise InvalidEntry("timestamps must be timezone-aware")
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def build_entry(
    entry_type: str,
    timestamp: datetime,
    conversation: str | None,
    fields: Mapping[str, object],
    text_commitment: str | None = None,
) -> dict[str, object]:
    """Assemble and validate an entry; raises `InvalidEntry`."""
    clash = RESERVED_KEYS.intersection(fields)
    if clash:
        raise InvalidEntry(f"fields may not use reserved keys: {sorted(clash)}")
    entry: dict[str, object] = {
        "v": ENTRY_VERSION,
        "type": entry_type,
        "ts": format_timestamp(timestamp),
        "conversation": conversation,
        **fields,
    }
    if text_commitment is not None:
        entry["text_commitment"] = text_commitment
    validate_entry(entry)
    return entry


def validate_entry(entry: Mapping[str, object]) -> None:
    """Check an entry against the schema of its type; raises `InvalidEntry`."""
    if entry.get("v") != ENTRY_VERSION:
        raise InvalidEntry(f"unsupported entry version {entry.get('v')!r}")
    entry_type = entry.get("type")
    schema = _schemas().get(entry_type) if isinstance(entry_type, str) else None
    if schema is None:
        raise InvalidEntry(f"unknown entry type {entry_type!r}")
    timestamp = entry.get("ts")
    if not isinstance(timestamp, str) or not _TIMESTAMP.fullmatch(timestamp):
        raise InvalidEntry("ts must be an RFC 3339 UTC timestamp with milliseconds")
    conversation = entry.get("conversation", ...)
    if schema.conversation:
        if not isinstance(conversation, str) or not conversation:
            raise InvalidEntry(f"{entry_type} entries need a conversation id")
    elif conversation is not None:
        raise InvalidEntry(f"{entry_type} entries have conversation null")
    seq = entry.get("seq", 0)
    if "seq" in entry and (conversation is None or type(seq) is not int or seq < 0):
        raise InvalidEntry("seq is a non-negative integer, only on entries of a conversation")
    for name, kind in schema.required.items():
        value = entry.get(name)
        if not isinstance(value, _FIELD_TYPES[kind]) or (kind == "int" and value is True):
            raise InvalidEntry(f"{entry_type} entries need field {name!r} of type {kind}")
    commitment = entry.get("text_commitment")
    if "text_commitment" in entry and (
        not isinstance(commitment, str) or not _COMMITMENT.fullmatch(commitment)
    ):
        raise InvalidEntry("text_commitment must be 64 lowercase hex digits")


def encode_entry(entry: Mapping[str, object]) -> bytes:
    """The leaf data: RFC 8785 canonical JSON of a valid entry."""
    validate_entry(entry)
    try:
        return canonical_json(entry)
    except CanonicalJsonError as error:
        raise InvalidEntry(str(error)) from error


def decode_entry(data: bytes) -> dict[str, object]:
    """Parse leaf data, requiring canonical JSON and a valid entry."""
    try:
        value = parse_canonical_json(data)
    except CanonicalJsonError as error:
        raise InvalidEntry(str(error)) from error
    if not isinstance(value, dict):
        raise InvalidEntry("an entry is a JSON object")
    validate_entry(value)
    return value
