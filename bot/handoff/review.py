"""Draft approval: on held topics the AI's answer waits for a person, who approves it, edits
it, or rejects it and writes their own reply.

The draft is logged when it is written (an `answer` entry marked `held`, its words in the
vault) but never shown; each decision is logged with the caseworker's pseudonym, labels and
the sent text's commitment, in one unit of work with the draft's new state, the citizen's
turn and the handoff's release (all or nothing), then reaches the citizen through the live
channel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Connection

from audit.sink import AuditEvent, AuditSink, Recorded
from bot.conversations import Citation, ConversationStore, TurnRecord
from bot.handoff.audit_events import staff_event
from bot.handoff.desk import HandoffDesk
from bot.handoff.draft_store import DraftStore
from bot.handoff.drafts import DRAFT_REVIEW, Draft, DraftApprovalPolicy
from bot.handoff.ports import LiveEvents, conversation_channel
from bot.handoff.state import Handoff, HandoffConflict
from bot.handoff.texts import handoff_text


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DraftReview:
    def __init__(
        self,
        *,
        policy: DraftApprovalPolicy,
        store: DraftStore,
        desk: HandoffDesk,
        conversations: ConversationStore,
        sink: AuditSink,
        events: LiveEvents,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.policy = policy
        self._store = store
        self._desk = desk
        self._conversations = conversations
        self._sink = sink
        self._events = events
        self._clock = clock

    # -- the engine's side: holding an answer ----------------------------------------------

    def holds(self, citations: Sequence[Citation]) -> bool:
        return self.policy.holds(citations)

    def may_hold(self, doc_ids: Iterable[str]) -> bool:
        return self.policy.may_hold(doc_ids)

    def open(
        self, conversation_id: str, *, lang: str, topic: str, phone: str, hours: str
    ) -> tuple[Handoff, str]:
        """Queue the conversation for a person to check the answer; returns the handoff and
        the fixed reply the citizen sees instead of the answer."""
        handoff = self._desk.open(conversation_id, reason=DRAFT_REVIEW, lang=lang, topic=topic)
        return handoff, self.notice(handoff, lang=lang, phone=phone, hours=hours)

    def open_in(
        self, connection: Connection | None, conversation_id: str, *, lang: str, topic: str
    ) -> tuple[Handoff, bool]:
        """`open` inside the caller's unit of work (see `HandoffDesk.open_in`)."""
        return self._desk.open_in(
            connection, conversation_id, reason=DRAFT_REVIEW, lang=lang, topic=topic
        )

    def notice(self, handoff: Handoff, *, lang: str, phone: str, hours: str) -> str:
        """What the citizen reads instead of the held answer: the wait, or the hours."""
        if not self._desk.is_open():
            return handoff_text("draft_review_closed", lang, hours=hours, phone=phone)
        ahead, minutes = self._desk.expected_wait(handoff)
        return handoff_text("draft_review", lang, minutes=minutes, ahead=ahead)

    @staticmethod
    def held_event(answer: AuditEvent, handoff: Handoff) -> AuditEvent:
        """The answer's log entry, marked as held for this handoff (its words go to the vault)."""
        return replace(
            answer, fields={**answer.fields, "held": DRAFT_REVIEW, "handoff": handoff.id}
        )

    def keep(
        self,
        handoff: Handoff,
        recorded: Recorded,
        *,
        lang: str,
        mode: str,
        reason: str,
        citations: tuple[Citation, ...],
        connection: Connection | None = None,
    ) -> None:
        """Keep the held answer; with `connection`, in the caller's unit of work."""
        self._store.insert(
            handoff_id=handoff.id,
            conversation_id=handoff.conversation_id,
            text_id=recorded.text_id,
            log_index=recorded.index,
            lang=lang,
            mode=mode,
            reason=reason,
            citations=citations,
            created_at=self._clock(),
            connection=connection,
        )

    # -- the caseworker's side ---------------------------------------------------------------

    def draft(self, handoff_id: int) -> Draft | None:
        """The handoff's newest draft, whatever became of it."""
        return self._store.for_handoff(handoff_id)

    def require_decided(self, handoff_id: int) -> None:
        """Refuse to end a handoff whose answer still waits: the citizen would never get it."""
        draft = self._store.for_handoff(handoff_id)
        if draft is not None and draft.state == "pending":
            raise HandoffConflict("approve, edit or reject the waiting answer first")

    def approve(self, handoff_id: int, caseworker: str) -> None:
        """Send the AI's draft as written: still AI output, now checked by a person."""
        handoff, draft = self._pending(handoff_id, caseworker)
        event = staff_event(
            "approve_draft",
            handoff.conversation_id,
            caseworker,
            handoff_id=handoff_id,
            draft=draft.log_index,
            ai_generated=True,
            citations=[c.doc_id for c in draft.citations],
        )

        def turn(recorded: Recorded) -> TurnRecord:
            # The words are the draft's, already in the vault: the turn points at them.
            return TurnRecord(
                "assistant",
                draft.text_id,
                recorded.index,
                decision="answer",
                reason="draft_approved",
                citations=draft.citations,
                mode=draft.mode,
            )

        self._decide(handoff, draft, "approved", caseworker, event, turn, release=True)

    def edit(self, handoff_id: int, caseworker: str, text: str) -> None:
        """Send the caseworker's edited version: a person's words, no longer the AI's."""
        self._by_person(handoff_id, caseworker, text, "edit_draft", "edited", release=True)

    def reject(self, handoff_id: int, caseworker: str, text: str) -> None:
        """Drop the draft and send the caseworker's own reply; the conversation stays with them."""
        self._by_person(handoff_id, caseworker, text, "reject_draft", "rejected", release=False)

    # -- shared steps ------------------------------------------------------------------------

    def _by_person(
        self, handoff_id: int, caseworker: str, text: str, action: str, state: str, *, release: bool
    ) -> None:
        handoff, draft = self._pending(handoff_id, caseworker)
        text = self._desk.checked_text(text)
        event = staff_event(
            action,
            handoff.conversation_id,
            caseworker,
            handoff_id=handoff_id,
            text=text,
            draft=draft.log_index,
            ai_generated=False,
        )

        def turn(recorded: Recorded) -> TurnRecord:
            return TurnRecord(
                "staff", recorded.text_id, recorded.index, reason=f"draft_{state}", mode="person"
            )

        self._decide(handoff, draft, state, caseworker, event, turn, release=release)

    def _pending(self, handoff_id: int, caseworker: str) -> tuple[Handoff, Draft]:
        handoff = self._desk.owned(handoff_id, caseworker)
        draft = self._store.for_handoff(handoff_id)
        if draft is None or draft.state != "pending":
            raise HandoffConflict("there is no answer waiting for approval here")
        return handoff, draft

    def _decide(
        self,
        handoff: Handoff,
        draft: Draft,
        state: str,
        caseworker: str,
        event: AuditEvent,
        turn: Callable[[Recorded], TurnRecord],
        *,
        release: bool,
    ) -> None:
        """Settle the draft, log the decision, add the citizen's turn and (if `release`) give
        the conversation back to the bot: one unit of work. Not on record means not sent:
        the draft still waits, and deciding it again is no conflict."""
        cid = handoff.conversation_id
        with self._sink.unit_of_work() as unit:
            if not self._store.decide(
                draft.id,
                state=state,
                caseworker=caseworker,
                decided_at=self._clock(),
                connection=unit.connection,
            ):
                raise HandoffConflict("this answer was already sent or replaced")
            recorded = unit.record([event])[0]
            self._conversations.add_turns(cid, [turn(recorded)], connection=unit.connection)
            if release:
                self._desk.release(handoff.id, caseworker, unit.connection)
        self._events.publish(conversation_channel(cid), {"kind": "staff_reply"})
        if release:
            self._desk.announce_returned(handoff.id)
