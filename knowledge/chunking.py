"""Heading-aware chunking: split a document at its headings, then to size with overlap.

Planted instructions are removed from the body first (knowledge/planted.py); each removal leaves
a numbered marker, so the chunk that held it carries the finding in `Chunk.planted`, and the
marker itself never reaches the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from langchain_text_splitters import RecursiveCharacterTextSplitter

from knowledge.documents import SourceDocument
from knowledge.planted import (
    Finding,
    excerpt,
    markers_in,
    planted_kind,
    quarantine,
    without_markers,
)
from knowledge.planted_destinations import NONE as NO_OWN
from knowledge.planted_destinations import OwnDestinations
from knowledge.planted_facts import FactCheck

# About 200-250 MiniLM word pieces for English prose: under the 256 the embedder keeps.
CHUNK_CHARS = 1000
OVERLAP_CHARS = 150

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Chunk:
    """A piece of a document small enough to embed and to quote, with where it came from."""

    chunk_id: str
    doc_id: str
    title: str
    url: str
    lang: str
    section: str
    text: str
    last_reviewed: str = ""
    # Planted instructions removed from this chunk's text at ingest (kind and excerpt).
    planted: tuple[Finding, ...] = ()

    def index_text(self) -> str:
        """What both indexes see: title and heading path give context a bare chunk lacks."""
        head = f"{self.title}\n{self.section}" if self.section else self.title
        return f"{head}\n{self.text}"


@dataclass(frozen=True)
class Section:
    path: tuple[str, ...]
    text: str


def split_sections(markdown: str) -> list[Section]:
    """Sections in document order, each with its heading path; text before any heading too."""
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    lines: list[str] = []
    in_fence = False

    def close() -> None:
        text = "\n".join(lines).strip()
        if text:
            sections.append(Section(tuple(title for _, title in path), text))
        lines.clear()

    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading is None:
            lines.append(line)
            continue
        close()
        level = len(heading.group(1))
        path = [(lvl, title) for lvl, title in path if lvl < level]
        path.append((level, heading.group(2).strip()))
    close()
    return sections


def chunk_document(
    doc: SourceDocument,
    *,
    size: int = CHUNK_CHARS,
    overlap: int = OVERLAP_CHARS,
    own: OwnDestinations = NO_OWN,
    facts: FactCheck | None = None,
) -> list[Chunk]:
    """Chunks never straddle a heading; long sections are split with overlap. Planted text goes
    first (`planted.quarantine`; own: the organisation's domains, for directions to a
    look-alike of them; facts: the page's check against the other pages, for false facts)."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size, chunk_overlap=overlap, separators=["\n\n", "\n", ". ", " ", ""]
    )
    # The page's language picks the learned layer's threshold (French has a lower one).
    cleaned = quarantine(doc.body, mark_from=len(doc.findings), lang=doc.lang, own=own, facts=facts)
    findings = doc.findings + cleaned.findings
    title = doc.title
    title_kind = planted_kind(title)
    if title_kind is not None:
        # The title is the citation's link text: a planted one would be shown to every citizen.
        findings += (Finding(f"page title: {title_kind}", excerpt(title)),)
        title = doc.doc_id.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").capitalize()
    chunks: list[Chunk] = []
    flagged: set[int] = set()
    for section in split_sections(cleaned.text):
        # A heading repeating the page title adds nothing to the path.
        names = [without_markers(name) for name in section.path if name != doc.title]
        in_path = markers_in(" ".join(section.path))
        for piece in splitter.split_text(section.text):
            numbers = [n for n in markers_in(piece) + in_path if n < len(findings)]
            text = _tidy(without_markers(piece)) if _has_marker(piece) else piece
            if not text:
                continue  # the marker alone: its finding goes to the page's first chunk
            flagged.update(numbers)
            chunks.append(
                Chunk(
                    chunk_id=f"{doc.doc_id}#{len(chunks)}",
                    doc_id=doc.doc_id,
                    title=title,
                    url=doc.url,
                    lang=doc.lang,
                    section=" > ".join(names),
                    text=text,
                    last_reviewed=doc.last_reviewed,
                    planted=tuple(findings[n] for n in dict.fromkeys(numbers)),
                )
            )
    unplaced = tuple(finding for n, finding in enumerate(findings) if n not in flagged)
    if unplaced and chunks:
        # A finding whose marker no chunk kept is still shown to the operator, never lost.
        chunks[0] = replace(chunks[0], planted=chunks[0].planted + unplaced)
    return chunks


def _has_marker(text: str) -> bool:
    return without_markers(text) != text


def _tidy(text: str) -> str:
    """Text with the blank lines a removed marker leaves behind closed up."""
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip()
