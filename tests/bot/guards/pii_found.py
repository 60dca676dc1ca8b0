"""What the guard finds in a message and decides about it, as the tests compare them."""

from __future__ import annotations

from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy


def found(text: str, policy: GuardPolicy) -> list[tuple[str, str]]:
    """(kind, the text found) for each finding, in order."""
    return [(f.kind, text[f.start : f.end]) for f in find_pii(text, policy.pii)]


def found_with_tagger(text: str, policy: GuardPolicy) -> list[tuple[str, str]]:
    """As `found`, with the shipped name and address tagger after the rules (as the guard)."""
    return [
        (f.kind, text[f.start : f.end]) for f in find_pii(text, policy.pii, shipped_span_tagger())
    ]


def kinds_found(text: str, policy: GuardPolicy) -> set[str]:
    """The kinds `found_with_tagger` finds."""
    return {kind for kind, _ in found_with_tagger(text, policy)}


def decided(guard: InputGuard, text: str, lang: str) -> tuple[str, str]:
    """The guard's (action, reason) for one message."""
    verdict = guard.inspect(text, lang)
    return verdict.action, verdict.reason
