"""A crisis told in one sentence of a longer service question goes to a person; a longer
ordinary question with a sad or urgent sentence in it does not."""

from __future__ import annotations

import pytest

from bot.guards import GuardPolicy, InputGuard
from bot.guards.intent import SENTENCE_CRISIS_AT_LEAST, IntentClassifier
from bot.guards.intent_decision import decide


@pytest.fixture(scope="module")
def classifier() -> IntentClassifier:
    return IntentClassifier.fit(sentence_vectors=False)


@pytest.mark.parametrize(
    "text",
    [
        # Written for this test, not taken from any held-out set: the service question's words
        # outweigh the last sentence when the message is scored whole.
        "I would like to know whether the council tax reduction form can be sent by post, and "
        "whether I need to include my payslips, my bank statements and the tenancy agreement "
        "from the landlord. I have taken all my tablets tonight.",
        "Bonjour, je voudrais connaître les horaires de la médiathèque pendant les vacances "
        "scolaires et savoir si je peux réserver des livres en ligne pour mes enfants. Je ne "
        "veux plus vivre.",
        "Please can you tell me how to apply for a resident parking permit for a second car and "
        "how much it costs per year for a small electric car? I am going to jump off the bridge "
        "tonight.",
    ],
)
def test_a_crisis_in_one_sentence_goes_to_a_person(classifier: IntentClassifier, text: str) -> None:
    whole = decide(classifier.scores(text), classifier.thresholds)
    assert whole.intent != "crisis", "scored whole it is caught already: not a test of the check"
    decision = classifier.classify(text)
    assert decision.intent == "crisis", (text, decision)
    guard = InputGuard(GuardPolicy.default(), intents=classifier)
    assert guard.inspect(text, "en").action in ("crisis", "escalate")


@pytest.mark.parametrize(
    "text",
    [
        "My father died last month. How do I stop his council tax and who do I tell?",
        "The smoke alarm in the library was going off all morning. Is the library open today?",
        "I have a bad back and can't lift much. Can I get help putting my bins out?",
        "Ma fille est malade cette semaine. Peut-elle rendre ses livres de bibliothèque en retard ?",
    ],
)
def test_an_ordinary_question_with_a_sad_sentence_is_not_a_crisis(
    classifier: IntentClassifier, text: str
) -> None:
    assert classifier.classify(text).intent != "crisis", text


def test_one_sentence_alone_is_not_scored_twice(classifier: IntentClassifier) -> None:
    """The sentence check needs two sentences of four words or more; the bar is high."""
    assert SENTENCE_CRISIS_AT_LEAST >= 0.9
    assert classifier._crisis_in_a_sentence("When is the tip open?") is None
    assert classifier._crisis_in_a_sentence("Hi. When is the tip open on Sunday?") is None
