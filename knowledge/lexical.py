"""BM25 lexical index (bm25s adapter): one index per language, each with its own analyzer.

The index is bm25s's (its files, its search), but it is built here (`_bm25`): bm25s builds
from every chunk's list of token strings held at once, which took most of an ingest's memory
(about 15 GB at 1,000,000 chunks); here each chunk's terms become an int32 array as soon as
they are read, and the score matrix is computed from those with numpy. Same arrays as
`bm25s.BM25.index` (tests/knowledge/test_lexical_build.py).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import numpy.typing as npt

from knowledge.languages import Analyzer
from knowledge.ranking import Hits, top_hits


@dataclass
class _LanguageIndex:
    analyzer: Analyzer
    bm25: bm25s.BM25
    rows: npt.NDArray[np.int64]  # index row -> position in the knowledge base's chunk list
    idf: dict[str, float]
    unseen_idf: float  # a term no chunk contains: as rare as a term can be

    def search(self, question: str, n: int) -> Hits:
        ids = self.bm25.get_tokens_ids(self.analyzer.terms(question))
        if not ids:
            return Hits.empty()
        scores = np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)
        return top_hits(self.rows, scores, n)

    def coverage(
        self, question: str, passage: str, *, subject_only: bool = False, known_only: bool = False
    ) -> float:
        """IDF-weighted share of the question's terms that occur in the passage, in [0, 1];
        with subject_only, the terms of what it asks about, not the words it is asked with
        (`Analyzer.content_terms`; all its terms when nothing else is left); with known_only,
        only the terms some indexed text holds (a word no page uses names no page's subject)."""
        terms = set(self.analyzer.terms(question))
        if subject_only:
            terms = set(self.analyzer.content_terms(question)) or terms
        if known_only:
            terms = {t for t in terms if t in self.idf}
        weights = {t: self.idf.get(t, self.unseen_idf) for t in terms}
        total = sum(weights.values())
        if total <= 0:
            return 0.0
        present = set(self.analyzer.terms(passage))
        return sum(w for t, w in weights.items() if t in present) / total


def _bm25(terms: Iterable[Sequence[str]], *, k1: float, b: float) -> bm25s.BM25:
    """What `bm25s.BM25(k1=k1, b=b).index(list(terms))` builds (Lucene BM25, its score matrix
    by term, chunks in order within a term, the empty token last in the vocabulary), without
    holding the token strings: the arithmetic follows bm25s's, in float64 then stored float32."""
    vocab: dict[str, int] = {}
    per_chunk = [
        np.fromiter((vocab.setdefault(t, len(vocab)) for t in chunk_terms), dtype=np.int32)
        for chunk_terms in terms
    ]
    return _bm25_from_ids(per_chunk, vocab, k1=k1, b=b)


def _bm25_from_ids(
    per_chunk: Sequence[npt.NDArray[np.int32]], vocab: dict[str, int], *, k1: float, b: float
) -> bm25s.BM25:
    """`_bm25` from each chunk's term ids (`vocab` gives each term its id, from 0 up)."""
    chunks, words = len(per_chunk), len(vocab)
    lengths = np.array([a.shape[0] for a in per_chunk], dtype=np.int64)
    mean_length = lengths.mean() if chunks else np.float64(0.0)
    term_of = np.concatenate(per_chunk) if chunks else np.zeros(0, np.int32)
    # One key per occurrence, sorted by term then chunk: the matrix's order (CSC by term).
    keys = term_of.astype(np.int64) * max(chunks, 1)
    del term_of
    keys += np.repeat(np.arange(chunks, dtype=np.int64), lengths)
    keys, counts = np.unique(keys, return_counts=True)
    term, chunk = np.divmod(keys, max(chunks, 1))
    del keys
    df = np.bincount(term, minlength=words)
    idf = np.array([math.log(1 + (chunks - f + 0.5) / (f + 0.5)) for f in df.tolist()], np.float32)
    tf = counts.astype(np.float32).astype(np.float64)
    norm = k1 * ((1 - b) + b * lengths[chunk].astype(np.float64) / mean_length)
    data = (idf[term].astype(np.float64) * (tf / (norm + tf))).astype(np.float32)
    indptr = np.zeros(words + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    bm25 = bm25s.BM25(k1=k1, b=b)
    bm25.scores = {
        "data": data,
        "indices": chunk.astype(np.int32),
        "indptr": indptr,
        "num_docs": chunks,
    }
    bm25.vocab_dict = {**vocab, "": words} if "" not in vocab else vocab
    bm25.unique_token_ids_set = set(bm25.vocab_dict.values())
    bm25.nonoccurrence_array = None  # Lucene BM25 has none
    return bm25


def _unseen_idf(bm25: bm25s.BM25) -> float:
    return math.log(1.0 + (float(bm25.scores["num_docs"]) + 0.5) / 0.5)


def _idf(bm25: bm25s.BM25) -> dict[str, float]:
    """Lucene's BM25 idf per indexed term (the empty token bm25s adds has df 0 and is left out)."""
    indptr = np.asarray(bm25.scores["indptr"])
    df = np.diff(indptr)
    n = float(bm25.scores["num_docs"])
    return {
        term: math.log(1.0 + (n - float(df[i]) + 0.5) / (float(df[i]) + 0.5))
        for term, i in bm25.vocab_dict.items()
        if i < len(df) and df[i] > 0
    }


class LexicalIndex:
    """Search chunks by BM25 within a language, or across all of them."""

    def __init__(self, by_lang: dict[str, _LanguageIndex]) -> None:
        self._by_lang = by_lang

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_lang))

    @classmethod
    def build(
        cls,
        texts: Sequence[str],
        langs: Sequence[str],
        positions: Sequence[int] | None = None,
        *,
        k1: float = 1.5,
        b: float = 0.75,
    ) -> LexicalIndex:
        """texts[i] is indexed in language langs[i] and found as chunk position positions[i]
        (default i). A whole-document index passes each document's first chunk position."""
        where = list(range(len(texts))) if positions is None else list(positions)
        by_lang: dict[str, _LanguageIndex] = {}
        for lang in sorted(set(langs)):
            analyzer = Analyzer(lang)
            members = [i for i, lg in enumerate(langs) if lg == lang]
            rows = np.array([where[i] for i in members], dtype=np.int64)
            bm25 = _bm25((analyzer.terms(texts[i]) for i in members), k1=k1, b=b)
            by_lang[lang] = _LanguageIndex(analyzer, bm25, rows, _idf(bm25), _unseen_idf(bm25))
        return cls(by_lang)

    def search(self, question: str, lang: str | None, n: int) -> Hits:
        """Best n chunk positions with BM25 scores; scores of different languages are merged
        as they are (they are on similar scales, and mixing only happens without a filter)."""
        if lang is not None:
            index = self._by_lang.get(lang)
            return index.search(question, n) if index else Hits.empty()
        parts = [index.search(question, n) for index in self._by_lang.values()]
        return Hits.merge(parts, n)

    def coverage(
        self,
        question: str,
        passage: str,
        lang: str,
        *,
        subject_only: bool = False,
        known_only: bool = False,
    ) -> float:
        index = self._by_lang.get(lang)
        if index is None:
            return 0.0
        return index.coverage(question, passage, subject_only=subject_only, known_only=known_only)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for lang, index in self._by_lang.items():
            index.bm25.save(str(folder / lang))
            np.save(folder / lang / "rows.npy", index.rows)
        (folder / "languages.json").write_text(json.dumps(sorted(self._by_lang)), "utf-8")

    @staticmethod
    def stored_languages(folder: Path) -> list[str]:
        """The languages of the index saved in folder, without loading it."""
        return [str(lang) for lang in json.loads((folder / "languages.json").read_text("utf-8"))]

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        langs = cls.stored_languages(folder)
        by_lang: dict[str, _LanguageIndex] = {}
        for lang in langs:
            bm25 = bm25s.BM25.load(str(folder / lang))
            rows = np.load(folder / lang / "rows.npy")
            by_lang[lang] = _LanguageIndex(
                Analyzer(lang), bm25, rows, _idf(bm25), _unseen_idf(bm25)
            )
        return cls(by_lang)
