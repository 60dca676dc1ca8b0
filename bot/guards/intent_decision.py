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
# The threshold on the summed scores of the recall-first classes: a message that is
# probably one of them, though none alone is sure, still goes to a person.
TO_A_PERSON = "to_a_person"
# A lower threshold on the same sum: a sign of distress, acted on when the bot cannot answer.
DISTRESS = "distress"
# When in doubt, a person: a request for a person under its own threshold still goes to one
# when it is the likeliest class of all (in scope included) and its score passes the class's
# `<class>_likeliest` threshold. Crisis is not in it: in cross-validation the same rule sent
# 0.7 point more of crisis messages to a person for 0.5 point of in-scope questions (a
# request for a person: 5.6 points for 0.5), and a crisis the bot cannot answer already goes
# to a person by DISTRESS.
LIKELIEST_TO_A_PERSON = ("human_request",)


def likeliest(intent: str) -> str:
    """The name of `intent`'s threshold as the likeliest class (LIKELIEST_TO_A_PERSON)."""
    return f"{intent}_likeliest"


@dataclass(frozen=True)
class IntentDecision:
    """The class decided for one message, its calibrated score and every class's score."""

    intent: str
    score: float
    scores: Mapping[str, float]
    # The recall-first classes together pass the DISTRESS threshold.
    distress: bool = False
    # The class's own score passed its own threshold; False when a recall-first class was
    # decided by the classes' sum or as the likeliest class of all, i.e. in doubt.
    sure: bool = True


class IntentClassifierLike(Protocol):
    def classify(self, text: str) -> IntentDecision: ...


def decide(
    scores: Mapping[str, float], thresholds: Mapping[str, float], *, may_refuse: bool = True
) -> IntentDecision:
    """Recall-first classes in order, then their sum (the likeliest of them), then a request
    for a person that is the likeliest class of all, then the strongest refusal
    class (unless `may_refuse` is False), else in scope."""
    people = {intent: scores.get(intent, 0.0) for intent in RECALL_FIRST}
    for intent in RECALL_FIRST:
        if people[intent] >= thresholds[intent]:
            return IntentDecision(intent, people[intent], scores)
    if sum(people.values()) >= thresholds.get(TO_A_PERSON, 2.0):
        surest = max(RECALL_FIRST, key=lambda c: people[c])
        return IntentDecision(surest, people[surest], scores, sure=False)
    top = max(scores.values(), default=0.0)
    for intent in LIKELIEST_TO_A_PERSON:
        if people[intent] >= thresholds.get(likeliest(intent), 2.0) and people[intent] >= top:
            return IntentDecision(intent, people[intent], scores, sure=False)
    passing = [c for c in REFUSAL_CLASSES if may_refuse and scores.get(c, 0.0) >= thresholds[c]]
    if passing:
        best = max(passing, key=lambda c: scores[c])
        return IntentDecision(best, scores[best], scores)
    distress = sum(people.values()) >= thresholds.get(DISTRESS, 2.0)
    return IntentDecision(IN_SCOPE, scores.get(IN_SCOPE, 0.0), scores, distress)
