"""Which in-memory vector index serves: the exact scan, or faiss above a size per language."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.search import VectorStoreFactory


@dataclass(frozen=True)
class InMemoryIndex:
    """factory None is the exact scan for every language (`open_retriever`'s default)."""

    factory: VectorStoreFactory | None
    where: str


def choose_in_memory_index(min_vectors: int) -> InMemoryIndex:
    """The exact scan, with faiss's approximate index for a language of min_vectors or more.

    0 keeps every language exact. When faiss (the `embeddings` extra) is not installed the
    exact scan serves and `where` says so: a start-up note, not a silent fallback.
    """
    if min_vectors <= 0:
        return InMemoryIndex(None, "in memory (exact scan; approximate index off)")
    try:
        from knowledge.ann_store import ApproximateVectorStore
    except ModuleNotFoundError as exc:
        return InMemoryIndex(
            None,
            f"in memory (exact scan at every size: {exc.name} is not installed, so there is no "
            f"approximate index for a language of {min_vectors:,} vectors or more; "
            "install the 'embeddings' extra)",
        )
    return InMemoryIndex(
        lambda build: ApproximateVectorStore(min_vectors),
        f"in memory (exact scan; faiss HNSW-SQ8 approximate index for a language of "
        f"{min_vectors:,} vectors or more)",
    )
