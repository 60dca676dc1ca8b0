"""Identifiers named a sentence away, or in the shape their document prints them, are found;
the same shapes with no such word, or named as an object's, are not."""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "Mon numéro de sécu suffit-il ? C'est le 1 97 11 35 238 412, clé 68.",
            "fr_nir",
            "1 97 11 35 238 412, clé 68",
        ),
        ("Numéro de sécurité sociale : 2 85 03 75 112 043", "fr_nir", "2 85 03 75 112 043"),
        (
            "do i need my nhs number to join the gym at 16?? its 9998035473 if u need it",
            "uk_nhs_number",
            "9998035473",
        ),
        (
            "Faut-il mon passeport ? Il porte le numéro 18CV40271, délivré à Lyon.",
            "document_number",
            "18CV40271",
        ),
        (
            "Got a PCN outside the Town Hall. PCN number EX27419306, can I appeal?",
            "account_number",
            "EX27419306",
        ),
        (
            "My library card number is 21400031887654 and the app says it's blocked",
            "account_number",
            "21400031887654",
        ),
        ("j'ai reçu une amende n° 70417332915 pour stationnement", "account_number", "70417332915"),
        (
            "mon domicile principal reste en France, code postal 23160, dans la Creuse",
            "postcode",
            "23160",
        ),
    ],
)
def test_named_in_the_message_is_found(
    policy: GuardPolicy, text: str, kind: str, value: str
) -> None:
    assert (kind, value) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Le code-barres 4 006 381 333 931 est sur la boîte",
        "Bus 12AB34567 is the new route code",
        "Where do I pay a fine of 100 pounds?",
        "Is case APP-2026-004512 the one about the new school?",
        "the library card costs nothing and the card number is on the back",
        "Quel est le code postal 69003 ou 69007 pour la préfecture ?",
        "Is the NHS 111 line free? My son's form says 07700 900123 is the school's",
        "the sample NHS number 943 476 5919 on your leaflet, is it real?",
    ],
)
def test_the_same_shapes_without_the_word_are_not(policy: GuardPolicy, text: str) -> None:
    kinds = {kind for kind, _ in found(text, policy)}
    assert kinds <= {"phone"}, (text, kinds)
