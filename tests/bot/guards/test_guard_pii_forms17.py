"""Forms of personal data and of look-alikes, from the misses of the spent set test16 (read as
forms, never as messages: every message here is written for this file).

- a reference the writer holds as a tenant, leaseholder or resident ("tenant reference",
  "numéro de locataire"), or the reference of their own housing, care or benefit case ("my
  disrepair case …", "mon dossier d'insalubrité …"), whatever its letters and separators;
- a full postcode in a question about a service, from a writer who says without a subject
  that they just moved in, or speaks of the people who lived there before;
- a number described as made up in apposition right after it ("…, a made-up number"), after
  the writer's words about an object ("our worksheet uses …");
- a public office's holder named with the office's abbreviation or a French deputy's title
  ("Cllr …", "l'adjointe au maire …").

Each form has look-alikes of the same shape that must pass, or numbers of the same shape that
stay personal.
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


def found_with_tagger(text: str, policy: GuardPolicy) -> list[tuple[str, str]]:
    """(kind, text) found by the rules and the shipped span tagger together."""
    return [
        (f.kind, text[f.start : f.end]) for f in find_pii(text, policy.pii, shipped_span_tagger())
    ]


# --- a tenant's reference, or the writer's own housing, care or benefit case ---------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "My tenant reference is LSE/20417/BK, the kitchen tap has dripped for a week.",
            "LSE/20417/BK",
        ),
        (
            "Numéro de locataire : HAB-73105-RT. Le volet roulant de la chambre est bloqué.",
            "HAB-73105-RT",
        ),
        ("Référence locataire KL/55902/A, l'interphone ne marche plus depuis lundi.", "KL/55902/A"),
        ("leaseholder ref WHT-30981-C - when is the service charge statement due?", "WHT-30981-C"),
        (
            "About my housing repair case HRC-WK-2025-03318: the ceiling still leaks.",
            "HRC-WK-2025-03318",
        ),
        (
            "re our homelessness application HOM/2026/11842 we still have no hostel date",
            "HOM/2026/11842",
        ),
        (
            "Mon dossier d'insalubrité INS-2025-40913 n'avance pas, la moisissure revient.",
            "INS-2025-40913",
        ),
        (
            "Pour ma demande de logement social LS-2026-007215, faut-il renvoyer l'avis ?",
            "LS-2026-007215",
        ),
        ("my tenant no. is 5531207, the boiler is off again", "5531207"),
    ],
)
def test_a_tenants_reference_or_own_care_or_housing_case_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert span in [s for _, s in found(text, policy)]


@pytest.mark.parametrize(
    "text",
    [
        # A case or application with no housing, care or benefit subject, or not the writer's.
        "What does case ref HB/2026/00981 in the committee minutes refer to?",
        "My application reference is APP-2026-004512, how long does a decision take?",
        "My planning application 26/01482/FUL was validated, when is the site notice put up?",
        "Le dossier d'insalubrité INS-2025-40913 du quartier a-t-il été présenté au conseil ?",
        "Policy ref HSG/2026/0441 on tenant repairs: where can I read it?",
        # A tenant word with no reference, or a date, an amount or a year after it.
        "The tenants' association meets in room B/12 on Tuesday, is it open to everyone?",
        "My housing case officer said to ring, what are the office hours?",
        "My tenant reference letter is dated 12/05/2026, is it still valid for the bank?",
        "Mon dossier de logement social date de 2019, faut-il le renouveler chaque année ?",
        # A number to ring after the label is the phone rules' to judge.
        "Tenant ref desk: call 0300 123 4567 for a new one?",
    ],
)
def test_a_reference_with_no_personal_file_passes(text: str, policy: GuardPolicy) -> None:
    assert "account_number" not in [k for k, _ in found(text, policy)]


# --- a postcode from a writer who just moved in, said without a subject ---------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("which day are the brown bins for LS7 4QP? only moved here last week", "LS7 4QP"),
        (
            "what time is the food waste picked up on G41 2RX, the previous tenants never said",
            "G41 2RX",
        ),
        (
            "Quel jour passe le recyclage pour H2X 1Y4 ? les anciens locataires ont gardé le calendrier",
            "H2X 1Y4",
        ),
        ("when's garden waste for BS5 6XW? recently moved in, no leaflet yet", "BS5 6XW"),
    ],
)
def test_a_postcode_asked_about_by_someone_who_just_moved_in_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert ("postcode", span) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "what day is recycling for LS7 4QP? asking for the church newsletter",
        "which day is the garden waste round for BS5 6XW? the previous owners of the café asked",
        "Which ward is G41 2RX in? the old tenants of the hall want to know",
        "Quel jour passe le recyclage pour H2X 1Y4 ? c'est pour l'affiche du club",
    ],
)
def test_a_postcode_asked_about_with_no_move_passes(text: str, policy: GuardPolicy) -> None:
    assert "postcode" not in [k for k, _ in found(text, policy)]


# --- a number called made up in apposition ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our scout troop's first-aid card uses 07700 900512, a fictitious number, for practice"
        " calls. Can we laminate it at the library?",
        "Notre fiche d'exercice utilise le 06 39 98 12 44, un numéro fictif, pour les élèves."
        " On peut l'imprimer à la médiathèque ?",
        "We print 07700 900733 (a dummy number) on our club's sign-up form, is that allowed?",
    ],
)
def test_a_number_called_made_up_in_apposition_passes(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in [k for k, _ in found(text, policy)]


@pytest.mark.parametrize(
    "text",
    [
        "my mobile is 07700 900461, not a made-up number, please use it",
        "Ring me on 07700 900733, a fake number would be pointless.",
        "Mon portable c'est le 06 39 98 12 44, pas un numéro fictif, rappelez-moi",
        "Our club's contact is 07700 900512, mine, and it's real",
    ],
)
def test_a_number_of_the_writers_stays_personal(text: str, policy: GuardPolicy) -> None:
    assert "phone" in [k for k, _ in found(text, policy)]


# --- a councillor or a deputy mayor named with the office ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is Cllr Hamish Oduya still chairing the planning committee? My neighbour wants to speak.",
        "Will Councillor Priya Vantongeren open our fun day? My kids made a banner.",
        "Est-ce que l'adjointe au maire Solène Karadeniz vient à l'inauguration ? Mes enfants"
        " ont fait un dessin.",
        "My daughter wants to interview Cllr. Tomasz Wirth for her school paper, how do we ask?",
    ],
)
def test_a_councillor_named_with_the_office_passes(text: str, policy: GuardPolicy) -> None:
    assert "name" not in [k for k, _ in found_with_tagger(text, policy)]


@pytest.mark.parametrize(
    "text",
    [
        "My neighbour Hamish Oduya keeps parking across my drive, can you warn him?",
        "I'm Priya Vantongeren and I'd like to book the hall for our fun day.",
        "Je suis Solène Karadeniz, je voudrais inscrire mes enfants à la cantine.",
    ],
)
def test_the_same_names_without_the_office_are_found(text: str, policy: GuardPolicy) -> None:
    assert "name" in [k for k, _ in found_with_tagger(text, policy)]
