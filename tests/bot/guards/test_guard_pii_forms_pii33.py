"""The kinds test33 missed (read after its one blind run), each in new words (none is a held-out
message or a rewording of one), with look-alikes that must stay as they are.

1. A value interrupted by the writer's aside between two dashes ("… — sorry, reading it off the
   letter — …"), or an aside between its label and it: read as if the aside were not there.
2. A number given in parts named by their place ("premier morceau …, deuxième morceau …",
   "first 6: …, last 10: …"): the parts read joined, the link words no part of them.
3. An account number typed into a field the sentence before names ("… asks for the council tax
   account number. I entered …").
4. Names: a given name, a nickname in quotes and a surname; a Mac surname; a widow's title
   ("Mme veuve …"); a name in another script after a person's "name"; a person known by one
   name only, said so.
5. A numbered mooring, berth or pitch at a named basin, marina or park, said to be the
   writer's home.
6. Look-alikes: a number failing its check in a message the writer calls fake or doubts the
   council would send; an office's holder right after the office with no title ("the mayor of
   our partner city, …"), a public service's head ("la directrice des musées, Mme …"); an app's
   name before its version; an event's venue; a landline given beside an organisation's
   mailbox.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found

# --- 1. an aside between dashes inside a value -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("National Insurance: PT 62 — the middle is smudged — 14 08 A, is that enough?", "uk_nino"),
        ("Text my partner on 07700 – she keeps it on silent – 900 264 about the visit", "phone"),
        ("NHS number 426 — reading it off the clinic letter — 018 1599 for the Blue Badge", None),
        (
            "écrivez à ma sœur : margot tiret bas lenoir — sans majuscule — arobase example"
            " point org",
            "email",
        ),
        ("Notre code postal est EX7 — côté gare — 3QL et le livreur se trompe", "postcode"),
        (
            "Mon numéro de compte client — je cherche la facture — 7 3 0 5 1 — et la fin —"
            " 6 2 8 4, c'est bon ?",
            "account_number",
        ),
    ],
)
def test_a_value_broken_by_an_aside_is_found(
    text: str, kind: str | None, policy: GuardPolicy
) -> None:
    found = kinds_found(text, policy)
    assert found if kind is None else kind in found, found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Flat 4 — the one over the bakery — has had no heating since Monday",
        "Bus 12 — or was it the 14 — never came this morning, is the route changed?",
        "Le bac de 240 litres — le grand — coûte combien à remplacer ?",
    ],
)
def test_an_aside_between_words_joins_nothing(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy), found_with_tagger(text, policy)


# --- 2. parts named by their place ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Mon numéro de sécurité sociale, le champ coupe : premier bout 2 85 06 31,"
            " deuxième bout 555 042 30. Ça suffit ?",
            "fr_nir",
        ),
        (
            "NI number for my son, the form splits it: first 4: PT 62. Last 5: 14 08 A. Right?",
            "uk_nino",
        ),
        (
            "The card won't go through online. First 8: 4485 8301. Last 8: 6613 1868. Expires"
            " 04/29.",
            "payment_card",
        ),
        (
            "Son numéro NHS, en deux morceaux : premier morceau 426 018, second morceau 1599.",
            "uk_nhs_number",
        ),
    ],
)
def test_a_number_in_named_parts_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), found_with_tagger(text, policy)


def test_short_parts_named_by_place_are_no_identifier(policy: GuardPolicy) -> None:
    text = "The lock code changed. First 4: 2580. Last 4: 1397. Who at the depot set it?"
    assert not kinds_found(text, policy) & {"payment_card", "phone", "account_number"}


# --- 3. an account number typed into the field named just before ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The portal asks for a business rates account number. I entered 5172 60934 and it"
        " just spins.",
        "Le site demande le numéro de compte de taxe locale. J'ai saisi 8820 41736 et rien.",
    ],
)
def test_an_account_number_typed_into_the_named_field_is_found(
    text: str, policy: GuardPolicy
) -> None:
    assert "account_number" in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The form asks for the year you moved in. I typed 2019 and it says invalid.",
        "The booking page wants a reference number. I entered 48 and it went blank.",
    ],
)
def test_a_short_number_typed_into_a_field_stays(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy), found_with_tagger(text, policy)


# --- 4. names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please send the meals rota to my aunt, Philippa 'Pippa' Trewhella, she can't use email",
        "Put my uncle down for the lunch club: Torquil 'Tor' MacIlwraith, he's 84.",
        "Ma tante, Mme veuve Kerbrat, née le 04/02/1941 à Quimper, vient habiter chez nous.",
        "Ma grand-mère ne lit que le russe ; son nom s'écrit Зинаида Орлова sur le passeport.",
        "My uncle has only one name, Suharto, as is common in Java. What goes in surname?",
        "There's a lad who goes by just Caspian sleeping by the canal steps, he looks ill.",
    ],
)
def test_names_in_these_shapes_are_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"name", "name_dob_address"}, found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "How do you write the word library in Arabic, مكتبة, for the new sign?",
        "Is the Exampleton 'Bloom' Awards ceremony open to the public this year?",
        "The mayor of our partner city, Ion Popescu, visits in May: is the reception public?",
        "La directrice des musées, Mme Hortense de Valmy, ouvre l'expo : c'est gratuit ?",
        "The head of libraries, Mr Aurelio Bassani, said the branch reopens soon. When?",
        "L'appli Exampleton Tri (v3.2.1) plante depuis la mise à jour, que faire ?",
        "The Exampleton Parking app 5.0.2 won't load my permits, is there an outage?",
    ],
)
def test_names_that_are_public_or_no_one_s_stay(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"name", "name_dob_address"}, found_with_tagger(
        text, policy
    )


def test_a_macbook_is_no_name(policy: GuardPolicy) -> None:
    assert not kinds_found("My MacBook won't connect to the library wifi, any tips?", policy)


# --- 5. a numbered mooring, berth or pitch said to be home --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We live on our boat, on berth 31 at Millrace Marina, all year. Can we get a bin?",
        "Nous habitons sur l'emplacement 7 au Camping des Saules depuis deux ans.",
        "I'm on residential mooring 5 at Tanpit Lock Moorings, off the towpath.",
    ],
)
def test_a_numbered_mooring_or_pitch_at_home_is_an_address(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"address", "name_dob_address"}, found_with_tagger(
        text, policy
    )


@pytest.mark.parametrize(
    "text",
    [
        "Are visitor moorings free at Millrace Marina, say berth 12 at Millrace Marina?",
        "Can anyone book pitch 3 at Brookfield Park for the summer fete stall?",
    ],
)
def test_a_mooring_asked_about_stays(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"address"}, found_with_tagger(text, policy)


# --- 6. look-alikes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Text said 'pay the parking fine with card 4485 8301 6613 1869 now'. It's fake, isn't it?",
        "Un courriel : « votre n° de sécurité sociale 2 85 06 31 555 042 31 est à confirmer »."
        " La mairie écrit vraiment ça ?",
        "An email wants my card 4485 8301 6613 1869 for a refund. Do you really email people"
        " about refunds?",
    ],
)
def test_a_failing_number_in_a_message_doubted_is_the_sender_s(
    text: str, policy: GuardPolicy
) -> None:
    assert not kinds_found(text, policy) & {"payment_card", "fr_nir"}, found_with_tagger(
        text, policy
    )


def test_a_passing_number_in_a_message_doubted_stays_found(policy: GuardPolicy) -> None:
    text = (
        "A text asked for my card, I sent 4485 8301 6613 1868 before I thought. It's fake, right?"
    )
    assert "payment_card" in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The flyer gives the venue as the Larkspur Hotel, 14 Chandler Street, Exampleton EX3 1RT."
        " Is it step-free?",
        "Le salon de l'emploi se tiendra à l'hôtel Bellevue, 3 rue des Forges : faut-il"
        " s'inscrire ?",
    ],
)
def test_an_event_s_venue_is_no_one_s_address(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"address", "postcode"}, found_with_tagger(text, policy)


def test_own_address_beside_a_venue_stays_found(policy: GuardPolicy) -> None:
    text = "I live at 22 Wrenfield Road, EX2 4PN. How far is the venue from me?"
    assert kinds_found(text, policy) & {"address", "postcode", "name_dob_address"}


def test_a_landline_beside_an_organisation_s_mailbox_is_theirs(policy: GuardPolicy) -> None:
    text = (
        "The leisure app's FAQ says email bookings@exampleton.example or phone 020 7946 0733"
        " if a class is full. Do they answer at weekends?"
    )
    assert "phone" not in kinds_found(text, policy)


def test_a_landline_beside_a_person_s_email_stays_theirs(policy: GuardPolicy) -> None:
    text = "Email me at rosa.example@example.com or phone 020 7946 0519 after six."
    assert {"email", "phone"} <= kinds_found(text, policy)
