"""Reciprocal rank fusion with per-language weights for each ranking."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from knowledge.ranking import Hits

# Cormack, Clarke & Büttcher (SIGIR 2009) use k = 60; it damps the head of each list.
RRF_K = 60.0


@dataclass(frozen=True)
class FusionWeights:
    """How much each ranking counts, per question language.

    Dense weight 0 switches the embedder off for a language it does not know: the English
    MiniLM ranks French passages worse than BM25 does, and fused in it would drag French
    results below BM25 alone.
    """

    lexical: float = 1.0
    # 1.5 for English: the best of 0.5/1/1.5/2 on govuk_en dev R@5 and MRR (see benchmarks).
    dense: Mapping[str, float] = field(default_factory=lambda: {"en": 1.5})
    dense_default: float = 0.0
    # Whole-document BM25 as a prior on each chunk's document, used where dense is off: it
    # lifts lexical-only R@5 on both dev sets; with dense on it brought nothing.
    document_prior: float = 2.0
    # Pages ranked by their openings' vectors, fused like the document prior, for languages
    # whose chunks are not embedded. French 0.25: the weight 5-fold cross-validation chose in
    # three folds of five (0.5 in two) on servicepublic_fr dev (benchmarks/README.md).
    page: Mapping[str, float] = field(default_factory=lambda: {"fr": 0.25})

    def dense_for(self, lang: str) -> float:
        return self.dense.get(lang, self.dense_default)

    def page_for(self, lang: str) -> float:
        return self.page.get(lang, 0.0)

    def dense_languages(self) -> frozenset[str] | None:
        """Languages whose chunks are worth embedding; None means all of them."""
        if self.dense_default > 0:
            return None
        return frozenset(lang for lang, weight in self.dense.items() if weight > 0)


# Page-opening weights when pages are ranked by multilingual-e5-small (knowledge.e5). On the dev
# questions (benchmarks/page_weights.py, through the product's retriever) the gain flattens
# above 2-3 and 5-fold CV picks 8 (English) and 6-16 (French), but those weights let a page's
# opening outrank a chunk that holds every word of the question deeper in another page: on the
# demo's sectioned pages ("Can your answers be wrong?" went to the complaints page from 4 up in
# French and 6 up in English). 3 keeps most of the gain (CV dev English R@1 0.821 against 0.853
# at 8; French 0.762 against 0.768 at 6) without that; figures in benchmarks/README.md.
E5_PAGE_WEIGHTS: Mapping[str, float] = {"en": 3.0, "fr": 3.0}


# Dense weight of the chunks embedded by multilingual-e5-small ("passage: " vectors: every
# language, knowledge.index_build), with E5_PAGE_WEIGHTS' page weight. 1.5: the weight 5-fold
# CV chose in four folds of five on servicepublic_fr dev through the product's retriever (page
# <= 3; 0.5 and 1.0 lost to it), frozen fifth R@5 0.907 -> 0.926, R@1 0.753 -> 0.735 against no
# French chunk vectors (benchmarks/chunk_embedders.py, candidate C; benchmarks/README.md, "e5
# chunk vectors in place of MiniLM"). Measured in French only: the other languages e5 embeds
# get the same weight untested, but for those in E5_CHUNK_WEIGHTS.
E5_CHUNK_WEIGHT = 1.5
# English e5 chunks: the dense weight 5-fold CV chose on govuk_en dev (page <= 3) through the
# product's retriever (benchmarks/README.md, "English chunks on e5").
E5_CHUNK_WEIGHTS: Mapping[str, float] = {"en": 1.0}


def weights_for_pages(
    page_ranker: str | None, e5_chunk_languages: Collection[str] = ()
) -> FusionWeights:
    """The default weights for the page ranker in use (None: no page vectors), with the
    languages whose chunks hold that ranker's e5 passage vectors (dense E5_CHUNK_WEIGHTS, else
    E5_CHUNK_WEIGHT); the other languages keep FusionWeights' (MiniLM's for English)."""
    if embeds_passages(page_ranker):
        dense = dict(FusionWeights().dense)
        dense.update(
            (lang, E5_CHUNK_WEIGHTS.get(lang, E5_CHUNK_WEIGHT)) for lang in e5_chunk_languages
        )
        return FusionWeights(dense=dense, page=dict(E5_PAGE_WEIGHTS))
    return FusionWeights()


def embeds_passages(page_ranker: str | None) -> bool:
    """True when the page ranker also embeds chunks: multilingual e5 (knowledge.e5), whose
    passage vectors rank French chunks and, with OPENCOUNTER_ENGLISH_CHUNKS=e5 (not the
    default), English ones."""
    return page_ranker is not None and page_ranker.startswith("multilingual-e5")


def rrf(rankings: Sequence[tuple[Hits, float]], n: int, k: float = RRF_K) -> Hits:
    """Fuse ranked lists: score(c) = sum of weight / (k + rank of c), rank from 1."""
    fused: dict[int, float] = {}
    for hits, weight in rankings:
        if weight <= 0:
            continue
        for rank, position in enumerate(hits.positions.tolist(), start=1):
            fused[position] = fused.get(position, 0.0) + weight / (k + rank)
    best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:n]
    return Hits(
        np.array([p for p, _ in best], dtype=np.int64),
        np.array([s for _, s in best], dtype=np.float32),
    )


def with_document_prior(
    fused: Hits, documents: Hits, weight: float, doc_of: Sequence[str], n: int, k: float = RRF_K
) -> Hits:
    """Add weight / (k + rank of its document) to every chunk; documents ranked in
    `documents` (by their first chunk) but absent from `fused` join through that chunk."""
    doc_rank = {doc_of[p]: r for r, p in enumerate(documents.positions.tolist(), start=1)}
    scores = dict(zip(fused.positions.tolist(), fused.scores.tolist(), strict=True))
    for position in documents.positions.tolist():
        scores.setdefault(position, 0.0)
    for position in scores:
        rank = doc_rank.get(doc_of[position])
        if rank is not None:
            scores[position] += weight / (k + rank)
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:n]
    return Hits(
        np.array([p for p, _ in best], dtype=np.int64),
        np.array([s for _, s in best], dtype=np.float32),
    )
