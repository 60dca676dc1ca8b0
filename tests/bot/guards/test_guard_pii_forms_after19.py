"""Forms from the misses of the spent set test19 (read as forms, never as messages: every
message here is written for this file), both ways: what must be found, and look-alikes that
must pass.

1. A house number spelt out before its street ("number thirty-one Larkspur Close").
2. A UK postcode typed one character at a time ("s w 1 9  4 q t").
3. A card the writer calls their own, then its number ("my leisure card 5521 0934 8817").
4. A number an object carries, printed on it ("... 812 330 4478 printed on the lid").
5. An office qualified by its adjective before a name ("la conseillère départementale ...").
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.policy import GuardPolicy


def _kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {f.kind for f in find_pii(text, policy.pii, shipped_span_tagger())}


_ADDRESS = {"address", "name_dob_address"}


# --- 1. a house number spelt out before its street -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The bin crew skipped number thirty-one Larkspur Close again, the rest got emptied.",
        "Your notice went to forty two Quarry Road, it should say forty four, please fix it",
        "Le courrier est arrivé au dix-sept rue des Vanniers, on habite au dix-neuf.",
    ],
)
def test_a_spelt_house_number_and_its_street_is_an_address(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & _ADDRESS


@pytest.mark.parametrize(
    "text",
    [
        "Is number nine Market Square the council's one-stop shop?",
        "Which buses stop at Larkspur Close after six?",
        "Three Tuns Lane is shut for resurfacing until Friday, is there a diversion?",
        "Two Oak Road residents asked about the hedge, who answers that?",
    ],
)
def test_a_spelt_number_in_a_question_or_a_name_is_no_home(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & _ADDRESS


# --- 2. a postcode typed one character at a time --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nobody came for the recycling and we're at s w 1 9  4 q t, third week running",
        "send the new bin to l s 6 2 b n please, the old one cracked",
    ],
)
def test_a_spaced_out_postcode_given_as_home_is_personal(text: str, policy: GuardPolicy) -> None:
    assert "postcode" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Which council covers s w 1 9 by the way?",
        "Is a b 1 2 c d e f the code on the leaflet or a typo?",
        "my kid typed a b c 1 2 3 in the search box and nothing came up",
    ],
)
def test_spaced_letters_that_make_no_home_postcode_pass(text: str, policy: GuardPolicy) -> None:
    assert "postcode" not in _kinds(text, policy)


# --- 3. a card called one's own, then its number ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My leisure card 5521 0934 8817 stopped opening the gym turnstile on Monday.",
        "Ma carte de médiathèque 6620 1185 4493 ne marche plus à l'automate de prêt.",
        "ma carte de lecteur 30418827 a expiré, je la renouvelle où ?",
    ],
)
def test_a_card_called_ones_own_then_its_number_is_personal(text: str, policy: GuardPolicy) -> None:
    assert "account_number" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Leisure card 5521 0934 8817 on the poster, is that the sample one?",
        "My leisure card costs £12 for 2026, is 3 months possible?",
        "Ma carte de lecteur expire le 12 03 2027, je la renouvelle comment ?",
    ],
)
def test_a_card_without_its_number_or_not_called_own_passes(text: str, policy: GuardPolicy) -> None:
    assert "account_number" not in _kinds(text, policy)


# --- 4. a number an object carries, printed on it ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The garden waste sticker has 812 330 4478 printed on the lid, what is it for?",
        "My new blue bin came with 655 208 3374 stamped on the lid. Should I register it somewhere?",
        "The bulky waste flyer has 731 584 2290 printed under its barcode, what is that for?",
        "Le dépliant porte 614 220 7391 imprimé sous le code-barres, ça sert à quoi ?",
    ],
)
def test_a_number_printed_on_an_object_is_no_phone(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Call me on 812 330 4478, printed on my card too, after five.",
        "My mobile 07700 900 418 is printed on the form, ring me there",
    ],
)
def test_a_phone_given_to_be_called_stays_personal(text: str, policy: GuardPolicy) -> None:
    assert "phone" in _kinds(text, policy)


# --- 5. an office qualified by its adjective, then its holder -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le conseiller départemental Octave Marchetti passe-t-il au marché samedi ?",
        "La conseillère régionale Yasmine Delorme, chargée des lycées, répond-elle aux mails ?",
        "Les conseillers municipaux Rémi Castaing et Aude Perrot seront-ils au conseil ?",
    ],
)
def test_an_office_with_its_adjective_then_a_name_is_a_public_person(
    text: str, policy: GuardPolicy
) -> None:
    assert "name" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Ma voisine Yasmine Delorme, au 4 rue des Saules, est tombée, je suis son aidante.",
        "Je m'appelle Octave Marchetti, conseiller départemental n'a rien à voir.",
    ],
)
def test_a_private_person_beside_the_office_words_stays_named(
    text: str, policy: GuardPolicy
) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}
