"""Turning events into leaves: validation before the lock, then one batched write under it.

Events are checked in the caller's thread (a bad event fails alone, before any write).
Under the log's write lock, a whole group of batches costs one key lookup, one insert
of texts, one of entries and one of tree nodes, whatever its size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from audit.canonical import CanonicalJsonError, canonical_json
from audit.entries import InvalidEntry, build_entry, format_timestamp
from audit.merkle import CompactRange, leaf_hash
from audit.sink import AuditEvent, LogUnavailable, Recorded
from audit.storage.store import AuditTables
from audit.storage.vault import TextToStore, Vault

# Conversations per IN list (SQLite caps the bound parameters of a statement).
_IN_LIST = 500
# Stands in for the real commitment while an event is checked, before its text is stored.
_PLACEHOLDER_COMMITMENT = "0" * 64


@dataclass(frozen=True)
class PreparedEvent:
    """A valid event: its entry (timestamp and commitment set at append) and its text."""

    entry: dict[str, object]
    conversation_id: str | None
    text: str | None


def prepare_event(event: AuditEvent, now: datetime) -> PreparedEvent:
    """Validate an event as the entry it will become; raises `InvalidEntry`."""
    if event.text is not None and event.conversation_id is None:
        raise InvalidEntry("an event with text needs a conversation id")
    placeholder = _PLACEHOLDER_COMMITMENT if event.text is not None else None
    entry = build_entry(event.type, now, event.conversation_id, event.fields, placeholder)
    try:
        canonical_json(entry)
    except CanonicalJsonError as error:
        raise InvalidEntry(str(error)) from error
    return PreparedEvent(entry, event.conversation_id, event.text)


def append_batches(
    conn: Connection,
    tables: AuditTables,
    vault: Vault,
    compact: CompactRange,
    now: datetime,
    batches: Sequence[Sequence[PreparedEvent]],
) -> list[list[Recorded] | Exception]:
    """Append the batches in order (the caller holds the write lock); one outcome per batch.

    A batch that would add text to an erased conversation fails alone with
    `LogUnavailable`; the others are written. `compact` is advanced in place.
    """
    with_text = [e.conversation_id for b in batches for e in b if e.text is not None]
    keys = vault.conversation_keys(conn, [c for c in with_text if c is not None])
    outcomes: list[list[Recorded] | Exception] = []
    accepted: list[PreparedEvent] = []
    for batch in batches:
        blocked = [
            e.conversation_id
            for e in batch
            if e.text is not None
            and e.conversation_id is not None
            and keys[e.conversation_id] is None
        ]
        if blocked:
            outcomes.append(
                LogUnavailable(f"conversation {blocked[0]} was erased; it takes no new text")
            )
        else:
            outcomes.append([])
            accepted.extend(batch)
    # Each text is sealed to the index its entry will get (the next ones, in order).
    texts = vault.put_many(
        [
            TextToStore(e.conversation_id, compact.size + position, e.text)
            for position, e in enumerate(accepted)
            if e.conversation_id is not None and e.text is not None
        ],
        connection=conn,
        keys=keys,
    )
    stored = iter(texts)
    seqs = _conversation_sizes(conn, tables, [e.conversation_id for e in accepted])
    timestamp = format_timestamp(now)
    entry_rows: list[dict[str, object]] = []
    node_rows: list[dict[str, object]] = []
    recorded: list[Recorded] = []
    for event in accepted:
        entry = {**event.entry, "ts": timestamp}
        if event.conversation_id is not None:
            entry["seq"] = seqs[event.conversation_id]
            seqs[event.conversation_id] += 1
        text_id: int | None = None
        if event.conversation_id is not None and event.text is not None:
            text_id, entry["text_commitment"] = next(stored)
        data = canonical_json(entry)
        index = compact.size
        for node, value in compact.append(leaf_hash(data)):
            node_rows.append({"level": node.level, "idx": node.index, "hash": value})
        entry_rows.append({"idx": index, "data": data, "conversation_id": event.conversation_id})
        recorded.append(Recorded(index, text_id))
    if entry_rows:
        conn.execute(insert(tables.entries), entry_rows)
        conn.execute(insert(tables.nodes), node_rows)
    return _hand_out(outcomes, batches, recorded)


def _conversation_sizes(
    conn: Connection, tables: AuditTables, conversation_ids: Sequence[str | None]
) -> dict[str, int]:
    """How many entries each conversation has so far: the `seq` of its next entry."""
    wanted = list(dict.fromkeys(c for c in conversation_ids if c is not None))
    sizes = dict.fromkeys(wanted, 0)
    entries = tables.entries
    for start in range(0, len(wanted), _IN_LIST):
        chunk = wanted[start : start + _IN_LIST]
        query = (
            select(entries.c.conversation_id, func.count())
            .where(entries.c.conversation_id.in_(chunk))
            .group_by(entries.c.conversation_id)
        )
        for conversation_id, count in conn.execute(query):
            sizes[str(conversation_id)] = int(count)
    return sizes


def _hand_out(
    outcomes: list[list[Recorded] | Exception],
    batches: Sequence[Sequence[PreparedEvent]],
    recorded: list[Recorded],
) -> list[list[Recorded] | Exception]:
    position = 0
    for slot, (outcome, batch) in enumerate(zip(outcomes, batches, strict=True)):
        if not isinstance(outcome, Exception):
            outcomes[slot] = recorded[position : position + len(batch)]
            position += len(batch)
    return outcomes
