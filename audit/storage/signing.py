"""What the log signs: a root it recomputed, never the saved compact range as stored.

Before each checkpoint the range is rebuilt from the stored perfect-subtree nodes at the
last signed size, checked against that checkpoint's signed root, then extended with leaf
hashes recomputed from the entries appended since. Only if that equals the saved range
does the log sign; a corrupted range, node or entry stops the log with `TreeMismatch`
instead of putting the log's signature on a wrong root. The cost is one read of the
entries since the last checkpoint (`checkpoint_every` at most).
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from audit.checkpoint import Checkpoint, CheckpointError, open_checkpoint
from audit.checkpoint_chain import note_text, previous_line
from audit.merkle import CompactRange, leaf_hash, perfect_nodes
from audit.note import Verifier
from audit.sink import LogUnavailable
from audit.storage.store import AuditTables, read_nodes


class TreeMismatch(LogUnavailable):
    """The stored tree disagrees with the entries or the last signed root: nothing is signed."""


def checkpoint_to_sign(
    conn: Connection, tables: AuditTables, claimed: CompactRange, origin: str, log_key: Verifier
) -> Checkpoint:
    """The checkpoint of the recomputed tree at `claimed.size`, linked to the newest one."""
    table = tables.checkpoints
    row = conn.execute(select(table.c.note).order_by(table.c.id.desc()).limit(1)).first()
    extensions: tuple[str, ...] = ()
    if row is None:
        base = CompactRange()
    else:
        try:
            last = open_checkpoint(str(row.note), log_key).checkpoint
        except CheckpointError as error:
            raise TreeMismatch(f"the newest stored checkpoint does not verify: {error}") from error
        base = _signed_range(conn, tables, last, claimed.size)
        extensions = (previous_line(note_text(str(row.note)), last.size),)
    _extend_from_entries(conn, tables, base, claimed.size)
    if base.hashes != claimed.hashes:
        raise TreeMismatch(
            f"the saved compact range at size {claimed.size} does not match the tree "
            "recomputed from the entries; no checkpoint was signed"
        )
    return Checkpoint(origin, base.size, base.root(), extensions)


def _signed_range(
    conn: Connection, tables: AuditTables, last: Checkpoint, size: int
) -> CompactRange:
    if last.size > size:
        raise TreeMismatch(
            f"the newest checkpoint has size {last.size}, larger than the log's {size} entries"
        )
    try:
        base = CompactRange(last.size, read_nodes(conn, tables.nodes, perfect_nodes(0, last.size)))
    except LookupError as error:
        raise TreeMismatch(f"stored tree nodes are missing: {error}") from error
    if base.root() != last.root:
        raise TreeMismatch(f"the stored tree nodes do not give the root signed at size {last.size}")
    return base


def _extend_from_entries(
    conn: Connection, tables: AuditTables, base: CompactRange, size: int
) -> None:
    entries = tables.entries
    rows = conn.execute(
        select(entries.c.idx, entries.c.data)
        .where(entries.c.idx >= base.size, entries.c.idx < size)
        .order_by(entries.c.idx)
    ).all()
    if [int(row.idx) for row in rows] != list(range(base.size, size)):
        raise TreeMismatch(f"entries between {base.size} and {size} are missing")
    base.extend(leaf_hash(bytes(row.data)) for row in rows)
