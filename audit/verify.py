"""Whole-log verification that trusts nothing the operator stores.

The verifier recomputes the tree from the entries alone. Everything else the operator
keeps is a claim to check, never an input: the stored tree nodes (every level) and the
saved compact range must equal the recomputed ones, the state row's size must equal the
number of entries, every checkpoint must carry the trusted key's signature, chain to the
one before it and sign the recomputed root at its size. Entries past the newest
checkpoint are named (signed by nothing yet). A checkpoint seen earlier (`seen`, e.g.
one a witness cosigned) must be matched by the entries and not be newer than the log's
own newest checkpoint, so a rolled-back or forked log fails. The key comes from the
caller, never from the data.

Works on any `LogSource` (the database log, an export bundle), imports no database
code, and reports the first bad index with what is wrong as a value, not an exception.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from audit.checkpoint import Checkpoint
from audit.checkpoint_chain import OpenedCheckpoint, open_checkpoints, open_seen
from audit.faults import Fault, Finding
from audit.key_change import log_keys
from audit.note import Verifier
from audit.schema_pass import Chunk, Invalid, Row, backwards, checked_chunks, default_workers
from audit.tree_walk import Target, TargetKind, TreeWalk

# Called as progress(entries_done, entries_expected) every `PROGRESS_STEP` entries and at the end.
Progress = Callable[[int, int], None]
PROGRESS_STEP = 10_000
# Entries checked per step: large enough that per-step Python costs vanish.
CHUNK = 20_000
_sha256 = hashlib.sha256


@dataclass(frozen=True)
class StoredState:
    """The operator's state row: a claim the entries must bear out."""

    size: int
    compact_range: bytes
    checkpoint_size: int | None


class LogSource(Protocol):
    """What verification reads: entries, checkpoints, and the operator's stored claims."""

    def entry_rows(self) -> Iterable[Row]:
        """(index, canonical entry bytes, conversation column) in index order."""
        ...

    def has_conversation_column(self) -> bool:
        """Whether `entry_rows` gives a stored conversation column to check (a database)."""
        ...

    def checkpoints(self) -> Sequence[str]:
        """Signed checkpoints in the order they were issued."""
        ...

    def stored_nodes(self, level: int) -> Iterable[tuple[int, bytes]]:
        """(index, hash) of the stored perfect subtrees of `level` (0: leaves); may be empty."""
        ...

    def stored_state(self) -> StoredState | None:
        """The state row (read afresh on each call), or None where there is none (a bundle)."""
        ...


@dataclass(frozen=True)
class VerifyReport:
    """The outcome: ok, or the fault with the first bad index (None if no entry is to blame).

    `unsigned` entries lie past the newest checkpoint: nothing signed vouches for them yet.
    """

    ok: bool
    entries_checked: int
    checkpoints_checked: int
    root: bytes
    first_bad_index: int | None = None
    problem: str | None = None
    fault: Fault | None = None
    unsigned: int = 0
    signed_size: int = 0


def verify_log(
    source: LogSource,
    log_key: Verifier,
    *,
    witnesses: Sequence[Verifier] = (),
    seen: Sequence[str] = (),
    require_signed: bool = False,
    check_schema: bool = True,
    progress: Progress | None = None,
    chunk_size: int = CHUNK,
    schema_workers: int | None = None,
) -> VerifyReport:
    """Recompute the tree from `source` and check every claim against it.

    Every checkpoint must carry a valid signature of `log_key` (and valid signatures of
    any known `witnesses` it names). `seen` are signed checkpoints the caller saw
    earlier; `require_signed` fails on entries no checkpoint covers yet.
    With `check_schema`, each entry must also be canonical JSON of a valid entry, its
    time must not go back, and a database's conversation column must match it; that
    pass runs in `schema_workers` processes beside this one (default: none for a small
    log, else one per spare core), with the same result.
    Entries are read and hashed `chunk_size` at a time (memory against per-step cost).
    """
    state = source.stored_state()
    notes = source.checkpoints()
    opened = open_checkpoints(notes, log_key, witnesses)
    if isinstance(opened, Finding):
        return _failed(opened)
    earlier = open_seen(seen, log_key, witnesses, log_keys(notes, log_key)[1:])
    if isinstance(earlier, Finding):
        return _failed(earlier)
    signed_size = max((o.checkpoint.size for o in opened), default=0)
    finding = _claims_before_walking(opened, earlier, state, signed_size)
    if finding is not None:
        return _failed(finding)
    walk = TreeWalk(_targets(opened, earlier, state), source.stored_nodes)
    finding = walk.start()
    expected = max([signed_size, *(c.size for c in earlier), state.size if state else 0])
    workers = default_workers(expected) if schema_workers is None else schema_workers
    if finding is None:
        entries = _EntryPass(walk, progress, expected)
        with checked_chunks(
            source.entry_rows(), chunk_size, check_schema, workers, source.has_conversation_column()
        ) as chunks:
            finding = entries.run(chunks, check_schema)
    if finding is None:
        finding = _after_walking(walk, opened, earlier, state, source.stored_state())
    if finding is not None:
        return _failed(finding, walk.compact.size, walk.checkpoints_met)
    return _verdict(walk, signed_size, require_signed, progress)


def _verdict(
    walk: TreeWalk, signed_size: int, require_signed: bool, progress: Progress | None
) -> VerifyReport:
    """Every claim held: ok, unless unsigned entries were to fail the check."""
    size = walk.compact.size
    unsigned = size - signed_size
    if require_signed and unsigned:
        return _failed(
            Finding(
                Fault.UNSIGNED,
                f"{unsigned} entries not yet signed: no checkpoint covers entries from "
                f"{signed_size}",
                signed_size,
            ),
            size,
            walk.checkpoints_met,
        )
    if progress is not None:
        progress(size, size)
    return VerifyReport(
        True,
        size,
        walk.checkpoints_met,
        walk.compact.root(),
        unsigned=unsigned,
        signed_size=signed_size,
    )


def _failed(finding: Finding, entries: int = 0, checkpoints: int = 0) -> VerifyReport:
    return VerifyReport(
        False, entries, checkpoints, b"", finding.index, finding.problem, finding.fault
    )


def _claims_before_walking(
    opened: list[OpenedCheckpoint],
    earlier: list[Checkpoint],
    state: StoredState | None,
    signed_size: int,
) -> Finding | None:
    """What the checkpoints and the state row can be caught at before reading any entry."""
    for checkpoint in earlier:
        if checkpoint.size > signed_size:
            return Finding(
                Fault.ROLLBACK,
                f"a checkpoint of size {checkpoint.size} was seen earlier, but the newest "
                f"checkpoint the log holds has size {signed_size}: the log was rolled back",
            )
    if state is None:
        return None
    if len(state.compact_range) != 32 * state.size.bit_count():
        return Finding(
            Fault.STATE_SIZE,
            f"the state row's size {state.size} does not fit its saved compact range "
            f"({len(state.compact_range)} bytes): the size or the range was changed",
        )
    if state.checkpoint_size is not None and state.checkpoint_size > signed_size:
        return Finding(
            Fault.CHECKPOINT_CHAIN,
            f"the state row records a checkpoint of size {state.checkpoint_size}, but the "
            f"newest the log holds has size {signed_size}: the newest checkpoints were deleted",
        )
    return None


def _targets(
    opened: list[OpenedCheckpoint], earlier: list[Checkpoint], state: StoredState | None
) -> list[Target]:
    targets = [
        Target(o.checkpoint.size, TargetKind.CHECKPOINT, o.label, root=o.checkpoint.root)
        for o in opened
    ]
    targets += [
        Target(
            c.size, TargetKind.SEEN, f"the checkpoint of size {c.size} seen earlier", root=c.root
        )
        for c in earlier
    ]
    if state is not None:
        targets.append(
            Target(
                state.size, TargetKind.STATE, "the saved compact range", b"", state.compact_range
            )
        )
    return targets


def _after_walking(
    walk: TreeWalk,
    opened: list[OpenedCheckpoint],
    earlier: list[Checkpoint],
    before: StoredState | None,
    after: StoredState | None,
) -> Finding | None:
    """What is left once every entry is read: sizes the entries fall short of, suspects."""
    size = walk.compact.size
    # A stored hash that differed before the end names the first bad entry more exactly.
    for checkpoint in earlier:
        if checkpoint.size > size:
            return walk.unresolved(size) or Finding(
                Fault.ROLLBACK,
                f"a checkpoint of size {checkpoint.size} was seen earlier, but the log holds "
                f"only {size} entries: it was rolled back",
                size,
            )
    largest = max((o.checkpoint.size for o in opened), default=0)
    if largest > size:
        return walk.unresolved(size) or Finding(
            Fault.ENTRY_MISSING,
            f"entries from {size} are missing (a checkpoint covers {largest})",
            size,
        )
    if before is not None and before.size > size:
        return walk.unresolved(size) or Finding(
            Fault.STATE_SIZE,
            f"the state row says the log holds {before.size} entries, but only {size} are "
            f"stored: entries from {size} were cut or the size was changed",
            size,
        )
    # Read after the entries: appends while verifying only make it larger.
    if after is not None and size > after.size:
        return walk.unresolved(after.size) or Finding(
            Fault.STATE_SIZE,
            f"entries from {after.size} are not counted by the state row (size {after.size}): "
            "they were added outside the log, or the size was changed",
            after.size,
        )
    return walk.unresolved()


class _EntryPass:
    """Feeds the walk chunk by chunk; finds gaps and content faults in entry order."""

    def __init__(self, walk: TreeWalk, progress: Progress | None, expected: int) -> None:
        self.walk = walk
        self.progress = progress
        self.expected = expected
        self.last_time = ""
        self._reported = 0

    def run(self, chunks: Iterator[tuple[Chunk, Invalid]], content: bool) -> Finding | None:
        """Check every chunk in order; the first finding, if any."""
        for chunk, invalid in chunks:
            finding = self.check(chunk, invalid if content else None, content)
            if finding is not None:
                return finding
        return None

    def check(self, chunk: Chunk, invalid: Invalid, content: bool) -> Finding | None:
        """Check a run of rows in order; a finding if one of them is the first bad one.

        `invalid` is the content pass's result for the chunk: its first invalid entry.
        """
        start = self.walk.compact.size
        good, finding = _first_gap([row[0] for row in chunk], start)
        if content and chunk:
            crossing = self._crossing(chunk)
            if crossing is not None and (invalid is None or invalid[0] > 0):
                invalid = crossing
        if invalid is not None and invalid[0] < good:
            offset, fault, why = invalid
            index = start + offset
            label = "is not a valid entry" if fault is Fault.ENTRY_INVALID else "is wrong"
            good, finding = offset, Finding(fault, f"entry {index} {label}: {why}", index)
        leaves = [_sha256(b"\x00" + row[1]).digest() for row in chunk[:good]]
        walked = self.walk.add(leaves)
        if walked is not None:
            return walked
        if finding is not None:
            # A stored hash that already differed before this entry names an earlier one.
            return self.walk.unresolved(finding.index) or finding
        self._report()
        return None

    def _crossing(self, chunk: Chunk) -> Invalid:
        """Time going back between the previous chunk's last entry and this chunk's first."""
        first, last = _time_of(chunk[0][1]), _time_of(chunk[-1][1])
        previous, self.last_time = self.last_time, last or self.last_time
        if first is not None and previous and first < previous:
            return 0, Fault.TIMESTAMP_BACKWARDS, backwards(first, previous)
        return None

    def _report(self) -> None:
        size = self.walk.compact.size
        if self.progress is not None and size - self._reported >= PROGRESS_STEP:
            self._reported = size
            self.progress(size, max(size, self.expected))


def _time_of(data: bytes) -> str | None:
    """An entry's `ts`, or None if it has none (the content pass names why)."""
    try:
        value = json.loads(data)
    except ValueError:
        return None
    stamp = value.get("ts") if isinstance(value, dict) else None
    return stamp if isinstance(stamp, str) else None


def _first_gap(indices: list[int], start: int) -> tuple[int, Finding | None]:
    """How many rows from `start` are in sequence, and what breaks the sequence."""
    if indices == list(range(start, start + len(indices))):
        return len(indices), None
    for offset, index in enumerate(indices):
        expected = start + offset
        if index != expected:
            return offset, Finding(
                Fault.ENTRY_MISSING,
                f"entry {expected} is missing (next stored is {index})",
                expected,
            )
    return len(indices), None
