"""Forms of personal data and of look-alikes, from the misses of the spent set test15 (read as
forms, never as messages: every message here is written for this file).

- a passport's number the writer calls theirs ("mine is …", "le mien, c'est …") or gives with
  its expiry, in a message that speaks of a passport;
- an account number written in spaced groups a few words after its label ("my council tax
  account on the bill is 7720 4183 55", "numéro de compte de taxe locale est le …");
- a code with letters and slashes after an account word and "ref" ("tenancy ref ABC/…"): an
  account's number, whatever its separators (a case or application reference still passes);
- a number a form, a leaflet or a poster shows as its example, the example word opening the
  sentence further back than a few words ("The sample on the form shows the NHS number as …");
- a landline the writer rang ("I tried ringing 0113 …", "j'ai appelé le 01 …"): the line
  called, not the writer's.

Each form has look-alikes of the same shape that must pass (or, for the landline, numbers of
the same shape that stay personal).
"""

from __future__ import annotations

import pytest

from bot.guards import checksums
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


def kinds(text: str, policy: GuardPolicy) -> list[str]:
    return [kind for kind, _ in found(text, policy)]


# --- a passport's number called "mine", or given with its expiry ----------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Do they need my actual passport at the register office or just the number?"
            " mine's 703918264 if that helps",
            "703918264",
        ),
        (
            "Is a passport enough for the polling station, or only its number? My one is"
            " 612047385.",
            "612047385",
        ),
        (
            "Le consulat veut voir le passeport canadien ou seulement le numéro ? Le mien,"
            " c'est GK402917.",
            "GK402917",
        ),
        (
            "Pour la carte de résident il faut le passeport. La mienne ? non, le mien est"
            " 18AB40271, je crois.",
            "18AB40271",
        ),
        (
            "For the marriage notice they want passport details: 703918264, expires June 2031.",
            "703918264",
        ),
        (
            "Le passeport de ma fille, 612047385, expire le 3 mai 2029 : est-ce trop court ?",
            "612047385",
        ),
    ],
)
def test_a_passport_number_called_mine_or_given_with_its_expiry_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert span in [s for _, s in found(text, policy)]


@pytest.mark.parametrize(
    "text",
    [
        # "mine" of another thing, or no passport in the message.
        "The passport office gave me a queue ticket, mine is 538104276, how long is the wait?",
        "Which bin round am I on? the app shows a round code and mine is 538104276",
        "Renewing a passport costs £88.50, mine expires in 2031, can the library check forms?",
        "My passport photo booth receipt says 703918264, can I get a refund for the bad print?",
        "Le passeport coûte 86 euros ; le mien expire en 2030, faut-il le refaire avant ?",
    ],
)
def test_other_numbers_beside_a_passport_pass(text: str, policy: GuardPolicy) -> None:
    assert "document_number" not in kinds(text, policy)


# --- an account number in spaced groups, a few words after its label -----------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "The council tax account on my last bill is 7720 4183 55, has the direct debit"
            " started?",
            "7720 4183 55",
        ),
        (
            "Mon numéro de client chez la régie des eaux est le 402 118 735, le compteur a été"
            " changé hier.",
            "402 118 735",
        ),
        (
            "Notre contrat de location avec l'office HLM porte le numéro 20 481 733 09, le"
            " chauffage est en panne.",
            "20 481 733 09",
        ),
        ("my rent account for the garage is 5531 2208 4, why the arrears letter?", "5531 2208 4"),
    ],
)
def test_a_spaced_account_number_after_its_label_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert ("account_number", span) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        # Amounts and counts in groups of three, dates, a service's line.
        "Le compte administratif de la ville affiche 12 450 000 € de dépenses, où est le détail ?",
        "The council tax account statement says the town raised 48 210 550 pounds last year.",
        "Customer services answered 1 204 330 calls in 2025, is that on the website?",
        "Mon compte de taxe locale est prélevé depuis le 01 12 2025, c'est normal ?",
    ],
)
def test_amounts_counts_and_dates_after_an_account_word_pass(
    text: str, policy: GuardPolicy
) -> None:
    assert kinds(text, policy) == []


def test_a_service_line_after_an_account_word_is_left_to_the_phone_rules(
    policy: GuardPolicy,
) -> None:
    text = "Is the council tax account helpline 0113 496 0777 open on Saturdays?"
    assert "account_number" not in kinds(text, policy)


# --- an account's code with letters and slashes after "ref" ----------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("tenancy ref KRN/40917/02 - the damp in the bedroom is back, who do I ask?", "KRN"),
        ("Council tax account reference CT/2291/0087 shows a second bill for March.", "CT/"),
        ("Référence contrat de location : LOC/55120/3, la fenêtre ne ferme plus.", "LOC/"),
    ],
)
def test_an_accounts_code_with_slashes_after_ref_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert any(kind == "account_number" and s.startswith(span) for kind, s in found(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # A case, an application or a planning reference: structured, a service's, not an
        # account's (the hostile corpus keeps "My application reference is APP-…" this way).
        "My application reference is HSG-2026-118204, has it been looked at?",
        "Case ref HB/2026/00981 was closed, why?",
        "The planning application ref 26/04417/FUL is for the house next door.",
        "Le dossier réf. URB/2026/0312 est-il consultable en mairie ?",
        "Order ref ORD/44120/7 for the bin hasn't arrived.",
        # A council policy's coded reference is a public document's.
        "Policy ref HSG/2026/0441 is on the council website, does it cover lodgers?",
    ],
)
def test_case_and_application_references_still_pass(text: str, policy: GuardPolicy) -> None:
    assert kinds(text, policy) == []


# --- a number shown as an example, the example word opening the sentence --------------------


def test_the_example_numbers_below_fail_their_checks() -> None:
    assert not checksums.uk_nhs_number_valid("6120473859")
    assert not checksums.uk_nino_valid("QQ123456C")
    assert not checksums.fr_nir_valid("185057800608436")


@pytest.mark.parametrize(
    "text",
    [
        "The sample printed on the repeat prescription form has the NHS number set out as"
        " 612 047 3859, should I copy that layout?",
        "The worked example in the housing benefit leaflet gives the national insurance number"
        " as QQ 12 34 56 C, is that a real one?",
        "L'exemple imprimé au dos du formulaire de la CAF montre le numéro de sécurité sociale"
        " sous la forme 1 85 05 78 006 084 36, faut-il les espaces ?",
    ],
)
def test_a_number_an_example_shows_further_back_in_its_sentence_passes(
    text: str, policy: GuardPolicy
) -> None:
    assert kinds(text, policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The writer's own words after the example word: their number, given.
        (
            "The sample on the form confused me, so here it is as I have it, my NHS number is"
            " 612 047 3858.",
            "uk_nhs_number",
        ),
        (
            "L'exemple du formulaire ne m'aide pas, voici mon numéro de sécurité sociale : 1 85"
            " 05 78 006 084 91.",
            "fr_nir",
        ),
        # The example in another sentence: the number is the writer's.
        (
            "I followed the example on the leaflet. My NHS number is 612 047 3859, is that the"
            " right format?",
            "uk_nhs_number",
        ),
    ],
)
def test_own_numbers_after_an_example_word_are_still_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in kinds(text, policy)


# --- a landline the writer rang ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We've rung 0113 496 0777 four times about the fly-tipping and it just rings out.",
        "I phoned 0161 496 0455 yesterday about my parking permit, is that line shut on Fridays?",
        "I tried calling 0117 496 0233 about my garden waste and got no answer, is it right?",
        "J'ai appelé le 01 99 00 12 34 trois fois pour mes encombrants, personne ne répond.",
        "J'ai essayé d'appeler le 01 99 00 45 67 hier pour ma carte de bibliothèque, en vain.",
    ],
)
def test_a_landline_the_writer_rang_passes(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        # A mobile rung is a person's; the writer's own line given after calling.
        "I rang 07700 900618 twice, that's the plumber the council sent, and he never came.",
        "I've tried ringing you all week, my number is 0113 496 0777 if you can call back.",
        "I rang you from 0161 496 0455 this morning, please use that number.",
        "J'ai appelé le 06 39 98 12 34 mais c'est le portable de ma voisine, elle n'a pas répondu.",
        "I called 0117 496 0233, it's my own landline, to check it works and it doesn't ring.",
    ],
)
def test_mobiles_rung_and_the_writers_own_line_are_still_found(
    text: str, policy: GuardPolicy
) -> None:
    assert "phone" in kinds(text, policy)
