"""What the engine tells its observer: codes and seconds for each step, never words or ids."""

from __future__ import annotations

from bot.guards.verdict import GuardVerdict as Verdict
from bot.guards.verdict import PIIFinding
from tests.bot.test_engine import BINS, PERMITS, FixedGuard, FixedRetriever, make_engine


class Seen:
    """Keeps every call, with its arguments, to check what an observer could learn."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []

    def retrieved(self, seconds: float) -> None:
        self.calls.append(("retrieved", (seconds,)))

    def wrote(self, mode: str, seconds: float) -> None:
        self.calls.append(("wrote", (mode, seconds)))

    def replied(self, decision: str, reason: str, guard_layer: str | None) -> None:
        self.calls.append(("replied", (decision, reason, guard_layer)))


def test_an_answer_reports_retrieval_writing_and_the_decision() -> None:
    engine, _, _ = make_engine(FixedRetriever((PERMITS, BINS), 0.9))
    seen = Seen()
    engine.observe(seen)
    cid = engine.start("en").id
    engine.ask(cid, "How much is a resident permit?")
    assert [name for name, _ in seen.calls] == ["retrieved", "wrote", "replied"]
    assert seen.calls[1][1][0] == "extractive"
    assert seen.calls[2][1] == ("answer", "answered", None)
    assert all(isinstance(s, float) and s >= 0 for s in (seen.calls[0][1][0], seen.calls[1][1][1]))


def test_a_guard_decision_names_its_layer_and_nothing_the_citizen_wrote() -> None:
    verdict = Verdict(
        "block_pii", "pii.email", None, "x", (), (PIIFinding("email", 0, 5),), layer="pii"
    )
    engine, _, _ = make_engine(FixedRetriever((PERMITS,), 0.9), FixedGuard(verdict))
    seen = Seen()
    engine.observe(seen)
    cid = engine.start("en").id
    engine.ask(cid, "my email is anna.schmidt@example.org")
    assert seen.calls == [("replied", ("block_pii", "pii.email", "pii"))]
    arguments = repr(seen.calls)
    assert "anna" not in arguments and cid not in arguments


def test_a_knowledge_base_outage_still_reports_the_search_time() -> None:
    retriever = FixedRetriever((PERMITS,), 0.9)
    retriever.down = True
    engine, _, _ = make_engine(retriever)
    seen = Seen()
    engine.observe(seen)
    engine.ask(engine.start("en").id, "How much is a permit?")
    assert [name for name, _ in seen.calls] == ["retrieved", "replied"]
    assert seen.calls[-1][1][:2] == ("refuse", "kb.unavailable")


def test_asking_for_a_person_reports_an_escalation() -> None:
    engine, _, _ = make_engine(FixedRetriever((PERMITS,), 0.9))
    seen = Seen()
    engine.observe(seen)
    engine.request_person(engine.start("en").id)
    assert seen.calls == [("replied", ("escalate", "person.button", None))]
