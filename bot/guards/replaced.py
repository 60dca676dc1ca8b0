"""A copy of a message with some runs of it replaced (a number typed with slips read as meant,
a number read out in words typed as digits), that keeps where each character came from: what
the detectors find in the copy is reported at its place in the message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Replaced:
    text: str
    starts: list[int]  # for each character of the copy, where it starts in the message
    ends: list[int]  # and where it ends
    spans: list[tuple[int, int]]  # each replaced run's span in the copy, in order

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The message's span for the copy's span [start, end) (end > start)."""
        return self.starts[start], self.ends[end - 1]


def replace_runs(text: str, runs: Sequence[tuple[int, int, str]]) -> Replaced:
    """`text` with each (start, end, value) run, in order and not overlapping, replaced by
    its value."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end, value in runs:
        parts.append(text[position:start])
        starts.extend(range(position, start))
        ends.extend(range(position + 1, start + 1))
        at = len(starts)
        parts.append(value)
        starts.extend([start] * len(value))
        ends.extend([end] * len(value))
        spans.append((at, len(starts)))
        position = end
    parts.append(text[position:])
    starts.extend(range(position, len(text)))
    ends.extend(range(position + 1, len(text) + 1))
    return Replaced("".join(parts), starts, ends, spans)
