"""What the personal-data layer finds in a message, as the tests compare it."""

from __future__ import annotations

from bot.guards.pii import find_pii
from bot.guards.policy import GuardPolicy


def found(text: str, policy: GuardPolicy) -> list[tuple[str, str]]:
    """(kind, the text found) for each finding, in order."""
    return [(f.kind, text[f.start : f.end]) for f in find_pii(text, policy.pii)]
