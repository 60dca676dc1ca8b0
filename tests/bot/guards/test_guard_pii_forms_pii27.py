"""Forms from the misses of the spent set test27 (read on 6 December 2026 after its run);
every message here is written for this file, in English and French, with look-alikes.

1. National identity numbers of people who moved here: the Belgian national register number
   (key 97 - n mod 97, the 2000+ variant), the Swiss AVS number (756, EAN-13 digit), the Irish
   PPS number (mod-23 letter), each only with its check and its print or a naming word; an
   NHS number starting 1 to 3 in a message naming the NHS number.
2. Data in structured text whose field name says what the value is: CSV lines (comma or
   semicolon), `key: value` lines, JSON fragments, URL query strings (with %40, + and %2C);
   field names without values, a fee schedule, an app's version are no data.
3. Slips inside numbers: doubled or mixed separators, O for 0 and l for 1 inside a run that
   is otherwise digits (a checked identifier only when its check then holds).
4. Look-alikes: a table of the council's helplines with no header row, a form's field names
   alone, an officer named with their role.
"""

from __future__ import annotations

import pytest

from bot.guards.intent import IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found as _found
from tests.bot.guards.pii_found import kinds_found as _kinds


@pytest.fixture(scope="module")
def guard(policy: GuardPolicy, shipped_intents: IntentClassifier) -> InputGuard:
    return InputGuard(policy, intents=shipped_intents)


# --- 1. national identity numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "My Belgian ID card number is 79.11.03-058.36, can I use it to register?",
            "79.11.03-058.36",
        ),
        (
            "Mon numéro de registre national : 92022841710. C'est accepté pour la piscine ?",
            "92022841710",
        ),
        (
            "Ma fille est née en 2005, son numéro national belge est 05.07.14-122.29.",
            "05.07.14-122.29",
        ),
        ("numéro AVS 756.1209.3457.72 pour le dossier de frontalier", "756.1209.3457.72"),
        (
            "Swiss social security number 756 4802 1736 67, do you need it for the rent deposit?",
            "756 4802 1736 67",
        ),
        ("my PPS number is 2419753F, I moved from Galway last month", "2419753F"),
        ("Mon PPSN irlandais (5038816PA) suffit pour la demande ?", "5038816PA"),
        ("The GP says to quote my NHS number on the badge form: 367 929 0810.", "367 929 0810"),
        ("Pour la NHS, mon numéro c'est le 132-836-7916, je le mets où ?", "132-836-7916"),
    ],
)
def test_a_national_number_with_its_check_is_found(
    text: str, value: str, policy: GuardPolicy
) -> None:
    assert any(found == value for _, found in _found(text, policy)), _found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        # The key fails.
        "Le formulaire refuse mon numéro national 79.11.03-058.37, la clé serait fausse ?",
        "AVS 756.1209.3457.73 est refusé par le site, pourquoi ?",
        "my PPS number 2419753G gets an error on the form",
        # Right check, but no print of its own and nothing naming it.
        "Order 79110305836 hasn't arrived yet, who do I ask?",
        "Booking code 2419753F for the sports hall, can I move it?",
        "The bus timetable says route 367 929 0810? That can't be right.",
        # An NHS number starting 1-3 needs the NHS named.
        "My landline is 132 836 7916? no that's the old one",
    ],
)
def test_a_national_look_alike_is_not_a_document(text: str, policy: GuardPolicy) -> None:
    assert not {"document_number", "uk_nhs_number"} & {k for k, _ in _found(text, policy)}


# --- 2. data in structured text, read by its field names -----------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "pasted from the tenants export:\nlast_name,first_name,flat\n"
            "Adeyemi-Clarke,Rosalind,4B\nis that what you hold?",
            "name",
            "Adeyemi-Clarke",
        ),
        (
            "Ligne du tableur : prenom;nom;portable\nSolène;Marchetti;06 39 98 41 27\nça passe ?",
            "phone",
            "06 39 98 41 27",
        ),
        (
            'the app sends {"surname": "Kowalczyk", "forename": "Bartek", "status": "new"} and '
            "then freezes",
            "name",
            "Kowalczyk",
        ),
        (
            'l\'appli envoie {"nom": "Fontanella", "prenom": "Irène"} puis rien ne se passe',
            "name",
            "Fontanella",
        ),
        (
            "the reset page goes to https://www.exampleton.example/account/reset?"
            "email=priya.ramdas%40example.com&step=3 and nothing happens",
            "email",
            "priya.ramdas%40example.com",
        ),
        (
            "le lien https://www.exampleton.example/fr/demenagement?ancienne=27+rue+des+Tanneurs"
            "%2C+EX5+2RT&suite=1 ne marche pas",
            "postcode",
            "",
        ),
        (
            "Booking details\nContact name: Halvorsen\nAddress: 31 Quarry Bank, Exampleton\n"
            "can I change the date?",
            "address",
            "31 Quarry Bank",
        ),
        ("Formulaire :\nDate de naissance : 14/09/1986\nc'est bon ?", "name_dob_address", ""),
    ],
)
def test_a_value_is_read_by_its_field_name(
    text: str, kind: str, value: str, policy: GuardPolicy
) -> None:
    found = _found(text, policy)
    assert found, text
    if value:
        assert any(v == value or value in v for _, v in found), found


@pytest.mark.parametrize(
    "text",
    [
        # A blank form: field names, no values.
        "The badge form has\nName:\nDate of birth:\nNI number (e.g. QQ 12 34 56 C):\nspaces or not?",
        "Le formulaire papier :\nNom :\nPrénom :\nAdresse :\nje remplis en majuscules ?",
        "Full name:\n\nDate of birth:\nPostcode:\nwhat goes first?",
        # Fees and versions as CSV or JSON.
        "item,fee\nsofa,35\nwardrobe,25\nextra bag,6\nso three items is 66?",
        "objet;tarif\ncanapé;35\nfrigo;25\ndonc 60 £ au total ?",
        '{"app": "Exampleton Bins", "version": "3.2.1", "build": 4410, "os": "Android 14"}',
        # The name of a thing, not a person, in a name field.
        '{"name": "Exampleton Bins", "version": "3.2.1"} is the app I have, is it the latest?',
        '{"nom": "Piscine Exampleton", "statut": "ouverte"} : c\'est affiché dans l\'appli, vrai ?',
        # A map link with no one's data in it.
        "https://maps.example/?q=vehicle+pound+Exampleton&zoom=15 is that the right place?",
        "the council tax 2026/27 band D is 2 104.50, right?",
        "taxe locale 2026-2027 : où trouver les tarifs ?",
    ],
)
def test_structured_text_without_personal_values_is_no_data(text: str, policy: GuardPolicy) -> None:
    assert _found(text, policy) == []


# --- 3. slips inside numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "numéro de compte taxe locale : 318--604--227, je veux payer en 10 fois",
            "account_number",
        ),
        (
            "council tax account no. 5520 . - 4471 . - 08 please change my direct debit",
            "account_number",
        ),
        (
            "my NHS number from the scan: 367 929 O81O, is that enough for the badge?",
            "uk_nhs_number",
        ),
        ("ma carte bancaire 4539 l488 O343 6467 a été débitée deux fois", "payment_card"),
    ],
)
def test_a_number_with_slips_is_read_as_meant(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in {k for k, _ in _found(text, policy)}


@pytest.mark.parametrize(
    "text",
    [
        "PCN ref EXO4718263 - or is it EX04718263? the ticket is faded",
        "Room 1O1 on the first floor, is it open 9--5?",
        "the footer says rev. 03--2025, is that the latest form?",
        # A letter read as a digit that breaks the check: no identifier.
        "my NHS number from the scan: 367 929 O81l, is that enough?",
    ],
)
def test_a_slip_look_alike_is_no_data(text: str, policy: GuardPolicy) -> None:
    kinds = {k for k, _ in _found(text, policy)}
    assert not kinds & {"uk_nhs_number", "account_number", "payment_card", "document_number"}


# --- 4. look-alikes: helplines in a table, officers with their roles ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "from your website:\n| Housing repairs | 020 7946 0871 |\n| Parking | 020 7946 0872 |\n"
        "which do I call about a broken streetlight?",
        "copié du site :\n| Déchets | 01632 960 441 |\n| Écoles | 01632 960 442 |\nlequel appeler ?",
        "Should I send it to Mrs Imogen Farquharson-Lee, Head of Housing at the council, or to "
        "someone else?",
        "Il faut écrire à Mme Solange Berthier-Kamara, directrice des affaires scolaires à la "
        "mairie ?",
        "Is Cllr Abebe Thornquist, our ward councillor, holding a surgery this month?",
        "J'ai vu M. Lucien Arrighetti, le maire, à la fête du quartier, il tient une permanence ?",
        "https://maps.example.com/?q=Recycling+Centre,+Tanner+Road,+Exampleton+EX6+4TR open today?",
    ],
)
def test_public_numbers_and_officers_are_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert _found(text, policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A table with its header row still reads each value under its column.
        ("| Name | Mobile |\n| Wrenfield | 07700 900 611 |", "phone"),
        # A private person with a post is still a person.
        (
            "Mon ancien patron, M. Gaspard Lenoir-Vidal, directeur de la boulangerie, ne m'a "
            "pas payé",
            "name",
        ),
        ("My neighbour Mr Tobias Wrenfield, 72, has not been seen for days", "name"),
    ],
)
def test_people_beside_look_alikes_are_still_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in _kinds(text, policy)


# --- 5. a value corrected right after it ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Je m'appelle Odile Vasseur, née le 21/06/1975... non pardon, 21/06/1957, pour la "
            "carte senior",
            "21/06/1957",
        ),
        ("I'm Marcus Idowu, born 09/10/1990 - sorry, typo, it's 10/09/1990", "10/09/1990"),
        ("my postcode is EX4 7QT, sorry I mean EX4 7TQ, for the bin collection", "EX4 7TQ"),
        ("Mon numéro : 06 39 98 22 41, pardon, 06 39 98 22 14.", "06 39 98 22 14"),
    ],
)
def test_both_values_of_a_correction_are_found(text: str, second: str, policy: GuardPolicy) -> None:
    assert second in [v for _, v in _found(text, policy)]


@pytest.mark.parametrize(
    "text",
    [
        "the bins helpline is 020 7946 0300, sorry, 0301 I think, which is it?",
        "Band C was 1 604 in 2025, no, 1 640 in 2026, so it went up?",
        "le bureau ouvre à 9h30... non pardon, à 10h00 le samedi ?",
    ],
)
def test_a_corrected_public_figure_is_no_data(text: str, policy: GuardPolicy) -> None:
    assert _found(text, policy) == []
