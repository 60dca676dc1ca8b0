"""Renumbers a writer's passage markers [n] to the list of documents the citizen is shown.

Several passages may come from one page; the citizen sees each page once, numbered in the order
the answer first cites it. The numbering is built as text arrives, so a streamed answer and the
finished one get the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.conversations import Citation
from bot.grounding.links import LINK_TOKEN, link_token, tokenize_links
from bot.grounding.planted import quarantine
from knowledge.links import PageLink
from knowledge.types import Passage

# "[1]", "[1, 2]", "[1; 3]": the forms writers use for one or several passages; and a link
# token "[link 2.1]" (passage 2's first link), renumbered to the page shown and its own links.
_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]|" + LINK_TOKEN.pattern)


class CitationNumbering:
    def __init__(self, passages: Sequence[Passage]) -> None:
        self._passages = passages
        self._shown: list[Citation] = []
        self._links: dict[int, tuple[PageLink, ...]] = {}

    def _passage_links(self, passage_number: int) -> tuple[PageLink, ...]:
        """The links a writer saw in the passage, numbered as it saw them."""
        if passage_number not in self._links:
            p = self._passages[passage_number - 1]
            self._links[passage_number] = tokenize_links(
                quarantine(p.text).text, p.url, passage_number
            )[1]
        return self._links[passage_number]

    def _link(self, passage_number: int, link_number: int) -> str:
        """The token for the shown page and its own list of links, or "" for no such link."""
        shown = self._number(passage_number)
        links = self._passage_links(passage_number) if shown is not None else ()
        if shown is None or not 1 <= link_number <= len(links):
            return ""
        link = links[link_number - 1]
        citation = self._shown[shown - 1]
        if link not in citation.links:
            citation = replace(citation, links=(*citation.links, link))
            self._shown[shown - 1] = citation
        return link_token(shown, citation.links.index(link) + 1)

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
        """Rewrite the markers and link tokens in `text`; those naming nothing are dropped."""

        def rewrite(match: re.Match[str]) -> str:
            if match.group(1) is None:
                return self._link(int(match.group(2)), int(match.group(3)))
            numbers: list[int] = []
            for part in re.split(r"[,;]", match.group(1)):
                n = self._number(int(part))
                if n is not None and n not in numbers:
                    numbers.append(n)
            return "".join(f"[{n}]" for n in numbers)

        return _MARKER.sub(rewrite, text)
