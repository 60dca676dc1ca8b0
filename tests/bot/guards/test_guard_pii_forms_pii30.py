"""Forms from the misses of the spent set test30 (read on 6 December 2026 after its blind run);
every message here is written for this file, both ways.

1. A French social security number named as one and typed split anywhere (in pairs, as a
   phone keypad or a form's boxes group it): found when its key holds; not as an example, nor
   without the word.
2. Relatives named together before one birth date they share ("…, both born …", "… sont
   toutes les deux nées le …"): their names and the date.
3. A relative named in lower case after "my …" / "ma …", the given name a common one or one
   that is also an ordinary word (olive, hope, rose): a name on its own; a thing after "my …"
   is none.
4. A number that fails its check digit, read out to the writer by a caller "from the council"
   ("he read out …", "il m'a lu …"): the number asked about, not that identifier. The writer's
   own, mistyped, stays personal.
5. A number after "référence" or "réf." (a report, a request): the reference's, no phone.
6. A council's services' head named with a title after the post ("le directeur des services
   techniques, M. …", "the head of housing services, Ms …"): a public person, no name to block.
   Anyone else behind a title stays a name.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger as _found
from tests.bot.guards.pii_found import kinds_found as _kinds

# --- 1. a NIR split anywhere ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # 1 85 12 75 123 456 88 and 2 79 06 31 234 567 20 pass their keys.
        "Pour la carte vitale de mon mari, il faut donner son numéro ? C'est 1 85 12 75 12 34 56"
        " 88 je crois.",
        "His French social security number (sécu) is 27 90 63 12 34 56 72 0, do you need it for"
        " the housing form?",
        "Numéro de sécurité sociale de ma belle-mère pour l'aide à domicile : 2.79.06.31.23.45.67.20",
    ],
)
def test_a_nir_named_and_split_anywhere_is_found(text: str, policy: GuardPolicy) -> None:
    assert "fr_nir" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Exemple de numéro de sécurité sociale : 1 85 12 75 12 34 56 88, c'est bien le format ?",
        "La facture 1 85 12 75 12 34 56 88 est arrivée, je la paie où ?",
    ],
)
def test_a_split_nir_shown_as_an_example_or_unnamed_is_not(text: str, policy: GuardPolicy) -> None:
    assert "fr_nir" not in _kinds(text, policy)


# --- 2. relatives sharing one birth date ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My two girls, Daisy and Ruby Carter, were both born on 3/5/2016 and need school places"
        " near the river.",
        "Mes jumelles Léa et Inès Moreau sont toutes les deux nées le 12/03/2018 : faut-il un"
        " dossier de cantine chacune ?",
        "Signing up the triplets, Sam, Ellis and Noah Price, all three born 22.07.2020, for the"
        " holiday club.",
    ],
)
def test_relatives_named_before_a_shared_birth_date_are_found(
    text: str, policy: GuardPolicy
) -> None:
    kinds = [kind for kind, _ in _found(text, policy)]
    assert kinds.count("name_dob_address") >= 2, _found(text, policy)


# --- 3. a relative in lower case -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "my gran hope stanley wants to join the lunch club on tuesdays, is there a bus?",
            "hope stanley",
        ),
        (
            "ma fille rose lebrun voudrait s'inscrire au conservatoire, il reste de la place ?",
            "rose lebrun",
        ),
        (
            "hiya, my mum margaret oduya needs a blue badge renewing, how long does it take",
            "margaret oduya",
        ),
    ],
)
def test_a_relative_named_in_lower_case_is_a_name(
    text: str, name: str, policy: GuardPolicy
) -> None:
    assert ("name", name) in _found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "my son primary school is shut today, is the holiday club open?",
        "my nan care home wants a letter from the council, who do I ask?",
    ],
)
def test_a_thing_after_a_relative_word_is_no_name(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


# --- 4. a failing number a caller read out ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # 487 215 6630 fails mod 11.
        "Two people knocked claiming they were from the NHS and then read out an NHS number,"
        " 487 215 6630, to check against mine. Is that normal?",
        "Une dame a sonné en se disant de la mairie ; elle m'a lu un numéro NHS, 487 215 6630,"
        " pour le vérifier. C'est normal ?",
    ],
)
def test_a_failing_number_a_caller_read_out_is_not_that_identifier(
    text: str, policy: GuardPolicy
) -> None:
    assert "uk_nhs_number" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "My NHS number is 487 215 6630, do I need it for the gym referral?",
        # 487 215 6633 passes mod 11: personal whoever read it out.
        "A caller said he was from the council and read out my NHS number 487 215 6633. Scam?",
    ],
)
def test_an_own_or_passing_nhs_number_stays_personal(text: str, policy: GuardPolicy) -> None:
    assert "uk_nhs_number" in _kinds(text, policy)


# --- 5. a number after "référence" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mon signalement de nid-de-poule a la réf. 0031 5526, vous avez du nouveau ?",
        "J'ai eu un accusé de réception, référence DT 0077 4410, pour le trottoir abîmé.",
    ],
)
def test_a_number_after_reference_is_no_phone(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in _kinds(text, policy)


def test_a_number_to_ring_stays_a_phone(policy: GuardPolicy) -> None:
    assert "phone" in _kinds("Vous pouvez me rappeler au 0045 2871 6630 ce soir ?", policy)


# --- 6. a council's services' head ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The head of housing services, Ms Hope Tanner, told the residents' meeting the repairs"
        " start in May. Is that still on?",
        "La directrice générale des services, Mme Rose Dupuis, présente le budget jeudi, c'est"
        " ouvert au public ?",
    ],
)
def test_a_council_services_head_is_a_public_person(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "Le plombier, M. Gilles Fauré, n'est jamais venu chez moi malgré trois rendez-vous.",
        "My landlord, Mr Tom Fairley, still hasn't fixed the boiler.",
    ],
)
def test_anyone_else_behind_a_title_stays_a_name(text: str, policy: GuardPolicy) -> None:
    assert "name" in _kinds(text, policy)
