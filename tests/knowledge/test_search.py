from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.ingest import ingest
from knowledge.search import HybridRetriever, open_retriever
from knowledge.types import KnowledgeBaseUnavailable, Retriever


@pytest.fixture
def retriever(tmp_path: Path, kb: Path) -> HybridRetriever:
    ingest(kb, tmp_path / "index")
    return open_retriever(tmp_path / "index")


def test_nothing_ingested_raises_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseUnavailable, match="opencounter ingest PATH"):
        open_retriever(tmp_path / "index")


def test_language_filter_keeps_to_the_language(retriever: HybridRetriever) -> None:
    english = retriever.retrieve("stationnement parking zone", "en", k=10)
    french = retriever.retrieve("stationnement parking zone", "fr", k=10)
    assert english.passages and {p.lang for p in english.passages} == {"en"}
    assert french.passages and {p.lang for p in french.passages} == {"fr"}


def test_unknown_language_finds_nothing(retriever: HybridRetriever) -> None:
    result = retriever.retrieve("parking", "de")
    assert result.passages == ()
    assert result.confidence == 0.0


def test_without_language_all_are_searched(retriever: HybridRetriever) -> None:
    docs = retriever.rank_documents("stationnement parking", None, k=10)
    assert "en/parking-permits" in docs
    assert "fr/stationnement" in docs


def test_best_passage_first_with_version_and_scores(retriever: HybridRetriever) -> None:
    result = retriever.retrieve("when are bulky items like sofas collected", "en", k=3)
    assert result.passages[0].doc_id == "en/waste-collection"
    assert result.passages[0].section == "Bulky items"
    assert result.kb_version == retriever.kb_version
    scores = [p.score for p in result.passages]
    assert scores == sorted(scores, reverse=True)
    assert len(result.passages) <= 3


def test_confidence_is_high_when_covered_and_low_when_not(retriever: HybridRetriever) -> None:
    covered = retriever.retrieve("how much does a parking permit cost", "en")
    unrelated = retriever.retrieve("how do I renew my passport abroad", "en")
    assert 0.0 <= unrelated.confidence < covered.confidence <= 1.0
    assert retriever.retrieve("the and of", "en").confidence == 0.0


def test_lexical_only_without_embedder(retriever: HybridRetriever) -> None:
    assert retriever.lexical_only
    assert retriever.languages == ("en", "fr")


def test_the_retriever_implements_the_port(retriever: HybridRetriever) -> None:
    port: Retriever = retriever  # checked by mypy: HybridRetriever satisfies knowledge.types
    result = port.retrieve("bins", None, 2)
    assert len(result.passages) <= 2
