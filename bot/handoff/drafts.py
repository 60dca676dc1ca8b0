"""Held answers: which topics a person checks before the citizen sees the answer, and a draft."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.conversations import Citation

DraftState = Literal["pending", "approved", "edited", "rejected"]
# The reason on a handoff opened for a held answer, and on the fixed reply the citizen sees.
DRAFT_REVIEW = "draft_review"


@dataclass(frozen=True)
class DraftApprovalPolicy:
    """Document-id prefixes (e.g. "en/housing-benefit") whose answers wait for a person.

    The answer's first citation decides: that is the page the answer mainly rests on.
    """

    prefixes: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> DraftApprovalPolicy:
        """From the setting's comma-separated list; empty means no topic is held."""
        return cls(tuple(p.strip().strip("/") for p in text.split(",") if p.strip().strip("/")))

    def covers(self, doc_id: str) -> bool:
        # A prefix names a document or a folder of them, never half a name:
        # "en/housing" holds "en/housing/rent" but not "en/housing-benefit".
        return any(doc_id == p or doc_id.startswith(p + "/") for p in self.prefixes)

    def holds(self, citations: Sequence[Citation]) -> bool:
        return bool(citations) and self.covers(citations[0].doc_id)

    def may_hold(self, doc_ids: Iterable[str]) -> bool:
        """Could an answer from these passages be held? (Its citations are not known yet.)"""
        return any(self.covers(d) for d in doc_ids)


@dataclass(frozen=True)
class Draft:
    """An answer the citizen has not seen; its words sit encrypted in the audit vault."""

    id: int
    handoff_id: int
    conversation_id: str
    text_id: int | None
    log_index: int
    lang: str
    mode: str
    reason: str
    citations: tuple[Citation, ...]
    state: DraftState
    created_at: datetime
    caseworker: str | None = None
    decided_at: datetime | None = None
