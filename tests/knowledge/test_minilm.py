"""The in-process MiniLM embedder, on the real int8 ONNX model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.embeddings import default_embedder, minilm_available
from tests.needs import missing


@pytest.fixture(autouse=True)
def _need_minilm() -> None:
    if not minilm_available():
        missing("the embeddings extra is missing")


def test_vectors_are_unit_length_and_384_wide() -> None:
    from knowledge.minilm import MiniLMEmbedder

    vectors = MiniLMEmbedder().embed(["bins", "When are the bins emptied?", "word " * 400])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)


def test_length_sorting_keeps_input_order() -> None:
    from knowledge.minilm import MiniLMEmbedder

    embedder = MiniLMEmbedder(batch_size=2)
    texts = ["a much longer sentence about parking permits in the city", "bins", "library hours"]
    together = embedder.embed(texts)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-4)


def test_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    from knowledge.minilm import MiniLMEmbedder

    q, para, other = MiniLMEmbedder().embed(
        [
            "How much does a residents' parking permit cost?",
            "The price of a parking permit for residents is 120 euros a year.",
            "Libraries lend books, films and music for free.",
        ]
    )
    assert float(q @ para) > float(q @ other) + 0.2


def test_empty_input_and_default() -> None:
    from knowledge.minilm import MiniLMEmbedder

    assert MiniLMEmbedder().embed([]).shape == (0, 384)
    default = default_embedder()
    assert default is not None
    assert default.name == MiniLMEmbedder.name
    # One model per process, shared by the retriever, the intent classifier and every app.
    assert default_embedder() is default


def test_nothing_is_loaded_until_the_first_text() -> None:
    from knowledge.minilm import MiniLMEmbedder

    # `serve` keeps MiniLM only for an index whose English chunks hold its vectors: a process
    # that never searches one never holds its sessions (e5 embeds every question).
    embedder = MiniLMEmbedder()
    assert not embedder.loaded
    assert embedder.embed([]).shape == (0, 384) and not embedder.loaded
    embedder.embed(["When are the bins emptied?"])
    assert embedder.loaded


TEXTS = [
    "When is the garden waste collected in Northgate?",
    "Combien coûte un permis de stationnement résident ?",
    " ".join(["The council tax reduction scheme helps people on a low income."] * 30),
]


def _vectors(model: str) -> np.ndarray:
    from knowledge.minilm import MiniLMEmbedder, _session

    embedder = MiniLMEmbedder(batch_size=1)
    embedder._single = _session(model, 1)
    return np.asarray(embedder.embed(TEXTS))


def test_the_saved_folded_graph_gives_the_packaged_graphs_vectors(tmp_path: Path) -> None:
    from knowledge.minilm import MiniLMEmbedder, optimised_model

    source = MiniLMEmbedder()._model
    saved = optimised_model(source, tmp_path)
    assert saved != source and Path(saved).parent == tmp_path
    np.testing.assert_allclose(_vectors(saved), _vectors(source), atol=1e-5)
    # Written once: the next start finds it and writes nothing.
    written = Path(saved).stat().st_mtime_ns
    assert optimised_model(source, tmp_path) == saved
    assert Path(saved).stat().st_mtime_ns == written
    assert [p.name for p in tmp_path.iterdir()] == [Path(saved).name]


def test_where_the_graph_cannot_be_saved_the_packaged_one_is_loaded(tmp_path: Path) -> None:
    from knowledge.minilm import MiniLMEmbedder, optimised_model

    source = MiniLMEmbedder()._model
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    assert optimised_model(source, blocked) == source
    assert optimised_model(source, tmp_path / "a" / "b") != source  # made when it can be
