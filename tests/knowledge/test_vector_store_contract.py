"""One contract for every VectorStore: exact in-memory, Chroma embedded, and a real Chroma server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import chromadb
import numpy as np
import pytest

from knowledge.ann_store import ApproximateVectorStore
from knowledge.chroma_store import persistent_store, server_store
from knowledge.embeddings import normalise
from knowledge.vector_store import ExactVectorStore, VectorStore
from tests.chroma_server import chroma_server as start_chroma_server


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """`chroma run` on loopback, for as long as this module's tests need it."""
    with start_chroma_server(tmp_path_factory.mktemp("chroma-server")) as address:
        yield address


StoreFactory = Callable[[str], VectorStore]


@pytest.fixture(params=["exact", "approximate", "chroma-persistent", "chroma-server"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    if request.param == "exact":
        return lambda name: ExactVectorStore()
    if request.param == "approximate":  # faiss from the first vector of a language
        return lambda name: ApproximateVectorStore(1)
    if request.param == "chroma-persistent":
        return lambda name: persistent_store(tmp_path / "chroma", name)
    host, port = request.getfixturevalue("chroma_server")
    return lambda name: server_store(host, port, f"{name}-{tmp_path.name}"[:60])


def _vectors(n: int, seed: int = 7) -> np.ndarray:
    return normalise(np.random.default_rng(seed).normal(size=(n, 16)))


def test_nearest_vector_comes_first_with_cosine_score(make_store: StoreFactory) -> None:
    store = make_store("nearest")
    vectors = _vectors(50)
    store.add(vectors, ["en"] * 50)
    hits = store.search(vectors[17], None, 5)
    assert hits.positions[0] == 17
    # The approximate store scores with 8-bit codes: cosines to about 1e-3.
    tolerance = 1e-3 if isinstance(store, ApproximateVectorStore) else 1e-4
    assert hits.scores[0] == pytest.approx(1.0, abs=tolerance)
    assert list(hits.scores) == sorted(hits.scores, reverse=True)
    assert store.count() == 50


def test_language_filter(make_store: StoreFactory) -> None:
    store = make_store("language")
    vectors = _vectors(40)
    langs = ["en" if i % 2 else "fr" for i in range(40)]
    store.add(vectors, langs)
    hits = store.search(vectors[4], "en", 10)
    assert len(hits) == 10
    assert all(langs[p] == "en" for p in hits.positions)
    assert 4 not in hits.positions
    assert len(store.search(vectors[4], "de", 10)) == 0


def test_positions_continue_across_adds(make_store: StoreFactory) -> None:
    store = make_store("appending")
    vectors = _vectors(30)
    store.add(vectors[:10], ["en"] * 10)
    store.add(vectors[10:], ["en"] * 20)
    assert store.search(vectors[25], None, 1).positions[0] == 25
    assert store.count() == 30


def test_empty_store_finds_nothing(make_store: StoreFactory) -> None:
    assert len(make_store("empty").search(_vectors(1)[0], None, 5)) == 0


def test_mismatched_languages_are_refused(make_store: StoreFactory) -> None:
    with pytest.raises(ValueError, match="one language per vector"):
        make_store("mismatch").add(_vectors(3), ["en"])


def test_each_language_has_an_index_of_its_own(make_store: StoreFactory) -> None:
    # Three languages, one spelled with characters a Chroma collection name cannot hold.
    store = make_store("per-language")
    vectors = _vectors(30)
    langs = ["en", "fr", "pt-BR"] * 10
    store.add(vectors[:15], langs[:15])
    store.add(vectors[15:], langs[15:])
    assert store.sizes() == {"en": 10, "fr": 10, "pt-BR": 10}
    for lang in ("en", "fr", "pt-BR"):
        hits = store.search(vectors[langs.index(lang) + 3], lang, 30)
        # Only that language's vectors, all of them, and the query itself first.
        assert sorted(hits.positions) == [i for i, lg in enumerate(langs) if lg == lang]
        assert hits.positions[0] == langs.index(lang) + 3
    # No language: every index is searched and the rankings merged.
    everywhere = store.search(vectors[22], None, 30)
    assert everywhere.positions[0] == 22 and sorted(everywhere.positions) == list(range(30))
    assert list(everywhere.scores) == sorted(everywhere.scores, reverse=True)


def test_the_in_memory_store_holds_each_vector_once() -> None:
    store = ExactVectorStore()
    store.add(_vectors(40), ["en", "fr"] * 20)
    assert store.nbytes() == 40 * 16 * 4


def test_chroma_keeps_a_collection_per_language_and_finds_them_again(tmp_path: Path) -> None:
    vectors = _vectors(20)
    langs = ["en", "fr", "pt-BR", "en"] * 5
    persistent_store(tmp_path / "chroma", "kb-build").add(vectors, langs)
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    names = sorted(c.name for c in client.list_collections())
    assert len(names) == 3 and all(n.startswith("kb-build-") for n in names)
    assert sorted(client.get_collection(n).count() for n in names) == [5, 5, 10]
    # Opened again (a restart): the same languages, and positions go on after the last one.
    again = persistent_store(tmp_path / "chroma", "kb-build")
    assert again.count() == 20 and again.sizes() == {"en": 10, "fr": 5, "pt-BR": 5}
    again.add(vectors[:2], ["fr", "fr"])
    assert sorted(again.search(vectors[0], "fr", 10).positions)[-2:] == [20, 21]
    # Another build's store in the same folder sees none of these.
    assert persistent_store(tmp_path / "chroma", "kb-build2").count() == 0
