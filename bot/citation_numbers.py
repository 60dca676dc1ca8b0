"""Renumbers a writer's passage markers [n] to the list of documents the citizen is shown.

Several passages may come from one page; the citizen sees each page once, numbered in the order
the answer first cites it. The numbering is built as text arrives, so a streamed answer and the
finished one get the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.conversations import Citation
from knowledge.types import Passage

# "[1]", "[1, 2]", "[1; 3]": the forms writers use for one or several passages.
_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]")


class CitationNumbering:
    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = passages
        self._shown: list[Citation] = []

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(self._shown)

    def _number(self, passage_number: int) -> int | None:
        if not 1 <= passage_number <= len(self._passages):
            return None
        p = self._passages[passage_number - 1]
        for i, c in enumerate(self._shown, start=1):
            if c.doc_id == p.doc_id:
                return i
        self._shown.append(Citation(doc_id=p.doc_id, title=p.title, url=p.url))
        return len(self._shown)

    def renumber(self, text: str) -> str:
        """Rewrite the markers in `text`; markers naming no passage are dropped."""

        def rewrite(match: re.Match[str]) -> str:
            numbers: list[int] = []
            for part in re.split(r"[,;]", match.group(1)):
                n = self._number(int(part))
                if n is not None and n not in numbers:
                    numbers.append(n)
            return "".join(f"[{n}]" for n in numbers)

        return _MARKER.sub(rewrite, text)
