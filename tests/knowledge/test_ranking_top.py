"""The best n of a long score array: the cut-first path (from CUT_FROM scores) agrees with a
full sort, on ties, on zeros and on negative cosines."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.ranking import CUT_FROM, top_hits


def by_sort(scores: np.ndarray, n: int, positive_only: bool) -> list[tuple[int, float]]:
    order = np.argsort(-scores, kind="stable")  # ties: the lower position first
    kept = [int(i) for i in order[:n] if not positive_only or scores[i] > 0]
    return [(i, float(scores[i])) for i in kept]


def pairs(scores: np.ndarray, n: int, positive_only: bool) -> list[tuple[int, float]]:
    positions = np.arange(scores.shape[0], dtype=np.int64) + 1_000  # positions are not indices
    hits = top_hits(positions, scores.astype(np.float32), n, positive_only=positive_only)
    return [(int(p) - 1_000, float(s)) for p, s in zip(hits.positions, hits.scores, strict=True)]


@pytest.mark.parametrize("n", [1, 10, 100])
@pytest.mark.parametrize("positive_only", [True, False])
def test_random_scores_as_a_full_sort(n: int, positive_only: bool) -> None:
    scores = np.random.default_rng(n).normal(size=CUT_FROM + 7).astype(np.float32)
    assert pairs(scores, n, positive_only) == by_sort(scores, n, positive_only)


def test_bm25_like_scores_mostly_zero() -> None:
    scores = np.zeros(CUT_FROM * 2, dtype=np.float32)
    scores[[5, 70_000, 299_999]] = [1.5, 3.0, 0.25]
    # fewer positive scores than asked: only those, best first
    assert pairs(scores, 100, positive_only=True) == [(70_000, 3.0), (5, 1.5), (299_999, 0.25)]
    # all zero: nothing
    assert pairs(np.zeros(CUT_FROM, np.float32), 10, positive_only=True) == []


def test_many_ties_at_the_cut_give_exactly_n_of_the_best() -> None:
    scores = np.ones(CUT_FROM, dtype=np.float32)  # everyone equal
    scores[123] = 2.0
    got = pairs(scores, 10, positive_only=True)
    assert len(got) == 10
    assert got[0] == (123, 2.0)
    assert all(score == 1.0 for _, score in got[1:])
    assert len({p for p, _ in got}) == 10


def test_a_few_ties_at_the_cut_are_broken_by_position() -> None:
    scores = np.random.default_rng(3).random(CUT_FROM).astype(np.float32)
    scores[[10, 20, 30]] = 5.0
    scores[[40, 50]] = 4.0  # the third and fourth best are tied, n = 4 keeps the first of them
    assert pairs(scores, 4, positive_only=True) == [(10, 5.0), (20, 5.0), (30, 5.0), (40, 4.0)]
