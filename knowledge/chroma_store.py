"""Chroma as the vector store (chromadb adapter): embedded PersistentClient or a Chroma server."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import chromadb
import httpx
import numpy as np
from chromadb.api import ClientAPI
from chromadb.errors import ChromaError

from knowledge.embeddings import Vectors
from knowledge.ranking import Hits
from knowledge.vector_store import VectorStoreUnavailable

EF_SEARCH = 100  # HNSW breadth at query time; recall matters more here than a millisecond


# What chromadb raises when the server is down or refuses: its own errors, httpx's, and a
# ValueError("Could not connect to a Chroma server") from HttpClient.
_FAILURES = (ChromaError, httpx.HTTPError, ValueError, ConnectionError)


class ChromaVectorStore:
    """Vectors in one Chroma collection, ids = chunk positions, metadata = language.

    We pass our own vectors (embedding_function=None): Chroma's default embedder would try to
    download a model at first use.
    """

    def __init__(self, client: ClientAPI, collection: str) -> None:
        self._client = client
        self._name = collection
        self._collection = self._open()

    def _open(self) -> chromadb.Collection:
        try:
            return self._client.get_or_create_collection(
                self._name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}},
            )
        except _FAILURES as exc:
            raise VectorStoreUnavailable(
                f"cannot open Chroma collection {self._name}: {exc}"
            ) from exc

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        if len(langs) != vectors.shape[0]:
            raise ValueError("one language per vector is needed")
        start = self.count()
        step = int(self._client.get_max_batch_size())
        for offset in range(0, len(langs), step):
            end = min(offset + step, len(langs))
            self._collection.add(
                ids=[str(start + i) for i in range(offset, end)],
                embeddings=vectors[offset:end],
                metadatas=[{"lang": lang} for lang in langs[offset:end]],
            )

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        try:
            total = self.count()
            if total == 0 or n <= 0:
                return Hits.empty()
            found = self._collection.query(
                query_embeddings=query[None, :],
                n_results=min(n, total),
                where={"lang": lang} if lang is not None else None,
                include=["distances"],
            )
        except _FAILURES as exc:
            raise VectorStoreUnavailable(f"Chroma did not answer the search: {exc}") from exc
        ids = found["ids"][0]
        distances = found["distances"][0] if found["distances"] else []
        return Hits(
            np.array([int(i) for i in ids], dtype=np.int64),
            np.array([1.0 - d for d in distances], dtype=np.float32),
        )

    def count(self) -> int:
        return int(self._collection.count())

    def reset(self) -> None:
        """Drop every vector (the collection is recreated empty)."""
        self._client.delete_collection(self._name)
        self._collection = self._open()


def persistent_store(path: Path, collection: str) -> ChromaVectorStore:
    """Chroma embedded in the process, stored under path."""
    return ChromaVectorStore(chromadb.PersistentClient(path=str(path)), collection)


def server_store(host: str, port: int, collection: str, ssl: bool = False) -> ChromaVectorStore:
    """A Chroma server (`chroma run`) reached over HTTP (HTTPS with ssl)."""
    try:
        client = chromadb.HttpClient(host=host, port=port, ssl=ssl)
    except _FAILURES as exc:
        raise VectorStoreUnavailable(f"cannot reach Chroma at {host}:{port}: {exc}") from exc
    return ChromaVectorStore(client, collection)
