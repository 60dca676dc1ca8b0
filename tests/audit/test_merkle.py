"""Merkle tree math against the RFC 6962 vectors, a from-the-RFC reference, and properties."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.merkle import (
    EMPTY_ROOT,
    CompactRange,
    MemoryTree,
    NodeId,
    ProofError,
    consistency_ranges,
    fold,
    leaf_hash,
    node_hash,
    perfect_nodes,
    root_from_leaf_hashes,
    verify_consistency,
    verify_inclusion,
)
from tests.data import VECTORS


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return data


ROOTS = load("rfc6962_roots.json")
INCLUSION = load("rfc6962_inclusion.json")["vectors"]
CONSISTENCY = load("rfc6962_consistency.json")["vectors"]
LEAVES = [bytes.fromhex(leaf["input_hex"]) for leaf in ROOTS["leaves"]]


def reference_root(leaves: list[bytes]) -> bytes:
    """MTH exactly as RFC 9162 section 2.1.1 writes it (recursive)."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return hashlib.sha256(b"\x00" + leaves[0]).digest()
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(
        b"\x01" + reference_root(leaves[:k]) + reference_root(leaves[k:])
    ).digest()


def tree_of(count: int) -> MemoryTree:
    tree = MemoryTree()
    for i in range(count):
        tree.append(leaf_hash(i.to_bytes(8, "big")))
    return tree


def test_hasher_vectors() -> None:
    for vector in ROOTS["hasher_vectors"]:
        expected = bytes.fromhex(vector["expected"])
        if vector["kind"] == "empty_root":
            assert expected == EMPTY_ROOT
        elif vector["kind"] == "leaf":
            assert leaf_hash(bytes.fromhex(vector["input_hex"])) == expected
        else:
            left, right = bytes.fromhex(vector["left_hex"]), bytes.fromhex(vector["right_hex"])
            assert node_hash(left, right) == expected


def test_roots_for_every_size() -> None:
    for vector in ROOTS["roots"]:
        size = vector["tree_size"]
        leaves = [leaf_hash(data) for data in LEAVES[:size]]
        assert root_from_leaf_hashes(leaves).hex() == vector["root"]
        assert reference_root(LEAVES[:size]).hex() == vector["root"]


def test_compact_ranges_and_node_hashes() -> None:
    tree = MemoryTree()
    assert CompactRange().hashes == []
    for leaf in LEAVES:
        tree.append(leaf_hash(leaf))
        expected = next(r for r in ROOTS["compact_ranges"] if r["tree_size"] == tree.size)
        assert [h.hex() for h in tree.compact.hashes] == expected["hashes"]
        ids = [NodeId(level, index) for level, index in expected["node_ids"]]
        assert perfect_nodes(0, tree.size) == ids
    for node in ROOTS["node_hashes"]:
        assert tree.read([NodeId(node["level"], node["index"])])[0].hex() == node["hash"]


def test_extend_gives_the_published_roots_and_compact_ranges() -> None:
    for vector in ROOTS["roots"]:
        compact = CompactRange()
        compact.extend(leaf_hash(data) for data in LEAVES[: vector["tree_size"]])
        assert compact.root().hex() == vector["root"]
    for expected in ROOTS["compact_ranges"]:
        compact = CompactRange()
        compact.extend(leaf_hash(data) for data in LEAVES[: expected["tree_size"]])
        assert [h.hex() for h in compact.hashes] == expected["hashes"]


@given(st.lists(st.integers(min_value=0, max_value=40), max_size=8))
def test_extend_in_any_steps_equals_appending_one_by_one(steps: list[int]) -> None:
    appended, extended = CompactRange(), CompactRange()
    counter = 0
    for step in steps:
        leaves = [leaf_hash(n.to_bytes(4, "big")) for n in range(counter, counter + step)]
        counter += step
        for leaf in leaves:
            appended.append(leaf)
        extended.extend(leaves)
        assert (extended.size, extended.hashes) == (appended.size, appended.hashes)
    assert extended.root() == reference_root([n.to_bytes(4, "big") for n in range(counter)])


@pytest.mark.parametrize("vector", INCLUSION, ids=[v["id"] for v in INCLUSION])
def test_inclusion_vectors(vector: dict[str, object]) -> None:
    proof = [bytes.fromhex(str(h)) for h in vector["proof"]]  # type: ignore[attr-defined]
    valid = verify_inclusion(
        int(str(vector["leaf_index"])),
        int(str(vector["tree_size"])),
        bytes.fromhex(str(vector["leaf_hash"])),
        proof,
        bytes.fromhex(str(vector["root"])),
    )
    assert valid is vector["expect_valid"]


def test_inclusion_proofs_we_generate_equal_the_valid_vectors() -> None:
    tree = MemoryTree()
    for leaf in LEAVES:
        tree.append(leaf_hash(leaf))
    valid = [v for v in INCLUSION if v["expect_valid"]]
    assert len(valid) == 6
    for vector in valid:
        proof = tree.inclusion_proof(vector["leaf_index"], vector["tree_size"])
        assert [h.hex() for h in proof] == vector["proof"]


@pytest.mark.parametrize("vector", CONSISTENCY, ids=[v["id"] for v in CONSISTENCY])
def test_consistency_vectors(vector: dict[str, object]) -> None:
    # The flagged edge cases (size1 = 0, size1 = size2, size1 > size2) encode the
    # transparency-dev/merkle policy, which verify_consistency follows on purpose.
    proof = [bytes.fromhex(str(h)) for h in vector["proof"]]  # type: ignore[attr-defined]
    valid = verify_consistency(
        int(str(vector["size1"])),
        int(str(vector["size2"])),
        proof,
        bytes.fromhex(str(vector["root1"])),
        bytes.fromhex(str(vector["root2"])),
    )
    assert valid is vector["expect_valid"]


def test_consistency_proofs_we_generate_equal_the_valid_vectors() -> None:
    tree = MemoryTree()
    for leaf in LEAVES:
        tree.append(leaf_hash(leaf))
    valid = [v for v in CONSISTENCY if v["expect_valid"]]
    for vector in valid:
        proof = tree.consistency_proof(vector["size1"], vector["size2"])
        assert [h.hex() for h in proof] == vector["proof"]


def test_proofs_outside_the_tree_are_typed_errors() -> None:
    tree = tree_of(5)
    with pytest.raises(ProofError):
        tree.inclusion_proof(5)
    with pytest.raises(ProofError):
        tree.inclusion_proof(0, 6)
    with pytest.raises(ProofError):
        consistency_ranges(4, 3)
    with pytest.raises(ProofError):
        perfect_nodes(3, 2)


def test_compact_range_round_trips_through_bytes() -> None:
    tree = tree_of(13)
    stored = CompactRange.from_bytes(13, tree.compact.to_bytes())
    assert stored.root() == tree.root() == fold(stored.hashes)
    with pytest.raises(ValueError, match="wrong length"):
        CompactRange.from_bytes(12, tree.compact.to_bytes())


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=300))
def test_every_inclusion_proof_verifies(size: int) -> None:
    tree = tree_of(size)
    leaves = [i.to_bytes(8, "big") for i in range(size)]
    root = tree.root()
    assert root == reference_root(leaves)
    for index in range(size):
        proof = tree.inclusion_proof(index)
        assert verify_inclusion(index, size, leaf_hash(leaves[index]), proof, root)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=200), st.data())
def test_every_consistency_proof_verifies(size: int, data: st.DataObject) -> None:
    tree = tree_of(size)
    old = data.draw(st.integers(min_value=1, max_value=size))
    for new in range(old, size + 1):
        proof = tree.consistency_proof(old, new)
        assert verify_consistency(old, new, proof, tree.root(old), tree.root(new))


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=2, max_value=200), st.data())
def test_tampered_inclusion_proofs_fail(size: int, data: st.DataObject) -> None:
    tree = tree_of(size)
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    leaf = leaf_hash(index.to_bytes(8, "big"))
    proof = tree.inclusion_proof(index)
    root = tree.root()
    other = data.draw(st.integers(min_value=0, max_value=size - 1).filter(lambda i: i != index))
    assert not verify_inclusion(other, size, leaf, proof, root)
    assert not verify_inclusion(index, size, leaf_hash(b"forged"), proof, root)
    assert not verify_inclusion(index, size, leaf, proof, leaf_hash(b"other root"))
    assert not verify_inclusion(index, size, leaf, [*proof, root], root)
    if proof:
        position = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        flipped = bytes([proof[position][0] ^ 1]) + proof[position][1:]
        bad = [*proof[:position], flipped, *proof[position + 1 :]]
        assert not verify_inclusion(index, size, leaf, bad, root)
        assert not verify_inclusion(index, size, leaf, proof[:-1], root)


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=3, max_value=200), st.data())
def test_tampered_consistency_proofs_fail(size: int, data: st.DataObject) -> None:
    tree = tree_of(size)
    old = data.draw(st.integers(min_value=1, max_value=size - 1))
    proof = tree.consistency_proof(old, size)
    old_root, new_root = tree.root(old), tree.root()
    assert not verify_consistency(old, size, proof, leaf_hash(b"x"), new_root)
    assert not verify_consistency(old, size, proof, old_root, leaf_hash(b"x"))
    position = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
    flipped = bytes([proof[position][0] ^ 1]) + proof[position][1:]
    bad = [*proof[:position], flipped, *proof[position + 1 :]]
    assert not verify_consistency(old, size, bad, old_root, new_root)
    assert not verify_consistency(old, size, proof[:-1], old_root, new_root)
    assert not verify_consistency(old, size, [*proof, new_root], old_root, new_root)
