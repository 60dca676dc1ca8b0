"""RFC 9162 (RFC 6962) Merkle tree math: hashes, compact ranges, proofs and their checks.

Pure functions over hashes: storage hands in the perfect-subtree hashes it keeps
(`NodeReader`), so proofs at any size need O(log n) node reads and no rescan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(ValueError):
    """A proof was asked for sizes or indices the tree does not have."""


@dataclass(frozen=True, order=True)
class NodeId:
    """A perfect subtree: it covers leaves [index * 2**level, (index + 1) * 2**level)."""

    level: int
    index: int


# Returns the stored hash of each requested perfect subtree, in the order asked.
NodeReader = Callable[[Sequence[NodeId]], Sequence[bytes]]


def leaf_hash(data: bytes) -> bytes:
    """MTH({d}) = SHA-256(0x00 || d) (RFC 9162 section 2.1.1)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right); children are not length-checked (see the vectors)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two strictly smaller than `size` (size >= 2)."""
    return 1 << ((size - 1).bit_length() - 1)


def perfect_nodes(begin: int, end: int) -> list[NodeId]:
    """Split the leaf range [begin, end) into maximal aligned perfect subtrees, left first."""
    if not 0 <= begin <= end:
        raise ProofError(f"bad leaf range [{begin}, {end})")
    nodes: list[NodeId] = []
    while begin < end:
        # The largest aligned block starting at `begin` that still fits.
        level = (begin & -begin).bit_length() - 1 if begin else (end - begin).bit_length() - 1
        while begin + (1 << level) > end:
            level -= 1
        nodes.append(NodeId(level, begin >> level))
        begin += 1 << level
    return nodes


def fold(hashes: Sequence[bytes]) -> bytes:
    """Hash a compact range (left to right) into one root, combining from the right."""
    if not hashes:
        return EMPTY_ROOT
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


class CompactRange:
    """The perfect-subtree roots of [0, size), largest first: enough to append and to root."""

    def __init__(self, size: int = 0, hashes: Sequence[bytes] = ()) -> None:
        if len(hashes) != size.bit_count():
            raise ValueError(f"a compact range of size {size} has {size.bit_count()} hashes")
        self.size = size
        self.hashes = list(hashes)

    def append(self, leaf: bytes) -> list[tuple[NodeId, bytes]]:
        """Add one leaf hash; returns every perfect subtree this completes (leaf first)."""
        size = self.size
        completed = [(NodeId(0, size), leaf)]
        result = leaf
        level = 0
        while (size >> level) & 1:
            result = node_hash(self.hashes.pop(), result)
            level += 1
            completed.append((NodeId(level, size >> level), result))
        self.hashes.append(result)
        self.size = size + 1
        return completed

    def extend(self, leaves: Iterable[bytes]) -> None:
        """Add many leaf hashes; the same result as `append` without listing new nodes.

        Verification calls this for every leaf of the log, so the loop is kept tight.
        """
        hashes, size, sha256 = self.hashes, self.size, hashlib.sha256
        for leaf in leaves:
            result, carry = leaf, size
            while carry & 1:
                result = sha256(b"\x01" + hashes.pop() + result).digest()
                carry >>= 1
            hashes.append(result)
            size += 1
        self.size = size

    def root(self) -> bytes:
        return fold(self.hashes)

    def copy(self) -> CompactRange:
        return CompactRange(self.size, self.hashes)

    def to_bytes(self) -> bytes:
        return b"".join(self.hashes)

    @classmethod
    def from_bytes(cls, size: int, data: bytes) -> CompactRange:
        if len(data) != HASH_SIZE * size.bit_count():
            raise ValueError("stored compact range has the wrong length for its size")
        return cls(size, [data[i : i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE)])


def root_from_leaf_hashes(leaves: Iterable[bytes]) -> bytes:
    """MTH over the given leaf hashes."""
    compact = CompactRange()
    for leaf in leaves:
        compact.append(leaf)
    return compact.root()


def inclusion_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """Leaf ranges whose roots form PATH(index, D[0:size]) (RFC 9162 2.1.3.1), leaf first."""
    if not 0 <= index < size:
        raise ProofError(f"no leaf {index} in a tree of size {size}")
    ranges: list[tuple[int, int]] = []
    begin, end = 0, size
    while end - begin > 1:
        middle = begin + _split(end - begin)
        if index < middle:
            ranges.append((middle, end))
            end = middle
        else:
            ranges.append((begin, middle))
            begin = middle
    ranges.reverse()
    return ranges


def consistency_ranges(old_size: int, new_size: int) -> list[tuple[int, int]]:
    """Leaf ranges whose roots form PROOF(m, D[0:n]) (RFC 9162 2.1.4.1); empty if m in {0, n}."""
    if not 0 <= old_size <= new_size:
        raise ProofError(f"no consistency proof from size {old_size} to {new_size}")
    if old_size in (0, new_size):
        return []
    ranges: list[tuple[int, int]] = []
    begin, end, remaining, whole_old_tree = 0, new_size, old_size, True
    while remaining != end - begin:
        split = _split(end - begin)
        if remaining <= split:
            ranges.append((begin + split, end))
            end = begin + split
        else:
            ranges.append((begin, begin + split))
            begin += split
            remaining -= split
            whole_old_tree = False
    # SUBPROOF(m, D[m], b) is MTH(D[m]) only when D[m] is not the whole old tree.
    if not whole_old_tree:
        ranges.append((begin, end))
    ranges.reverse()
    return ranges


def prove(ranges: Sequence[tuple[int, int]], read: NodeReader) -> list[bytes]:
    """Turn proof ranges into hashes with one batched read of the perfect subtrees."""
    per_range = [perfect_nodes(begin, end) for begin, end in ranges]
    wanted = sorted({node for nodes in per_range for node in nodes})
    known = dict(zip(wanted, read(wanted), strict=True))
    return [fold([known[node] for node in nodes]) for nodes in per_range]


def inclusion_proof(index: int, size: int, read: NodeReader) -> list[bytes]:
    return prove(inclusion_ranges(index, size), read)


def consistency_proof(old_size: int, new_size: int, read: NodeReader) -> list[bytes]:
    return prove(consistency_ranges(old_size, new_size), read)


def root_at(size: int, read: NodeReader) -> bytes:
    """The root of [0, size) from stored perfect subtrees."""
    return prove([(0, size)], read)[0] if size else EMPTY_ROOT


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 section 2.1.3.2, plus a 32-byte check on the leaf hash."""
    if not 0 <= index < size or len(leaf) != HASH_SIZE:
        return False
    fn, sn, result = index, size - 1, leaf
    for sibling in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            result = node_hash(sibling, result)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            result = node_hash(result, sibling)
        fn >>= 1
        sn >>= 1
    return sn == 0 and result == root


def verify_consistency(
    old_size: int, new_size: int, proof: Sequence[bytes], old_root: bytes, new_root: bytes
) -> bool:
    """RFC 9162 section 2.1.4.2 for 0 < old < new.

    Outside that range we follow transparency-dev/merkle (whose vectors we test against):
    equal sizes need an empty proof and equal roots; old size 0 and old > new are
    rejected, so a caller that treats the empty tree as trivially consistent checks it
    before calling.
    """
    if new_size < old_size or old_size <= 0:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    old_result = new_result = path[0]
    for sibling in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            old_result = node_hash(sibling, old_result)
            new_result = node_hash(sibling, new_result)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            new_result = node_hash(new_result, sibling)
        fn >>= 1
        sn >>= 1
    return sn == 0 and old_result == old_root and new_result == new_root


class MemoryTree:
    """All perfect subtrees of a tree held in lists: for receipts, tests and verification."""

    def __init__(self) -> None:
        self.compact = CompactRange()
        self.levels: list[list[bytes]] = []

    @property
    def size(self) -> int:
        return self.compact.size

    def append(self, leaf: bytes) -> None:
        for node, value in self.compact.append(leaf):
            if node.level == len(self.levels):
                self.levels.append([])
            self.levels[node.level].append(value)

    def read(self, nodes: Sequence[NodeId]) -> list[bytes]:
        return [self.levels[node.level][node.index] for node in nodes]

    def root(self, size: int | None = None) -> bytes:
        return root_at(self._size_or_all(size), self.read)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        return inclusion_proof(index, self._size_or_all(size), self.read)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        return consistency_proof(old_size, self._size_or_all(new_size), self.read)

    def _size_or_all(self, size: int | None) -> int:
        if size is None:
            return self.size
        if size > self.size:
            raise ProofError(f"the tree has {self.size} leaves, not {size}")
        return size
