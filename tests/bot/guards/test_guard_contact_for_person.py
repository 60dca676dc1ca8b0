"""A message sent to a person keeps the phone numbers and e-mail addresses it gave for that
person (`GuardVerdict.contact`); everything else about personal data stays as it was: the
verdict's text has them replaced, and no other decision carries them."""

from __future__ import annotations

import pytest

from bot.guards import GuardPolicy, InputGuard
from bot.guards.intent import IntentClassifier


@pytest.fixture(scope="module")
def guard() -> InputGuard:
    return InputGuard(GuardPolicy.default())


@pytest.mark.parametrize(
    ("lang", "message", "number"),
    [
        ("en", "Could somebody ring me back on 07700 900123 please", "07700 900123"),
        ("en", "I'd like a real person to call me, my mobile is 07700 900456", "07700 900456"),
        ("fr", "Pouvez-vous me rappeler au 06 39 98 12 34 s'il vous plaît", "06 39 98 12 34"),
        (
            "fr",
            "Je voudrais qu'un agent me rappelle, mon numéro est le 01 99 00 45 67",
            "01 99 00 45 67",
        ),
    ],
)
def test_a_call_back_keeps_its_number_for_the_person(
    guard: InputGuard, lang: str, message: str, number: str
) -> None:
    verdict = guard.inspect(message, lang)
    assert verdict.action == "escalate", verdict.reason
    assert verdict.contact == number
    assert number not in verdict.text  # what is logged and shown in the transcript
    assert number not in repr(verdict)  # nor in a log line that prints the verdict


def test_an_email_address_is_kept_too(guard: InputGuard) -> None:
    verdict = guard.inspect(
        "Please can a member of staff email me back at dana.whitlock@fastmail.co.uk", "en"
    )
    assert verdict.action == "escalate", verdict.reason
    assert verdict.contact == "dana.whitlock@fastmail.co.uk"
    assert "dana.whitlock" not in verdict.text


def test_a_crisis_keeps_the_number_given(guard: InputGuard) -> None:
    verdict = guard.inspect(
        "I want to end my life tonight. If anyone cares my number is 07700 900789", "en"
    )
    assert verdict.action == "crisis", verdict.reason
    assert verdict.contact == "07700 900789"
    assert "07700" not in verdict.text


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        # Blocked: personal data in an ordinary question goes to nobody.
        ("en", "my number is 07700 900123, when is the green bin collected on Elm Rise?"),
        ("fr", "Mon numéro : 06 39 98 12 34. Quels sont les horaires de la bibliothèque ?"),
    ],
)
def test_no_other_decision_keeps_a_contact(guard: InputGuard, lang: str, message: str) -> None:
    verdict = guard.inspect(message, lang)
    assert verdict.action == "block_pii", verdict.reason
    assert verdict.contact == ""


def test_only_the_ways_to_reach_someone_are_kept(guard: InputGuard) -> None:
    # A National Insurance number is personal data but no way to call anyone back.
    verdict = guard.inspect(
        "Please can someone call me back about my benefit, NI number QQ 12 34 56 C, "
        "phone 07700 900321",
        "en",
    )
    assert verdict.action == "escalate", verdict.reason
    assert verdict.contact == "07700 900321"


def test_a_request_for_a_person_without_contact_keeps_nothing(guard: InputGuard) -> None:
    verdict = guard.inspect("can I speak to someone real please", "en")
    assert verdict.action == "escalate"
    assert verdict.contact == ""


@pytest.mark.parametrize(
    "message",
    [
        "Someone is trying to break in right now, I'm at 14 Elm Rise, EX4 7QT, please help",
        "my partner is hitting me, I am at 14 Elm Rise EX4 7QT send help",
    ],
)
def test_where_a_person_in_danger_is_goes_to_the_caseworker(
    message: str, shipped_intents: IntentClassifier
) -> None:
    # The rules do not know these words: the intent classifier finds the crisis.
    classified = InputGuard(GuardPolicy.default(), intents=shipped_intents)
    verdict = classified.inspect(message, "en")
    assert verdict.action == "crisis", verdict.reason
    assert "14 Elm Rise" in verdict.contact and "EX4 7QT" in verdict.contact
    assert "Elm Rise" not in verdict.text and "7QT" not in verdict.text


@pytest.mark.parametrize(
    ("lang", "message", "contact"),
    [
        (
            "en",
            "Please can a member of staff email me back at dana.whitlock@fastmail.co.uk",
            "dana.whitlock@fastmail.co.uk",
        ),
        ("en", "can someone reply to me by email, r.okafor@outlook.com", "r.okafor@outlook.com"),
        (
            "en",
            "could an officer write to me please: 3 Fenwick Close, EX2 9LP",
            "3 Fenwick Close, EX2 9LP",
        ),
        (
            "fr",
            "Quelqu'un peut-il me répondre par mail à jeanne.roux@laposte.net ?",
            "jeanne.roux@laposte.net",
        ),
        ("fr", "Merci de me répondre par mail, c.dupont@orange.fr", "c.dupont@orange.fr"),
        ("fr", "Répondez-moi par courriel : lucie.martin@free.fr", "lucie.martin@free.fr"),
    ],
)
def test_asking_to_be_written_back_goes_to_a_person_with_the_address(
    guard: InputGuard, lang: str, message: str, contact: str
) -> None:
    verdict = guard.inspect(message, lang)
    assert (verdict.action, verdict.reason) == ("escalate", "person.callback")
    assert verdict.contact == contact


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "how long does it usually take for you to email me back?"),
        ("en", "Can you email me the form for a parking permit?"),
        ("en", "Can I email the planning team at planning@exampleton.gov.uk?"),
        ("en", "please don't text me on my old number any more, it has changed"),
        # A notice asked for is not a person asked for (as in test_guard_hol9_kinds.py).
        ("en", "text me on 07700 900123 when the permit is sorted pls"),
        ("en", "Can you email me at dana.w@fastmail.co.uk when the library book is back?"),
        ("fr", "Sous combien de temps allez-vous me répondre par mail ?"),
        ("fr", "Est-ce que je peux écrire au service urbanisme ?"),
    ],
)
def test_questions_about_writing_back_are_not_requests(
    guard: InputGuard, lang: str, message: str
) -> None:
    verdict = guard.inspect(message, lang)
    assert verdict.reason != "person.callback", message
