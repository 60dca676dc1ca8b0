"""Vector-store benchmark: the exact in-memory scan against Chroma (PersistentClient).

    python -m benchmarks.vector_stores [--sizes 10000 100000] [--queries 200]

Store-level only (no embedding, no BM25): n clustered unit vectors of 384 dimensions, English
alone or half English half French; 100 nearest per query, as the retriever asks, with and
without the language filter every citizen's question uses. Prints p50/p95 and Chroma's
recall@10 against the exact result. Asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from knowledge.chroma_store import persistent_store
from knowledge.embeddings import Vectors, normalise
from knowledge.vector_store import ExactVectorStore, VectorStore

DIM = 384
CANDIDATES = 100  # what knowledge.search asks each ranking for


def _clustered(rng: np.random.Generator, n: int, centres: Vectors) -> Vectors:
    # Real embeddings cluster by topic; independent Gaussian vectors are HNSW's worst case.
    picked = centres[rng.integers(0, len(centres), n)]
    return normalise(picked + 0.6 * normalise(rng.normal(size=(n, DIM))))


def _timed(
    store: VectorStore, queries: Vectors, lang: str | None
) -> tuple[list[float], list[set[int]]]:
    store.search(queries[0], lang, CANDIDATES)
    times: list[float] = []
    tops: list[set[int]] = []
    for q in queries:
        start = time.perf_counter()
        hits = store.search(q, lang, CANDIDATES)
        times.append((time.perf_counter() - start) * 1000)
        tops.append(set(hits.positions[:10].tolist()))
    return times, tops


def run(n: int, french_share: float, queries: int) -> None:
    rng = np.random.default_rng(0)
    centres = normalise(rng.normal(size=(200, DIM)))
    vectors = _clustered(rng, n, centres)
    langs = ["fr" if rng.random() < french_share else "en" for _ in range(n)]
    asked = _clustered(rng, queries, centres)
    exact = ExactVectorStore()
    exact.add(vectors, langs)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        chroma = persistent_store(Path(tmp), "bench")
        chroma.add(vectors, langs)
        fill = time.perf_counter() - start
        for lang in ("en", None):
            exact_times, exact_tops = _timed(exact, asked, lang)
            chroma_times, chroma_tops = _timed(chroma, asked, lang)
            recall = np.mean(
                [len(a & b) / 10 for a, b in zip(exact_tops, chroma_tops, strict=True)]
            )
            print(
                f"n={n:,} french={french_share:.0%} filter={lang or 'none'}: "
                f"exact p50/p95 {np.percentile(exact_times, 50):.2f}/"
                f"{np.percentile(exact_times, 95):.2f} ms; "
                f"chroma {np.percentile(chroma_times, 50):.2f}/"
                f"{np.percentile(chroma_times, 95):.2f} ms, recall@10 {recall:.3f} "
                f"(fill {fill:.1f} s)",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    for n in args.sizes:
        for french_share in (0.0, 0.5):
            run(n, french_share, args.queries)


if __name__ == "__main__":
    main()
