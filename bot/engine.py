"""The conversation engine: one citizen message in, one decided, cited and logged reply out."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal, Protocol

from audit.sink import AuditEvent, AuditSink, JsonValue, LogUnavailable, Recorded
from bot.answering import AnswerWriter, DraftAnswer
from bot.citation_numbers import CitationNumbering
from bot.citizen_secret import new_secret, secret_digest, secret_matches
from bot.conversations import (
    AlreadyRated,
    Citation,
    ConversationRecord,
    ConversationStore,
    TurnRecord,
    new_conversation_id,
)
from bot.energy import ModelUse, reply_energy_fields
from bot.guards.verdict import GuardVerdict
from bot.handoff.audit_events import contact_event
from bot.handoff.desk import HandoffDesk
from bot.handoff.drafts import DRAFT_REVIEW
from bot.handoff.review import DraftReview
from bot.handoff.state import Handoff
from bot.handoff.texts import handoff_text
from bot.language import detect_language
from bot.observer import EngineObserver, NoObserver
from bot.organisation import Disclosure
from bot.replies import Replies
from knowledge.confidence import (
    RECOMMENDED_THRESHOLD,
    RECOMMENDED_THRESHOLD_LEXICAL_ONLY,
    RECOMMENDED_THRESHOLDS,
)
from knowledge.types import KnowledgeBaseUnavailable, RetrievalResult, Retriever

if TYPE_CHECKING:
    from sqlalchemy import Connection  # a unit of work's, handed through to the stores

# "to_person": a person has the conversation, so the message went to them and the bot is silent.
Decision = Literal["answer", "refuse", "escalate", "block_pii", "to_person"]

# Which one-click way to a person was used: the button, the offer after a "No" rating, or the
# offer after two low-confidence turns in a row (the reply's reason OFFER_AFTER_UNCOVERED).
PERSON_REASONS = frozenset({"person.button", "person.feedback_no", "person.low_confidence"})
OFFER_AFTER_UNCOVERED = "not_covered.offer_person"

# Which log entry type records each decision.
_ENTRY_TYPE: dict[str, str] = {
    "answer": "answer",
    "refuse": "refusal",
    "block_pii": "refusal",
    "escalate": "escalation",
}


class InvalidMessage(Exception):
    """The citizen's message can't be processed as it is; `reason` says why, for a clear reply."""

    def __init__(self, reason: Literal["empty", "too_long"], limit: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


class InvalidFeedback(ValueError):
    """Feedback that names no answer of the conversation, or rates one a second time."""


class ConversationNotFound(Exception):
    """No conversation has this id (it never existed, or it was erased), or the caller does
    not hold its secret: both look the same from outside."""


@dataclass(frozen=True)
class StartedConversation:
    """A new conversation: its public log id and the citizen's secret (handed out once)."""

    id: str
    secret: str = field(repr=False)


@dataclass(frozen=True)
class Piece:
    """A piece of the reply's text, as it is written."""

    text: str


@dataclass(frozen=True)
class _ToAnswer:
    """The decision is to answer: the text is still to be written from these passages."""

    question: str
    result: RetrievalResult
    # What was removed from the message (redacted personal data), told before the answer.
    notice: str | None = None


def _with_notice(reply: Reply, notice: str | None) -> Reply:
    """The reply, opened by the redaction notice when personal data was taken out."""
    return reply if not notice else replace(reply, text=f"{notice} {reply.text}")


class InputGuardLike(Protocol):
    def inspect(self, text: str, lang: str) -> GuardVerdict: ...


@dataclass(frozen=True)
class Reply:
    decision: Decision
    reason: str
    text: str
    citations: tuple[Citation, ...]
    lang: str
    mode: str
    confidence: float | None = None
    ai_generated: bool = True
    # The knowledge-base version the reply was decided on (None when retrieval was not asked).
    kb_version: str | None = None
    # The reply's log entry, once logged (a citizen rates an answer by it).
    log_index: int | None = None
    # The input-guard layer that decided, when a guard did (GuardVerdict.layer).
    guard_layer: str | None = None
    # A model's estimated (prompt, output) tokens for the reply and, with its size, its part in
    # the energy estimate (bot/energy.py); None when no model was called.
    model_tokens: tuple[int, int] | None = None
    model_use: ModelUse | None = None


# What ask_stream yields: the logged reply's words, then the Reply itself.
StreamEvent = Piece | Reply


@dataclass(frozen=True)
class EnginePolicy:
    max_message_chars: int = 2000
    answer_threshold: float = RECOMMENDED_THRESHOLD
    top_k: int = 5
    low_confidence_turns_before_offer: int = 2
    # The confidence needed when BM25 ranked alone (a lexical-only index, a language without
    # vectors, an embedder outage): that confidence model is calibrated apart, and at the
    # hybrid threshold it answers from loosely matching pages (knowledge/confidence.py).
    lexical_answer_threshold: float = RECOMMENDED_THRESHOLD_LEXICAL_ONLY
    # Overrides by language and retrieval mode: "fr:lexical", "fr:hybrid" or "fr" -> threshold
    # (default: French ranked lexically answers at 0.65, knowledge/confidence.py).
    answer_thresholds: Mapping[str, float] = field(
        default_factory=lambda: dict(RECOMMENDED_THRESHOLDS)
    )

    def threshold_for(self, lang: str, ranked_by: str | None) -> float:
        """The answer threshold for this language and the mode that ranked the question."""
        for key in (f"{lang}:{ranked_by}", lang):
            if key in self.answer_thresholds:
                return float(self.answer_thresholds[key])
        return self.lexical_answer_threshold if ranked_by == "lexical" else self.answer_threshold


_Record = Callable[[Sequence[AuditEvent]], list[Recorded]]


@dataclass(frozen=True)
class _Turn:
    """A citizen's message and the reply decided for it, on the way to the log."""

    message: AuditEvent
    reply: Reply
    # The new low-confidence streak, or None when it stays as it was.
    streak: int | None
    started: float
    # This thread's CPU seconds when the message arrived: the reply's energy estimate.
    cpu_started: float
    # The contact details of a message sent to a person (phone numbers, e-mail and postal
    # addresses, names: `GuardVerdict.contact`), for that person only: kept encrypted beside
    # the handoff, never in the log's text.
    contact: str = field(default="", repr=False)


class ConversationEngine:
    def __init__(
        self,
        *,
        retriever: Retriever,
        sink: AuditSink,
        store: ConversationStore,
        writer: AnswerWriter,
        replies: Replies,
        disclosure: Disclosure,
        guard: InputGuardLike | None = None,
        guard_version: str = "none",
        policy: EnginePolicy | None = None,
        handoffs: HandoffDesk | None = None,
        drafts: DraftReview | None = None,
    ) -> None:
        self._retriever = retriever
        self._sink = sink
        self._store = store
        self._writer = writer
        self._replies = replies
        self._disclosure = disclosure
        self._guard = guard
        self._guard_version = guard_version
        self.policy = policy or EnginePolicy()
        self._handoffs = handoffs
        self._drafts = drafts
        self._observer: EngineObserver = NoObserver()

    def observe(self, observer: EngineObserver) -> None:
        """Report timings and decisions to `observer` (the app's metrics) from now on."""
        self._observer = observer

    @property
    def answer_mode(self) -> str:
        return self._writer.mode

    def start(self, lang: str) -> StartedConversation:
        """Open a conversation whose citizen has been shown the current disclosure; log that.

        The id is public (it is in the log); the secret is the citizen's alone, and only its
        digest is kept.
        """
        # A language the citizen can have been shown the disclosure in (disclosure.yaml).
        lang = lang if lang in self._disclosure.texts else "en"
        conversation_id = new_conversation_id()
        secret = new_secret()
        self._sink.record(
            [
                AuditEvent(
                    type="disclosure",
                    conversation_id=conversation_id,
                    fields={"disclosure_version": self._disclosure.version, "lang": lang},
                )
            ]
        )
        self._store.create(conversation_id, lang, self._disclosure.version, secret_digest(secret))
        return StartedConversation(conversation_id, secret)

    def conversation(self, conversation_id: str) -> ConversationRecord:
        """The conversation, for code that is already authorised (staff routes, the engine)."""
        record = self._store.get(conversation_id)
        if record is None or record.status == "erased":
            raise ConversationNotFound(conversation_id)
        return record

    def open(self, conversation_id: str, secret: str | None) -> ConversationRecord:
        """The conversation, for the holder of its secret only.

        Without the right secret it raises `ConversationNotFound`, exactly as for an id that
        never existed: the public log id alone tells nothing and unlocks nothing.
        """
        record = self._store.get(conversation_id)
        if record is None or record.status == "erased":
            raise ConversationNotFound(conversation_id)
        if not secret_matches(secret, record.secret_digest):
            raise ConversationNotFound(conversation_id)
        return record

    def with_person(self, conversation_id: str) -> bool:
        """True while a caseworker has the conversation: messages go to them, not the bot."""
        return self._handoffs is not None and self._handoffs.active(conversation_id) is not None

    def validate(self, text: str) -> str:
        stripped = text.strip()
        if not stripped:
            raise InvalidMessage("empty")
        if len(stripped) > self.policy.max_message_chars:
            raise InvalidMessage("too_long", self.policy.max_message_chars)
        return stripped

    def ask(
        self, conversation_id: str, text: str, *, opened: ConversationRecord | None = None
    ) -> Reply:
        """Decide and write the reply, log message and reply together, then store the turns.

        `opened` is the record `open` has just returned for this same request: passing it
        saves reading the conversation again (a database round trip a message).
        """
        started, cpu_started = time.perf_counter(), time.thread_time()
        question = self.validate(text)
        conversation = (
            opened
            if opened is not None and opened.id == conversation_id
            else self.conversation(conversation_id)
        )
        lang = detect_language(question, default=conversation.lang)
        handoff = self._handoffs.active(conversation_id) if self._handoffs else None
        if self._handoffs is not None and handoff is not None:
            self._handoffs.relay(handoff, question, {"lang": lang, "chars": len(question)})
            return Reply("to_person", "with_person", "", (), lang, "person", ai_generated=False)
        decided, streak, guard_fields, kept, contact = self._decide(question, lang, conversation)
        # The conversation's row is written only when the streak changes (most turns keep it).
        changed = streak if streak != conversation.low_confidence_streak else None
        reply = (
            decided
            if isinstance(decided, Reply)
            else _with_notice(self._answer(decided.question, lang, decided.result), decided.notice)
        )
        return self._finish(
            conversation_id,
            question,
            lang,
            reply,
            changed,
            guard_fields,
            kept,
            started,
            cpu_started,
            contact,
        )

    def ask_stream(
        self, conversation_id: str, text: str, *, opened: ConversationRecord | None = None
    ) -> Iterator[StreamEvent]:
        """Like `ask`, for a client that shows the reply as events: its words, then the Reply.

        No word is handed out before the reply's log entry is committed: the answer is
        written whole (a model attempt that fails its citation check is never seen), logged
        with the message, and only then yielded. When logging fails, `LogUnavailable` is
        raised before any word, so no citizen reads an answer the log does not hold.
        Check `validate` and `conversation` first: errors raised here surface on first use.
        """
        finished = self.ask(conversation_id, text, opened=opened)
        if finished.text:  # empty while a person has the conversation: their words come live
            yield Piece(finished.text)
        yield finished

    def _finish(
        self,
        conversation_id: str,
        question: str,
        lang: str,
        reply: Reply,
        streak: int | None,
        guard_fields: dict[str, JsonValue],
        kept: str,
        started: float,
        cpu_started: float,
        contact: str = "",
    ) -> Reply:
        """Hand to a person if escalated (or hold the answer for one), log message and reply
        together, store the turns. `started` is when the message arrived (perf_counter).

        A handoff opened here is stored in one unit of work with the entries and turns that
        tell of it (all or nothing), and announced only once that has committed.
        """
        message_event = AuditEvent(
            type="message",
            conversation_id=conversation_id,
            fields={"lang": lang, "chars": len(question), **guard_fields},
            text=kept,
        )
        turn = _Turn(message_event, reply, streak, started, cpu_started, contact)
        opens = (reply.decision == "escalate" and self._handoffs is not None) or self._holds(reply)
        with self._writing(opens) as (record, connection):
            reply, recorded, opened = self._log_turn(conversation_id, turn, record, connection)
        if opened is not None and self._handoffs is not None:
            self._handoffs.announce_opened(opened)
        self._observer.replied(reply.decision, reply.reason, reply.guard_layer)
        return replace(reply, log_index=recorded[-1].index)

    @contextmanager
    def _writing(self, opens_handoff: bool) -> Iterator[tuple[_Record, Connection | None]]:
        """A unit of work when a handoff opens with the entries that tell of it (all or
        nothing); otherwise the log alone, whose group commit batches concurrent replies."""
        if not opens_handoff:
            yield self._sink.record, None
            return
        with self._sink.unit_of_work() as unit:
            yield unit.record, unit.connection

    def _holds(self, reply: Reply) -> bool:
        return (
            self._drafts is not None
            and reply.decision == "answer"
            and self._drafts.holds(reply.citations)
        )

    def _log_turn(
        self,
        conversation_id: str,
        turn: _Turn,
        record: _Record,
        connection: Connection | None,
    ) -> tuple[Reply, list[Recorded], Handoff | None]:
        """Open the handoff (in `connection`'s unit), log message and reply, keep a held
        draft, store the turns; returns the reply, where it was logged, the new handoff."""
        reply, opened, handoff = turn.reply, None, None
        if reply.decision == "escalate":
            reply, handoff, new = self._hand_to_person(
                conversation_id, reply, connection, reachable=bool(turn.contact)
            )
            opened = handoff if new else None
        events = [turn.message]
        # The contact details go to the vault as an entry of their own, beside the message
        # kept with them replaced; the handoff points at them for its caseworker.
        reachable = handoff is not None and bool(turn.contact)
        if reachable:
            events.append(contact_event(conversation_id, reply.lang, turn.contact))
        held: tuple[Reply, Handoff] | None = None
        if self._drafts is not None and self._holds(reply):
            review, fixed, new = self._hold(self._drafts, conversation_id, reply, connection)
            held, reply, opened = (reply, review), fixed, (review if new else None)
            answer_event = self._reply_event(
                conversation_id, held[0], _elapsed_ms(turn.started), _cpu_seconds(turn.cpu_started)
            )
            events.append(self._drafts.held_event(answer_event, review))
        reply_event = self._reply_event(
            conversation_id, reply, _elapsed_ms(turn.started), _cpu_seconds(turn.cpu_started)
        )
        recorded = record([*events, reply_event])
        contact_id = recorded[1].text_id if reachable else None
        if contact_id is not None and handoff is not None and self._handoffs is not None:
            self._handoffs.keep_contact(handoff, contact_id, connection)
        if self._drafts is not None and held is not None:
            draft, review = held
            self._drafts.keep(
                review,
                recorded[1],
                lang=draft.lang,
                mode=draft.mode,
                reason=draft.reason,
                citations=draft.citations,
                connection=connection,
            )
        self._store.add_turns(
            conversation_id,
            [
                TurnRecord("citizen", recorded[0].text_id, recorded[0].index),
                self._reply_turn(reply, recorded[-1].text_id, recorded[-1].index),
            ],
            status="escalated" if reply.decision == "escalate" else None,
            low_confidence_streak=turn.streak,
            connection=connection,
        )
        return reply, recorded, opened

    def request_person(self, conversation_id: str, reason: str = "person.button") -> Reply:
        """The citizen pressed "Talk to a person": record the escalation and give the contacts.

        `reason` says which button: the usual one, the one offered after a "No" rating
        (`person.feedback_no`) or after two low-confidence turns (`person.low_confidence`);
        anything else is logged as the usual button.
        The handoff, its entry and the turn commit together, or none of them does.
        """
        conversation = self.conversation(conversation_id)
        why = reason if reason in PERSON_REASONS else "person.button"
        reply = self._fixed("escalate", why, "person_requested", conversation.lang)
        with self._writing(self._handoffs is not None) as (record, connection):
            reply, handoff, new = self._hand_to_person(conversation_id, reply, connection)
            opened = handoff if new else None
            recorded = record([self._reply_event(conversation_id, reply)])
            self._store.add_turns(
                conversation_id,
                [self._reply_turn(reply, recorded[0].text_id, recorded[0].index)],
                status="escalated",
                connection=connection,
            )
        if opened is not None and self._handoffs is not None:
            self._handoffs.announce_opened(opened)
        self._observer.replied(reply.decision, reply.reason, None)
        return reply

    def feedback(self, conversation_id: str, answer_index: int, helpful: bool) -> int:
        """The citizen says whether an answer helped; logged as a `feedback` entry (labels
        only). Raises InvalidFeedback when `answer_index` is not one of this conversation's
        answers, and for a second rating of the same answer. Returns the entry's index."""
        self.conversation(conversation_id)
        turns = self._store.turns(conversation_id)
        answers = {t.log_index for t in turns if t.role == "assistant" and t.decision == "answer"}
        if answer_index not in answers:
            raise InvalidFeedback("that answer is not part of this conversation")
        try:
            self._store.claim_rating(conversation_id, answer_index)
        except AlreadyRated:
            raise InvalidFeedback("this answer has already been rated") from None
        rating = "helpful" if helpful else "not_helpful"
        event = AuditEvent("feedback", conversation_id, {"rating": rating, "answer": answer_index})
        try:
            recorded = self._sink.record([event])
        except LogUnavailable:
            self._store.release_rating(conversation_id, answer_index)
            raise
        return recorded[0].index

    def request_callback(self, conversation_id: str, contact: str) -> None:
        """Out of hours, the citizen leaves their contact details for a person to call back."""
        conversation = self.conversation(conversation_id)
        if self._handoffs is None:
            raise ConversationNotFound(conversation_id)
        self._handoffs.request_callback(conversation_id, lang=conversation.lang, contact=contact)

    def _hand_to_person(
        self,
        conversation_id: str,
        reply: Reply,
        connection: Connection | None,
        *,
        reachable: bool = False,
    ) -> tuple[Reply, Handoff | None, bool]:
        """Queue the conversation for a person (in `connection`'s unit of work) and tell the
        citizen the wait (or the hours); returns the reply, the handoff and whether it is new.

        Out of hours nobody answers live: a message that gave contact details (`reachable`: a
        phone number, an e-mail or postal address, a name) becomes a callback request, as if
        left with the callback form; any other gets the hours and the form."""
        if self._handoffs is None:
            return reply, None, False
        phone = self._replies.organisation.contact.phone
        topic = self._topic(conversation_id)
        if not self._handoffs.is_open():
            hours = self._replies.organisation.contact.hours_in(reply.lang)
            if reachable:
                callback = self._handoffs.open_callback_in(
                    connection, conversation_id, reason=reply.reason, lang=reply.lang, topic=topic
                )
                note = handoff_text("callback_from_message", reply.lang, hours=hours)
                called = replace(
                    reply, reason=f"{reply.reason}.out_of_hours", text=f"{reply.text} {note}"
                )
                return called, callback, True
            note = handoff_text("closed_hours", reply.lang, hours=hours)
            closed = replace(
                reply, reason=f"{reply.reason}.out_of_hours", text=f"{reply.text} {note}"
            )
            return closed, None, False
        handoff, new = self._handoffs.open_in(
            connection, conversation_id, reason=reply.reason, lang=reply.lang, topic=topic
        )
        note = self._handoffs.status_text(handoff, reply.lang, phone=phone)
        if reachable:
            note = f"{note} {handoff_text('contact_kept', reply.lang)}"
        return replace(reply, text=f"{reply.text} {note}"), handoff, new

    def _hold(
        self,
        drafts: DraftReview,
        conversation_id: str,
        answer: Reply,
        connection: Connection | None,
    ) -> tuple[Handoff, Reply, bool]:
        """Queue the answer for a person to check (in `connection`'s unit of work); the
        citizen gets a fixed reply meanwhile. Also says whether the handoff is new."""
        contact = self._replies.organisation.contact
        review, new = drafts.open_in(
            connection, conversation_id, lang=answer.lang, topic=answer.citations[0].doc_id
        )
        notice = drafts.notice(
            review, lang=answer.lang, phone=contact.phone, hours=contact.hours_in(answer.lang)
        )
        fixed = Reply("escalate", DRAFT_REVIEW, notice, (), answer.lang, "fixed", answer.confidence)
        return review, fixed, new

    def _topic(self, conversation_id: str) -> str:
        """The document the bot last cited: a label for routing, never the citizen's words."""
        for turn in reversed(self._store.turns(conversation_id)):
            if turn.citations:
                return turn.citations[0].doc_id
        return "general"

    # -- the decision -------------------------------------------------------------------

    def _decide(
        self, question: str, lang: str, conversation: ConversationRecord
    ) -> tuple[Reply | _ToAnswer, int, dict[str, JsonValue], str, str]:
        """Return the reply (or what to answer from), the new low-confidence streak, guard fields,
        the text to keep and, for a message sent to a person, the contact details it gave."""
        streak = conversation.low_confidence_streak
        guard_fields: dict[str, JsonValue] = {}
        distress = False
        notice: str | None = None
        if self._guard is not None:
            verdict = self._guard.inspect(question, lang)
            guard_fields = {
                "guard": verdict.reason,
                "guard_policy": self._guard_version,
                "hidden": list(verdict.hidden[:20]),  # labels like "U+200B x3", for reviewers
                "pii": sorted({f.kind for f in verdict.findings}),
            }
            # Reviewers see the message as sent, hidden characters included, unless it holds
            # personal data: then only the redacted text (redact mode) or nothing is kept.
            kept = question if not verdict.findings else verdict.text
            if verdict.action != "allow":
                decision: Decision = (
                    "block_pii"
                    if verdict.action == "block_pii"
                    else "refuse"
                    if verdict.action == "refuse"
                    else "escalate"
                )
                text = verdict.reply or self._replies.get("person_requested", lang)
                if verdict.reason.startswith("out_of_scope"):
                    # Another body's service or no service at all: say so, and give the
                    # organisation's own contact as a retrieval miss does.
                    text = f"{text} {self._replies.get('not_covered', lang)}"
                reply = Reply(
                    decision=decision,
                    reason=verdict.reason,
                    text=text,
                    citations=(),
                    lang=lang,
                    mode="guard",
                    guard_layer=verdict.layer,
                )
                if decision == "block_pii":
                    kept = f"[withheld: {verdict.reason}]"
                contact = verdict.contact if decision == "escalate" else ""
                return reply, streak, guard_fields, kept, contact
            question = verdict.text
            distress = verdict.distress
            notice = verdict.notice
        else:
            kept = question
        try:
            result = self._retrieve(question, lang)
        except KnowledgeBaseUnavailable:
            # A sign of distress with no pages to answer from: a person, as below.
            down: Decision = "escalate" if distress else "refuse"
            reason = "kb.unavailable.distress" if distress else "kb.unavailable"
            return (
                self._fixed(down, reason, "kb_unavailable", lang),
                streak,
                guard_fields,
                kept,
                "",
            )
        threshold = self.policy.threshold_for(lang, result.ranked_by)
        if result.passages and result.confidence >= threshold:
            return _ToAnswer(question, result, notice), 0, guard_fields, kept, ""
        streak += 1
        if distress:
            # When in doubt, a person: a message with a sign of distress that the pages do
            # not answer goes to a caseworker, never only "not covered".
            reply = Reply(
                "escalate",
                "not_covered.distress",
                self._replies.get("not_covered", lang),
                (),
                lang,
                "fixed",
                result.confidence,
            )
        elif streak >= self.policy.low_confidence_turns_before_offer:
            text = (
                self._replies.get("not_covered", lang)
                + " "
                + self._replies.get("offer_person", lang)
            )
            reply = Reply(
                "refuse", OFFER_AFTER_UNCOVERED, text, (), lang, "fixed", result.confidence
            )
        else:
            reply = self._fixed("refuse", "not_covered", "not_covered", lang, result.confidence)
        reason = _with_retrieval_fallback(reply.reason, result)
        return (
            _with_notice(replace(reply, reason=reason, kb_version=result.kb_version), notice),
            streak,
            guard_fields,
            kept,
            "",
        )

    def _retrieve(self, question: str, lang: str) -> RetrievalResult:
        started = time.perf_counter()
        try:
            return self._retriever.retrieve(question, lang=lang, k=self.policy.top_k)
        finally:
            self._observer.retrieved(time.perf_counter() - started)

    def _answer(self, question: str, lang: str, result: RetrievalResult) -> Reply:
        started = time.perf_counter()
        draft = self._writer.write(question, result.passages, lang)
        self._observer.wrote(draft.mode, time.perf_counter() - started)
        return self._reply_from_draft(draft, lang, result)

    def _reply_from_draft(self, draft: DraftAnswer, lang: str, result: RetrievalResult) -> Reply:
        numbering = CitationNumbering(result.passages)
        text = numbering.renumber(draft.text)
        citations = numbering.citations
        intro = self._replies.get("answer_intro", lang)
        return Reply(
            decision="answer",
            reason=_with_retrieval_fallback(
                "answered"
                if draft.fallback_reason is None
                else f"answered.{draft.fallback_reason}",
                result,
            ),
            text=f"{intro} {text}",
            citations=citations,
            lang=lang,
            mode=draft.mode,
            confidence=result.confidence,
            kb_version=result.kb_version,
            model_tokens=draft.model_tokens,
            model_use=draft.model_use,
        )

    def _fixed(
        self, decision: Decision, reason: str, key: str, lang: str, confidence: float | None = None
    ) -> Reply:
        return Reply(decision, reason, self._replies.get(key, lang), (), lang, "fixed", confidence)

    def _reply_event(
        self,
        conversation_id: str,
        reply: Reply,
        latency_ms: int | None = None,
        cpu_seconds: float | None = None,
    ) -> AuditEvent:
        fields: dict[str, JsonValue] = {
            "decision": reply.decision,
            "reason": reply.reason,
            "lang": reply.lang,
            "mode": reply.mode,
            "citations": [c.doc_id for c in reply.citations],
        }
        if reply.confidence is not None:
            # Log entries carry no floats (RFC 8785 number rules): keep per mille.
            fields["confidence_permille"] = round(reply.confidence * 1000)
        if reply.kb_version is not None:
            fields["kb_version"] = reply.kb_version
        if latency_ms is not None:
            # Message in to reply logged: what oversight charts as latency.
            fields["latency_ms"] = latency_ms
        if reply.model_tokens is not None:
            # Estimated from characters (bot/energy.py): what the model read and wrote.
            fields["model_tokens_prompt"], fields["model_tokens_output"] = reply.model_tokens
        if cpu_seconds is not None:
            # Estimated from this thread's CPU time and, with a model of known size, its tokens
            # (bot/energy.py): µWh, central, low, high.
            fields.update(reply_energy_fields(cpu_seconds, reply.model_use))
        return AuditEvent(
            type=_ENTRY_TYPE[reply.decision],
            conversation_id=conversation_id,
            fields=fields,
            text=reply.text,
        )

    @staticmethod
    def _reply_turn(reply: Reply, text_id: int | None, index: int) -> TurnRecord:
        return TurnRecord(
            role="assistant",
            text_id=text_id,
            log_index=index,
            decision=reply.decision,
            reason=reply.reason,
            citations=reply.citations,
            mode=reply.mode,
        )


def _with_retrieval_fallback(reason: str, result: RetrievalResult) -> str:
    """The reason, plus why retrieval ran degraded (e.g. "answered.lexical_fallback")."""
    return reason if result.fallback_reason is None else f"{reason}.{result.fallback_reason}"


def _elapsed_ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _cpu_seconds(cpu_started: float) -> float:
    return max(0.0, time.thread_time() - cpu_started)
