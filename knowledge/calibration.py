"""Fit the confidence model: logistic regression on retrieval signals, in plain numpy.

How the shipped coefficients (knowledge/confidence.py) were made: run every dev question of
govuk_en and servicepublic_fr through the retriever; label 1 when an answerable question has
a listed source in the top 5 documents (the passages the bot answers from), 0 when it does
not and for every out-of-scope question (govuk_en category `out_of_scope`); fit one model
on lexical-only runs and one on hybrid runs. `benchmarks/retrieval.py calibrate` repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


class CalibrationError(Exception):
    """The labelled sample cannot support a fit (empty, or one class only)."""


@dataclass(frozen=True)
class LogisticFit:
    bias: float
    weights: tuple[float, ...]
    log_loss: float


def fit_logistic(
    features: Sequence[Sequence[float]], labels: Sequence[int], *, l2: float = 1e-3
) -> LogisticFit:
    """Maximum-likelihood logistic regression by Newton's method (a small ridge keeps the
    Hessian invertible when a feature separates the classes)."""
    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] != y.shape[0] or x.shape[0] == 0:
        raise CalibrationError("need one feature row per label, and at least one row")
    if y.min() == y.max():
        raise CalibrationError("need both labels (answerable hits and misses) to calibrate")
    design = np.hstack([np.ones((x.shape[0], 1)), x])
    beta = np.zeros(design.shape[1])
    ridge = l2 * np.eye(design.shape[1])
    ridge[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(100):
        p = _sigmoid(design @ beta)
        gradient = design.T @ (p - y) + ridge @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    p = np.clip(_sigmoid(design @ beta), 1e-12, 1 - 1e-12)
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return LogisticFit(float(beta[0]), tuple(float(b) for b in beta[1:]), loss)


def expected_calibration_error(
    probabilities: Sequence[float], labels: Sequence[int], bins: int = 10
) -> float:
    """Mean |predicted - observed| over equal-width probability bins, weighted by bin size."""
    p = np.asarray(probabilities, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    which = np.minimum((p * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        members = which == b
        if members.any():
            error += members.mean() * abs(float(p[members].mean()) - float(y[members].mean()))
    return error


def _sigmoid(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
    return out
