"""BM25 lexical index (bm25s adapter): one index per language, each with its own analyzer."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
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

    def coverage(self, question: str, passage: str) -> float:
        """IDF-weighted share of the question's terms that occur in the passage, in [0, 1]."""
        terms = set(self.analyzer.terms(question))
        weights = {t: self.idf.get(t, self.unseen_idf) for t in terms}
        total = sum(weights.values())
        if total <= 0:
            return 0.0
        present = set(self.analyzer.terms(passage))
        return sum(w for t, w in weights.items() if t in present) / total


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
            bm25 = bm25s.BM25(k1=k1, b=b)
            bm25.index([analyzer.terms(texts[i]) for i in members], show_progress=False)
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

    def coverage(self, question: str, passage: str, lang: str) -> float:
        index = self._by_lang.get(lang)
        return index.coverage(question, passage) if index else 0.0

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for lang, index in self._by_lang.items():
            index.bm25.save(str(folder / lang))
            np.save(folder / lang / "rows.npy", index.rows)
        (folder / "languages.json").write_text(json.dumps(sorted(self._by_lang)), "utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        langs = json.loads((folder / "languages.json").read_text("utf-8"))
        by_lang: dict[str, _LanguageIndex] = {}
        for lang in langs:
            bm25 = bm25s.BM25.load(str(folder / lang))
            rows = np.load(folder / lang / "rows.npy")
            by_lang[lang] = _LanguageIndex(
                Analyzer(lang), bm25, rows, _idf(bm25), _unseen_idf(bm25)
            )
        return cls(by_lang)
