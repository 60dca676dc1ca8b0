"""Build the search indexes of one knowledge-base build: BM25 per language, and vectors."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Sequence

import numpy as np

from knowledge.chunking import Chunk
from knowledge.embeddings import Embedder, PageEmbedder, Vectors
from knowledge.layout import BuildMeta, BuildPaths
from knowledge.lexical import LexicalIndex
from knowledge.page_openings import build_page_vectors

EMBED_BATCH = 256  # texts per embed() call: large enough to keep the model busy


def build_index(
    build: BuildPaths,
    *,
    version_id: str,
    settings: str,
    chunks: Sequence[Chunk],
    embedder: Embedder | None,
    previous: BuildPaths | None,
    progress: Callable[[int, int, str], None] | None,
    embed_languages: Collection[str] | None = None,
    page_embedder: PageEmbedder | None = None,
) -> None:
    texts = [c.index_text() for c in chunks]
    LexicalIndex.build(texts, [c.lang for c in chunks]).save(build.lexical)
    _document_index(chunks).save(build.document_lexical)
    dim = 0
    if embedder is not None:
        cached = _cached_vectors(previous, embedder.name)
        wanted = [embed_languages is None or c.lang in embed_languages for c in chunks]
        vectors = _embed_missing(texts, wanted, embedder, cached, progress)
        np.save(build.vectors, vectors)
        build.vector_keys.write_text(json.dumps([_key(t) for t in texts]), "utf-8")
        dim = embedder.dim
    pages = page_embedder or embedder
    if pages is not None:
        before = (previous.page_vectors, previous.page_meta) if previous else None
        build_page_vectors(chunks, pages, build.page_vectors, build.page_meta, before)
    meta = BuildMeta(version_id, settings, embedder.name if embedder else "", dim, len(chunks))
    build.meta.write_text(meta.to_json(), "utf-8")


# Whole pages are long and uneven: full length normalisation (b = 1) and a higher k1 ranked
# pages best on both dev sets (see benchmarks/README.md, "Retrieval").
DOCUMENT_K1 = 2.0
DOCUMENT_B = 1.0


def _document_index(chunks: Sequence[Chunk]) -> LexicalIndex:
    """BM25 over whole documents, each found at its first chunk's position."""
    first: dict[str, int] = {}
    parts: dict[str, list[str]] = {}
    for position, chunk in enumerate(chunks):
        if chunk.doc_id not in first:
            first[chunk.doc_id] = position
            parts[chunk.doc_id] = [chunk.title]
        parts[chunk.doc_id].append(
            f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text
        )
    doc_ids = list(first)
    return LexicalIndex.build(
        ["\n".join(parts[d]) for d in doc_ids],
        [chunks[first[d]].lang for d in doc_ids],
        [first[d] for d in doc_ids],
        k1=DOCUMENT_K1,
        b=DOCUMENT_B,
    )


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _cached_vectors(previous: BuildPaths | None, embedder_name: str) -> dict[str, Vectors]:
    """Vectors of the previous build by text, if it used the same embedder."""
    if previous is None or not previous.vectors.is_file():
        return {}
    if previous.read_meta().embedder != embedder_name:
        return {}
    keys = json.loads(previous.vector_keys.read_text("utf-8"))
    vectors = np.load(previous.vectors)
    # Zero rows stand for chunks that were not embedded: nothing to re-use there.
    return {key: vectors[i] for i, key in enumerate(keys) if vectors[i].any()}


def _embed_missing(
    texts: Sequence[str],
    wanted: Sequence[bool],
    embedder: Embedder,
    cached: dict[str, Vectors],
    progress: Callable[[int, int, str], None] | None,
) -> Vectors:
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    missing: list[int] = []
    for i, text in enumerate(texts):
        if not wanted[i]:
            continue
        hit = cached.get(_key(text))
        if hit is None:
            missing.append(i)
        else:
            out[i] = hit
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start : start + EMBED_BATCH]
        out[batch] = embedder.embed([texts[i] for i in batch])
        if progress is not None:
            progress(start + len(batch), len(missing), "embedding chunks")
    return out
