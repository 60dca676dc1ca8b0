"""Where the learned name and address tagger's spans end (test31's spent misses, read after its
one blind run; each case here in new words, none a held-out message or a rewording of one).

1. A member of the writer's family named in full after "my", "mon" or "ma" ("my uncle …",
   "ma grand-tante …", "ma mère, …") is personal data on its own, as the tagger's name in a
   message about the writer's own affairs is: the rules held it only beside another detail,
   and where the tagger missed the name (a second sentence after it) nothing was found.
   "Grand-oncle", "grand-tante" and the "arrière-" and in-law forms are kin words too.
2. An official named with a title as the one who signed a certificate, a letter or a notice
   ("… were signed by a Mrs …", "… signés par M. …") is no one's personal data; a relative
   who signed something, named after "my", still is.
3. An address given as a reply and placed by a landmark (", the one opposite the church
   hall") is the writer's address.
Look-alikes of the same shapes (a place's name given as a reply, a public building described
the same way, a relative named by a first name alone, a landlord that is a company) stay
let through.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger


def _texts(text: str, policy: GuardPolicy, kind: str) -> list[str]:
    return [found for k, found in found_with_tagger(text, policy) if k == kind]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Option two: Marguerite Okonkwo. You wanted the deceased's name, not mine. "
            "I'm her nephew.",
            "Marguerite Okonkwo",
        ),
        (
            "La dame du foyer, c'est ma grand-tante Solange Perrichon. Elle peut voter par "
            "procuration depuis là-bas ?",
            "Solange Perrichon",
        ),
        ("C'est pour ma belle-mère, Odile Ferrand. Elle a droit à la carte ?", "Odile Ferrand"),
        (
            "It's about my uncle Barnaby Threlfall. He wants to vote by post from the home.",
            "Barnaby Threlfall",
        ),
        ("Mon arrière-grand-père Anselme Quéré voudrait une place au foyer.", "Anselme Quéré"),
    ],
)
def test_a_family_member_named_in_full_is_personal_data(
    text: str, name: str, policy: GuardPolicy
) -> None:
    assert any(name in found for found in _texts(text, policy, "name")), found_with_tagger(
        text, policy
    )


@pytest.mark.parametrize(
    ("text", "street"),
    [
        (
            "yep correct, 27 Hazel Walk, the one opposite the church hall. It was my late "
            "aunt's, so the garden waste can be cancelled.",
            "27 Hazel Walk",
        ),
    ],
)
def test_an_address_ends_at_its_street(text: str, street: str, policy: GuardPolicy) -> None:
    found = _texts(text, policy, "address") + _texts(text, policy, "name_dob_address")
    assert any(street in f for f in found), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The second one: Household Recycling Centre. Is it open on Sundays?",
        "Le deuxième : la bibliothèque de Northgate. Elle ouvre à quelle heure ?",
        "Northgate Library, the one opposite the station, is it open late on Thursdays?",
        "Option two: Exampleton Leisure Centre. Do you need to book the pool?",
        "My son Rafferty wants a library card. Can he join at 7?",
        "Ma fille Clémence veut s'inscrire à la bibliothèque, elle a 9 ans.",
        "my landlord Exampleton Homes Ltd says the bins are the council's job",
        "HELLO, MY DAUGHTER STARTS SCHOOL IN SEPTEMBER, HOW DO I APPLY FOR THE BUS PASS?",
        "BONJOUR, MA MÈRE VEUT DES SACS JAUNES, OÙ LES TROUVER ?",
    ],
)
def test_places_given_the_same_way_stay_let_through(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


@pytest.mark.parametrize(
    "text",
    [
        "Are marriage certificates still signed by the same person? Ours from 2011 was signed "
        "by a Mrs Philippa Gorton.",
        "Les actes de naissance sont-ils encore signés par M. Hervé Lacombe ? Le mien date de "
        "2009.",
        "The parking decision letter was signed by Mr Tobias Renfrew. Can I appeal it?",
    ],
)
def test_the_official_who_signed_a_document_is_no_ones_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The tenancy form was signed by my husband Mr Kwame Asante, does he need to come in?",
            "Kwame Asante",
        ),
        ("Please send the letter to Mrs Ayesha Kapoor, she is my mother.", "Ayesha Kapoor"),
    ],
)
def test_a_person_with_a_title_the_writer_names_stays_personal(
    text: str, name: str, policy: GuardPolicy
) -> None:
    assert any(name in found for _, found in found_with_tagger(text, policy))


# 4. A mobile number typed with letters for most of its zeros and ones ("O77OO 9OO …"): a run
#    of mostly letters is read as digits only when it then is a mobile number, which is usually
#    a person's; a room, a code or a form's example written the same way stays what it is.
@pytest.mark.parametrize(
    "text",
    [
        "ring my grandad on O77OO 9OO 4l2, he can't use the app but wants the garden bin",
        "Mon numéro c'est le O6 39 98 l2 34, rappelez-moi pour le composteur",
    ],
)
def test_a_mobile_typed_with_letters_for_digits_is_found(text: str, policy: GuardPolicy) -> None:
    assert "phone" in {kind for kind, _ in found_with_tagger(text, policy)}


@pytest.mark.parametrize(
    "text",
    [
        "Is room lO1 at the Town Hall on the ground floor?",
        "On the form the example number is O77OO 9OO OOO, what do I actually put?",
        "My router says error code IO7 OO1 l00, is the library wifi down?",
    ],
)
def test_codes_typed_with_letters_stay_what_they_are(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in {kind for kind, _ in found_with_tagger(text, policy)}
