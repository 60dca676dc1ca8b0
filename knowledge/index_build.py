"""Build the search indexes of one knowledge-base build: BM25 per language, and vectors."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Sequence

import numpy as np

from knowledge.chunking import Chunk
from knowledge.chunkstore import read_chunks
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
    passage_embedder: PageEmbedder | None = None,
) -> None:
    """The build's indexes. Chunks in embed_languages (None: all) are embedded with embedder;
    with passage_embedder (e5), the chunks of every other language get its passage vectors,
    in the same matrix (a language's rows are searched only with its own model's question
    vector: BuildMeta.chunk_models says which)."""
    texts = [c.index_text() for c in chunks]
    LexicalIndex.build(texts, [c.lang for c in chunks]).save(build.lexical)
    _document_index(chunks).save(build.document_lexical)
    dim = 0
    models = chunk_models(chunks, embedder, embed_languages, passage_embedder)
    if embedder is not None:
        by_name: dict[str, Embedder] = {embedder.name: embedder}
        if passage_embedder is not None and passage_embedder.name in models.values():
            if passage_embedder.dim != embedder.dim:
                raise ValueError(
                    f"{passage_embedder.name} ({passage_embedder.dim} dimensions) cannot share "
                    f"the chunk vectors of {embedder.name} ({embedder.dim})"
                )
            by_name[passage_embedder.name] = passage_embedder
        cached = _cached_vectors(previous)
        row_models = [models[c.lang] for c in chunks]
        vectors = _embed_missing(texts, row_models, by_name, embedder.dim, cached, progress)
        np.save(build.vectors, vectors)
        build.vector_keys.write_text(json.dumps([_key(t) for t in texts]), "utf-8")
        dim = embedder.dim
    pages = page_embedder or embedder
    if pages is not None:
        before = (previous.page_vectors, previous.page_meta) if previous else None
        build_page_vectors(chunks, pages, build.page_vectors, build.page_meta, before)
    meta = BuildMeta(
        version_id, settings, embedder.name if embedder else "", dim, len(chunks), models
    )
    build.meta.write_text(meta.to_json(), "utf-8")


def chunk_models(
    chunks: Sequence[Chunk],
    embedder: Embedder | None,
    embed_languages: Collection[str] | None,
    passage_embedder: PageEmbedder | None,
) -> dict[str, str]:
    """The model each language's chunks are embedded with ("" for none), every language."""
    models: dict[str, str] = {}
    for lang in sorted({c.lang for c in chunks}):
        if embedder is None:
            models[lang] = ""
        elif embed_languages is None or lang in embed_languages:
            models[lang] = embedder.name
        else:
            models[lang] = passage_embedder.name if passage_embedder is not None else ""
    return models


def languages_without(build: BuildPaths, model: str, own: Collection[str]) -> list[str]:
    """The build's languages outside `own` whose chunks hold no vector of `model`: all of
    them for a build made before each language's model was recorded. Reads two small files
    (the build's meta and, for an older build, its lexical index's language list)."""
    meta = build.read_meta()
    if meta.chunk_models is not None:
        langs = list(meta.chunk_models)
    else:
        langs = LexicalIndex.stored_languages(build.lexical)
    return sorted(lang for lang in langs if lang not in own and meta.model_of(lang) != model)


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


def _cached_vectors(previous: BuildPaths | None) -> dict[str, dict[str, Vectors]]:
    """The previous build's vectors by model, then by text, to re-use for unchanged chunks."""
    if previous is None or not previous.vectors.is_file():
        return {}
    meta = previous.read_meta()
    keys = json.loads(previous.vector_keys.read_text("utf-8"))
    vectors = np.load(previous.vectors)
    named = {meta.embedder} if meta.chunk_models is None else set(meta.chunk_models.values())
    named.discard("")
    if len(named) <= 1:  # one model for every row that has a vector: no need for the chunks
        row_models = [next(iter(named), "")] * len(keys)
    else:
        row_models = [meta.model_of(c.lang) for c in read_chunks(previous.chunks)]
    cached: dict[str, dict[str, Vectors]] = {}
    for i, key in enumerate(keys):
        # Zero rows stand for chunks that were not embedded: nothing to re-use there.
        if row_models[i] and vectors[i].any():
            cached.setdefault(row_models[i], {})[key] = vectors[i]
    return cached


def _embed_missing(
    texts: Sequence[str],
    row_models: Sequence[str],
    by_name: dict[str, Embedder],
    dim: int,
    cached: dict[str, dict[str, Vectors]],
    progress: Callable[[int, int, str], None] | None,
) -> Vectors:
    """Each text's vector by its row's model ("": a zero row), re-using the cached ones."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    missing: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        model = row_models[i]
        if not model:
            continue
        hit = cached.get(model, {}).get(_key(text))
        if hit is None:
            missing.setdefault(model, []).append(i)
        else:
            out[i] = hit
    total = sum(len(rows) for rows in missing.values())
    done = 0
    for model, rows in missing.items():
        for start in range(0, len(rows), EMBED_BATCH):
            batch = rows[start : start + EMBED_BATCH]
            out[batch] = by_name[model].embed([texts[i] for i in batch])
            done += len(batch)
            if progress is not None:
                progress(done, total, "embedding chunks")
    return out
