"""The kinds test35 missed (read after its one blind run), each in new words (none is a held-out
message or a rewording of one), with the look-alikes in the same shapes that must pass.

1. A number typed with an odd separator between its groups: underscores, slashes, dashes
   ("2_84_05_…", "FR05/3000/…", "JK-40-28-17-C", "EX2_7LP"). A reference, a file name or a
   version in the same shape, and postcode districts split by slashes, stay what they are.
2. A number typed one digit a space after its label further back in the sentence ("… account
   number, as printed on the card, is 5 1 8 …"); one shown as an example stays an example.
3. A contact card or a pasted signature: its name field ("FN:…") is a person's name; the
   organisation's own mailbox or line in an "EMAIL:" or "Tel:" field is the organisation's.
4. A number failing its check in a message the writer doubts in new words ("did you send
   this?", "does the council send this kind of email?", "c'est bien vous qui …", "il ne
   ressemble pas au mien"): no identifier. Given as the writer's own, it stays found.
5. A version after an app's name and a slash ("ExampletonBins/10.2.113.7"): no IP address.
6. A number a form shows in grey text, as its placeholder: no phone.
7. An e-mail address shown as an example ("for example **someone@example.com**").
8. A CSV list of public places: each row's address and postcode are the place's.
9. An account's number in a link's path, after its account segment ("…/compte/41820375/…").
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found

_NUMBERS = {"fr_nir", "iban", "uk_nino", "postcode", "account_number", "document_number"}

# --- 1. odd separators between a number's groups ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Le logiciel du centre affiche son numéro de sécu ainsi : 2_84_05_69_123_456_40."
            " Je le recopie tel quel ?",
            "fr_nir",
        ),
        (
            "The scanner turned the spaces in my IBAN into slashes: FR05/3000/4028/3700/0123"
            "/4567/890. Can the refund go to it?",
            "iban",
        ),
        (
            "The benefits form wants my NI number; on my payslip it reads JK-40-28-17-C.",
            "uk_nino",
        ),
        (
            "Mon numéro National Insurance est noté JK-40-28-17-C sur ma fiche de paie, je"
            " l'écris comment ?",
            "uk_nino",
        ),
        ("The spreadsheet shows my mum's postcode as EX2_7LP, which bin day is hers?", "postcode"),
        (
            "Le tableur a changé le code postal de ma mère en EX2_7LP : quel jour passent"
            " les bacs ?",
            "postcode",
        ),
    ],
)
def test_a_number_with_odd_separators_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Planning application PLN/2026/01734 was refused last week; how do I appeal?",
        "The export names the file bulky_waste_2026_03_14.csv, can I upload it as it is?",
        "L'appli affiche la version 7_2_19_4, faut-il la mettre à jour ?",
        "Les quartiers EX1/EX2/EX4 sont-ils concernés par le changement de tournée ?",
    ],
)
def test_a_reference_or_version_with_odd_separators_passes(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & _NUMBERS, found_with_tagger(text, policy)


# --- 2. one digit a space, the label further back ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My rent account number, as printed on the little card, is 5 1 8 2 0 4 7 3 9.",
        "Le numéro de compte de taxe locale de mon père est 4 1 8 2 0 3 7 5 9, je peux payer"
        " pour lui ?",
        "Her passport number, which she spelt out for me digit by digit, is 7 0 3 9 1 8 2 6 4.",
    ],
)
def test_a_number_one_digit_a_space_is_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"account_number", "document_number"}, found_with_tagger(
        text, policy
    )


@pytest.mark.parametrize(
    "text",
    [
        "The guide shows a made-up account number, 1 2 3 4 5 6 7 8 9, where do I find mine?",
        "La notice montre un numéro de compte fictif : 9 8 7 6 5 4 3 2 1. Le vrai a combien de"
        " chiffres ?",
    ],
)
def test_an_example_one_digit_a_space_passes(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & _NUMBERS, found_with_tagger(text, policy)


# --- 3. a contact card's fields ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Saved from your website:\nBEGIN:VCARD\nVERSION:3.0\nFN:Exampleton Parking Services\n"
        "TEL;TYPE=work:01632 960 100\nEMAIL:parking@exampleton.example\nEND:VCARD\n"
        "Is this still the right card for permits?",
        "Le bas du courriel de la mairie :\nService de l'état civil\n"
        "Courriel : etatcivil@exampleton.example\nIls ouvrent le samedi matin ?",
    ],
)
def test_an_organisation_s_card_or_signature_passes(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"email", "phone", "name"}, found_with_tagger(
        text, policy
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The new lodger's card, straight from my phone:\nBEGIN:VCARD\nVERSION:3.0\n"
            "N:Pettigrew;Rosalind;;;\nFN:Rosalind Pettigrew\nNOTE:room 2\nEND:VCARD\n"
            "Does she need her own council tax account?",
            "name",
        ),
        (
            "Voici la fiche de ma nouvelle colocataire :\nBEGIN:VCARD\n"
            "N:Vasseur-Lemoine;Clémence;;;\nFN:Clémence Vasseur-Lemoine\nEND:VCARD\n"
            "Elle doit s'inscrire où ?",
            "name",
        ),
        (
            "Ma signature, si vous devez me répondre :\nFabrice\n"
            "Courriel : fabrice.ondarts@example.org\nMerci !",
            "email",
        ),
    ],
)
def test_a_person_s_card_stays_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 4. a failing number in a message doubted in new words ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Got a text: 'Exampleton Council: £42 refund due to card 4532 0187 4412 9034, reply"
        " YES'. Did you send this?",
        "An email asks me to confirm the NIR 2 84 05 69 123 456 key 41 on a web page. Does the"
        " council send this kind of email?",
        "SMS : « Mairie : remboursement sur la carte 4532 0187 4412 9034, répondez OUI ». C'est"
        " bien vous qui l'avez envoyé ?",
        "Un courriel me demande de confirmer le numéro de sécu 2 84 05 69 123 456 clé 41. Il ne"
        " ressemble pas du tout au mien.",
    ],
)
def test_a_failing_number_in_a_doubted_message_passes(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"payment_card", "fr_nir", "account_number"}, (
        found_with_tagger(text, policy)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Please put the refund back on my card 4532 0187 4412 9034.",
        "Mon numéro de sécu : 2 84 05 69 123 456 clé 41, c'est pour l'inscription à la cantine.",
    ],
)
def test_a_failing_number_given_as_one_s_own_stays_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"payment_card", "fr_nir", "account_number"}, (
        found_with_tagger(text, policy)
    )


# --- 5. a version after an app's name and a slash ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The error page footer says ExampletonBins/10.2.113.7 (iOS 17). Should I reinstall?",
        "L'écran « À propos » indique Exampleton Parking/6.1.0.24, c'est la dernière ?",
    ],
)
def test_a_version_after_an_app_s_name_passes(text: str, policy: GuardPolicy) -> None:
    assert "ip_address" not in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The library login blocks my home IP 203.0.113.58, can you unblock it?",
        "Le site de la piscine bloque mon adresse IP 203.0.113.77 depuis hier.",
    ],
)
def test_a_home_ip_stays_found(text: str, policy: GuardPolicy) -> None:
    assert "ip_address" in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 6. a form's placeholder in grey text -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The mobile box on the licence form shows 07700 900000 in grey text; do I clear it?",
        "La case téléphone affiche 07700 900000 en texte grisé, je dois l'effacer ?",
    ],
)
def test_a_placeholder_in_grey_text_passes(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in kinds_found(text, policy), found_with_tagger(text, policy)


def test_one_s_own_mobile_over_the_grey_text_stays_found(policy: GuardPolicy) -> None:
    text = "I typed my own mobile 07700 900462 over the grey text, will you text me there?"
    assert "phone" in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 7. an e-mail shown as an example ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The sign-up page says `Your email (for example **someone@example.com**)`. Do I type"
        " that in?",
        "La page d'inscription dit « par exemple prenom.nom@example.fr » : je mets le mien ?",
    ],
)
def test_an_email_shown_as_an_example_passes(text: str, policy: GuardPolicy) -> None:
    assert "email" not in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "For example, my email is jo.trelawney@example.net, will replies go there?",
        "Par exemple, écrivez-moi à maelys.carbonnel@example.org pour le rendez-vous.",
    ],
)
def test_one_s_own_email_after_for_example_stays_found(text: str, policy: GuardPolicy) -> None:
    assert "email" in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 8. a CSV list of public places -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Which of these takes mattresses?\nname,address,postcode\n"
        "Northfield Recycling Centre,7 Tanyard Lane,EX2 8RT\n"
        "Southgate Community Hall,19 Weaver Street,EX3 4HD",
        "Laquelle ouvre le lundi ?\nlieu;adresse;code postal\n"
        "Bibliothèque du Port;5 Quay Lane;EX4 1QL\nPiscine des Prés;2 Meadow Road;EX2 6MR",
    ],
)
def test_a_csv_list_of_public_places_passes(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"address", "postcode", "name_dob_address"}, (
        found_with_tagger(text, policy)
    )


@pytest.mark.parametrize(
    "text",
    [
        "The tenants for the licence form:\nname,address,postcode\n"
        "Marcus Oyelaran,7 Tanyard Lane,EX2 8RT\nLena Brightwater,19 Weaver Street,EX3 4HD",
        "Mes locataires :\nnom;adresse;code postal\nGaëlle Marchetti;5 Quay Lane;EX4 1QL",
    ],
)
def test_a_csv_list_of_people_stays_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"address", "postcode", "name", "name_dob_address"}, (
        found_with_tagger(text, policy)
    )


# --- 9. an account's number in a link's path --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My Direct Debit link https://pay.exampleton.example/account/51820473/direct-debit"
        " shows an error, why?",
        "Le lien https://www.exampleton.example/fr/mon-compte/41820375/factures ne s'ouvre"
        " plus. Je fais comment ?",
    ],
)
def test_an_account_number_in_a_link_s_path_is_found(text: str, policy: GuardPolicy) -> None:
    assert "account_number" in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The page https://www.exampleton.example/account/2026/renewals says the date moved.",
        "La page https://www.exampleton.example/fr/compte/aide/31 ne répond pas.",
    ],
)
def test_a_link_s_path_with_no_account_number_passes(text: str, policy: GuardPolicy) -> None:
    assert "account_number" not in kinds_found(text, policy), found_with_tagger(text, policy)
