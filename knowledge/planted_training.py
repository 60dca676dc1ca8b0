"""Builds the learned planted-sentence classifier's weights: a build step, never run at serve time.

    python -m knowledge.planted_training [--kb FOLDER ...] [--keep-half]

Trains a logistic regression on `knowledge.planted_learned.features` of the team-written
sentences in knowledge/planted_sentences/ (`sentences.train.jsonl`; the frozen split
`sentences.frozen.jsonl` is scored, never fitted or tuned on) and of knowledge-base sentences
as people's sentences: the demo knowledge base's, a seeded sample of the dev knowledge bases'
(../shared/eval, read there, never copied) and the ones a first model scores highest. It is
calibrated on 5-fold cross-validated decisions (Platt); the threshold sits just over the highest
score of any knowledge-base sentence (scored as quarantine scores it, clauses included), so that
none loses a sentence, and never under 0.5. A language with at least `LANG_MIN_SENTENCES`
knowledge-base sentences gets a threshold of its own when its highest sentence (and its
look-alike pages' highest) sits lower: just over them (French); quarantine uses it for a page
in that language.
`--keep-half` trains on half of the dev pages and counts how many pages of the other half would
lose a sentence: the estimate for a knowledge base never seen. Writes `weights.json` with the
figures (cross-validated and frozen kept apart; the cross-validated written sentences also
scored clause by clause with their fold's model, as quarantine scores them). scikit-learn is
imported here and in `planted_vector_training` (the weights with sentence vectors, on the same
training set) alone. Seeded: same data, same weights.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import math
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from knowledge.documents import UnreadableDocument
from knowledge.frontmatter import split_front_matter
from knowledge.planted import line_sentences
from knowledge.planted_learned import (
    FEATURES_VERSION,
    MIN_WORDS,
    WEIGHTS_FILE,
    PlantedSentenceClassifier,
    Weights,
    features,
    scale,
    tokens,
)

DATA = WEIGHTS_FILE.parent
REPO = DATA.parent.parent
DEMO = REPO / "knowledge" / "demo"
DEV_KBS = (
    REPO.parent / "shared" / "eval" / "govuk_en" / "kb",
    REPO.parent / "shared" / "eval" / "servicepublic_fr" / "kb",
)
SEED = 20261202
# Regularisation: chosen by cross-validated average precision among 1, 4, 16 (see the README).
C = 4.0
# A feature must occur in this many training sentences to get a weight (keeps the file small).
MIN_SENTENCES = 2
# Weights smaller than this are dropped from the file; the figures are computed without them.
KEEP_ABOVE = 1e-3
# The threshold sits this far over the highest-scoring knowledge-base sentence.
MARGIN = 0.02
# The project's own look-alike pages for people (clean.jsonl lists them): sentences that look
# like planted ones but must survive. Like a knowledge base's sentences, none may reach the
# threshold: it sits just over the highest of them too. Not trained on.
LOOK_ALIKE_PAGES = REPO / "tests" / "planted_pages"
# A language's own threshold needs at least this many of its knowledge-base sentences scored.
LANG_MIN_SENTENCES = 10_000
# Knowledge-base sentences drawn as negatives, and how many of the hardest are added after.
SAMPLE = 15_000
HARD = 3_000


@dataclass(frozen=True)
class Sentence:
    text: str
    planted: bool
    lang: str
    source: str


def read_written(name: str) -> list[Sentence]:
    with (DATA / name).open(encoding="utf-8") as lines:
        return [
            Sentence(row["text"], bool(row["planted"]), row["lang"], name)
            for row in map(json.loads, lines)
            if row
        ]


def _scaled(sentence: str) -> dict[str, float]:
    counts = features(sentence)
    norm = scale(counts)
    return {name: count / norm for name, count in counts.items()}


def _weights(train: Sequence[Sentence]) -> np.ndarray:
    """Per-sentence weights: the knowledge-base sentences together weigh as much as the planted
    ones, and each written sentence for people as much as a planted one (they are the hard
    look-alikes; left at a knowledge-base sentence's weight they were outvoted)."""
    kb = sum(1 for s in train if s.lang == "kb")
    planted = sum(1 for s in train if s.planted) or 1
    heavy = max(1.0, kb / planted)
    return np.array([1.0 if s.lang == "kb" else heavy for s in train])


def _fit(
    rows: Sequence[dict[str, float]], labels: np.ndarray, weights: np.ndarray
) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    # liblinear takes 32-bit indices only.
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    model = LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=SEED)
    model.fit(matrix, labels, sample_weight=weights)
    return vectorizer, model


def _platt(decisions: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(a, b) with p = 1 / (1 + exp(a * d + b)), fitted on out-of-fold decisions."""
    sigmoid = LogisticRegression(C=1e6, max_iter=1000)
    sigmoid.fit(decisions.reshape(-1, 1), labels)
    return -float(sigmoid.coef_[0][0]), -float(sigmoid.intercept_[0])


def _rates(
    probabilities: Sequence[float], labels: Sequence[bool], threshold: float
) -> dict[str, float]:
    flagged = [p >= threshold for p in probabilities]
    labels = [bool(y) for y in labels]
    planted = sum(labels)
    caught = sum(f and y for f, y in zip(flagged, labels, strict=True))
    wrongly = sum(f and not y for f, y in zip(flagged, labels, strict=True))
    return {
        "planted": planted,
        "caught": caught,
        "people": len(labels) - planted,
        "people_flagged": wrongly,
        "recall": round(caught / planted, 4) if planted else 0.0,
        "precision": round(caught / (caught + wrongly), 4) if caught + wrongly else 1.0,
    }


def _frequent(rows: Sequence[dict[str, float]]) -> set[str]:
    seen: dict[str, int] = {}
    for row in rows:
        for name in row:
            seen[name] = seen.get(name, 0) + 1
    return {name for name, times in seen.items() if times >= MIN_SENTENCES}


def _in_training_half(path: Path) -> bool:
    """With --keep-half, half of each dev knowledge base's pages (seeded) give negatives and the
    other half is kept to estimate how many pages of an unseen knowledge base would lose a
    sentence; the shipped weights are built on every page."""
    digest = hashlib.sha256(f"{SEED}:{path.as_posix()}".encode()).digest()
    return digest[0] % 2 == 0


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.md")) if folder.is_dir() else []


def _page_lang(path: Path) -> str:
    """A page's language: its front matter's `lang`, else a language folder in its path."""
    try:
        meta = split_front_matter(path.read_text(encoding="utf-8"))[0]
    except UnreadableDocument:
        meta = {}
    if meta.get("lang"):
        return meta["lang"].lower()
    return next((part for part in path.parts if part in ("en", "fr")), "")


def _page_sentences(path: Path, *, body_only: bool = False) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if body_only:
        text = split_front_matter(text)[1]
    return [s for line in text.split("\n") for _, s in line_sentences(line)]


def _long_enough(text: str) -> bool:
    return sum(1 for t in tokens(text) if t[:1].isalnum()) >= MIN_WORDS


def _as_classifier(
    vectorizer: DictVectorizer,
    model: LogisticRegression,
    sigmoid: tuple[float, float] = (-1.0, 0.0),
) -> PlantedSentenceClassifier:
    names = vectorizer.get_feature_names_out()
    coefficients = {
        str(name): round(float(w), 5)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= KEEP_ABOVE
    }
    weights = Weights(coefficients, float(model.intercept_[0]), sigmoid, 1.0, {})
    return PlantedSentenceClassifier(weights)


def _classifier(
    train: Sequence[Sentence], keep: set[str] | None = None
) -> tuple[PlantedSentenceClassifier, set[str], LogisticRegression]:
    rows = [_scaled(s.text) for s in train]
    keep = _frequent(rows) if keep is None else keep
    rows = [{k: v for k, v in row.items() if k in keep} for row in rows]
    vectorizer, model = _fit(rows, np.array([s.planted for s in train]), _weights(train))
    return _as_classifier(vectorizer, model), keep, model


def _highest(classifier: PlantedSentenceClassifier, sentences: Iterable[str]) -> float:
    return max((classifier.probability(s) for s in sentences), default=0.0)


def _say(step: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {step}", file=sys.stderr, flush=True)


def _look_alike_sentences(lang: str | None = None) -> list[str]:
    """Every sentence of the look-alike pages for people (none where the folder is absent); with
    lang, those of the pages in that language."""
    listing = LOOK_ALIKE_PAGES / "clean.jsonl"
    if not listing.is_file():
        return []
    rows = [json.loads(line) for line in listing.read_text("utf-8").splitlines()]
    files = [row["file"] for row in rows if lang is None or row.get("lang", "en") == lang]
    return [s for name in files for s in _page_sentences(LOOK_ALIKE_PAGES / name)]


def _language_thresholds(
    classifier: PlantedSentenceClassifier, by_lang: dict[str, list[str]], threshold: float
) -> tuple[dict[str, float], dict[str, object]]:
    """The thresholds of the languages that get one (module docstring), and their figures."""
    thresholds: dict[str, float] = {}
    figures: dict[str, object] = {}
    for lang, sentences in sorted(by_lang.items()):
        if len(sentences) < LANG_MIN_SENTENCES:
            continue
        kb_highest = _highest(classifier, sentences)
        look_highest = _highest(classifier, _look_alike_sentences(lang))
        own = round(max(0.5, min(0.995, max(kb_highest, look_highest) + MARGIN)), 4)
        figures[lang] = {
            "knowledge_base_sentences": len(sentences),
            "knowledge_base_highest": round(kb_highest, 4),
            "look_alike_highest": round(look_highest, 4),
            "threshold": min(own, threshold),
        }
        if own < threshold:
            thresholds[lang] = own
    return thresholds, figures


def _rates_by_language(
    probabilities: Sequence[float], sentences: Sequence[Sentence], weights: Weights
) -> dict[str, float]:
    """`_rates` with each sentence held to the threshold of its language."""
    flagged = [
        p >= weights.threshold_for(s.lang) for p, s in zip(probabilities, sentences, strict=True)
    ]
    # _rates at 0.5 of 1.0 (flagged) and 0.0 (not): the same counts.
    return _rates([float(f) for f in flagged], [s.planted for s in sentences], 0.5)


def _look_alikes_scored(classifier: PlantedSentenceClassifier) -> tuple[list[str], float]:
    """The look-alike pages' sentences and the highest score among them."""
    sentences = _look_alike_sentences()
    return sentences, _highest(classifier, sentences)


@dataclass(frozen=True)
class TrainingSet:
    """What a build fits and scores: written and knowledge-base sentences, and the pages."""

    written: list[Sentence]
    frozen: list[Sentence]
    # Written sentences first, then the knowledge-base ones (the figures slice the first).
    train: list[Sentence]
    # Every knowledge-base sentence long enough to score, of the demo and training pages.
    pool: list[str]
    # The pool's sentences by the language of their page.
    pool_by_lang: dict[str, list[str]]
    kept_pages: list[Path]
    training_pages: list[Path]


def training_set(kbs: Sequence[Path], *, keep_half: bool = False) -> TrainingSet:
    """The written sentences and the knowledge-base ones drawn as people's (see the docstring)."""
    written = read_written("sentences.train.jsonl")
    frozen = read_written("sentences.frozen.jsonl")
    demo_pages = _pages(DEMO)
    dev_pages = [page for folder in kbs if folder != DEMO for page in _pages(folder)]
    training_pages = [p for p in dev_pages if not keep_half or _in_training_half(p)]
    kept_pages = [p for p in dev_pages if keep_half and not _in_training_half(p)]
    demo = list(dict.fromkeys(s for p in demo_pages for s in _page_sentences(p, body_only=True)))
    pool = list(
        dict.fromkeys(s for p in [*demo_pages, *training_pages] for s in _page_sentences(p))
    )
    pool = [s for s in pool if _long_enough(s)]
    by_lang: dict[str, set[str]] = {}
    for page in [*demo_pages, *training_pages]:
        by_lang.setdefault(_page_lang(page), set()).update(_page_sentences(page))
    pool_by_lang = {
        lang: [s for s in sorted(found) if _long_enough(s)] for lang, found in by_lang.items()
    }
    rng = np.random.default_rng(SEED)
    sample = set(demo) | {pool[i] for i in rng.choice(len(pool), min(SAMPLE, len(pool)), False)}
    negatives = [
        Sentence(s, False, "kb", "knowledge base") for s in sorted(sample) if _long_enough(s)
    ]

    _say(f"{len(pool)} knowledge-base sentences; round 1")
    # Round 1, then the knowledge-base sentences it scores highest join the negatives.
    first, _, _ = _classifier(written + negatives)
    hardest = heapq.nlargest(
        HARD, ((first.decision(s) or -1e9, s) for s in pool if s not in sample)
    )
    negatives += [Sentence(s, False, "kb", "knowledge base (hard)") for _, s in hardest]
    return TrainingSet(
        written, frozen, written + negatives, pool, pool_by_lang, kept_pages, training_pages
    )


def build(kbs: Sequence[Path], out: Path, *, keep_half: bool = False) -> dict[str, object]:
    drawn = training_set(kbs, keep_half=keep_half)
    written, frozen, train, pool = drawn.written, drawn.frozen, drawn.train, drawn.pool
    kept_pages, training_pages = drawn.kept_pages, drawn.training_pages
    negatives = train[len(written) :]
    labels = np.array([s.planted for s in train])
    weights = _weights(train)

    _say("cross-validation")
    rows = [_scaled(s.text) for s in train]
    keep = _frequent(rows)
    rows = [{k: v for k, v in row.items() if k in keep} for row in rows]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    decisions = np.zeros(len(train))
    fold_models: list[tuple[np.ndarray, DictVectorizer, LogisticRegression]] = []
    for fit_on, score_on in folds.split(rows, labels):
        vectorizer, model = _fit([rows[i] for i in fit_on], labels[fit_on], weights[fit_on])
        decisions[score_on] = model.decision_function(
            vectorizer.transform([rows[i] for i in score_on])
        )
        fold_models.append((score_on, vectorizer, model))
    a, b = _platt(decisions, labels)
    cv_probabilities = [1 / (1 + math.exp(min(700.0, a * d + b))) for d in decisions]
    # The same folds scored as quarantine scores: each written sentence and its clauses.
    cv_clauses = list(cv_probabilities[: len(written)])
    for score_on, vectorizer, model in fold_models:
        fold = _as_classifier(vectorizer, model, (a, b))
        for i in score_on:
            if i < len(written):
                cv_clauses[i] = fold.probability(train[i].text)

    _say("final fit and thresholds")
    final, _, model = _classifier(train, keep)
    coefficients = final.weights.coefficients
    classifier = PlantedSentenceClassifier(
        Weights(coefficients, final.weights.intercept, (a, b), 1.0, {})
    )
    seen_highest = _highest(classifier, pool)
    at_training_half = round(max(0.5, min(0.995, seen_highest + MARGIN)), 4)
    lost_kept = 0
    top: list[tuple[float, str]] = []
    kept_highest = 0.0
    for page in kept_pages:
        scores = [(classifier.probability(s), s) for s in _page_sentences(page)]
        best = max(scores, default=(0.0, ""))
        kept_highest = max(kept_highest, best[0])
        lost_kept += best[0] >= at_training_half
        top = heapq.nlargest(
            15, [*top, (best[0], f"{page.parent.name}/{page.name}: {best[1][:140]}")]
        )
    look_alikes, look_alike_highest = _look_alikes_scored(classifier)
    threshold = round(
        max(at_training_half, min(0.995, max(kept_highest, look_alike_highest) + MARGIN)), 4
    )
    thresholds, by_language = _language_thresholds(classifier, drawn.pool_by_lang, threshold)
    shipped = Weights(coefficients, final.weights.intercept, (a, b), threshold, {}, thresholds)
    frozen_scores = [classifier.probability(s.text) for s in frozen]

    n = len(written)
    report: dict[str, object] = {
        "training": {
            "written": n,
            "knowledge_base_sentences": len(negatives),
            "features": len(coefficients),
            "dev_pages_for_negatives": len(training_pages),
        },
        "threshold": threshold,
        "threshold_on_training_half": at_training_half,
        "look_alike_sentences": len(look_alikes),
        "look_alike_highest": round(look_alike_highest, 4),
        "kept_half_pages_losing_a_sentence_at_training_half_threshold": {
            "pages": len(kept_pages),
            "lost": lost_kept,
        },
        "cross_validated_written": _rates(cv_probabilities[:n], list(labels[:n]), threshold),
        "cross_validated_written_with_clauses": _rates(cv_clauses, list(labels[:n]), threshold),
        "cross_validated_all": _rates(cv_probabilities, list(labels), threshold),
        "frozen": _rates(frozen_scores, [s.planted for s in frozen], threshold),
        "language_thresholds": by_language,
        "cross_validated_written_with_clauses_by_language": _rates_by_language(
            cv_clauses, written, shipped
        ),
        "frozen_by_language": _rates_by_language(frozen_scores, frozen, shipped),
        "cross_validated_written_at_0.5": _rates(cv_probabilities[:n], list(labels[:n]), 0.5),
        "frozen_at_0.5": _rates(frozen_scores, [s.planted for s in frozen], 0.5),
    }
    data = {
        "features": FEATURES_VERSION,
        "intercept": round(final.weights.intercept, 6),
        "sigmoid": [round(a, 6), round(b, 6)],
        "threshold": threshold,
        "thresholds": thresholds,
        "report": report,
        "coefficients": dict(sorted(coefficients.items())),
    }
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    for probability, text in top:
        print(f"  {probability:.3f} {text}", file=sys.stderr)
    return report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--kb", type=Path, action="append", help="knowledge-base folder")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument(
        "--keep-half",
        action="store_true",
        help="train on half of the dev pages, and count the other half's pages that would lose "
        "a sentence at the threshold chosen on the first",
    )
    args = parser.parse_args(argv)
    kbs = args.kb or [DEMO, *DEV_KBS]
    print(json.dumps(build(kbs, args.out, keep_half=args.keep_half), indent=1))


if __name__ == "__main__":
    main()
