"""Chunk vectors by MiniLM (today) or by e5 (one question embedding instead of two), through the
product's retriever, with the weights chosen by the same cross-validation as page_weights.

    python -m benchmarks.chunk_embedders [--sets govuk_en servicepublic_fr] [--index DIR]

Candidates, on each dev set of ../shared/eval, ingested as `opencounter ingest` does:
  A  today: MiniLM chunk vectors (English only) + e5 page openings;
  B/C  e5 chunk vectors ("passage: ", every language: B on the English set, C on the French
     one, whose chunks today have no vector) + e5 page openings; the question's "query: "
     vector is computed once and serves the chunk search and the page ranker alike.
Every question is ranked by `knowledge.search.open_retriever` at every (dense weight, page
weight) of the grid (dense 0 is the lexical ranking with the document prior). The split is
page_weights': a frozen fifth by a hash of the id that nothing is chosen on, and 5-fold CV
(MRR) on the rest, over the whole grid and over the page weights the product allows (<= 3,
fusion.E5_PAGE_WEIGHTS: above it a page's opening outranks a chunk holding every word of the
question). Prints dev (in-sample), CV and frozen figures apart, the chunk embedding rate of
each model at ingest, and the question embedding time of one e5 against MiniLM + e5 (each on
its one-thread session, one after the other). Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.page_weights import FOLDS, SETS, SHARED, folds, frozen
from benchmarks.ranker_candidates import DEPTH, figures, rank_of
from knowledge.e5 import E5Embedder, default_e5_dir
from knowledge.embeddings import Embedder, Vectors, default_embedder
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from knowledge.retrieval_eval import EvalQuestion, load_questions
from knowledge.search import open_retriever

DENSE = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
PAGE = (0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0)
ALLOWED_PAGE = 3.0  # the product's cap (knowledge.fusion.E5_PAGE_WEIGHTS)
TODAY = (1.5, 3.0)  # FusionWeights' English dense weight, E5_PAGE_WEIGHTS

Grid = tuple[float, float]  # (dense weight, page weight)


class _Questions:
    """The e5 question vectors, each computed once whichever search asks for it."""

    def __init__(self, model: E5Embedder) -> None:
        self.model = model
        self._seen: dict[str, Vectors] = {}

    def vector(self, texts: Sequence[str]) -> Vectors:
        if len(texts) != 1:
            return self.model.embed_queries(texts)
        if texts[0] not in self._seen:
            self._seen[texts[0]] = self.model.embed_queries(texts)
        return self._seen[texts[0]]


class _Pages:
    """The page ranker: openings as passages, questions through the shared vectors."""

    def __init__(self, questions: _Questions) -> None:
        self._questions = questions
        self.name = questions.model.name
        self.dim = questions.model.dim

    def embed(self, texts: Sequence[str]) -> Vectors:
        return self._questions.model.embed(texts)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._questions.vector(texts)


class _Chunks:
    """A chunk embedder timed at ingest; once `asking` is set, its `embed` gets questions
    (the retriever embeds them with the chunk embedder's `embed`)."""

    def __init__(self, model: Embedder, questions: _Questions | None) -> None:
        self._model = model
        self._questions = questions
        self._seen: dict[str, Vectors] = {}
        self.name = model.name
        self.dim = model.dim
        self.asking = False
        self.embedded = 0
        self.seconds = 0.0

    def embed(self, texts: Sequence[str]) -> Vectors:
        if self.asking:
            if self._questions is not None:
                return self._questions.vector(texts)
            if texts[0] not in self._seen:
                self._seen[texts[0]] = self._model.embed(texts)
            return self._seen[texts[0]]
        begin = time.perf_counter()
        vectors = self._model.embed(texts)
        self.seconds += time.perf_counter() - begin
        self.embedded += len(texts)
        return vectors


@dataclass
class _Candidate:
    label: str
    ranks: dict[Grid, dict[str, int]]
    chunks_per_second: float
    embedded: int


def _candidate(
    label: str, name: str, index: Path, questions: list[EvalQuestion], e5: E5Embedder
) -> _Candidate:
    shared = _Questions(e5)
    if label == "A":
        minilm = default_embedder()
        if minilm is None:
            raise SystemExit("MiniLM is not installed: make install")
        chunks = _Chunks(minilm, None)
        languages: frozenset[str] | None = frozenset({"en"})
    else:
        chunks = _Chunks(e5, shared)
        languages = None
    pages = _Pages(shared)
    begin = time.perf_counter()
    ingest(
        SHARED / name / "kb",
        index / f"{name}-{label}",
        embedder=chunks,
        embed_languages=languages,
        page_embedder=pages,
    )
    print(f"{name} {label}: ingested in {time.perf_counter() - begin:.0f} s", flush=True)
    chunks.asking = True
    lang = questions[0].lang
    embedded = languages is None or lang in languages
    ranks: dict[Grid, dict[str, int]] = {}
    for dense in DENSE if embedded else (0.0,):
        for page in PAGE:
            weights = FusionWeights(dense={lang: dense}, page={lang: page})
            retriever = open_retriever(
                index / f"{name}-{label}", embedder=chunks, page_embedder=pages, weights=weights
            )
            ranks[(dense, page)] = {
                q.id: rank_of(retriever.rank_documents(q.question, q.lang, DEPTH), q.sources)
                for q in questions
            }
    rate = chunks.embedded / chunks.seconds if chunks.seconds else 0.0
    return _Candidate(label, ranks, rate, chunks.embedded)


def _line(label: str, ranks: Sequence[int]) -> str:
    r1, r5, mrr = figures(ranks)
    return f"    {label}: R@1 {r1:.3f} R@5 {r5:.3f} MRR {mrr:.3f} ({len(ranks)})"


def _best(grid: Sequence[Grid], ranks: dict[Grid, dict[str, int]], ids: Sequence[str]) -> Grid:
    """The best MRR; ties to the smaller weights."""
    return max(grid, key=lambda g: (figures([ranks[g][i] for i in ids])[2], -g[1], -g[0]))


def _report(found: _Candidate, questions: list[EvalQuestion]) -> None:
    rest = [q for q in questions if not frozen(q)]
    kept = [q.id for q in questions if frozen(q)]
    fold_of = folds(rest)
    ranks = found.ranks
    print(f"  {found.label}: {found.embedded} chunks embedded, {found.chunks_per_second:.1f}/s")
    today = TODAY if TODAY in ranks else (0.0, TODAY[1])
    print(_line(f"today's weights {today}, all dev", [ranks[today][q.id] for q in questions]))
    print(_line(f"today's weights {today}, chosen on", [ranks[today][q.id] for q in rest]))
    print(_line(f"today's weights {today}, frozen", [ranks[today][i] for i in kept]))
    for scope, grid in (
        ("every page weight", list(ranks)),
        (f"page weight <= {ALLOWED_PAGE}", [g for g in ranks if g[1] <= ALLOWED_PAGE]),
    ):
        cv: list[int] = []
        chosen: list[Grid] = []
        for fold in range(FOLDS):
            train = [q.id for q in rest if fold_of[q.id] != fold]
            best = _best(grid, ranks, train)
            chosen.append(best)
            cv += [ranks[best][q.id] for q in rest if fold_of[q.id] == fold]
        picked = Counter(chosen).most_common(1)[0][0]
        in_sample = _best(grid, ranks, [q.id for q in rest])
        print(f"   {scope}: (dense, page) per fold {chosen}")
        print(_line(f"dev in sample {in_sample}", [ranks[in_sample][q.id] for q in rest]))
        print(_line("5-fold CV", cv))
        print(_line(f"frozen fifth at {picked}", [ranks[picked][i] for i in kept]))


def _question_times(questions: list[EvalQuestion], e5: E5Embedder) -> None:
    minilm = default_embedder()
    assert minilm is not None
    texts = [q.question for q in questions][:200]
    for text in texts[:10]:  # warm both sessions up
        minilm.embed([text])
        e5.embed_queries([text])
    both: list[float] = []
    one: list[float] = []
    for text in texts:
        begin = time.perf_counter()
        minilm.embed([text])
        middle = time.perf_counter()
        e5.embed_queries([text])
        end = time.perf_counter()
        both.append((end - begin) * 1000)
        one.append((end - middle) * 1000)
    for label, ms in (("MiniLM + e5", both), ("e5 alone", one)):
        a = np.array(ms)
        print(
            f"  question embedding, {label}: p50 {np.percentile(a, 50):.1f} ms, "
            f"p95 {np.percentile(a, 95):.1f} ms, mean {a.mean():.1f} ms ({a.size} questions)"
        )


def run(name: str, index: Path) -> None:
    questions = [q for q in load_questions(SHARED / name / "questions.dev.jsonl") if q.sources]
    e5 = E5Embedder(default_e5_dir())
    ours = "B" if questions[0].lang == "en" else "C"
    found = [_candidate(label, name, index, questions, e5) for label in ("A", ours)]
    chosen_on = sum(not frozen(q) for q in questions)
    print(f"{name}: {chosen_on} chosen on, {len(questions) - chosen_on} frozen", flush=True)
    for candidate in found:
        _report(candidate, questions)
    _question_times(questions, e5)


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--index", type=Path, default=Path("/tmp/opencounter-chunk-embedders"))
    args = parser.parse_args(argv)
    for name in args.sets:
        run(name, args.index)


if __name__ == "__main__":
    main(sys.argv[1:])
