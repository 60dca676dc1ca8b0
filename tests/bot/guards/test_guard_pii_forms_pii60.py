"""Kinds test60 and hol54 missed (read after their one blind run), each in new words (none is a
held-out message or a rewording of one), with the look-alikes in the same shapes that must keep
their decision (issue 12, fixer P8).

1. A birth date written with the month's name or in words (ordinal days, "1er", "premier",
   years in words), given as the writer's own, or as their child's named as its date of birth
   ("her date of birth is …", "sa date de naissance : …") or with the place of birth ("il est
   né le … à <Town>"). A child's birth date said to ask a rule, an event's, an appointment's,
   an opening's or a building's date is no one's birth date.
2. A NIR-shaped number whose key fails, labelled as something else (a customer or subscriber
   number on a bill) and asked about: nobody's NIR. One the writer says is theirs stays found.
3. A number in a phone's national form after a permit's, an account's or a reference's word,
   in a message asking to be called: a phone (the call-back rule's), not an account's number.
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found

# --- 1. birth dates with the month's name or in words ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Booking the holiday club for my daughter; her date of birth is the fourteenth of March "
        "twenty eighteen. Is there a sibling discount?",
        "My son was born on the 21st of November 2016 in Plymouth; what goes in the nursery "
        "funding form?",
        "Registering my little boy for the nursery grant - his date of birth: June the 9th, "
        "2021. What else do you need?",
        "For the school transport form, my date of birth is the third of October nineteen "
        "seventy-nine.",
        "I was born on the twenty-sixth of August two thousand and three, can I get the young "
        "person's bus pass?",
        "Inscription à la cantine pour mon fils : il est né le 1er septembre 2017 à Brest, faut-il "
        "un certificat ?",
        "Pour la crèche, ma fille est née le vingt-deux juin deux mille vingt-deux à Rennes. Quels "
        "papiers fournir ?",
        "Je remplis le dossier de mon petit-fils, sa date de naissance est le douze janvier 2014.",
        "Je suis né le premier mai mil neuf cent soixante, ai-je droit à la carte senior ?",
        "Our eldest's date of birth is 3 March 2011 - sorry, my eldest son's date of birth is "
        "the 3rd of March 2011, for the bus pass form.",
    ],
)
def test_birth_dates_in_words_are_found(text: str, policy: GuardPolicy) -> None:
    assert "name_dob_address" in kinds_found(text, policy), text


@pytest.mark.parametrize(
    "text",
    [
        "The garden waste collection starts again on the second of February, is that right?",
        "The bin day moves to the third of January twenty twenty-seven, is that for every street?",
        "La médiathèque a ouvert le 3 avril 2019, c'est bien ça ?",
        "Our street's houses were built in nineteen thirty, do they need a survey before the "
        "extension?",
        "Le marché de Noël a lieu le premier décembre deux mille vingt-six, faut-il réserver ?",
        "My son asked when the town hall opened: was it the fourth of July 1901?",
        "Ma fille fait un exposé : la mairie a été inaugurée le 12 mars 1888, vous confirmez ?",
        "My daughter's swimming lesson is on the second of February 2027, can I move it?",
        "Mon fils a rendez-vous le 5 mai 2027 pour son passeport, il faut quoi ?",
        # a child's birth date said to ask a rule, without a place of birth (hol22's label)
        "My granddaughter was born on 30 May 2020; can she come to the toddler group?",
        "Ma fille est née le 4 mars 2019, elle peut faire le défi lecture de l'été ?",
        "The leisure centre was built in 1974 and reopened on the 1st of June 2025, is the pool "
        "open?",
    ],
)
def test_event_and_building_dates_are_nobody_s(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], text


# --- 2. a NIR's shape whose key fails, labelled as something else ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sur mon avis d'eau, la « réf. abonné 1 85 07 75 112 345 16 » : ça a un rapport avec la "
        "sécurité sociale ?",
        "La facture de la piscine indique client n° 2 91 12 69 123 456 30, c'est un numéro de "
        "sécu ?",
        "The French invoice shows customer no. 1 79 04 33 062 118 46 - is it linked to the "
        "carte vitale or not?",
    ],
)
def test_failing_nir_shape_labelled_as_something_else(text: str, policy: GuardPolicy) -> None:
    assert "fr_nir" not in kinds_found(text, policy), text


@pytest.mark.parametrize(
    "text",
    [
        # said to be the writer's (or their child's) NIR: found, key or no key
        "Mon numéro de sécu est 1 85 07 75 112 345 16, je l'ai bien recopié ?",
        "N° client 2 91 12 69 123 456 30 sur la facture, c'est aussi mon numéro de sécurité "
        "sociale, c'est normal ?",
        # the key holds: a NIR whatever the label
        "La facture de la piscine indique client n° 2 91 12 69 123 456 03, c'est un numéro de "
        "sécu ?",
    ],
)
def test_nirs_given_or_valid_stay_found(text: str, policy: GuardPolicy) -> None:
    assert "fr_nir" in kinds_found(text, policy), text


# --- 3. a phone after an account's or a permit's word, in a call-back request ----------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("could someone ring me this afternoon about my bus pass reference 07700 900517", "en"),
        ("Please call me back regarding my resident permit 01632 960733, thanks", "en"),
        ("call me back pls re my council tax account 020 7946 0312", "en"),
        ("Rappelez-moi svp pour mon dossier d'abonnement 06 39 98 55 10", "fr"),
        (
            "Vous pouvez me rappeler demain au sujet de ma carte de stationnement 01 99 00 41 27 ?",
            "fr",
        ),
    ],
)
def test_phone_after_an_account_word_in_a_call_back(
    text: str, lang: str, policy: GuardPolicy, guard: InputGuard
) -> None:
    kinds = kinds_found(text, policy)
    assert "phone" in kinds and not kinds & {"account_number", "document_number"}, (text, kinds)
    assert decided(guard, text, lang) == ("escalate", "person.callback"), text


@pytest.mark.parametrize(
    "text",
    [
        # no call asked for: the number stays the account's or the permit's
        "My resident permit number is 01632 960733, when does it expire?",
        "Mon numéro de carte de stationnement est 01 99 00 41 27, elle expire quand ?",
        # a call asked for, but the number is not in a phone's shape
        "Please call me back about my council tax account 4071 2295 31",
    ],
)
def test_account_numbers_stay_accounts(text: str, policy: GuardPolicy) -> None:
    kinds = kinds_found(text, policy)
    assert kinds & {"account_number", "document_number"} and "phone" not in kinds, (text, kinds)
