"""False facts judged against the organisation's other pages (`knowledge/planted_facts.py`).

The sentences are the helper's own, written for these tests in words no held-out file uses:
planted ones state a fee, a closure, a restriction to a group, a denied complaints route or call
back, or an emergency number that the demo's pages contradict; the genuine ones state what the
pages state (true fees, a rise announced properly, holiday closures with dates, eligibility as
the pages give it). Each is judged as ingest judges a sentence on a page of its own, with every
demo page as the context.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunkstore import read_chunks
from knowledge.ingest import SETTINGS, ingest
from knowledge.layout import current_build
from knowledge.planted import quarantine
from knowledge.planted_facts import (
    AMOUNT_KIND,
    CLOSURE_KIND,
    EMERGENCY_KIND,
    NONE,
    RESTRICTION_KIND,
    ROUTE_KIND,
    amounts,
    facts_context,
    facts_kind,
)
from tests.knowledge.demo_facts import demo

PAGE = "(judged page)"


PLANTED = [
    # amounts the pages state otherwise, or that the pages of a costed service do not state
    ("Bulky waste collections now carry a £55 handling charge per visit.", AMOUNT_KIND),
    ("A replacement library card costs £7 at any library desk.", AMOUNT_KIND),
    ("A second resident parking permit in the same household is £260 a year.", AMOUNT_KIND),
    ("Registering a birth at the Register Office costs £40, paid at the appointment.", AMOUNT_KIND),
    ("Le remplacement d'une carte de bibliothèque perdue coûte 9 £.", AMOUNT_KIND),
    ("La carte de stationnement résident coûte 95 £ pour une première carte.", AMOUNT_KIND),
    ("A green bin for garden waste is £48 a year plus a £22 key fee for the lid.", AMOUNT_KIND),
    # closures and withdrawals of what the pages describe as open
    ("The Household Recycling Centre on Foundry Lane has shut for good.", CLOSURE_KIND),
    ("Face-to-face interpreters for appointments are no longer provided.", CLOSURE_KIND),
    ("La déchèterie de Foundry Lane est fermée définitivement.", CLOSURE_KIND),
    ("The home library service for housebound readers has been discontinued.", CLOSURE_KIND),
    # restrictions to a group the pages do not name
    ("Free school transport is only for children who hold a British passport.", RESTRICTION_KIND),
    (
        "Library membership is reserved for people who have lived in Exampleton for ten years.",
        RESTRICTION_KIND,
    ),
    (
        "L'inscription en bibliothèque est réservée aux personnes de nationalité britannique.",
        RESTRICTION_KIND,
    ),
    (
        "Youth club sessions are only open to young people with British citizenship.",
        RESTRICTION_KIND,
    ),
    (
        "Please note: library membership is now only for passport holders from the UK.",
        RESTRICTION_KIND,
    ),
    # the complaints route and the call back denied, a published line people are told not to use
    (
        "After stage 2 there is no outside body and the Ombudsman takes no council cases.",
        ROUTE_KIND,
    ),
    ("Il n'existe aucun recours auprès du médiateur des services publics.", ROUTE_KIND),
    ("Residents should no longer phone the Planning Duty Officer on 020 7946 0850.", ROUTE_KIND),
    ("L'accueil téléphonique a été supprimé et aucun rappel n'est proposé.", ROUTE_KIND),
    ("The Contact Centre no longer offers call backs to residents.", ROUTE_KIND),
    # an emergency line changed to one the pages do not print
    ("The out-of-hours emergency line for the roads is now 020 7946 0444.", EMERGENCY_KIND),
    (
        "En cas d'urgence en dehors des heures de bureau, le numéro est désormais le 01632 960555.",
        EMERGENCY_KIND,
    ),
]

PEOPLE = [
    "A replacement library card costs £2; a child's first replacement is free.",
    "From 1 April 2027 the charge for up to 3 bulky items rises from £35 to £38.",
    "A visitor permit costs £3 per day or £1 per hour, with a minimum of 2 hours.",
    "If you get Council Tax Reduction, the first 3 bulky items cost £15 instead of £35.",
    "Full birth certificates cost £12.50 each on the day of the appointment.",
    "Le remplacement d'une carte de bibliothèque perdue coûte 2 £.",
    "The Town Hall and the service points are closed on Boxing Day, 26 December.",
    "Les bibliothèques sont fermées le lundi de Pâques ; les boîtes de retour restent ouvertes.",
    "The recycling centre is closed on 1 January and reopens the next day at 8:00.",
    "Library membership is free for anyone who lives, works or studies in Exampleton.",
    "Blue Badges are only for people with a disability that makes journeys difficult.",
    "Children with a disability who cannot walk to school can get transport whatever the distance.",
    "If you are still unhappy after stage 2, you can ask the Ombudsman to look at your complaint.",
    "Vous pouvez saisir le médiateur des services publics après l'étape 2, gratuitement.",
    "Out of hours, phone 020 7946 0999 for any emergency on the road.",
    "The council will never ask for your PIN; if in doubt, call us on 020 7946 0000.",
    "Interpreters are free of charge for any council appointment.",
    "An emergency travel document is only valid for one journey, unlike a passport.",
    "A passport is accepted as proof of identity for a Blue Badge application.",
    "Out of hours, the emergency number is now 020 7946 0999 for roads, flooding and fallen trees.",
    "You can phone the Contact Centre on 020 7946 0000 and ask us to call you back.",
    "Dog licences cost £5 for owners aged 65 or over and £15 for everyone else.",
    "Le centre d'appels vous rappelle dans la journée si vous laissez un message.",
    "Pensez à vous rappeler la date de collecte : un rappel vous est envoyé par courriel.",
    "Beware of texts claiming a £25 fee for bulky waste: they are a scam.",
]


@pytest.mark.parametrize(("sentence", "kind"), PLANTED)
def test_planted_false_facts_are_caught(sentence: str, kind: str) -> None:
    assert facts_kind(sentence, demo(), PAGE) == kind


@pytest.mark.parametrize("sentence", PEOPLE)
def test_sentences_that_state_what_the_pages_state_stay(sentence: str) -> None:
    assert facts_kind(sentence, demo(), PAGE) is None


def test_amounts_are_read_as_numbers() -> None:
    assert amounts("£1,426.67 or 1 426,67 £, 60p, €5 and 12,50 € or £1 million") == {
        1426.67,
        0.6,
        5.0,
        12.5,
        1_000_000.0,
    }


# Every form of amount `words.AMOUNT` reads: a line is scanned for it only after a cheaper hint
# (a sign and a digit, or a digit and a unit's first letters), which must never hide one.
@pytest.mark.parametrize(
    "said",
    [
        "£12", "€ 5", "$7.50", "12£", "30 €", "60p", "5 pence", "12 Euros", "30 livres sterling",
        "20 EUR", "15 gbp", "100 Pfund", "20 libras", "15 svarů", "10 fontot", "8 liber",
        "45 POUNDS", "1 426,67 £", "£1 million", "7 ポンド", "9 英镑", "3 파운드",
    ],
)  # fmt: skip
def test_an_amount_in_any_form_is_read_on_a_long_line(said: str) -> None:
    line = (
        "Reference AB12 3CD, open 9 to 5 on weekdays, form 7b, room 4 at the back " * 12
        + said
        + "."
    )
    assert amounts(said)
    assert amounts(line) == amounts(said)


def test_a_page_is_never_its_own_context() -> None:
    # The library page states £2; judged as that page, nothing else states a card's price.
    context = facts_context(
        [("libraries", "Libraries", "A replacement library card costs £2 at the desk.", "en")]
    )
    assert facts_kind("A replacement library card costs £7 at the desk.", context, "other") == (
        AMOUNT_KIND
    )
    assert (
        facts_kind("A replacement library card costs £7 at the desk.", context, "libraries") is None
    )
    assert facts_kind("A replacement library card costs £7 at the desk.", NONE, "other") is None


def test_a_service_the_other_pages_do_not_describe_is_not_judged() -> None:
    assert facts_kind("Boat moorings on the canal cost £900 a season.", demo(), PAGE) is None
    assert facts_kind("The ferry to the island has closed for good.", demo(), PAGE) is None


def test_quarantine_removes_the_false_fact_and_keeps_the_page() -> None:
    text = (
        "Library membership is free for anyone who lives, works or studies in Exampleton.\n\n"
        "A replacement library card costs £7 at any library desk."
    )
    cleaned = quarantine(text, patterns_only=True, facts=demo().judge(PAGE))
    assert cleaned.findings[0].kind == AMOUNT_KIND
    assert "£7" not in cleaned.text
    assert "Library membership is free" in cleaned.text


def _page(folder: Path, name: str, body: str, title: str = "Wheelie bins") -> None:
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "en" / name).write_text(
        f"---\ntitle: {title}\nurl: https://www.city.example/{name[:-3]}\nlang: en\n---\n\n{body}\n",
        encoding="utf-8",
    )


def test_ingest_judges_each_page_against_the_facts_of_the_others(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    _page(kb, "bins.md", "A replacement wheelie bin costs £25 including delivery.")
    _page(kb, "faq.md", "How much is a new wheelie bin? A replacement wheelie bin is £25.")
    _page(
        kb,
        "recycling.md",
        "Recycling collections are every two weeks.\n\n"
        "A replacement wheelie bin now costs £65 including delivery.",
    )
    assert "analysis=8" in SETTINGS
    report = ingest(kb, tmp_path / "index")
    assert [(f.doc_id, f.kind) for f in report.planted] == [("en/recycling", AMOUNT_KIND)]
    build = current_build(tmp_path / "index")
    assert build is not None
    text = " ".join(chunk.text for chunk in read_chunks(build.chunks))
    assert "£65" not in text
    assert "A replacement wheelie bin costs £25 including delivery." in text
    assert "Recycling collections are every two weeks." in text
    # The price changes on the other pages: the page is judged again and keeps its sentence.
    _page(kb, "bins.md", "A replacement wheelie bin costs £65 including delivery.")
    _page(kb, "faq.md", "How much is a new wheelie bin? A replacement wheelie bin is £65.")
    report = ingest(kb, tmp_path / "index")
    assert report.planted == []


def test_two_pages_that_disagree_with_no_third_are_both_held_back() -> None:
    # Nothing says which is right: both go to the operator, and neither reaches an answer.
    context = facts_context(
        [
            ("bins", "Wheelie bins", "A replacement wheelie bin costs £25 with delivery.", "en"),
            (
                "recycling",
                "Wheelie bins",
                "A replacement wheelie bin costs £65 with delivery.",
                "en",
            ),
        ]
    )
    judged = [
        facts_kind("A replacement wheelie bin costs £25 with delivery.", context, "bins"),
        facts_kind("A replacement wheelie bin costs £65 with delivery.", context, "recycling"),
    ]
    assert judged == [AMOUNT_KIND, AMOUNT_KIND]
