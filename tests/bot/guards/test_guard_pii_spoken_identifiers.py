"""Identifiers read out in words are read as if typed in digits: the same check decides.

A card, an NHS number, a French social-security number or a National Insurance number dictated
("four seven one six, two seven oh five …", "J as in Juliet, M as in Mike, forty-eight …") is
found like its typed form, with its checksum; a number the pages publish, read out, stays public,
and counts, fees, times and short references in words are not identifiers. Every number here was
made for this file (check digits computed, none from a held-out set).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bot.guards import checksums
from bot.guards.evaluate import pages_contacts
from bot.guards.intent import IntentClassifier
from bot.guards.pii_spoken import number_words_as_digits, spoken_identifiers
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from knowledge.published import PublishedContacts
from tests.bot.guards.pii_found import found

CARD = "4716270539180006"
NHS = "6312097846"
NIR = "292097511204894"
NINO = "JM482736C"


def test_the_numbers_of_this_file_pass_their_checks() -> None:
    assert checksums.payment_card_valid(CARD)
    assert checksums.uk_nhs_number_valid(NHS)
    assert checksums.fr_nir_valid(NIR)
    assert checksums.uk_nino_valid(NINO)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "can you take the fee on my card, it's four seven one six, two seven oh five, "
            "three nine one eight, oh oh oh six",
            "payment_card",
        ),
        (
            "card number forty-seven sixteen, twenty-seven oh five, thirty-nine eighteen, "
            "double oh oh six, expiry next May",
            "payment_card",
        ),
        ("my nhs number is six three one, two oh nine, seven eight four six", "uk_nhs_number"),
        (
            "Pour le dossier, mon numéro de sécu : deux, quatre-vingt-douze, zéro neuf, "
            "soixante-quinze, un un deux, zéro quarante-huit, quatre-vingt-quatorze",
            "fr_nir",
        ),
        (
            "NI number is J as in Juliet, M as in Mike, four eight two seven three six, C as in "
            "Charlie",
            "uk_nino",
        ),
        ("my national insurance is J M forty-eight twenty-seven thirty-six C", "uk_nino"),
        ("send the permit to my postcode, E X one, four A B", "postcode"),
        # After test26 (spent): any kind read out, as the typed detectors judge it.
        (
            "sort code forty, eleven, twenty-two, account number three one, six six, oh four, "
            "eight nine",
            "account_number",
        ),
        (
            "numéro de compte : deux cent quinze, quatre cent huit, sept cent douze",
            "account_number",
        ),
        ("my passport number is five five one, two oh eight, seven seven three", "document_number"),
        ("my router shows one nine eight dot fifty-one dot one hundred dot seven", "ip_address"),
        ("j'habite au cinquante-six Orchard Row, le bac est où ?", "address"),
        (
            "postcode E for Edward, X for x-ray, nine, then two, P for Peter, D for David",
            "postcode",
        ),
        ("code postal : E, X, trois, puis un, R comme Robert, S comme Simone", "postcode"),
        ("mon iban : FR vingt, 3000 2005 5000 0015 7845 261", "iban"),
        ("mon code postal : soixante-quinze zéro onze, c'est chez moi", "postcode"),
        ("numéro de carte : 4716 2705 trois neuf un huit zéro zéro zéro six", "payment_card"),
    ],
)
def test_an_identifier_read_out_is_found_as_typed(
    policy: GuardPolicy, text: str, kind: str
) -> None:
    assert kind in [k for k, _ in found(text, policy)]


@pytest.mark.parametrize(
    "text",
    [
        "the fee is twenty five pounds and the office opens at nine thirty",
        "is it two hundred and fifty pounds for the licence or three hundred and twelve?",
        "booking reference four five six seven eight nine, is it still valid?",
        "we have three kids aged two, five and nine and two dogs",
        "l'accueil ouvre à neuf heures trente et ferme à dix-sept heures trente",
        "the card on the help page reads four seven one six, two seven oh five, three nine one "
        "eight, oh oh oh seven",  # fails the Luhn check
        "a reference like six three one, two oh nine, seven eight four five",  # fails mod 11
        "the recycling centre's postcode is E X two, one A A, right?",
        "the number twenty-two bus, then the forty-one, then the nineteen",
        "doors open at nine thirty, then close at five fifteen, point final",
        "the leaflet's example, one two three dot four five six, is not a real number",
        "en deux mille vingt-six, le tarif passe de quarante-cinq à cinquante euros",
    ],
)
def test_counts_fees_times_and_failing_numbers_in_words_are_no_identifier(
    policy: GuardPolicy, text: str
) -> None:
    kinds = {
        "payment_card",
        "uk_nhs_number",
        "fr_nir",
        "uk_nino",
        "iban",
        "postcode",
        "phone",
        "ip_address",
        "account_number",
        "bank_account",
        "document_number",
        "address",
    }
    assert [k for k, _ in found(text, policy) if k in kinds] == []


@pytest.mark.parametrize(
    ("spoken", "typed"),
    [
        ("my nhs number is six three one, two oh nine, seven eight four five", "631 209 7845"),
        ("my nhs number is six three one, two oh nine, seven eight four six", "631 209 7846"),
        ("card: four seven one six two seven oh five three nine one eight oh oh oh seven", ""),
        (
            "sécu : deux quatre-vingt-douze zéro neuf soixante-quinze un un deux zéro quarante-huit "
            "quatre-vingt-quinze",
            "",
        ),
    ],
)
def test_a_number_read_out_is_judged_as_its_typed_form(
    policy: GuardPolicy, spoken: str, typed: str
) -> None:
    runs = list(spoken_identifiers(spoken))
    assert len(runs) == 1
    start, end, read = runs[0]
    as_typed = spoken[:start] + (typed or read) + spoken[end:]
    assert [k for k, _ in found(spoken, policy)] == [k for k, _ in found(as_typed, policy)]


def test_a_run_is_read_with_its_letters_and_digits() -> None:
    text = "it's J as in Juliet, M for Mike, forty-eight twenty-seven thirty-six C thanks"
    read = [value for _, _, value in spoken_identifiers(text)]
    assert read == [NINO]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "the fee is twenty five pounds, opens at nine thirty",
            "the fee is 25 pounds, opens at 930",
        ),
        ("zéro six trente-neuf, c'est ça ?", "0639, c'est ça ?"),
        ("j'ai dix-sept ans et plus rien", "j'ai dix-sept ans et plus rien"),
        ("quarante et un ans et plus", "41 ans et plus"),
        ("I have one dog and two cats", "I have one dog and two cats"),
    ],
)
def test_the_classifier_reads_runs_of_number_words_as_digits(text: str, plain: str) -> None:
    assert number_words_as_digits(text) == plain


def test_number_words_do_not_make_a_question_a_complaint(
    policy: GuardPolicy, shipped_intents: IntentClassifier
) -> None:
    guard = InputGuard(policy, intents=shipped_intents, pii_tagger="none")
    for text in (
        "the fee is twenty five pounds and the office opens at nine thirty, is that right?",
        "is the booking reference B W twenty four, one two three four still valid",
    ):
        assert guard.inspect(text, "en").action == "allow", text


def test_typed_digits_alone_are_left_to_the_typed_detectors() -> None:
    assert list(spoken_identifiers("my card is 4716 2705 3918 0006")) == []


def test_the_councils_own_number_read_out_is_public(policy: GuardPolicy) -> None:
    guard = InputGuard(policy, pii_tagger="none", published=_published_demo)
    verdict = guard.inspect(
        "the contact centre is oh two oh, seven nine four six, oh oh oh oh isn't it?", "en"
    )
    assert verdict.action == "allow", verdict


def test_a_private_number_read_out_is_still_blocked(policy: GuardPolicy) -> None:
    guard = InputGuard(policy, pii_tagger="none", published=_published_demo)
    verdict = guard.inspect(
        "ring me on oh seven seven double oh, nine hundred, four one seven please", "en"
    )
    assert verdict.action == "block_pii", verdict


@cache
def _published_demo() -> PublishedContacts:
    return pages_contacts(Path(__file__).resolve().parents[3] / "knowledge" / "demo")


@pytest.mark.parametrize(
    "text",
    [
        "My flat is O two 4 on the third floor, is the lift being fixed?",
        "The form says O1 quarante for the building code, what does that mean?",
        "Reference O1 six on my letter: when is the hearing?",
        "Is bus O two 4 still running to the recycling centre on Sundays?",
    ],
)
def test_a_reading_that_reads_again_as_itself_ends(policy: GuardPolicy, text: str) -> None:
    # A capital O or l among number words ("O two 4") is read as "O24", which the reader reads
    # again as a run: the detectors read the typed copy once, never the copy of the copy (this
    # recursed until Python's limit, and a message crashed the guard). Found with random word
    # strings written for this test, then these sentences.
    guard = InputGuard(GuardPolicy.default())
    assert guard.inspect(text, "en").action in {"allow", "block_pii"}
    found(text, policy)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'll be ringing ０２０ ７９４６ ００００ tomorrow at nine about my bin, ok?", "en"),
        ("Je vais appeler le ０２０ ７９４６ ００００ demain matin pour ma poubelle.", "fr"),
    ],
)
def test_the_councils_own_number_in_full_width_digits_is_public(
    policy: GuardPolicy, text: str, lang: str
) -> None:
    # Full-width digits (a phone keyboard in a CJK layout) are the same number as the pages
    # print: compared after NFKC, as the finders read them (test42, spent).
    guard = InputGuard(policy, pii_tagger="none", published=_published_demo)
    assert guard.inspect(text, lang).action == "allow"


def test_a_private_number_in_full_width_digits_is_still_blocked(policy: GuardPolicy) -> None:
    guard = InputGuard(policy, pii_tagger="none", published=_published_demo)
    verdict = guard.inspect("ring me on ０７７００ ９００４１７ tonight please, about my bin", "en")
    assert verdict.action == "block_pii", verdict


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The leaflet in the library lists 44 20 7946 0000 ext 4 for bins, is that you?", "en"),
        ("Sur l'affiche de la salle des fêtes : 44 20 7946 0000 poste 2, c'est vous ?", "fr"),
    ],
)
def test_the_councils_own_number_with_a_bare_country_code_is_public(
    policy: GuardPolicy, text: str, lang: str
) -> None:
    # "44 …" without "+" or "00" is read as the country code (test44 forms, spent): the number
    # it writes is compared with the pages' in its national form, as with "+44".
    guard = InputGuard(policy, pii_tagger="none", published=_published_demo)
    assert guard.inspect(text, lang).action == "allow"


def test_a_private_number_with_a_bare_country_code_is_still_blocked(policy: GuardPolicy) -> None:
    guard = InputGuard(policy, pii_tagger="none", published=_published_demo)
    verdict = guard.inspect("text me on 44 7700 900 519 after six about the skip", "en")
    assert verdict.action == "block_pii", verdict
