"""A grounded answer from a chat model: generate, check the citations, retry once, or fall back.

`grounded_answer` returns the finished answer. `stream_grounded_answer` yields events while the
model writes, so the engine can choose what the citizen sees:

* `DraftPiece` — raw text as it arrives (for "stream, then correct");
* `SentencePassed` — a sentence that passed the check (for "stream only checked sentences");
* `AnswerRetracted` — what was shown so far must be withdrawn (the attempt failed the check);
* `AnswerFinished` — always last, with the `GroundedAnswer`; when `fell_back` is true the engine
  withdraws whatever it showed of this answer and shows the extractive answer instead.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from bot.grounding.citations import (
    MIN_SUPPORT,
    CitationChecker,
    CitationReport,
    SentenceCheck,
    cited_indices,
    split_sentences,
)
from bot.grounding.lexicon import fold
from bot.grounding.links import strip_links
from bot.grounding.prompt import build_messages, not_found_sentence, retry_messages
from bot.models.port import ChatMessage, ChatModel, ModelUnavailable
from knowledge.types import Passage

# checked: the answer passed. The rest are why the engine should use the extractive answer.
Reason = Literal[
    "checked", "citation_check_failed", "model_unavailable", "not_in_passages", "no_passages"
]


@dataclass(frozen=True)
class GroundedAnswer:
    text: str  # the checked answer with its [n] markers and no links; "" when fell_back
    cited: tuple[int, ...]  # 0-based indices into the passages, in order of first citation
    attempts: int  # model calls made (0, 1 or 2)
    fell_back: bool
    reason: Reason
    model: str
    detail: str = ""  # the failed checks or the ModelUnavailable reason, for the log
    report: CitationReport | None = None  # the last attempt's check


@dataclass(frozen=True)
class DraftPiece:
    text: str


@dataclass(frozen=True)
class SentencePassed:
    sentence: SentenceCheck


@dataclass(frozen=True)
class AnswerRetracted:
    attempt: int
    problems: tuple[str, ...]


@dataclass(frozen=True)
class AnswerFinished:
    answer: GroundedAnswer


AnswerEvent = DraftPiece | SentencePassed | AnswerRetracted | AnswerFinished


def says_not_found(text: str, lang: str) -> bool:
    """The model used the rule-7 sentence: the passages do not answer the question."""
    expected = fold(not_found_sentence(lang)).rstrip(".")
    return fold(text).strip().startswith(expected)


def grounded_answer(
    model: ChatModel,
    question: str,
    passages: Sequence[Passage],
    lang: str,
    *,
    max_tokens: int = 512,
    min_support: float = MIN_SUPPORT,
) -> GroundedAnswer:
    """Ask the model, check its citations, retry once on a failed check, else signal fallback."""
    finished: GroundedAnswer | None = None
    for event in stream_grounded_answer(
        model, question, passages, lang, max_tokens=max_tokens, min_support=min_support
    ):
        if isinstance(event, AnswerFinished):
            finished = event.answer
    if finished is None:  # stream_grounded_answer always ends with AnswerFinished
        msg = "grounded answer stream ended without a result"
        raise RuntimeError(msg)
    return finished


def stream_grounded_answer(
    model: ChatModel,
    question: str,
    passages: Sequence[Passage],
    lang: str,
    *,
    max_tokens: int = 512,
    min_support: float = MIN_SUPPORT,
) -> Iterator[AnswerEvent]:
    """Like `grounded_answer`, yielding events while the model writes; see the module docstring."""
    if not passages:
        yield AnswerFinished(_fallback(model, 0, "no_passages", "nothing retrieved"))
        return
    messages = build_messages(question, passages, lang)
    problems: list[str] = []
    last: CitationReport | None = None
    for attempt in (1, 2):
        outcome = yield from _attempt(model, messages, passages, max_tokens, min_support)
        if isinstance(outcome, ModelUnavailable):
            yield AnswerFinished(_fallback(model, attempt, "model_unavailable", outcome.reason))
            return
        if says_not_found(outcome.text, lang):
            yield AnswerFinished(_fallback(model, attempt, "not_in_passages", "", outcome))
            return
        if outcome.passed:
            answer = GroundedAnswer(
                outcome.text, outcome.cited, attempt, False, "checked", model.name, "", outcome
            )
            yield AnswerFinished(answer)
            return
        last, problems = outcome, outcome.problems()
        yield AnswerRetracted(attempt, tuple(problems))
        messages = retry_messages(messages, outcome.text, problems)
    detail = "; ".join(problems)
    yield AnswerFinished(_fallback(model, 2, "citation_check_failed", detail, last))


def _attempt(
    model: ChatModel,
    messages: Sequence[ChatMessage],
    passages: Sequence[Passage],
    max_tokens: int,
    min_support: float,
) -> Generator[AnswerEvent, None, CitationReport | ModelUnavailable]:
    """Stream one reply, checking each sentence once the next one has begun.

    A sentence is final only when text follows it, because its citation may come after its full
    stop ("... weekly. [1]"). The first failing sentence ends the attempt: the reply can no
    longer pass, so reading on would only spend the citizen's time.
    """
    raw = ""
    checked: list[SentenceCheck] = []
    checker = CitationChecker(passages, min_support)
    pieces = model.stream(messages, max_tokens=max_tokens)
    try:
        for piece in pieces:
            raw += piece
            yield DraftPiece(piece)
            complete = split_sentences(strip_links(raw)[0])[:-1]
            for sentence in complete[len(checked) :]:
                check = checker.check_sentence(sentence)
                checked.append(check)
                if not check.passed:
                    return _partial_report(checked, raw)
                yield SentencePassed(check)
    except ModelUnavailable as exc:
        return exc
    finally:
        # Stop the model (and free its connection) when we stop reading early.
        if isinstance(pieces, Generator):
            pieces.close()
    report = checker.check_answer(raw)
    for check in report.sentences[len(checked) :]:
        if check.passed:
            yield SentencePassed(check)
    return report


def _partial_report(checked: Sequence[SentenceCheck], raw: str) -> CitationReport:
    links_removed = strip_links(raw)[1]
    text = " ".join(check.text for check in checked)
    return CitationReport(text, tuple(checked), cited_indices(checked), links_removed)


def _fallback(
    model: ChatModel,
    attempts: int,
    reason: Reason,
    detail: str,
    report: CitationReport | None = None,
) -> GroundedAnswer:
    return GroundedAnswer("", (), attempts, True, reason, model.name, detail, report)
