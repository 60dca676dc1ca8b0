"""What verification can find wrong, by name: the vocabulary of `VerifyReport.fault`.

Each fault names what is wrong, so a tamper test (and an oversight body) can tell a
changed entry from a corrupted stored node, a deleted checkpoint or a rolled-back log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Fault(StrEnum):
    # The entries themselves.
    ENTRY_MISSING = "entry-missing"
    ENTRY_CHANGED = "entry-changed"
    ENTRY_INVALID = "entry-invalid"
    TIMESTAMP_BACKWARDS = "timestamp-backwards"
    CONVERSATION_COLUMN = "conversation-column"
    # Signed checkpoints.
    CHECKPOINT_INVALID = "checkpoint-invalid"
    CHECKPOINT_ORDER = "checkpoint-order"
    CHECKPOINT_CHAIN = "checkpoint-chain"
    CHECKPOINT_ROOT = "checkpoint-root"
    UNSIGNED = "unsigned"
    # What the operator stores beside the entries (hints, never trusted).
    STORED_NODE = "stored-node"
    STORED_RANGE = "stored-range"
    STATE_SIZE = "state-size"
    # A checkpoint seen earlier (`--since`): the log must extend it.
    SINCE_INVALID = "since-invalid"
    ROLLBACK = "rollback"
    FORK = "fork"


@dataclass(frozen=True)
class Finding:
    """One fault: what, why in a sentence, and the first bad entry index when there is one."""

    fault: Fault
    problem: str
    index: int | None = None
