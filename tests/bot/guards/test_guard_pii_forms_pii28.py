"""Forms from the misses of the spent set test28 (read on 6 December 2026 after its blind run);
every message here is written for this file, both ways.

1. A home given by what it stands above, beside or behind, on a named street, with no house
   number ("we're the flat over the launderette on Pike Lane", "on habite le studio derrière
   le garage de la rue Haute"), said to be the writer's: an address. The household's surname
   as its bell, buzzer, door or letterbox shows it is a name.
2. An Irish Eircode given as where someone lives or where to send things: a postcode.
3. A titled name with its office in apposition after it ("Ms …, Head of Housing", "M. …,
   directeur du service …"): the office's holder, a public person, as with the office before.
4. An IBAN that fails its check, in a message about a scam or a payment someone demands of
   the writer: the number the writer asks about, not an account of theirs.
5. A dwelling word in a common phrase ("la résidence du logement social") is no address.
6. A page, app or system "kicking me out" (of a session) is no danger to a person; someone
   kicking the writer still is.
7. A name found in part is redacted whole: its particles and the surname after them ("de la
   Rochère-Mensah", "Van Acker-Diallo"), so nothing of it is left in what is kept; a given name
   sharing the surname after it ("Tunde and Grace Adebayo-Clarke") with it.
"""

from __future__ import annotations

import pytest

from bot.guards.intent import IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger as _found
from tests.bot.guards.pii_found import kinds_found as _kinds


@pytest.fixture(scope="module")
def guard(policy: GuardPolicy, shipped_intents: IntentClassifier) -> InputGuard:
    return InputGuard(policy, intents=shipped_intents)


# --- 1. a home by its landmark, no house number; a surname on the bell ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We live in the flat over the launderette on Pike Lane and the stairwell light is out.",
        "I'm in the bedsit behind the chip shop on Orchard Row, can someone come about the damp?",
        "Our maisonette is the one next to the dentist on Fenwick Street, who fixes the gate?",
        "On habite le studio derrière le garage sur Pike Lane, la fuite revient chaque hiver.",
        "J'habite l'appartement au-dessus du pressing sur Orchard Row depuis l'été.",
        "Nous vivons dans le logement à côté de la pharmacie, rue des Tisserands, au 1er.",
    ],
)
def test_a_home_given_by_its_landmark_and_street_is_an_address(
    text: str, policy: GuardPolicy
) -> None:
    assert _kinds(text, policy) & {"address", "name_dob_address"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The bins by our door keep going missing, the bell says KOWALEK / MBEKI.", "KOWALEK"),
        ("Post gets lost a lot, our letterbox has HARGREAVE on it.", "HARGREAVE"),
        ("Le colis n'est jamais arrivé, pourtant la sonnette indique DELORME au 3e.", "DELORME"),
        ("Vous sonnez à l'interphone, nom : Okafor-Lindqvist, et je descends.", "Okafor-Lindqvist"),
    ],
)
def test_a_household_surname_on_the_bell_or_letterbox_is_a_name(
    text: str, name: str, policy: GuardPolicy
) -> None:
    found = _found(text, policy)
    assert any(name in value for kind, value in found if kind in ("name", "name_dob_address"))


@pytest.mark.parametrize(
    "text",
    [
        "Is the flat above the launderette on Pike Lane still to let? It has been empty a year.",
        "The café next to the library on Quay Street has lovely cakes, is it council-run?",
        "L'appartement au-dessus de la boulangerie de la rue Haute est-il encore à louer ?",
        "I'm the one behind the till at the café on Quay Street, can we get a trade waste bin?",
        "I'm parked in the place behind the library on Quay Street, is it free after six?",
        "The buzzer at the community centre is broken, who should I tell?",
        "La sonnette de la mairie annexe ne marche plus, c'est normal ?",
        "Our doorbell is broken since the storm, does the landlord have to fix it?",
        "The bell says OUT OF ORDER again, can someone come and look at it?",
        "Ma boîte TRANSVALOR m'a mis au chômage partiel, j'ai droit à une réduction ?",
        "Le PV concerne la plaque GX62 KLM, mais ce n'est pas ma voiture.",
    ],
)
def test_a_landmark_or_a_bell_that_locates_no_home_of_the_writer_is_no_data(
    text: str, policy: GuardPolicy
) -> None:
    assert not _kinds(text, policy) & {"address", "name", "name_dob_address"}


# --- 2. Eircodes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm going back to Galway, please post the final bill to my sister's, Eircode H91 WK2T.",
        "Renvoyez le courrier chez mon père en Irlande, eircode A65 F4E2, merci.",
        "We're moving to Co. Kerry, the new house is V92 NC4X, can you close the account?",
    ],
)
def test_an_eircode_given_as_a_home_is_a_postcode(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"postcode", "address", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "My booking code is H91 WK2T, can I still change the date of the swim lesson?",
        "What do Irish Eircodes look like, is it letters and digits like ours?",
    ],
)
def test_an_eircode_shape_with_nothing_irish_or_no_code_is_no_postcode(
    text: str, policy: GuardPolicy
) -> None:
    assert "postcode" not in _kinds(text, policy)


# --- 3. an office in apposition after a titled name ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The letter was signed by Ms Oriane Whitcombe-Adu, Head of Housing Services. Can I appeal?",
        "I had an e-mail from Mr Tadeusz Brennan, director of environmental services, about it.",
        "Le courrier est signé par M. Gaëtan Lemarié-Obi, directeur du service des déchets.",
        "Mme Rosalind Achterberg, cheffe du service logement, m'a répondu hier. Je fais quoi ?",
    ],
)
def test_a_titled_name_with_its_office_after_it_is_an_office_holder(
    text: str, policy: GuardPolicy
) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "My neighbour Mrs Oriane Whitcombe-Adu, a retired teacher, has had no bin for weeks.",
        "Mme Rosalind Achterberg, ma voisine du dessous, n'a plus de chauffage depuis lundi.",
        "My son's teacher Mrs Oriane Whitcombe-Adu, head of year 9, says he missed six days.",
        "I work for Mr Tadeusz Brennan, manager of the bakery on Quay Street, cash in hand.",
    ],
)
def test_a_titled_name_with_no_office_after_it_stays_a_name(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}


# --- 4. a failing IBAN in a scam or a demand for payment -----------------------------------------

# FR14 2004 1010 0505 0001 3M02 606 is valid; the ones below have a digit changed.


@pytest.mark.parametrize(
    "text",
    [
        "A text message says I owe a bailiff fee and must transfer £60 to the IBAN "
        "FR14 2004 1010 0505 0001 3M02 607 by Friday. Is this a scam?",
        "On m'a appelé pour me dire de verser 120 € sur l'IBAN FR14 2004 1010 0505 0001 3M02 616, "
        "soi-disant pour la taxe. C'est une escroquerie ?",
    ],
)
def test_a_failing_iban_in_a_scam_or_a_demand_is_no_account_of_the_writer(
    text: str, policy: GuardPolicy
) -> None:
    assert "iban" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Please pay the refund into my IBAN FR14 2004 1010 0505 0001 3M02 607, thank you.",
        "Une arnaque m'a vidé le compte, voici mon IBAN FR14 2004 1010 0505 0001 3M02 606.",
    ],
)
def test_an_iban_given_as_the_writers_stays_personal(text: str, policy: GuardPolicy) -> None:
    assert "iban" in _kinds(text, policy)


# --- 5. a dwelling word in a common phrase --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mes années de résidence du logement étudiant comptent-elles pour la liste d'attente ?",
        "Do the years of residence in temporary housing count for the register?",
    ],
)
def test_a_dwelling_word_in_a_common_phrase_is_no_address(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"address", "name_dob_address"}


# --- 6. kicked out of a page is no danger ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The council tax portal keeps kicking me out before I can save the form.",
        "Your booking site kicks me off every time I reach the payment step, what can I do?",
    ],
)
def test_a_page_kicking_one_out_is_no_danger(text: str, guard: InputGuard) -> None:
    assert guard.inspect(text, "en").reason != "crisis.danger"


@pytest.mark.parametrize(
    "text",
    [
        "He keeps kicking me when he's been drinking and I'm scared to go home.",
        "My stepdad kicks me and I have a bruise on my back.",
    ],
)
def test_someone_kicking_the_writer_is_still_danger(text: str, guard: InputGuard) -> None:
    assert guard.inspect(text, "en").action == "crisis"


# --- 7. a particle name redacted whole ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My name is Thibault de la Rochère-Mensah and I need a parking permit.", "Rochère-Mensah"),
        ("Je m'appelle Hélène-Sophie du Pont-Aveline, je voudrais une carte.", "Pont-Aveline"),
        ("Refunds to Anneke Van der Berg-Osei please, she is my mother.", "Berg-Osei"),
        ("Les titulaires : Joris Van Acker-Diallo et moi, Ines Van Acker.", "Acker-Diallo"),
    ],
)
def test_a_particle_name_is_found_whole(text: str, name: str, policy: GuardPolicy) -> None:
    found = _found(text, policy)
    assert any(name in value for kind, value in found if kind in ("name", "name_dob_address"))


@pytest.mark.parametrize(
    "text",
    [
        "My name is Sara Jones and I live in the town centre.",
        "Je m'appelle Jeanne Roux et je suis de la région.",
    ],
)
def test_a_name_is_not_widened_over_ordinary_words(text: str, policy: GuardPolicy) -> None:
    found = _found(text, policy)
    assert all(" town" not in v and "région" not in v for _, v in found)


@pytest.mark.parametrize(
    ("text", "given"),
    [
        (
            "The account is in the names of Tunde and Grace Adebayo-Clarke, can you change it?",
            "Tunde",
        ),
        ("Le bail est au nom d'Oumou et Lamine Konaté depuis 2019, on se sépare.", "Oumou"),
    ],
)
def test_a_given_name_sharing_the_surname_after_it_is_redacted_with_it(
    text: str, given: str, policy: GuardPolicy
) -> None:
    found = _found(text, policy)
    assert any(given in value for kind, value in found if kind in ("name", "name_dob_address"))
