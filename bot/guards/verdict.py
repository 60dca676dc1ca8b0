"""What the input guard decided about one citizen message, as plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

GuardAction = Literal["allow", "block_pii", "refuse", "escalate", "crisis"]
# Which layer of the input guard decided: hidden-character and disguise checks
# ("normalisation"), patterns ("rules"), personal-data detection ("pii"), the learned
# intent classifier ("classifier"), a model check ("model"); "none" when nothing objected.
GuardLayer = Literal["normalisation", "rules", "pii", "classifier", "model", "none"]


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
    # Told to the citizen beside the reply when personal data was removed (redact), else None.
    notice: str | None = None
    layer: GuardLayer = "rules"
    # Allowed, but the intent classifier saw a sign of distress (a crisis, a wish for a
    # person, a grievance) below its thresholds: if the pages cannot answer, a person should.
    distress: bool = False
    # On a message sent to a person only: the phone numbers, e-mail and postal addresses and
    # names it gave, as written ("; " between them), for the caseworker who takes it to call or
    # write back. Never for a model, the log or the transcript (they keep `text`, data replaced).
    contact: str = field(default="", repr=False)
