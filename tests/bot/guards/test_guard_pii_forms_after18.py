"""Forms from the misses of the spent set test18 and the leftovers of test17 (read as forms,
never as messages: every message here is written for this file).

The rule for numbers that fail their check digit (bot/guards/data/pii/README.md, "Figures
after the test18 forms"): a number in an identifier's shape that fails that identifier's
check digit is not that identifier. Given as the writer's or someone's number with no word of
rejection it stays personal data (a mistyped own number is one digit away from the real one);
in a message saying a form, page or bank turned it down as not valid, it is the mistyped or
test number the writer asks about, and passes. A number that passes its check stays personal
data whatever the message says of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.guards import checksums
from bot.guards.evaluate import main as evaluate_main
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from knowledge.published import published_contacts
from tests.bot.guards.pii_found import found

# Made for this file: each valid one passes its published check, each failing one does not.
NHS_VALID, NHS_FAILING = "822 298 5965", "822 298 5968"
IBAN_VALID, IBAN_FAILING = "GB85 EXMP 1025 2558 4707 63", "GB85 EXMP 1025 2558 4707 67"
NIR_VALID, NIR_FAILING = "2 91 04 33 063 118 75", "2 91 04 33 063 118 80"
SIN_VALID, SIN_FAILING = "614 283 752", "614 283 755"


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum())


def test_the_numbers_of_this_file_pass_or_fail_as_said() -> None:
    assert checksums.uk_nhs_number_valid(_digits(NHS_VALID))
    assert not checksums.uk_nhs_number_valid(_digits(NHS_FAILING))
    assert checksums.iban_valid(_digits(IBAN_VALID))
    assert not checksums.iban_valid(_digits(IBAN_FAILING))
    assert checksums.fr_nir_valid(_digits(NIR_VALID))
    assert not checksums.fr_nir_valid(_digits(NIR_FAILING))
    assert checksums.ca_sin_valid(_digits(SIN_VALID))
    assert not checksums.ca_sin_valid(_digits(SIN_FAILING))


def _kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {kind for kind, _ in found(text, policy)}


_IDENTIFIERS = {"uk_nhs_number", "iban", "fr_nir", "ca_sin", "phone", "account_number"}


# --- 1. a number failing its check digit, turned down as not valid ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"The surgery's sign-up page rejects {NHS_FAILING} as an NHS number. Broken again?",
        f"My bank app refuses {IBAN_FAILING} for the rent refund, it says the IBAN is wrong.",
        f"my IBAN {IBAN_FAILING} won't go through on your form, says invalid, did I mistype it",
        f"La CAF refuse {NIR_FAILING} pour mon dossier, clé incorrecte. Je me suis trompée ?",
        f"Votre page rejette {NIR_FAILING} comme numéro de sécurité sociale. Clé fausse ?",
        f"Le site n'accepte pas mon numéro de sécu {NIR_FAILING}, il le dit invalide.",
        f"Le portail dit que {SIN_FAILING} n'est pas valide comme NAS. Erreur de frappe ?",
    ],
)
def test_a_failing_number_turned_down_as_not_valid_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & _IDENTIFIERS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The same failing numbers given as the writer's, with no word of rejection.
        (f"my nhs number is {NHS_FAILING} if the assessor needs it", "uk_nhs_number"),
        (f"Pay the refund into my IBAN {IBAN_FAILING} please.", "iban"),
        (f"Mon numéro de sécu : {NIR_FAILING}, pour l'aide au logement.", "fr_nir"),
        (f"Mon NAS est le {SIN_FAILING}, vous en avez besoin ?", "ca_sin"),
        # Valid numbers stay personal data, turned down or not.
        (f"The surgery's sign-up page rejects {NHS_VALID} every single time.", "uk_nhs_number"),
        (f"My bank app refuses {IBAN_VALID}, it says the IBAN is wrong.", "iban"),
        (f"La CAF refuse {NIR_VALID} pour mon dossier, clé incorrecte.", "fr_nir"),
    ],
)
def test_a_failing_number_given_as_own_or_a_valid_one_stays_personal(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in _kinds(text, policy)


CARD_VALID, CARD_FAILING = "4929 1183 0042 7713", "4929 1183 0042 7716"


def test_the_cards_of_this_file_pass_or_fail_as_said() -> None:
    assert checksums.payment_card_valid(_digits(CARD_VALID))
    assert not checksums.payment_card_valid(_digits(CARD_FAILING))


def test_a_failing_card_number_turned_down_is_no_account_number(policy: GuardPolicy) -> None:
    text = f"The parking page says card number {CARD_FAILING} is not valid. A typo on my part?"
    assert not _kinds(text, policy) & (_IDENTIFIERS | {"payment_card"})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"The parking page says card number {CARD_VALID} is not valid. Why?", "payment_card"),
        (f"My library card number is {CARD_FAILING}, can you renew my books?", "account_number"),
        (f"The self-checkout rejects my library card number {CARD_FAILING}.", "account_number"),
    ],
)
def test_a_valid_card_or_an_unrejected_card_number_stays_personal(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in _kinds(text, policy)


# --- 2. a public office's holder named with a title in apposition --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Will the mayor, Mrs Philippa Strandling, open the winter market again this year?",
        "Le maire, M. Hugues Lamarre-Voisin, sera-t-il à la réunion publique de jeudi ?",
        "Notre députée, Mme Odile Ferrandière, tient-elle encore une permanence le vendredi ?",
        "Is the council leader, Dr Anwen Pritchard, the one who signs off the budget?",
    ],
)
def test_an_office_then_a_titled_name_is_a_public_person(text: str, policy: GuardPolicy) -> None:
    assert "name" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "My landlord, Mr Cyril Oakhanger, still hasn't fixed the boiler. Can you help?",
        "Ma voisine, Mme Odile Ferrandière, ne sort plus ses poubelles depuis un mois.",
        "Hello, Mrs Philippa Strandling here, about my garden waste renewal.",
    ],
)
def test_a_titled_name_without_an_office_stays_a_name(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}


# --- 3. the postcode that ends a public building's address ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "L'hôtel de ville est-il toujours au 1 Market Square, Exampleton EX1 1AA, ou a-t-il bougé ?",
        "Is the Riverside Community Centre still to be found at 22 Wharf Street, Exampleton EX3 8QP?",
        "Le guichet de la mairie annexe est-il bien au 9 Tanner Row, Exampleton EX2 5RW ?",
    ],
)
def test_the_postcode_of_a_public_building_is_not_personal(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"postcode", "address"}


@pytest.mark.parametrize(
    "text",
    [
        "I live at 22 Wharf Street, Exampleton EX3 8QP, just opposite the community centre.",
        "Envoyez la carte chez moi, 9 Tanner Row, Exampleton EX2 5RW, pas à la médiathèque.",
    ],
)
def test_a_home_beside_a_public_building_keeps_its_postcode(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"postcode", "address"}


# --- 4. a landline asked about as a service's number ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is 01632 960 845 still the school admissions number, or has it moved?",
        "Le numéro pour les cartes de stationnement, c'est toujours le 01 99 00 47 20 ?",
        "Le numéro 01 99 00 47 20 pour les encombrants répond-il le samedi ?",
        "The number 01632 960 845 for the pest control bookings just rings out. Closed today?",
    ],
)
def test_a_landline_asked_about_as_a_service_number_is_public(
    text: str, policy: GuardPolicy
) -> None:
    assert "phone" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Is 07700 900 733 still the best number for the plumber you recommend?",
        "Le numéro pour me joindre, c'est le 01 99 00 47 21, après 18 h.",
        "Is 01632 960 846 the right number to call me back on?",
        "Mon numéro 01 99 00 47 22 pour le rappel, merci d'avance.",
        "is 01632 960 847 still my mum's number on your system? she moved",
    ],
)
def test_a_number_that_reaches_someone_stays_personal(text: str, policy: GuardPolicy) -> None:
    assert "phone" in _kinds(text, policy)


# --- 5. a penalty notice's number with a letter among its digits ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "got a pcn ZT58Q31207 outside the leisure centre, can i pay in instalments",
        "I was given a penalty charge notice WX3H44719 while loading, how do I appeal?",
        "J'ai reçu une amende EX61R20938 devant la piscine, comment la contester ?",
    ],
)
def test_a_penalty_notice_number_with_letters_inside_is_the_writers(
    text: str, policy: GuardPolicy
) -> None:
    assert "account_number" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Is a PCN always two letters then eight digits, like EX00000000 on your page?",
        "What does contravention code 01 mean on a parking ticket?",
        "My PCN was issued on 14/02/2026, can I still pay the reduced rate?",
        "How much is a parking ticket in the town centre now, still £70?",
        "Le PCN de mon frère a été annulé en 2025, le mien peut-il l'être ?",
    ],
)
def test_a_penalty_notice_without_its_number_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & _IDENTIFIERS


# --- 6. the reference of the writer's housing or care file, a sentence after the file -------


@pytest.mark.parametrize(
    "text",
    [
        "Is there any news on my housing register application? Ref HRA/2026/44120.",
        "Où en est ma demande de logement social ? Référence LS-2026-30917, déposée en mars.",
        "Following up my disrepair case. Case no. DR-55102-B, the damp is worse.",
    ],
)
def test_a_file_reference_in_the_next_sentence_is_the_writers(
    text: str, policy: GuardPolicy
) -> None:
    assert "account_number" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Any news on my homelessness application? The letter said to ring 01632 960 000.",
        "Where is my housing benefit claim up to? Ref your letter of 12/03/2026.",
        "My homelessness application: what happens next? Case officers said 28 days.",
        "About my housing application. Policy HSG/2026/0441 says what, exactly?",
        "Is my tenancy application still open? Planning ref APP-2026-004512 is next door's.",
    ],
)
def test_a_later_sentence_without_the_files_reference_passes(
    text: str, policy: GuardPolicy
) -> None:
    assert "account_number" not in _kinds(text, policy)


# --- 7. a passport's number after its nationality, or in brackets ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mon passeport belge (EH718204) est-il accepté pour l'inscription sur les listes ?",
        "Mon passeport canadien c'est HK204719, ça marche pour la carte de bibliothèque?",
        "is my british passport (548203117) ok as ID for the register office",
    ],
)
def test_a_passport_number_after_its_nationality_is_found(text: str, policy: GuardPolicy) -> None:
    assert "document_number" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Mon passeport canadien expire en 2027, puis-je le faire renouveler ici ?",
        "The passport photo booth (B12) in the library foyer is broken again.",
        "Un passeport français (2 mois de délai en ce moment) suffit-il pour le mariage ?",
    ],
)
def test_a_passport_spoken_of_without_its_number_passes(text: str, policy: GuardPolicy) -> None:
    assert "document_number" not in _kinds(text, policy)


# --- 8. a phone number spelt out with "hundred" ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "text me on oh seven seven double oh, nine hundred, four five six, after work",
        "my landline's oh one six three two, nine six oh, five hundred - ring any evening",
    ],
)
def test_a_phone_spelt_with_hundred_is_found(text: str, policy: GuardPolicy) -> None:
    assert "phone" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Is oh eight hundred the free number to ring for the council?",
        "We waited nine hundred days for the repairs, one two three strikes and out.",
        "The fine went up from one hundred to two hundred pounds, is that legal?",
    ],
)
def test_hundreds_that_read_as_no_phone_pass(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in _kinds(text, policy)


def test_a_short_all_digit_penalty_number_is_judged_as_before(policy: GuardPolicy) -> None:
    # Seven digits and no letter: not the lettered form above (eight digits in one run are).
    assert "account_number" not in _kinds("Can you cancel PCN 4417093 for me?", policy)
    assert "account_number" in _kinds("Can you cancel PCN 44170938 for me?", policy)


# --- 10. the addresses the organisation's pages print are public (published contacts) -------

_PAGE = (
    "Come to the Customer Service Point at 7 Tanner Row, Exampleton EX2 5RW, open Monday to"
    " Friday. Write to Blue Badges, 40 Northgate Road, Exampleton EX1 2QQ, or call 020 7946 0610."
)


def _guard(policy: GuardPolicy, pages: list[str] | None) -> InputGuard:
    published = None if pages is None else (lambda: published_contacts(pages))
    return InputGuard(policy, pii_tagger="none", published=published)


@pytest.mark.parametrize(
    "text",
    [
        "Is 7 Tanner Row, Exampleton EX2 5RW open on Saturdays as well?",
        "i posted my form to 40 northgate road EX1 2QQ last week, has it arrived",
        "Can I drop the paperwork at 7 Tanner Row instead of posting it?",
    ],
)
def test_an_address_the_pages_print_is_not_personal(text: str, policy: GuardPolicy) -> None:
    assert _guard(policy, None).inspect(text, "en").action == "block_pii"
    assert _guard(policy, [_PAGE]).inspect(text, "en").action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Please collect the old fridge from 9 Tanner Row, Exampleton EX2 5RW.",
        "I live at 40 Northgate Road, Exampleton EX1 2QP and my bin was missed.",
    ],
)
def test_a_home_on_a_published_street_stays_personal(text: str, policy: GuardPolicy) -> None:
    assert _guard(policy, [_PAGE]).inspect(text, "en").action == "block_pii"


def test_the_pages_addresses_are_read_with_their_town_and_postcode() -> None:
    contacts = published_contacts([_PAGE])
    assert {"7 tanner row", "7 tanner row exampleton ex2 5rw", "ex2 5rw"} <= contacts.addresses
    assert "40 northgate road exampleton ex1 2qq" in contacts.addresses


def test_the_evaluator_gives_the_guard_the_pages_addresses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "contact.md").write_text(_PAGE, encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    record = {
        "id": "a",
        "text": "Is 7 Tanner Row, Exampleton EX2 5RW open late?",
        "expect": "allow",
    }
    rows.write_text(json.dumps(record) + "\n", encoding="utf-8")
    common = ["--rules-only", "--no-span-model"]
    assert evaluate_main([*common, str(rows)]) == 0
    assert "MISS a allow -> block_pii" in capsys.readouterr().out
    assert evaluate_main([*common, "--pages", str(pages), str(rows)]) == 0
    assert "MISS" not in capsys.readouterr().out


# --- 11. someone the writer cares for, named with the street they live on -------------------


@pytest.mark.parametrize(
    "text",
    [
        "I look after Morwenna Tregear on Pellow Crescent and her bins keep getting missed.",
        "I'm a carer for Lionel Ashdown in Quarry Bank Road. He can't manage the steps now.",
        "Je suis aidante de Gisèle Marchetti, rue des Tanneurs, elle ne sort plus son bac.",
    ],
)
def test_a_cared_for_person_with_their_street_is_personal(text: str, policy: GuardPolicy) -> None:
    assert "name_dob_address" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "I look after the community garden on Pellow Crescent, can we borrow a skip?",
        "The streetlight on Quarry Bank Road is out and a carer nearly tripped last night.",
        "I look after Morwenna's cat while she's away, do I need a permit to park?",
    ],
)
def test_a_street_or_a_first_name_alone_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name_dob_address", "name", "address"}
