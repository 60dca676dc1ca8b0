"""Hybrid retrieval: fusion, language-aware weights, vector stores and confidence."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from knowledge.chroma_store import persistent_store
from knowledge.embeddings import Embedder, EmbedderUnavailable
from knowledge.fusion import FusionWeights, rrf
from knowledge.ingest import ingest
from knowledge.ranking import Hits
from knowledge.search import LEXICAL_FALLBACK, open_retriever
from knowledge.types import KnowledgeBaseUnavailable
from knowledge.vector_store import ExactVectorStore, VectorStoreUnavailable


def _hits(*positions: int) -> Hits:
    return Hits(np.array(positions, dtype=np.int64), np.ones(len(positions), dtype=np.float32))


def test_rrf_adds_weighted_reciprocal_ranks() -> None:
    fused = rrf([(_hits(1, 2, 3), 1.0), (_hits(3, 1), 2.0)], n=10, k=60)
    assert fused.positions.tolist() == [3, 1, 2]
    assert fused.scores[0] == pytest.approx(1 / 63 + 2 / 61)


def test_rrf_ignores_rankings_with_zero_weight() -> None:
    fused = rrf([(_hits(1, 2), 1.0), (_hits(9, 8), 0.0)], n=10)
    assert fused.positions.tolist() == [1, 2]


def test_weights_per_language() -> None:
    weights = FusionWeights()
    assert weights.dense_for("en") > 0
    assert weights.dense_for("fr") == 0.0
    assert FusionWeights(dense={}, dense_default=1.0).dense_for("fr") == 1.0


def test_hybrid_when_the_build_has_the_embedders_vectors(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    report = ingest(kb, tmp_path / "index", embedder=word_hash)
    assert not report.lexical_only
    hybrid = open_retriever(tmp_path / "index", embedder=word_hash)
    assert not hybrid.lexical_only
    result = hybrid.retrieve("bulky items sofas fridges", "en", k=2)
    assert result.passages[0].doc_id == "en/waste-collection"
    # Another embedder's vectors are not comparable: the retriever falls back to BM25.

    other = type(word_hash)()
    other.name = "other"  # type: ignore[misc]
    assert open_retriever(tmp_path / "index", embedder=other).lexical_only


def test_dense_off_for_a_language_gives_the_lexical_ranking(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    ingest(kb, tmp_path / "index", embedder=word_hash)
    lexical = open_retriever(tmp_path / "index")
    # No page weight either: French pages' openings are fused in by default (test_page_openings).
    weights = FusionWeights(page={})
    hybrid = open_retriever(tmp_path / "index", embedder=word_hash, weights=weights)
    question = "encombrants poubelles stationnement"
    assert hybrid.rank_documents(question, "fr") == lexical.rank_documents(question, "fr")


def test_unchanged_chunks_keep_their_vectors(tmp_path: Path, kb: Path, word_hash: Embedder) -> None:
    embedded: list[str] = []

    class Counting:
        name = word_hash.name
        dim = word_hash.dim

        def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
            embedded.extend(texts)
            return word_hash.embed(texts)

    first = ingest(kb, tmp_path / "index", embedder=Counting())
    pages = 4  # and each page's opening once (knowledge/page_openings.py)
    assert len(embedded) == first.chunk_count + pages
    (kb / "en/libraries.md").write_text("# Libraries\n\nOpen every day but Monday.\n")
    ingest(kb, tmp_path / "index", embedder=Counting())
    assert embedded[first.chunk_count + pages :] == [
        "Libraries\nOpen every day but Monday.",
        "Libraries. Open every day but Monday.",
    ]


def test_chroma_store_gives_the_same_ranking_as_exact(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    ingest(kb, tmp_path / "index", embedder=word_hash)
    exact = open_retriever(tmp_path / "index", embedder=word_hash)
    chroma = open_retriever(
        tmp_path / "index",
        embedder=word_hash,
        vector_store=lambda name: persistent_store(tmp_path / "chroma", name),
    )
    for question in ("parking permit price", "bins tuesday recycling"):
        assert chroma.rank_documents(question, "en") == exact.rank_documents(question, "en")


def test_a_store_holding_another_builds_vectors_is_refused(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    ingest(kb, tmp_path / "index", embedder=word_hash)
    stale = ExactVectorStore()
    stale.add(word_hash.embed(["something else"]), ["en"])
    with pytest.raises(KnowledgeBaseUnavailable, match="another build"):
        open_retriever(tmp_path / "index", embedder=word_hash, vector_store=lambda name: stale)


def test_hybrid_confidence_in_unit_interval(tmp_path: Path, kb: Path, word_hash: Embedder) -> None:
    ingest(kb, tmp_path / "index", embedder=word_hash)
    hybrid = open_retriever(tmp_path / "index", embedder=word_hash)
    covered = hybrid.retrieve("parking permit cost electric cars", "en")
    unrelated = hybrid.retrieve("passport renewal abroad visa", "en")
    assert 0.0 <= unrelated.confidence < covered.confidence <= 1.0


def test_document_prior_lifts_every_chunk_of_a_ranked_document() -> None:
    from knowledge.fusion import with_document_prior

    doc_of = ["a", "a", "b", "c"]
    chunks = Hits(np.array([2, 1], dtype=np.int64), np.array([0.02, 0.01], dtype=np.float32))
    documents = Hits(np.array([0, 3], dtype=np.int64), np.array([9.0, 5.0], dtype=np.float32))
    fused = with_document_prior(chunks, documents, weight=1.0, doc_of=doc_of, n=10, k=60)
    # Chunk 1 (document "a", ranked first) overtakes chunk 2 (document "b", unranked);
    # chunk 0 joins as the first chunk of "a", chunk 3 as that of "c".
    assert fused.positions.tolist() == [1, 2, 0, 3]
    assert fused.scores[0] == pytest.approx(0.01 + 1 / 61)


class FalteringEmbedder:
    """The word-hash embedder, until told to fail: raise, or answer the wrong size or NaN."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.failure: str | None = None

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        vectors = self._inner.embed(texts)
        if self.failure == "raise":
            raise EmbedderUnavailable("embedding server is down")
        if self.failure == "wrong_size":
            return np.ones((len(texts), self.dim + 2), dtype=np.float32)
        if self.failure == "nan":
            return np.full_like(vectors, np.nan)
        return vectors


@pytest.mark.parametrize("failure", ["raise", "wrong_size", "nan"])
def test_an_embedder_failure_gives_the_lexical_ranking_and_says_so(
    tmp_path: Path, kb: Path, word_hash: Embedder, failure: str
) -> None:
    embedder = FalteringEmbedder(word_hash)
    ingest(kb, tmp_path / "index", embedder=embedder)
    retriever = open_retriever(tmp_path / "index", embedder=embedder)
    lexical = open_retriever(tmp_path / "index")
    assert not retriever.lexical_only
    question = "bulky items sofas fridges"
    assert retriever.retrieve(question, "en").fallback_reason is None

    embedder.failure = failure
    result = retriever.retrieve(question, "en", k=3)
    expected = lexical.retrieve(question, "en", k=3)
    assert result.fallback_reason == LEXICAL_FALLBACK
    assert [p.chunk_id for p in result.passages] == [p.chunk_id for p in expected.passages]
    assert result.confidence == pytest.approx(expected.confidence)
    assert expected.fallback_reason is None  # a lexical-only build is not a fallback

    embedder.failure = None
    assert retriever.retrieve(question, "en").fallback_reason is None


class FailingStore(ExactVectorStore):
    """The exact store, until told the server behind it went away."""

    down = False

    def search(self, query: npt.NDArray[np.float32], lang: str | None, n: int) -> Hits:
        if self.down:
            raise VectorStoreUnavailable("vector server went away")
        return super().search(query, lang, n)


def test_a_vector_store_failure_mid_search_gives_the_lexical_ranking(
    tmp_path: Path, kb: Path, word_hash: Embedder
) -> None:
    store = FailingStore()
    ingest(kb, tmp_path / "index", embedder=word_hash)
    retriever = open_retriever(tmp_path / "index", embedder=word_hash, vector_store=lambda _: store)
    lexical = open_retriever(tmp_path / "index")
    question = "bulky items sofas fridges"
    assert retriever.retrieve(question, "en").fallback_reason is None
    store.down = True
    result = retriever.retrieve(question, "en", k=3)
    expected = lexical.retrieve(question, "en", k=3)
    assert result.fallback_reason == LEXICAL_FALLBACK
    assert [p.chunk_id for p in result.passages] == [p.chunk_id for p in expected.passages]
