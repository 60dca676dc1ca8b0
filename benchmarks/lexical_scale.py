"""BM25 alone at 100,000 and 1,000,000 chunks, through the product's search code.

    python -m benchmarks.lexical_scale [--chunks 100000 1000000] [--queries 500]

The same synthetic English text as `benchmarks/retrieval.py speed` (chunks of 110 Zipf words
from a 20,000-word vocabulary; questions of five Zipf words), but the chunks are drawn as term
ids and indexed by the product's builder from ids (`knowledge.lexical._bm25_from_ids`, what
ingest uses after reading each chunk's terms; tests/knowledge/test_lexical_build.py checks it
against bm25s), not by ingesting pages, so 1,000,000 chunks need a few GB instead of an
ingest's. Questions go through `knowledge.lexical` (analyzer, term ids, bm25s's sums, best n)
for n = 10 and n = 100 (the retriever asks each index for 100 before fusion). Prints
p50/p95/p99, load and memory for each size and n. Asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Sequence
from functools import partial

import numpy as np
import numpy.typing as npt

from benchmarks.retrieval import WORDS_PER_SECTION, _line, _vocabulary, _zipf_words
from benchmarks.timing import load_average, timed_calls
from knowledge.languages import Analyzer
from knowledge.lexical import LexicalIndex, _bm25_from_ids, _idf, _LanguageIndex, _unseen_idf
from knowledge.ranking import Hits

K1, B = 1.5, 0.75
SIZES = (10, 100)


def _terms(vocab: list[str]) -> tuple[dict[str, int], npt.NDArray[np.int32]]:
    """The analyzer's term for each vocabulary word (stems can merge words): term ids."""
    analyzer = Analyzer("en")
    term_ids: dict[str, int] = {}
    of_word = np.empty(len(vocab), dtype=np.int32)
    for rank, word in enumerate(vocab):
        (term,) = analyzer.terms(word)
        of_word[rank] = term_ids.setdefault(term, len(term_ids))
    return term_ids, of_word


def _tokens(chunks: int, of_word: npt.NDArray[np.int32], seed: int = 1) -> npt.NDArray[np.int32]:
    ranks = np.random.default_rng(seed).zipf(1.2, size=(chunks, WORDS_PER_SECTION))
    chosen: npt.NDArray[np.int32] = of_word[np.minimum(ranks, 20_000) - 1]
    return chosen


def _index(tokens: npt.NDArray[np.int32], term_ids: dict[str, int]) -> LexicalIndex:
    """The product's build from term ids (one row a chunk), opened as `LexicalIndex.load` does."""
    bm25 = _bm25_from_ids(list(tokens), term_ids, k1=K1, b=B)
    rows = np.arange(tokens.shape[0], dtype=np.int64)
    index = _LanguageIndex(Analyzer("en"), bm25, rows, _idf(bm25), _unseen_idf(bm25))
    return LexicalIndex({"en": index})


def run(sizes: Sequence[int], queries: int) -> None:
    vocab = _vocabulary()
    term_ids, of_word = _terms(vocab)
    rng = np.random.default_rng(2)
    asked = [" ".join(_zipf_words(rng, vocab, 5)) for _ in range(queries)]
    print(f"BM25 alone, {queries} questions of 5 Zipf words ({load_average()})", flush=True)
    for chunks in sizes:
        start = time.perf_counter()
        lexical = _index(_tokens(chunks, of_word), term_ids)
        gc.collect()
        print(f"{chunks:,} chunks: built in {time.perf_counter() - start:.1f} s", flush=True)
        for n in SIZES:
            _, times = timed_calls(partial(_search, lexical, n), asked)
            _line(f"best {n}", times)
        del lexical
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
