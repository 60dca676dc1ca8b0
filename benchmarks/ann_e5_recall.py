"""Why faiss IVF finds e5's French neighbours less well than MiniLM's, and what would not.

    python -m benchmarks.ann_e5_recall DATA_DIR/eval/servicepublic_fr-kb-…   # an ingested index

Takes an index `opencounter eval retrieval` (or `ingest`) built with e5 chunk vectors, its
French rows, and the first 300 servicepublic_fr dev questions with a source page, embedded once
with e5's "query: " prefix. Against the exact top 100 of each question, in the same run, it
prints recall@100 of: the product's IVF partition (lists and probes as knowledge.ann_store
chooses them) with float vectors (IVF-Flat) and with 8-bit codes (IVF-SQ8, the product's), the
same with 400 candidates re-scored exactly, the probes at a query shifted towards the passages'
mean, and an HNSW graph at two search widths (build time and time per query, one batch). Asserts
nothing.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import faiss
import numpy as np
import numpy.typing as npt

from knowledge import ann_store
from knowledge.chunkstore import read_chunks
from knowledge.embeddings import default_page_embedder
from knowledge.layout import current_build
from knowledge.retrieval_eval import load_questions
from tests.data import EVAL

QUESTIONS = 300
TOP = 100
SEED = 7

Ids = npt.NDArray[np.int64]


def recall(found: Ids, truth: list[set[int]]) -> float:
    return float(
        np.mean(
            [len(t & set(row[:TOP].tolist())) / TOP for row, t in zip(found, truth, strict=True)]
        )
    )


def rescored(found: Ids, vectors: npt.NDArray[np.float32], queries: npt.NDArray[np.float32]) -> Ids:
    """Each row's candidates ordered by their exact cosine, the best TOP kept."""
    rows = []
    for candidates, query in zip(found, queries, strict=True):
        kept = candidates[candidates >= 0]
        rows.append(kept[np.argsort(-(vectors[kept] @ query))[:TOP]])
    return np.array(rows)


def main(index_dir: Path) -> None:
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
    n, dim = vectors.shape
    lists = max(
        1, min(n // ann_store.TRAINING_PER_LIST, int(ann_store.LISTS_PER_SQRT * math.sqrt(n)))
    )
    probes = min(lists, max(ann_store.MIN_PROBES, int(lists * ann_store.PROBE_SHARE)))
    rng = np.random.default_rng(SEED)
    sample = vectors[
        np.sort(rng.choice(n, size=min(n, lists * ann_store.TRAINING_PER_LIST), replace=False))
    ]
    print(f"{n} French e5 vectors, {len(texts)} questions; IVF{lists}, nprobe {probes}")

    flat = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, lists, faiss.METRIC_INNER_PRODUCT)
    flat.train(sample)
    flat.add(vectors)
    flat.nprobe = probes
    print(f"  IVF-Flat           recall@100 {recall(flat.search(queries, TOP)[1], truth):.3f}")
    sq8 = faiss.IndexIVFScalarQuantizer(
        faiss.IndexFlatIP(dim),
        dim,
        lists,
        faiss.ScalarQuantizer.QT_8bit,
        faiss.METRIC_INNER_PRODUCT,
    )
    sq8.sq.rangestat = faiss.ScalarQuantizer.RS_minmax
    sq8.sq.rangestat_arg = ann_store.RANGE_MARGIN
    sq8.train(sample)
    sq8.add(vectors)
    sq8.nprobe = probes
    print(f"  IVF-SQ8 (product)  recall@100 {recall(sq8.search(queries, TOP)[1], truth):.3f}")
    wide = rescored(sq8.search(queries, 4 * TOP)[1], vectors, queries)
    print(f"  IVF-SQ8, 400 re-scored       {recall(wide, truth):.3f}")
    shifted = queries + (vectors.mean(axis=0) - queries.mean(axis=0))
    shifted /= np.linalg.norm(shifted, axis=1, keepdims=True)
    moved = rescored(flat.search(np.ascontiguousarray(shifted), 4 * TOP)[1], vectors, queries)
    print(f"  IVF, query shifted to the passages' mean, 400 re-scored {recall(moved, truth):.3f}")
    begin = time.perf_counter()
    graph = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
    graph.hnsw.efConstruction = 80
    graph.add(vectors)
    print(f"  HNSW (M 32) built in {time.perf_counter() - begin:.1f} s")
    for width in (128, 256):
        graph.hnsw.efSearch = width
        begin = time.perf_counter()
        found = graph.search(queries, TOP)[1]
        per_query = (time.perf_counter() - begin) / len(texts) * 1000
        print(
            f"  HNSW efSearch {width}  recall@100 {recall(found, truth):.3f}, "
            f"{per_query:.2f} ms a query"
        )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
