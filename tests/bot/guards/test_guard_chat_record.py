"""Questions about the conversation's own record (is it kept, for how long, who reads it, is it
shared or used to train the system) are in scope, whatever the classifier calls them; a crisis,
a complaint or a request told beside such a question still goes to a person. Issue 12, after the
spent held-out sets: 5 of their 88 in-scope messages not let through were such questions, called
a crisis, a complaint or a request for a person by the classifier.

All messages here are new (none is a held-out message or a rewording of one), EN and FR.
The policy's rule is `in_scope.chat_record` (`read_without`): the words its patterns match are
taken out, then greetings, closings and the words such a question is framed in; any other word
left and the classifier's call stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pytest

from bot.guards import GuardPolicy, InputGuard
from bot.guards.intent import IntentClassifier
from bot.guards.intent_decision import IntentDecision
from bot.guards.policy import PolicyError


@dataclass(frozen=True)
class _Says:
    """A classifier that decides one class for every message, as sure as can be."""

    intent: str

    def classify(self, text: str) -> IntentDecision:
        return IntentDecision(self.intent, 0.95, {self.intent: 0.95}, sure=True)


@pytest.fixture(scope="module")
def shipped(policy: GuardPolicy, shipped_intents: IntentClassifier) -> InputGuard:
    return InputGuard(policy, intents=shipped_intents, pii_tagger="none")


THE_RECORD = [
    ("How long will you store the messages I send in this chat?", "en"),
    ("does the council keep anything I type here?", "en"),
    ("Will this conversation be recorded?", "en"),
    ("Quick question, is what I write here going to be saved?", "en"),
    (
        "Hello. Could you tell me whether my messages are used to train the system? Many thanks.",
        "en",
    ),
    ("what happens to my messages after I log off?", "en"),
    ("Combien de temps conservez-vous nos échanges ?", "fr"),
    ("Bonsoir, est-ce que ce que je tape ici est enregistré ?", "fr"),
    ("Vous archivez la conversation ? Merci d'avance.", "fr"),
    ("mes messages sont transmis à qui ?? genre ils sont partagés ?", "fr"),
    ("Madame, Monsieur, mes données seront-elles conservées ? Bien cordialement.", "fr"),
    ("tu gardes tout ce que je t'écris ou pas ?", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), THE_RECORD)
@pytest.mark.parametrize(
    "intent", ["crisis", "complaint", "human_request", "out_of_scope", "injection"]
)
def test_a_question_about_the_record_alone_is_let_through(
    policy: GuardPolicy, intent: str, text: str, lang: str
) -> None:
    verdict = InputGuard(policy, intents=_Says(intent), pii_tagger="none").inspect(text, lang)
    # (The older rule on questions about the assistant may name it first, where it overrules.)
    assert verdict.action == "allow", (text, verdict.reason)
    assert verdict.reason in ("in_scope.chat_record", "in_scope.about_assistant"), text
    # The classifier's call on the whole is kept as a sign of distress: a person takes it if
    # the pages cannot answer.
    assert verdict.distress == (intent in ("crisis", "complaint", "human_request"))


@pytest.mark.parametrize(("text", "lang"), THE_RECORD)
def test_the_shipped_classifier_and_the_rule_let_them_through(
    shipped: InputGuard, text: str, lang: str
) -> None:
    assert shipped.inspect(text, lang).action == "allow", text


# Written like the questions above, with a crisis, a complaint or a request beside the question,
# in another sentence or the same one.
BESIDE_THE_QUESTION = [
    ("Is this chat saved anywhere? I've stopped eating and I don't want to be here anymore.", "en"),
    (
        "Will this conversation be recorded, because he checks my phone and he hurt me last night",
        "en",
    ),
    (
        "Does the council keep what I type here? Nobody sorted my bins in six weeks, I'm furious.",
        "en",
    ),
    ("how long do you store these chats, i'd rather talk to a real person about my rent", "en"),
    ("Combien de temps gardez-vous ce que j'écris ? Ce soir j'ai décidé d'en finir.", "fr"),
    ("Est-ce que la conversation est enregistrée ? Mon conjoint me frappe, j'ai peur.", "fr"),
    (
        "Vous archivez nos échanges ? Je veux déposer une réclamation contre l'agent du guichet.",
        "fr",
    ),
    ("mes messages sont partagés ? je préfère parler à quelqu'un de la mairie", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), BESIDE_THE_QUESTION)
@pytest.mark.parametrize("intent", ["crisis", "complaint", "human_request"])
def test_what_is_told_beside_the_question_keeps_the_classifiers_call(
    policy: GuardPolicy, intent: str, text: str, lang: str
) -> None:
    verdict = InputGuard(policy, intents=_Says(intent), pii_tagger="none").inspect(text, lang)
    assert verdict.action in ("crisis", "escalate"), (text, verdict.reason)


@pytest.mark.parametrize(("text", "lang"), BESIDE_THE_QUESTION)
def test_the_shipped_classifier_still_sends_them_to_a_person(
    shipped: InputGuard, text: str, lang: str
) -> None:
    verdict = shipped.inspect(text, lang)
    assert verdict.action in ("crisis", "escalate"), (text, verdict.reason)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Another record than the chat's, or a request for it.
        ("Who keeps my child's school records and for how long?", "en"),
        ("How long do you keep CCTV footage from the car park?", "en"),
        ("Combien de temps la mairie conserve-t-elle les images des caméras ?", "fr"),
        # The question and something else of substance in the same sentence.
        ("How long do you keep what I write, since I will not be alive by next week anyway", "en"),
    ],
)
def test_other_records_and_longer_messages_are_not_this_question(
    policy: GuardPolicy, text: str, lang: str
) -> None:
    verdict = InputGuard(policy, intents=_Says("crisis"), pii_tagger="none").inspect(text, lang)
    assert verdict.reason != "in_scope.chat_record", text


def test_only_an_in_scope_rule_can_be_read_without() -> None:
    resource = resources.files("bot").joinpath("policies", "default.yaml")
    text = resource.read_text(encoding="utf-8")
    broken = text.replace(
        "      - reason: crisis.destitution\n",
        "      - reason: crisis.destitution\n        read_without: true\n",
        1,
    )
    assert broken != text
    with pytest.raises(PolicyError, match="read_without"):
        GuardPolicy.from_text(broken, source="default.yaml")


# The crisis rule on nowhere to sleep tonight is not a question about who a service is for.
@pytest.mark.parametrize(
    "text",
    [
        "Is the night shelter only for people with nowhere to sleep tonight, or can I book ahead?",
        "Can families with nowhere to stay tonight use the emergency number, or is it adults only?",
    ],
)
def test_who_a_service_is_for_is_no_crisis_rule(policy: GuardPolicy, text: str) -> None:
    assert InputGuard(policy, pii_tagger="none").inspect(text, "en").action != "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "I have nowhere to sleep tonight and it's raining",
        "me and my kids have nowhere to go tonight",
        "People with nowhere to sleep tonight, that's us now, the landlord locked us out",
    ],
)
def test_nowhere_to_sleep_tonight_said_of_oneself_is_still_a_crisis(
    shipped: InputGuard, text: str
) -> None:
    assert shipped.inspect(text, "en").action == "crisis", text
