"""The BM25 index built here (knowledge.lexical._bm25) is the one bm25s builds, term by term.

bm25s numbers its vocabulary in set order (it changes from run to run), so the matrices are
compared by term: the same chunks, in the same order, with the same weights.
"""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import pytest

from knowledge.languages import Analyzer
from knowledge.lexical import LexicalIndex, _bm25

ENGLISH = [
    "How do I apply for a resident parking permit near the town hall?",
    "Bins are collected every Tuesday; the recycling bin every other Tuesday.",
    "bin bin bin bin",  # one term many times
    "the of and",  # stop words only: a chunk with no terms
    "Council tax: discounts for a single person, students and carers. Apply online.",
    "Parking fines can be paid online, by phone or at the library.",
    "A very long chunk " + "about the library and its opening hours " * 40,
]
FRENCH = [
    "Comment déclarer la naissance d'un enfant à la mairie ?",
    "Les déchets verts sont collectés le mercredi, de mars à novembre.",
    "Inscription scolaire : les pièces justificatives à fournir à la mairie.",
    "mairie mairie école",
]


def by_term(bm25: bm25s.BM25) -> dict[str, tuple[list[int], list[float]]]:
    indptr, indices, data = (bm25.scores[k] for k in ("indptr", "indices", "data"))
    out = {}
    for term, i in bm25.vocab_dict.items():
        if i + 1 < len(indptr):
            start, end = int(indptr[i]), int(indptr[i + 1])
            out[term] = (indices[start:end].tolist(), data[start:end].tolist())
    return out


@pytest.mark.parametrize(("lang", "texts"), [("en", ENGLISH), ("fr", FRENCH)])
@pytest.mark.parametrize(("k1", "b"), [(1.5, 0.75), (2.0, 1.0)])
def test_the_same_matrix_as_bm25s(lang: str, texts: list[str], k1: float, b: float) -> None:
    analyzer = Analyzer(lang)
    terms = [analyzer.terms(t) for t in texts]
    theirs = bm25s.BM25(k1=k1, b=b)
    theirs.index(terms, show_progress=False)
    ours = _bm25(iter(terms), k1=k1, b=b)
    assert ours.scores["num_docs"] == theirs.scores["num_docs"] == len(texts)
    assert set(ours.vocab_dict) == set(theirs.vocab_dict)  # the empty token included
    mine, expected = by_term(ours), by_term(theirs)
    assert mine.keys() == expected.keys()
    for term, (chunks, weights) in expected.items():
        assert mine[term][0] == chunks, term
        np.testing.assert_array_equal(
            np.array(mine[term][1], np.float32), np.array(weights, np.float32), term
        )
    assert ours.scores["data"].dtype == np.float32
    assert ours.scores["indices"].dtype == np.int32


def test_the_saved_index_answers_as_one_bm25s_built(tmp_path: Path) -> None:
    texts = ENGLISH + FRENCH
    langs = ["en"] * len(ENGLISH) + ["fr"] * len(FRENCH)
    LexicalIndex.build(texts, langs).save(tmp_path / "ours")
    loaded = LexicalIndex.load(tmp_path / "ours")
    for question, lang in [
        ("when are the bins collected", "en"),
        ("pay a parking fine at the library", "en"),
        ("naissance mairie", "fr"),
        ("déchets verts", "fr"),
    ]:
        analyzer = Analyzer(lang)
        members = [t for t, lg in zip(texts, langs, strict=True) if lg == lang]
        theirs = bm25s.BM25()
        theirs.index([analyzer.terms(t) for t in members], show_progress=False)
        scores = theirs.get_scores(analyzer.terms(question))
        first = 0 if lang == "en" else len(ENGLISH)
        expected = {first + i: round(float(s), 5) for i, s in enumerate(scores) if s > 0}
        hits = loaded.search(question, lang, 20)
        got = {int(p): round(float(s), 5) for p, s in zip(hits.positions, hits.scores, strict=True)}
        assert got == expected, question


def test_a_language_whose_chunks_have_no_terms_finds_nothing() -> None:
    index = LexicalIndex.build(["the of and", "a an"], ["en", "en"])
    assert len(index.search("bins", "en", 5)) == 0
    assert index.coverage("bins", "the of and", "en") == 0.0
