"""What the learned intent layer decided about a message, and the port the guard calls it by.

Kept apart from `bot.guards.intent` so that the guard (and its tests with a fake) never
imports scikit-learn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

# Checked first, in this order: a message that may be any of these goes to a person.
RECALL_FIRST = ("crisis", "human_request", "complaint")
# Refused when their score passes the threshold and no recall-first class did.
REFUSAL_CLASSES = ("injection", "abuse_of_service", "out_of_scope")
IN_SCOPE = "in_scope"


@dataclass(frozen=True)
class IntentDecision:
    """The class decided for one message, its calibrated score and every class's score."""

    intent: str
    score: float
    scores: Mapping[str, float]


class IntentClassifierLike(Protocol):
    def classify(self, text: str) -> IntentDecision: ...


def decide(scores: Mapping[str, float], thresholds: Mapping[str, float]) -> IntentDecision:
    """Recall-first classes in order, then the strongest refusal class, else in scope."""
    for intent in RECALL_FIRST:
        if scores.get(intent, 0.0) >= thresholds[intent]:
            return IntentDecision(intent, scores[intent], scores)
    passing = [c for c in REFUSAL_CLASSES if scores.get(c, 0.0) >= thresholds[c]]
    if passing:
        best = max(passing, key=lambda c: scores[c])
        return IntentDecision(best, scores[best], scores)
    return IntentDecision(IN_SCOPE, scores.get(IN_SCOPE, 0.0), scores)
