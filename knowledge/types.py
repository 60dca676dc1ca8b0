"""The retrieval port and the values that cross it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Passage:
    """A chunk of a knowledge-base document, as retrieved for a question."""

    chunk_id: str
    doc_id: str  # file path relative to the KB root, without extension, e.g. "en/waste-collection"
    title: str
    url: str
    lang: str
    text: str
    section: str = ""  # heading path, e.g. "Parking permits > Who can apply"
    last_reviewed: str = ""
    score: float = 0.0


@dataclass(frozen=True)
class RetrievalResult:
    """Passages best first, and a confidence in [0, 1] that the best one answers the question."""

    passages: tuple[Passage, ...]
    confidence: float
    kb_version: str
    # Why this question was ranked by BM25 alone although the index is hybrid ("lexical_fallback":
    # the embedder failed, hung or answered garbage); None when retrieval ran as built.
    fallback_reason: str | None = None
    # Which confidence model scored it: "hybrid" (BM25 + vectors) or "lexical" (BM25 alone,
    # e.g. a language without vectors); None when the retriever does not say. Each needs its
    # own answer threshold (knowledge/confidence.py).
    ranked_by: str | None = None


class KnowledgeBaseUnavailable(Exception):
    """No index to search: the knowledge base has not been ingested, or its files are unreadable."""


class Retriever(Protocol):
    def retrieve(self, question: str, lang: str | None = None, k: int = 5) -> RetrievalResult:
        """Return up to k passages for the question, restricted to `lang` when given."""
        ...
