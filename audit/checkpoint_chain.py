"""Checkpoints chained to their predecessors, and a list of them opened for verification.

Each checkpoint the log signs carries one extension line (c2sp.org/tlog-checkpoint allows
extension lines after the root): `previous <size> <base64 SHA-256 of the previous
checkpoint's note text>`. Why: every checkpoint's root is checked against the entries,
but without the link a checkpoint deleted from the middle (or the start) of the list
would leave nothing to notice. The first checkpoint has no such line; so do checkpoints
of logs from before the chain, which are accepted only before the first linked one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from audit.checkpoint import Checkpoint, CheckpointError, open_checkpoint
from audit.faults import Fault, Finding
from audit.key_change import signing_keys
from audit.note import Verifier

PREVIOUS = "previous"


def note_text(signed: str) -> str:
    """The text of a signed note (what its signatures cover): everything before the blank line."""
    return signed.split("\n\n", 1)[0] + "\n"


def previous_line(previous_text: str, previous_size: int) -> str:
    """The extension line that links a new checkpoint to the one before it."""
    digest = base64.b64encode(hashlib.sha256(previous_text.encode()).digest()).decode()
    return f"{PREVIOUS} {previous_size} {digest}"


def link_of(checkpoint: Checkpoint) -> tuple[int, bytes] | None:
    """(size, text hash) of the previous checkpoint this one names; None if it names none."""
    lines = [line for line in checkpoint.extensions if line.startswith(PREVIOUS + " ")]
    if not lines:
        return None
    parts = lines[0].split(" ")
    if len(lines) > 1 or len(parts) != 3 or not parts[1].isdigit():
        raise CheckpointError("the previous-checkpoint line is malformed")
    try:
        digest = base64.b64decode(parts[2], validate=True)
    except (binascii.Error, ValueError) as error:
        raise CheckpointError("the previous-checkpoint hash is not base64") from error
    if len(digest) != hashlib.sha256().digest_size:
        raise CheckpointError("the previous-checkpoint hash is not 32 bytes")
    return int(parts[1]), digest


@dataclass(frozen=True)
class OpenedCheckpoint:
    """A stored checkpoint whose signature checked: its claim, its text, its place in the list."""

    checkpoint: Checkpoint
    text: str
    position: int

    @property
    def label(self) -> str:
        return f"checkpoint #{self.position + 1} (size {self.checkpoint.size})"


def open_checkpoints(
    notes: Sequence[str], log_key: Verifier, witnesses: Sequence[Verifier] = ()
) -> list[OpenedCheckpoint] | Finding:
    """Open every checkpoint with the trusted key and check the list is one unbroken chain.

    Across a handover of the log's key (audit/key_change.py) each checkpoint is opened with
    the key of its stretch, and the handover with both keys; the trusted key vouches for them.
    """
    opened: list[OpenedCheckpoint] = []
    largest = 0
    roots: dict[int, bytes] = {}
    needed = signing_keys(notes, log_key)
    if isinstance(needed, Finding):
        return needed
    for position, note in enumerate(notes):
        try:
            signed = open_checkpoint(note, needed[position][0], witnesses)
            for also in needed[position][1:]:  # a handover: the key it hands to signed too
                open_checkpoint(note, also, witnesses)
        except CheckpointError as error:
            return Finding(
                Fault.CHECKPOINT_INVALID, f"checkpoint #{position + 1} is not valid: {error}"
            )
        checkpoint = signed.checkpoint
        if checkpoint.size < largest:
            return Finding(
                Fault.CHECKPOINT_ORDER,
                f"checkpoint #{position + 1} has size {checkpoint.size}, smaller than the "
                f"earlier size {largest}: the log went backwards",
            )
        if roots.setdefault(checkpoint.size, checkpoint.root) != checkpoint.root:
            return Finding(
                Fault.CHECKPOINT_ORDER,
                f"two checkpoints of size {checkpoint.size} sign different roots",
            )
        largest = checkpoint.size
        opened.append(OpenedCheckpoint(checkpoint, signed.note.text, position))
    broken = _broken_link(opened)
    return opened if broken is None else broken


def _broken_link(opened: Sequence[OpenedCheckpoint]) -> Finding | None:
    before: OpenedCheckpoint | None = None
    before_linked = False
    for current in opened:
        try:
            link = link_of(current.checkpoint)
        except CheckpointError as error:
            return Finding(Fault.CHECKPOINT_INVALID, f"{current.label} is not valid: {error}")
        if link is None:
            if before_linked:
                return Finding(
                    Fault.CHECKPOINT_CHAIN,
                    f"{current.label} names no previous checkpoint, though the one before it "
                    "does: it was not issued in this order",
                )
        elif before is None:
            return Finding(
                Fault.CHECKPOINT_CHAIN,
                f"{current.label} follows a checkpoint of size {link[0]} that the log no "
                "longer holds: earlier checkpoints were deleted",
            )
        else:
            expected = (before.checkpoint.size, hashlib.sha256(before.text.encode()).digest())
            if link != expected:
                return Finding(
                    Fault.CHECKPOINT_CHAIN,
                    f"{current.label} follows a checkpoint of size {link[0]}, but the one "
                    f"before it in the log is {before.label}: a checkpoint between them was "
                    "deleted or replaced",
                )
        before, before_linked = current, link is not None
    return None


def open_seen(
    notes: Sequence[str],
    log_key: Verifier,
    witnesses: Sequence[Verifier] = (),
    handed_over: Sequence[Verifier] = (),
) -> list[Checkpoint] | Finding:
    """Open checkpoints seen earlier (`--since`): each must carry the trusted log's signature,
    or that of a key the trusted one handed over to or from (`handed_over`, from `log_keys`)."""
    seen: list[Checkpoint] = []
    for number, note in enumerate(notes, 1):
        try:
            seen.append(_open_with_any(note, [log_key, *handed_over], witnesses))
        except CheckpointError as error:
            return Finding(
                Fault.SINCE_INVALID,
                f"the checkpoint seen earlier (#{number}) is not signed by the trusted log key: "
                f"{error}",
            )
    return seen


def _open_with_any(
    note: str, keys: Sequence[Verifier], witnesses: Sequence[Verifier]
) -> Checkpoint:
    for key in keys[1:]:
        try:
            return open_checkpoint(note, key, witnesses).checkpoint
        except CheckpointError:
            continue
    return open_checkpoint(note, keys[0], witnesses).checkpoint  # its error names the trusted key
