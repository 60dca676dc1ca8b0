"""Input-guard latency per message: rules only, rules + n-gram classifier (the default), rules +
n-gram and MiniLM classifier (when the `embeddings` extra is installed), same run; and the
rules without the personal-data span tagger, to show what it costs.

    python -m benchmarks.guards [--repeat 3] [--also FILE ...]

Messages: the team's frozen intent split (bot/guards/data/intents.frozen.jsonl) and, when
`../shared` sits beside the repository, the dev questions of the shared eval sets; `--also`
adds the messages of the JSONL files named (an explicit list, so that no held-out file is read
by accident: the personal-data dev and test sets hold the messages read out in words, which
the default sets lack). The timings are given again for the messages holding a run read out in
words (`pii_spoken.spoken_identifiers`), the ones the personal-data layer reads twice. Each guard
sees every message once as a warm-up, then `--repeat` times; the two guards take turns
message by message, so load from other processes falls on all alike. Fitting each
classifier is timed apart (it happens once per process, on the first message; with MiniLM it
includes loading the model and reading the training vectors from the cache, or embedding
them when the cache is cold).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

from bot.guards.intent import NGRAMS, WITH_MINILM, IntentClassifier
from bot.guards.intent_data import FROZEN_FILE, data_dir
from bot.guards.normalise import fold_aligned
from bot.guards.pii_spoken import spoken_identifiers
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from knowledge.embeddings import minilm_available

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"


def messages(also: Sequence[Path] = ()) -> list[tuple[str, str]]:
    files = [data_dir() / FROZEN_FILE, *sorted(SHARED.glob("*/questions.dev.jsonl")), *also]
    out: list[tuple[str, str]] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = record.get("text") or record.get("question") or ""
            out.append((str(text), str(record.get("lang") or "en")))
    return out


def _read_out(text: str) -> bool:
    """Whether the message holds a run read out in words (what `find_pii` reads twice)."""
    return next(spoken_identifiers(fold_aligned(text)), None) is not None


def _percentiles(timings: list[float]) -> str:
    timings = sorted(timings)
    n = len(timings)
    if not n:
        return "no message"
    return (
        f"p50 {timings[n // 2] * 1000:.2f} ms, p95 {timings[int(0.95 * n)] * 1000:.2f} ms, "
        f"p99 {timings[int(0.99 * n)] * 1000:.2f} ms, max {timings[-1] * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--also", nargs="*", type=Path, default=[], help="more JSONL files of messages to time"
    )
    args = parser.parse_args()
    missing = [str(path) for path in args.also if not path.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    policy = GuardPolicy.default()
    # Both feature sets, whichever the app uses by default, so the choice can be revisited.
    features = [NGRAMS] + ([WITH_MINILM] if minilm_available() else [])
    if WITH_MINILM not in features:
        print("MiniLM is not installed (the `embeddings` extra): n-grams alone measured")
    classifiers: dict[str, IntentClassifier] = {}
    for feature_set in features:
        started = time.perf_counter()
        classifiers[feature_set] = IntentClassifier.fit(sentence_vectors=feature_set == WITH_MINILM)
        print(f"classifier ({feature_set}) fitted in {time.perf_counter() - started:.2f} s")
    # "rules only" has the personal-data span tagger (the default); the first line has not.
    guards = {
        "rules, no span tagger": InputGuard(policy, pii_tagger="none"),
        "rules only": InputGuard(policy),
    } | {f"rules + {name}": InputGuard(policy, intents=c) for name, c in classifiers.items()}
    texts = messages(args.also)
    read_out = [_read_out(text) for text, _ in texts]
    timings: dict[str, list[float]] = {name: [] for name in guards}
    # The thread's CPU time too: with more runnable processes than cores, wall time includes
    # waiting for a core, which says more about the machine than about the guard. It leaves
    # out work done in other threads (onnxruntime's, for MiniLM): read wall time for those.
    cpu: dict[str, list[float]] = {name: [] for name in guards}
    alone: dict[str, list[float]] = {name: [] for name in classifiers}
    for repeat in range(args.repeat + 1):
        for text, lang in texts:
            for name, guard in guards.items():
                start, start_cpu = time.perf_counter(), time.thread_time()
                guard.inspect(text, lang)
                if repeat:
                    cpu[name].append(time.thread_time() - start_cpu)
                    timings[name].append(time.perf_counter() - start)
            for name, classifier in classifiers.items():
                start = time.perf_counter()
                classifier.classify(text)
                if repeat:
                    alone[name].append(time.perf_counter() - start)
    # Other processes on the machine stretch the tail: the load is part of the result.
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{len(texts):,} messages x {args.repeat}; load average after the run {load}")
    for name, measured in timings.items():
        print(f"  {name:<28} {_percentiles(measured)}")
    for name, measured in cpu.items():
        print(f"  {'CPU time, ' + name:<28} {_percentiles(measured)}")
    for name, measured in alone.items():
        print(f"  {'classifier alone, ' + name:<28} {_percentiles(measured)}")
    # Each message's timings were appended in turn, `len(texts)` to a repeat.
    spoken = [m for m in range(args.repeat * len(texts)) if read_out[m % len(texts)]]
    print(f"{sum(read_out):,} of the messages hold a run read out in words; on those:")
    for name, measured in cpu.items():
        picked = [measured[m] for m in spoken]
        print(f"  {'CPU time, ' + name:<28} {_percentiles(picked)}")


if __name__ == "__main__":
    main()
