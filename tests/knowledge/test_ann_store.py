"""The approximate (faiss HNSW) store: the exact scan's neighbours, on a cone like e5's too."""

from __future__ import annotations

import sys
from pathlib import Path

import faiss
import numpy as np
import pytest

from knowledge.ann_store import ApproximateVectorStore
from knowledge.embeddings import Embedder, Vectors, normalise
from knowledge.in_memory_index import choose_in_memory_index
from knowledge.ingest import ingest
from knowledge.layout import current_build
from knowledge.ranking import Hits
from knowledge.search import open_retriever, rescored_exactly
from knowledge.types import KnowledgeBaseUnavailable
from knowledge.vector_store import ExactVectorStore, VectorStoreUnavailable

DIM = 32


def _clustered(n: int, seed: int = 3, dim: int = DIM) -> Vectors:
    # Real embeddings cluster by topic; independent Gaussian vectors are an ANN's worst case.
    centres = normalise(np.random.default_rng(1).normal(size=(40, dim)))
    rng = np.random.default_rng(seed)
    return normalise(centres[rng.integers(0, 40, n)] + 0.5 * normalise(rng.normal(size=(n, dim))))


def _cone(n: int, seed: int, *, queries: bool = False) -> Vectors:
    # As e5's vectors: clustered, in a narrow cone around one direction (their mean's norm
    # about 0.9), the questions shifted off the passages' side of it by a direction of their own.
    rng = np.random.default_rng(0)
    axis, query_side = normalise(rng.normal(size=(2, DIM)))
    spread = _clustered(n, seed)
    return normalise(2.5 * axis + spread + (0.6 * query_side if queries else 0.0))


def _recall(
    exact: ExactVectorStore, approx: ApproximateVectorStore, queries: Vectors, k: int = 10
) -> float:
    found = [
        len(set(exact.search(q, "en", k).positions) & set(approx.search(q, "en", k).positions))
        for q in queries
    ]
    return sum(found) / (k * len(queries))


def test_the_approximate_index_finds_what_the_exact_scan_finds() -> None:
    vectors = _clustered(6000)
    exact, approx = ExactVectorStore(), ApproximateVectorStore(1000)
    exact.add(vectors, ["en"] * 6000)
    approx.add(vectors, ["en"] * 6000)
    assert approx.approximate_languages() == ["en"]
    assert _recall(exact, approx, _clustered(50, seed=9)) >= 0.95


def test_the_graph_keeps_the_neighbours_of_questions_off_a_narrow_cone() -> None:
    # The case the inverted-file index lost a third of (benchmarks/README.md, "Not solved").
    vectors = _cone(8000, seed=3)
    assert np.linalg.norm(vectors.mean(axis=0)) > 0.9
    exact, approx = ExactVectorStore(), ApproximateVectorStore(1000)
    exact.add(vectors, ["en"] * 8000)
    approx.add(vectors, ["en"] * 8000)
    assert _recall(exact, approx, _cone(40, seed=9, queries=True), k=100) >= 0.95


def test_on_a_small_set_it_ranks_as_the_exact_scan_once_re_scored() -> None:
    vectors = _cone(400, seed=4)
    exact, approx = ExactVectorStore(), ApproximateVectorStore(1)
    exact.add(vectors, ["en"] * 400)
    approx.add(vectors, ["en"] * 400)
    for query in _cone(10, seed=6, queries=True):
        found, truth = approx.search(query, "en", 50), exact.search(query, "en", 50)
        # The walk reaches every vector here; only 8-bit near ties at the 50th place differ.
        assert len(set(found.positions.tolist()) & set(truth.positions.tolist())) >= 48
        # What the retriever ranks (the candidates re-scored with the float vectors): exact.
        again = rescored_exactly(Hits(found.positions, found.scores), vectors, query)
        assert again.positions[:10].tolist() == truth.positions[:10].tolist()
        assert np.allclose(again.scores[:10], truth.scores[:10], atol=1e-6)
    # Asked for more than it holds: every vector, once.
    everything = approx.search(vectors[0], "en", 1000)
    assert sorted(everything.positions.tolist()) == list(range(400))


def test_a_build_that_fails_says_what_to_do(
    tmp_path: Path, kb: Path, word_hash: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def out_of_memory(self: object, vectors: Vectors) -> None:
        raise RuntimeError("std::bad_alloc")

    monkeypatch.setattr(faiss.IndexHNSWSQ, "add", out_of_memory)
    store = ApproximateVectorStore(1000)
    with pytest.raises(VectorStoreUnavailable) as failed:
        store.add(_clustered(1500), ["fr"] * 1500)
    said = str(failed.value)
    assert "fr vectors (1,500)" in said and "bad_alloc" in said
    assert "OPENCOUNTER_ANN_MIN_VECTORS" in said
    # Opening a build on it: the knowledge base is unavailable, with the same sentence.
    ingest(kb, tmp_path / "index", embedder=word_hash)
    with pytest.raises(KnowledgeBaseUnavailable, match="OPENCOUNTER_ANN_MIN_VECTORS"):
        open_retriever(
            tmp_path / "index", embedder=word_hash, vector_store=lambda _: ApproximateVectorStore(1)
        )


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
    vectors = _clustered(3000, dim=384)
    langs = ["en"] * 2500 + ["fr"] * 500
    exact, mixed = ExactVectorStore(), ApproximateVectorStore(1000)
    exact.add(vectors, langs)
    mixed.add(vectors, langs)
    assert mixed.approximate_languages() == ["en"]  # 500 French vectors stay exact
    query = _clustered(1, seed=5, dim=384)[0]
    below, scanned = mixed.search(query, "fr", 20), exact.search(query, "fr", 20)
    assert below.positions.tolist() == scanned.positions.tolist()
    assert below.scores.tolist() == scanned.scores.tolist()
    # The English graph: 384 bytes of 8-bit codes and up to 64 links (256 bytes) a vector,
    # about 0.43 of its float bytes; the 500 French vectors stay float.
    assert mixed.nbytes() < exact.nbytes() * 0.55


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


def test_a_kept_graph_is_read_at_the_next_opening(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    vectors, folder = _cone(3000, seed=2), tmp_path / "approximate"
    first = ApproximateVectorStore(1000)
    first.keep_graphs_in(folder)
    first.add(vectors, ["fr"] * 3000)
    (kept,) = folder.glob("fr-3000-*.faiss")
    caplog.set_level("INFO", logger="knowledge.ann_store")
    second = ApproximateVectorStore(1000)
    second.keep_graphs_in(folder)
    second.add(vectors, ["fr"] * 3000)
    assert "read from" in caplog.text and "built for" not in caplog.text
    for query in _cone(5, seed=7, queries=True):
        a, b = first.search(query, "fr", 100), second.search(query, "fr", 100)
        assert a.positions.tolist() == b.positions.tolist()
    # A damaged file is not trusted: the graph is built again, and written whole.
    kept.write_bytes(b"not a graph")
    third = ApproximateVectorStore(1000)
    third.keep_graphs_in(folder)
    third.add(vectors, ["fr"] * 3000)
    assert "building it again" in caplog.text
    assert third.search(vectors[5], "fr", 1).positions.tolist() == [5]
    assert kept.stat().st_size > 1000 and not list(folder.glob("*.part"))


def test_open_retriever_keeps_the_graphs_with_the_build(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    ingest(kb, tmp_path / "index", embedder=word_hash)
    open_retriever(
        tmp_path / "index", embedder=word_hash, vector_store=lambda _: ApproximateVectorStore(1)
    )
    build = current_build(tmp_path / "index")
    assert build is not None
    kept = sorted(p.name.split("-")[0] for p in (build.approximate / "chunks").glob("*.faiss"))
    assert kept == ["en", "fr"]
