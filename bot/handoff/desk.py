"""The handoff desk: opens handoffs from escalations and carries out caseworkers' actions.

Every action is logged through the AuditSink (pseudonymous caseworker ids and labels; the
words of replies, notes and callback requests go to the vault, encrypted) and stored in one
unit of work: the state change and its log entry commit together, or neither does (a claim
the log could not record is no claim, and its retry is no conflict). Only then is it
announced on the live events so that every app process updates its screens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection

from audit.sink import AuditEvent, AuditSink
from bot.conversations import ConversationStore, TurnRecord
from bot.handoff.audit_events import callback_events, staff_event
from bot.handoff.hours import OpeningHours
from bot.handoff.ports import (
    QUEUE_CHANNEL,
    EscalationNotifier,
    LiveEvents,
    conversation_channel,
)
from bot.handoff.state import (
    ACTIVE_STATES,
    OUTCOMES,
    PRIORITY_CRISIS,
    Handoff,
    HandoffConflict,
    HandoffKind,
    HandoffNote,
    HandoffNotFound,
    InvalidStaffText,
    UnknownTeam,
    priority_for,
)
from bot.handoff.store import HandoffStore
from bot.handoff.texts import handoff_text


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class DeskPolicy:
    teams: tuple[str, ...] = ("general",)
    minutes_per_case: int = 6
    max_text_chars: int = 4000


class HandoffDesk:
    def __init__(
        self,
        *,
        store: HandoffStore,
        conversations: ConversationStore,
        sink: AuditSink,
        events: LiveEvents,
        hours: OpeningHours,
        notifier: EscalationNotifier | None = None,
        policy: DeskPolicy | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._store = store
        self._conversations = conversations
        self._sink = sink
        self._events = events
        self._hours = hours
        self._notifier = notifier
        self.policy = policy or DeskPolicy()
        self._clock = clock

    @property
    def teams(self) -> tuple[str, ...]:
        return self.policy.teams

    # -- the citizen's side ----------------------------------------------------------------

    def is_open(self) -> bool:
        return self._hours.is_open(self._clock())

    def open(self, conversation_id: str, *, reason: str, lang: str, topic: str) -> Handoff:
        """Queue the conversation for a person (once: an active handoff is returned as is)."""
        handoff, new = self.open_in(None, conversation_id, reason=reason, lang=lang, topic=topic)
        if new:
            self.announce_opened(handoff)
        return handoff

    def open_in(
        self,
        connection: Connection | None,
        conversation_id: str,
        *,
        reason: str,
        lang: str,
        topic: str,
    ) -> tuple[Handoff, bool]:
        """`open` inside the caller's unit of work (`connection`): the handoff stands only if
        the unit commits, with the entry that tells of it. Returns the handoff and whether it
        is new; announce a new one with `announce_opened` once the unit has committed."""
        existing = self._store.active_for(conversation_id, connection)
        if existing is not None:
            return existing, False
        return self._queued("live", connection, conversation_id, reason, lang, topic), True

    def open_callback_in(
        self,
        connection: Connection | None,
        conversation_id: str,
        *,
        reason: str,
        lang: str,
        topic: str,
    ) -> Handoff:
        """Out of hours, a message sent to a person that gave contact details: a callback
        request (inside the caller's unit of work), as the callback form makes; the details are
        attached with `keep_contact` once they are logged. Announce it with `announce_opened`
        once the unit has committed."""
        return self._queued("callback", connection, conversation_id, reason, lang, topic)

    def _queued(
        self,
        kind: HandoffKind,
        connection: Connection | None,
        conversation_id: str,
        reason: str,
        lang: str,
        topic: str,
    ) -> Handoff:
        """A new handoff, waiting in the first team's queue at the priority of its reason."""
        return self._store.insert(
            conversation_id=conversation_id,
            kind=kind,
            reason=reason,
            topic=topic,
            lang=lang,
            priority=priority_for(reason),
            team=self.policy.teams[0],
            created_at=self._clock(),
            connection=connection,
        )

    def keep_contact(self, handoff: Handoff, text_id: int, connection: Connection | None) -> None:
        """Point the handoff at the contact details its citizen gave (their words are in the
        vault, `text_id`): the console shows them to the caseworkers who open it."""
        self._store.transition(
            handoff.id,
            from_states=ACTIVE_STATES,
            owner=None,
            connection=connection,
            callback_text_id=text_id,
        )

    def announce_opened(self, handoff: Handoff) -> None:
        """Tell every app process's screens, and the escalation hooks, that a person is needed."""
        self._announce(handoff, "handoff_opened")
        if self._notifier is not None:
            self._notifier.notify(handoff)

    def status_text(self, handoff: Handoff, lang: str, phone: str = "") -> str:
        if handoff.priority == PRIORITY_CRISIS:
            return handoff_text("waiting_crisis", lang, phone=phone)
        ahead, minutes = self.expected_wait(handoff)
        return handoff_text("waiting", lang, minutes=minutes, ahead=ahead)

    def expected_wait(self, handoff: Handoff) -> tuple[int, int]:
        """How many are ahead in the queue, and the minutes to wait that makes."""
        ahead = self._store.waiting_ahead(handoff)
        return ahead, (ahead + 1) * self.policy.minutes_per_case

    def expected_wait_if_queued(self) -> int:
        """The minutes a conversation queued now would wait (normal priority, the first team):
        what an offer of a person quotes before the citizen accepts it."""
        team = self.policy.teams[0]
        waiting = [
            h for h in self._store.listing(states=("waiting",), team=team) if h.kind == "live"
        ]
        return (len(waiting) + 1) * self.policy.minutes_per_case

    def request_callback(self, conversation_id: str, *, lang: str, contact: str) -> Handoff:
        """Out of hours: keep the citizen's contact details (encrypted) for a person to call.

        Logged as the citizen's message (the words go to the vault) and an escalation whose
        text is the confirmation the citizen is shown.
        """
        contact = self.checked_text(contact)
        with self._sink.unit_of_work() as unit:
            recorded = unit.record(callback_events(conversation_id, lang, contact))
            self._conversations.add_turns(
                conversation_id,
                [
                    TurnRecord("citizen", recorded[0].text_id, recorded[0].index),
                    TurnRecord(
                        "assistant",
                        recorded[1].text_id,
                        recorded[1].index,
                        decision="escalate",
                        reason="callback_requested",
                        mode="handoff",
                    ),
                ],
                status="escalated",
                connection=unit.connection,
            )
            handoff = self._store.insert(
                conversation_id=conversation_id,
                kind="callback",
                reason="callback_requested",
                topic="callback",
                lang=lang,
                priority=priority_for("callback"),
                team=self.policy.teams[0],
                created_at=self._clock(),
                callback_text_id=recorded[0].text_id,
                connection=unit.connection,
            )
        self._announce(handoff, "callback_requested")
        if self._notifier is not None:
            self._notifier.notify(handoff)
        return handoff

    def active(self, conversation_id: str) -> Handoff | None:
        return self._store.active_for(conversation_id)

    def latest(self, conversation_id: str) -> Handoff | None:
        return self._store.latest_for(conversation_id)

    def relay(self, handoff: Handoff, text: str, fields: dict[str, str | int]) -> None:
        """A citizen's message while a person has the conversation: to the person, not the bot."""
        cid = handoff.conversation_id
        event = AuditEvent("message", cid, {**fields, "to": "person", "handoff": handoff.id}, text)
        with self._sink.unit_of_work() as unit:
            recorded = unit.record([event])
            self._conversations.add_turns(
                cid,
                [TurnRecord("citizen", recorded[0].text_id, recorded[0].index)],
                connection=unit.connection,
            )
        self._events.publish(conversation_channel(cid), {"kind": "citizen_message"})

    # -- the caseworker's side -------------------------------------------------------------

    def queue(self, team: str | None = None) -> list[Handoff]:
        return self._store.listing(states=("waiting",), team=team)

    def claimed(self, caseworker: str | None = None) -> list[Handoff]:
        handoffs = self._store.listing(states=("claimed",))
        return [h for h in handoffs if caseworker is None or h.caseworker == caseworker]

    def get(self, handoff_id: int) -> Handoff:
        handoff = self._store.get(handoff_id)
        if handoff is None:
            raise HandoffNotFound(handoff_id)
        return handoff

    def claim(self, handoff_id: int, caseworker: str) -> Handoff:
        handoff = self.get(handoff_id)
        with self._sink.unit_of_work() as unit:
            taken = self._store.transition(
                handoff_id,
                from_states=("waiting",),
                owner=None,
                connection=unit.connection,
                state="claimed",
                caseworker=caseworker,
                claimed_at=self._clock(),
            )
            if not taken:
                raise HandoffConflict("this conversation was already claimed or closed")
            unit.record(
                [staff_event("claim", handoff.conversation_id, caseworker, handoff_id=handoff_id)]
            )
            self._conversations.add_turns(
                handoff.conversation_id, [], status="with_person", connection=unit.connection
            )
        claimed = self.get(handoff_id)
        self._announce(claimed, "handoff_claimed")
        return claimed

    def reply(self, handoff_id: int, caseworker: str, text: str) -> None:
        handoff = self.owned(handoff_id, caseworker)
        text = self.checked_text(text)
        event = staff_event(
            "reply", handoff.conversation_id, caseworker, handoff_id=handoff_id, text=text
        )
        with self._sink.unit_of_work() as unit:
            self._still_owned(unit.connection, handoff_id, caseworker)
            recorded = unit.record([event])
            turn = TurnRecord("staff", recorded[0].text_id, recorded[0].index, mode="person")
            self._conversations.add_turns(
                handoff.conversation_id, [turn], connection=unit.connection
            )
        self._events.publish(conversation_channel(handoff.conversation_id), {"kind": "staff_reply"})

    def release(self, handoff_id: int, caseworker: str, connection: Connection) -> None:
        """The bot answers again, without a notice: the person's action already told the citizen
        (a checked answer was sent).

        Part of that action's unit of work (`connection`), whose entry records it; the
        caller announces it with `announce_returned` once the unit has committed.
        """
        handoff = self._still_owned(connection, handoff_id, caseworker)
        done = self._store.transition(
            handoff_id,
            from_states=("claimed",),
            owner=caseworker,
            connection=connection,
            state="returned",
            closed_at=self._clock(),
        )
        if not done:
            raise HandoffConflict("the conversation changed meanwhile; reload it")
        self._conversations.add_turns(
            handoff.conversation_id, [], status="open", connection=connection
        )

    def announce_returned(self, handoff_id: int) -> None:
        self._announce(self.get(handoff_id), "handoff_returned")

    def hand_back(self, handoff_id: int, caseworker: str) -> None:
        """The bot answers again; the citizen is told so, in their language."""
        self._finish(handoff_id, caseworker, "hand_back", "returned", "handed_back", {})

    def close(self, handoff_id: int, caseworker: str, outcome: str) -> None:
        if outcome not in OUTCOMES:
            raise InvalidStaffText(f"outcome must be one of {', '.join(OUTCOMES)}")
        self._finish(handoff_id, caseworker, "close", "closed", "closed", {"outcome": outcome})

    def forward(self, handoff_id: int, caseworker: str, team: str) -> None:
        """Back into the waiting queue of another team, unclaimed."""
        if team not in self.policy.teams:
            raise UnknownTeam(team)
        handoff = self.owned(handoff_id, caseworker)
        with self._sink.unit_of_work() as unit:
            moved = self._store.transition(
                handoff_id,
                from_states=("claimed",),
                owner=caseworker,
                connection=unit.connection,
                state="waiting",
                team=team,
                caseworker=None,
                claimed_at=None,
            )
            if not moved:
                raise HandoffConflict("the conversation changed meanwhile; reload it")
            unit.record(
                [
                    staff_event(
                        "forward",
                        handoff.conversation_id,
                        caseworker,
                        handoff_id=handoff_id,
                        team=team,
                        from_team=handoff.team,
                    )
                ]
            )
        self._announce(self.get(handoff_id), "handoff_forwarded")

    def add_note(self, handoff_id: int, caseworker: str, text: str) -> None:
        """An internal note for colleagues; never shown to the citizen."""
        handoff = self.get(handoff_id)
        text = self.checked_text(text)
        event = staff_event(
            "note",
            handoff.conversation_id,
            caseworker,
            handoff_id=handoff_id,
            text=text,
            visibility="internal",
        )
        with self._sink.unit_of_work() as unit:
            recorded = unit.record([event])
            self._store.add_note(
                handoff_id, caseworker, recorded[0].text_id, self._clock(), unit.connection
            )
        self._events.publish(conversation_channel(handoff.conversation_id), {"kind": "note"})

    def notes(self, conversation_id: str) -> list[HandoffNote]:
        return self._store.notes_for_conversation(conversation_id)

    def record_transcript_access(
        self, handoff: Handoff, accessor: str, purpose: str = "handoff"
    ) -> None:
        """Reading the decrypted transcript is itself logged, before the words are shown."""
        self._sink.record(
            [
                staff_event(
                    "transcript",
                    handoff.conversation_id,
                    accessor,
                    handoff_id=handoff.id,
                    purpose=purpose,
                )
            ]
        )

    # -- shared steps ------------------------------------------------------------------------

    def owned(self, handoff_id: int, caseworker: str) -> Handoff:
        handoff = self.get(handoff_id)
        if handoff.state != "claimed" or handoff.caseworker != caseworker:
            raise HandoffConflict("claim the conversation before acting on it")
        return handoff

    def _still_owned(self, connection: Connection, handoff_id: int, caseworker: str) -> Handoff:
        # Checked again inside the unit of work: the claim may have ended since `owned`.
        handoff = self._store.get(handoff_id, connection)
        if handoff is None:
            raise HandoffNotFound(handoff_id)
        if handoff.state != "claimed" or handoff.caseworker != caseworker:
            raise HandoffConflict("the conversation changed meanwhile; reload it")
        return handoff

    def _finish(
        self,
        handoff_id: int,
        caseworker: str,
        action: str,
        state: str,
        text_key: str,
        labels: dict[str, str],
    ) -> None:
        handoff = self.owned(handoff_id, caseworker)
        notice = handoff_text(text_key, handoff.lang)
        event = staff_event(
            action,
            handoff.conversation_id,
            caseworker,
            handoff_id=handoff_id,
            text=notice,
            **labels,
        )
        with self._sink.unit_of_work() as unit:
            done = self._store.transition(
                handoff_id,
                from_states=ACTIVE_STATES,
                owner=caseworker,
                connection=unit.connection,
                state=state,
                closed_at=self._clock(),
                outcome=labels.get("outcome"),
            )
            if not done:
                raise HandoffConflict("the conversation changed meanwhile; reload it")
            recorded = unit.record([event])
            turn = TurnRecord(
                "assistant",
                recorded[0].text_id,
                recorded[0].index,
                reason=text_key,
                mode="handoff",
            )
            self._conversations.add_turns(
                handoff.conversation_id, [turn], status="open", connection=unit.connection
            )
        self._announce(self.get(handoff_id), f"handoff_{state}")

    def checked_text(self, text: str) -> str:
        stripped = text.strip()
        if not stripped:
            raise InvalidStaffText("the text is empty")
        if len(stripped) > self.policy.max_text_chars:
            raise InvalidStaffText(f"the text is longer than {self.policy.max_text_chars}")
        return stripped

    def _announce(self, handoff: Handoff, kind: str) -> None:
        event = {"kind": kind, "handoff": str(handoff.id)}
        self._events.publish(QUEUE_CHANNEL, event)
        self._events.publish(conversation_channel(handoff.conversation_id), event)


def teams_from(text: str) -> tuple[str, ...]:
    """`general, housing` → ("general", "housing"); the first is where new handoffs go."""
    teams = tuple(t.strip() for t in text.split(",") if t.strip())
    return teams or ("general",)


__all__: Sequence[str] = ("DeskPolicy", "HandoffDesk", "teams_from")
