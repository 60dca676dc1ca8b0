"""What the input guard decided about one citizen message, as plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GuardAction = Literal["allow", "block_pii", "refuse", "escalate", "crisis"]


@dataclass(frozen=True)
class PIIFinding:
    """One piece of personal data; offsets index the hidden-character-stripped text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class GuardVerdict:
    """The guard's decision, the reason code for the log and the text to use downstream."""

    action: GuardAction
    reason: str
    reply: str | None
    text: str
    hidden: tuple[str, ...]
    findings: tuple[PIIFinding, ...] = ()
