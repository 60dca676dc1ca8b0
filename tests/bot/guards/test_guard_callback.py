"""A call back asked for: escalated to a person by a rule, even with the number to ring in it
(then withheld like any personal data), and only when it is asked for."""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy


@pytest.fixture(scope="module")
def guard() -> InputGuard:
    return InputGuard(GuardPolicy.default())


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("can you call me back on 07700 900123 about my council tax", "en"),
        ("please ring me back on 07700 900456, it's about the bulky collection", "en"),
        ("could somebody phone me on 07700 900789 this afternoon", "en"),
        ("I'd like to book a call back, my mobile is 07700 900321", "en"),
        ("get someone to call me about the parking fine, 07700 900654", "en"),
        ("contact me on sam.tester@example.com about my library fines", "en"),
        ("rappelez-moi au 06 39 98 12 34 pour ma carte de stationnement svp", "fr"),
        ("pouvez-vous me rappeler au 06 39 98 45 67 ?", "fr"),
        ("qu'on me rappelle au 06 39 98 77 11, c'est pour la cantine", "fr"),
        ("vous pouvez m'appeler au 06 39 98 22 33 après 18 h", "fr"),
    ],
)
def test_a_call_back_with_personal_data_goes_to_a_person_with_it_withheld(
    guard: InputGuard, text: str, lang: str
) -> None:
    verdict = guard.inspect(text, lang)
    assert (verdict.action, verdict.reason) == ("escalate", "person.callback"), verdict
    assert verdict.findings, "the data is still found"
    assert all(text[f.start : f.end] not in verdict.text for f in verdict.findings)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("can someone call me back about my housing benefit", "en"),
        ("rappelez-moi demain matin pour mon dossier de logement", "fr"),
    ],
)
def test_a_call_back_without_data_goes_to_a_person(guard: InputGuard, text: str, lang: str) -> None:
    assert guard.inspect(text, lang).action == "escalate"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("my number is 07700 900123, when is my bin day", "en"),
        ("don't call me on 07700 900123, just email", "en"),
        ("Can you text me on 07700 900321 when my permit is ready", "en"),
        ("ne me rappelez pas au 06 39 98 12 34, écrivez-moi plutôt", "fr"),
        ("mon numéro est le 06 39 98 55 44, quand passe le camion ?", "fr"),
    ],
)
def test_personal_data_without_a_call_back_asked_is_blocked(
    guard: InputGuard, text: str, lang: str
) -> None:
    assert guard.inspect(text, lang).action == "block_pii"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what number do I call for bulky waste", "en"),
        ("do you call people back when they report a pothole online?", "en"),
        ("quel numéro appeler pour les encombrants ?", "fr"),
    ],
)
def test_questions_about_calling_are_answered(guard: InputGuard, text: str, lang: str) -> None:
    assert guard.inspect(text, lang).action == "allow"
