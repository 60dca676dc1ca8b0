"""Open a built index and answer questions from it: BM25, dense, fused, with confidence."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from knowledge.chunking import Chunk
from knowledge.chunkstore import read_chunks
from knowledge.confidence import E5_HYBRID, HYBRID, LEXICAL_ONLY, ConfidenceModel
from knowledge.embeddings import (
    Embedder,
    EmbedderUnavailable,
    PageEmbedder,
    SameForQueries,
    Vectors,
)
from knowledge.fusion import (
    FusionWeights,
    embeds_passages,
    rrf,
    weights_for_pages,
    with_document_prior,
)
from knowledge.languages import guess_language
from knowledge.layout import BuildMeta, BuildPaths, current_build
from knowledge.lexical import LexicalIndex
from knowledge.page_openings import PageVectors
from knowledge.published import PublishedContacts, published_contacts
from knowledge.ranking import Hits
from knowledge.types import KnowledgeBaseUnavailable, Passage, RetrievalResult
from knowledge.vector_store import (
    ExactVectorStore,
    VectorStore,
    VectorStoreUnavailable,
    cosine_scores,
)

CANDIDATES = 100  # per ranking, before fusion
# RetrievalResult.fallback_reason when the embedder failed on a question: BM25 ranked it alone.
LEXICAL_FALLBACK = "lexical_fallback"

LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Dense:
    embedder: Embedder
    store: VectorStore
    vectors: Vectors  # by chunk position, to score the best passage without re-embedding it
    # The languages whose chunks hold the embedder's vectors; None: every language (a build
    # made before BuildMeta.chunk_models, whose other languages' rows are zeros).
    own: frozenset[str] | None = None
    # The languages whose chunks hold the page ranker's e5 "passage: " vectors: searched with
    # its "query: " vector, the one the page ranker computes for the question anyway.
    passages: frozenset[str] = frozenset()

    def serves(self, lang: str) -> bool:
        return self.own is None or lang in self.own or lang in self.passages


@dataclass(frozen=True)
class _Pages:
    embedder: PageEmbedder
    vectors: PageVectors
    # An approximate index of the page vectors (its ids are their rows), for the languages it
    # holds approximately: at 1,000,000 chunks the exact scan of 200,000 page openings read
    # 307 MB per question; on the index the hybrid p95 went 52-54 -> 28-30 ms
    # (benchmarks/README.md).
    index: VectorStore | None = None
    approximate: frozenset[str] = frozenset()

    def search(self, query: Vectors, lang: str, n: int) -> Hits:
        """Pages by cosine with the question, as their first chunk's position."""
        if self.index is None or lang not in self.approximate:
            return self.vectors.search(query, lang, n)
        rows = self.index.search(query, lang, n).positions
        # Re-scored with the float32 vectors, as the chunks' candidates are (rescored_exactly).
        scores = cosine_scores(self.vectors.vectors[rows], query)
        order = np.lexsort((rows, -scores))
        return Hits(self.vectors.positions[rows[order]], scores[order])


@dataclass(frozen=True)
class Signals:
    """What the confidence is computed from, for the best passage."""

    coverage: float  # IDF-weighted share of question terms present in it
    # The cosine the confidence model reads; None in lexical mode. MiniLM's HYBRID: the
    # question's with the best passage; E5_HYBRID's: the question's with the nearest chunk.
    cosine: float | None
    # The model the cosine is scored with: None for MiniLM's HYBRID (or LEXICAL_ONLY without a
    # cosine); knowledge.confidence.E5_HYBRID's for a language whose chunks hold e5 vectors.
    model: ConfidenceModel | None = None


class _Ranking(NamedTuple):
    hits: Hits
    cosine: float | None  # the confidence's cosine (Signals.cosine), None when BM25 ranked alone
    fallback: str | None  # why dense search was skipped, if it was
    model: ConfidenceModel | None = None  # scores the cosine; None: MiniLM's HYBRID


@dataclass(frozen=True)
class RankedDocuments:
    doc_ids: list[str]
    signals: Signals | None  # None when nothing matched
    confidence: float


class HybridRetriever:
    """Implements knowledge.types.Retriever over one build; everything is loaded up front."""

    def __init__(
        self,
        chunks: list[Chunk],
        lexical: LexicalIndex,
        documents: LexicalIndex,
        meta: BuildMeta,
        dense: _Dense | None,
        weights: FusionWeights,
        pages: _Pages | None = None,
        queries: PageEmbedder | None = None,
    ) -> None:
        self._chunks = chunks
        self._lexical = lexical
        self._documents = documents
        self._doc_of = [c.doc_id for c in chunks]
        self._meta = meta
        self._dense = dense
        self._weights = weights
        self._pages = pages
        # Embeds the questions of the languages whose chunks hold e5 passage vectors.
        self._queries = queries
        self._published: PublishedContacts | None = None

    def published_contacts(self) -> PublishedContacts:
        """The phone numbers and e-mail addresses printed in this build's pages (read once)."""
        if self._published is None:
            self._published = published_contacts(c.text for c in self._chunks)
        return self._published

    @property
    def kb_version(self) -> str:
        return self._meta.version_id

    @property
    def page_ranker(self) -> str | None:
        """The embedder whose page vectors are fused in, or None (no page ranking)."""
        return self._pages.embedder.name if self._pages is not None else None

    @property
    def chunk_models(self) -> dict[str, str]:
        """The model each language's chunks are searched with; "" where dense search is off
        (no vectors, or no dense weight)."""
        dense = self._dense
        return {
            lang: (
                ""
                if dense is None or not dense.serves(lang) or self._weights.dense_for(lang) <= 0
                else self._queries.name
                if lang in dense.passages and self._queries is not None
                else dense.embedder.name
            )
            for lang in self.languages
        }

    @property
    def approximate_page_languages(self) -> list[str]:
        """The languages whose page openings are searched on an approximate index."""
        return sorted(self._pages.approximate) if self._pages is not None else []

    @property
    def lexical_only(self) -> bool:
        """True when no embedder is in use: say so at start, answers rest on BM25 alone."""
        return self._dense is None

    @property
    def vector_store(self) -> VectorStore | None:
        """The store dense search runs on; None in lexical-only mode."""
        return self._dense.store if self._dense is not None else None

    @property
    def languages(self) -> tuple[str, ...]:
        return self._lexical.languages

    def retrieve(self, question: str, lang: str | None = None, k: int = 5) -> RetrievalResult:
        ranking = self._ranked(question, lang, max(k, CANDIDATES))
        hits = ranking.hits
        passages = tuple(
            self._passage(p, s) for p, s in zip(hits.positions[:k], hits.scores[:k], strict=True)
        )
        confidence = self._score(self._signals(question, ranking))
        ranked_by = "lexical" if ranking.cosine is None else "hybrid"
        return RetrievalResult(
            passages, confidence, self._meta.version_id, ranking.fallback, ranked_by
        )

    def rank_documents(self, question: str, lang: str | None = None, k: int = 10) -> list[str]:
        """Document ids best first (each once), as the retrieval eval scores them."""
        return self.rank_with_signals(question, lang, k).doc_ids

    def rank_with_signals(
        self, question: str, lang: str | None = None, k: int = 10
    ) -> RankedDocuments:
        """Document ids best first, with the confidence and the signals it was computed from."""
        ranking = self._ranked(question, lang, CANDIDATES)
        seen: dict[str, None] = {}
        for position in ranking.hits.positions.tolist():
            seen.setdefault(self._chunks[position].doc_id, None)
            if len(seen) == k:
                break
        signals = self._signals(question, ranking)
        return RankedDocuments(list(seen), signals, self._score(signals))

    def _ranked(self, question: str, lang: str | None, n: int) -> _Ranking:
        """The ranking, the best passage's cosine (with the confidence model it is scored
        with), and why dense search was skipped, if it was."""
        language = lang or guess_language(question)
        dense_weight = self._weights.dense_for(language)
        dense_on = self._dense is not None and dense_weight > 0 and self._dense.serves(language)
        by_passages = dense_on and self._dense is not None and language in self._dense.passages
        # The page ranker embeds the question on a worker thread from the start, while BM25
        # searches and then the chunk embedder runs here (onnxruntime releases the GIL): a
        # question costs the slower of the two paths, not their sum (benchmarks/README.md,
        # "e5 page openings" and "1,000,000 chunks with e5"). Where the chunks hold e5 passage
        # vectors, that one "query: " vector serves the chunk search too: one embedding.
        page_query = self._page_query_soon(question, language, by_passages)
        lexical = self._lexical.search(question, lang, n)
        if self._dense is None or not dense_on:
            ranked = self._lexical_ranking(question, lang, lexical, n)
            if self._weights.page_for(language) > 0 and self._weights.document_prior <= 0:
                ranked = rrf([(ranked, self._weights.lexical)], n)  # BM25 scores: RRF's scale
            with_pages, failed = self._with_pages(question, language, ranked, n, page_query)
            return _Ranking(with_pages, None, LEXICAL_FALLBACK if failed else None)
        if by_passages and page_query is not None:
            query = page_query.result()
        else:
            chunks_by = self._dense.embedder
            dim = self._dense.vectors.shape[1]
            query = _query_vector(chunks_by.embed, chunks_by.name, dim, question)
        if query is None:
            return _Ranking(
                self._lexical_ranking(question, lang, lexical, n), None, LEXICAL_FALLBACK
            )
        # Each language's rows are one model's: with two models in the build, a question with
        # no language is searched in the one guessed, never with the other model's vectors.
        where = lang if lang is not None or not self._dense.passages else language
        try:
            dense = self._dense.store.search(query, where, n)
        except VectorStoreUnavailable as exc:
            LOG.warning("vector store failed, ranking the question by BM25 alone: %s", exc)
            return _Ranking(
                self._lexical_ranking(question, lang, lexical, n), None, LEXICAL_FALLBACK
            )
        if getattr(self._dense.store, "scores_are_approximate", False):
            dense = rescored_exactly(dense, self._dense.vectors, query)
        fused = rrf([(lexical, self._weights.lexical), (dense, dense_weight)], n)
        best = int(fused.positions[0]) if len(fused) else -1  # before the pages': HYBRID's
        # The page ranker failing leaves the hybrid ranking as it was: no fallback to report.
        fused, _ = self._with_pages(question, language, fused, n, page_query)
        if not by_passages:
            cosine = float(self._dense.vectors[best] @ query) if best >= 0 else None
            return _Ranking(fused, cosine, None)
        # HYBRID was fitted on MiniLM's cosines (knowledge.confidence). A language ranked with
        # e5 chunk vectors is scored by its own e5 fit, which reads the nearest chunk's cosine
        # (the best fused passage's told e5's hits from misses less well: E5_HYBRID), or keeps
        # the lexical model and its threshold where it has no fit (French).
        model = E5_HYBRID.get(language)
        if model is None or not len(dense):
            return _Ranking(fused, None, None)
        nearest = float(self._dense.vectors[int(dense.positions[0])] @ query)
        return _Ranking(fused, nearest, None, model)

    def _page_query_soon(
        self, question: str, language: str, for_chunks: bool = False
    ) -> Future[Vectors | None] | None:
        """The page ranker's question vector, started on a worker thread; None when neither
        the language's page weight nor its e5 chunk vectors need it."""
        for_pages = self._pages is not None and self._weights.page_for(language) > 0
        if not (for_pages or for_chunks):
            return None
        return _page_queries().submit(self._page_query, question)

    def _page_query(self, question: str) -> Vectors | None:
        if self._pages is not None:
            pages_by = self._pages.embedder
            dim = self._pages.vectors.vectors.shape[1]
        else:  # e5 chunk vectors without e5 page vectors: the query model is the same
            assert self._queries is not None
            pages_by, dim = self._queries, self._queries.dim
        return _query_vector(pages_by.embed_queries, pages_by.name, dim, question)

    def _with_pages(
        self,
        question: str,
        language: str,
        ranked: Hits,
        n: int,
        started: Future[Vectors | None] | None = None,
    ) -> tuple[Hits, bool]:
        """The ranking with the pages' opening vectors fused in where the language has a page
        weight, and whether the page embedder failed (the ranking is then returned as it was)."""
        weight = self._weights.page_for(language)
        if self._pages is None or weight <= 0:
            return ranked, False
        query = started.result() if started is not None else self._page_query(question)
        if query is None:
            return ranked, True
        pages = self._pages.search(query, language, n)
        return with_document_prior(ranked, pages, weight, self._doc_of, n), False

    def _lexical_ranking(self, question: str, lang: str | None, lexical: Hits, n: int) -> Hits:
        if self._weights.document_prior <= 0:
            return lexical
        lexical = rrf([(lexical, self._weights.lexical)], n)
        documents = self._documents.search(question, lang, n)
        prior = self._weights.document_prior
        return with_document_prior(lexical, documents, prior, self._doc_of, n)

    def _signals(self, question: str, ranking: _Ranking) -> Signals | None:
        hits, cosine = ranking.hits, ranking.cosine
        if not len(hits):
            return None
        best = self._chunks[int(hits.positions[0])]
        # Ranked by BM25 alone, the coverage is the whole confidence: the words a question is
        # asked with ("c'est quoi au juste", "pourriez-vous me dire"), on no page of a small
        # site, weighed there as the rarest terms and refused questions the best page answers
        # word for word. With a cosine the coverage keeps every term: the hybrid model was
        # calibrated so, and without them its coverage answered requests the guards let
        # through that the pages only brush (hol1..hol4: 7 more answered, 4 December 2026).
        coverage = self._lexical.coverage(
            question, best.index_text(), best.lang, subject_only=cosine is None
        )
        return Signals(coverage, cosine, ranking.model if cosine is not None else None)

    def _score(self, signals: Signals | None) -> float:
        if signals is None:
            return 0.0
        if signals.cosine is None:
            return LEXICAL_ONLY(signals.coverage)
        return (signals.model or HYBRID)(signals.coverage, signals.cosine)

    def _passage(self, position: int, score: float) -> Passage:
        c = self._chunks[int(position)]
        return Passage(
            chunk_id=c.chunk_id,
            doc_id=c.doc_id,
            title=c.title,
            url=c.url,
            lang=c.lang,
            text=c.text,
            section=c.section,
            last_reviewed=c.last_reviewed,
            score=float(score),
        )


@functools.cache
def _page_queries() -> ThreadPoolExecutor:
    """Threads that embed questions for the page ranker, shared by every retriever."""
    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="page-query")


def one_blas_thread() -> None:
    """Matrix products on the calling thread only, for this process (serve, eval).

    A question's chunk search (the exact scan's matrix product) runs while the page ranker
    embeds the question on a worker thread. OpenBLAS's pool keeps its threads spinning after
    each product, and on two cores they took the core the page query needed: at 100,000
    chunks, with this and PageVectors' per-language views, hybrid + e5 p95 30.9 -> 19.9 ms
    (faiss) and 35.8 -> 27.6 ms (exact scan) (benchmarks/README.md). Requests already run side
    by side on a server, so a product split across cores only oversubscribes them. onnxruntime
    and faiss keep their own threads."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def rescored_exactly(hits: Hits, vectors: Vectors, query: Vectors) -> Hits:
    """The hits re-ranked by their cosine with the query from the float32 vectors."""
    # An approximate store ranks by 8-bit codes: near ties swap. Its candidates re-scored with
    # the float32 vectors held here gave recall@10 1.000 against the exact scan at 100,000
    # (0.986 unscored; benchmarks/README.md), for a 100 × 384 product.
    scores = cosine_scores(vectors[hits.positions], query)
    order = np.lexsort((hits.positions, -scores))  # ties: the earlier chunk first
    return Hits(hits.positions[order], scores[order])


def _query_vector(
    embed: Callable[[Sequence[str]], Vectors], name: str, dim: int, question: str
) -> Vectors | None:
    """The question's vector, or None when the embedder failed, timed out or answered garbage.

    A network embedder bounds its own wait (the Ollama adapter's HTTP timeout) and raises
    EmbedderUnavailable; a vector of the wrong size or with NaN would break the search, so it
    counts as a failure too. Either way the question is ranked without it, and the log says so.
    """
    try:
        vectors = embed([question])
    except EmbedderUnavailable as exc:
        LOG.warning("embedder failed, ranking the question without it: %s", exc)
        return None
    expected = (1, dim)
    if vectors.shape != expected or not np.isfinite(vectors).all():
        LOG.warning(
            "embedder %s returned a %s array (expected %s, finite): ranked without it",
            name,
            vectors.shape,
            expected,
        )
        return None
    query: Vectors = vectors[0]
    return query


VectorStoreFactory = Callable[[str], VectorStore]


def open_retriever(
    index_dir: Path,
    *,
    embedder: Embedder | None = None,
    weights: FusionWeights | None = None,
    vector_store: VectorStoreFactory | None = None,
    page_embedder: PageEmbedder | None = None,
    page_index: VectorStoreFactory | None = None,
) -> HybridRetriever:
    """Load the current build of the index at index_dir.

    With an embedder whose vectors the build holds, retrieval is hybrid; otherwise lexical-only
    (check `.lexical_only`). The vectors are searched in memory, exactly, unless vector_store
    is given: it is called with the build's name (use it as the collection name) and filled
    from the build's vectors when empty. Pages are ranked by their openings with page_embedder
    (e5) when the build holds its vectors, else with the embedder's (French only), and the
    fusion weights default to the ones measured for that page ranker. `page_index` makes the
    in-memory store the page vectors are searched with (called with the build's name and
    "-pages"): its approximate languages are searched there, the others exactly. Raises
    KnowledgeBaseUnavailable when nothing has been ingested.
    """
    build = current_build(Path(index_dir))
    if build is None:
        raise KnowledgeBaseUnavailable(
            f"no knowledge base has been ingested in {index_dir}: "
            "run `opencounter ingest PATH` first"
        )
    try:
        meta = build.read_meta()
        chunks = read_chunks(build.chunks)
        lexical = LexicalIndex.load(build.lexical)
        documents = LexicalIndex.load(build.document_lexical)
    except (OSError, ValueError, KeyError) as exc:
        raise KnowledgeBaseUnavailable(
            f"the index in {index_dir} is unreadable ({exc}): run `opencounter ingest PATH` again"
        ) from exc
    dense = None
    pages = None
    if embedder is not None and meta.embedder == embedder.name and build.vectors.is_file():
        vectors = np.load(build.vectors)
        store = vector_store(build.root.name) if vector_store else ExactVectorStore()
        _keep_graphs(store, build.approximate / "chunks")
        _fill(store, vectors, [c.lang for c in chunks])
        dense = _Dense(embedder, store, vectors, *_chunk_languages(meta, embedder, page_embedder))
    ranker = page_embedder or (SameForQueries(dense.embedder) if dense is not None else None)
    if ranker is not None:
        found = PageVectors.load(build.page_vectors, build.page_meta, chunks, ranker.name)
        if found is not None:
            pages = _indexed_pages(ranker, found, page_index, build)
    e5_chunks = dense.passages if dense is not None else frozenset()
    queries = page_embedder if e5_chunks else None
    page_ranker = pages.embedder.name if pages else queries.name if queries else None
    weights = weights or weights_for_pages(page_ranker, e5_chunks)
    return HybridRetriever(chunks, lexical, documents, meta, dense, weights, pages, queries)


def _chunk_languages(
    meta: BuildMeta, embedder: Embedder, page_embedder: PageEmbedder | None
) -> tuple[frozenset[str] | None, frozenset[str]]:
    """The languages whose chunks hold the embedder's vectors (None: all, an older build) and
    those whose chunks hold the page embedder's e5 passage vectors."""
    if meta.chunk_models is None:
        return None, frozenset()
    own = frozenset(lang for lang, m in meta.chunk_models.items() if m == embedder.name)
    passages = frozenset(
        lang
        for lang, model in meta.chunk_models.items()
        if page_embedder is not None
        and model == page_embedder.name
        and model != embedder.name
        and embeds_passages(model)
    )
    return own, passages


def _indexed_pages(
    ranker: PageEmbedder,
    found: PageVectors,
    page_index: VectorStoreFactory | None,
    build: BuildPaths,
) -> _Pages:
    """The pages, with an approximate index for the languages large enough to get one."""
    if page_index is None:
        return _Pages(ranker, found)
    index = page_index(f"{build.root.name}-pages")
    _keep_graphs(index, build.approximate / "pages")
    langs = [""] * len(found.positions)
    for lang, rows in found.by_lang.items():
        langs[rows] = [lang] * (rows.stop - rows.start)
    _fill(index, found.vectors, langs)
    approximate = frozenset(getattr(index, "approximate_languages", list)())
    return _Pages(ranker, found, index if approximate else None, approximate)


def _keep_graphs(store: VectorStore, folder: Path) -> None:
    """An approximate store keeps its graphs with the build (knowledge.ann_store)."""
    keep = getattr(store, "keep_graphs_in", None)
    if keep is not None:
        keep(folder)


def _fill(store: VectorStore, vectors: Vectors, langs: list[str]) -> None:
    held = store.count()
    if held == 0:
        try:
            store.add(vectors, langs)
        except VectorStoreUnavailable as exc:  # an approximate index that could not be built
            raise KnowledgeBaseUnavailable(str(exc)) from exc
    elif held != len(langs):
        raise KnowledgeBaseUnavailable(
            f"the vector store holds {held} vectors but the index has {len(langs)}: "
            "it belongs to another build; give it a fresh collection"
        )
