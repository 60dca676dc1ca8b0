"""A log's signing key handed over to a new key: one checkpoint, signed by both, that names both.

The handover checkpoint carries one extension line (c2sp.org/tlog-checkpoint allows extension
lines after the root; a note may carry several signatures):
`key-change <old verifier key> <new verifier key>`, both keys named by the log's origin. It is
signed by the old key and by the new one; the checkpoints before it are signed by the old key,
those after it by the new key.

A verifier still trusts one key, given by the caller, never taken from the data: a change line
is believed only because the key the verifier already trusts signed it. Holding the old key,
the verifier follows the handover forward (the old key vouches for the new one); holding the
new key, it follows it backward (the new key vouches for the old one it replaced). Several
handovers chain, each from the key the one before handed to. A change line that the trusted
side did not sign makes that checkpoint fail its signature check, as any forged line does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from audit.checkpoint import CheckpointError, parse_checkpoint
from audit.faults import Fault, Finding
from audit.note import Ed25519Verifier, NoteError, Verifier, parse_verifier_key, split_note

KEY_CHANGE = "key-change"


def key_change_line(old: Ed25519Verifier, new: Ed25519Verifier) -> str:
    """The extension line of a handover checkpoint."""
    return f"{KEY_CHANGE} {old.to_string()} {new.to_string()}"


@dataclass(frozen=True)
class KeyChange:
    """A handover found in the list of checkpoints: where, and from which key to which."""

    position: int
    old: Ed25519Verifier
    new: Ed25519Verifier


def key_changes(notes: Sequence[str]) -> list[KeyChange] | Finding:
    """The handovers the checkpoints claim, in order (claims only: nothing is verified here)."""
    changes: list[KeyChange] = []
    for position, note in enumerate(notes):
        try:
            checkpoint = parse_checkpoint(split_note(note.encode())[0])
        except (CheckpointError, NoteError):
            continue  # opening it with the trusted key reports what is wrong
        lines = [line for line in checkpoint.extensions if line.startswith(KEY_CHANGE + " ")]
        if not lines:
            continue
        label = f"checkpoint #{position + 1} (size {checkpoint.size})"
        parts = lines[0].split(" ")
        if len(lines) > 1 or len(parts) != 3:
            return Finding(Fault.CHECKPOINT_INVALID, f"{label} has a malformed key-change line")
        try:
            old, new = parse_verifier_key(parts[1]), parse_verifier_key(parts[2])
        except NoteError as error:
            return Finding(Fault.CHECKPOINT_INVALID, f"{label} names an unusable key: {error}")
        if old.name != checkpoint.origin or new.name != checkpoint.origin or old == new:
            return Finding(
                Fault.CHECKPOINT_INVALID,
                f"{label} hands the log's key over to a key not named by the log's origin, "
                "or to the same key",
            )
        changes.append(KeyChange(position, old, new))
    return changes


def _same(a: Verifier, b: Verifier) -> bool:
    return (a.name, a.key_id) == (b.name, b.key_id)


def signing_keys(notes: Sequence[str], trusted: Verifier) -> list[tuple[Verifier, ...]] | Finding:
    """For each checkpoint, the keys that must each have signed it.

    Without handovers every checkpoint needs `trusted`. With them, each stretch between two
    handovers needs its own key, and a handover needs both the key it leaves and the key it
    hands to; the stretch of the trusted key uses the caller's own `trusted` object. When the
    trusted key is none of the handed-over keys, every checkpoint needs `trusted` (and fails).
    """
    changes = key_changes(notes)
    if isinstance(changes, Finding):
        return changes
    if not changes:
        return [(trusted,)] * len(notes)
    for before, after in pairwise(changes):
        if not _same(before.new, after.old):
            return Finding(
                Fault.CHECKPOINT_CHAIN,
                f"checkpoint #{after.position + 1} hands over from a key that the handover at "
                f"checkpoint #{before.position + 1} did not hand to",
            )
    eras: list[Verifier] = [changes[0].old, *(change.new for change in changes)]
    matching = [n for n, key in enumerate(eras) if _same(key, trusted)]
    if not matching:
        return [(trusted,)] * len(notes)
    eras[matching[0]] = trusted
    needed: list[tuple[Verifier, ...]] = []
    era = 0
    for position in range(len(notes)):
        while era < len(changes) and changes[era].position < position:
            era += 1
        if era < len(changes) and changes[era].position == position:
            needed.append((eras[era], eras[era + 1]))
        else:
            needed.append((eras[era],))
    return needed


def log_keys(notes: Sequence[str], trusted: Verifier) -> list[Verifier]:
    """Every key the log signed with that `trusted` vouches for, through its handovers."""
    needed = signing_keys(notes, trusted)
    if isinstance(needed, Finding):
        return [trusted]
    found: list[Verifier] = [trusted]
    for keys in needed:
        found.extend(key for key in keys if all(not _same(key, k) for k in found))
    return found
