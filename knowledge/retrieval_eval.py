"""Retrieval evaluation: run eval questions against a retriever and score the rankings."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.question_file import check_unique, read_lines


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    lang: str
    category: str
    expect: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class EvalRow:
    """One question's outcome, as written to the rows file."""

    id: str
    retrieved: list[str]
    latency_ms: float


@dataclass(frozen=True)
class RetrievalScores:
    """Recall at 1/5/10 and MRR over answerable questions; latency over all questions."""

    questions: int
    scored: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr: float
    latency_p50_ms: float
    latency_p95_ms: float


def load_questions(path: Path) -> list[EvalQuestion]:
    """The questions of a file in the documented format; raises BadQuestionFile naming the
    line and field at fault (`id` and `question` are required, `id`s unique)."""
    questions = []
    numbers = []
    for line in read_lines(path):
        numbers.append(line.number)
        questions.append(
            EvalQuestion(
                id=line.text("id"),
                question=line.question("question"),
                lang=line.text("lang", default=""),
                category=line.text("category", default=""),
                expect=line.text("expect", default="answer"),
                sources=line.sources(),
            )
        )
    check_unique(path, [(n, q.id) for n, q in zip(numbers, questions, strict=True)])
    return questions


RankDocuments = Callable[[str, str | None], list[str]]


def run_questions(questions: Iterable[EvalQuestion], rank: RankDocuments) -> list[EvalRow]:
    """Rank documents for each question, timing each call."""
    rows = []
    for q in questions:
        start = time.perf_counter()
        retrieved = rank(q.question, q.lang or None)
        rows.append(EvalRow(q.id, retrieved, (time.perf_counter() - start) * 1000.0))
    return rows


def score(questions: Sequence[EvalQuestion], rows: Sequence[EvalRow]) -> RetrievalScores:
    by_id = {r.id: r for r in rows}
    answerable = [q for q in questions if q.sources and q.id in by_id]
    ranks = [_first_hit(by_id[q.id].retrieved, q.sources) for q in answerable]
    latencies = np.array([by_id[q.id].latency_ms for q in questions if q.id in by_id])

    def recall(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0

    return RetrievalScores(
        questions=len(latencies),
        scored=len(ranks),
        recall_at_1=recall(1),
        recall_at_5=recall(5),
        recall_at_10=recall(10),
        mrr=sum(1.0 / r for r in ranks if r is not None) / len(ranks) if ranks else 0.0,
        latency_p50_ms=float(np.percentile(latencies, 50)) if latencies.size else 0.0,
        latency_p95_ms=float(np.percentile(latencies, 95)) if latencies.size else 0.0,
    )


def score_by_category(
    questions: Sequence[EvalQuestion], rows: Sequence[EvalRow]
) -> dict[str, RetrievalScores]:
    categories = sorted({q.category for q in questions})
    return {c: score([q for q in questions if q.category == c], rows) for c in categories}


def write_rows(path: Path, rows: Iterable[EvalRow]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            record = {"id": r.id, "retrieved": r.retrieved, "latency_ms": round(r.latency_ms, 3)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _first_hit(retrieved: Sequence[str], sources: Sequence[str]) -> int | None:
    wanted = set(sources)
    for rank, doc_id in enumerate(retrieved, start=1):
        if doc_id in wanted:
            return rank
    return None
