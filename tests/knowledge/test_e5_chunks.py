"""The chunks of every language get multilingual-e5's passage vectors when e5 ranks the pages
(issue 17 for French, then English: `EmbedderChoice.embed_languages` empty): recorded per
language in the build, searched with the one "query: " vector the page ranker computes anyway.
With OPENCOUNTER_ENGLISH_CHUNKS=minilm (embed_languages {"en"}), and in an index ingested before
the English switch, English keeps MiniLM. Real models, no stand-ins."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from knowledge.chunkstore import read_chunks
from knowledge.confidence import E5_HYBRID, HYBRID
from knowledge.e5 import E5Embedder, default_e5_dir, e5_installed
from knowledge.embeddings import Embedder, SameForQueries, Vectors, default_embedder
from knowledge.fusion import (
    E5_CHUNK_WEIGHT,
    E5_CHUNK_WEIGHTS,
    E5_PAGE_WEIGHTS,
    FusionWeights,
    weights_for_pages,
)
from knowledge.index_build import languages_without
from knowledge.ingest import ingest
from knowledge.layout import current_build
from knowledge.search import open_retriever
from tests.needs import missing

FRENCH = "Combien coûte la carte de stationnement résident ?"
ENGLISH = "How much does a residents' parking permit cost?"


class CountingE5(E5Embedder):
    """The built e5 model, counting the texts it embeds as questions and as passages."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.queries: list[str] = []
        self.passages = 0

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.passages += len(texts)
        return super().embed(texts)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        self.queries.extend(texts)
        return super().embed_queries(texts)


class CountingMiniLM(SameForQueries):
    """MiniLM as `default_embedder` gives it, counting the texts it embeds."""

    def __init__(self, inner: Embedder) -> None:
        super().__init__(inner)
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.texts.extend(texts)
        return super().embed(texts)


@pytest.fixture(scope="module")
def e5() -> CountingE5:
    if not e5_installed():
        missing(f"the e5 model is not built in {default_e5_dir()}: run `make install`")
    return CountingE5(default_e5_dir())


@pytest.fixture
def minilm() -> CountingMiniLM:
    found = default_embedder()
    if found is None:
        missing("the embeddings extra is missing")
    return CountingMiniLM(found)


def test_the_weights_give_french_e5_chunks_a_dense_weight_only_where_they_exist() -> None:
    e5_name = "multilingual-e5-small-int8-onnx-0123456789ab"
    with_chunks = weights_for_pages(e5_name, {"fr"})
    assert with_chunks.dense_for("fr") == E5_CHUNK_WEIGHT == 1.5
    assert with_chunks.page_for("fr") == E5_PAGE_WEIGHTS["fr"] == 3.0
    assert with_chunks.dense_for("en") == FusionWeights().dense_for("en")  # English: MiniLM's
    without = weights_for_pages(e5_name)
    assert without.dense_for("fr") == 0.0 and without.page_for("fr") == 3.0  # as before
    assert weights_for_pages(None, {"fr"}) == FusionWeights()  # no e5: nothing changes
    # English chunks on e5: the weight CV chose for them, not MiniLM's.
    both = weights_for_pages(e5_name, {"en", "fr"})
    assert both.dense_for("en") == E5_CHUNK_WEIGHTS["en"] != FusionWeights().dense_for("en")
    assert both.dense_for("fr") == E5_CHUNK_WEIGHT and both.page_for("en") == 3.0


def test_the_demo_index_holds_minilm_english_and_e5_french_chunk_vectors(
    demo_index: Path, e5: CountingE5, minilm: CountingMiniLM
) -> None:
    # As `opencounter ingest` does by default (OPENCOUNTER_ENGLISH_CHUNKS=minilm).
    build = current_build(demo_index)
    assert build is not None
    meta = build.read_meta()
    assert meta.chunk_models == {"en": minilm.name, "fr": e5.name}
    assert meta.embedder == minilm.name
    chunks = read_chunks(build.chunks)
    vectors = np.load(build.vectors)
    french = [i for i, c in enumerate(chunks) if c.lang == "fr"]
    english = [i for i, c in enumerate(chunks) if c.lang == "en"]
    assert french and english and np.abs(vectors[french + english]).sum(axis=1).min() > 0
    # Each row is its own model's vector of the chunk.
    first_fr, first_en = chunks[french[0]], chunks[english[0]]
    assert float(vectors[french[0]] @ e5.embed([first_fr.index_text()])[0]) > 0.97
    assert float(vectors[english[0]] @ minilm.embed([first_en.index_text()])[0]) > 0.97
    assert languages_without(build, e5.name, ("en",)) == []


def test_a_french_question_is_embedded_once_for_its_chunks_and_its_pages(
    kb: Path, tmp_path: Path, e5: CountingE5, minilm: CountingMiniLM
) -> None:
    index = tmp_path / "index"
    ingest(
        kb, index, embedder=minilm, embed_languages={"en"}, page_embedder=e5, passage_embedder=e5
    )
    retriever = open_retriever(index, embedder=minilm, page_embedder=e5)
    assert retriever.chunk_models == {"en": minilm.name, "fr": e5.name}
    e5.queries.clear()
    minilm.texts.clear()
    result = retriever.retrieve(FRENCH, "fr", k=3)
    assert e5.queries == [FRENCH]  # one "query: " vector: the chunk search and the page ranker
    assert minilm.texts == []  # MiniLM never embeds a French question
    assert result.passages[0].doc_id == "fr/stationnement"
    # Its confidence stays the lexical model's (fitted before; e5 cosines are not MiniLM's).
    assert result.ranked_by == "lexical"
    # The French search reads only e5 vectors: with no language given, the guessed one.
    e5.queries.clear()
    assert retriever.rank_documents(FRENCH)[0] == "fr/stationnement"
    assert e5.queries == [FRENCH]
    # English: MiniLM embeds the question for the chunks, e5 once for the pages, as before.
    e5.queries.clear()
    english = retriever.retrieve(ENGLISH, "en", k=3)
    assert minilm.texts == [ENGLISH] and e5.queries == [ENGLISH]
    assert english.ranked_by == "hybrid" and english.passages[0].doc_id == "en/parking-permits"


def test_english_is_ranked_as_before_and_re_ingest_embeds_only_what_changed(
    kb: Path, tmp_path: Path, e5: CountingE5, minilm: CountingMiniLM
) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    ingest(kb, before, embedder=minilm, embed_languages={"en"}, page_embedder=e5)
    ingest(kb, after, embedder=minilm, embed_languages={"en"}, page_embedder=e5)
    minilm.texts.clear()
    e5.passages = 0
    report = ingest(
        kb, after, embedder=minilm, embed_languages={"en"}, page_embedder=e5, passage_embedder=e5
    )
    # The same pages, now with e5 for French: only the French chunks are embedded (by e5).
    build = current_build(after)
    assert build is not None
    french = [c for c in read_chunks(build.chunks) if c.lang == "fr"]
    assert minilm.texts == [] and e5.passages == len(french) and report.chunk_count > len(french)
    e5.passages = 0
    ingest(
        kb, after, embedder=minilm, embed_languages={"en"}, page_embedder=e5, passage_embedder=e5
    )
    assert e5.passages == 0 and minilm.texts == []  # nothing changed: nothing embedded
    old = open_retriever(before, embedder=minilm, page_embedder=e5)
    new = open_retriever(after, embedder=minilm, page_embedder=e5)
    assert old.chunk_models == {"en": minilm.name, "fr": ""}  # French: no chunk vectors
    for question in (ENGLISH, "When are the bins emptied?", "sofa collection fee"):
        assert old.retrieve(question, "en") == new.retrieve(question, "en"), question


def test_a_build_made_before_the_models_were_recorded_is_named_and_not_searched_in_french(
    kb: Path, tmp_path: Path, e5: CountingE5, minilm: CountingMiniLM
) -> None:
    index = tmp_path / "index"
    ingest(kb, index, embedder=minilm, embed_languages={"en"}, page_embedder=e5)
    build = current_build(index)
    assert build is not None
    meta = json.loads(build.meta.read_text("utf-8"))
    del meta["chunk_models"]  # as every build written before this change
    build.meta.write_text(json.dumps(meta), "utf-8")
    assert languages_without(build, e5.name, {"en"}) == ["fr"]
    retriever = open_retriever(index, embedder=minilm, page_embedder=e5)
    assert retriever.chunk_models["fr"] == ""  # French: BM25, the prior and e5 page openings
    e5.queries.clear()
    minilm.texts.clear()
    assert retriever.rank_documents(FRENCH, "fr")[0] == "fr/stationnement"
    assert e5.queries == [FRENCH] and minilm.texts == []


def test_an_english_question_is_embedded_once_and_minilm_is_never_loaded(
    kb: Path, tmp_path: Path, e5: CountingE5
) -> None:
    from knowledge.minilm import MiniLMEmbedder

    fresh = MiniLMEmbedder()  # not the process's shared one: other tests load that
    minilm = CountingMiniLM(fresh)
    index = tmp_path / "index"
    ingest(
        kb,
        index,
        embedder=minilm,
        embed_languages=frozenset(),
        page_embedder=e5,
        passage_embedder=e5,
    )
    assert minilm.texts == []  # e5 embedded every chunk
    retriever = open_retriever(index, embedder=minilm, page_embedder=e5)
    assert retriever.chunk_models == {"en": e5.name, "fr": e5.name}
    e5.queries.clear()
    result = retriever.retrieve(ENGLISH, "en", k=3)
    # One "query: " vector serves the chunk search and the page ranker; MiniLM never runs.
    assert e5.queries == [ENGLISH] and minilm.texts == [] and not fresh.loaded
    assert result.passages[0].doc_id == "en/parking-permits"
    # Scored by the hybrid model fitted on e5's English cosines, not MiniLM's HYBRID.
    assert result.ranked_by == "hybrid"
    e5.queries.clear()
    ranked = retriever.rank_with_signals(ENGLISH, "en", 5)
    assert e5.queries == [ENGLISH]
    signals = ranked.signals
    assert signals is not None and signals.cosine is not None and signals.cosine > 0.5
    assert signals.model is E5_HYBRID["en"] and signals.model != HYBRID
    assert ranked.confidence == pytest.approx(E5_HYBRID["en"](signals.coverage, signals.cosine))
    assert ranked.confidence == pytest.approx(result.confidence)
    # French: one embedding too, and still the lexical confidence (no e5 fit for French).
    e5.queries.clear()
    french = retriever.retrieve(FRENCH, "fr", k=3)
    assert e5.queries == [FRENCH] and french.ranked_by == "lexical" and not fresh.loaded


def test_an_index_with_minilm_english_chunks_is_searched_with_minilm_until_re_ingested(
    kb: Path, tmp_path: Path, e5: CountingE5, minilm: CountingMiniLM
) -> None:
    index = tmp_path / "index"
    # As every index ingested before English chunks got e5 vectors.
    ingest(
        kb, index, embedder=minilm, embed_languages={"en"}, page_embedder=e5, passage_embedder=e5
    )
    build = current_build(index)
    assert build is not None
    assert languages_without(build, e5.name, ()) == ["en"]  # what serve names stale
    before = open_retriever(index, embedder=minilm, page_embedder=e5)
    assert before.chunk_models == {"en": minilm.name, "fr": e5.name}
    minilm.texts.clear()
    e5.queries.clear()
    old = before.retrieve(ENGLISH, "en", k=3)
    assert minilm.texts == [ENGLISH] and e5.queries == [ENGLISH]  # as before: two embeddings
    ranked = before.rank_with_signals(ENGLISH, "en", 5)
    assert ranked.signals is not None and ranked.signals.model is None  # MiniLM's HYBRID
    assert old.ranked_by == "hybrid" and old.passages[0].doc_id == "en/parking-permits"
    # Ingested again: only the English chunks are embedded (by e5), the French ones re-used.
    english = [c for c in read_chunks(build.chunks) if c.lang == "en"]
    minilm.texts.clear()
    e5.passages = 0
    ingest(
        kb,
        index,
        embedder=minilm,
        embed_languages=frozenset(),
        page_embedder=e5,
        passage_embedder=e5,
    )
    assert minilm.texts == [] and e5.passages == len(english)
    rebuilt = current_build(index)
    assert rebuilt is not None and languages_without(rebuilt, e5.name, ()) == []
    after = open_retriever(index, embedder=minilm, page_embedder=e5)
    e5.queries.clear()
    new = after.retrieve(ENGLISH, "en", k=3)
    assert minilm.texts == [] and e5.queries == [ENGLISH]
    assert new.passages[0].doc_id == "en/parking-permits"
