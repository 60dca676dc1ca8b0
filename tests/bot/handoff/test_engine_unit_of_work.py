"""The engine's handoff openings against the real log on SQLite and PostgreSQL, with the
database failing at each step of the unit of work (the log's lock, the entry's append, the
commit): an escalation, the "Talk to a person" button and an answer held for a person each
leave no handoff, no turn and no entry behind, tell nobody, and the retry opens one handoff."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, Table, create_engine, select

from audit.note import generate_signer
from audit.sink import LogUnavailable
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from bot.answering import ExtractiveWriter
from bot.conversations import ConversationStore
from bot.engine import ConversationEngine
from bot.guards.verdict import GuardVerdict
from bot.handoff.desk import HandoffDesk
from bot.handoff.draft_store import DraftStore
from bot.handoff.drafts import DraftApprovalPolicy
from bot.handoff.hours import OpeningHours
from bot.handoff.review import DraftReview
from bot.handoff.state import Handoff
from bot.handoff.store import HandoffStore
from bot.organisation import load_disclosure, load_organisation
from bot.replies import load_replies
from knowledge.types import Passage, RetrievalResult
from tests.fakes.failing_database import STEPS, Step, failing
from tests.schema import create_schema, tables

ORIGIN = "city.example/audit"
HELD = Passage("hb-1", "en/housing-benefit", "Housing benefit", "https://e.example/hb", "en",
               "Apply for housing benefit on form HB1 at the Town Hall.")  # fmt: skip


class Retriever:
    def retrieve(self, question: str, lang: str | None = None, k: int = 5) -> RetrievalResult:
        return RetrievalResult((HELD,), 0.9, "v1")


@dataclass
class Guard:
    """Escalates a message asking for a person; lets anything else through."""

    def inspect(self, text: str, lang: str) -> GuardVerdict:
        if "person" in text:
            return GuardVerdict("escalate", "human_request", "A person will help you.", text, ())
        return GuardVerdict("allow", "ok", None, text, ())


@dataclass
class Announcements:
    """What the desk told the screens and the escalation hooks."""

    published: list[tuple[str, object]] = field(default_factory=list)
    notified: list[int] = field(default_factory=list)

    def publish(self, channel: str, event: object) -> None:
        self.published.append((channel, event))

    def notify(self, handoff: Handoff) -> None:
        self.notified.append(handoff.id)


@dataclass
class Counter:
    engine: Engine
    log: TransparencyLog
    bot: ConversationEngine
    said: Announcements
    conversation: str


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
    conversations, handoffs, drafts = (
        ConversationStore(engine, schema.conversations),
        HandoffStore(engine, schema.handoffs),
        DraftStore(engine, schema.drafts),
    )
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=schema.audit),
        checkpoint_every=1,  # a checkpoint in every unit: its signing must roll back too
        checkpoint_interval=timedelta(minutes=5),
        tables=schema.audit,
    )
    said = Announcements()
    desk = HandoffDesk(
        store=handoffs,
        conversations=conversations,
        sink=log,
        events=said,
        hours=OpeningHours.parse(""),
        notifier=said,
    )
    review = DraftReview(
        policy=DraftApprovalPolicy.parse(HELD.doc_id),
        store=drafts,
        desk=desk,
        conversations=conversations,
        sink=log,
        events=said,
    )
    organisation = load_organisation()
    bot = ConversationEngine(
        retriever=Retriever(),
        sink=log,
        store=conversations,
        writer=ExtractiveWriter(),
        replies=load_replies(organisation),
        disclosure=load_disclosure(organisation),
        guard=Guard(),
        handoffs=desk,
        drafts=review,
    )
    conversation = bot.start("en").id
    yield Counter(engine, log, bot, said, conversation)
    engine.dispose()


def _rows(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    schema = tables()
    audit = schema.audit
    watched: list[Table] = [
        schema.handoffs.handoffs,
        schema.drafts,
        schema.conversations.turns,
        schema.conversations.conversations,
        audit.state,
        audit.entries,
        audit.checkpoints,
        audit.texts,
    ]
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t))] for t in watched}


# name -> (the opening, the entry types it logs, the handoff's reason)
Opening = tuple[Callable[[Counter], object], list[str], str]
OPENINGS: dict[str, Opening] = {
    "escalation": (
        lambda c: c.bot.ask(c.conversation, "I want a person please"),
        ["message", "escalation"],
        "human_request",
    ),
    "person_button": (
        lambda c: c.bot.request_person(c.conversation),
        ["escalation"],
        "person.button",
    ),
    "held_answer": (
        lambda c: c.bot.ask(c.conversation, "How do I apply for housing benefit?"),
        ["message", "answer", "escalation"],
        "draft_review",
    ),
}


def _types(log: TransparencyLog, since: int) -> list[str]:
    import json

    return [json.loads(data)["type"] for _, data in log.entries(since)]


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("name", sorted(OPENINGS))
def test_a_log_failure_opens_no_handoff_and_tells_nobody(
    counter: Counter, name: str, step: Step
) -> None:
    opening, logged, reason = OPENINGS[name]
    before, size = _rows(counter.engine), counter.log.size()

    with failing(counter.engine, step), pytest.raises(LogUnavailable):
        opening(counter)
    assert _rows(counter.engine) == before  # no handoff, draft, turn, status or entry
    assert counter.said.published == [] and counter.said.notified == []

    opening(counter)  # the retry opens the one handoff, logged and announced
    assert _types(counter.log, size) == logged
    with counter.engine.connect() as conn:
        handoffs = tables().handoffs.handoffs
        opened = conn.execute(select(handoffs.c.id, handoffs.c.reason)).all()
    assert [r.reason for r in opened] == [reason]
    assert counter.said.notified == [opened[0].id]
    assert counter.bot.conversation(counter.conversation).status == "escalated"
    assert counter.log.checkpoint()  # the stored tree is the one the entries make
