"""Postal codes, addresses and names in the forms people type them (issue 12, second round).

Rules alone (no span tagger): codes after a label or said to be the writer's, in the UK,
Canadian, French and US shapes, spaced or not; addresses said to be the writer's in lower
case, with a typo in "address", Quebec abbreviations, a French housing block with its
building and door; names after "name's", "de la part de", "the child's name is". Each
look-alike beside them must find nothing.
"""

from __future__ import annotations

import pytest

from bot.guards.pii_spans import near_street_word
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("our postal code is M 5 V 2 T 6, is the rebate open?", "m 5 v 2 t 6"),
        ("my postcode is cf24 4hq", "cf24 4hq"),
        ("My post code: B155TT", "b155tt"),
        ("my postcode is NG7, the rest I forget", "ng7"),
        ("CP : 31000, pour l'inscription de ma fille", "31000"),
        ("code postal du domicile de mon père : 59800", "59800"),
        ("Code postal : 44100, ville : Nantes", "44100"),
        ("code postal 67000, ville Strasbourg", "67000"),
        ("our new zip is 60614 since March", "60614"),
        ("Zip code: 10027-1234", "10027-1234"),
    ],
)
def test_a_code_given_as_the_writers_is_found(text: str, span: str, policy: GuardPolicy) -> None:
    assert [(k, s.lower()) for k, s in found(text, policy)] == [("postcode", span)]


@pytest.mark.parametrize(
    "text",
    [
        "What is the postcode of the central library?",
        "Is the NG7 area covered by the garden waste round?",
        "Do postcodes starting CF24 get a Tuesday collection?",
        "Le 31000, c'est bien Toulouse centre ?",
        "Which bus is the 31000 route? The timetable says 44100",
        "Town hall, 2 Civic Way, postcode: NG2 7QP - open on Saturday?",
        "Where do I send form P60 and form SA100?",
        "Is committee room 12 free in 2026?",
        "The fee went from £60614 to £61000, why?",
        "What zip code do I write for a PO box?",
        "my zip code is 2024 now, sorry I mean my bin number",
    ],
)
def test_codes_that_locate_no_one_pass(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("i live at 22b tannery ln and the bins are overflowing", "22b tannery ln"),
        ("my adress is 4 corbett st, can i get a bin", "4 corbett st"),
        ("we've lived at flat 9, 31 rosemount cres for years", "flat 9, 31 rosemount cres"),
        ("Mon adresse : 710 boul. Saint-Joseph Est, app 4", "710 boul. Saint-Joseph Est"),
        ("j'habite au 3 ch. des Patriotes, la neige n'est pas ramassée", "3 ch. des Patriotes"),
        ("i live at 61 cowslip gardns, the gate is broken", "61 cowslip gardns"),
        ("please send it to 7 Sorrel Stret", "7 Sorrel Stret"),
        ("RR 4, Site 12, Box 3 - the mail has not come in a week", "RR 4, Site 12, Box 3"),
        (
            "we live at the Old Forge, Mill Lane, Upper Slaughter - no collection",
            "the Old Forge, Mill Lane",
        ),
        (
            "Résidence Les Aubépines, bât D, porte 31 : la minuterie est en panne",
            "Résidence Les Aubépines, bât D, porte 31",
        ),
    ],
)
def test_an_address_typed_as_people_do_is_found(text: str, span: str, policy: GuardPolicy) -> None:
    assert ("address", span) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "I live at the end of a long lane, can the bin lorry reach me?",
        "I live at 5 minutes from the station, is there a bus?",
        "we live 3 hills over from the tip, is there a closer one?",
        "my address is changing soon, who should I tell?",
        "La résidence étudiante du campus a-t-elle des places ?",
        "The Residence Permit office, building B, is it open?",
        "Is 12 Tannery Lane the new council depot?",
        "Is RR 4 ploughed yet after the storm?",
        "The Town Hall, Market Street, is it open on Saturdays?",
        "I went to the Old Forge, Mill Lane for the craft fair",
    ],
)
def test_address_look_alikes_pass(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("name's Radoslaw Pietrzak, any update", "Radoslaw Pietrzak"),
        ("De la part de Noémie Castagné : le dossier est-il complet ?", "Noémie Castagné"),
        ("My son's name is Tobias Ekwueme and he needs a place", "Tobias Ekwueme"),
        ("Le nom de l'enfant est Inès Garrigou", "Inès Garrigou"),
        ("Bonsoir, Mme Le Bihan à l'appareil", "Le Bihan"),
        ("Mr Van Der Berg here about the skip", "Van Der Berg"),
    ],
)
def test_names_given_in_new_ways_are_found(text: str, span: str, policy: GuardPolicy) -> None:
    assert ("name", span) in found(text, policy)


def test_a_first_name_alone_signing_is_found_as_one(policy: GuardPolicy) -> None:
    # Withheld (the policy redacts it), not blocked: pii README, test24.
    assert ("first_name", "Orla") in found("Thanks so much,\nOrla", policy)


@pytest.mark.parametrize(
    "text",
    [
        "What is the name of the form for a blue badge?",
        "The name of the street is Cooper's Row, is it adopted?",
        "My name's not on the letter, is that a problem?",
        "Madame La Maire tient-elle une permanence samedi ?",
        "Bonjour, je suis La Personne qui a écrit hier",
        "Thanks so much, Best wishes",
    ],
)
def test_name_look_alikes_pass(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


def test_near_street_words_are_one_slip_away() -> None:
    assert all(map(near_street_word, ["raod", "stret", "avneue", "crescnet", "terace"]))
    assert not any(map(near_street_word, ["road", "the", "benefit", "council", "2024"]))
