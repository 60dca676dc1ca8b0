"""When in doubt, a person; answer thresholds per retrieval mode and language."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.engine import EnginePolicy
from bot.guards.verdict import GuardVerdict
from knowledge.types import RetrievalResult
from tests.bot.test_engine import BINS, PERMITS, FixedGuard, FixedRetriever, make_engine


def test_the_lexical_threshold_applies_when_bm25_ranked_alone() -> None:
    policy = EnginePolicy()
    assert policy.threshold_for("en", "lexical") == 0.7
    assert policy.threshold_for("en", "hybrid") == 0.5
    assert policy.threshold_for("en", None) == 0.5
    # French is ranked lexically by default, its threshold measured apart (knowledge/confidence.py).
    assert policy.threshold_for("fr", "lexical") == 0.65


def test_the_settings_default_is_the_engines() -> None:
    from web.settings import Settings

    assert Settings().answer_thresholds == dict(EnginePolicy().answer_thresholds)


@pytest.mark.parametrize(("lang", "decision"), [("fr", "answer"), ("en", "refuse")])
def test_a_french_lexical_match_needs_less_than_an_english_one(lang: str, decision: str) -> None:
    retriever = FixedRetriever((PERMITS, BINS), 0.67)
    retriever.result = replace(retriever.result, ranked_by="lexical")
    engine, _, _ = make_engine(retriever)
    cid = engine.start(lang).id
    question = "combien coûte une carte de résident ?" if lang == "fr" else "how much is a permit?"
    assert engine.ask(cid, question).decision == decision


def test_a_language_and_mode_can_have_their_own_threshold() -> None:
    policy = EnginePolicy(answer_thresholds={"fr:lexical": 0.8, "de": 0.6})
    assert policy.threshold_for("fr", "lexical") == 0.8
    assert policy.threshold_for("fr", "hybrid") == 0.5
    assert policy.threshold_for("de", "lexical") == 0.6


@pytest.mark.parametrize(("ranked_by", "decision"), [("hybrid", "answer"), ("lexical", "refuse")])
def test_a_loose_lexical_match_is_not_answered(ranked_by: str, decision: str) -> None:
    retriever = FixedRetriever((PERMITS, BINS), 0.6)
    retriever.result = replace(retriever.result, ranked_by=ranked_by)
    engine, _, _ = make_engine(retriever)
    cid = engine.start("fr").id
    reply = engine.ask(cid, "combien coûte une carte de résident ?")
    assert reply.decision == decision


def _distressed(text: str) -> GuardVerdict:
    return GuardVerdict("allow", "ok", None, text, (), distress=True)


def test_a_sign_of_distress_the_pages_do_not_answer_goes_to_a_person() -> None:
    retriever = FixedRetriever((BINS,), 0.1)
    engine, _, _ = make_engine(retriever, FixedGuard(_distressed("it is all too much")))
    cid = engine.start("en").id
    reply = engine.ask(cid, "it is all too much")
    assert (reply.decision, reply.reason) == ("escalate", "not_covered.distress")
    assert "020 7946 0000" in reply.text


def test_a_sign_of_distress_with_the_knowledge_base_down_goes_to_a_person() -> None:
    retriever = FixedRetriever((BINS,), 0.9)
    retriever.down = True
    engine, _, _ = make_engine(retriever, FixedGuard(_distressed("it is all too much")))
    cid = engine.start("en").id
    reply = engine.ask(cid, "it is all too much")
    assert (reply.decision, reply.reason) == ("escalate", "kb.unavailable.distress")


def test_a_sign_of_distress_does_not_stop_an_answer_the_pages_give() -> None:
    retriever = FixedRetriever((PERMITS,), 0.9)
    text = "I'm at my wits' end, how much is a resident permit?"
    engine, _, _ = make_engine(retriever, FixedGuard(_distressed(text)))
    cid = engine.start("en").id
    assert engine.ask(cid, text).decision == "answer"


def test_without_distress_an_uncovered_question_is_refused_with_the_contact() -> None:
    retriever = FixedRetriever((BINS,), 0.1)
    retriever.result = RetrievalResult((BINS,), 0.1, "v1", ranked_by="lexical")
    engine, _, _ = make_engine(retriever, FixedGuard(None))
    cid = engine.start("en").id
    reply = engine.ask(cid, "what is the airspeed of a swallow")
    assert (reply.decision, reply.reason) == ("refuse", "not_covered")
    assert "020 7946 0000" in reply.text
