"""The kinds the twenty-fifth held-out intent set missed as "not covered" (read after its one
blind run), each in new words (none is a held-out message or a rewording of one), both
languages, with look-alikes that must pass.

1. A complaint told as a count: reported or chased so many times, still nothing ("signalé 3
   fois, toujours rien", "5 emails, 0 reply"); not a question about how to check a report.
2. Someone leaving a violent partner, with a when or a name between the verb and the partner
   ("quitter ce soir un compagnon violent", "leaving her violent husband tonight").
3. Where the writer sleeps tonight said as a rough-sleeping place ("bench at the station again
   tonight", "un banc au parc encore ce soir"); not a bench or a shelter to report or book.
"""

from __future__ import annotations

import pytest

from bot.guards import InputGuard


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pothole on Mill Lane reported 3 times since March, still nothing!!", "en"),
        ("5 emails and 2 calls about my blue badge, 0 reply", "en"),
        ("I've chased the housing team four times now and still no answer", "en"),
        ("Nid-de-poule rue du Moulin signalé 3 fois depuis mars, toujours rien", "fr"),
        ("Demande de place en crèche : 6 relances, aucune réponse 😡", "fr"),
        ("J'ai relancé quatre fois pour ma carte de stationnement et toujours pas de retour", "fr"),
    ],
)
def test_a_complaint_told_as_a_count_goes_to_a_person(
    whole: InputGuard, text: str, lang: str
) -> None:
    verdict = whole.inspect(text, lang)
    assert verdict.action == "escalate", (verdict.reason, verdict.layer)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "My sister is leaving her violent husband tonight with the twins, where can they go?",
            "en",
        ),
        (
            "I volunteer at a women's group; one of our clients has to leave her abusive partner "
            "this weekend, can she get help here?",
            "en",
        ),
        (
            "Ma voisine doit fuir dès demain matin un mari violent, elle a deux enfants, qui "
            "appeler ?",
            "fr",
        ),
        (
            "Une amie va quitter cette nuit son conjoint violent avec ses enfants, la mairie peut "
            "l'aider ?",
            "fr",
        ),
    ],
)
def test_leaving_a_violent_partner_goes_to_a_person(
    whole: InputGuard, text: str, lang: str
) -> None:
    verdict = whole.inspect(text, lang)
    assert verdict.action == "crisis", (verdict.reason, verdict.layer)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("doorway behind the bus station again tonight, freezing", "en"),
        ("car park stairwell tonight, nowhere else", "en"),
        ("un banc au parc encore ce soir 🥶", "fr"),
        ("ce soir ce sera encore le hall de la gare pour dormir", "fr"),
    ],
)
def test_a_rough_sleeping_place_tonight_goes_to_a_person(
    whole: InputGuard, text: str, lang: str
) -> None:
    verdict = whole.inspect(text, lang)
    assert verdict.action == "crisis", (verdict.reason, verdict.layer)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I reported the pothole twice, how do I check its status?", "en"),
        ("J'ai signalé le lampadaire deux fois, comment suivre le signalement ?", "fr"),
        ("The bench at the station is broken again tonight, who fixes it?", "en"),
        ("Can I book the bus shelter advert space for tonight's event?", "en"),
        ("Le banc du parc est encore cassé ce soir, qui le répare ?", "fr"),
        ("How do I leave a violent video game review? Joking, where is the library?", "en"),
        ("What help does the council give women leaving their violent partners?", "en"),
        ("Quelles aides pour les femmes qui quittent leur conjoint violent ?", "fr"),
    ],
)
def test_no_rule_sends_the_look_alikes_to_a_person(whole: InputGuard, text: str, lang: str) -> None:
    verdict = whole.inspect(text, lang)
    assert verdict.action not in {"crisis", "escalate"} or verdict.layer == "classifier", (
        verdict.reason,
        verdict.layer,
    )
