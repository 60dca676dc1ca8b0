"""Which sentence vectors, if any, help the intent classifier on wording it was not trained on.

    python -m benchmarks.intent_features [--weights 0.5,1] [--no-minilm] [--no-e5] [--skip FILE...]

The classifier alone (no rules), fitted on the training file with each feature set: the
n-grams (the default), the n-grams beside MiniLM's English sentence vectors, and the n-grams
beside multilingual-e5-small's "query: " vectors (the model retrieval already runs), at
each weight asked for. Measured on the spent held-out intent sets (`bot/guards/data/holdout/`,
every one of them run once blind and then read: development figures, not results).

Threshold-free, so that feature sets are compared before any calibration is built for them:
for the messages that must reach a person (crisis, a request for a person, a complaint), the
margin of the best of those classes over the best other class; the threshold that keeps a
given share of them (90, 95, 97 %) is taken on these sets, and the figure is the share of
in-scope questions under it (let through). The same for crises alone. Plus each class's
first choice (argmax). The frozen split is never read here.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import numpy.typing as npt

from bot.guards.intent import E5Questions, LinearIntentModel, training_vectors
from bot.guards.intent_data import TRAIN_FILE, data_dir, read_labelled
from knowledge.e5 import E5Embedder, default_e5_dir
from knowledge.embeddings import default_embedder

PERSON = ("crisis", "human_request", "complaint")
REFUSED = ("out_of_scope", "abuse_of_service", "injection")
RECALLS = (0.90, 0.95, 0.97)


def held_out(skip: frozenset[str] = frozenset()) -> tuple[list[str], npt.NDArray[np.str_]]:
    """The spent held-out sets' messages and labels; `skip`: the blind ones, by file name."""
    texts, labels = [], []
    for path in sorted((data_dir() / "holdout").glob("*.jsonl")):
        if path.name in skip:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(row["label"])
    return texts, np.array(labels)


def _margin(decisions: npt.NDArray[np.float64], mine: list[int]) -> npt.NDArray[np.float64]:
    others = [i for i in range(decisions.shape[1]) if i not in mine]
    margin: npt.NDArray[np.float64] = decisions[:, mine].max(1) - decisions[:, others].max(1)
    return margin


def _kept(
    margin: npt.NDArray[np.float64],
    wanted: npt.NDArray[np.bool_],
    ins: npt.NDArray[np.bool_],
    recall: float,
) -> float:
    threshold = np.quantile(margin[wanted], 1 - recall)
    return float(np.mean(margin[ins] < threshold))


def report(
    name: str,
    model: LinearIntentModel,
    texts: list[str],
    labels: npt.NDArray[np.str_],
    vectors: npt.NDArray[np.float32] | None,
) -> str:
    decisions = model.decisions(texts, vectors)
    classes = list(model.classes)
    first = np.array(classes)[decisions.argmax(1)]
    person, crisis, ins = np.isin(labels, PERSON), labels == "crisis", labels == "in_scope"
    refused = np.isin(labels, REFUSED)
    lines = [
        f"{name}: first choice: to a person {np.mean(np.isin(first[person], PERSON)):.3f}, "
        f"crisis {np.mean(first[crisis] == 'crisis'):.3f}, in scope "
        f"{np.mean(first[ins] == 'in_scope'):.3f}, refused classes "
        f"{np.mean(first[refused] == labels[refused]):.3f}"
    ]
    to_person = _margin(decisions, [classes.index(c) for c in PERSON])
    as_crisis = _margin(decisions, [classes.index("crisis")])
    for recall in RECALLS:
        lines.append(
            f"  at {recall:.0%} of people to a person: in scope let through "
            f"{_kept(to_person, person, ins, recall):.3f}; at {recall:.0%} of crises: in scope "
            f"not called a crisis {_kept(as_crisis, crisis, ins, recall):.3f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.intent_features")
    parser.add_argument("--weights", default="0.5,1", help="e5 vector weights, comma-separated")
    parser.add_argument("--no-minilm", action="store_true")
    parser.add_argument("--no-e5", action="store_true")
    parser.add_argument(
        "--skip",
        nargs="*",
        action="extend",
        default=[],
        help="held-out files not yet run (blind), by name",
    )
    arguments = parser.parse_args()
    train_file = data_dir() / TRAIN_FILE
    messages = read_labelled(train_file)
    texts, labels = held_out(frozenset(arguments.skip))
    print(f"{len(messages)} training messages; {len(texts)} held-out messages (spent sets)")
    print(report("n-grams", LinearIntentModel(messages), texts, labels, None), flush=True)
    if not arguments.no_minilm:
        minilm = default_embedder()
        if minilm is not None:
            started = time.perf_counter()
            fitted = training_vectors(train_file, messages, minilm)
            asked = np.asarray(minilm.embed(texts), dtype=np.float32)
            print(f"(MiniLM vectors in {time.perf_counter() - started:.0f} s)")
            model = LinearIntentModel(messages, fitted)
            print(report("n-grams + MiniLM", model, texts, labels, asked), flush=True)
    if not arguments.no_e5:
        e5 = E5Questions(E5Embedder(default_e5_dir()))
        started = time.perf_counter()
        fitted = training_vectors(train_file, messages, e5)
        asked = np.asarray(e5.embed(texts), dtype=np.float32)
        print(f"(e5 vectors in {time.perf_counter() - started:.0f} s)")
        for weight in (float(w) for w in arguments.weights.split(",")):
            # LinearIntentModel weighs the vector block by VECTOR_WEIGHT (1.0): scaled here.
            model = LinearIntentModel(messages, fitted * weight)
            print(report(f"n-grams + e5 x {weight}", model, texts, labels, asked * weight))


if __name__ == "__main__":
    main()
