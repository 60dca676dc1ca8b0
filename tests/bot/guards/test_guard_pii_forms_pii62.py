"""Kinds test62 missed (read after its one blind run), each in new words (none is a held-out
message or a rewording of one), with the look-alikes in the same shapes that must keep passing
(issue 12, fixer P10).

1. The writer's own date of birth set beside their request after a comma ("…, born on the
   twenty-first of May 1960, …", "…, née le 1er novembre 1948 …"), the day as an ordinal, in
   digits or in words, "of"/"de" before the month, the year whole or as "'48"; or under a
   field's label ("DOB: 3rd Nov '48"). A third person's birth date so set (a neighbour's), a
   day named alone, a building's year and an event's date are no one's.
2. The writer introducing themself in lower case after a greeting ("hiya", "coucou") or "this
   is", a hyphenated first name ("rose-marie", "jean-baptiste"), then "again", "here",
   "encore". "its the bin again", "this is the third time", "its kerbside collection again"
   name no one.
3. A house number (n°, numéro, no., number) next to a postcode, with no street, given as where
   the writer is ("on est au numéro 112, 31400"); a case number beside a town's population, an
   amount, and a postcode alone asked about name no home.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import kinds_found

_PLACED = {"address", "postcode", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "Renewing the bus pass for myself, born on the twenty-first of May 1960, is it free?",
        "Taxi driver badge renewal for me, born 14th of February 1957, do I need a medical?",
        "Applying for my own bus pass, born 2nd of March 1950, can I use it before 9?",
        "DOB: 3rd Nov '48, applying for my own disabled parking permit, what documents?",
        "Pour ma carte de stationnement, née le 1er novembre 1948, faut-il une photo ?",
        "Je demande la carte mobilité inclusion pour moi, né le deux de mars 1952, quels papiers ?",
        "Inscription à la navette seniors pour moi-même, née le vingt et un de mai 1944, merci.",
        "Date de naissance : le 5 de juin 1961, pour mon dossier de logement, c'est bon ?",
    ],
)
def test_own_birth_date_with_an_ordinal_is_found(policy: GuardPolicy, text: str) -> None:
    assert "name_dob_address" in kinds_found(text, policy), text


@pytest.mark.parametrize(
    "text",
    [
        "hiya its mary-jo pendlebury again from the bin enquiry, any update?",
        "hello this is ann-marie kowalczyk here, about my council tax reminder",
        "hiya this is rose-marie dunleavy here, re my parking permit",
        "coucou c'est marie-claude fontanel encore pour le ramassage, des nouvelles ?",
        "bonjour ici jean-baptiste lemarchand encore, au sujet de ma place en crèche",
    ],
)
def test_own_name_in_lower_case_after_its_or_this_is_is_found(
    policy: GuardPolicy, text: str
) -> None:
    assert "name" in kinds_found(text, policy), text


@pytest.mark.parametrize(
    "text",
    [
        "je suis au n°7, 13008, et le verre n'a pas été ramassé",
        "on est au numéro 112, 31400, toujours pas de collecte",
        "moi c'est le n°9, 44000, le bac jaune est cassé",
        "I'm at no. 16, 75011 (Paris flat) and the bulky waste is still there",
        "we're at number 7, M14 5RT, the bins weren't taken",
    ],
)
def test_house_number_beside_a_postcode_as_the_writers_place_is_found(
    policy: GuardPolicy, text: str
) -> None:
    assert kinds_found(text, policy) & _PLACED, text


@pytest.mark.parametrize(
    "text",
    [
        "the 3rd of November is the collection day, is that right?",
        "The library was built in 1948, is it open on Sundays?",
        "Le 1er novembre 1948 la mairie a été inaugurée, y a-t-il une expo ?",
        "The fireworks on the 5th of November 2026, where do we park?",
        "My neighbour, born on the 3rd of November 1948, wants a blue badge, can he apply?",
        "Our church, built on the 3rd of November 1848, hosts the polling station, step free?",
        "Le marché de Noël, le vingt et un de décembre 2026, est-il maintenu ?",
        "its the bin again, nobody came this week",
        "this is the third time I ring about it",
        "c'est encore le même problème avec les poubelles",
        "its kerbside collection again tomorrow right?",
        "hello its bin day again isn't it",
        "ici la mairie annexe, c'est ouvert samedi ?",
        "dossier n°23, 59160 habitants, c'est la commune la plus grande ?",
        "quels jours à 59160 pour le verre ?",
        "Facture n°12, 45000 euros, c'est normal pour la salle ?",
        "Is route no. 12, 31400 side, still diverted?",
    ],
)
def test_look_alikes_name_no_one(policy: GuardPolicy, text: str) -> None:
    assert not kinds_found(text, policy) & (_PLACED | {"name"}), text
