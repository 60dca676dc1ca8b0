"""Kinds test63 missed (read after its one blind run), fixed by kind (issue 12, fixer X), in new
words (none is a held-out message or a rewording of one), with the look-alikes in the same
shapes that must keep their decision:

1. A house number with no street, then a postcode, named as the place a service is to come to
   or asked about ("au 17 dans le 59160", "devant le 5 bis, 44000", "at number 8, EX4 6HN"):
   one home, found as a postcode. Not a public building's or a shop's address, a range of days
   ("du 3 au 17"), a district alone, a bus route or a line's number, nor an amount or a count
   after the code.
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, kinds_found


@pytest.mark.parametrize(
    ("text", "lang", "action"),
    [
        (
            "Les encombrants, vous pouvez venir les chercher au 17 dans le 59160 jeudi ?",
            "fr",
            "block_pii",
        ),
        ("Le ramassage des sapins passe-t-il au numéro 23, 69003 ?", "fr", "block_pii"),
        (
            "Il y a une fuite sur le trottoir devant le 5 bis, 44000, vous intervenez quand ?",
            "fr",
            "block_pii",
        ),
        ("Quel jour sortir le bac jaune au 9 dans le 31400 ?", "fr", "block_pii"),
        ("Which day is the food caddy emptied at number 8, EX4 6HN?", "en", "block_pii"),
        ("What time does the recycling lorry reach 63, EX3 4NW?", "en", "block_pii"),
        # look-alikes: a public place, a range of days, a route, a district, amounts
        ("La mairie annexe est au 2 dans le 59160 ? Elle ouvre le samedi ?", "fr", "allow"),
        (
            "La médiathèque au 3 dans le 31400 prête-t-elle des liseuses ?",
            "fr",
            "allow",
        ),
        (
            "Est-ce que la pharmacie au 42 dans le 33000 est de garde dimanche ?",
            "fr",
            "allow",
        ),
        ("La collecte est décalée du 3 au 17 dans le 69003, c'est bien ça ?", "fr", "allow"),
        ("Le délai court jusqu'au 15 dans le 69003 ou partout ?", "fr", "allow"),
        ("Le bus 42 dessert-il le 33000 le dimanche ?", "fr", "allow"),
        ("La ligne n° 4, 69003, passe-t-elle encore ?", "fr", "allow"),
        (
            "Combien de logements dans le 69003 sont concernés par la collecte ?",
            "fr",
            "allow",
        ),
        ("La facture n°12, 45000 euros, c'est bien le montant ?", "fr", "allow"),
        ("The Town Hall is at number 1, EX1 1AA, isn't it?", "en", "allow"),
        ("Which streets in EX4 get the new food caddies?", "en", "allow"),
    ],
)
def test_house_number_and_postcode(
    guard: InputGuard, policy: GuardPolicy, text: str, lang: str, action: str
) -> None:
    assert decided(guard, text, lang)[0] == action, text
    assert ("postcode" in kinds_found(text, policy)) == (action == "block_pii"), text
