"""What the routes use, built once by create_app and kept on app.state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection, Engine

from audit.checkpoint import CosignatureVerifier
from audit.entries import decode_entry
from audit.storage.log import TransparencyLog
from audit.storage.vault import TextDoesNotOpen, Vault
from bot.conversations import Citation, ConversationStore
from bot.engine import ConversationEngine
from bot.guards.policy import GuardPolicy
from bot.organisation import Disclosure, Organisation
from bot.replies import Replies
from bot.switches import Switchboard
from knowledge.planted_flags import PlantedFlag
from knowledge.types import Retriever
from web.http.console.parts import PeopleServices
from web.http.pending import PendingQuestions
from web.i18n import Catalogs
from web.oversight.facets import FacetIndex

ERASED = "[erased]"
# Shown instead of a stored text that fails its integrity check (changed or moved in the
# database): the page still works, the words shown are never wrong ones.
UNREADABLE = "[unreadable: this text was changed in storage; the operator has been alerted]"


def shown_text(vault: Vault, text_id: int | None) -> str:
    """A stored text for a screen: the words, `[erased]`, or the integrity-failure marker."""
    if text_id is None:
        return ERASED
    try:
        text = vault.get(text_id)
    except TextDoesNotOpen:
        logging.getLogger("opencounter.vault").error(
            "stored text %s fails its integrity check (changed or moved in the database); "
            "run `opencounter audit verify --texts` to find every such entry",
            text_id,
        )
        return UNREADABLE
    return ERASED if text is None else text


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
    # The app's database, which the stores and the log share (one unit of work spans both).
    database: Engine
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
    # Texts addressed to the AI that the current index's ingest removed (raises FlagsNotRecorded
    # for an index built before the check), for the oversight console.
    planted_flags: Callable[[], list[PlantedFlag]]
    retriever: Retriever
    switchboard: Switchboard
    witnesses: tuple[CosignatureVerifier, ...]
    replies: Replies
    people: PeopleServices
    # The searchable projection of the log that the oversight console reads.
    facets: FacetIndex
    # Loaded once at start: the guard applies it, the transparency record describes it.
    guard_policy: GuardPolicy
    # The public interface's words (web/locale) and the languages offered: those with a
    # catalog and an AI disclosure text, English first.
    catalogs: Catalogs
    languages: tuple[str, ...]
    pending: PendingQuestions = field(default_factory=PendingQuestions)
    # What the first citizen would otherwise wait for (the guard classifier's fit, the index's
    # load); the app runs it before it serves, so /readyz is ready only once it is done.
    warm_up: Callable[[], None] = field(default=lambda: None)

    def log_size(self) -> int:
        return self.log.size()

    def conversation_entries(self, conversation_id: str) -> list[dict[str, object]]:
        """The conversation's log entries, decoded (metadata and commitments, no text)."""
        return [
            decode_entry(data) for _, data in self.log.entries_for_conversation(conversation_id)
        ]

    def erase(self, conversation_id: str) -> None:
        """The citizen's erasure: words crypto-shredded, logged and the conversation closed, in
        one transaction. Raises `LogUnavailable` with nothing erased, logged or closed."""

        def close(connection: Connection) -> None:
            self.store.add_turns(conversation_id, [], status="erased", connection=connection)

        self.log.erase(conversation_id, reason="citizen_request", also=close)

    def transcript(self, conversation_id: str) -> list[TurnView]:
        views = []
        for turn in self.store.turns(conversation_id):
            views.append(
                TurnView(
                    role=turn.role,
                    text=shown_text(self.vault, turn.text_id),
                    decision=turn.decision,
                    reason=turn.reason,
                    citations=turn.citations,
                    seq=turn.seq,
                    mode=turn.mode,
                    log_index=turn.log_index,
                )
            )
        return views
