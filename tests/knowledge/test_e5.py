"""multilingual-e5-small as `make install` builds it: the adapter, the build's refusals, and the
page ranking it gives both languages through the product's retriever."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from knowledge.e5 import E5Embedder, default_e5_dir, e5_installed
from knowledge.e5_build import BuildFailed, build_model
from knowledge.embeddings import EmbedderUnavailable, default_page_embedder
from knowledge.fusion import E5_PAGE_WEIGHTS, weights_for_pages
from knowledge.ingest import ingest
from knowledge.search import open_retriever
from tests.needs import missing

DEMO = Path(__file__).resolve().parents[2] / "knowledge" / "demo"


@pytest.fixture(scope="module")
def e5() -> E5Embedder:
    if not e5_installed():
        missing(f"the e5 model is not built in {default_e5_dir()}: run `make install`")
    return E5Embedder(default_e5_dir())


def test_vectors_are_unit_length_and_a_question_is_embedded_apart_from_a_passage(
    e5: E5Embedder,
) -> None:
    text = "Quand passent les éboueurs ?"
    query, passage = e5.embed_queries([text])[0], e5.embed([text])[0]
    assert query.shape == passage.shape == (384,)
    np.testing.assert_allclose([np.linalg.norm(query), np.linalg.norm(passage)], 1.0, rtol=1e-5)
    assert float(query @ passage) < 0.999  # "query: " and "passage: " make different vectors


def test_batches_give_nearly_the_vectors_of_one_text_at_a_time(e5: E5Embedder) -> None:
    texts = ["bins", "Où renouveler ma carte de stationnement résident ?", "word " * 600]
    together = e5.embed(texts)
    alone = np.vstack([e5.embed([t]) for t in texts])
    # int8 activations are scaled per run, so a batch moves a vector a little, never more:
    # measured 0.986 to 0.998 here.
    assert (together * alone).sum(axis=1).min() > 0.97


def test_a_question_is_nearest_its_page_in_either_language(e5: E5Embedder) -> None:
    pages = e5.embed(
        [
            "Bulky waste collection. Book a collection of furniture and large appliances.",
            "Residents' parking. Apply for a permit to park in your street.",
            "Library opening hours. The central library opens Monday to Saturday.",
            "Encombrants. Réservez l'enlèvement de vos meubles et gros appareils.",
            "Stationnement résidentiel. Demandez une carte de stationnement pour votre rue.",
            "Horaires de la médiathèque. La médiathèque centrale ouvre du lundi au samedi.",
        ]
    )
    for question, right in (
        ("How do I get rid of an old sofa?", 0),
        ("Can I get a permit to park near my home?", 1),
        ("what time does the library open on saturdays", 2),
        ("Comment me débarrasser d'un vieux canapé ?", 3),
        ("je peux me garer devant chez moi avec une carte ?", 4),
        ("À quelle heure ouvre la bibliothèque ?", 5),
    ):
        assert int(np.argmax(pages @ e5.embed_queries([question])[0])) == right, question


def test_the_default_page_embedder_is_e5_once_built(e5: E5Embedder) -> None:
    chosen = default_page_embedder()
    assert chosen is not None and chosen.name == e5.name
    assert weights_for_pages(e5.name).page_for("fr") == E5_PAGE_WEIGHTS["fr"]
    assert weights_for_pages(None).page_for("en") == 0.0  # MiniLM pages: French only


def test_a_missing_or_unfinished_model_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="make install"):
        E5Embedder(tmp_path / "nowhere")
    if e5_installed():  # a build that stopped before its manifest is not loaded
        half = tmp_path / "half"
        shutil.copytree(default_e5_dir(), half)
        (half / "manifest.json").unlink()
        with pytest.raises(EmbedderUnavailable, match=r"manifest\.json is missing"):
            E5Embedder(half)
        # A build from before the word table left the graph (no words.npy): rebuilt by make.
        (half / "manifest.json").write_text('{"files": {}}', encoding="utf-8")
        (half / "words.npy").unlink()
        with pytest.raises(EmbedderUnavailable, match=r"words\.npy is missing.*make install"):
            E5Embedder(half)


def test_the_build_refuses_a_model_file_it_was_not_written_for(tmp_path: Path) -> None:
    forged = tmp_path / "e5-small-q4.bin"
    forged.write_bytes(b"E5S1" + bytes(100))
    with pytest.raises(BuildFailed, match="sha256"):
        build_model(tmp_path / "out", forged)
    assert not (tmp_path / "out").exists()


def test_the_demo_pages_are_ranked_by_e5_openings_in_both_languages(
    e5: E5Embedder, tmp_path: Path
) -> None:
    from knowledge.embeddings import default_embedder

    minilm = default_embedder()
    if minilm is None:
        missing("the embeddings extra is missing")
    ingest(DEMO, tmp_path / "index", embedder=minilm, embed_languages={"en"}, page_embedder=e5)
    retriever = open_retriever(tmp_path / "index", embedder=minilm, page_embedder=e5)
    assert retriever.page_ranker == e5.name
    meta = json.loads(next((tmp_path / "index").rglob("page_vectors.json")).read_text("utf-8"))
    assert meta["embedder"] == e5.name
    # A build made without e5 has no e5 page vectors: no page ranking, never another model's.
    plain = tmp_path / "plain"
    ingest(DEMO, plain, embedder=minilm, embed_languages={"en"})
    assert open_retriever(plain, embedder=minilm, page_embedder=e5).page_ranker is None
