"""Source documents as read from a knowledge base, before chunking."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from knowledge.planted import Finding


class UnreadableDocument(Exception):
    """A knowledge-base file or page could not be read, or had no text in it."""


@dataclass(frozen=True)
class SourceDocument:
    """One page of the knowledge base: its metadata and its text as Markdown."""

    doc_id: str
    title: str
    url: str
    lang: str
    body: str
    last_reviewed: str = ""
    owner: str = ""
    # Why the page's link was dropped at reading (an unsafe scheme, say); "" when it was kept.
    link_problem: str = ""
    # Planted instructions already removed from body (hidden HTML), marked there by number.
    findings: tuple[Finding, ...] = ()

    @property
    def content_hash(self) -> str:
        """SHA-256 over everything that ends up in the index, so any edit counts as a change."""
        digest = hashlib.sha256()
        for part in (self.doc_id, self.title, self.url, self.lang, self.last_reviewed, self.body):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        for finding in self.findings:
            digest.update(f"{finding.kind}\x00{finding.excerpt}\x00".encode())
        return digest.hexdigest()
