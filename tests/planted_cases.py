"""The planted-pages set (tests/planted_pages): its cases, read once, for the tests that use it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tests.data import PLANTED_PAGES

KB = PLANTED_PAGES / "kb"


@dataclass(frozen=True)
class PageCase:
    """A page of the set: its document id, what must (not) be quoted, and a question about it."""

    file: str
    form: str  # how the instruction is planted; "" for a clean page
    payload: tuple[str, ...]  # strings only the planted instruction holds
    survives: tuple[str, ...]  # sentences of a clean page that must stay
    question: str
    answer: str
    lang: str

    @property
    def doc_id(self) -> str:
        return str(Path(self.file).relative_to("kb").with_suffix(""))

    @property
    def path(self) -> Path:
        return PLANTED_PAGES / self.file


def _read(name: str) -> list[PageCase]:
    lines = (PLANTED_PAGES / name).read_text(encoding="utf-8").splitlines()
    return [
        PageCase(
            file=record["file"],
            form=record.get("form", ""),
            payload=tuple(record.get("payload", ())),
            survives=tuple(record.get("survives", ())),
            question=record["question"],
            answer=record["answer"],
            lang=record.get("lang", "en"),
        )
        for record in map(json.loads, lines)
    ]


PLANTED = _read("cases.jsonl")
CLEAN = _read("clean.jsonl")


def flat(text: str) -> str:
    """Whitespace runs as one space, so a sentence wrapped or split by chunking still matches."""
    return " ".join(text.split())


def leaked(case: PageCase, text: str) -> list[str]:
    """The payload strings of a planted case found in text (case-insensitive)."""
    return [item for item in case.payload if re.search(re.escape(item), text, re.IGNORECASE)]
