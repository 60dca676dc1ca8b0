"""The approximate index `serve` used before HNSW (faiss IVF-SQ8), kept for before/after runs.

knowledge/ann_store.py until the HNSW graph replaced it (issue 17): an inverted-file index of
8-bit codes, about 4·√n lists trained by a seeded k-means on 40 vectors per list, 1/32 of the
lists probed per question (at least 32). `benchmarks.approximate_index` and
`benchmarks.ann_e5_recall` measure it beside the product's store in the same run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import faiss
import numpy as np
import numpy.typing as npt

from knowledge.embeddings import Vectors
from knowledge.ranking import Hits, top_hits
from knowledge.vector_store import by_language, cosine_scores, merge_cosines

# Lists per index: about 4·√n (faiss's guidance is 4–16·√n); vectors per list for training.
LISTS_PER_SQRT = 4
TRAINING_PER_LIST = 40
# Lists scanned per question, as a share of all lists; at least MIN_PROBES.
PROBE_SHARE = 1 / 32
MIN_PROBES = 32
RANGE_MARGIN = 0.1


@dataclass
class _LanguageIndex:
    """One language's vectors: a float32 matrix while small, a faiss index once large."""

    rows: npt.NDArray[np.int64]  # chunk positions of the matrix's rows (empty once indexed)
    matrix: Vectors | None
    ann: faiss.IndexIVFScalarQuantizer | None = None  # its ids are the chunk positions

    def size(self) -> int:
        return int(self.ann.ntotal) if self.ann is not None else int(self.rows.shape[0])


class IvfVectorStore:
    """The VectorStore port as it was: exact below `min_vectors` per language, IVF-SQ8 above."""

    # Scores from 8-bit codes (to about 1e-3): the retriever re-scores the candidates with the
    # float32 vectors it holds anyway (knowledge.search), so near ties come out in exact order.
    scores_are_approximate = True

    def __init__(self, min_vectors: int, *, seed: int = 0) -> None:
        if min_vectors < 1:
            raise ValueError("min_vectors must be at least 1")
        self._min_vectors = min_vectors
        self._seed = seed
        self._by_lang: dict[str, _LanguageIndex] = {}
        self._count = 0

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        for lang, block, rows in by_language(vectors, langs, self._count):
            self._add_to(lang, block, rows)
        self._count += len(langs)

    def _add_to(self, lang: str, block: Vectors, rows: npt.NDArray[np.int64]) -> None:
        held = self._by_lang.get(lang)
        if held is None:
            held = self._by_lang[lang] = _LanguageIndex(np.zeros(0, np.int64), None)
        if held.ann is not None:
            held.ann.add_with_ids(block, rows)
            return
        held.rows = np.concatenate([held.rows, rows])
        matrix = block if held.matrix is None else np.vstack([held.matrix, block])
        if matrix.shape[0] < self._min_vectors:
            held.matrix = np.ascontiguousarray(matrix)
            return
        held.ann = self._build(lang, matrix, held.rows)
        held.matrix, held.rows = None, np.zeros(0, np.int64)

    def _build(
        self, lang: str, matrix: Vectors, rows: npt.NDArray[np.int64]
    ) -> faiss.IndexIVFScalarQuantizer:
        n, dim = matrix.shape
        lists = max(1, min(n // TRAINING_PER_LIST, int(LISTS_PER_SQRT * math.sqrt(n))))
        coarse = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            coarse, dim, lists, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        index.cp.seed = self._seed
        # Each dimension's 8-bit range is its trained min..max widened by RANGE_MARGIN of the
        # span each side, so vectors added after the build are seldom clipped.
        index.sq.rangestat = faiss.ScalarQuantizer.RS_minmax
        index.sq.rangestat_arg = RANGE_MARGIN
        rng = np.random.default_rng(self._seed)
        sample = np.sort(rng.choice(n, size=min(n, lists * TRAINING_PER_LIST), replace=False))
        index.train(np.ascontiguousarray(matrix[sample]))
        index.add_with_ids(matrix, rows)
        index.nprobe = min(lists, max(MIN_PROBES, int(lists * PROBE_SHARE)))
        return index

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
        return sorted(lang for lang, held in self._by_lang.items() if held.ann is not None)

    def nbytes(self) -> int:
        """Bytes held: 8-bit codes, ids (chunk positions) and centroids of the faiss
        indexes; float32 matrices and chunk positions of the exact ones."""
        total = 0
        for held in self._by_lang.values():
            total += int(held.rows.nbytes)
            if held.matrix is not None:
                total += int(held.matrix.nbytes)
            if held.ann is not None:
                codes = held.ann.ntotal * (held.ann.code_size + 8)  # code + faiss's id
                total += codes + held.ann.nlist * held.ann.d * 4
        return total


def _search(held: _LanguageIndex, query: Vectors, n: int) -> Hits:
    if held.ann is None:
        assert held.matrix is not None
        return top_hits(held.rows, cosine_scores(held.matrix, query), n, positive_only=False)
    scores, ids = held.ann.search(np.ascontiguousarray(query[None, :], dtype=np.float32), n)
    found = ids[0] >= 0  # -1 pads when the probed lists hold fewer than n vectors
    return Hits(ids[0][found].astype(np.int64), scores[0][found].astype(np.float32))
