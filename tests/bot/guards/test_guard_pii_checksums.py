"""The check-digit validators decide: a valid number is found without a keyword, a mistyped
one only when it is introduced as that identifier, and never when shown as an example."""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.policy import GuardPolicy


def kinds(text: str, policy: GuardPolicy) -> list[str]:
    return [f.kind for f in find_pii(text, policy.pii)]


def mistyped(number: str) -> str:
    """The number with its last digit changed, so that its check fails."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


# (kind, a valid number as printed, the words that introduce it as that identifier)
VALID = [
    ("iban", "GB82 WEST 1234 5698 7654 32", "my IBAN is"),
    ("payment_card", "4111 1111 1111 1111", "my card number is"),
    ("uk_nino", "AB 12 34 56 C", None),  # no check digit: structure only
    ("fr_nir", "185057800608491", "mon numéro de sécu est"),
    ("ca_sin", "130 692 544", "my SIN is"),
    ("uk_nhs_number", "943 476 5919", "my NHS number is"),
    ("nl_bsn", "1112.22.333", "mijn BSN is"),
    ("ee_isikukood", "37605030299", "isikukood"),
    ("es_dni_nie", "12345678Z", None),  # mistyping the letter makes it a plain number
]


@pytest.mark.parametrize(("kind", "number", "label"), VALID)
def test_a_valid_check_is_enough_without_a_keyword(
    kind: str, number: str, label: str | None, policy: GuardPolicy
) -> None:
    assert kinds(f"can you check {number} for me", policy) == [kind]


@pytest.mark.parametrize(("kind", "number", "label"), [v for v in VALID if v[2] is not None])
def test_a_failed_check_passes_unless_introduced_as_the_identifier(
    kind: str, number: str, label: str, policy: GuardPolicy
) -> None:
    wrong = mistyped(number)
    # (A mistyped NHS number printed 3-3-4 can still be a phone number; not an NHS number.)
    assert kind not in kinds(f"can you check {wrong} for me", policy)
    assert kinds(f"{label} {wrong}", policy) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The sample IBAN GB82 WEST 1234 5698 7654 33 on your page is wrong",
        "Is the example NI number QQ 12 34 56 C real?",
        "product code 130 692 544 on the box",
        "meter serial 943 476 5919",
        "gift card 4111 1111 1111 1112 is not accepted",
    ],
)
def test_examples_and_objects_are_not_the_citizens(text: str, policy: GuardPolicy) -> None:
    assert kinds(text, policy) == []
