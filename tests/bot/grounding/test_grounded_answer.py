"""Grounded answers: pass, one retry, fallback, model outage, and the streamed events."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import closing

from bot.grounding.answer import (
    AnswerEvent,
    AnswerFinished,
    AnswerRetracted,
    DraftPiece,
    SentencePassed,
    grounded_answer,
    stream_grounded_answer,
)
from bot.grounding.prompt import NOT_FOUND
from bot.models.ollama import OllamaChatModel
from bot.models.port import ChatMessage, ModelUnavailable
from knowledge.types import Passage
from tests.fakes.ollama_server import reply_pieces, start_fake_ollama

BINS = Passage(
    "c1", "en/bins", "Bin collection", "https://city.example/bins", "en",
    "Bins are collected every two weeks. Garden waste collection requires a separate "
    "subscription costing £45 a year.",
)  # fmt: skip
PARKING = Passage(
    "c2", "en/parking", "Parking permits", "https://city.example/parking", "en",
    "Residents can apply for a parking permit online. You need proof of address.",
)  # fmt: skip
PASSAGES = [BINS, PARKING]

GOOD = "Bins are collected every two weeks [1]. Garden waste needs a separate subscription [1]."
UNCITED = "Bins are collected every two weeks. They are emptied by the council."
MADE_UP = "Bins are collected every Monday at 7 am [1]. Please ring 0800 000 000 [1]."


class ScriptedModel:
    """A ChatModel that replies from a script, word by word, and keeps the prompts it got."""

    def __init__(self, *replies: str | ModelUnavailable) -> None:
        self.name = "scripted:test"
        self.replies = list(replies)
        self.prompts: list[list[ChatMessage]] = []
        self.pieces_read = 0

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512) -> Iterator[str]:
        self.prompts.append(list(messages))
        reply = self.replies.pop(0)
        if isinstance(reply, ModelUnavailable):
            raise reply
        for piece in reply_pieces(reply):
            self.pieces_read += 1
            yield piece

    def available(self) -> bool:
        return True


def test_a_supported_answer_passes_first_time() -> None:
    model = ScriptedModel(GOOD)
    answer = grounded_answer(model, "When are bins collected?", PASSAGES, "en")
    assert not answer.fell_back
    assert answer.reason == "checked"
    assert answer.attempts == 1
    assert answer.text == GOOD
    assert answer.cited == (0,)
    assert answer.model == "scripted:test"


def test_a_failed_check_is_retried_once_with_the_problems() -> None:
    model = ScriptedModel(UNCITED, GOOD)
    answer = grounded_answer(model, "When are bins collected?", PASSAGES, "en")
    assert not answer.fell_back
    assert answer.attempts == 2
    assert answer.text == GOOD
    retry_prompt = model.prompts[1]
    assert retry_prompt[:2] == model.prompts[0]
    assert retry_prompt[2].role == "assistant"
    assert "cites no passage" in retry_prompt[3].content


def test_two_failed_checks_fall_back() -> None:
    model = ScriptedModel(UNCITED, MADE_UP)
    answer = grounded_answer(model, "When are bins collected?", PASSAGES, "en")
    assert answer.fell_back
    assert answer.reason == "citation_check_failed"
    assert answer.attempts == 2
    assert answer.text == ""
    assert answer.cited == ()
    assert "has 7 which the passage does not" in answer.detail


def test_model_outage_falls_back_without_retry() -> None:
    model = ScriptedModel(ModelUnavailable("scripted:test", "timeout"), GOOD)
    answer = grounded_answer(model, "When are bins collected?", PASSAGES, "en")
    assert answer.fell_back
    assert answer.reason == "model_unavailable"
    assert answer.detail == "timeout"
    assert answer.attempts == 1
    assert len(model.replies) == 1


def test_no_passages_falls_back_without_calling_the_model() -> None:
    model = ScriptedModel(GOOD)
    answer = grounded_answer(model, "When are bins collected?", [], "en")
    assert (answer.fell_back, answer.reason, answer.attempts) == (True, "no_passages", 0)
    assert model.prompts == []


def test_not_found_reply_falls_back_in_french_too() -> None:
    model = ScriptedModel(NOT_FOUND["fr"])
    answer = grounded_answer(model, "Quand passe la collecte ?", PASSAGES, "fr")
    assert (answer.fell_back, answer.reason, answer.attempts) == (True, "not_in_passages", 1)


def test_links_written_by_the_model_are_removed_from_the_answer() -> None:
    model = ScriptedModel(
        "Bins are collected every two weeks, see https://attacker.example/bins [1]."
    )
    answer = grounded_answer(model, "When are bins collected?", PASSAGES, "en")
    assert not answer.fell_back
    assert "attacker" not in answer.text
    assert answer.report is not None
    assert answer.report.links_removed == 1


def events_of(model: ScriptedModel) -> list[AnswerEvent]:
    return list(stream_grounded_answer(model, "When are bins collected?", PASSAGES, "en"))


def test_stream_yields_drafts_then_checked_sentences_then_the_answer() -> None:
    events = events_of(ScriptedModel(GOOD))
    drafts = "".join(event.text for event in events if isinstance(event, DraftPiece))
    assert drafts == GOOD
    passed = [event.sentence.text for event in events if isinstance(event, SentencePassed)]
    assert passed == [
        "Bins are collected every two weeks [1].",
        "Garden waste needs a separate subscription [1].",
    ]
    assert isinstance(events[-1], AnswerFinished)
    assert not events[-1].answer.fell_back


def test_checked_sentence_is_released_before_the_reply_ends() -> None:
    events = events_of(ScriptedModel(GOOD))
    first_passed = next(i for i, e in enumerate(events) if isinstance(e, SentencePassed))
    drafts_after = [e for e in events[first_passed:] if isinstance(e, DraftPiece)]
    assert drafts_after, "the first sentence should be released while the second streams"


def test_stream_retracts_a_failed_attempt_and_stops_reading_it() -> None:
    long_failure = "Bins are burned by volunteers on Mondays [1]. " + "More words follow. " * 20
    model = ScriptedModel(long_failure, GOOD)
    events = events_of(model)
    kinds = [type(event).__name__ for event in events]
    retracted = kinds.index("AnswerRetracted")
    assert "SentencePassed" not in kinds[:retracted]
    retraction = events[retracted]
    assert isinstance(retraction, AnswerRetracted)
    assert retraction.attempt == 1
    assert "not supported" in retraction.problems[0]
    assert "SentencePassed" in kinds[retracted:]
    # The first reply was abandoned at its first failing sentence, not read to the end.
    assert model.pieces_read < len(reply_pieces(long_failure)) + len(reply_pieces(GOOD))
    final = events[-1]
    assert isinstance(final, AnswerFinished)
    assert final.answer.attempts == 2


def test_over_real_http_a_failed_then_good_reply_is_answered_on_retry() -> None:
    with (
        start_fake_ollama([UNCITED, GOOD]) as server,
        closing(OllamaChatModel(server.base_url, "fake", timeout_s=5)) as model,
    ):
        answer = grounded_answer(model, "When are bins collected?", PASSAGES, "en")
        assert (answer.fell_back, answer.attempts, answer.text) == (False, 2, GOOD)
        assert len(server.requests) == 2
        sent = server.requests[1]["messages"]
        assert isinstance(sent, list)
        assert [message["role"] for message in sent] == ["system", "user", "assistant", "user"]


def test_over_real_http_a_garbage_server_falls_back() -> None:
    with (
        start_fake_ollama(GOOD, garbage="not_json") as server,
        closing(OllamaChatModel(server.base_url, "fake", timeout_s=5)) as model,
    ):
        answer = grounded_answer(model, "When are bins collected?", PASSAGES, "en")
        assert (answer.fell_back, answer.reason, answer.detail) == (
            True,
            "model_unavailable",
            "malformed",
        )


class DiesMidwayModel(ScriptedModel):
    """Streams a good first sentence, then its server times out."""

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512) -> Iterator[str]:
        yield from reply_pieces(GOOD)
        raise ModelUnavailable(self.name, "timeout", "stalled")


def test_outage_after_checked_sentences_finishes_as_fallback() -> None:
    events = events_of(DiesMidwayModel())
    assert any(isinstance(event, SentencePassed) for event in events)
    final = events[-1]
    assert isinstance(final, AnswerFinished)
    assert (final.answer.fell_back, final.answer.reason, final.answer.detail) == (
        True,
        "model_unavailable",
        "timeout",
    )
