"""Read a question file (JSON Lines) for the evaluations, naming the line and field at fault.

The format is documented in README.md, "Evaluation on your own questions"; it is the one of
the shared eval sets (`id`, `question`, `lang`, `category`, `expect`, `sources`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HELP = "see README.md, 'Evaluation on your own questions'"


class BadQuestionFile(Exception):
    """The questions file is missing, unreadable, or a line is not a usable question."""


@dataclass(frozen=True)
class Line:
    """One non-blank line of a question file: its number and its JSON object."""

    path: Path
    number: int
    data: dict[str, Any]

    def fail(self, message: str) -> BadQuestionFile:
        return BadQuestionFile(f"{self.path}:{self.number}: {message} ({HELP})")

    def text(self, *names: str, default: str | None = None) -> str:
        """The first of `names` present, which must be a string; `default` when none is."""
        for name in names:
            if name in self.data:
                value = self.data[name]
                if not isinstance(value, str):
                    kind = type(value).__name__
                    raise self.fail(f"field '{name}' must be a string, not {kind}")
                return value
        if default is None:
            wanted = "' or '".join(names)
            raise self.fail(f"field '{wanted}' is missing")
        return default

    def question(self, *names: str) -> str:
        """The question text: present, a string, and not blank."""
        value = self.text(*names)
        if not value.strip():
            raise self.fail(f"field '{next(n for n in names if n in self.data)}' is empty")
        return value

    def sources(self) -> tuple[str, ...]:
        value = self.data.get("sources", [])
        if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
            raise self.fail("field 'sources' must be a list of document ids (strings)")
        return tuple(value)


def read_lines(path: Path) -> Iterator[Line]:
    """Each non-blank line as a JSON object; raises BadQuestionFile naming the line otherwise."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BadQuestionFile(f"cannot read {path}: {reason}") from exc
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise BadQuestionFile(
                f"{path}:{number}: not valid JSON ({exc}); each line is one JSON object ({HELP})"
            ) from exc
        if not isinstance(data, dict):
            raise BadQuestionFile(
                f"{path}:{number}: a {type(data).__name__}, not a JSON object ({HELP})"
            )
        yield Line(path, number, data)


def check_unique(path: Path, ids: list[tuple[int, str]]) -> None:
    """Raise naming the second line that repeats an `id`."""
    seen: dict[str, int] = {}
    for number, question_id in ids:
        if question_id in seen:
            raise BadQuestionFile(
                f"{path}:{number}: field 'id' repeats {question_id!r} of line {seen[question_id]}"
                f" ({HELP})"
            )
        seen[question_id] = number
