"""The engine's decisions, with a fake retriever and sink and a real SQLite conversation store."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from bot.answering import ExtractiveWriter
from bot.conversations import ConversationStore
from bot.engine import ConversationEngine, ConversationNotFound, InvalidMessage, Piece, Reply
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from bot.guards.verdict import GuardVerdict as Verdict
from bot.guards.verdict import PIIFinding
from bot.organisation import load_disclosure, load_organisation
from bot.replies import REPLY_TEXTS, Translate, in_english, load_replies
from knowledge.types import KnowledgeBaseUnavailable, Passage, RetrievalResult
from tests.fakes.memory_sink import MemorySink
from tests.schema import create_schema, tables


def passage(doc_id: str, text: str) -> Passage:
    return Passage(
        chunk_id=doc_id,
        doc_id=doc_id,
        title=doc_id.title(),
        url=f"https://e.example/{doc_id}",
        lang="en",
        text=text,
    )


class FixedRetriever:
    def __init__(self, passages: tuple[Passage, ...], confidence: float) -> None:
        self.result = RetrievalResult(passages, confidence, "v1")
        self.down = False

    def retrieve(self, question: str, lang: str | None = None, k: int = 5) -> RetrievalResult:
        if self.down:
            raise KnowledgeBaseUnavailable("no index")
        return self.result


class FixedGuard:
    def __init__(self, verdict: Verdict | None) -> None:
        self.verdict = verdict

    def inspect(self, text: str, lang: str) -> Verdict:
        return self.verdict or Verdict("allow", "ok", None, text, ())


PERMITS = passage(
    "permits", "A resident permit costs £60 a year. Apply online or at the Town Hall."
)
BINS = passage("bins", "Bins are emptied every Tuesday. Put glass in the green box.")


def make_engine(
    retriever: FixedRetriever, guard: FixedGuard | None = None, translate: Translate = in_english
) -> tuple[ConversationEngine, MemorySink, ConversationStore]:
    database = create_engine("sqlite://")
    create_schema(database)
    store = ConversationStore(database, tables().conversations)
    sink = MemorySink()
    organisation = load_organisation()
    engine = ConversationEngine(
        retriever=retriever,
        sink=sink,
        store=store,
        writer=ExtractiveWriter(),
        replies=load_replies(organisation, translate),
        disclosure=load_disclosure(organisation),
        guard=guard,
    )
    return engine, sink, store


def test_confident_retrieval_answers_with_citations_from_passage_metadata() -> None:
    engine, sink, store = make_engine(FixedRetriever((PERMITS, BINS), 0.9))
    cid = engine.start("en").id
    reply = engine.ask(cid, "How much is a resident permit?")
    assert reply.decision == "answer"
    assert [c.doc_id for c in reply.citations] == ["permits"]
    assert reply.citations[0].url == "https://e.example/permits"
    assert "£60" in reply.text and "[1]" in reply.text
    assert [e.type for e in sink.events] == ["disclosure", "message", "answer"]
    assert (
        sink.events[0].fields["disclosure_version"] == load_disclosure(load_organisation()).version
    )
    assert sink.events[2].fields["citations"] == ["permits"]
    assert [t.role for t in store.turns(cid)] == ["citizen", "assistant"]


def test_low_confidence_refuses_and_the_second_time_offers_a_person() -> None:
    engine, sink, _store = make_engine(FixedRetriever((BINS,), 0.1))
    cid = engine.start("en").id
    first = engine.ask(cid, "What is the weather tomorrow?")
    assert (first.decision, first.reason) == ("refuse", "not_covered")
    assert "020 7946 0000" in first.text
    second = engine.ask(cid, "Who will win the election?")
    assert second.reason == "not_covered.offer_person"
    assert "talk to a person" in second.text.lower()
    assert sink.events[-1].type == "refusal"


def test_an_answer_resets_the_low_confidence_streak() -> None:
    retriever = FixedRetriever((PERMITS,), 0.1)
    engine, _, _store = make_engine(retriever)
    cid = engine.start("en").id
    engine.ask(cid, "Unrelated question one")
    retriever.result = RetrievalResult((PERMITS,), 0.9, "v1")
    engine.ask(cid, "How much is a permit?")
    assert engine.conversation(cid).low_confidence_streak == 0


def test_french_question_gets_a_french_reply() -> None:
    # The app's catalogs translate the replies (web/locale); here a one-entry stand-in.
    def translate(lang: str, message: str) -> str:
        french = message == REPLY_TEXTS["not_covered"] and lang == "fr"
        return "Désolé, {organisation} : {phone}." if french else message

    engine, _, _ = make_engine(FixedRetriever((BINS,), 0.1), translate=translate)
    cid = engine.start("en").id
    reply = engine.ask(cid, "Quelle est la météo de demain pour la ville ?")
    assert reply.lang == "fr"
    assert reply.text == "Désolé, la Ville d'Exampleton : 020 7946 0000."


def test_pii_block_keeps_no_personal_data_even_in_the_vault() -> None:
    guard = FixedGuard(
        Verdict(
            "block_pii",
            "pii.iban",
            "Please remove your IBAN.",
            "x",
            (),
            (PIIFinding("iban", 11, 38),),
        )
    )
    engine, sink, _ = make_engine(FixedRetriever((PERMITS,), 0.9), guard)
    cid = engine.start("en").id
    reply = engine.ask(cid, "My IBAN is GB82 WEST 1234 5698 7654 32")
    assert (reply.decision, reply.reason) == ("block_pii", "pii.iban")
    assert all("GB82" not in t for t in sink.texts)
    assert sink.events[1].fields["guard"] == "pii.iban"
    assert sink.events[1].fields["pii"] == ["iban"]


def test_hidden_characters_are_kept_for_reviewers_and_labelled_in_the_log() -> None:
    raw = "How much is a permit?\u200b\u200b"
    guard = FixedGuard(Verdict("allow", "ok", None, "How much is a permit?", ("U+200B x2",)))
    engine, sink, _ = make_engine(FixedRetriever((PERMITS,), 0.9), guard)
    engine.ask(engine.start("en").id, raw)
    assert sink.texts[0] == raw
    assert sink.events[1].fields["hidden"] == ["U+200B x2"]


@pytest.mark.parametrize(
    ("action", "decision"), [("crisis", "escalate"), ("escalate", "escalate"), ("refuse", "refuse")]
)
def test_guard_actions_become_decisions(action: str, decision: str) -> None:
    guard = FixedGuard(Verdict(action, f"{action}.x", "fixed reply", "text", ()))  # type: ignore[arg-type]
    engine, _sink, _store = make_engine(FixedRetriever((PERMITS,), 0.9), guard)
    cid = engine.start("en").id
    reply = engine.ask(cid, "anything")
    assert reply.decision == decision
    assert reply.text == "fixed reply"
    if decision == "escalate":
        assert engine.conversation(cid).status == "escalated"


def test_knowledge_base_down_is_a_refusal_with_contacts_not_an_error() -> None:
    retriever = FixedRetriever((PERMITS,), 0.9)
    retriever.down = True
    engine, _, _ = make_engine(retriever)
    reply = engine.ask(engine.start("en").id, "How much is a permit?")
    assert (reply.decision, reply.reason) == ("refuse", "kb.unavailable")
    assert "020 7946 0000" in reply.text


def test_invalid_messages_and_unknown_conversations_write_nothing() -> None:
    engine, sink, _ = make_engine(FixedRetriever((PERMITS,), 0.9))
    cid = engine.start("en").id
    with pytest.raises(InvalidMessage):
        engine.ask(cid, "   ")
    with pytest.raises(InvalidMessage) as too_long:
        engine.ask(cid, "x" * 2001)
    assert too_long.value.limit == 2000
    with pytest.raises(ConversationNotFound):
        engine.ask("missing", "hello")
    assert len(sink.events) == 1


def test_log_failure_leaves_no_turns() -> None:
    engine, sink, store = make_engine(FixedRetriever((PERMITS,), 0.9))
    cid = engine.start("en").id
    sink.fail = True
    with pytest.raises(Exception, match="down"):
        engine.ask(cid, "How much is a permit?")
    assert store.turns(cid) == []


def test_citation_markers_are_renumbered_to_the_documents_shown() -> None:
    second_chunk = Passage(
        chunk_id="permits#2",
        doc_id="permits",
        title="Permits",
        url="https://e.example/permits",
        lang="en",
        text="Visitor permits cost £2 a day and are sold in books of ten.",
    )
    engine, _, _ = make_engine(FixedRetriever((PERMITS, second_chunk), 0.9))
    reply = engine.ask(engine.start("en").id, "How much do resident and visitor permits cost?")
    assert len(reply.citations) == 1
    assert "[2]" not in reply.text


def test_redacted_personal_data_is_named_to_the_citizen_before_the_answer() -> None:
    notice = "I removed your e-mail address before reading your question."
    verdict = Verdict(
        "allow",
        "pii.redacted",
        None,
        "How much is a permit? Write to [email].",
        (),
        (PIIFinding("email", 30, 46),),
        notice=notice,
    )
    engine, _, _ = make_engine(FixedRetriever((PERMITS,), 0.9), FixedGuard(verdict))
    cid = engine.start("en").id
    reply = engine.ask(cid, "How much is a permit? Write to jane@example.org.")
    assert reply.decision == "answer"
    assert reply.text.startswith(notice) and "£60" in reply.text
    streamed = list(engine.ask_stream(cid, "How much is a permit? Write to jane@example.org."))
    final = streamed[-1]
    assert isinstance(final, Reply) and final.text.startswith(notice)
    assert isinstance(streamed[0], Piece) and streamed[0].text.startswith(notice)
    # Not covered either: the citizen still learns what was removed.
    engine2, _, _ = make_engine(FixedRetriever((PERMITS,), 0.1), FixedGuard(verdict))
    refused = engine2.ask(engine2.start("en").id, "Write to jane@example.org.")
    assert refused.decision == "refuse" and refused.text.startswith(notice)


class PolicyGuard(FixedGuard):
    """The real input guard with the default policy, in FixedGuard's place."""

    def __init__(self) -> None:
        super().__init__(None)
        self.guard = InputGuard(GuardPolicy.default())

    def inspect(self, text: str, lang: str) -> Verdict:
        return self.guard.inspect(text, lang)


def test_a_crisis_with_a_name_is_escalated_and_the_name_is_kept_nowhere() -> None:
    engine, sink, _ = make_engine(FixedRetriever((PERMITS,), 0.9), PolicyGuard())
    cid = engine.start("en").id
    reply = engine.ask(cid, "I want to end my life. My name is Corwen Blaylock, 4 Tern Close.")
    assert reply.decision == "escalate"
    assert reply.reason.startswith("crisis.")
    assert all("Blaylock" not in t and "Tern" not in t for t in sink.texts)
    assert any("[NAME_DOB_ADDRESS]" in t or "[NAME]" in t for t in sink.texts)
    assert sink.events[1].fields["pii"]


def test_each_reply_entry_carries_its_energy_estimate() -> None:
    engine, sink, _store = make_engine(FixedRetriever((PERMITS, BINS), 0.9))
    cid = engine.start("en").id
    engine.ask(cid, "How much is a resident permit?")
    engine.ask(cid, "What is the weather tomorrow?")
    for entry in (sink.events[2], sink.events[4]):
        assert entry.type in ("answer", "refusal")
        low, central, high = (
            entry.fields["energy_uwh_low"],
            entry.fields["energy_uwh"],
            entry.fields["energy_uwh_high"],
        )
        # Integers (entries hold no floats); a reply costs some CPU, so more than nothing.
        assert isinstance(central, int) and isinstance(low, int) and isinstance(high, int)
        assert 0 <= low <= central <= high and high > 0
    # The message entry is not a reply: it carries none.
    assert "energy_uwh" not in sink.events[1].fields
