"""What the routes use, built once by create_app and kept on app.state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi.templating import Jinja2Templates

from audit.checkpoint import CosignatureVerifier
from audit.entries import decode_entry
from audit.facets import FacetIndex
from audit.log import TransparencyLog
from audit.vault import Vault
from bot.conversations import Citation, ConversationStore
from bot.engine import ConversationEngine
from bot.organisation import Disclosure, Organisation
from bot.replies import Replies
from bot.switches import Switchboard
from knowledge.types import Retriever
from web.console.parts import PeopleServices
from web.pending import PendingQuestions


@dataclass(frozen=True)
class TurnView:
    """A turn as the citizen sees it: the words come back from the encrypted vault."""

    role: str
    text: str
    decision: str | None
    reason: str | None
    citations: tuple[Citation, ...]
    seq: int = 0
    mode: str | None = None
    # Where the turn's log entry is (oversight reviews rate an answer by its entry).
    log_index: int | None = None


@dataclass
class Services:
    engine: ConversationEngine
    store: ConversationStore
    log: TransparencyLog
    vault: Vault
    organisation: Organisation
    disclosure: Disclosure
    templates: Jinja2Templates
    htmx_available: bool
    close: Callable[[], None]
    health: Callable[[], dict[str, str]]
    startup_notes: list[str]
    kb_version: Callable[[], str | None]
    retriever: Retriever
    switchboard: Switchboard
    witnesses: tuple[CosignatureVerifier, ...]
    replies: Replies
    people: PeopleServices
    # The searchable projection of the log that the oversight console reads.
    facets: FacetIndex
    pending: PendingQuestions = field(default_factory=PendingQuestions)

    def log_size(self) -> int:
        return self.log.size()

    def conversation_entries(self, conversation_id: str) -> list[dict[str, object]]:
        """The conversation's log entries, decoded (metadata and commitments, no text)."""
        return [
            decode_entry(data) for _, data in self.log.entries_for_conversation(conversation_id)
        ]

    def transcript(self, conversation_id: str) -> list[TurnView]:
        views = []
        for turn in self.store.turns(conversation_id):
            text = self.vault.get(turn.text_id) if turn.text_id is not None else None
            views.append(
                TurnView(
                    role=turn.role,
                    text=text if text is not None else "[erased]",
                    decision=turn.decision,
                    reason=turn.reason,
                    citations=turn.citations,
                    seq=turn.seq,
                    mode=turn.mode,
                    log_index=turn.log_index,
                )
            )
        return views
