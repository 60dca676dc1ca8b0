"""An approximate VectorStore for large knowledge bases: a faiss HNSW graph over 8-bit vectors.

A language's index is scanned exactly (as `ExactVectorStore` does, same arithmetic) until it
holds `min_vectors` vectors; from then on it is a faiss HNSW graph (IndexHNSWSQ: each vector
linked to its nearest, stored as 8-bit codes, inner product on unit vectors = cosine): a
question walks the graph from its entry point towards its nearest vectors instead of scanning
every row. It replaced an inverted-file index (IVF-SQ8), whose partition lost a third of e5's
nearest neighbours: e5's "query: " vectors sit apart from its "passage: " vectors, inside a
narrow cone, so the lists nearest a question are not those holding its nearest passages
(recall@100 0.70 on servicepublic_fr's French chunks; benchmarks/README.md, "Not solved" and
"HNSW"). The graph is built on one thread, so a build is deterministic. Given a folder
(`keep_graphs_in`: the build's, by open_retriever), each graph is written there once built and
read instead of built at every later opening: builds are immutable, so a graph is named by its
language, its size and the parameters it was built with. Only this module imports faiss (the
`embeddings` extra).
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import cast

import faiss
import numpy as np
import numpy.typing as npt

from knowledge.embeddings import Vectors
from knowledge.ranking import Hits, top_hits
from knowledge.vector_store import (
    VectorStoreUnavailable,
    by_language,
    cosine_scores,
    merge_cosines,
)

log = logging.getLogger(__name__)

# Links per vector (2·LINKS on the bottom layer), candidates kept while linking a new vector,
# and candidates kept while walking for a question (at least the n asked for). Chosen on
# servicepublic_fr's e5 vectors and on MiniLM-like ones (benchmarks/README.md, "HNSW").
LINKS = 32
BUILD_WIDTH = 80
SEARCH_WIDTH = 512
# Each dimension's 8-bit range is its trained min..max widened by RANGE_MARGIN of the span each
# side, so vectors added after the build are seldom clipped; TRAINING vectors set the ranges.
RANGE_MARGIN = 0.1
TRAINING = 100_000
# In a kept graph's file name: a graph built with other parameters is built again, not read.
GRAPH_KIND = f"hnsw{LINKS}-build{BUILD_WIDTH}-sq8-margin{RANGE_MARGIN}-train{TRAINING}"

WHAT_TO_DO = (
    "set OPENCOUNTER_ANN_MIN_VECTORS above this language's vector count (or 0) to search it "
    "exactly, or give the process more memory"
)


@dataclass
class _LanguageIndex:
    """One language's vectors: a float32 matrix while small, an HNSW graph once large."""

    rows: npt.NDArray[np.int64]  # chunk positions of the matrix's (or the graph's) rows
    matrix: Vectors | None
    graph: faiss.IndexHNSWSQ | None = None  # its labels are indexes into rows

    def size(self) -> int:
        return int(self.rows.shape[0])


class ApproximateVectorStore:
    """The VectorStore port: exact below `min_vectors` per language, faiss HNSW-SQ8 at or above."""

    # Scores from 8-bit codes (to about 1e-3): the retriever re-scores the candidates with the
    # float32 vectors it holds anyway (knowledge.search), so near ties come out in exact order.
    scores_are_approximate = True

    def __init__(self, min_vectors: int) -> None:
        if min_vectors < 1:
            raise ValueError("min_vectors must be at least 1")
        self._min_vectors = min_vectors
        self._by_lang: dict[str, _LanguageIndex] = {}
        self._count = 0
        self._folder: Path | None = None

    def keep_graphs_in(self, folder: Path) -> None:
        """Write each graph built from now on into `folder`, and read one already there
        instead of building it; the folder must belong to one immutable set of vectors."""
        self._folder = folder

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        """Raises VectorStoreUnavailable when a language's graph cannot be built or grown."""
        for lang, block, rows in by_language(vectors, langs, self._count):
            self._add_to(lang, block, rows)
        self._count += len(langs)

    def _add_to(self, lang: str, block: Vectors, rows: npt.NDArray[np.int64]) -> None:
        held = self._by_lang.get(lang)
        if held is None:
            held = self._by_lang[lang] = _LanguageIndex(np.zeros(0, np.int64), None)
        if held.graph is not None:
            _grown(lang, held.graph, block)
            held.rows = np.concatenate([held.rows, rows])
            return
        matrix = block if held.matrix is None else np.vstack([held.matrix, block])
        held.rows = np.concatenate([held.rows, rows])
        if matrix.shape[0] < self._min_vectors:
            held.matrix = np.ascontiguousarray(matrix)
            return
        held.graph = self._graph(lang, matrix)
        held.matrix = None

    def _graph(self, lang: str, matrix: Vectors) -> faiss.IndexHNSWSQ:
        if self._folder is None:
            return _built(lang, matrix)
        path = self._folder / f"{_file_safe(lang)}-{len(matrix)}-{GRAPH_KIND}.faiss"
        kept = _read(path, matrix.shape)
        if kept is not None:
            return kept
        graph = _built(lang, matrix)
        _write(graph, path)
        return graph

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        if lang is not None:
            held = self._by_lang.get(lang)
            return Hits.empty() if held is None else _search(held, query, n)
        return merge_cosines([_search(held, query, n) for held in self._by_lang.values()], n)

    def count(self) -> int:
        return self._count

    def sizes(self) -> dict[str, int]:
        return {lang: held.size() for lang, held in self._by_lang.items()}

    def approximate_languages(self) -> list[str]:
        """The languages whose index is approximate (the others are scanned exactly)."""
        return sorted(lang for lang, held in self._by_lang.items() if held.graph is not None)

    def nbytes(self) -> int:
        """Bytes held: the graphs' 8-bit codes, links and levels; float32 matrices of the
        exact languages; the chunk positions of both."""
        total = 0
        for held in self._by_lang.values():
            total += int(held.rows.nbytes)
            if held.matrix is not None:
                total += int(held.matrix.nbytes)
            if held.graph is not None:
                total += _graph_bytes(held.graph)
        return total


def _file_safe(lang: str) -> str:
    return lang if re.fullmatch(r"[A-Za-z0-9_-]{1,32}", lang) else sha256(lang.encode()).hexdigest()


def _read(path: Path, shape: tuple[int, ...]) -> faiss.IndexHNSWSQ | None:
    """The graph kept at path, or None (not there, unreadable, or not of these vectors)."""
    if not path.is_file():
        return None
    begin = time.perf_counter()
    try:
        graph = faiss.read_index(str(path))
    except RuntimeError as exc:
        log.warning("approximate index %s unreadable (%s): building it again", path, exc)
        return None
    if not isinstance(graph, faiss.IndexHNSWSQ) or (graph.ntotal, graph.d) != shape:
        log.warning("approximate index %s is not of these vectors: building it again", path)
        return None
    log.info("approximate vector index read from %s in %.1f s", path, time.perf_counter() - begin)
    return graph


def _write(graph: faiss.IndexHNSWSQ, path: Path) -> None:
    # Written under a name of its own, then renamed: two processes opening the same build
    # (two `serve` workers) never read half a file.
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        faiss.write_index(graph, str(part))
        part.replace(path)
    except (OSError, RuntimeError) as exc:
        part.unlink(missing_ok=True)
        log.warning("approximate index not kept at %s (%s): built at each opening", path, exc)


def _graph_bytes(graph: faiss.IndexHNSWSQ) -> int:
    """The codes, and the links (int32) with each vector's level (int32) and offset (int64)."""
    levels = faiss.vector_to_array(graph.hnsw.levels)
    links_per_level = faiss.vector_to_array(graph.hnsw.cum_nneighbor_per_level)
    links = int(links_per_level[levels].sum())
    return graph.ntotal * (_codes(graph).code_size + 4 + 8) + links * 4


def _codes(graph: faiss.IndexHNSWSQ) -> faiss.IndexScalarQuantizer:
    return cast(faiss.IndexScalarQuantizer, faiss.downcast_index(graph.storage))


@contextmanager
def _one_thread() -> Iterator[None]:
    # faiss links the vectors of a layer in parallel, each thread racing for the others'
    # neighbour lists: the graph would change from one build to the next. On one thread a
    # build is the same every time (the layers come from faiss's seeded generator).
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(threads)


def _built(lang: str, matrix: Vectors) -> faiss.IndexHNSWSQ:
    begin = time.perf_counter()
    n, dim = matrix.shape
    graph = faiss.IndexHNSWSQ(
        dim,
        faiss.ScalarQuantizer.QT_8bit,  # type: ignore[arg-type]  # the stub's type: C++ takes an int
        LINKS,
        faiss.METRIC_INNER_PRODUCT,
    )
    graph.hnsw.efConstruction = BUILD_WIDTH
    graph.hnsw.efSearch = SEARCH_WIDTH
    codes = _codes(graph)
    codes.sq.rangestat = faiss.ScalarQuantizer.RS_minmax
    codes.sq.rangestat_arg = RANGE_MARGIN
    # Ranges from an even spread of rows (deterministic; every row below TRAINING).
    sample = matrix[:: max(1, n // TRAINING)]
    try:
        with _one_thread():
            graph.train(np.ascontiguousarray(sample))
            graph.add(matrix)
    except (RuntimeError, MemoryError) as exc:
        raise VectorStoreUnavailable(
            f"the approximate index of the {lang} vectors ({n:,}) could not be built "
            f"({type(exc).__name__}: {exc}): {WHAT_TO_DO}"
        ) from exc
    log.info(
        "approximate vector index (faiss HNSW%d,SQ8, efSearch %d) built for %s: "
        "%d vectors in %.1f s",
        LINKS,
        SEARCH_WIDTH,
        lang,
        n,
        time.perf_counter() - begin,
    )
    return graph


def _grown(lang: str, graph: faiss.IndexHNSWSQ, block: Vectors) -> None:
    try:
        with _one_thread():
            graph.add(block)
    except (RuntimeError, MemoryError) as exc:
        raise VectorStoreUnavailable(
            f"the approximate index of the {lang} vectors could not take {len(block):,} more "
            f"({type(exc).__name__}: {exc}): {WHAT_TO_DO}"
        ) from exc


def _search(held: _LanguageIndex, query: Vectors, n: int) -> Hits:
    if held.graph is None:
        assert held.matrix is not None
        return top_hits(held.rows, cosine_scores(held.matrix, query), n, positive_only=False)
    wanted = np.ascontiguousarray(query[None, :], dtype=np.float32)
    k = min(n, held.size())
    # faiss walks with efSearch candidates even when asked for more: at least k.
    width = faiss.SearchParametersHNSW(  # type: ignore[attr-defined]  # not in faiss 1.15's stubs
        efSearch=max(SEARCH_WIDTH, k)
    )
    scores, labels = held.graph.search(wanted, k, params=width)
    found = labels[0] >= 0  # -1 pads when the walk met fewer than n vectors
    return Hits(held.rows[labels[0][found]], scores[0][found].astype(np.float32))
