"""The kinds test38 and test39 missed (read after their one blind run each), in new words (none
is a held-out message or a rewording of one), with the look-alikes in the same shapes that must
keep their decision.

1. A service's line asked about with its extension between the number and the words that ask
   about it ("0117 496 0321 ext 4, is that the right line for …", "le 01 … poste 12, c'est bien
   la ligne de …"): the service's, as without the extension. The writer's own work line with
   an extension stays found.
2. A ten-digit number in the NHS number's 3-3-4 grouping, in a message about the NHS, that fails
   the NHS check (a scam's number asked about): no phone and no NHS number. A valid one stays
   found, and a number said to be rung stays a phone.
3. A French request for a street repair ("ma demande de réparation de trottoir / de la
   chaussée …"): a public works reference, not a home repair file. A home repair file stays.
4. "Le maire adjoint chargé de …, M. …" written with a space: a public officer, as with the
   hyphen.
5. An e-mail address with a quoted local part (`"a b"@example.org`): found.
6. An identifier pasted in two quoted parts ("« 1 79 … » puis « 456 43 »", "'PW 31' and then
   '58 72 A'"): read joined, as when the parts are not quoted.
7. A postcode read out with "double" before a letter ("E X four, seven, double D"): the letter
   twice, as "double" before a digit.
8. A name given as form fields without their colons ("surname X, first name Y", "nom X, prénom
   Y") beside a date of birth: a name with a date of birth.
9. An e-mail address given as its user name, then its domain, a few words apart ("email
   username is a.b, and the domain is example.com"): the address. A domain or a user name
   alone stays as it is.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found


@pytest.mark.parametrize(
    "text",
    [
        # 1. a service's line with its extension
        "Is 020 7946 0123 ext. 4 the right number for the library renewals?",
        "020 7946 0123 extension 12 - is that still the parking team?",
        "Le 01 99 00 45 67, poste 3, c'est bien la ligne du service des sports ?",
        "le 020 7946 0123 poste 21 c'est le bon numéro pour l'état civil ?",
        # 2. a 3-3-4 number failing the NHS check, in a message about the NHS
        "A text 'from the NHS' wants me to confirm 641 205 8371 on a website, is it real?",
        "Un SMS soi-disant du NHS me demande de valider le 641 205 8371, c'est du phishing ?",
        # 3. a street repair request's reference, in French
        "Ma demande de réparation de la chaussée porte le numéro VO-2026-004417, où en est-elle ?",
        "Notre demande de réparations du trottoir, référence TR-55-209318, a-t-elle été vue ?",
        # 4. a deputy mayor with a space
        "La maire adjointe chargée de la culture, Mme Philippine Rocheval, inaugure-t-elle "
        "l'expo ?",
        "Le maire adjoint aux sports, M. Aristide Vanhoutte, sera-t-il au gymnase samedi ?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. the writer's own line with an extension stays theirs
        ("My work number is 0117 496 0321 ext 214, is that ok for the callback form?", "phone"),
        ("mon numéro au bureau c'est le 01 99 00 45 67 poste 8, c'est bien noté ?", "phone"),
        # 2. a valid NHS number in the same shape; a number said to be rung
        ("For the NHS referral form, my number is 573 018 2643, is that enough?", "uk_nhs_number"),
        # 3. a home repair file stays found
        (
            "Ma demande de réparations n° RP-2026-118840 pour la moisissure chez moi n'avance pas.",
            "account_number",
        ),
        # 5. a quoted local part
        ('Please write to "amina jallow"@example.com, your form won\'t take it', "email"),
        ('Mon adresse c\'est "m.durand bureau"@example.net, le site la refuse', "email"),
        # 6. quoted parts
        ("The box split it: 'PW 31 58' then '72 A'. Is that my NI number done?", "uk_nino"),
        ("J'ai envoyé « 1 79 11 69 123 » puis « 456 43 », c'est mon numéro de sécu.", "fr_nir"),
        ('Recopié de mes messages : "1 79 11 69" et ensuite "123 456 43" pour la CAF.', "fr_nir"),
        # 7. double before a letter in a postcode read out
        ("for the bulky waste pickup my postcode is E X four, seven, double D", "postcode"),
        ("garden bin please, postcode EX two, nine double L", "postcode"),
        ("mon code postal : E X quatre, sept, double D, pour les encombrants", "postcode"),
        # 9. an e-mail's user name and domain given apart
        (
            "For the library: email username is tamsin_brook.71, and the domain is example.com",
            "email",
        ),
        ("mon identifiant de courriel c'est j.peyrol-ana ; le domaine : example.org", "email"),
        ("Email user name: okafor.dee. Domain name is example.net, ok?", "email"),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 8. name fields without their colons, beside a date of birth
        "For the bus pass: surname Quillfeather, first name Rosamund, born 03/02/1950.",
        "first name Rosamund, surname Quillfeather, dob 1950-02-03, what photo do I need?",
        "Pour la carte de bibliothèque : nom Vasseur-Lamy, prénom Ghislaine, née le 1948-11-30.",
        "prénom Ghislaine nom Vasseur-Lamy née le 30/11/1948, c'est bon pour l'inscription ?",
    ],
)
def test_name_fields_with_a_birth_date_are_found(text: str, policy: GuardPolicy) -> None:
    assert "name_dob_address" in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # an extension alone with an ordinary question: no data either way
        "What is the extension for the housing team, is it 4 or 5?",
        # "double" before a letter outside a postcode
        "Is the double B on the parking sign the bay number for permit holders?",
        # a name field with no value, and a name word in a sentence
        "The form asks for surname and first name, in which order?",
        "Le nom Vasseur est-il assez courant pour l'inscription en ligne ?",
        # a domain alone, and a user name asked about without a domain
        "Is the council's email domain exampleton.example or exampleton.gov?",
        "What should my email username be for the library app, and which domain do I pick?",
    ],
)
def test_ordinary_messages_stay_clear(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], text
