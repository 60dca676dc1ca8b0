"""Every handoff transition against the real log on SQLite and PostgreSQL, with the database
failing at each step of the unit of work (the log's lock, the entry's append, the commit):
neither the state change nor its entry is kept, and the retry is no conflict."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, Table, create_engine, select

from audit.entries import decode_entry
from audit.note import generate_signer
from audit.sink import AuditEvent, LogUnavailable
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from bot.conversations import ConversationStore
from bot.handoff.desk import DeskPolicy, HandoffDesk
from bot.handoff.draft_store import DraftStore
from bot.handoff.drafts import DraftApprovalPolicy
from bot.handoff.hours import OpeningHours
from bot.handoff.review import DraftReview
from bot.handoff.state import Handoff
from bot.handoff.store import HandoffStore
from bot.switches import Switchboard
from tests.fakes.failing_database import STEPS, Step, failing
from tests.schema import create_schema, tables

ORIGIN = "city.example/audit"
HELD_TOPIC = "en/housing-benefit"  # answers citing it wait for a person
STAFF = "staff-1"


class Quiet:
    def publish(self, channel: str, event: object) -> None:
        pass


@dataclass
class Counter:
    """The desk, draft review and switches of one app, on one engine with the real log."""

    engine: Engine
    log: TransparencyLog
    desk: HandoffDesk
    review: DraftReview
    switches: Switchboard

    def open(self) -> Handoff:
        return self.desk.open("c1", reason="person.button", lang="en", topic="general")

    def claimed(self) -> Handoff:
        handoff = self.open()
        return self.desk.claim(handoff.id, STAFF)

    def held(self) -> Handoff:
        """A held answer (as the engine logs and keeps it), claimed by the caseworker."""
        handoff, _ = self.review.open("c1", lang="en", topic=HELD_TOPIC, phone="", hours="")
        answer = AuditEvent("answer", "c1", {"decision": "answer"}, "Apply on form HB1.")
        recorded = self.log.record([self.review.held_event(answer, handoff)])
        self.review.keep(
            handoff, recorded[0], lang="en", mode="extractive", reason="answered", citations=()
        )
        return self.desk.claim(handoff.id, STAFF)

    def actions(self, since: int) -> list[object]:
        """The `action` (or switch setting) of each entry from `since` on."""
        found = []
        for _, data in self.log.entries(since):
            fields = decode_entry(data)
            found.append(fields.get("action", fields.get("setting")))
        return found


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def counter(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Counter]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'counter.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    tune_engine(engine)
    create_schema(engine)
    schema = tables()
    conversations = ConversationStore(engine, schema.conversations)
    handoffs, drafts = HandoffStore(engine, schema.handoffs), DraftStore(engine, schema.drafts)
    switches = Switchboard(engine, schema.switches, {"model": True, "chat": True}, cache_s=0)
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=schema.audit),
        checkpoint_every=1,  # a checkpoint in every unit: its signing must roll back too
        checkpoint_interval=timedelta(minutes=5),
        tables=schema.audit,
    )
    desk = HandoffDesk(
        store=handoffs,
        conversations=conversations,
        sink=log,
        events=Quiet(),
        hours=OpeningHours.parse(""),
        policy=DeskPolicy(teams=("general", "housing")),
    )
    review = DraftReview(
        policy=DraftApprovalPolicy.parse(HELD_TOPIC),
        store=drafts,
        desk=desk,
        conversations=conversations,
        sink=log,
        events=Quiet(),
    )
    conversations.create("c1", "en", "v1", "d" * 64)
    yield Counter(engine, log, desk, review, switches)
    engine.dispose()


def _rows(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Everything a transition may write: the stores' tables and the log's."""
    schema = tables()
    audit = schema.audit
    watched: list[Table] = [
        schema.handoffs.handoffs,
        schema.handoffs.notes,
        schema.drafts,
        schema.conversations.turns,
        schema.conversations.conversations,
        schema.switches,
        audit.state,
        audit.entries,
        audit.nodes,
        audit.checkpoints,
        audit.texts,
        audit.conversation_keys,
    ]
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t))] for t in watched}


# name -> (set-up returning the handoff id, the transition, the actions it logs)
Transition = tuple[Callable[[Counter], int], Callable[[Counter, int], object], list[object]]
TRANSITIONS: dict[str, Transition] = {
    "claim": (lambda c: c.open().id, lambda c, h: c.desk.claim(h, STAFF), ["claim"]),
    "reply": (
        lambda c: c.claimed().id,
        lambda c, h: c.desk.reply(h, STAFF, "Your permit is on its way"),
        ["reply"],
    ),
    "forward": (
        lambda c: c.claimed().id,
        lambda c, h: c.desk.forward(h, STAFF, "housing"),
        ["forward"],
    ),
    "hand_back": (lambda c: c.claimed().id, lambda c, h: c.desk.hand_back(h, STAFF), ["hand_back"]),
    "close": (
        lambda c: c.claimed().id,
        lambda c, h: c.desk.close(h, STAFF, "resolved"),
        ["close"],
    ),
    "note": (
        lambda c: c.open().id,
        lambda c, h: c.desk.add_note(h, STAFF, "Called back, no answer"),
        ["note"],
    ),
    "callback": (
        lambda c: 0,
        lambda c, h: c.desk.request_callback("c1", lang="en", contact="+31 6 1234 5678"),
        [None, None],  # the citizen's message and the escalation carry no staff action
    ),
    "relay": (
        lambda c: c.claimed().id,
        lambda c, h: c.desk.relay(c.desk.get(h), "Is it done?", {"lang": "en", "chars": 11}),
        [None],
    ),
    "approve_draft": (
        lambda c: c.held().id,
        lambda c, h: c.review.approve(h, STAFF),
        ["approve_draft"],
    ),
    "edit_draft": (
        lambda c: c.held().id,
        lambda c, h: c.review.edit(h, STAFF, "Apply on form HB2."),
        ["edit_draft"],
    ),
    "reject_draft": (
        lambda c: c.held().id,
        lambda c, h: c.review.reject(h, STAFF, "Please call us."),
        ["reject_draft"],
    ),
    "switch": (
        lambda c: 0,
        lambda c, h: c.switches.set("model", False, "operator-1", c.log),
        ["switch.model"],
    ),
}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("name", sorted(TRANSITIONS))
def test_a_log_failure_keeps_neither_the_change_nor_its_entry(
    counter: Counter, name: str, step: Step
) -> None:
    set_up, transition, logged = TRANSITIONS[name]
    handoff_id = set_up(counter)
    before, size = _rows(counter.engine), counter.log.size()

    with failing(counter.engine, step), pytest.raises(LogUnavailable):
        transition(counter, handoff_id)
    assert _rows(counter.engine) == before  # not one row of the stores or the log changed

    transition(counter, handoff_id)  # the retry: no conflict, nothing half-done in the way
    assert counter.actions(size) == logged
    assert counter.log.checkpoint()  # the stored tree is the one the entries make


def test_the_states_after_a_retried_claim_and_draft_decision(counter: Counter) -> None:
    handoff = counter.open()
    with failing(counter.engine, "commit"), pytest.raises(LogUnavailable):
        counter.desk.claim(handoff.id, STAFF)
    assert counter.desk.get(handoff.id).state == "waiting"
    assert counter.desk.claim(handoff.id, STAFF).state == "claimed"
    counter.desk.hand_back(handoff.id, STAFF)

    held = counter.held()
    with failing(counter.engine, "append"), pytest.raises(LogUnavailable):
        counter.review.approve(held.id, STAFF)
    draft = counter.review.draft(held.id)
    assert draft is not None and draft.state == "pending"
    assert counter.desk.get(held.id).state == "claimed"
    counter.review.approve(held.id, STAFF)
    decided = counter.review.draft(held.id)
    assert decided is not None and decided.state == "approved"
    assert counter.desk.get(held.id).state == "returned"
