"""Read-only access to a stored log: state, entries, proofs, checkpoints; needs no keys.

`TransparencyLog` builds on this; an oversight body verifying a database copy uses it
alone (it is a `LogSource`). Entry scans go through the driver cursor in large batches,
and proofs read all their nodes in one query on a pooled connection: both are hot paths
(verification of millions of entries, a proof for every receipt).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import NamedTuple, cast

from sqlalchemy import Connection, Engine, Table, select

from audit.merkle import (
    CompactRange,
    NodeId,
    ProofError,
    consistency_proof,
    inclusion_proof,
    root_at,
)
from audit.schema_pass import Row
from audit.sink import LogUnavailable
from audit.storage.store import AuditTables, fetch_raw_rows, read_nodes, scan_column
from audit.verify import StoredState

SCAN_BATCH = 50_000


class LogState(NamedTuple):
    """The state row: size, compact range and when the last checkpoint was issued."""

    size: int
    compact_range: bytes
    checkpoint_size: int | None
    checkpoint_at: datetime | None


class LogReader:
    """Reads the audit tables of `engine`."""

    def __init__(self, engine: Engine, tables: AuditTables) -> None:
        self._engine = engine
        self._tables = tables
        # A log only grows: once it has been seen at size n, proofs up to n need no state read.
        self._known_size = 0

    def _state(self, conn: Connection) -> LogState:
        row = conn.execute(select(self._tables.state).where(self._tables.state.c.id == 1)).first()
        if row is None:
            raise LogUnavailable(
                "the audit tables are not initialised; run `opencounter db upgrade`"
            )
        self._known_size = max(self._known_size, int(row.size))
        return LogState(
            int(row.size), bytes(row.compact_range), row.checkpoint_size, row.checkpoint_at
        )

    def _state_and_newest_time(self, conn: Connection) -> tuple[LogState, datetime]:
        """The state and the time of its newest entry (`last_entry_time`) in one statement:
        an append reads both, and each statement is a round trip (issue 15)."""
        state, entries = self._tables.state, self._tables.entries
        newest = select(entries.c.data).where(entries.c.idx == state.c.size - 1)
        row = conn.execute(
            select(state, newest.scalar_subquery().label("newest")).where(state.c.id == 1)
        ).first()
        if row is None:
            raise LogUnavailable(
                "the audit tables are not initialised; run `opencounter db upgrade`"
            )
        self._known_size = max(self._known_size, int(row.size))
        found = LogState(
            int(row.size), bytes(row.compact_range), row.checkpoint_size, row.checkpoint_at
        )
        return found, entry_time(row.newest)

    def size(self) -> int:
        with self._engine.connect() as conn:
            return self._state(conn).size

    def last_checkpoint_at(self) -> datetime | None:
        """When the newest checkpoint was signed (None before the first), for monitoring."""
        with self._engine.connect() as conn:
            at = self._state(conn).checkpoint_at
        return None if at is None else aware(at)

    def root(self, size: int | None = None) -> bytes:
        """The tree root at `size` (default: now)."""
        with self._engine.connect() as conn:
            current = self._state(conn)
            if size is None or size == current.size:
                return CompactRange.from_bytes(current.size, current.compact_range).root()
            self._check_size(size, current.size)
            return root_at(size, self._reader(conn))

    def entry(self, index: int) -> bytes:
        """The canonical JSON bytes of entry `index`; raises `IndexError`."""
        entries = self._tables.entries
        with self._engine.connect() as conn:
            row = conn.execute(select(entries.c.data).where(entries.c.idx == index)).first()
        if row is None:
            raise IndexError(f"no entry {index}")
        return bytes(row.data)

    def entries(self, start: int = 0, batch: int = SCAN_BATCH) -> Iterator[tuple[int, bytes]]:
        """(index, data) for every stored entry from `start`, in index order."""
        return itertools.chain.from_iterable(
            self._scan(self._tables.entries, "data", None, start, batch)
        )

    def leaf_hashes(self, start: int = 0, batch: int = SCAN_BATCH) -> Iterator[tuple[int, bytes]]:
        """(index, stored leaf hash) in index order: untrusted hints for verification."""
        return itertools.chain.from_iterable(
            self._scan(self._tables.nodes, "hash", 0, start, batch)
        )

    # -- as a `LogSource` for verification: every stored claim, read as stored ----------

    def entry_rows(self, start: int = 0, batch: int = SCAN_BATCH) -> Iterator[Row]:
        """(index, data, conversation column) for every stored entry, in index order."""
        return itertools.chain.from_iterable(self._batches(start, batch))

    def _batches(self, start: int, batch: int) -> Iterator[list[Row]]:
        position = start
        while True:
            with self._engine.connect() as conn:
                rows = _scan_entry_rows(conn, self._tables.entries, position, batch)
            yield rows
            if len(rows) < batch:
                return
            position = rows[-1][0] + 1

    def has_conversation_column(self) -> bool:
        return True

    def stored_nodes(self, level: int, batch: int = SCAN_BATCH) -> Iterator[tuple[int, bytes]]:
        """(index, hash) of the stored perfect subtrees of `level`, in index order."""
        return itertools.chain.from_iterable(
            self._scan(self._tables.nodes, "hash", level, 0, batch)
        )

    def stored_state(self) -> StoredState:
        """The state row as stored (size, saved compact range, last checkpoint size)."""
        with self._engine.connect() as conn:
            state = self._state(conn)
        size = None if state.checkpoint_size is None else int(state.checkpoint_size)
        return StoredState(state.size, state.compact_range, size)

    def _scan(
        self, table: Table, column: str, level: int | None, start: int, batch: int
    ) -> Iterator[list[tuple[int, bytes]]]:
        """Batches of rows (callers chain them: no Python frame per row on the hot path)."""
        position = start
        while True:
            # A short-lived connection per batch: a long scan pins no snapshot or lock.
            with self._engine.connect() as conn:
                rows = scan_column(conn, table, column, level, position, batch)
            yield rows
            if len(rows) < batch:
                return
            position = rows[-1][0] + 1

    def entries_for_conversation(self, conversation_id: str) -> list[tuple[int, bytes]]:
        entries = self._tables.entries
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(entries.c.idx, entries.c.data)
                .where(entries.c.conversation_id == conversation_id)
                .order_by(entries.c.idx)
            ).all()
        return [(int(row.idx), bytes(row.data)) for row in rows]

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        with self._engine.connect() as conn:
            tree_size = self._size_or_current(conn, size)
            return inclusion_proof(index, tree_size, self._reader(conn))

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        with self._engine.connect() as conn:
            tree_size = self._size_or_current(conn, new_size)
            return consistency_proof(old_size, tree_size, self._reader(conn))

    def latest_checkpoint(self) -> str | None:
        """The newest signed checkpoint with the witness cosignatures stored for it."""
        with self._engine.connect() as conn:
            latest = self._latest(conn)
        return None if latest is None else latest[2]

    def _latest(self, conn: Connection) -> tuple[int, int, str] | None:
        """(row id, size, note with cosignatures) of the newest checkpoint."""
        table = self._tables.checkpoints
        row = conn.execute(select(table).order_by(table.c.id.desc()).limit(1)).first()
        if row is None:
            return None
        note = str(row.note) + "".join(self._cosignature_lines(conn, int(row.id)))
        return int(row.id), int(row.size), note

    def checkpoints(self) -> list[str]:
        """Every signed checkpoint, oldest first, each with its stored cosignatures."""
        table, cosignatures = self._tables.checkpoints, self._tables.cosignatures
        with self._engine.connect() as conn:
            rows = conn.execute(select(table.c.id, table.c.note).order_by(table.c.id)).all()
            lines: dict[int, list[str]] = {}
            signed = select(cosignatures.c.checkpoint_id, cosignatures.c.line).order_by(
                cosignatures.c.id
            )
            for cosigned in conn.execute(signed):
                lines.setdefault(int(cosigned[0]), []).append(str(cosigned[1]))
        return [str(row.note) + "".join(lines.get(int(row.id), [])) for row in rows]

    def _cosignature_lines(self, conn: Connection, checkpoint_id: int) -> list[str]:
        table = self._tables.cosignatures
        rows = conn.execute(
            select(table.c.line).where(table.c.checkpoint_id == checkpoint_id).order_by(table.c.id)
        ).all()
        return [str(row.line) for row in rows]

    def _reader(self, conn: Connection) -> Callable[[Sequence[NodeId]], list[bytes]]:
        def read(ids: Sequence[NodeId]) -> list[bytes]:
            return read_nodes(conn, self._tables.nodes, ids)

        return read

    def _size_or_current(self, conn: Connection, size: int | None) -> int:
        if size is not None and 0 <= size <= self._known_size:
            return size
        current = self._state(conn).size
        tree_size = current if size is None else size
        self._check_size(tree_size, current)
        return tree_size

    @staticmethod
    def _check_size(size: int, current: int) -> None:
        if not 0 <= size <= current:
            raise ProofError(f"the log has {current} entries, not {size}")


def _scan_entry_rows(connection: Connection, entries: Table, start: int, limit: int) -> list[Row]:
    """Up to `limit` entry rows from `start` on the driver's cursor, as `scan_column` does."""
    query = (
        select(entries.c.idx, entries.c.data, entries.c.conversation_id)
        .where(entries.c.idx >= start)
        .order_by(entries.c.idx)
        .limit(limit)
    )
    rows = cast(list[Row], fetch_raw_rows(connection, query))
    if rows and type(rows[0][1]) is not bytes:
        rows = [(int(idx), bytes(data), column) for idx, data, column in rows]
    return rows


def last_entry_time(connection: Connection, tables: AuditTables, size: int) -> datetime:
    """The time of entry `size - 1` (the newest), or the earliest time for an empty log."""
    entries = tables.entries
    if size == 0:
        return datetime.min.replace(tzinfo=UTC)
    data = connection.execute(
        select(entries.c.data).where(entries.c.idx == size - 1)
    ).scalar_one_or_none()
    return entry_time(data)


def entry_time(data: bytes | None) -> datetime:
    """The time an entry's bytes carry; the earliest time for none or an unreadable one."""
    if data is None:
        return datetime.min.replace(tzinfo=UTC)
    try:
        stamp = str(json.loads(bytes(data))["ts"])
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except (ValueError, TypeError, KeyError):
        # Not readable (the log is damaged): the clock decides, verification names it.
        return datetime.min.replace(tzinfo=UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
