"""Exact scan, the IVF-SQ8 index before and the HNSW-SQ8 graph now, same run, realistic vectors.

Called by `python -m benchmarks.retrieval speed --stores-only --ann [--chunks N] [--vectors
minilm e5]`. A two-language KB (half English, half French in blocks of 5 chunks = one page)
whose vectors are drawn around real eval-KB chunk vectors (benchmarks/kb_vectors.py): MiniLM's
(the questions: govuk_en dev questions with a source page, asked in English) or e5's "passage: "
vectors, a narrow cone (the questions: servicepublic_fr dev questions with e5's "query: ",
asked in French). Each question asks for the 100 nearest (the retriever's CANDIDATES) in its
language, then in no language. Prints fill or build time, bytes held, RSS after the fill,
p50/p95 per query, recall@10 and @100 of each approximate ranking against the exact one, the
load average and the peak RSS. Asserts nothing.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from benchmarks.ivf_store import IvfVectorStore
from benchmarks.kb_vectors import Model, question_vectors, real_chunk_vectors, widened
from benchmarks.timing import load_average, rss_mb, timed_calls
from knowledge.ann_store import ApproximateVectorStore
from knowledge.embeddings import Vectors
from knowledge.ranking import Hits
from knowledge.search import rescored_exactly
from knowledge.vector_store import ExactVectorStore, VectorStore

PAGE = 5
CANDIDATES = 100
REAL_PER_LANGUAGE = 2000
ASKED_IN = {"minilm": "en", "e5": "fr"}


def kb_shaped(chunks: int, model: Model = "minilm") -> tuple[Vectors, list[str]]:
    langs = [("en", "fr")[(i // PAGE) % 2] for i in range(chunks)]
    vectors = np.empty((chunks, 384), dtype=np.float32)
    for seed, lang in enumerate(("en", "fr")):
        rows = np.flatnonzero(np.array(langs) == lang)
        base = real_chunk_vectors(lang, REAL_PER_LANGUAGE, model)
        vectors[rows] = widened(base, len(rows), seed)
    return vectors, langs


def _recall(found: list[list[int]], truth: list[list[int]], k: int) -> float:
    pairs = zip(found, truth, strict=True)
    return float(np.mean([len(set(a[:k]) & set(b[:k])) / k for a, b in pairs]))


def _rescored(vectors: Vectors, positions: list[int], query: Vectors) -> list[int]:
    hits = Hits(np.array(positions, dtype=np.int64), np.zeros(len(positions), np.float32))
    return [int(p) for p in rescored_exactly(hits, vectors, query).positions]


def compare(chunks: int, model: Model = "minilm") -> None:
    vectors, langs = kb_shaped(chunks, model)
    asked_in = ASKED_IN[model]
    begin = time.perf_counter()
    questions = question_vectors(asked_in, 300, model)
    embedding_ms = (time.perf_counter() - begin) * 1000 / len(questions)
    mean_norm = float(np.linalg.norm(vectors.mean(axis=0)))
    print(
        f"stores, {model} vectors: {chunks:,} ({langs.count(asked_in):,} {asked_in}; their mean's "
        f"norm {mean_norm:.2f}); {len(questions)} {asked_in} dev questions "
        f"({embedding_ms:.1f} ms each, batched); {load_average()}",
        flush=True,
    )
    variants: list[tuple[str, Callable[[], VectorStore]]] = [
        ("exact, per-language index", ExactVectorStore),
        ("before: faiss IVF-SQ8 per language", lambda: IvfVectorStore(1)),
        ("now: faiss HNSW-SQ8 per language", lambda: ApproximateVectorStore(1)),
    ]
    exact: dict[str | None, list[list[int]]] = {}
    for label, make in variants:
        rss_before = rss_mb()[0]
        store = make()
        begin = time.perf_counter()
        store.add(vectors, langs)  # as open_retriever fills a store: the whole build at once
        fill = time.perf_counter() - begin
        held = getattr(store, "nbytes", lambda: 0)()
        line = [
            f"{label}: fill/build {fill:.1f} s, holds {held / 2**20:.0f} MB "
            f"(RSS +{rss_mb()[0] - rss_before:.0f} MB)"
        ]
        for lang in (asked_in, None):
            found, lat = timed_calls(
                partial(store.search, lang=lang, n=CANDIDATES), list(questions)
            )
            ranked = [hits.positions.tolist() for hits in found]
            line.append(
                f"{lang or 'all'}: p50 {np.percentile(lat, 50):.2f} ms "
                f"p95 {np.percentile(lat, 95):.2f} ms"
            )
            if lang not in exact:
                exact[lang] = ranked
                continue
            for k in (10, 100):
                line.append(f"recall@{k} {_recall(ranked, exact[lang], k):.3f}")
            # What the retriever ranks: the candidates re-scored with its float32 vectors.
            rescored = [_rescored(vectors, r, qv) for r, qv in zip(ranked, questions, strict=True)]
            line.append(f"recall@10 re-scored {_recall(rescored, exact[lang], 10):.3f}")
        print("; ".join(line) + f"; {load_average()}", flush=True)
        del store
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB; {load_average()}")
