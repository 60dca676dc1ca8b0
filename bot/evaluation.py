"""Evaluate the whole engine on a question set: decisions, citations and latency."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bot.engine import Reply
from knowledge.question_file import BadQuestionFile, read_lines

# Reasons given after the guards let a message through (retrieval and answering decided).
_AFTER_GUARDS = ("answered", "not_covered", "kb.")
# Which engine decisions do what a case's `expect` asks for.
EXPECTED_DECISIONS: dict[str, tuple[str, ...]] = {
    "answer": ("answer",),
    "allow": ("answer", "refuse", "escalate"),
    "escalate": ("escalate",),
    "refuse": ("refuse",),
    "block_pii": ("block_pii",),
    "ignore_instruction": ("refuse",),
}


class BadEvalFile(Exception):
    """The questions file is missing, unreadable, or a line is not a usable JSON object."""


@dataclass(frozen=True)
class EvalCase:
    id: str
    text: str
    lang: str
    expect: str  # answer | refuse | escalate | block_pii | allow | ignore_instruction
    group: str  # category (eval sets) or kind (corpora)
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvalRow:
    id: str
    decision: str
    reason: str
    cited: list[str]
    latency_ms: float
    citations_valid: bool | None = None  # None when the reply is not an answer
    # Which layer decided: a guard layer (normalisation, rules, pii, classifier), or
    # "retrieval" when the guards let the message through; "distress" when the classifier's
    # sign of distress sent an uncovered question to a person.
    layer: str = ""


@dataclass
class BotScores:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_group: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    answers: int = 0
    answers_with_valid_citations: int = 0
    answers_citing_a_source: int = 0  # answers whose citations include an expected source
    answers_with_sources: int = 0  # answers to questions that name their sources
    latencies_ms: list[float] = field(default_factory=list)
    passed_guards: Counter[str] = field(default_factory=Counter)  # by expect
    # (layer, right or wrong) for every case, and the cases decided wrongly with their layer.
    by_layer: Counter[tuple[str, bool]] = field(default_factory=Counter)
    misses: list[tuple[EvalCase, EvalRow]] = field(default_factory=list)

    def rate(self, expect: str, decisions: Iterable[str]) -> tuple[int, int]:
        """(how many `expect` cases got one of `decisions`, how many `expect` cases)."""
        wanted = set(decisions)
        total = sum(n for (e, _), n in self.confusion.items() if e == expect)
        hits = sum(n for (e, d), n in self.confusion.items() if e == expect and d in wanted)
        return hits, total

    def latency(self, q: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0


def load_cases(path: Path) -> list[EvalCase]:
    """Read an eval set (`question`, `category`) or a corpus (`text`, `kind`) in JSON Lines.

    `expect` is required; `id` defaults to the line number. Raises BadEvalFile naming the
    line and the field at fault.
    """
    cases = []
    try:
        for line in read_lines(path):
            cases.append(
                EvalCase(
                    id=line.text("id", default=str(line.number)),
                    text=line.text("question", "text"),
                    lang=line.text("lang", default="en"),
                    expect=line.text("expect"),
                    group=line.text("category", "kind", default=""),
                    sources=line.sources(),
                )
            )
    except BadQuestionFile as exc:
        raise BadEvalFile(str(exc)) from None
    return cases


Ask = Callable[[EvalCase], tuple[Reply, float]]  # the reply and its latency in ms
CheckCitations = Callable[[EvalCase, Reply], bool]


def run_cases(cases: Sequence[EvalCase], ask: Ask, check: CheckCitations) -> list[EvalRow]:
    rows = []
    for case in cases:
        reply, latency_ms = ask(case)
        rows.append(
            EvalRow(
                id=case.id,
                decision=reply.decision,
                reason=reply.reason,
                cited=[c.doc_id for c in reply.citations],
                latency_ms=round(latency_ms, 2),
                citations_valid=check(case, reply) if reply.decision == "answer" else None,
                layer=deciding_layer(reply),
            )
        )
    return rows


def deciding_layer(reply: Reply) -> str:
    """The layer that decided a reply, as `opencounter eval bot` prints it."""
    if reply.guard_layer is not None:
        return reply.guard_layer
    if reply.reason.endswith(".distress"):
        return "distress"
    if reply.reason.startswith("input."):
        return "validation"
    return "retrieval"


def score(cases: Sequence[EvalCase], rows: Sequence[EvalRow]) -> BotScores:
    scores = BotScores()
    for case, row in zip(cases, rows, strict=True):
        scores.confusion[(case.expect, row.decision)] += 1
        scores.by_group[(case.group, case.expect, row.decision)] += 1
        scores.latencies_ms.append(row.latency_ms)
        right = row.decision in EXPECTED_DECISIONS.get(case.expect, ())
        scores.by_layer[(row.layer, right)] += 1
        if not right:
            scores.misses.append((case, row))
        if row.reason.startswith(_AFTER_GUARDS):
            scores.passed_guards[case.expect] += 1
        if row.decision == "answer":
            scores.answers += 1
            scores.answers_with_valid_citations += bool(row.citations_valid)
            if case.sources:
                scores.answers_with_sources += 1
                scores.answers_citing_a_source += bool(set(row.cited) & set(case.sources))
    return scores


def write_rows(path: Path, rows: Iterable[EvalRow]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
