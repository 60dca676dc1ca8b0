"""Embeddings from an Ollama server (langchain-ollama adapter), for production deployments."""

from __future__ import annotations

from collections.abc import Sequence

import httpx
import numpy as np
from langchain_ollama import OllamaEmbeddings
from ollama import ResponseError

from knowledge.embeddings import EmbedderUnavailable, Vectors, normalise


class OllamaEmbedder:
    """Vectors from an Ollama embedding model such as nomic-embed-text or bge-m3.

    The dimension is learned from the first answer, so any model works without configuration.
    """

    def __init__(self, base_url: str, model: str, timeout: float = 30.0) -> None:
        self._model = model
        self._client = OllamaEmbeddings(
            model=model, base_url=base_url, client_kwargs={"timeout": timeout}
        )
        self._dim: int | None = None

    def close(self) -> None:
        """Close the pooled HTTP connections.

        langchain-ollama has no public close; its private client is the only handle.
        """
        client = self._client._client
        if client is not None:
            client.close()  # type: ignore[no-untyped-call]

    def __enter__(self) -> OllamaEmbedder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        return f"ollama:{self._model}"

    @property
    def dim(self) -> int:
        if self._dim is None:
            self.embed(["dimension probe"])
        assert self._dim is not None
        return self._dim

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self._dim or 0), dtype=np.float32)
        try:
            raw = self._client.embed_documents(list(texts))
        except (ResponseError, httpx.HTTPError, ConnectionError) as exc:
            # httpx.TimeoutException is an HTTPError: a server slower than `timeout` lands here.
            raise EmbedderUnavailable(f"Ollama embeddings ({self._model}) failed: {exc}") from exc
        except ValueError as exc:  # a body that is not JSON, or not in Ollama's shape
            raise EmbedderUnavailable(f"Ollama embeddings ({self._model}): {exc}") from exc
        if len(raw) != len(texts) or not raw or len({len(v) for v in raw}) != 1:
            raise EmbedderUnavailable(f"Ollama returned {len(raw)} vectors for {len(texts)} texts")
        try:
            vectors = normalise(raw)
        except ValueError as exc:  # values that are not numbers
            raise EmbedderUnavailable(f"Ollama returned non-numbers: {exc}") from exc
        if not np.isfinite(vectors).all():
            raise EmbedderUnavailable("Ollama returned vectors with NaN or infinite values")
        self._dim = len(raw[0])
        return vectors
