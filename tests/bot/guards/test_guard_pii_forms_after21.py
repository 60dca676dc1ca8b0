"""Forms from the misses of the spent set test21 (read on 5 December 2026 after its blind run;
every message here is written for this file), both ways: what must be found, and look-alikes
that must pass.

1. A French code postal and its town after a verb saying the writer lives there, in the words
   people use besides "j'habite" ("je demeure à 44300 Nantes", "on reste à 69007 Lyon" in
   Québec French, "I'm living at …", "we stay in …" as Scots say it).
2. A public office with its portfolio before its holder's title ("l'adjoint au maire chargé du
   logement, M. …", "the cabinet member for housing, Cllr …", "the councillor responsible for
   parks, Mrs …"): the holder is named as the office's, a public person.
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.policy import GuardPolicy


def _kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {f.kind for f in find_pii(text, policy.pii, shipped_span_tagger())}


# --- 1. a code postal where the writer lives ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Je demeure à 44300 Nantes depuis mars, à qui dois-je écrire pour ma taxe foncière ?",
        "nous demeurons au 13 depuis peu, enfin à 13008 Marseille, c'est pour les encombrants",
        "on reste à 69007 Lyon asteure, est-ce que je garde mon permis de stationnement?",
        "Demeurant à 35000 Rennes, je voudrais savoir si je peux encore voter ici.",
        "je loge à 59000 Lille chez ma fille pour l'hiver, ou envoyer le courrier ?",
    ],
)
def test_a_code_postal_where_the_writer_lives_is_found(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"postcode", "address"}


@pytest.mark.parametrize(
    "text",
    [
        "La mairie de 44300 Nantes a-t-elle les mêmes horaires que la vôtre ?",
        "Je reste à votre disposition pour tout renseignement, cordialement.",
        "Le marché de 69007 Lyon a lieu le mardi, et le vôtre ?",
        "je demeure perplexe devant le formulaire de 2024, il a 35000 cases",
    ],
)
def test_a_code_of_a_place_or_a_stay_at_your_disposal_passes(
    text: str, policy: GuardPolicy
) -> None:
    assert not _kinds(text, policy) & {"postcode", "address"}


# --- 2. an office with its portfolio before its holder ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "L'adjointe au maire chargée de la culture, Mme Océane Vasseur, sera-t-elle au vernissage ?",
        "le conseiller municipal délégué aux sports, M. Karim Benali, tient-il une permanence ?",
        "Is the cabinet member for housing, Cllr Rhona Tait, at the surgery on Friday?",
        "The councillor responsible for parks, Mrs Imelda Frost, opened the new playground.",
        "the deputy mayor in charge of transport, Mr Pavel Novak, what does he say about bus 12",
    ],
)
def test_an_office_with_its_portfolio_names_a_public_person(text: str, policy: GuardPolicy) -> None:
    assert "name" not in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Mon voisin chargé de la clé, M. Arnaud Leclerc, est parti : qui ouvre le local ?",
        "The man in charge of our lift, Mr Dominic Hale, keeps missing visits, I'm his tenant.",
        "Ma fille chargée de mes papiers, Mme Élodie Marchand, va vous écrire.",
    ],
)
def test_a_private_person_in_charge_of_something_stays_a_name(
    text: str, policy: GuardPolicy
) -> None:
    assert "name" in _kinds(text, policy)
