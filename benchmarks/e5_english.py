"""English chunks on multilingual e5 (one question embedding) against MiniLM (two), through the
product, in one run: retrieval, the hybrid confidence re-fitted on e5 cosines, the answer
threshold, question embedding time and the English ingest rate.

    python -m benchmarks.e5_english [--index DIR]

govuk_en's dev KB is ingested twice as `opencounter ingest` does (web.bootstrap's
choose_embedder): **before** with OPENCOUNTER_ENGLISH_CHUNKS=minilm (MiniLM English chunk vectors,
e5 page openings: the product until this change) and **after** with the default `e5` (e5
"passage: " chunk vectors). Every dev question is ranked by `open_retriever` with the product's
default weights for that index (fusion.weights_for_pages). The split is page_weights': a frozen
fifth by a hash of the id that nothing is chosen or fitted on, 5-fold CV on the rest.

Confidence: the labels of knowledge.confidence's HYBRID (1 when a listed source is in the top 5
documents of an answerable question, 0 for a miss and for every `out_of_scope` question), the
features the retriever computes (coverage, a cosine). The logistic model is
fitted on the four fifths (knowledge.calibration), and scored by log loss and expected
calibration error in sample, by 5-fold CV and on the frozen fifth, for three cosines on each
index: the best passage's (by the chunk model: HYBRID's feature), the nearest chunk's (by the
chunk model: E5_HYBRID's) and the best English page opening's (by e5); what the product computes
with the shipped coefficients is printed first. At the answer threshold
(confidence.RECOMMENDED_THRESHOLD): the share of answerable questions answered and of
out-of-scope ones refused. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from benchmarks.page_weights import FOLDS, SHARED, folds, frozen
from benchmarks.ranker_candidates import DEPTH, figures, rank_of
from knowledge.calibration import expected_calibration_error, fit_logistic
from knowledge.chunkstore import read_chunks
from knowledge.confidence import E5_HYBRID, HYBRID, RECOMMENDED_THRESHOLD, ConfidenceModel
from knowledge.embeddings import Embedder, PageEmbedder, Vectors
from knowledge.ingest import ingest
from knowledge.layout import current_build
from knowledge.retrieval_eval import EvalQuestion, load_questions
from knowledge.search import open_retriever
from web.bootstrap.adapters import EmbedderChoice, choose_embedder
from web.settings import Settings

TOP = 5  # the passages the bot answers from: the label's cut


class _Timed:
    """Times `embed` (the chunks at ingest) and passes the rest through, under the same name."""

    def __init__(self, inner: Embedder | PageEmbedder) -> None:
        self._inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.embedded = 0
        self.seconds = 0.0

    def embed(self, texts: Sequence[str]) -> Vectors:
        begin = time.perf_counter()
        vectors = self._inner.embed(texts)
        self.seconds += time.perf_counter() - begin
        self.embedded += len(texts)
        return vectors

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        queries: PageEmbedder = self._inner  # type: ignore[assignment]  # only e5's is asked
        return queries.embed_queries(texts)


@dataclass
class _Outcome:
    """One question through one index: its rank, label, confidence features and timing."""

    rank: int
    label: int
    coverage: float  # the retriever's (Signals.coverage)
    passage: float  # the chunk model's cosine between the question and the best passage
    nearest: float  # the chunk model's cosine between the question and its nearest chunk
    opening: float  # e5's cosine between the question and the best English page opening
    confidence: float  # what the product computes
    ms: float


# The confidence candidates: coverage with one cosine. HYBRID reads the best passage's; the
# e5 fit (E5_HYBRID) reads the nearest chunk's (the opening's, better in CV here, refused the
# demo's questions about the assistant: benchmarks/README.md, "English chunks on e5").
FEATURES: dict[str, Callable[[_Outcome], list[float]]] = {
    "coverage + best passage's cosine": lambda o: [o.coverage, o.passage],
    "coverage + nearest chunk's cosine": lambda o: [o.coverage, o.nearest],
    "coverage + best opening's cosine": lambda o: [o.coverage, o.opening],
}


@dataclass
class _Candidate:
    label: str
    outcomes: dict[str, _Outcome] = field(default_factory=dict)
    chunk_models: dict[str, str] = field(default_factory=dict)
    embedded: int = 0
    chunks_per_second: float = 0.0


def _choice(data: Path, english: Literal["e5", "minilm"]) -> EmbedderChoice:
    settings = Settings(_env_file=None, data_dir=data, english_chunks=english)  # type: ignore[call-arg]
    choice = choose_embedder(settings)
    if choice.embedder is None or choice.passage_embedder is None:
        raise SystemExit("MiniLM and e5 must be installed and built: make install")
    return choice


def _run(
    label: str, english: Literal["e5", "minilm"], index: Path, questions: list[EvalQuestion]
) -> _Candidate:
    choice = _choice(index, english)
    assert choice.embedder is not None and choice.passage_embedder is not None
    timed = _Timed(choice.embedder if english == "minilm" else choice.passage_embedder)
    where = index / english
    begin = time.perf_counter()
    ingest(
        SHARED / "govuk_en" / "kb",
        where,
        embedder=timed if english == "minilm" else choice.embedder,
        embed_languages=choice.embed_languages,
        page_embedder=choice.page_embedder,
        passage_embedder=timed if english == "e5" else choice.passage_embedder,
    )
    took = time.perf_counter() - begin
    found = _Candidate(label, embedded=timed.embedded)
    found.chunks_per_second = timed.embedded / timed.seconds if timed.seconds else 0.0
    print(
        f"{label}: ingested in {took:.0f} s, {timed.embedded} chunks embedded by {timed.name} "
        f"at {found.chunks_per_second:.1f}/s",
        flush=True,
    )
    retriever = open_retriever(where, embedder=choice.embedder, page_embedder=choice.page_embedder)
    found.chunk_models = retriever.chunk_models
    build = current_build(where)
    assert build is not None and choice.page_embedder is not None
    e5 = choice.page_embedder
    chunks = read_chunks(build.chunks)
    row_of = {c.chunk_id: i for i, c in enumerate(chunks)}
    vectors = np.load(build.vectors)
    english_rows = np.array([c.lang == "en" for c in chunks])
    pages = np.load(build.page_vectors)
    page_rows = np.array(
        [chunks[int(i)].lang == "en" for i in json.loads(build.page_meta.read_text())["positions"]]
    )
    for q in questions[:5]:  # warm-up: sessions, caches
        retriever.rank_with_signals(q.question, q.lang or None, DEPTH)
    for q in questions:
        begin = time.perf_counter()
        ranked = retriever.rank_with_signals(q.question, q.lang or None, DEPTH)
        ms = (time.perf_counter() - begin) * 1000
        s = ranked.signals
        rank = rank_of(ranked.doc_ids, q.sources) if q.sources else 0
        query = e5.embed_queries([q.question])[0]
        # The question as the chunk model sees it: MiniLM's vector before, e5's "query: " after.
        asked = choice.embedder.embed([q.question])[0] if english == "minilm" else query
        best = retriever.retrieve(q.question, q.lang or None, 1).passages
        row = row_of[best[0].chunk_id] if best else -1
        passage = float(vectors[row] @ asked) if row >= 0 and english_rows[row] else 0.0
        nearest = float((vectors[english_rows] @ asked).max()) if english_rows.any() else 0.0
        opening = float((pages[page_rows] @ query).max()) if page_rows.any() else 0.0
        found.outcomes[q.id] = _Outcome(
            rank,
            int(bool(q.sources) and 0 < rank <= TOP),
            s.coverage if s else 0.0,
            passage,
            nearest,
            opening,
            ranked.confidence,
            ms,
        )
    return found


def _labelled(q: EvalQuestion) -> bool:
    return bool(q.sources) or q.category == "out_of_scope"


def _line(label: str, ranks: Sequence[int]) -> str:
    r1, r5, mrr = figures(ranks)
    return f"    {label}: R@1 {r1:.3f} R@5 {r5:.3f} MRR {mrr:.3f} ({len(ranks)})"


def _retrieval(found: _Candidate, questions: list[EvalQuestion]) -> None:
    answerable = [q for q in questions if q.sources]
    o = found.outcomes
    print(f"  {found.label}: chunk vectors {found.chunk_models}")
    print(_line("all dev", [o[q.id].rank for q in answerable]))
    print(_line("dev four fifths", [o[q.id].rank for q in answerable if not frozen(q)]))
    print(_line("frozen fifth", [o[q.id].rank for q in answerable if frozen(q)]))
    ms = np.array([x.ms for x in o.values()])
    print(
        f"    question through the retriever (embedding, BM25, search, pages): "
        f"p50 {np.percentile(ms, 50):.1f} ms, p95 {np.percentile(ms, 95):.1f} ms ({ms.size})"
    )


Features = Callable[[_Outcome], list[float]]


def _fit(outcomes: Sequence[_Outcome], features: Features) -> ConfidenceModel:
    fit = fit_logistic([features(o) for o in outcomes], [o.label for o in outcomes])
    return ConfidenceModel(fit.bias, fit.weights[0], fit.weights[1])


def _p(model: ConfidenceModel, features: Features, o: _Outcome) -> float:
    coverage, cosine = features(o)
    return model(coverage, cosine)


def _scores(label: str, model_p: Sequence[float], outcomes: Sequence[_Outcome]) -> str:
    y = np.array([o.label for o in outcomes], dtype=np.float64)
    p = np.clip(np.array(model_p, dtype=np.float64), 1e-12, 1 - 1e-12)
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    ece = expected_calibration_error(p.tolist(), [o.label for o in outcomes])
    return f"    {label}: log loss {loss:.3f}, ECE {ece:.3f} ({len(outcomes)}, {int(y.sum())} = 1)"


def _threshold(label: str, pairs: Sequence[tuple[EvalQuestion, float]]) -> str:
    answerable = [p for q, p in pairs if q.sources]
    outside = [p for q, p in pairs if q.category == "out_of_scope"]
    answered = sum(p >= RECOMMENDED_THRESHOLD for p in answerable) / max(len(answerable), 1)
    refused = sum(p < RECOMMENDED_THRESHOLD for p in outside) / max(len(outside), 1)
    return (
        f"    {label} at {RECOMMENDED_THRESHOLD}: answerable answered {answered:.1%} "
        f"({len(answerable)}), out of scope refused {refused:.1%} ({len(outside)})"
    )


def _confidence(found: _Candidate, questions: list[EvalQuestion], shipped: str) -> None:
    labelled = [q for q in questions if _labelled(q)]
    rest = [q for q in labelled if not frozen(q)]
    kept = [q for q in labelled if frozen(q)]
    o = found.outcomes
    fold_of = folds(rest)
    print(f"  {found.label}:")
    # What the product computes for this index (the shipped coefficients).
    for scope, qs in (("all dev", labelled), ("frozen fifth", kept)):
        print(
            _scores(f"{shipped}, {scope}", [o[q.id].confidence for q in qs], [o[q.id] for q in qs])
        )
        print(_threshold(f"{shipped}, {scope}", [(q, o[q.id].confidence) for q in qs]))
    for name, features in FEATURES.items():
        model = _fit([o[q.id] for q in rest], features)
        print(
            f"   {name}, fitted on the four fifths: bias {model.bias:.3f}, w_coverage "
            f"{model.w_coverage:.3f}, w_cosine {model.w_cosine:.3f}"
        )
        held: dict[str, float] = {}
        for fold in range(FOLDS):
            fitted = _fit([o[q.id] for q in rest if fold_of[q.id] != fold], features)
            for q in rest:
                if fold_of[q.id] == fold:
                    held[q.id] = _p(fitted, features, o[q.id])
        for scope, qs, probabilities in (
            ("four fifths in sample", rest, [_p(model, features, o[q.id]) for q in rest]),
            ("5-fold CV", rest, [held[q.id] for q in rest]),
            ("frozen fifth", kept, [_p(model, features, o[q.id]) for q in kept]),
        ):
            print(_scores(scope, probabilities, [o[q.id] for q in qs]))
            print(_threshold(scope, list(zip(qs, probabilities, strict=True))))


def _question_times(questions: list[EvalQuestion], choice: EmbedderChoice) -> None:
    """MiniLM + e5 (before: two embeddings) against e5 alone (after), one after the other."""
    minilm, e5 = choice.embedder, choice.page_embedder
    assert minilm is not None and e5 is not None
    texts = [q.question for q in questions]
    for text in texts[:10]:
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
    p50 = {label: float(np.percentile(ms, 50)) for label, ms in (("both", both), ("one", one))}
    for label, ms in (("MiniLM + e5 (before)", both), ("e5 alone (after)", one)):
        a = np.array(ms)
        print(
            f"  question embedding, {label}: p50 {np.percentile(a, 50):.1f} ms, "
            f"p95 {np.percentile(a, 95):.1f} ms ({a.size} questions)"
        )
    print(f"  ratio after / before (p50): {p50['one'] / p50['both']:.2f}")


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("/tmp/opencounter-e5-english"))
    args = parser.parse_args(argv)
    questions = load_questions(SHARED / "govuk_en" / "questions.dev.jsonl")
    before = _run("before (MiniLM chunks)", "minilm", args.index, questions)
    after = _run("after (e5 chunks)", "e5", args.index, questions)
    answerable = [q for q in questions if q.sources]
    print(
        f"govuk_en dev: {len(answerable)} answerable "
        f"({sum(not frozen(q) for q in answerable)} chosen on, "
        f"{sum(frozen(q) for q in answerable)} frozen); "
        f"{sum(q.category == 'out_of_scope' for q in questions)} out of scope"
    )
    print("Retrieval, the product's default weights for each index:")
    for found in (before, after):
        _retrieval(found, questions)
    print(f"Confidence (HYBRID is {HYBRID}; E5_HYBRID['en'] {E5_HYBRID['en']}):")
    _confidence(before, questions, "shipped HYBRID")
    _confidence(after, questions, "shipped E5_HYBRID['en']")
    print(
        f"English ingest: MiniLM {before.chunks_per_second:.1f} chunks/s, e5 "
        f"{after.chunks_per_second:.1f} chunks/s "
        f"({after.chunks_per_second / max(before.chunks_per_second, 1e-9):.2f}x)"
    )
    _question_times(questions, _choice(args.index, "e5"))


if __name__ == "__main__":
    main(sys.argv[1:])
