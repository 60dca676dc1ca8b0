"""BM25 alone at 100,000 and 1,000,000 chunks, through the product's search code.

    python -m benchmarks.lexical_scale [--chunks 100000 1000000] [--queries 500]

The same synthetic English text as `benchmarks/retrieval.py speed` (chunks of 110 Zipf words
from a 20,000-word vocabulary; questions of five Zipf words), but the index is built here
from token ids with numpy, not by ingesting pages: a 1,000,000-chunk ingest needs about 15 GB
on this machine (benchmarks/README.md), the index itself about 1 GB. The arrays are the ones
bm25s builds (Lucene BM25, k1 = 1.5, b = 0.75), checked equal to bm25s's own on the first
20,000 chunks in the same run. Questions go through `knowledge.lexical` (analyzer, term ids,
bm25s's sums, best n) for n = 10 and n = 100 (the retriever asks each index for 100 before
fusion). Prints p50/p95/p99, load and memory for each size and n. Asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Sequence
from functools import partial

import bm25s
import numpy as np
import numpy.typing as npt

from benchmarks.retrieval import WORDS_PER_SECTION, _line, _vocabulary, _zipf_words
from benchmarks.timing import load_average, timed_calls
from knowledge.languages import Analyzer
from knowledge.lexical import LexicalIndex, _idf, _LanguageIndex, _unseen_idf
from knowledge.ranking import Hits

K1, B = 1.5, 0.75
SIZES = (10, 100)
CHECKED = 20_000


def _terms(vocab: list[str]) -> tuple[dict[str, int], npt.NDArray[np.int64]]:
    """The analyzer's term for each vocabulary word (stems can merge words): term ids."""
    analyzer = Analyzer("en")
    term_ids: dict[str, int] = {}
    of_word = np.empty(len(vocab), dtype=np.int64)
    for rank, word in enumerate(vocab):
        (term,) = analyzer.terms(word)
        of_word[rank] = term_ids.setdefault(term, len(term_ids))
    return term_ids, of_word


def _tokens(chunks: int, of_word: npt.NDArray[np.int64], seed: int = 1) -> npt.NDArray[np.int64]:
    ranks = np.random.default_rng(seed).zipf(1.2, size=(chunks, WORDS_PER_SECTION))
    chosen: npt.NDArray[np.int64] = of_word[np.minimum(ranks, 20_000) - 1]
    return chosen


def _scores(tokens: npt.NDArray[np.int64], vocab_size: int) -> dict[str, object]:
    """bm25s's eager score matrix (CSC by term): one entry per (term, chunk) that occurs."""
    chunks, length = tokens.shape
    keys = tokens.T.reshape(-1) + 0  # term-major below: key = term * chunks + chunk
    keys *= chunks
    keys += np.tile(np.arange(chunks, dtype=np.int64), length)
    unique, tf = np.unique(keys, return_counts=True)
    del keys
    term, chunk = np.divmod(unique, chunks)
    del unique
    df = np.bincount(term, minlength=vocab_size)
    idf = np.log(1 + (chunks - df + 0.5) / (df + 0.5))
    # bm25s's Lucene weight idf * tf / (tf + k1 * (1 - b + b * length / mean length)); every
    # chunk has the same length here, so the length norm is 1
    tf = tf.astype(np.float32)
    data = (idf[term] * tf / (tf + K1)).astype(np.float32)
    indptr = np.zeros(vocab_size + 1, dtype=np.int64)
    indptr[1:] = np.cumsum(df)
    return {
        "data": data,
        "indices": chunk.astype(np.int32),
        "indptr": indptr,
        "num_docs": chunks,
    }


def _index(scores: dict[str, object], term_ids: dict[str, int]) -> LexicalIndex:
    bm25 = bm25s.BM25(k1=K1, b=B)
    bm25.scores = scores
    bm25.vocab_dict = term_ids
    bm25.nonoccurrence_array = None  # Lucene BM25 has none (bm25s sets it when indexing)
    rows = np.arange(int(scores["num_docs"]), dtype=np.int64)  # type: ignore[call-overload]
    index = _LanguageIndex(Analyzer("en"), bm25, rows, _idf(bm25), _unseen_idf(bm25))
    return LexicalIndex({"en": index})


def _check_against_bm25s(tokens: npt.NDArray[np.int64], term_ids: dict[str, int]) -> None:
    names = {i: t for t, i in term_ids.items()}
    sample = tokens[:CHECKED]
    theirs = bm25s.BM25(k1=K1, b=B)
    theirs.index([[names[int(i)] for i in row] for row in sample], show_progress=False)
    ours = _scores(sample, len(term_ids))
    for term, i in theirs.vocab_dict.items():
        if term not in term_ids:
            continue  # bm25s's empty token
        a, b = theirs.scores["indptr"][i], theirs.scores["indptr"][i + 1]
        j = term_ids[term]
        c, d = ours["indptr"][j], ours["indptr"][j + 1]  # type: ignore[index]
        assert np.array_equal(theirs.scores["indices"][a:b], ours["indices"][c:d])  # type: ignore[index]
        assert np.allclose(theirs.scores["data"][a:b], ours["data"][c:d], rtol=1e-5)  # type: ignore[index]
    print(f"  the arrays equal bm25s's on the first {CHECKED:,} chunks", flush=True)


def run(sizes: Sequence[int], queries: int) -> None:
    vocab = _vocabulary()
    term_ids, of_word = _terms(vocab)
    rng = np.random.default_rng(2)
    asked = [" ".join(_zipf_words(rng, vocab, 5)) for _ in range(queries)]
    print(f"BM25 alone, {queries} questions of 5 Zipf words ({load_average()})", flush=True)
    for first, chunks in enumerate(sizes):
        start = time.perf_counter()
        tokens = _tokens(chunks, of_word)
        if first == 0:
            _check_against_bm25s(tokens, term_ids)
        scores = _scores(tokens, len(term_ids))
        del tokens
        gc.collect()
        postings = len(scores["data"])  # type: ignore[arg-type]
        print(
            f"{chunks:,} chunks: {postings:,} postings, "
            f"built in {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        lexical = _index(scores, term_ids)
        for n in SIZES:
            _, times = timed_calls(partial(_search, lexical, n), asked)
            _line(f"best {n}", times)
        del lexical, scores
        gc.collect()


def _search(lexical: LexicalIndex, n: int, question: str) -> Hits:
    return lexical.search(question, "en", n)


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args(argv)
    run(args.chunks, args.queries)


if __name__ == "__main__":
    main(sys.argv[1:])
