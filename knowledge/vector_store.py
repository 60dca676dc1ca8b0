"""The VectorStore port, and an exact in-memory store that needs no extra package."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from knowledge.embeddings import Vectors
from knowledge.ranking import Hits, top_hits


class VectorStoreUnavailable(Exception):
    """A vector store could not be opened or did not answer (a server store, mostly)."""


class VectorStore(Protocol):
    """Nearest chunks to a unit query vector by cosine, optionally within one language.

    Each language has an index of its own, so a question in one language never scans (or
    filters out) the others' vectors; with no language every index is searched and merged.
    """

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        """Append vectors; the i-th added vector is chunk position (count before + i)."""
        ...

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        """Raises VectorStoreUnavailable when the store does not answer."""
        ...

    def count(self) -> int: ...

    def sizes(self) -> dict[str, int]:
        """How many vectors each language's index holds."""
        ...


class ExactVectorStore:
    """Brute-force cosine over one matrix per language: exact, and at 100,000 × 384 a few ms.

    Each vector is held once, in its language's matrix, with the chunk positions of its rows.
    """

    def __init__(self) -> None:
        self._by_lang: dict[str, Vectors] = {}
        self._rows_by_lang: dict[str, npt.NDArray[np.int64]] = {}
        self._count = 0

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        for lang, added, positions in by_language(vectors, langs, self._count):
            block, rows = added, positions
            if lang in self._by_lang:
                block = np.vstack([self._by_lang[lang], added])
                rows = np.concatenate([self._rows_by_lang[lang], positions])
            self._by_lang[lang] = np.ascontiguousarray(block)
            self._rows_by_lang[lang] = rows
        self._count += len(langs)

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        if lang is not None:
            if lang not in self._by_lang:
                return Hits.empty()
            scores = cosine_scores(self._by_lang[lang], query)
            return top_hits(self._rows_by_lang[lang], scores, n, positive_only=False)
        parts = [
            top_hits(self._rows_by_lang[lg], cosine_scores(matrix, query), n, positive_only=False)
            for lg, matrix in self._by_lang.items()
        ]
        return merge_cosines(parts, n)

    def count(self) -> int:
        return self._count

    def sizes(self) -> dict[str, int]:
        return {lang: int(rows.shape[0]) for lang, rows in self._rows_by_lang.items()}

    def nbytes(self) -> int:
        """Bytes of vectors held (each vector once)."""
        return sum(int(matrix.nbytes) for matrix in self._by_lang.values())


def by_language(
    vectors: Vectors, langs: Sequence[str], first: int
) -> Iterator[tuple[str, Vectors, npt.NDArray[np.int64]]]:
    """Each language's block of `vectors` (contiguous float32) with its chunk positions, the
    i-th vector being position first + i; ValueError unless one language per vector."""
    if len(langs) != vectors.shape[0]:
        raise ValueError("one language per vector is needed")
    if vectors.shape[0] == 0:
        return
    lang_array = np.array(langs)
    for lang in sorted(set(langs)):
        picked = np.flatnonzero(lang_array == lang)
        rows = (picked + first).astype(np.int64)
        yield lang, np.ascontiguousarray(vectors[picked], dtype=np.float32), rows


def merge_cosines(parts: Sequence[Hits], n: int) -> Hits:
    """The n best of several languages' rankings (cosines may be negative: all are kept)."""
    if not parts:
        return Hits.empty()
    positions = np.concatenate([p.positions for p in parts])
    scores = np.concatenate([p.scores for p in parts])
    return top_hits(positions, scores, n, positive_only=False)


def cosine_scores(matrix: Vectors, query: Vectors) -> Vectors:
    """Each row's dot product with the query (cosines, for unit vectors)."""
    # einsum, not `@`: a matrix-vector product through multi-threaded BLAS took 20 ms for
    # 2,400 rows on a busy 2-core machine (threads waiting on each other); einsum's single
    # loop took 0.5 ms.
    scores: Vectors = np.einsum("ij,j->i", matrix, query)
    return scores
