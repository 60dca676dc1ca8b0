"""Forms from the misses of the spent set test29 (read on 6 December 2026 after its blind run);
every message here is written for this file, both ways.

1. A number that fails its check digit, handed to the writer by someone else (a scam text or
   e-mail, a caller at the door "from the council") and disowned ("it isn't mine", "ce n'est
   pas le sien"): the number asked about, not that identifier. One that passes its check, or a
   mistyped own one, stays personal data.
2. The digits inside an IBAN's shape are the IBAN's: never a phone number of their own.
3. A service's line read out in words is judged by the words around it as the same number typed
   ("le numéro de l'accueil, c'est bien zéro deux zéro …"); a landline called by a service's
   name ("the council tax number 020 …") in a message about ringing it is a line, not an
   account's number.
4. A public place's street with its number in words, then its postcode spelt out: the place's.
5. A National Insurance number introduced as one, its digits split anywhere as a phone keypad
   types them: found.
6. A passport number with its letters apart from its digits, or said to be someone else's
   ("hers is …"): found.
7. Someone the writer writes for, introduced by name ("her name is …", "il s'appelle …"), in
   lower case or all in capitals behind a title ("MME …"), or named as the one the writer helps
   and then said "she" or "he" of ("I'm helping … apply for her son"): a name. A body one helps
   is no one.
8. The name a home, a bill or an account is in ("c'est au nom de …", "is in the name of …"): a
   name; a club's or a body's is no one's.
9. A home known by its name (in quotes, or "… Cottage", "la Ferme des …") on a named lane, said
   to be the writer's: an address.
"""

from __future__ import annotations

import pytest

from bot.guards.intent import IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided
from tests.bot.guards.pii_found import found_with_tagger as _found
from tests.bot.guards.pii_found import kinds_found as _kinds


@pytest.fixture(scope="module")
def guard(policy: GuardPolicy, shipped_intents: IntentClassifier) -> InputGuard:
    return InputGuard(policy, intents=shipped_intents)


# --- 1. a failing number handed over by a stranger, and disowned ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # NHS number 402 118 3307 fails mod 11.
        "Someone claiming to be from the surgery texted my dad NHS number 402 118 3307 to"
        " 'update' on a link. That isn't his number at all. Is this a scam?",
        "A bogus caller left a note with NHS no 402 118 3307 and a phone to ring back. It's not"
        " mine, should I tell trading standards?",
        # NIR 2 84 07 13 205 118 43 fails its key.
        "Un faux agent est passé chez ma tante et a noté le numéro de sécu 2 84 07 13 205 118 43"
        " sur un papier. Ce n'est pas le sien, je préviens qui ?",
        "Un SMS se disant de la CPAM veut que je valide le numéro de sécurité sociale"
        " 2 84 07 13 205 118 43. Ce n'est même pas le mien !",
        # IBAN GB00 ... with wrong check digits.
        "A letter supposedly from the council wants the fine paid to IBAN GB11 NWBK 6016 1331"
        " 9268 19, it's not our account. Genuine or not?",
    ],
)
def test_a_failing_number_handed_over_and_disowned_is_not_that_identifier(
    text: str, policy: GuardPolicy
) -> None:
    kinds = _kinds(text, policy)
    assert not kinds & {"uk_nhs_number", "fr_nir", "iban", "phone", "account_number"}, kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Mistyped own numbers, no stranger: still personal.
        ("My NHS number is 402 118 3307, can the surgery send the letter again?", "uk_nhs_number"),
        ("Mon numéro de sécu, c'est 2 84 07 13 205 118 43, pour le dossier.", "fr_nir"),
        # A number passing its check stays personal data whatever the message says of it.
        (
            "A bogus caller asked my mum to read out her NHS number 943 476 5919. Is it a scam?",
            "uk_nhs_number",
        ),
    ],
)
def test_an_own_number_or_one_that_passes_its_check_stays_personal(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in _kinds(text, policy)


# --- 2. digits inside an IBAN's shape -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is BE12 3456 7890 0000 really the town's account for the market stall fee? The e-mail"
        " looked odd, a scam maybe.",
        "On me dit de verser la caution sur DE12 5001 0517 0648 4898 90, c'est une arnaque ?",
    ],
)
def test_digits_inside_an_iban_shape_are_no_phone(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in _kinds(text, policy)


# --- 3. a service's line read out in words ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is the housing line oh two oh, seven nine four six, oh one two three? Nobody answers.",
        "C'est bien zéro deux zéro, sept neuf quatre six, zéro un deux trois, le numéro du"
        " service logement ?",
        "Le standard de la mairie, zéro deux zéro, sept neuf quatre six, zéro zéro zéro zéro,"
        " répond jusqu'à quelle heure ?",
        "Is the parking permits number 020 7946 0456? I rang it twice and it rings out.",
        "The council tax number zero two zero, seven nine four six, zero three three zero, is"
        " it still the one to ring? It just keeps me on hold.",
    ],
)
def test_a_services_line_read_out_or_called_is_no_personal_number(
    text: str, policy: GuardPolicy
) -> None:
    kinds = _kinds(text, policy)
    assert not kinds & {"phone", "account_number"}, kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("please ring me back on oh seven seven double oh, nine double oh, four five six", "phone"),
        ("Rappelez-moi au zéro six, trente-neuf, quatre-vingt-dix-huit, onze, vingt", "phone"),
        ("my council tax account number is 0412 5567 8801, I called but nobody answered", None),
    ],
)
def test_a_personal_number_read_out_or_called_stays_personal(
    text: str, kind: str | None, policy: GuardPolicy
) -> None:
    kinds = _kinds(text, policy)
    if kind is None:
        assert kinds & {"phone", "account_number"}, kinds
    else:
        assert kind in kinds


# --- 4. a public place's address with its number in words ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is the sports centre at four Mill Road, E X two, five B T? I want to book a court.",
        "La bibliothèque est bien au trois quai des Tanneurs, E X un, deux A B ? Elle ouvre quand ?",
        "The Town Hall is at one Market Square, E X one, one A A, right? Open on Mondays?",
    ],
)
def test_a_public_places_address_in_words_is_the_places(text: str, policy: GuardPolicy) -> None:
    kinds = _kinds(text, policy)
    assert not kinds & {"postcode", "address"}, kinds


def test_a_home_address_in_words_stays_personal(policy: GuardPolicy) -> None:
    text = "I live at four Mill Road, E X two, five B T, and the bins were missed again."
    assert "postcode" in _kinds(text, policy)


# --- 5. a NINO split anywhere -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("national insurance no is jt 4 18 2 06 c for the grant form", "jt 4 18 2 06 c"),
        ("My NI number: PR 5 6 11 9 4 B, do you need it for the discount?", "PR 5 6 11 9 4 B"),
    ],
)
def test_a_nino_with_split_digits_is_found(text: str, value: str, policy: GuardPolicy) -> None:
    assert ("uk_nino", value) in _found(text, policy)


def test_split_digits_without_a_nino_label_are_not_a_nino(policy: GuardPolicy) -> None:
    assert "uk_nino" not in _kinds("Bus route ab 4 18 2 06 runs every hour on Sundays.", policy)


# --- 6. a passport number, letters apart, someone else's ----------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "For my lodger's passport renewal letter: his is KT 5520931, is that all you need?",
            "KT 5520931",
        ),
        (
            "Le formulaire veut le passeport de ma belle-mère, le sien c'est AB 7730412.",
            "AB 7730412",
        ),
    ],
)
def test_a_passport_number_letters_apart_or_someone_elses_is_found(
    text: str, value: str, policy: GuardPolicy
) -> None:
    assert ("document_number", value) in _found(text, policy)


def test_a_room_number_in_a_passport_message_is_not_a_passport(policy: GuardPolicy) -> None:
    text = "Which passport office is open on Saturday? His is the one in Leeds, room 12."
    assert "document_number" not in _kinds(text, policy)


# --- 7. someone introduced by name --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "I'm writing for my uncle, his name is Abdirahman Warsame, he wants a bus pass.",
            "Abdirahman Warsame",
        ),
        (
            "my mum can't type english. her name is nguyen thi lan, she needs the form in paper",
            "nguyen thi lan",
        ),
        (
            "Mon voisin ne lit pas le français. Il s'appelle Ravindran Selvakumar et il demande un"
            " bac plus grand.",
            "Ravindran Selvakumar",
        ),
        (
            "JE RÉÉCRIS POUR MME OKSANA HRYTSENKO, ELLE ATTEND TOUJOURS SA CARTE DE BUS.",
            "OKSANA HRYTSENKO",
        ),
    ],
)
def test_someone_introduced_by_name_is_named(text: str, name: str, policy: GuardPolicy) -> None:
    assert any(
        name in value
        for kind, value in _found(text, policy)
        if kind in ("name", "name_dob_address")
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "We're supporting Mariam Yusufzai to find a nursery place, she starts work in March.",
            "Mariam Yusufzai",
        ),
        (
            "J'accompagne Dmytro Savchenko pour sa demande de logement, il ne parle pas anglais.",
            "Dmytro Savchenko",
        ),
    ],
)
def test_the_person_the_writer_helps_is_named(text: str, name: str, policy: GuardPolicy) -> None:
    assert ("name", name) in _found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "I'm helping Riverside Community Larder with a collection, where can the van park?",
        "J'aide Secours Populaire Exampleton à trier les dons, on peut déposer où ?",
    ],
)
def test_a_body_the_writer_helps_is_no_one(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "His name is spelt wrong on the council tax letter, how do I fix it?",
        "Elle s'appelle comment, la salle du deuxième étage ?",
        "Her name is on the waiting list already, when do places open?",
    ],
)
def test_an_introduction_without_a_name_names_no_one(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


# --- 8. the name a home or a bill is in ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le bail est au nom de Lemaître, mais c'est moi qui paie, je fais comment ?", "Lemaître"),
        (
            "The water bill is still in the name of Okonkwo-Hale, how do I move it over?",
            "Okonkwo-Hale",
        ),
    ],
)
def test_the_name_a_home_or_bill_is_in_is_a_name(text: str, name: str, policy: GuardPolicy) -> None:
    assert ("name", name) in _found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Can the hall booking be in the name of the Riverside Chess Club?",
        "Au nom de la mairie, merci pour votre patience.",
        "In the name of common sense, why are the bins collected at 5 am?",
    ],
)
def test_a_body_or_a_phrase_in_the_name_of_names_no_one(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


# --- 9. a home known by its name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We live at 'Bramble End', the last house down Sheepwash Lane, and the gritter never"
        " comes up.",
        "Notre maison s'appelle « Le Clos Fleuri », tout en haut du chemin après Cold Harbour"
        " Lane, le facteur ne la trouve pas.",
        "Our house is called Willow Barn, halfway along Ferry Road, can the bins go at the gate?",
    ],
)
def test_a_home_known_by_its_name_on_a_lane_is_an_address(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"address", "name_dob_address"}


def test_a_public_building_named_on_its_street_is_no_home(policy: GuardPolicy) -> None:
    assert "address" not in _kinds("Is Riverside House on Quay Street open on Saturdays?", policy)


# --- decisions ----------------------------------------------------------------------------------


def test_the_scam_text_with_a_failing_nir_is_let_through(guard: InputGuard) -> None:
    text = (
        "J'ai reçu un SMS soi-disant de la mairie : il faut confirmer le numéro de sécu"
        " 2 84 07 13 205 118 43. Ce n'est pas le mien, c'est une arnaque ?"
    )
    assert decided(guard, text, "fr")[0] != "block_pii"


def test_a_split_nino_is_blocked(guard: InputGuard) -> None:
    text = "ni no. is  pr 5 6 11 9 4 b  for the council tax reduction form, thanks"
    assert decided(guard, text, "en") == ("block_pii", "pii.uk_nino")
