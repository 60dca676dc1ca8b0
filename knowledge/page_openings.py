"""One vector per page, for its opening: a page-level dense ranking where chunk vectors are off.

A page's opening is its title, then the first words of its body: what a reader skims to tell
whether the page is the right one. The English MiniLM ranks French passages worse than BM25
(which is why MiniLM does not embed French chunks), but ranking whole French pages by their
openings, fused with a small weight into the lexical ranking, lifted French R@1 by 3.5 points
and R@5 by 2.1 by 5-fold cross-validation on the dev questions (benchmarks/README.md, "Ranker
candidates"). The vectors are built at ingest for every page, whatever its language, so that a
weight can be switched on for a language without a new ingest.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from knowledge.chunking import Chunk
from knowledge.embeddings import Embedder, Vectors
from knowledge.ranking import Hits, top_hits

WORDS = 64  # of the body after the title: the length measured in the benchmark
LOG = logging.getLogger(__name__)


def openings(chunks: Sequence[Chunk]) -> tuple[list[int], list[str]]:
    """(each page's first chunk position, its opening), pages in order of first appearance."""
    first: dict[str, int] = {}
    words: dict[str, list[str]] = {}
    for position, chunk in enumerate(chunks):
        if chunk.doc_id not in first:
            first[chunk.doc_id] = position
            words[chunk.doc_id] = []
        taken = words[chunk.doc_id]
        if len(taken) < WORDS:
            taken += chunk.text.split()[: WORDS - len(taken)]
    texts = []
    for doc_id, position in first.items():
        body = " ".join(words[doc_id])
        title = chunks[position].title.strip()
        texts.append(f"{title}. {body}" if title else body)
    return list(first.values()), texts


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def build_page_vectors(
    chunks: Sequence[Chunk],
    embedder: Embedder,
    vectors_path: Path,
    meta_path: Path,
    previous: tuple[Path, Path] | None = None,
) -> None:
    """Embed each page's opening (re-using the previous build's vectors for unchanged ones)."""
    positions, texts = openings(chunks)
    keys = [_key(t) for t in texts]
    cached = _previous_vectors(previous, embedder.name)
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    missing = [i for i, key in enumerate(keys) if key not in cached]
    for i, key in enumerate(keys):
        if key in cached:
            out[i] = cached[key]
    for start in range(0, len(missing), 256):
        batch = missing[start : start + 256]
        out[batch] = embedder.embed([texts[i] for i in batch])
    np.save(vectors_path, out)
    meta = {"embedder": embedder.name, "positions": positions, "keys": keys}
    meta_path.write_text(json.dumps(meta), "utf-8")


def page_vectors_embedder(meta_path: Path) -> str | None:
    """The embedder a build's page vectors were made with, or None (none, or unreadable: the
    retriever then opens without them and logs why)."""
    try:
        return str(json.loads(meta_path.read_text("utf-8"))["embedder"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _previous_vectors(previous: tuple[Path, Path] | None, embedder: str) -> dict[str, Vectors]:
    if previous is None or not previous[0].is_file() or not previous[1].is_file():
        return {}
    try:
        meta = json.loads(previous[1].read_text("utf-8"))
        if meta.get("embedder") != embedder:
            return {}
        vectors = np.load(previous[0])
        return {key: vectors[i] for i, key in enumerate(meta["keys"])}
    except (OSError, ValueError, KeyError, IndexError) as exc:
        LOG.warning("the previous build's page vectors are unreadable (%s): re-embedding", exc)
        return {}


@dataclass(frozen=True)
class PageVectors:
    """The pages' opening vectors, searched exactly per language (a few thousand at most).

    The rows are kept grouped by language, so a language's pages are one contiguous block and
    a question reads a view of it (indexing the rows copied every vector per question)."""

    vectors: Vectors
    positions: npt.NDArray[np.int64]  # each page's first chunk
    by_lang: dict[str, slice]  # the rows of each language: one block each

    @classmethod
    def load(
        cls, vectors_path: Path, meta_path: Path, chunks: Sequence[Chunk], embedder: str
    ) -> PageVectors | None:
        """The build's page vectors, or None when it has none for this embedder (an older
        build, or one made with another embedder): the ranking is then the lexical one."""
        if not vectors_path.is_file() or not meta_path.is_file():
            return None
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            if meta.get("embedder") != embedder:
                return None
            vectors = np.load(vectors_path)
            positions = np.asarray(meta["positions"], dtype=np.int64)
            if vectors.shape[0] != positions.shape[0] or (
                positions.size and int(positions.max()) >= len(chunks)
            ):
                raise ValueError("page vectors and chunks disagree")
        except (OSError, ValueError, KeyError) as exc:
            LOG.warning("page vectors unreadable (%s): French pages ranked by BM25 alone", exc)
            return None
        langs = np.array([chunks[int(p)].lang for p in positions], dtype=str)
        order = np.argsort(langs, kind="stable")
        langs, grouped = langs[order], np.ascontiguousarray(vectors[order], dtype=np.float32)
        names, starts, counts = np.unique(langs, return_index=True, return_counts=True)
        by_lang = {
            str(lang): slice(int(start), int(start + count))
            for lang, start, count in zip(names, starts, counts, strict=True)
        }
        return cls(grouped, positions[order], by_lang)

    def block(self, lang: str) -> Vectors | None:
        """A view of the language's page vectors, or None when it has no page."""
        rows = self.by_lang.get(lang)
        return None if rows is None else self.vectors[rows]

    def search(self, query: Vectors, lang: str | None, n: int) -> Hits:
        """Pages by cosine with the question, as their first chunk's position."""
        # A language with no page gets none, never another language's.
        rows = (self.by_lang.get(lang) if lang else slice(None)) or slice(0, 0)
        positions = self.positions[rows]
        if positions.size == 0:
            return Hits.empty()
        cosines = (self.vectors[rows] @ query).astype(np.float32)
        return top_hits(positions, cosines, n, positive_only=False)
