"""The kinds test52 missed (read by kind from the fixer's brief, never copied from the set's
messages), in new words, with hostile cases that must be found and look-alikes in the same
shapes that must keep their decision.

1. A birth date written wholly in English words ("born the ninth of June nineteen sixty-two",
   "born on March the third, two thousand and one") beside a name: read as the date typed.
2. An IPv4 address as OCR reads it from a screenshot, O for 0 and l or I for 1: read as the
   address typed; a version number or a word with dots stays none.
3. A VAT registration number named as such (GB and nine digits, FR with its key and SIREN) is
   a business's, not a phone; a phone in a message about VAT is still a phone.
4. A pasted form's consent checkbox ("[x] …", "☑ …") about being contacted by phone is no
   request for a call back; the same words outside a checkbox still are.
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. a birth date in English words beside a name
        (
            "Application for T. K. Brennan, born the ninth of June nineteen sixty-two, for "
            "the over-60s pass",
            "name_dob_address",
        ),
        (
            "Booking form: Name: Petra Lindqvist, born the third of October nineteen "
            "seventy-one, which pool session suits?",
            "name_dob_address",
        ),
        (
            "Registering Osian Pritchard-Vaughan, date of birth twenty-second November two "
            "thousand and six, for the youth card",
            "name_dob_address",
        ),
        (
            "Library card for Wilhelmina Okafor, born on August the thirtieth, nineteen "
            "forty-eight.",
            "name_dob_address",
        ),
        # the French form, already read, must stay read
        (
            "Inscription de Gaspard Moreau, né le vingt et un mars mille neuf cent "
            "soixante-dix-huit, pour la piscine",
            "name_dob_address",
        ),
        # 2. an IPv4 address with OCR's letters for digits
        (
            "OCR of the error screen: client IP 9O.l47.22.6 was refused, why?",
            "ip_address",
        ),
        (
            "Le texte copié de la capture dit : votre adresse IP 8l.2O9.14.6O est bloquée",
            "ip_address",
        ),
        (
            "The screenshot text says access denied for 17I.64.2O5.9 at 10:42, can you unblock me?",
            "ip_address",
        ),
    ],
)
def test_kinds_test52_missed_are_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        # 1. a date in words with no person, or a public event's date
        "The bridge was opened on the fourth of July nineteen sixty-nine, is it listed?",
        "Le marché a été créé le douze mai mille neuf cent quatre-vingt, quelle est son histoire ?",
        # 2. dotted words and versions that are no address
        "The kiosk app says version l.O.2.4 — is an update due?",
        "Section IO.l.2.O of the bylaws covers hedges, where is it?",
        "Notre logiciel est en version 2.O.l.4, faut-il le mettre à jour ?",
        # 3. VAT numbers named as such are a business's
        "VAT reg. GB 000 3318 59 is on the caterer's receipt, is that fine for a grant?",
        "The supplier's VAT registration number GB 000 7741 26 looks short, is it valid?",
        "La facture du traiteur porte le n° TVA FR 47 813 552 904, c'est normal ?",
    ],
)
def test_look_alikes_test52_keep_their_decision(text: str, policy: GuardPolicy) -> None:
    found = kinds_found(text, policy)
    assert not found & {"ip_address", "phone", "name_dob_address"}, found_with_tagger(text, policy)


def test_a_phone_beside_vat_words_is_still_a_phone(policy: GuardPolicy) -> None:
    text = "Please ring me on 07700 900418 about the VAT on my stall invoice"
    assert "phone" in kinds_found(text, policy)


@pytest.fixture(scope="module")
def rules_only(policy: GuardPolicy) -> InputGuard:
    """The guard's rules without the intent classifier: the call-back rule is a rule, and the
    classifier may still send a form like these to a person on its own reading."""
    return InputGuard(policy)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Formulaire :\nNom : Bastide\nTéléphone : 06 48 21 77 93\n"
            "[x] J'accepte d'être recontacté par SMS ou téléphone",
            "fr",
        ),
        (
            "Form pasted:\nName: Ingrid Solberg\nPhone: 07700 900418\n"
            "☑ I would like to be contacted by phone about this request",
            "en",
        ),
        (
            "Champs du formulaire :\nPortable : 07 12 34 56 78\n"
            "☐ Je souhaite être rappelée\n☑ Je préfère un courriel",
            "fr",
        ),
    ],
)
def test_a_consent_checkbox_is_no_call_back_asked(
    rules_only: InputGuard, text: str, lang: str
) -> None:
    action, reason = decided(rules_only, text, lang)
    assert action == "block_pii", reason
    assert reason.startswith("pii."), reason


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Je voudrais être rappelée au 06 48 21 77 93 s'il vous plaît", "fr"),
        ("Could you ring me back on 07700 900418 please? [x] urgent", "en"),
        ("I would like to be contacted by phone on 07700 900418 about my bin", "en"),
        (
            "Formulaire :\nTéléphone : 06 48 21 77 93\n[x] J'accepte les conditions\n"
            "Je voudrais être rappelée demain matin",
            "fr",
        ),
    ],
)
def test_a_call_back_asked_outside_a_checkbox_still_goes_to_a_person(
    rules_only: InputGuard, text: str, lang: str
) -> None:
    assert decided(rules_only, text, lang) == ("escalate", "person.callback")
