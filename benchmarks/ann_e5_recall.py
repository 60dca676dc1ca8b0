"""How many of e5's nearest French passages each approximate index finds: IVF before, HNSW now.

    python -m benchmarks.ann_e5_recall DATA_DIR/eval/servicepublic_fr-kb-…   # an ingested index
    python -m benchmarks.ann_e5_recall INDEX --grid   # also HNSW's links and widths, float codes
    python -m benchmarks.ann_e5_recall INDEX --ranking MIN   # and R@1/R@5 through serve's path

Takes an index `opencounter eval retrieval` (or `ingest`) built with e5 chunk vectors, its
French rows, and the first 300 servicepublic_fr dev questions with a source page, embedded once
with e5's "query: " prefix. Against the exact top 100 of each question, in the same run, it
prints recall@100 of the store `serve` used before (faiss IVF-SQ8, benchmarks/ivf_store.py) and
of the one it uses now (knowledge.ann_store: HNSW-SQ8), each with its build time, bytes held
and time per question (one at a time, p50 / p95). `--grid` adds the IVF partition with float
vectors and 400 candidates re-scored (where the loss comes from), and HNSW graphs of 16 and 32
links with float or 8-bit vectors at several search widths (how the product's were chosen).
`--ranking MIN` ranks every servicepublic_fr dev question through the retriever `serve` opens
(the app's settings and embedders; chunks and page openings of a language of MIN vectors or
more on the approximate index) three ways, in the same run: exact scan, IVF-SQ8 (before),
HNSW-SQ8 (now), and prints R@1, R@5, MRR and the latency of each. Asserts nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import faiss
import numpy as np
import numpy.typing as npt

from benchmarks.ivf_store import IvfVectorStore
from benchmarks.timing import load_average, timed_calls
from knowledge import ann_store
from knowledge.ann_store import ApproximateVectorStore
from knowledge.chunkstore import read_chunks
from knowledge.embeddings import Vectors, default_page_embedder
from knowledge.layout import current_build
from knowledge.retrieval_eval import load_questions, run_questions, score
from knowledge.search import HybridRetriever, VectorStoreFactory, open_retriever
from knowledge.vector_store import VectorStore
from tests.data import EVAL

QUESTIONS = 300
TOP = 100

Ids = npt.NDArray[np.int64]


def recall(found: Ids | list[list[int]], truth: list[set[int]]) -> float:
    return float(
        np.mean([len(t & set(list(row)[:TOP])) / TOP for row, t in zip(found, truth, strict=True)])
    )


def rescored(found: Ids, vectors: Vectors, queries: Vectors) -> Ids:
    """Each row's candidates ordered by their exact cosine, the best TOP kept."""
    rows = []
    for candidates, query in zip(found, queries, strict=True):
        kept = candidates[candidates >= 0]
        rows.append(kept[np.argsort(-(vectors[kept] @ query))[:TOP]])
    return np.array(rows)


def store_line(
    label: str,
    make: Callable[[], VectorStore],
    vectors: Vectors,
    queries: Vectors,
    truth: list[set[int]],
) -> None:
    store = make()
    begin = time.perf_counter()
    store.add(vectors, ["fr"] * len(vectors))
    built = time.perf_counter() - begin
    found, times = timed_calls(lambda q: store.search(q, "fr", TOP), list(queries))
    held = getattr(store, "nbytes", lambda: 0)() / 2**20
    print(
        f"  {label}: recall@100 {recall([h.positions.tolist() for h in found], truth):.3f}; "
        f"built in {built:.1f} s, holds {held:.0f} MB; a question p50 "
        f"{np.percentile(times, 50):.2f} ms, p95 {np.percentile(times, 95):.2f} ms; "
        f"{load_average()}",
        flush=True,
    )


def grid(vectors: Vectors, queries: Vectors, truth: list[set[int]]) -> None:
    n, dim = vectors.shape
    ivf = IvfVectorStore(1)
    ivf.add(vectors, ["fr"] * n)
    wide = np.array([ivf.search(q, "fr", 4 * TOP).positions for q in queries])
    again = rescored(wide, vectors, queries)
    print(f"  IVF-SQ8, 400 candidates re-scored: {recall(again, truth):.3f}")
    for links in (16, 32):
        for codes in ("float", "8-bit"):
            graph: faiss.IndexHNSW
            if codes == "float":
                graph = faiss.IndexHNSWFlat(dim, links, faiss.METRIC_INNER_PRODUCT)
            else:
                qt = faiss.ScalarQuantizer.QT_8bit
                graph = faiss.IndexHNSWSQ(dim, qt, links, faiss.METRIC_INNER_PRODUCT)  # type: ignore[arg-type]  # the stub's type: C++ takes an int
                graph.train(vectors)
            graph.hnsw.efConstruction = ann_store.BUILD_WIDTH
            begin = time.perf_counter()
            graph.add(vectors)  # on faiss's threads: build times here are not the product's
            built = time.perf_counter() - begin
            for width in (128, 256, 512):
                graph.hnsw.efSearch = width
                begin = time.perf_counter()
                found = graph.search(queries, TOP)[1]
                per = (time.perf_counter() - begin) / len(queries) * 1000
                print(
                    f"  HNSW M {links}, {codes}, efSearch {width}: recall@100 "
                    f"{recall(found, truth):.3f} ({per:.2f} ms a question in a batch; "
                    f"built in {built:.1f} s)",
                    flush=True,
                )


def _top_10(retriever: HybridRetriever, question: str, lang: str | None) -> list[str]:
    return retriever.rank_documents(question, lang, 10)


def ranking(index_dir: Path, min_vectors: int) -> None:
    """R@1/R@5/MRR of the dev questions through serve's retriever: exact, IVF, HNSW."""
    from web.bootstrap import embedder_for, load_settings

    embedders = embedder_for(load_settings())
    asked = load_questions(EVAL / "servicepublic_fr" / "questions.dev.jsonl")
    ways: list[tuple[str, VectorStoreFactory | None]] = [
        ("exact scan (eval retrieval until now)", None),
        (f"IVF-SQ8 from {min_vectors:,} (serve until now)", lambda _: IvfVectorStore(min_vectors)),
        (
            f"HNSW-SQ8 from {min_vectors:,} (serve now)",
            lambda _: ApproximateVectorStore(min_vectors),
        ),
    ]
    try:
        for label, store in ways:
            begin = time.perf_counter()
            retriever = open_retriever(
                index_dir,
                embedder=embedders.embedder,
                page_embedder=embedders.page_embedder,
                vector_store=store,
                page_index=store,
            )
            opened = time.perf_counter() - begin
            rows = run_questions(asked, partial(_top_10, retriever))
            got = score(asked, rows)
            print(
                f"  {label}: R@1 {got.recall_at_1:.3f}, R@5 {got.recall_at_5:.3f}, "
                f"MRR {got.mrr:.3f} ({got.scored} scored); a question p50 "
                f"{got.latency_p50_ms:.1f} ms, p95 {got.latency_p95_ms:.1f} ms; opened in "
                f"{opened:.1f} s; {load_average()}",
                flush=True,
            )
    finally:
        embedders.close()


def main(index_dir: Path, with_grid: bool) -> None:
    build = current_build(index_dir)
    if build is None:
        raise SystemExit(f"no index in {index_dir}: run `opencounter eval retrieval` first")
    langs = np.array([c.lang for c in read_chunks(build.chunks)])
    vectors = np.ascontiguousarray(np.load(build.vectors)[langs == "fr"], dtype=np.float32)
    e5 = default_page_embedder()
    if e5 is None:
        raise SystemExit("e5 is not built: run `make install`")
    asked = load_questions(EVAL / "servicepublic_fr" / "questions.dev.jsonl")
    texts = [q.question for q in asked if q.sources][:QUESTIONS]
    queries = np.ascontiguousarray(e5.embed_queries(texts), dtype=np.float32)
    truth = [set(np.argsort(-row)[:TOP].tolist()) for row in queries @ vectors.T]
    mean = float(np.linalg.norm(vectors.mean(axis=0)))
    print(
        f"{len(vectors)} French e5 vectors (their mean's norm {mean:.2f}), {len(texts)} questions"
    )
    store_line(
        "before: IVF-SQ8 (serve until now)", lambda: IvfVectorStore(1), vectors, queries, truth
    )
    store_line(
        f"now: HNSW-SQ8 (M {ann_store.LINKS}, efSearch {ann_store.SEARCH_WIDTH})",
        lambda: ApproximateVectorStore(1),
        vectors,
        queries,
        truth,
    )
    if with_grid:
        grid(vectors, queries, truth)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--ranking":
        ranking(Path(sys.argv[1]), int(sys.argv[3]))
    elif len(sys.argv) in (2, 3) and sys.argv[2:] in ([], ["--grid"]):
        main(Path(sys.argv[1]), sys.argv[2:] == ["--grid"])
    else:
        raise SystemExit(__doc__)
