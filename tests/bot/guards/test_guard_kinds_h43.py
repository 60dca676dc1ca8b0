"""A complaint declared as one after rhetorical questions reaches a person (issue 12, after the
forty-third held-out set: the questions made the classifier read the whole in scope, and both
messages were refused as not covered). A declaration only: asking how to complain, or someone
else's complaint, is a question the pages answer."""

from __future__ import annotations

import pytest

from bot.guards import InputGuard
from bot.guards.intent import IntentClassifier
from bot.guards.policy import GuardPolicy


@pytest.fixture(scope="module")
def guard(shipped_intents: IntentClassifier) -> InputGuard:
    return InputGuard(GuardPolicy.default(), intents=shipped_intents)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Is it too much to expect the park toilets to be unlocked by nine? Would your "
            "director use them? I want this recorded as a complaint.",
            "en",
        ),
        ("Three weeks and no reply. Please log this as a formal complaint.", "en"),
        (
            "Quelqu'un regarde les photos qu'on envoie ? Faut-il attendre un accident ? Je fais "
            "une réclamation.",
            "fr",
        ),
        ("Ce message vaut réclamation : le marché a encore bloqué notre sortie.", "fr"),
    ],
)
def test_a_declared_complaint_goes_to_a_person(guard: InputGuard, text: str, lang: str) -> None:
    verdict = guard.inspect(text, lang)
    assert verdict.action == "escalate", (verdict.action, verdict.reason)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How do I log a complaint?", "en"),
        ("My neighbour is making a complaint about our hedge, what happens next?", "en"),
        ("Comment porter réclamation ?", "fr"),
    ],
)
def test_asking_how_to_complain_is_no_declaration(guard: InputGuard, text: str, lang: str) -> None:
    verdict = guard.inspect(text, lang)
    assert verdict.reason != "complaint.declared", verdict.reason
