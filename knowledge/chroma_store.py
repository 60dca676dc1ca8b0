"""Chroma as the vector store (chromadb adapter): embedded PersistentClient or a Chroma server."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path

import chromadb
import httpx
import numpy as np
from chromadb.api import ClientAPI
from chromadb.errors import ChromaError

from knowledge.embeddings import Vectors
from knowledge.ranking import Hits
from knowledge.vector_store import VectorStoreUnavailable, merge_cosines

EF_SEARCH = 100  # HNSW breadth at query time; recall matters more here than a millisecond


# What chromadb raises when the server is down or refuses: its own errors, httpx's, and a
# ValueError("Could not connect to a Chroma server") from HttpClient.
_FAILURES = (ChromaError, httpx.HTTPError, ValueError, ConnectionError)


class ChromaVectorStore:
    """One Chroma collection per language, named `<collection>-l-<lang>`; ids = chunk positions.

    A question searches its language's collection only, with no metadata filter (a filtered
    HNSW query was slower than the exact scan here); with no language every collection is
    searched and the rankings merged. A language code that a collection name cannot hold
    (`pt-BR`) is spelled in hexadecimal: `<collection>-h-70742d4252`.

    We pass our own vectors (embedding_function=None): Chroma's default embedder would try to
    download a model at first use.
    """

    def __init__(self, client: ClientAPI, collection: str) -> None:
        self._client = client
        self._name = collection
        self._collections: dict[str, chromadb.Collection] = {}
        try:
            names = [c.name for c in client.list_collections()]
        except _FAILURES as exc:
            raise VectorStoreUnavailable(
                f"cannot list the Chroma collections of {collection}: {exc}"
            ) from exc
        for name in names:
            lang = self._lang_of(name)
            if lang is not None:
                self._collections[lang] = self._open(lang)

    def _collection_name(self, lang: str) -> str:
        if re.fullmatch(r"[A-Za-z0-9]+", lang):
            return f"{self._name}-l-{lang}"
        return f"{self._name}-h-{lang.encode('utf-8').hex()}"

    def _lang_of(self, name: str) -> str | None:
        if name.startswith(f"{self._name}-l-"):
            return name[len(self._name) + 3 :]
        if name.startswith(f"{self._name}-h-"):
            try:
                return bytes.fromhex(name[len(self._name) + 3 :]).decode("utf-8")
            except ValueError:
                return None
        return None

    def _open(self, lang: str) -> chromadb.Collection:
        name = self._collection_name(lang)
        try:
            return self._client.get_or_create_collection(
                name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}},
            )
        except _FAILURES as exc:
            raise VectorStoreUnavailable(f"cannot open Chroma collection {name}: {exc}") from exc

    def add(self, vectors: Vectors, langs: Sequence[str]) -> None:
        if len(langs) != vectors.shape[0]:
            raise ValueError("one language per vector is needed")
        start = self.count()
        step = int(self._client.get_max_batch_size())
        lang_array = np.array(langs)
        for lang in sorted(set(langs)):
            if lang not in self._collections:
                self._collections[lang] = self._open(lang)
            picked = np.flatnonzero(lang_array == lang)
            for offset in range(0, len(picked), step):
                rows = picked[offset : offset + step]
                self._collections[lang].add(
                    ids=[str(start + int(i)) for i in rows], embeddings=vectors[rows]
                )

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        if lang is not None:
            if lang not in self._collections:
                return Hits.empty()
            return self._search_one(self._collections[lang], query, n)
        parts = [self._search_one(c, query, n) for c in self._collections.values()]
        return merge_cosines(parts, n)

    def _search_one(self, collection: chromadb.Collection, query: Vectors, n: int) -> Hits:
        try:
            total = int(collection.count())
            if total == 0 or n <= 0:
                return Hits.empty()
            found = collection.query(
                query_embeddings=query[None, :], n_results=min(n, total), include=["distances"]
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
        return sum(self.sizes().values())

    def sizes(self) -> dict[str, int]:
        try:
            return {lang: int(c.count()) for lang, c in self._collections.items()}
        except _FAILURES as exc:
            raise VectorStoreUnavailable(f"Chroma did not answer: {exc}") from exc

    def reset(self) -> None:
        """Drop every vector (each language's collection is deleted)."""
        for lang in list(self._collections):
            self._client.delete_collection(self._collection_name(lang))
        self._collections = {}


def persistent_client(path: Path) -> ClientAPI:
    """Chroma embedded in the process, stored under path."""
    return chromadb.PersistentClient(path=str(path))


def server_client(host: str, port: int, ssl: bool = False) -> ClientAPI:
    """A Chroma server (`chroma run`) reached over HTTP (HTTPS with ssl)."""
    try:
        return chromadb.HttpClient(host=host, port=port, ssl=ssl)
    except _FAILURES as exc:
        raise VectorStoreUnavailable(f"cannot reach Chroma at {host}:{port}: {exc}") from exc


def persistent_store(path: Path, collection: str) -> ChromaVectorStore:
    return ChromaVectorStore(persistent_client(path), collection)


def server_store(host: str, port: int, collection: str, ssl: bool = False) -> ChromaVectorStore:
    return ChromaVectorStore(server_client(host, port, ssl), collection)


# `<prefix><build>-l-<lang>` or `<prefix><build>-h-<hex>`: see ChromaVectorStore.
_BUILD_COLLECTION = re.compile(r"(?P<build>.+)-(?:l-[A-Za-z0-9]+|h-(?:[0-9a-f]{2})+)")


def prune_builds(
    client: ClientAPI, prefix: str, keep: Collection[str], *, delete: bool = True
) -> list[str]:
    """The collections of every build but `keep` among those named `<prefix><build>-…`, deleted
    unless `delete` is False; returns their names. Collections named otherwise are left alone."""
    try:
        names = [c.name for c in client.list_collections()]
        stale = []
        for name in sorted(names):
            found = _BUILD_COLLECTION.fullmatch(name.removeprefix(prefix))
            if name.startswith(prefix) and found and found["build"] not in keep:
                if delete:
                    client.delete_collection(name)
                stale.append(name)
    except _FAILURES as exc:
        raise VectorStoreUnavailable(f"cannot list or remove Chroma collections: {exc}") from exc
    return stale
