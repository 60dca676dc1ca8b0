"""Page-opening weights of the e5 page ranker, chosen by cross-validation through the product.

    python -m benchmarks.page_weights [--sets govuk_en servicepublic_fr] [--index DIR]

For each dev set of ../shared/eval: ingest its pages as `opencounter ingest` does (MiniLM chunk
vectors for English, e5 page openings for every page), then rank every dev question with the
product's retriever (`knowledge.search.open_retriever`) at each page weight of WEIGHTS (0 is
the ranking without pages, as before e5). Questions are split once, by a hash of their id,
into a **frozen fifth** that no weight is chosen on and the rest; on the rest, 5-fold
cross-validation picks the weight with the best MRR on four folds for the fifth (pooled
held-out ranks: "CV"); the weight chosen most often is then applied to the frozen fifth.
Prints dev (in-sample, best weight), CV and frozen figures apart, and the question embedding
times of both models. Asserts nothing.

The frozen fifth is frozen from this script on; the e5 model itself was chosen on all the dev
questions (benchmarks/README.md, "multilingual-e5-small as int8 ONNX"), so its figures are
not those of unseen questions: the held-out halves are.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.ranker_candidates import DEPTH, figures, rank_of
from knowledge.e5 import E5Embedder, default_e5_dir
from knowledge.embeddings import Embedder, SameForQueries, Vectors, default_embedder
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from knowledge.retrieval_eval import EvalQuestion, load_questions
from knowledge.search import open_retriever

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("govuk_en", "servicepublic_fr")
WEIGHTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0)
FOLDS = 5


class _Remembered(SameForQueries):
    """An embedder that embeds each question once across the weights' runs, and times it."""

    def __init__(self, inner: Embedder | E5Embedder) -> None:
        super().__init__(inner)
        self._model = inner
        self._seen: dict[tuple[str, str], Vectors] = {}
        self.timings_ms: list[float] = []

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._cached("q", texts)

    def _cached(self, role: str, texts: Sequence[str]) -> Vectors:
        if len(texts) != 1:
            return self._call(role, texts)
        key = (role, texts[0])
        if key not in self._seen:
            begin = time.perf_counter()
            self._seen[key] = self._call(role, texts)
            self.timings_ms.append((time.perf_counter() - begin) * 1000)
        return self._seen[key]

    def _call(self, role: str, texts: Sequence[str]) -> Vectors:
        if role == "q" and isinstance(self._model, E5Embedder):
            return self._model.embed_queries(texts)
        return self._model.embed(texts)


class _RememberedChunks(_Remembered):
    """The chunk embedder: questions arrive through `embed`, one at a time."""

    def embed(self, texts: Sequence[str]) -> Vectors:
        return self._cached("p", texts)


def frozen(question: EvalQuestion) -> bool:
    return hashlib.sha256(question.id.encode()).digest()[0] % 5 == 0


def folds(rest: Sequence[EvalQuestion]) -> dict[str, int]:
    """The fold of each question chosen on (not frozen), as every CV here splits them."""
    order = np.random.default_rng(20261204).permutation(len(rest))
    return {rest[i].id: f % FOLDS for f, i in enumerate(order)}


def _line(label: str, ranks: Sequence[int]) -> str:
    r1, r5, mrr = figures(ranks)
    return f"  {label}: R@1 {r1:.3f} R@5 {r5:.3f} MRR {mrr:.3f} ({len(ranks)} questions)"


def run(name: str, index_root: Path) -> None:
    minilm = default_embedder()
    if minilm is None:
        raise SystemExit("MiniLM is not installed: make install")
    chunks = _RememberedChunks(minilm)
    pages = _Remembered(E5Embedder(default_e5_dir()))
    kb = SHARED / name / "kb"
    begin = time.perf_counter()
    ingest(
        kb,
        index_root / name,
        embedder=chunks,
        embed_languages=FusionWeights().dense_languages(),
        page_embedder=pages,
    )
    print(f"{name}: ingested in {time.perf_counter() - begin:.0f} s", flush=True)
    questions = [q for q in load_questions(SHARED / name / "questions.dev.jsonl") if q.sources]
    ranks: dict[float, dict[str, int]] = {}
    for weight in WEIGHTS:
        page = {"en": weight, "fr": weight}
        retriever = open_retriever(
            index_root / name,
            embedder=chunks,
            page_embedder=pages,
            weights=FusionWeights(page=page),
        )
        ranks[weight] = {
            q.id: rank_of(retriever.rank_documents(q.question, q.lang, DEPTH), q.sources)
            for q in questions
        }
    rest = [q for q in questions if not frozen(q)]
    kept = [q for q in questions if frozen(q)]
    fold_of = folds(rest)
    cv_ranks: list[int] = []
    chosen: list[float] = []
    for fold in range(FOLDS):
        train = [q.id for q in rest if fold_of[q.id] != fold]
        best = max(WEIGHTS, key=lambda w: (figures([ranks[w][i] for i in train])[2], -w))
        chosen.append(best)
        cv_ranks += [ranks[best][q.id] for q in rest if fold_of[q.id] == fold]
    weight = Counter(chosen).most_common(1)[0][0]
    in_sample = max(WEIGHTS, key=lambda w: (figures([ranks[w][q.id] for q in rest])[2], -w))
    print(f"{name}: {len(rest)} questions to choose on, {len(kept)} frozen")
    print(_line("without pages (w = 0), all dev", [ranks[0.0][q.id] for q in questions]))
    print(_line(f"dev, in sample (best w = {in_sample})", [ranks[in_sample][q.id] for q in rest]))
    print(_line(f"{FOLDS}-fold CV (w per fold {chosen})", cv_ranks))
    print(_line("frozen fifth, without pages", [ranks[0.0][q.id] for q in kept]))
    print(_line(f"frozen fifth, w = {weight}", [ranks[weight][q.id] for q in kept]))
    for w in WEIGHTS:  # every weight, on the questions chosen on and on the frozen fifth
        chosen_on = figures([ranks[w][q.id] for q in rest])
        on_frozen = figures([ranks[w][q.id] for q in kept])
        print(
            f"    w = {w:>4}: dev R@1 {chosen_on[0]:.3f} R@5 {chosen_on[1]:.3f} "
            f"MRR {chosen_on[2]:.3f}; frozen R@1 {on_frozen[0]:.3f} R@5 {on_frozen[1]:.3f} "
            f"MRR {on_frozen[2]:.3f}"
        )
    for label, model in (("MiniLM", chunks), ("e5", pages)):
        if model.timings_ms:
            ms = np.array(model.timings_ms)
            print(
                f"  {label} question embedding: p50 {np.percentile(ms, 50):.1f} ms, "
                f"p95 {np.percentile(ms, 95):.1f} ms ({ms.size} questions)"
            )


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--index", type=Path, default=Path("/tmp/opencounter-page-weights"))
    args = parser.parse_args(argv)
    for name in args.sets:
        run(name, args.index)


if __name__ == "__main__":
    main(sys.argv[1:])
