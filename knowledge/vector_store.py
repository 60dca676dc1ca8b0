"""The VectorStore port, and an exact in-memory store that needs no extra package."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from knowledge.embeddings import Vectors
from knowledge.ranking import Hits, top_hits


class VectorStoreUnavailable(Exception):
    """A vector store could not be opened or did not answer (a server store, mostly)."""


class VectorStore(Protocol):
    """Nearest chunks to a unit query vector by cosine, optionally within one language."""

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        """Append vectors; the i-th added vector is chunk position (count before + i)."""
        ...

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        """Raises VectorStoreUnavailable when the store does not answer."""
        ...

    def count(self) -> int: ...


class ExactVectorStore:
    """Brute-force cosine over a matrix: exact, and at 100,000 × 384 still a few ms."""

    def __init__(self) -> None:
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        self._langs: list[str] = []
        self._rows_by_lang: dict[str, npt.NDArray[np.int64]] = {}
        self._by_lang: dict[str, Vectors] = {}

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        if len(langs) != vectors.shape[0]:
            raise ValueError("one language per vector is needed")
        if vectors.shape[0] == 0:
            return
        base = self._vectors if self._vectors.size else np.zeros((0, vectors.shape[1]), np.float32)
        self._vectors = np.ascontiguousarray(np.vstack([base, vectors]), dtype=np.float32)
        self._langs.extend(langs)
        # Per-language copies: a filtered query then scans only its own rows.
        lang_array = np.array(self._langs)
        self._rows_by_lang = {
            lg: np.flatnonzero(lang_array == lg).astype(np.int64) for lg in set(self._langs)
        }
        total = len(self._langs)
        self._by_lang = {
            # A one-language KB shares the full matrix instead of holding it twice.
            lg: self._vectors if len(rows) == total else self._vectors[rows]
            for lg, rows in self._rows_by_lang.items()
        }

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        if lang is None:
            if not self._vectors.size:
                return Hits.empty()
            rows = np.arange(self._vectors.shape[0], dtype=np.int64)
            return top_hits(rows, _cosines(self._vectors, query), n, positive_only=False)
        if lang not in self._by_lang:
            return Hits.empty()
        scores = _cosines(self._by_lang[lang], query)
        return top_hits(self._rows_by_lang[lang], scores, n, positive_only=False)

    def count(self) -> int:
        return len(self._langs)


def _cosines(matrix: Vectors, query: Vectors) -> Vectors:
    # einsum, not `@`: a matrix-vector product through multi-threaded BLAS took 20 ms for
    # 2,400 rows on a busy 2-core machine (threads waiting on each other); einsum's single
    # loop took 0.5 ms.
    scores: Vectors = np.einsum("ij,j->i", matrix, query)
    return scores
