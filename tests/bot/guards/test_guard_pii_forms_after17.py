"""Forms of look-alikes from the misses of the spent set test17 (read as forms, never as
messages: every message here is written for this file).

- a card or NHS number that fails its own check digit, in a message saying a form or payment
  page turned it down as not valid: a mistyped or test number the writer asks about, not an
  identifier of theirs.

The same numbers with a valid check digit, or a failing one given without any word of
rejection, stay personal data.
"""

from __future__ import annotations

import pytest

from bot.guards import checksums
from bot.guards.pii import find_pii
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


@pytest.mark.parametrize(
    "text",
    [
        "The blue badge form says my entry is invalid: I typed 512 736 4490 in the NHS box.",
        "Le site de la mairie refuse 6203 5518 7742 0915 comme carte, il dit non valide.",
        "Paying the garden waste fee, 5105 2233 4471 9905 got declined as not valid. Down?",
        "Formulaire : numéro NHS 731 204 5589 rejeté, pas valide. Le champ est-il cassé ?",
    ],
)
def test_a_failing_number_turned_down_as_invalid_is_a_look_alike(
    text: str, policy: GuardPolicy
) -> None:
    kinds = {kind for kind, _ in found(text, policy)}
    assert not kinds & {"payment_card", "uk_nhs_number"}


def test_the_numbers_above_do_fail_their_check_digit() -> None:
    assert not checksums.uk_nhs_number_valid("5127364490")
    assert not checksums.uk_nhs_number_valid("7312045589")
    assert not checksums.payment_card_valid("6203551877420915")
    assert not checksums.payment_card_valid("5105223344719905")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A valid card turned down by the bank is still the writer's card.
        ("My card 4539 1488 0343 6467 was declined on the parking page, why?", "payment_card"),
        # A failing number named as the writer's, with no word of rejection, stays theirs.
        ("my NHS number is 512 736 4490, can I register at the surgery?", "uk_nhs_number"),
    ],
)
def test_a_valid_or_unrejected_number_stays_personal(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in {k for k, _ in found(text, policy)}
    assert find_pii(text, policy.pii)


# --- a number named as an NHS number is judged as one, not as a phone number ---------------


def test_a_rejected_nhs_number_in_its_box_is_not_taken_for_a_phone(policy: GuardPolicy) -> None:
    text = "The GP form says 'invalid' each time I put 512 736 4490 in the NHS number field."
    assert found(text, policy) == []


def test_the_same_digits_given_to_be_rung_are_a_phone(policy: GuardPolicy) -> None:
    assert ("phone", "512 736 4490") in found("ring me back on 512 736 4490 please", policy)


# --- a town hall named in French ("hôtel de ville") is a public place ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "L'hôtel de ville, c'est toujours au 3 Guildhall Street ? Je viens pour une carte.",
        "Est-ce que l'Hotel de Ville est bien au 22 Castle Road pour les mariages ?",
    ],
)
def test_the_town_hall_address_in_french_is_not_personal(text: str, policy: GuardPolicy) -> None:
    assert "address" not in {kind for kind, _ in found(text, policy)}


def test_a_home_address_beside_the_town_hall_stays_personal(policy: GuardPolicy) -> None:
    text = "J'habite au 22 Castle Road, derrière l'hôtel de ville, et le bac n'est pas passé."
    assert "address" in {kind for kind, _ in found(text, policy)}
