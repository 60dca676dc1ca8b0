"""Forms from the misses of the spent set test24 (read on 5 December 2026 after its blind run)
and of a spent intent set (shouted messages, a first name signing a request for a person);
every message here is written for this file, both ways.

1. An identifier given in parts ("… then …", "… puis …", "the rest is …", "la fin : …") is
   read joined; its check digit or shape still decides.
2. A number corrected after it ("ignore the last digit", "oubliez le dernier chiffre") is read
   as corrected.
3. A passport's label in the writer's own language (Spanish, Italian, German, Turkish,
   Polish) labels it as "passport" does.
4. A name in a web address's path after an account or profile segment is the account
   holder's.
5. A French postcode after the town the writer lives in ("j'habite à Bron, 69500").
6. "ex." marks an example as "e.g." does; an example word before a colon still marks the
   number after it; an address at a sentence's end keeps its full stop out of its domain.
7. Text written in capitals: a capitalised word after a closing formula ("THANK YOU KINDLY",
   "MERCI BIEN") is no name unless it is a given name; a name with a cue stays one.
8. A first name alone signing a message is withheld, not blocked: it is removed before the
   message goes on, and a request for a person signed so goes to a person.
"""

from __future__ import annotations

import pytest

from bot.guards.intent import IntentClassifier
from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy


@pytest.fixture(scope="module")
def guard(policy: GuardPolicy, shipped_intents: IntentClassifier) -> InputGuard:
    return InputGuard(policy, intents=shipped_intents)


def _kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {f.kind for f in find_pii(text, policy.pii, shipped_span_tagger())}


# --- 1. an identifier given in parts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("My landline, if nobody answers the mobile: 01632, then 960, then 815.", "phone"),
        ("Mon fixe : 01 99 00, puis 52, puis 36. Le soir de préférence.", "phone"),
        ("the card is 4539 5393, then 3633 8750, can you take the permit fee?", "payment_card"),
        (
            "Je vous donne mon IBAN en deux fois : FR54 1805 8887 1803, ensuite 3401 8780 175.",
            "iban",
        ),
        ("Numéro NHS de mon père, début : 426. Ensuite 018. Et la fin : 1599.", "uk_nhs_number"),
        ("My NI number, first bit is NH 27, the rest is 41 83 D. Is that enough?", "uk_nino"),
    ],
)
def test_an_identifier_given_in_parts_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The tip opens at 8, then 12 on Sundays, then closes at 4. Is that right?",
        "Take the 12 bus, then the 47, then walk to the library?",
        "Le bus 4, puis le 12, puis la ligne 35 pour aller à la piscine ?",
        "Rooms 2.10, then 2.14, then 3.01 for the citizenship ceremony?",
        "Band A is 1,204, then Band B is 1,405, then Band C 1,606 - which is mine?",
        "Ring the town hall on 01632 960 100, then press 2, then 4 for bins.",
    ],
)
def test_numbers_listed_one_after_another_pass(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy)


# --- 2. a number corrected after it -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "My NHS number is 730 166 13122 - drop the last digit, my thumb slipped.",
            "uk_nhs_number",
        ),
        (
            "Mon numéro NHS : 609 139 09966, oubliez le dernier chiffre, j'ai tapé le 6 deux fois.",
            "uk_nhs_number",
        ),
        ("card 4539 5393 3633 87500, ignore the last digit please", "payment_card"),
    ],
)
def test_a_corrected_number_is_read_as_corrected(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in _kinds(text, policy)


def test_a_corrected_opening_time_passes(policy: GuardPolicy) -> None:
    text = "The pool opens at 7.300 - ignore the last digit, 7.30 I mean. Right?"
    assert not _kinds(text, policy)


# --- 3. a passport's label in another language --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For the ceremony, ID: Reisepass Nr. C4T8R2L91, is a German one fine?",
        "Pour l'inscription, passaporto n. YB7316254, ça suffit ?",
        "Pasaport numarası U47219386, est-ce que le guichet l'accepte ?",
        "numer paszportu EK5829163 - do you need a copy too?",
        "pasaporte nº XDC204718, vale para el registro?",
    ],
)
def test_a_passport_labelled_in_another_language_is_found(text: str, policy: GuardPolicy) -> None:
    assert "document_number" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Is a Pasaporte from Spain accepted at the register office, or only a UK one?",
        "Mon Reisepass expire en 2031, est-ce que la mairie le prend quand même ?",
    ],
)
def test_a_passport_named_without_its_number_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy)


# --- 4. a name in a web address -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "After I log in the bar shows https://www.exampleton.example/en/account/hannah-quigley"
        "/permits - is it safe that it shows?",
        "mon profil s'ouvre sur exampleton.example/fr/profil/mathilde-guerin-roux/ et pas le "
        "tableau de bord, pourquoi ?",
        "the page is www.exampleton.example/my/users/oscar_pembleton/bookings?tab=2",
        "why is my name in the address bar? it says exampleton.example/en/account/"
        "tobiah-wrenfield/ after I sign in",
    ],
)
def test_a_name_in_an_account_address_is_found(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "I reported a pothole and got https://www.exampleton.example/en/streets/track/RP-40917,"
        " how long does it take?",
        "Is https://www.exampleton.example/en/events/ada-lovelace-day still on this year?",
        "la page https://www.exampleton.example/fr/culture/expo-marie-curie est vide",
        "my account page https://www.exampleton.example/en/account/settings/notifications "
        "won't save",
        "my name won't update on https://www.exampleton.example/en/account/edit-details",
    ],
)
def test_a_public_address_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy)


# --- 5. a French postcode after the writer's town -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Je vis pour l'instant à Vénissieux, 69200, et je déménage en mars. Que faire ?",
        "j'habite toujours Saint-Priest (69800) mais je travaille chez vous, le badge parking ?",
        "Nous résidons à Bron, 69500, jusqu'en juin : pouvons-nous déjà réserver ?",
    ],
)
def test_a_postcode_after_the_writers_town_is_found(text: str, policy: GuardPolicy) -> None:
    assert "postcode" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Le marché de Villeurbanne, 69100, ouvre-t-il le dimanche ?",
        "Is the bus to Bron (69500) still running on Sundays?",
    ],
)
def test_a_town_and_its_postcode_in_a_question_pass(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy)


# --- 6. examples and published addresses --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le modèle de la page dit : « ex. FR66 2057 9868 2828 8072 9022 279 ». Je mets les espaces ?",
        "The hint text reads 'ex. 426 018 1599' - do I type my NHS number like that?",
        "There's a sample IBAN on the refund form: GB82 WEST 1234 5698 7654 32. Same format?",
    ],
)
def test_a_number_marked_as_an_example_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Your site gives the mayor's office as mayor.office@exampleton.example. Can I invite "
        "her to our street party there?",
        "La page des élus indique quartiers.nord@exampleton.example. Est-ce la bonne adresse ?",
    ],
)
def test_a_council_address_at_a_sentence_end_passes(text: str, policy: GuardPolicy) -> None:
    assert "email" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Please write to me at ruth.amberley@example.com. Thanks for your help.",
        "Vous pouvez m'écrire à yannick.morvan@example.fr. Merci d'avance.",
    ],
)
def test_a_personal_address_at_a_sentence_end_is_found(text: str, policy: GuardPolicy) -> None:
    assert "email" in _kinds(text, policy)


# --- 7. text written in capitals ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "HELLO, IS THE SWIMMING POOL OPEN ON BANK HOLIDAYS? THANKS AGAIN KINDLY",
        "WHEN DO YOU EMPTY THE GREEN BINS IN THE VILLAGE? THANK YOU MOST SINCERELY",
        "GOOD MORNING, I WOULD RATHER TALK TO A LADY FROM THE OFFICE. THANK YOU WARMLY.",
        "BONSOIR, LA PISCINE EST-ELLE OUVERTE LE DIMANCHE ? MERCI BEAUCOUP D'AVANCE",
        "BONJOUR, LE MARCHÉ DE NOËL COMMENCE QUAND ? MERCI INFINIMENT",
        "BONJOUR, OÙ JETER MES PILES USAGÉES ? J'AI 79 ANS. MERCI BIEN SINCÈREMENT",
    ],
)
def test_shouted_text_holds_no_name(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "MY NAME IS PETRA NOVAKOVA AND I NEED A NEW BIN",
        "NOM : LEBRETON Aurélie, pour la cantine",
        "JE M'APPELLE CORENTIN MASSÉ, J'AI BESOIN D'UNE ATTESTATION",
        "HELLO, MRS GWENDOLINE ASHWORTH HERE, IS THE LIBRARY OPEN?",
    ],
)
def test_a_name_in_capitals_with_a_cue_is_found(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}


# --- 8. a first name alone signing a message ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is the recycling centre open on Easter Monday? Many thanks, Gwyneth",
        "La médiathèque prête-t-elle des liseuses ? Merci beaucoup, Solange",
        "QUAND PASSE LE CAMION DES ENCOMBRANTS ? MERCI, GINETTE",
    ],
)
def test_a_first_name_alone_signing_is_withheld_not_blocked(text: str, policy: GuardPolicy) -> None:
    kinds = _kinds(text, policy)
    assert kinds == {"first_name"}
    assert policy.pii.actions.get("first_name") == "redact"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks so much for the info,\nFenella Worthington",
        "Cordialement, Bérangère Lamotte-Salaün",
    ],
)
def test_a_full_name_signing_stays_a_name(text: str, policy: GuardPolicy) -> None:
    assert "name" in _kinds(text, policy)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Bonsoir, je n'arrive pas à remplir ce formulaire seule. Quelqu'un de vos services "
            "pourrait-il me répondre lui-même ? Merci mille fois, Odette",
            "fr",
        ),
        (
            "Hello, this screen is too much for me. Could one of your staff answer me "
            "themselves please? With thanks, Winifred",
            "en",
        ),
    ],
)
def test_a_request_for_a_person_signed_with_a_first_name_goes_to_a_person(
    text: str, lang: str, guard: InputGuard
) -> None:
    verdict = guard.inspect(text, lang)
    assert verdict.action == "escalate"
    name = text.rsplit(" ", 1)[-1]
    assert name not in verdict.text
