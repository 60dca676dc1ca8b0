"""A kind the thirty-seventh held-out intent set (hol37) showed at its one blind run, fixed by the
lead before the stop ended (the set's other misses are left to the next fixers): a destitution
message refused as small talk.

A rule for greetings with nothing asked ("nothing to ask, just popped in to say hello") read
"nothing coming in for seven weeks" as "nothing … coming in": a person with no income, burning
furniture for warmth, was told the assistant does not chat. A visit word after "nothing" now
needs its visitor ("just popped in", "I'm only dropping by"), and the rule never fires beside
money, food, warmth or rent running out. Greetings stay small talk.
"""

from __future__ import annotations

import pytest

from bot.guards import InputGuard

# In new words (none is the held-out message or a rewording of it).
NO_INCOME = [
    (
        "Since my mum's benefits stopped with her death I've had nothing coming in at all for "
        "two months, I've been wrapping up in coats and eating dry crackers.",
        "en",
    ),
    (
        "Nothing coming in since the factory shut, the electric's run out and the kids had "
        "toast for tea three nights running.",
        "en",
    ),
    (
        "Plus rien qui rentre depuis le décès de mon mari, je chauffe la pièce avec le four et "
        "je mange des pâtes sans rien.",
        "fr",
    ),
]

# Greetings with nothing asked: still small talk.
GREETINGS = [
    ("Nothing to ask really, just popped in to say hello!", "en"),
    ("No question today, I'm only dropping by to say good evening.", "en"),
    ("Rien à demander, juste un petit coucou en passant.", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), NO_INCOME)
def test_no_income_is_never_small_talk(whole: InputGuard, text: str, lang: str) -> None:
    verdict = whole.inspect(text, lang)
    assert verdict.reason != "out_of_scope.chit_chat", verdict.reason
    assert verdict.action in ("crisis", "escalate"), (verdict.reason, verdict.layer)


@pytest.mark.parametrize(("text", "lang"), GREETINGS)
def test_greetings_with_nothing_asked_stay_small_talk(
    whole: InputGuard, text: str, lang: str
) -> None:
    verdict = whole.inspect(text, lang)
    assert verdict.action == "refuse", (verdict.reason, verdict.layer)
    assert verdict.reason == "out_of_scope.chit_chat", verdict.reason
