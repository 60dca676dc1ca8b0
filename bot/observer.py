"""What the conversation engine tells a monitor: timings and decisions, never words or ids.

The engine calls these after each step; `web/metrics.py` counts them for Prometheus. The
arguments are codes (a decision, a reason code, a guard layer, a writer mode) and seconds, so
an observer cannot learn what a citizen wrote or which conversation it was.
"""

from __future__ import annotations

from typing import Protocol


class EngineObserver(Protocol):
    def retrieved(self, seconds: float) -> None:
        """The knowledge base was searched (whether or not it answered)."""

    def wrote(self, mode: str, seconds: float) -> None:
        """An answer was written from passages; `mode` is the writer's (model name or kind)."""

    def replied(self, decision: str, reason: str, guard_layer: str | None) -> None:
        """A reply was logged; `guard_layer` names the input-guard layer that decided, if any."""


class NoObserver:
    """Observes nothing: the engine's default, and the CLI's."""

    def retrieved(self, seconds: float) -> None:
        return None

    def wrote(self, mode: str, seconds: float) -> None:
        return None

    def replied(self, decision: str, reason: str, guard_layer: str | None) -> None:
        return None
