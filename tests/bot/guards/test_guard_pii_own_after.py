"""A street address or a postal code said to be the writer's *after* it is given (issue 12).

"... outside 17 heron way, that's my house" and "code postal 31000 pour mon adresse" name a
home although no word before them says so; the same address or code with nothing tying it to
the writer, or tied to a public building, still passes.
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.policy import GuardPolicy


def kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {f.kind for f in find_pii(text, policy.pii)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the streetlight outside 17 heron way keeps buzzing, that's my house", "address"),
        ("bins weren't emptied at 8 maple close again, it's where I live", "address"),
        ("there's a leak in the road at 23 kestrel drive - this is our home", "address"),
        ("fuite d'eau devant le 5 rue des peupliers, c'est chez moi", "address"),
        ("le lampadaire du 14 allée des cerisiers ne marche plus, c'est mon adresse", "address"),
        ("code postal 31000 pour mon adresse, quel jour passent les poubelles", "postcode"),
        ("cp 69003 c'est chez moi, est-ce que je dépends de cette mairie", "postcode"),
        ("postcode is 59000 for my home address, which recycling centre", "postcode"),
    ],
)
def test_an_address_said_to_be_the_writers_after_it_is_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "the bench outside 12 elm grove has been broken for weeks",
        "code postal 44000 pour la mairie de Nantes ?",
        "quel est le code postal 13008, c'est quel arrondissement",
        "I paid 12000 euros for the house where I live",
        "is 40 station road where I go for my passport interview",
        "le code postal de la préfecture est 35000, c'est chez eux que je dois aller ?",
    ],
)
def test_the_same_words_without_a_home_pass(text: str, policy: GuardPolicy) -> None:
    assert not kinds(text, policy) & {"address", "postcode", "name_dob_address"}
