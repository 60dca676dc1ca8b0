"""The kind test38 fixed (read after its one blind run), in new words (none is a held-out
message or a rewording of one), with the look-alikes in the same shapes that must keep their
decision.

1. A French council office named by its portfolio or its service's main building, then its
   holder in apposition ("l'adjoint à la culture, M. …", "la directrice de la médiathèque
   municipale, Mme …"): a public officer. A private deputy or a shop's manager stays a name, and
   data beside the office stays found; a crisis in the same words still reaches a person.
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found


@pytest.mark.parametrize(
    "text",
    [
        "L'adjoint à la culture, M. Evrard Quillebeuf, vient-il au vernissage de samedi ?",
        "Est-ce que l'adjointe aux sports, Mme Sidonie Kervarec, répond aux courriers ?",
        "L'adjoint à l'urbanisme, M. Lothaire Brandoux, signe-t-il les permis de construire ?",
        "La directrice de la médiathèque municipale, Mme Gwenola Tressard, a-t-elle validé les "
        "nouveaux horaires ?",
        "Le responsable de la piscine principale, M. Octave Lemarrec, peut-il rouvrir le bassin ?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


@pytest.mark.parametrize(
    "text",
    [
        # a private deputy or manager stays a name
        "Mon adjoint au magasin, M. Evrard Quillebeuf, a perdu sa carte de stationnement.",
        # the writer's own data beside the office
        "L'adjointe au logement, Mme Sidonie Kervarec, m'a dit d'écrire ici : mon numéro est "
        "le 06 39 98 41 27.",
        "Le responsable de la bibliothèque centrale, M. Octave Lemarrec, a mon adresse : "
        "jules.brandoux@example.org.",
    ],
)
def test_personal_data_is_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy), text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "L'adjointe au logement, Mme Sidonie Kervarec, ne répond plus. On nous expulse ce "
            "soir, je n'en peux plus, je veux en finir.",
            "fr",
        ),
    ],
)
def test_crises_in_the_same_words_reach_a_person(whole: InputGuard, text: str, lang: str) -> None:
    assert decided(whole, text, lang)[0] == "crisis"
