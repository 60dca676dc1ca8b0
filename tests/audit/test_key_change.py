"""A handover of the log's key: a verifier holding the old key or the new one accepts the whole
chain of checkpoints, and nothing else: a change line its trusted key did not sign, a handover
signed by one side only, or a chain of handovers that skips a key fails."""

from __future__ import annotations

import hashlib

from audit.checkpoint import Checkpoint
from audit.checkpoint_chain import note_text, open_checkpoints, open_seen, previous_line
from audit.faults import Fault, Finding
from audit.key_change import key_change_line, log_keys
from audit.note import Ed25519Signer, generate_signer, sign_note

ORIGIN = "key-change.test/log"


def root(size: int) -> bytes:
    return hashlib.sha256(str(size).encode()).digest()


def chain(steps: list[tuple[int, list[Ed25519Signer], str | None]]) -> list[str]:
    """Checkpoints linked as the log links them; each (size, signers, extra extension line)."""
    notes: list[str] = []
    for size, signers, extra in steps:
        extensions: list[str] = []
        if notes:
            before = note_text(notes[-1])
            extensions.append(previous_line(before, int(before.split("\n")[1])))
        if extra is not None:
            extensions.append(extra)
        checkpoint = Checkpoint(ORIGIN, size, root(size), tuple(extensions))
        notes.append(sign_note(checkpoint.text(), signers))
    return notes


def handover(old: Ed25519Signer, new: Ed25519Signer) -> str:
    return key_change_line(old.verifier(), new.verifier())


def test_a_verifier_with_either_key_follows_the_handover() -> None:
    old, new = generate_signer(ORIGIN), generate_signer(ORIGIN)
    notes = chain(
        [
            (1, [old], None),
            (2, [old], None),
            (2, [old, new], handover(old, new)),
            (3, [new], None),
            (5, [new], None),
        ]
    )
    for trusted in (old, new):
        opened = open_checkpoints(notes, trusted.verifier())
        assert not isinstance(opened, Finding), opened
        assert [o.checkpoint.size for o in opened] == [1, 2, 2, 3, 5]
    # Without the handover, the old key alone stops at the first checkpoint it did not sign.
    plain = chain([(1, [old], None), (2, [new], None)])
    refused = open_checkpoints(plain, old.verifier())
    assert isinstance(refused, Finding) and refused.fault is Fault.CHECKPOINT_INVALID
    assert "#2" in refused.problem


def test_a_change_line_the_trusted_key_did_not_sign_is_refused() -> None:
    old, thief = generate_signer(ORIGIN), generate_signer(ORIGIN)
    # Someone holding only a key of their own writes a handover to it.
    notes = chain([(1, [old], None), (2, [thief], handover(old, thief)), (3, [thief], None)])
    found = open_checkpoints(notes, old.verifier())
    assert isinstance(found, Finding) and found.fault is Fault.CHECKPOINT_INVALID
    assert "#2" in found.problem
    # Nor does the thief's key vouch for the history: the old key's side is missing.
    assert isinstance(open_checkpoints(notes, thief.verifier()), Finding)


def test_a_handover_needs_both_signatures() -> None:
    old, new = generate_signer(ORIGIN), generate_signer(ORIGIN)
    only_old = chain([(1, [old], None), (1, [old], handover(old, new)), (2, [new], None)])
    found = open_checkpoints(only_old, old.verifier())
    assert isinstance(found, Finding) and "#2" in found.problem  # the new key never agreed
    only_new = chain([(1, [old], None), (1, [new], handover(old, new)), (2, [new], None)])
    found = open_checkpoints(only_new, new.verifier())
    assert isinstance(found, Finding) and "#2" in found.problem  # the old key never agreed


def test_two_handovers_chain_and_a_skipped_key_breaks_them() -> None:
    first, second, third = (generate_signer(ORIGIN) for _ in range(3))
    notes = chain(
        [
            (1, [first], None),
            (1, [first, second], handover(first, second)),
            (2, [second], None),
            (2, [second, third], handover(second, third)),
            (4, [third], None),
        ]
    )
    for trusted in (first, second, third):
        assert not isinstance(open_checkpoints(notes, trusted.verifier()), Finding)
    keys = {key.key_id for key in log_keys(notes, first.verifier())}
    assert keys == {s.key_id for s in (first, second, third)}
    skipped = chain(
        [
            (1, [first], None),
            (1, [first, second], handover(first, second)),
            (2, [third, first], handover(third, first)),
        ]
    )
    found = open_checkpoints(skipped, first.verifier())
    assert isinstance(found, Finding) and found.fault is Fault.CHECKPOINT_CHAIN


def test_a_checkpoint_seen_before_the_handover_is_still_recognised() -> None:
    old, new = generate_signer(ORIGIN), generate_signer(ORIGIN)
    notes = chain([(1, [old], None), (1, [old, new], handover(old, new)), (2, [new], None)])
    witnessed = notes[0]  # a witness kept the old key's checkpoint
    handed = log_keys(notes, new.verifier())[1:]
    seen = open_seen([witnessed], new.verifier(), (), handed)
    assert not isinstance(seen, Finding) and seen[0].size == 1
    stranger = generate_signer(ORIGIN)
    assert isinstance(
        open_seen([chain([(1, [stranger], None)])[0]], new.verifier(), (), handed), Finding
    )
