"""The approximate (faiss) store: same top results as the exact scan, a size threshold, no faiss."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from knowledge.ann_store import ApproximateVectorStore
from knowledge.embeddings import Embedder, Vectors, normalise
from knowledge.in_memory_index import choose_in_memory_index
from knowledge.ingest import ingest
from knowledge.search import open_retriever
from knowledge.vector_store import ExactVectorStore

DIM = 32


def _clustered(n: int, seed: int = 3) -> Vectors:
    # Real embeddings cluster by topic; independent Gaussian vectors are an ANN's worst case.
    rng = np.random.default_rng(seed)
    centres = normalise(rng.normal(size=(40, DIM)))
    return normalise(centres[rng.integers(0, 40, n)] + 0.5 * normalise(rng.normal(size=(n, DIM))))


def _recall_at_10(
    exact: ExactVectorStore, approx: ApproximateVectorStore, queries: Vectors
) -> float:
    found = [
        len(set(exact.search(q, "en", 10).positions) & set(approx.search(q, "en", 10).positions))
        for q in queries
    ]
    return sum(found) / (10 * len(queries))


def test_the_approximate_index_finds_what_the_exact_scan_finds() -> None:
    vectors = _clustered(6000)
    exact, approx = ExactVectorStore(), ApproximateVectorStore(1000)
    exact.add(vectors, ["en"] * 6000)
    approx.add(vectors, ["en"] * 6000)
    assert approx.approximate_languages() == ["en"]
    assert _recall_at_10(exact, approx, _clustered(50, seed=9)) >= 0.95


def test_languages_stay_apart_and_positions_follow_the_adds() -> None:
    vectors = _clustered(6000)
    langs = ["en" if (i // 5) % 2 else "fr" for i in range(6000)]
    store = ApproximateVectorStore(1000)
    store.add(vectors[:2500], langs[:2500])
    store.add(vectors[2500:], langs[2500:])  # fr crosses the threshold on the second add
    assert store.approximate_languages() == ["en", "fr"]
    assert store.sizes() == {"en": 3000, "fr": 3000} and store.count() == 6000
    for lang in ("en", "fr"):
        first = langs.index(lang, 4000)  # added to the index after it was built
        hits = store.search(vectors[first], lang, 50)
        assert hits.positions[0] == first
        assert all(langs[p] == lang for p in hits.positions)
    everywhere = store.search(vectors[10], None, 20)
    assert everywhere.positions[0] == 10
    assert list(everywhere.scores) == sorted(everywhere.scores, reverse=True)


def test_the_size_threshold_picks_the_index_per_language() -> None:
    vectors = _clustered(3000)
    langs = ["en"] * 2500 + ["fr"] * 500
    exact, mixed = ExactVectorStore(), ApproximateVectorStore(1000)
    exact.add(vectors, langs)
    mixed.add(vectors, langs)
    assert mixed.approximate_languages() == ["en"]  # 500 French vectors stay exact
    query = _clustered(1, seed=5)[0]
    below, scanned = mixed.search(query, "fr", 20), exact.search(query, "fr", 20)
    assert below.positions.tolist() == scanned.positions.tolist()
    assert below.scores.tolist() == scanned.scores.tolist()
    # 8-bit codes: the approximate English index holds a quarter of the float bytes and less.
    assert mixed.nbytes() < exact.nbytes() * 0.5


def test_a_build_is_deterministic() -> None:
    vectors = _clustered(5000)
    first, second = ApproximateVectorStore(1000), ApproximateVectorStore(1000)
    first.add(vectors, ["en"] * 5000)
    second.add(vectors, ["en"] * 5000)
    for query in _clustered(10, seed=8):
        a, b = first.search(query, "en", 100), second.search(query, "en", 100)
        assert a.positions.tolist() == b.positions.tolist()
        assert a.scores.tolist() == b.scores.tolist()


def test_the_retriever_ranks_as_with_the_exact_scan(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    ingest(kb, tmp_path / "index", embedder=word_hash)
    exact = open_retriever(tmp_path / "index", embedder=word_hash)
    approx = open_retriever(
        tmp_path / "index", embedder=word_hash, vector_store=lambda name: ApproximateVectorStore(1)
    )
    store = approx.vector_store
    assert isinstance(store, ApproximateVectorStore) and store.approximate_languages()
    for question, lang in (("parking permit price", "en"), ("bins tuesday recycling", "en")):
        assert approx.rank_documents(question, lang) == exact.rank_documents(question, lang)
        # Candidates re-scored with the float vectors: the same cosine as the exact scan.
        ours, theirs = approx.retrieve(question, lang), exact.retrieve(question, lang)
        assert [p.chunk_id for p in ours.passages] == [p.chunk_id for p in theirs.passages]


def test_the_setting_chooses_the_in_memory_index() -> None:
    assert choose_in_memory_index(0).factory is None
    assert "approximate index off" in choose_in_memory_index(0).where
    chosen = choose_in_memory_index(200_000)
    assert chosen.factory is not None and "faiss" in chosen.where and "200,000" in chosen.where
    assert isinstance(chosen.factory("build-1"), ApproximateVectorStore)
    with pytest.raises(ValueError, match="at least 1"):
        ApproximateVectorStore(0)


def test_without_faiss_the_exact_scan_runs_and_the_note_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As if the `embeddings` extra were installed without faiss: importing it fails.
    monkeypatch.setitem(sys.modules, "faiss", None)
    monkeypatch.delitem(sys.modules, "knowledge.ann_store")
    chosen = choose_in_memory_index(200_000)
    assert chosen.factory is None
    assert "exact scan at every size" in chosen.where
    assert "faiss is not installed" in chosen.where
