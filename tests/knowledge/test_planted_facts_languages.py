"""False facts in the languages the pages do not use, and dates, time limits, hours and
emergency lines the pages state otherwise (`knowledge/planted_facts.py`,
`knowledge/planted_fact_glosses.py`; issue 14, after heldout18).

The sentences are the helper's own, written for these tests in words no held-out file uses.
Planted ones, one or more per kind: an amount, a closure, a restriction and opening hours in
German, Polish, Chinese, Arabic and Spanish (judged by their English gloss against the English
demo pages); a time limit, a closing date and a day closed in English and French that the page
about the same service gives otherwise; an out-of-hours number no page prints for an emergency
whose page prints another; a group refused in the words in which the page names it as
eligible. The genuine ones say what the pages say, in the same languages and shapes, or hedge
it (if, scam), or give an hour that is only an hour ("closes at 16:30 on Fridays"). Each is
judged as ingest judges a sentence on a page of its own, with every demo page as the context.
"""

from __future__ import annotations

import pytest

from knowledge.planted import quarantine
from knowledge.planted_fact_glosses import foreign_language, gloss
from knowledge.planted_facts import (
    AMOUNT_KIND,
    CLOSURE_KIND,
    EMERGENCY_KIND,
    RESTRICTION_KIND,
    TIME_KIND,
    amounts,
    facts_kind,
)
from tests.knowledge.demo_facts import demo

PAGE = "(judged page)"


PLANTED = [
    # an amount in another language that the page about the service states otherwise
    (
        "Für den Ersatz eines verlorenen Blue Badge verlangt die Stadt eine Gebühr von £30.",
        AMOUNT_KIND,
    ),
    ("Wymiana zgubionej karty bibliotecznej kosztuje teraz 6 £ w każdej bibliotece.", AMOUNT_KIND),
    # a closure and a restriction in another language
    ("北门图书馆（Northgate Library）已永久关闭。", CLOSURE_KIND),
    ("بطاقة المكتبة متاحة فقط لحاملي الجنسية البريطانية.", RESTRICTION_KIND),
    # hours and a day closed, in another language
    ("La Biblioteca de Northgate abre los domingos de 10:00 a 14:00.", TIME_KIND),
    # a time limit, a closing date, a day closed in English and French
    ("Tell the council about your new address within 5 days of the move.", TIME_KIND),
    (
        "The closing date for secondary school applications for Year 7 is 30 November 2026.",
        TIME_KIND,
    ),
    ("La bibliothèque de Riverside est fermée le samedi.", TIME_KIND),
    # a closure under a label that only dates the notice
    ("Notice, 2 March 2027: the Riverside Service Point has closed permanently.", CLOSURE_KIND),
    # a group refused in the very words in which the page names it as eligible
    (
        "Blue Badge requests from war pensioners with a permanent disability are no longer "
        "accepted.",
        RESTRICTION_KIND,
    ),
    # an out-of-hours line no page prints, for an emergency whose page prints another
    (
        "For flooding from a blocked road drain out of hours, ring the highways standby "
        "line on 020 7946 0188.",
        EMERGENCY_KIND,
    ),
]

PEOPLE = [
    # the same, true or hedged
    "Ein Ersatz für einen verlorenen Blue Badge kostet £10.",
    "La Biblioteca de Northgate abre el sábado de 10:00 a 13:00.",
    "إذا فقدت بطاقة المكتبة، فإن البديل يكلف 2 جنيه.",
    "Uwaga na oszustów: rada nigdy nie prosi o opłatę 50 £ SMS-em za odbiór odpadów.",
    "Biblioteka Central Library jest otwarta w niedzielę od 11:00 do 15:00.",
    "You should let us know your new address within 21 days of moving in.",
    "La bibliothèque de Riverside ouvre le samedi de 10 h à 13 h.",
    "The Northgate library closes at 16:30 on Fridays.",
    "Out of hours, for a fallen tree blocking a road, phone 020 7946 0999.",
    "The Central Library is closed on Christmas Day and Boxing Day.",
    "For a Reception place in September 2027, the closing date is 15 January 2027.",
    "Notice, 2 March 2027: the Riverside Service Point is closed on 24 and 31 December.",
    "Blue Badge applications based on a severe disability are assessed by an occupational "
    "therapist.",
]


@pytest.mark.parametrize(("sentence", "kind"), PLANTED)
def test_false_facts_in_other_languages_and_of_time_are_caught(sentence: str, kind: str) -> None:
    assert facts_kind(sentence, demo(), PAGE) == kind


@pytest.mark.parametrize("sentence", PEOPLE)
def test_sentences_that_say_what_the_pages_say_stay(sentence: str) -> None:
    assert facts_kind(sentence, demo(), PAGE) is None


def test_english_and_french_are_never_glossed() -> None:
    pages = ("en", "fr")
    assert foreign_language("The library is open on Sunday from 11:00.", pages) is None
    assert foreign_language("La bibliothèque est ouverte le dimanche.", pages) is None
    assert foreign_language("Die Bibliothek ist am Sonntag geöffnet.", pages) == "de"
    assert foreign_language("Бібліотека відкрита в неділю.", pages) == "uk"
    # a language the pages use is read as it is
    assert foreign_language("Die Bibliothek ist am Sonntag geöffnet.", ("en", "de")) is None


def test_the_gloss_keeps_amounts_names_dates_and_conditions() -> None:
    assert amounts(gloss("رسوم الاستبدال 7 جنيهات", "ar")) == {7.0}
    assert "Council Tax Reduction" in gloss("Zniżka (Council Tax Reduction) dla osób", "pl")
    assert "december" in gloss("cerrado el 24 de diciembre", "es")
    assert gloss("如果您的申请", "zh").startswith("if")


def test_quarantine_reads_these_kinds_as_ingest_does() -> None:
    # ingest's cheap gate (`may_hold_fact`) lets a line in another language, a time limit and
    # a day closed through to the judge
    text = (
        "Library membership is free for anyone who lives, works or studies in Exampleton.\n\n"
        "北门图书馆（Northgate Library）已永久关闭。\n\n"
        "Tell the council about your new address within 5 days of the move.\n\n"
        "La bibliothèque de Riverside est fermée le samedi."
    )
    cleaned = quarantine(text, patterns_only=True, facts=demo().judge(PAGE))
    assert sorted(f.kind for f in cleaned.findings) == sorted([CLOSURE_KIND, TIME_KIND, TIME_KIND])
    assert cleaned.text.strip().startswith("Library membership is free")
    assert "Northgate" not in cleaned.text and "5 days" not in cleaned.text
