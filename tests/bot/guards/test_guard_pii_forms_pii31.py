"""The kinds test31 missed (read after its one blind run), each in new words (none is a held-out
message or a rewording of one), with look-alikes.

1. Digits written in another script (Arabic-Indic, Persian, Devanagari, Bengali): personal data
   as it would be in ASCII digits; short numbers in those scripts stay what they are.
2. A number that fails its check digit inside a message the writer suspects ("is this really
   from you?", "c'est une arnaque ?"): the scammer's, not a mistyped own one; a number that
   passes its check stays personal data there too.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("My wife's mobile is ٠٧٧٠٠ ٩٠٠٤٥٦, she reads English better than me", "phone"),
        ("Appelez mon frère au ۰۷۷۰۰ ۹۰۰۷۸۱, il parle français", "phone"),
        ("my NHS number is ९४३ ४७६ ५९१९ if you need it", "uk_nhs_number"),
        ("Card ending? no the whole card: ৪১১১ ১১১১ ১১১১ ১১১১", "payment_card"),
    ],
)
def test_digits_in_another_script_are_read_as_digits(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Is room ٣ on the ground floor?",
        "Le bureau ۱۲ est ouvert le samedi ?",
        "The bus ४२ goes to the recycling centre?",
    ],
)
def test_short_numbers_in_another_script_are_no_data(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "A text said 'your NHS number 401 023 2138 needs updating, reply with your card'. Is this"
        " really from you?",
        "Un courrier dit « votre numéro NHS 943 476 5918 est bloqué ». C'est une arnaque ?",
        "Got an email quoting NHS number 485 777 3456 and asking for my bank login, phishing?",
    ],
)
def test_a_failing_number_in_a_suspected_scam_is_no_one_s(text: str, policy: GuardPolicy) -> None:
    assert "uk_nhs_number" not in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "A text quoted my real NHS number 401 023 2137 and asked for my card, is this a scam?",
        "Is this really from you? It has my NHS number 943 476 5919 on it.",
    ],
)
def test_a_passing_number_in_a_suspected_scam_is_still_personal_data(
    text: str, policy: GuardPolicy
) -> None:
    assert "uk_nhs_number" in kinds_found(text, policy)
