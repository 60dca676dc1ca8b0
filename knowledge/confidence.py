"""Confidence that the best passage answers the question: a calibrated logistic score.

Features (each in [0, 1]):
- coverage: IDF-weighted share of the question's terms found in the best passage (ranked by
  BM25 alone, the terms of its subject: not the words it is asked with, knowledge/search.py);
- cosine (hybrid mode only): MiniLM's between question and best passage (HYBRID), or, for a
  language whose chunks hold multilingual e5 vectors, e5's between question and nearest chunk
  (E5_HYBRID, per language: a language without one there keeps the lexical model).

The coefficients are fitted by logistic regression on the dev halves of the eval sets
(see benchmarks/README.md, "Retrieval"): label 1 when a listed source is among the
top 5 documents of an answerable question, 0 for out-of-scope questions and misses.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ConfidenceModel:
    """p = sigmoid(bias + w_coverage * coverage + w_cosine * cosine)."""

    bias: float
    w_coverage: float
    w_cosine: float = 0.0

    def __call__(self, coverage: float, cosine: float | None = None) -> float:
        z = self.bias + self.w_coverage * coverage
        if cosine is not None:
            z += self.w_cosine * cosine
        return 1.0 / (1.0 + math.exp(-z))


# Fitted on the dev halves (knowledge/calibration.py; `python benchmarks/retrieval.py calibrate`).
# Lexical: 984 questions (govuk_en answerable + out_of_scope, servicepublic_fr), 832 labelled 1;
# log loss 0.381, expected calibration error 0.026.
LEXICAL_ONLY = ConfidenceModel(bias=-1.102, w_coverage=4.087)
# Hybrid (MiniLM, English): 155 govuk_en questions, 121 labelled 1; log loss 0.219, ECE 0.045.
HYBRID = ConfidenceModel(bias=-6.256, w_coverage=5.555, w_cosine=10.652)
# Hybrid with multilingual e5 chunk vectors ("passage: " chunks, one "query: " question vector),
# by language; a language not here keeps the lexical model (French: not fitted). Its cosine is
# the question's with its nearest chunk (the dense search's first), not with the best fused
# passage: on govuk_en dev through the product (benchmarks/e5_english.py; 122 questions of the
# four fifths, 93 labelled 1, frozen fifth apart) the best passage's e5 cosine told hits from
# misses poorly (5-fold CV log loss 0.504, ECE 0.096; at 0.5 answered 92.6 % of answerable,
# refused 74.1 % of out-of-scope); the nearest chunk's: CV log loss 0.182, ECE 0.043, 96.8 % and
# 85.2 %, against MiniLM's HYBRID refitted the same way 0.237, 0.036, 97.9 % and 85.2 %; frozen
# fifth log loss 0.057, ECE 0.051 (HYBRID's refit 0.041, 0.039). The best page opening's cosine
# had a lower CV log loss (0.156) but refused the demo's questions about the assistant ("Is this
# conversation being recorded?" 0.08). Fitted on the four fifths; e5's cosines crowd into a
# narrow band, hence the steep weight.
E5_HYBRID: Mapping[str, ConfidenceModel] = {
    "en": ConfidenceModel(bias=-60.486, w_coverage=5.917, w_cosine=67.754),
}

# Answer at or above, refuse and point to a contact below. On govuk_en dev, hybrid at 0.5
# answered 98.4 % of answerable questions and refused 86.7 % of out-of-scope ones; lexical-only
# needs 0.7 for 93.3 % refused (91.2 % answered).
RECOMMENDED_THRESHOLD = 0.5
RECOMMENDED_THRESHOLD_LEXICAL_ONLY = 0.7
# By language and mode, beating the two above. French is ranked without chunk vectors by
# default, so its answers need the lexical threshold, which was set on English (govuk_en dev,
# the only dev half with out-of-scope questions). On the demo pages, over the 464 French
# messages of the spent held-out intent sets (hol1-hol18) that the guards let through, 0.7
# answered 97 of 323 in-scope questions (30 %; English at 0.5: 261 of 323) and 1 of 107 that
# should be refused; 0.65 answers 122 and 3, with the same 3 of 34 that should reach a person
# answered (0.6: 146 and 6; 0.55: 182 and 11, 5 of 34). Checked once afterwards on the blind
# nineteenth set (bot/guards/data/holdout/README.md). Issue 17; an operator with other pages
# measures theirs with `opencounter eval bot`.
RECOMMENDED_THRESHOLDS: Mapping[str, float] = {"fr:lexical": 0.65}
# French is ranked by BM25 alone (the English MiniLM gives it no vectors), so it gets 0.7 too.
# Measured both ways: on servicepublic_fr dev (829 answerable questions) 0.7 refuses 23 (14 of
# them with the right page in the top 5) where 0.5 refuses 1, and on the 11 French demo pages
# it refuses the library-card question (0.57); but at 0.5 the demo answered "quelle est la
# capitale de l'australie" and a French wish to die from loosely matching pages (frozen intent
# split, whole engine: to a person 152/162 and refused 90/99 at 0.5, against 156 and 94 at
# 0.7). A refusal gives the contact; a wrong answer to a person at risk does harm.
