"""The tree pass of verification: recompute every node from the leaves, meet each target.

The walk extends a compact range leaf by leaf and lists every perfect-subtree node it
completes, so the nodes the operator stored (all levels, read in step, memory flat) are
compared with recomputed ones at no extra hashing. A stored node that differs is a
suspect, not yet a verdict: the next signed root decides whether the entries changed
(the root differs too) or only the stored node is wrong (the root matches).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from audit.faults import Fault, Finding
from audit.merkle import CompactRange

_sha256 = hashlib.sha256
# Stored nodes of one level, (index, hash) in index order.
NodeSource = Callable[[int], Iterable[tuple[int, bytes]]]


class TargetKind(Enum):
    CHECKPOINT = "checkpoint"  # stored and signed by the log
    SEEN = "seen"  # a checkpoint seen earlier, e.g. one a witness cosigned
    STATE = "state"  # the operator's saved compact range (unsigned)


@dataclass(frozen=True)
class Target:
    """A size at which the recomputed tree must match a claim."""

    size: int
    kind: TargetKind
    label: str
    root: bytes = b""
    compact_range: bytes = b""


@dataclass(frozen=True)
class _Suspect:
    level: int
    index: int

    @property
    def first(self) -> int:
        return self.index << self.level

    @property
    def last(self) -> int:
        return ((self.index + 1) << self.level) - 1

    def entries(self) -> str:
        return f"entry {self.first}" if self.level == 0 else f"entries {self.first}..{self.last}"


class TreeWalk:
    """Running state: the recomputed compact range, the targets still to meet, any suspect."""

    def __init__(self, targets: Iterable[Target], stored_nodes: NodeSource) -> None:
        order = {TargetKind.CHECKPOINT: 0, TargetKind.SEEN: 1, TargetKind.STATE: 2}
        self.compact = CompactRange()
        self.pending = sorted(targets, key=lambda t: (t.size, order[t.kind]))
        self.checkpoints_met = 0
        self.last_good = 0  # every entry below this matches a signed root
        self._last_seen = 0  # ... and one seen earlier
        self.suspect: _Suspect | None = None
        self._stored_nodes = stored_nodes
        self._hints: list[_Hints] = []

    def start(self) -> Finding | None:
        """Meet the targets of size 0."""
        return self._meet_targets()

    def add(self, leaves: list[bytes]) -> Finding | None:
        """Append leaf hashes in order, checking stored nodes and meeting targets on the way."""
        done = 0
        while done < len(leaves):
            # Stop at the next target's size: its root must be checked there.
            stop = len(leaves)
            if self.pending:
                stop = min(stop, done + self.pending[0].size - self.compact.size)
            self._extend(leaves[done:stop])
            done = stop
            finding = self._meet_targets()
            if finding is not None:
                return finding
        return None

    def unresolved(self, before: int | None = None) -> Finding | None:
        """The suspect no signed root has judged (if it starts before `before`), as a finding."""
        suspect = self.suspect
        if suspect is None or (before is not None and suspect.first >= before):
            return None
        if suspect.level == 0:
            return Finding(
                Fault.ENTRY_CHANGED,
                f"entry {suspect.first} was changed: it no longer matches its leaf hash",
                suspect.first,
            )
        return self._wrong_node(suspect, "no signed root has judged them yet")

    def _extend(self, leaves: list[bytes]) -> None:
        start = self.compact.size
        made = _extend_listing(self.compact, leaves)
        if self.suspect is not None:
            return  # judged at the next target; the rest cannot change the verdict
        found: list[_Suspect] = []
        for level, nodes in enumerate(made):
            if not nodes:
                continue
            first = start >> level
            stored = self._hint(level).take(first, len(nodes))
            if stored != nodes:
                for offset, (hint, value) in enumerate(zip(stored, nodes, strict=True)):
                    if hint is not None and hint != value:
                        found.append(_Suspect(level, first + offset))
                        break
        if found:
            # The earliest completed node: the one whose last leaf comes first (leaf first).
            self.suspect = min(found, key=lambda s: (s.last, s.level))

    def _hint(self, level: int) -> _Hints:
        while len(self._hints) <= level:
            self._hints.append(_Hints(self._stored_nodes(len(self._hints))))
        return self._hints[level]

    def _meet_targets(self) -> Finding | None:
        while self.pending and self.pending[0].size == self.compact.size:
            target = self.pending.pop(0)
            finding = self._meet(target)
            if finding is not None:
                return finding
        return None

    def _meet(self, target: Target) -> Finding | None:
        return (
            self._meet_range(target) if target.kind is TargetKind.STATE else self._meet_root(target)
        )

    def _meet_range(self, target: Target) -> Finding | None:
        suspect = self.suspect
        if self.compact.to_bytes() == target.compact_range:
            return None if suspect is None else self._wrong_node(suspect, _agrees(target))
        if suspect is not None:
            return self._changed(suspect, target)
        return Finding(
            Fault.STORED_RANGE,
            f"the saved compact range (size {target.size}) does not match the tree "
            "recomputed from the entries: the next checkpoint would sign a wrong root",
        )

    def _meet_root(self, target: Target) -> Finding | None:
        suspect = self.suspect
        if target.root == self.compact.root():
            if suspect is not None:
                return self._wrong_node(suspect, _agrees(target))
            if target.kind is TargetKind.CHECKPOINT:
                self.checkpoints_met += 1
                self.last_good = target.size
            else:
                self._last_seen = target.size
            return None
        if suspect is not None:
            return self._changed(suspect, target)
        start = self.last_good
        if target.kind is TargetKind.SEEN:
            # The log may have re-signed its rewrite: count from what the seen ones vouch for.
            start = self._last_seen
            return Finding(
                Fault.FORK,
                f"entries {start}..{target.size - 1} do not hash to the root of {target.label}: "
                "the log was forked or rewritten after that checkpoint was seen",
                start,
            )
        return Finding(
            Fault.CHECKPOINT_ROOT,
            f"entries {start}..{target.size - 1} do not hash to the root signed in "
            f"the checkpoint of size {target.size}",
            start,
        )

    @staticmethod
    def _changed(suspect: _Suspect, target: Target) -> Finding:
        if suspect.level == 0:
            problem = f"entry {suspect.first} was changed: it no longer matches its leaf hash"
        else:
            problem = (
                f"{suspect.entries()} were changed: they do not hash to the stored tree node "
                f"covering them, nor to the root of {target.label}"
            )
        return Finding(Fault.ENTRY_CHANGED, problem, suspect.first)

    @staticmethod
    def _wrong_node(suspect: _Suspect, because: str) -> Finding:
        where = (
            f"the stored leaf hash of entry {suspect.first}"
            if suspect.level == 0
            else f"the stored tree node at level {suspect.level}, index {suspect.index} "
            f"(entries {suspect.first}..{suspect.last})"
        )
        return Finding(
            Fault.STORED_NODE,
            f"{where} does not match the tree recomputed from the entries ({because}): "
            "proofs served from it would not verify",
            suspect.first,
        )


def _agrees(target: Target) -> str:
    return f"{target.label} agrees with the entries"


def _extend_listing(compact: CompactRange, leaves: list[bytes]) -> list[list[bytes]]:
    """`compact.extend(leaves)`, also returning the nodes completed at each level (0: leaves).

    The loop is `CompactRange.extend`'s, kept as tight: it runs for every leaf of the log.
    """
    size = compact.size
    made: list[list[bytes]] = [leaves, *([] for _ in range((size + len(leaves)).bit_length()))]
    hashes, sha256 = compact.hashes, _sha256
    pop, push = hashes.pop, hashes.append
    for leaf in leaves:
        result, carry, level = leaf, size, 0
        while carry & 1:
            result = sha256(b"\x01" + pop() + result).digest()
            carry >>= 1
            level += 1
            made[level].append(result)
        push(result)
        size += 1
    compact.size = size
    return made


class _Hints:
    """Stored hashes of one level read in step with the walk, so memory stays flat."""

    def __init__(self, stored: Iterable[tuple[int, bytes]]) -> None:
        self._stored = iter(stored)
        self._next: tuple[int, bytes] | None = next(self._stored, None)

    def take(self, start: int, count: int) -> list[bytes | None]:
        """The stored hashes of nodes [start, start + count), None where there is none."""
        end = start + count
        if count and self._next is not None and self._next[0] == start:
            # The usual case: one stored hash per node, in order.
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
            # Read too far: put the hashes of later nodes back in front of the stream.
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
