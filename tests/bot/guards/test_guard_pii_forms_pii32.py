"""The kinds test32 missed (read after its one blind run), each in new words (none is a held-out
message or a rewording of one), with look-alikes that must stay as they are.

1. A file's name with its words joined by underscores: what it names (a person, a passport, an
   account, a National Insurance number) is read as the same words typed with spaces.
2. Dashes of other kinds inside a number (figure dash, non-breaking hyphen, minus sign).
3. A French social security number of someone born overseas, printed with the department's
   three digits and the commune's two.
4. A number typed one digit at a time, its groups set apart by wider gaps.
5. An address typed into a web form, in a link's query string under any key but a search's.
6. Welsh street words before the street's name; an address introduced by "address … :"; a
   Channel Islands address with no house number (house, road, parish, island).
7. Look-alikes: a landline with its own `<tel:…>` link and a question about it in the next
   sentence; a landline on a pasted letterhead's "T:" line; an organisation's name ending in
   "Council"; a number a form's help text shows.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Here is scan_passport_Okafor_Bede_611904273.pdf for the citizenship ceremony", None),
        ("I attached payslip_and_NI_card_PW551203C.png to the claim", "uk_nino"),
        ("Voici rib_compte_client_38104672_M_Example.pdf pour le prélèvement", "account_number"),
        ("uploaded birth_cert_Rosalind_Quennell-Ames.jpg for the school place", "name"),
    ],
)
def test_what_a_file_s_name_holds_is_found(
    text: str, kind: str | None, policy: GuardPolicy
) -> None:
    found = kinds_found(text, policy)
    assert found if kind is None else kind in found


@pytest.mark.parametrize(
    "text",
    [
        "I saved council_tax_guide_2026.pdf, where is the bit about discounts?",
        "Le fichier calendrier_collecte_EX4.pdf ne s'ouvre pas",
        "My e-mail is not_a_file@example.com? no, it is fine",
    ],
)
def test_a_file_s_name_with_no_data_stays_none(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) <= {"email"}


@pytest.mark.parametrize(
    "text",
    [
        "You can text my son on 07700\u2012900\u2012514 after six",
        "mon portable : 07700\u2011900\u2011672, merci",
        "ring my landline 01632\u2212960\u2212418 please",
    ],
)
def test_other_dashes_inside_a_phone(text: str, policy: GuardPolicy) -> None:
    assert "phone" in kinds_found(text, policy)


def test_a_card_with_figure_dashes(policy: GuardPolicy) -> None:
    text = "pay with 4111\u20121111\u20121111\u20121111 for the permit"
    assert "payment_card" in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "His number from Martinique: 1 54 09 972 18 173 47, for the pension form",
        "Mon fils est né à La Réunion, son numéro 1 50 07 974 44 502 86 suffit ?",
        "sécu de mon mari : 1\u00a068\u00a003\u00a0973\u00a077\u00a0337\u00a054",
    ],
)
def test_a_social_security_number_born_overseas(text: str, policy: GuardPolicy) -> None:
    assert "fr_nir" in kinds_found(text, policy)


def test_an_overseas_shaped_number_failing_its_key_unnamed_stays(policy: GuardPolicy) -> None:
    assert "fr_nir" not in kinds_found("Parcel 1 54 09 972 18 173 48 arrived", policy)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my NHS no is 8 6 2  5 5 1  1 8 4 8 thank you", "uk_nhs_number"),
        ("her number for the hospital is 7 4 6  8 1 3  8 5 8 3 .", "uk_nhs_number"),
        ("call me on 0 1 6 3 2   9 6 0   7 1 5", "phone"),
    ],
)
def test_a_number_typed_digit_by_digit_in_groups(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "We won 3 1  2 0 at bowls, is the club open Sunday?",
        "Le bus 4 2  puis le 1 7 vont à la déchetterie ?",
    ],
)
def test_short_digits_set_apart_are_no_data(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The form sent me to https://www.exampleton.example/move?from=22+Wellfield+Road&to=3+Kiln"
        "+Close, is my address meant to be there?",
        "Lien reçu : https://www.exampleton.example/fr/inscription?domicile_actuel=9+rue+des"
        "+Peupliers&ecole=Jules-Ferry",
    ],
)
def test_an_address_typed_into_a_link_s_query(text: str, policy: GuardPolicy) -> None:
    assert "address" in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The map link https://maps.example/?q=12+Market+Street goes nowhere, where is the tip?",
        "https://www.exampleton.example/bins?district=EX2&street=Mill+Lane shows Monday, right?",
    ],
)
def test_a_search_or_a_street_without_a_number_in_a_link_stays(
    text: str, policy: GuardPolicy
) -> None:
    assert "address" not in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Please send the forms to my father: 12 Heol y Felin, Cwmaman. He is not online.",
        "The address for my gran's blue badge: 12 Heol y Felin, Cwmaman. She is not online.",
        "My sister lives at 7 Ffordd Cae Glas, Llandeilo and needs a bin",
        "Address for the registration letter: Les Houmets, Rue de la Fosse, St Peter Port, Guernsey",
        "I'm moving back home, the address is Le Vieux Menage, La Route du Moulin, Trinity, Jersey",
    ],
)
def test_welsh_streets_and_island_addresses(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"address", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "Is the ferry office on La Route du Port, St Helier, Jersey open at Christmas?",
        "Does the Heol y Felin bus still run on Sundays?",
    ],
)
def test_public_island_and_welsh_places_stay(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"address", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "Pasting the bulky waste number gives 01632 960 700<tel:01632960700>. Is that the right"
        " one for a sofa?",
        "Sur l'affiche il y a « 01 99 00 45 12 ». C'est le bon numéro pour les encombrants ?",
        "Copied from the bottom of the letter:\n\nWestbrook District Council\nRevenues and"
        " Benefits\nCivic Centre, 2 Bridge Street, Westbrook WB1 2AA\nT: 01632 960 880\n\nWhich"
        " one do I ring?",
    ],
)
def test_a_service_s_landline_as_pasted_stays(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "My mobile copies as 07700 900 318<tel:07700900318>. Is that the right one for you?",
        "Thanks,\n\nPriya Example\n12 Elm Rise\nT: 01632 960 442",
        "Call me back on 01632 960 515. Is that the right place to ask?",
    ],
)
def test_a_person_s_number_as_pasted_stays_data(text: str, policy: GuardPolicy) -> None:
    assert "phone" in kinds_found(text, policy)


def test_an_organisation_named_council_is_no_one(policy: GuardPolicy) -> None:
    text = (
        "Copied from the bottom of the letter:\n\nWestbrook District Council\nRevenues and"
        " Benefits\nCivic Centre, 2 Bridge Street, Westbrook WB1 2AA\n\nWhich office is it?"
    )
    assert ("name", "Westbrook District Council") not in found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The help text shows the reference as 402 118 736, do I type the spaces?",
        "L'info-bulle montre le numéro client comme 552 019 834, c'est ça ?",
    ],
)
def test_a_number_a_help_text_shows(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy)


def test_own_number_after_a_help_text_stays_data(policy: GuardPolicy) -> None:
    text = "The help text was no use. My customer number is 552019834, can you find me?"
    assert "account_number" in kinds_found(text, policy)
