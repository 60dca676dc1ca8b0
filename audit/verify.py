"""Whole-log verification: recompute the tree from the entries and check every checkpoint.

Works on any `LogSource` (the database log, an export bundle), imports no database
code, and reports the first bad index with what is wrong as a value, not an exception.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from audit.checkpoint import CheckpointError, open_checkpoint
from audit.merkle import CompactRange
from audit.note import Verifier
from audit.schema_pass import Invalid, checked_chunks, default_workers

# Called as progress(entries_done, entries_total) every `PROGRESS_STEP` entries and at the end.
Progress = Callable[[int, int], None]
PROGRESS_STEP = 10_000
# Entries checked per step: large enough that per-step Python costs vanish.
CHUNK = 20_000
_sha256 = hashlib.sha256


class LogSource(Protocol):
    """What verification reads: entries, stored leaf hashes (untrusted hints), checkpoints."""

    def size(self) -> int:
        """The number of entries the log says it holds."""
        ...

    def entries(self) -> Iterable[tuple[int, bytes]]:
        """(index, canonical entry bytes) in index order."""
        ...

    def leaf_hashes(self) -> Iterable[tuple[int, bytes]]:
        """(index, leaf hash stored at append time) in index order; may be empty."""
        ...

    def checkpoints(self) -> Sequence[str]:
        """Signed checkpoints in the order they were issued."""
        ...


@dataclass(frozen=True)
class VerifyReport:
    """The outcome: ok, or the first bad index (None if no single entry is to blame)."""

    ok: bool
    entries_checked: int
    checkpoints_checked: int
    root: bytes
    first_bad_index: int | None = None
    problem: str | None = None


@dataclass(frozen=True)
class _Target:
    size: int
    root: bytes
    position: int


def verify_log(
    source: LogSource,
    log_key: Verifier,
    *,
    witnesses: Sequence[Verifier] = (),
    check_schema: bool = True,
    progress: Progress | None = None,
    chunk_size: int = CHUNK,
    schema_workers: int | None = None,
) -> VerifyReport:
    """Recompute the tree from `source` and check it against every signed checkpoint.

    Every checkpoint must carry a valid signature of `log_key` (and valid signatures of
    any known `witnesses` it names). Each checkpoint's root must equal the recomputed
    root at its size; since all are compared against one recomputed sequence of leaves,
    successive checkpoints are then consistent with each other (RFC 9162 2.1.4), and a
    checkpoint that shrinks or contradicts an earlier one is reported.
    With `check_schema`, each entry must also be canonical JSON of a valid entry; that
    pass runs in `schema_workers` processes beside this one (default: none for a small
    log, else one per spare core), with the same result.
    Entries are read and hashed `chunk_size` at a time (memory against per-step cost).
    """
    targets, problem = _open_checkpoints(source.checkpoints(), log_key, witnesses)
    if problem is not None:
        return VerifyReport(False, 0, 0, b"", None, problem)
    recorded = source.size()
    total = max([recorded, *(t.size for t in targets)])
    walk = _Walk(targets, total, progress)
    hints = _Hints(source.leaf_hashes())
    workers = default_workers(total) if schema_workers is None else schema_workers
    with checked_chunks(source.entries(), chunk_size, check_schema, workers) as chunks:
        for chunk, invalid in chunks:
            failure = walk.check(chunk, recorded, hints, invalid)
            if failure is not None:
                return failure
    if walk.compact.size < total:
        size = walk.compact.size
        return walk.fail(size, f"entries from {size} are missing (log claims {total})")
    return walk.finish()


class _Walk:
    """Running state: the recomputed compact range and the checkpoints still to meet."""

    def __init__(self, targets: list[_Target], total: int, progress: Progress | None) -> None:
        self.compact = CompactRange()
        self.pending = sorted(targets, key=lambda t: (t.size, t.position))
        self.checked = 0
        self.last_good = 0
        self.total = total
        self.progress = progress
        self._reported = 0
        self._meet_targets()  # checkpoints of size 0

    def check(
        self,
        chunk: list[tuple[int, bytes]],
        recorded: int,
        hints: _Hints,
        invalid: Invalid,
    ) -> VerifyReport | None:
        """Check a run of entries in order; a report if one of them is the first bad one.

        `invalid` is the schema pass's result for the chunk: its first invalid entry.
        """
        start = self.compact.size
        data = [item[1] for item in chunk]
        # Find the first bad entry of the chunk (if any); the entries before it are added.
        good, problem = _first_gap([item[0] for item in chunk], start, recorded)
        if invalid is not None and invalid[0] < good:
            good, problem = (
                invalid[0],
                f"entry {start + invalid[0]} is not a valid entry: {invalid[1]}",
            )
        leaves = [_sha256(b"\x00" + item).digest() for item in data[:good]]
        stored = hints.take(start, good)
        if stored != leaves:
            for offset, (hint, leaf) in enumerate(zip(stored, leaves, strict=True)):
                if hint is not None and hint != leaf:
                    changed = (
                        f"entry {start + offset} was changed: it no longer matches its leaf hash"
                    )
                    good, problem = offset, changed
                    break
        failure = self._add(leaves[:good])
        if failure is not None:
            return failure
        return None if problem is None else self.fail(start + good, problem)

    def _add(self, leaves: list[bytes]) -> VerifyReport | None:
        done = 0
        while done < len(leaves):
            # Stop at the next checkpoint's size: its root must be checked there.
            stop = len(leaves)
            if self.pending:
                stop = min(stop, done + self.pending[0].size - self.compact.size)
            self.compact.extend(leaves[done:stop])
            done = stop
            failure = self._meet_targets()
            if failure is not None:
                return failure
        if self.progress is not None and self.compact.size - self._reported >= PROGRESS_STEP:
            self._reported = self.compact.size
            self.progress(self.compact.size, self.total)
        return None

    def _meet_targets(self) -> VerifyReport | None:
        while self.pending and self.pending[0].size == self.compact.size:
            target = self.pending.pop(0)
            if target.root != self.compact.root():
                start = self.last_good
                return self.fail(
                    start,
                    f"entries {start}..{target.size - 1} do not hash to the root signed in "
                    f"the checkpoint of size {target.size}",
                )
            self.checked += 1
            self.last_good = target.size
        return None

    def fail(self, index: int | None, problem: str) -> VerifyReport:
        return VerifyReport(False, self.compact.size, self.checked, b"", index, problem)

    def finish(self) -> VerifyReport:
        if self.progress is not None:
            self.progress(self.compact.size, self.total)
        return VerifyReport(True, self.compact.size, self.checked, self.compact.root())


class _Hints:
    """Stored leaf hashes read in step with the entries, so memory stays flat."""

    def __init__(self, stored: Iterable[tuple[int, bytes]]) -> None:
        self._stored = iter(stored)
        self._next: tuple[int, bytes] | None = next(self._stored, None)

    def take(self, start: int, count: int) -> list[bytes | None]:
        """The stored hashes of leaves [start, start + count), None where there is none."""
        end = start + count
        if count and self._next is not None and self._next[0] == start:
            # The usual case: one stored hash per entry, in order.
            block = [self._next, *itertools.islice(self._stored, count - 1)]
            self._next = next(self._stored, None)
            if len(block) == count and [item[0] for item in block] == list(range(start, end)):
                return [item[1] for item in block]
            return self._place(block, start, end)
        return self._place([], start, end)

    def _place(self, block: list[tuple[int, bytes]], start: int, end: int) -> list[bytes | None]:
        result: list[bytes | None] = [None] * (end - start)
        later = [item for item in block if item[0] >= end]
        if later:
            # Read too far: put the hashes of later leaves back in front of the stream.
            ahead = [] if self._next is None else [self._next]
            self._stored = itertools.chain(later[1:], ahead, self._stored)
            self._next = later[0]
        for index, value in block:
            if start <= index < end:
                result[index - start] = value
        while self._next is not None and self._next[0] < end:
            index, value = self._next
            if index >= start:
                result[index - start] = value
            self._next = next(self._stored, None)
        return result


def _first_gap(indices: list[int], start: int, recorded: int) -> tuple[int, str | None]:
    """How many entries from `start` are in sequence and within the log's size."""
    if indices == list(range(start, start + len(indices))) and start + len(indices) <= recorded:
        return len(indices), None
    for offset, index in enumerate(indices):
        expected = start + offset
        if index != expected:
            return offset, f"entry {expected} is missing (next stored is {index})"
        if index >= recorded:
            return offset, f"entry {index} lies beyond the log's recorded size {recorded}"
    return len(indices), None


def _open_checkpoints(
    notes: Sequence[str], log_key: Verifier, witnesses: Sequence[Verifier]
) -> tuple[list[_Target], str | None]:
    targets: list[_Target] = []
    largest = 0
    roots: dict[int, bytes] = {}
    for position, note in enumerate(notes):
        try:
            checkpoint = open_checkpoint(note, log_key, witnesses).checkpoint
        except CheckpointError as error:
            return [], f"checkpoint #{position + 1} is not valid: {error}"
        if checkpoint.size < largest:
            return [], (
                f"checkpoint #{position + 1} has size {checkpoint.size}, smaller than the "
                f"earlier size {largest}: the log went backwards"
            )
        if roots.setdefault(checkpoint.size, checkpoint.root) != checkpoint.root:
            return [], f"two checkpoints of size {checkpoint.size} sign different roots"
        largest = checkpoint.size
        targets.append(_Target(checkpoint.size, checkpoint.root, position))
    return targets, None
