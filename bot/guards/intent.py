"""The learned intent layer of the input guard: calibrated class scores and per-class thresholds.

A message the precise rules did not decide is scored by a linear model (LinearSVC) on
character and word n-grams of its folded text (lower case, no accents, look-alike letters
mapped), so "je veux en finir" and "jveux en finir" land close although no rule names
either. Each class's score is Platt-calibrated (a sigmoid fitted on cross-validated
decision values, as `CalibratedClassifierCV(ensemble=False)` does) and each class has its own
threshold, chosen on out-of-fold scores of the training set: for the classes where a miss
hurts a person (crisis, a request for a person, a complaint) the threshold keeps recall at
`RECALL_TARGET` unless that would send more than `IN_SCOPE_ESCALATED_AT_MOST` of in-scope
questions to a person; for the refusal classes it keeps in-scope questions passing.

Where training happens: the cross-validation (seconds) runs once per data version, as a
build step (`python -m bot.guards.intent`), and writes `intents.calibration.json` next to
the data: sigmoid parameters, thresholds and the cross-validated figures, keyed by a hash
of the training file. At run time `IntentClassifier.fit` only fits the final model (well
under a second) and takes the calibration from that file; `LazyIntentClassifier` does this on
first use and keeps the result on itself, so an app or a test that never asks pays nothing.
scikit-learn is imported by this module alone. Everything is seeded: same data, same model.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.svm import LinearSVC

from bot.guards.intent_data import (
    INTENTS,
    TRAIN_FILE,
    LabelledMessage,
    data_dir,
    read_labelled,
)
from bot.guards.intent_decision import (
    DISTRESS,
    IN_SCOPE,
    RECALL_FIRST,
    REFUSAL_CLASSES,
    TO_A_PERSON,
    IntentDecision,
    decide,
)
from bot.guards.normalise import fold

# Bump when features, model or threshold rules change: the calibration file must be rebuilt.
MODEL_VERSION = "intent-6"
CALIBRATION_FILE = "intents.calibration.json"
RECALL_TARGET = 0.98
DISTRESS_RECALL = 0.95
# At most this share of in-scope questions may be sent to a person by each recall-first
# class, and by their summed score.
IN_SCOPE_ESCALATED_AT_MOST = 0.01
IN_SCOPE_TO_A_PERSON_AT_MOST = 0.02
# Refusal thresholds: at most this share of in-scope questions refused by each class, and
# never below REFUSAL_FLOOR: the rules catch the clear cases, retrieval refuses what the
# pages do not cover, so the classifier refuses only when it is fairly sure.
IN_SCOPE_REFUSED_AT_MOST = 0.003
REFUSAL_FLOOR = 0.6
# A recall-first class alone decides only above this; below, the summed score decides.
ALONE_FLOOR = 0.5
FOLDS = 5
SEED = 20261202


class IntentModelError(RuntimeError):
    """The intent classifier cannot be built; the message says what to do."""


@dataclass(frozen=True)
class Calibration:
    """Per-class sigmoid parameters (p = 1 / (1 + exp(a * d + b))) and thresholds."""

    fingerprint: str
    sigmoids: Mapping[str, tuple[float, float]]
    thresholds: Mapping[str, float]
    report: Mapping[str, Mapping[str, float]]

    def to_json(self) -> str:
        data = {
            "model_version": MODEL_VERSION,
            "fingerprint": self.fingerprint,
            "sigmoids": {k: list(v) for k, v in self.sigmoids.items()},
            "thresholds": dict(self.thresholds),
            "cross_validated": self.report,
        }
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Calibration:
        data = json.loads(text)
        return cls(
            fingerprint=str(data["fingerprint"]),
            sigmoids={k: (float(a), float(b)) for k, (a, b) in data["sigmoids"].items()},
            thresholds={k: float(v) for k, v in data["thresholds"].items()},
            report=data.get("cross_validated", {}),
        )


class _Model:
    """Fitted features and linear model; scores one message without pipeline overhead."""

    def __init__(self, messages: Sequence[LabelledMessage]) -> None:
        texts = [fold(m.text) for m in messages]
        self.chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, dtype=np.float32
        )
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
        features = hstack([self.chars.fit_transform(texts), self.words.fit_transform(texts)])
        self.svm = LinearSVC(C=0.5, class_weight="balanced", random_state=SEED)
        self.svm.fit(features.tocsr(), [m.label for m in messages])
        self.classes = tuple(str(c) for c in self.svm.classes_)
        # The weights split by feature block, so scoring needs no stacking of matrices.
        split = len(self.chars.vocabulary_)
        weights = np.asarray(self.svm.coef_.T, dtype=np.float32)
        self._char_weights, self._word_weights = weights[:split], weights[split:]
        self._bias = np.asarray(self.svm.intercept_, dtype=np.float32)

    def decisions(self, texts: Sequence[str]) -> np.ndarray:
        values = np.empty((len(texts), len(self.classes)), dtype=np.float64)
        for row, text in enumerate(texts):
            folded = fold(text)
            values[row] = (
                _weighted(self.chars, self._char_weights, folded)
                + _weighted(self.words, self._word_weights, folded)
                + self._bias
            )
        return values


def _weighted(vectorizer: TfidfVectorizer, weights: np.ndarray, text: str) -> np.ndarray:
    """`vectorizer.transform([text]) @ weights`, computed directly: the same sublinear tf-idf
    and l2 norm, without building a sparse matrix (ten times faster for one message)."""
    vocabulary = vectorizer.vocabulary_
    counts = Counter(
        index
        for gram in vectorizer.build_analyzer()(text)
        if (index := vocabulary.get(gram)) is not None
    )
    if not counts:
        return np.zeros(weights.shape[1], dtype=np.float32)
    indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    values = (1.0 + np.log(tf)) * vectorizer.idf_[indices]
    values /= np.sqrt(np.dot(values, values))
    result: np.ndarray = values.astype(np.float32) @ weights[indices]
    return result


class IntentClassifier:
    """A fitted model with its calibration; immutable after construction, safe to share."""

    def __init__(self, model: _Model, calibration: Calibration) -> None:
        self._model = model
        self.calibration = calibration
        self.thresholds = calibration.thresholds

    @classmethod
    def fit(
        cls, train_file: Path | None = None, calibration_file: Path | None = None
    ) -> IntentClassifier:
        """Fit the final model on the training file with the calibration built for it.

        Raises IntentModelError when the calibration was built for other data: run
        `python -m bot.guards.intent` after changing the training file.
        """
        train_file = train_file or data_dir() / TRAIN_FILE
        calibration = check_calibration(train_file, calibration_file)
        return cls(_Model(read_labelled(train_file)), calibration)

    def scores(self, text: str) -> dict[str, float]:
        """Calibrated probability of each class for one message (they sum to 1)."""
        return _calibrated(self._model.classes, self._model.decisions([text])[0], self.calibration)

    def classify(self, text: str) -> IntentDecision:
        return decide(self.scores(text), self.thresholds)


class LazyIntentClassifier:
    """Fits the classifier on first use and keeps it on this object (one per app or guard)."""

    def __init__(
        self, train_file: Path | None = None, calibration_file: Path | None = None
    ) -> None:
        self._train_file = train_file
        self._calibration_file = calibration_file
        self._fitted: IntentClassifier | None = None
        self._lock = threading.Lock()
        # Fail at start-up, not on a citizen's first message: the files must match.
        check_calibration(train_file, calibration_file)

    def fitted(self) -> IntentClassifier:
        with self._lock:
            if self._fitted is None:
                self._fitted = IntentClassifier.fit(self._train_file, self._calibration_file)
            return self._fitted

    def classify(self, text: str) -> IntentDecision:
        return self.fitted().classify(text)


def check_calibration(
    train_file: Path | None = None, calibration_file: Path | None = None
) -> Calibration:
    """The calibration for the training file; IntentModelError saying what to run if the
    file is missing, unreadable or was built for other training data."""
    train_file = train_file or data_dir() / TRAIN_FILE
    calibration_file = calibration_file or train_file.with_name(CALIBRATION_FILE)
    try:
        calibration = Calibration.from_json(calibration_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise IntentModelError(
            f"cannot read the intent calibration {calibration_file}: {error}; "
            "build it with `python -m bot.guards.intent`"
        ) from error
    if calibration.fingerprint != fingerprint(train_file):
        raise IntentModelError(
            f"{calibration_file} was built for other training data; "
            "rebuild it with `python -m bot.guards.intent`"
        )
    return calibration


def _calibrated(
    classes: Sequence[str], decisions: np.ndarray, calibration: Calibration
) -> dict[str, float]:
    raw = {}
    for c, d in zip(classes, decisions, strict=True):
        a, b = calibration.sigmoids[c]
        raw[c] = 1.0 / (1.0 + math.exp(min(700.0, a * float(d) + b)))
    total = sum(raw.values()) or 1.0
    return {c: p / total for c, p in raw.items()}


def fingerprint(train_file: Path) -> str:
    """What the calibration is valid for: the training file's bytes and the model version."""
    digest = hashlib.sha256()
    try:
        digest.update(train_file.read_bytes())
    except OSError as error:
        raise IntentModelError(
            f"cannot read the intent training file {train_file}: {error}"
        ) from error
    digest.update(MODEL_VERSION.encode())
    return digest.hexdigest()


def splits(messages: Sequence[LabelledMessage]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds that keep a message and its variants together."""
    splitter = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    labels = [m.label for m in messages]
    groups = [m.group for m in messages]
    return list(splitter.split(np.zeros(len(messages)), labels, groups))


def out_of_fold_decisions(
    messages: Sequence[LabelledMessage],
) -> tuple[tuple[str, ...], np.ndarray]:
    """Each message's decision values from a model that never saw it nor its variants."""
    values = np.zeros((len(messages), len(INTENTS)))
    classes: tuple[str, ...] = ()
    for train_index, test_index in splits(messages):
        model = _Model([messages[i] for i in train_index])
        classes = model.classes
        values[test_index] = model.decisions([messages[i].text for i in test_index])
    return classes, values


def fit_sigmoids(
    classes: Sequence[str], values: np.ndarray, labels: Sequence[str]
) -> dict[str, tuple[float, float]]:
    """Platt scaling per class, one against the rest, on out-of-fold decision values."""
    sigmoids: dict[str, tuple[float, float]] = {}
    for column, c in enumerate(classes):
        target = np.array([label == c for label in labels], dtype=int)
        platt = LogisticRegression(C=1e4, max_iter=1000)
        platt.fit(values[:, column : column + 1], target)
        # sklearn's p = 1 / (1 + exp(-(w d + b))): store a = -w, b = -b.
        sigmoids[c] = (-float(platt.coef_[0][0]), -float(platt.intercept_[0]))
    return sigmoids


def choose_thresholds(
    scores: Sequence[Mapping[str, float]], labels: Sequence[str]
) -> dict[str, float]:
    """Per-class thresholds from out-of-fold scores (see the module docstring)."""
    in_scope = [s for s, label in zip(scores, labels, strict=True) if label == IN_SCOPE]
    thresholds: dict[str, float] = {}
    for intent in RECALL_FIRST:
        own = sorted(s[intent] for s, label in zip(scores, labels, strict=True) if label == intent)
        for_recall = own[int((1.0 - RECALL_TARGET) * len(own))] - 1e-6
        thresholds[intent] = max(
            ALONE_FLOOR, for_recall, _keeping(in_scope, intent, IN_SCOPE_ESCALATED_AT_MOST)
        )
    people = [
        {TO_A_PERSON: sum(s[c] for c in RECALL_FIRST), "label": label == IN_SCOPE}
        for s, label in zip(scores, labels, strict=True)
        if label in RECALL_FIRST or label == IN_SCOPE
    ]
    summed = sorted(p[TO_A_PERSON] for p in people if not p["label"])
    for_recall = summed[int((1.0 - RECALL_TARGET) * len(summed))] - 1e-6
    budget = _keeping(
        [{TO_A_PERSON: p[TO_A_PERSON]} for p in people if p["label"]],
        TO_A_PERSON,
        IN_SCOPE_TO_A_PERSON_AT_MOST,
    )
    thresholds[TO_A_PERSON] = max(for_recall, budget)
    # Acted on only when retrieval cannot answer, so recall sets it; a lower target than
    # RECALL_TARGET, because every out-of-scope question above it goes to a person too.
    for_distress = summed[int((1.0 - DISTRESS_RECALL) * len(summed))] - 1e-6
    thresholds[DISTRESS] = min(for_distress, thresholds[TO_A_PERSON])
    for intent in REFUSAL_CLASSES:
        thresholds[intent] = max(
            REFUSAL_FLOOR, _keeping(in_scope, intent, IN_SCOPE_REFUSED_AT_MOST)
        )
    thresholds[IN_SCOPE] = 0.0
    return {k: round(v, 6) for k, v in thresholds.items()}


def _keeping(in_scope: Sequence[Mapping[str, float]], intent: str, share: float) -> float:
    """The lowest threshold at which at most `share` of in-scope messages score above it."""
    ranked = sorted((s[intent] for s in in_scope), reverse=True)
    allowed = int(share * len(ranked))
    return ranked[allowed] + 1e-6 if ranked else 0.5


def rates(decided: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Recall and precision per class, and the counts they come from; `to_a_person`: the
    share of recall-first messages sent to a person (as any of those classes)."""
    people = [
        d in RECALL_FIRST for d, label in zip(decided, labels, strict=True) if label in RECALL_FIRST
    ]
    in_scope = [
        d == IN_SCOPE for d, label in zip(decided, labels, strict=True) if label == IN_SCOPE
    ]
    report: dict[str, dict[str, float]] = {
        TO_A_PERSON: {"n": len(people), "recall": round(sum(people) / len(people), 4)},
        "in_scope_passed": {"n": len(in_scope), "recall": round(sum(in_scope) / len(in_scope), 4)},
    }
    for intent in INTENTS:
        truth = sum(label == intent for label in labels)
        said = sum(d == intent for d in decided)
        hit = sum(d == intent == label for d, label in zip(decided, labels, strict=True))
        report[intent] = {
            "n": truth,
            "recall": round(hit / truth, 4) if truth else float("nan"),
            "precision": round(hit / said, 4) if said else float("nan"),
        }
    return report


def calibrate(train_file: Path) -> Calibration:
    """Cross-validate on the training file: sigmoids, thresholds and the CV figures."""
    messages = read_labelled(train_file)
    if {m.label for m in messages} != set(INTENTS):
        raise IntentModelError(f"the training set must hold every class: {INTENTS}")
    labels = [m.label for m in messages]
    classes, values = out_of_fold_decisions(messages)
    provisional = Calibration("", fit_sigmoids(classes, values, labels), {}, {})
    scores = [_calibrated(classes, row, provisional) for row in values]
    thresholds = choose_thresholds(scores, labels)
    decided = [decide(s, thresholds).intent for s in scores]
    return Calibration(
        fingerprint(train_file), provisional.sigmoids, thresholds, rates(decided, labels)
    )


def main(argv: Sequence[str]) -> int:
    train_file = Path(argv[0]) if argv else data_dir() / TRAIN_FILE
    calibration = calibrate(train_file)
    train_file.with_name(CALIBRATION_FILE).write_text(calibration.to_json(), encoding="utf-8")
    for intent, figures in calibration.report.items():
        precision = f" precision {figures['precision']:.1%}" if "precision" in figures else ""
        threshold = calibration.thresholds.get(intent)
        sys.stdout.write(
            f"{intent:<18} n={figures['n']:<5} cv recall {figures['recall']:.1%}{precision}"
            + (f" threshold {threshold:.3f}" if threshold is not None else "")
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
