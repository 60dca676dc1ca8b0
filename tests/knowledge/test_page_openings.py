"""Pages ranked by their openings' vectors, fused into the lexical ranking where chunks are not
embedded (French): a page BM25 misses for a question in other words joins the ranking."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from knowledge.chunking import Chunk
from knowledge.embeddings import normalise
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from knowledge.layout import current_build
from knowledge.page_openings import WORDS, PageVectors, openings
from knowledge.search import LEXICAL_FALLBACK, open_retriever

# Words that mean the same thing share a dimension: a tiny embedder that knows synonyms,
# which BM25 does not.
CONCEPTS = {"vélo": 0, "bicyclette": 0, "vélos": 0, "bicyclettes": 0, "location": 1, "louer": 1}


class SynonymEmbedder:
    name = "synonyms-8"
    dim = 8

    def __init__(self) -> None:
        self.broken = False

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if self.broken:
            from knowledge.embeddings import EmbedderUnavailable

            raise EmbedderUnavailable("the embedding server is down")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, CONCEPTS.get(word, 2 + len(word) % 6)] += 1.0
        return normalise(out)


PAGES = {
    "fr/bicyclettes.md": '---\ntitle: "Bicyclettes en libre service"\nlang: "fr"\n---\n\n'
    "Empruntez une bicyclette de la ville à une borne, pour une heure ou une journée.\n",
    "fr/voirie.md": '---\ntitle: "Travaux de voirie"\nlang: "fr"\n---\n\n'
    "Les travaux de la rue Haute durent jusqu'en mars. Les pistes pour vélo restent ouvertes.\n",
    "fr/piscine.md": '---\ntitle: "Piscine municipale"\nlang: "fr"\n---\n\n'
    "La piscine ouvre du lundi au samedi. Les enfants de moins de six ans entrent gratuitement.\n",
    "en/bikes.md": '---\ntitle: "Bike hire"\nlang: "en"\n---\n\nHire a city bike at any dock.\n',
}


@pytest.fixture
def index(tmp_path: Path) -> Path:
    kb = tmp_path / "kb"
    for name, text in PAGES.items():
        (kb / name).parent.mkdir(parents=True, exist_ok=True)
        (kb / name).write_text(text, encoding="utf-8")
    ingest(kb, tmp_path / "index", embedder=SynonymEmbedder(), embed_languages={"en"})
    return tmp_path / "index"


def test_a_page_in_other_words_joins_the_french_ranking(index: Path) -> None:
    question = "vélo"  # the bicyclettes page never says it; BM25 finds only the roadworks page
    lexical = open_retriever(index).rank_documents(question, "fr")
    assert lexical == ["fr/voirie"]
    fused = open_retriever(index, embedder=SynonymEmbedder()).rank_documents(question, "fr")
    assert fused[:2] == ["fr/voirie", "fr/bicyclettes"]
    assert "en/bikes" not in fused  # pages of the question's language only
    weights = FusionWeights(page={})
    off = open_retriever(index, embedder=SynonymEmbedder(), weights=weights)
    assert off.rank_documents(question, "fr") == lexical


def test_an_embedder_down_ranks_by_bm25_alone_and_says_so(index: Path) -> None:
    embedder = SynonymEmbedder()
    retriever = open_retriever(index, embedder=embedder)
    embedder.broken = True
    result = retriever.retrieve("vélo", "fr")
    assert result.fallback_reason == LEXICAL_FALLBACK
    assert [p.doc_id for p in result.passages] == ["fr/voirie"]


def test_another_embedders_build_or_a_damaged_file_means_no_page_ranking(index: Path) -> None:
    build = current_build(index)
    assert build is not None
    from knowledge.chunkstore import read_chunks

    chunks = read_chunks(build.chunks)
    assert PageVectors.load(build.page_vectors, build.page_meta, chunks, "synonyms-8") is not None
    assert PageVectors.load(build.page_vectors, build.page_meta, chunks, "other") is None
    build.page_vectors.write_bytes(b"not numpy")
    assert PageVectors.load(build.page_vectors, build.page_meta, chunks, "synonyms-8") is None
    # The retriever still opens and ranks lexically.
    ranked = open_retriever(index, embedder=SynonymEmbedder()).rank_documents("vélo", "fr")
    assert ranked == ["fr/voirie"]


def _chunk(doc: str, text: str, title: str = "Titre") -> Chunk:
    return Chunk(f"{doc}#{len(text)}", doc, title, "", "fr", "", text)


def test_an_opening_is_the_title_then_the_first_words_across_chunks() -> None:
    long = " ".join(f"mot{i}" for i in range(WORDS + 10))
    chunks = [_chunk("a", "un deux"), _chunk("b", long, "B"), _chunk("a", long), _chunk("b", "x")]
    positions, texts = openings(chunks)
    assert positions == [0, 1]
    assert texts[0].startswith("Titre. un deux mot0 ") and len(texts[0].split()) == 1 + WORDS
    assert texts[1] == "B. " + " ".join(f"mot{i}" for i in range(WORDS))


def _page_vectors(index: Path) -> tuple[list[Chunk], PageVectors]:
    """The build's chunks and its page vectors, as the retriever loads them."""
    from knowledge.chunkstore import read_chunks

    build = current_build(index)
    assert build is not None
    chunks = read_chunks(build.chunks)
    pages = PageVectors.load(build.page_vectors, build.page_meta, chunks, "synonyms-8")
    assert pages is not None
    return chunks, pages


def test_a_language_without_pages_gets_no_page_from_another_language(index: Path) -> None:
    chunks, pages = _page_vectors(index)
    query = SynonymEmbedder().embed(["location de vélo"])[0]
    french = {chunks[int(p)].doc_id for p in pages.search(query, "fr", 10).positions}
    assert french == {"fr/bicyclettes", "fr/voirie", "fr/piscine"}
    assert not len(pages.search(query, "de", 10))  # no German page: none, not the others'
    assert len(pages.search(query, None, 10)) == 4  # no language given: every page


def test_each_language_is_searched_in_place_not_copied_per_question(index: Path) -> None:
    # The pages of a language are one block of the matrix: a question reads a view of it, where
    # indexing the rows copied every page vector per question (5 ms at 20,000 pages).
    chunks, pages = _page_vectors(index)
    for lang in ("fr", "en"):
        block = pages.block(lang)
        assert block is not None and np.shares_memory(block, pages.vectors)
        assert {chunks[int(p)].lang for p in pages.positions[pages.by_lang[lang]]} == {lang}
    assert pages.block("de") is None


class SynonymPages(SynonymEmbedder):
    """The same tiny model as a page ranker of its own (e5's role): it embeds page openings
    and, apart, questions, and counts the questions it was asked."""

    name = "synonym-pages-8"

    def __init__(self) -> None:
        super().__init__()
        self.questions = 0

    def embed_queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.questions += len(texts)
        return self.embed(texts)


ENGLISH = {
    "en/pool.md": '---\ntitle: "Swimming pool"\nlang: "en"\n---\n\nThe pool opens at seven.\n',
    "en/roads.md": '---\ntitle: "Roadworks"\nlang: "en"\n---\n\n'
    "Roadworks on the high street last until March; bike lanes stay open.\n",
    "en/wheels.md": '---\ntitle: "Cycle rental"\nlang: "en"\n---\n\nRent a cycle at a dock.\n',
}
CONCEPTS.update({"bike": 0, "cycle": 0, "rent": 1, "rental": 1})


class BlindEmbedder(SynonymEmbedder):
    """Chunk vectors that cannot tell texts apart: dense search ties, in chunk order."""

    name = "blind-8"

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return normalise(np.ones((len(texts), self.dim), dtype=np.float32))


def test_a_page_ranker_of_its_own_joins_the_english_hybrid_ranking(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    for name, text in ENGLISH.items():
        (kb / name).parent.mkdir(parents=True, exist_ok=True)
        (kb / name).write_text(text, encoding="utf-8")
    chunks, pages = BlindEmbedder(), SynonymPages()
    ingest(kb, tmp_path / "index", embedder=chunks, embed_languages={"en"}, page_embedder=pages)
    weights = FusionWeights(page={"en": 8.0})
    # Without it: BM25 finds the roadworks page ("bike"); the blind chunk vectors add the
    # other two in chunk order.
    alone = open_retriever(tmp_path / "index", embedder=chunks, weights=weights)
    assert alone.page_ranker is None
    assert alone.rank_documents("bike", "en") == ["en/roads", "en/pool", "en/wheels"]
    # With it, the cycle-rental page, which never says "bike", comes before the pool.
    with_pages = open_retriever(
        tmp_path / "index", embedder=chunks, page_embedder=pages, weights=weights
    )
    assert with_pages.page_ranker == "synonym-pages-8"
    assert with_pages.rank_documents("bike", "en") == ["en/roads", "en/wheels", "en/pool"]
    assert pages.questions == 1
    # The page ranker down: the hybrid ranking as it was, and no fallback reported (the chunk
    # vectors still ranked the question).
    pages.broken = True
    result = with_pages.retrieve("bike", "en")
    assert result.fallback_reason is None and result.ranked_by == "hybrid"
    assert [p.doc_id for p in result.passages] == ["en/roads", "en/pool", "en/wheels"]


def test_a_large_languages_pages_are_searched_on_an_approximate_index(index: Path) -> None:
    # At 1,000,000 chunks the exact scan of 200,000 page openings read 307 MB per question:
    # a language with at least the index's size of pages gets faiss, re-scored exactly; a
    # smaller one stays on the exact scan. The ranking is the exact one either way.
    from knowledge.ann_store import ApproximateVectorStore

    named: list[str] = []

    def page_index(build: str) -> ApproximateVectorStore:
        named.append(build)
        return ApproximateVectorStore(3)  # French has 3 pages, English 1

    exact = open_retriever(index, embedder=SynonymEmbedder())
    indexed = open_retriever(index, embedder=SynonymEmbedder(), page_index=page_index)
    build = current_build(index)
    assert build is not None and named == [f"{build.root.name}-pages"]
    assert exact.approximate_page_languages == []
    assert indexed.approximate_page_languages == ["fr"]
    for question in ("location de vélo", "piscine pour les enfants", "travaux rue Haute"):
        assert indexed.rank_documents(question, "fr") == exact.rank_documents(question, "fr")
        assert (
            indexed.retrieve(question, "fr").confidence == exact.retrieve(question, "fr").confidence
        )
    assert indexed.rank_documents("bike", "en") == exact.rank_documents("bike", "en")


def test_an_index_that_is_exact_for_every_language_is_not_kept(index: Path) -> None:
    from knowledge.ann_store import ApproximateVectorStore

    retriever = open_retriever(
        index, embedder=SynonymEmbedder(), page_index=lambda _: ApproximateVectorStore(50_000)
    )
    assert retriever.approximate_page_languages == []
    exact = open_retriever(index, embedder=SynonymEmbedder())
    question = "location de vélo"
    assert retriever.rank_documents(question, "fr") == exact.rank_documents(question, "fr")
