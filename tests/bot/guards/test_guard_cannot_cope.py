"""Saying "I can't cope any more" of oneself is a crisis, whatever comes before it.

Found by the hol38 fixer while testing its self-correction rule (not a held-out message): "Ignore
my last message, I can't cope any more" was let through as in scope, as was the same without an
apostrophe after "sorry ignore that"; alone, the classifier already calls it a crisis. A rule
decides it now, before the classifier. Not coping *with* a thing (noise, stairs, a form) is
a complaint or a service question, and other people or things not coping are not the writer's
crisis."""

from __future__ import annotations

import pytest

from bot.guards import InputGuard


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ignore my last message, I can't cope any more", "en"),
        ("sorry ignore that. i cant cope anymore", "en"),
        ("Forget the bin question. Honestly I just cannot cope now.", "en"),
        ("I really can't cope anymore. Everything is falling apart.", "en"),
        ("Oubliez mon dernier message, je n'arrive plus à faire face.", "fr"),
        ("laissez tomber ma question, je ne tiens plus le coup", "fr"),
    ],
)
def test_not_coping_oneself_is_a_crisis(guard: InputGuard, text: str, lang: str) -> None:
    verdict = guard.inspect(text, lang)
    assert verdict.action == "crisis", verdict.reason


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I can't cope with the noise from the pub any more, who do I complain to?", "en"),
        ("The drains can't cope any more when it rains, who clears them?", "en"),
        ("Mum can't cope with the stairs any more, can she get a stairlift?", "en"),
        ("Le réseau n'arrive plus à faire face aux orages, qui nettoie les avaloirs ?", "fr"),
    ],
)
def test_not_coping_with_a_thing_is_no_crisis_rule(guard: InputGuard, text: str, lang: str) -> None:
    verdict = guard.inspect(text, lang)
    assert not (verdict.action == "crisis" and verdict.layer == "rules"), verdict.reason
