"""Input-guard latency per message: rules only against rules + intent classifier, same run.

    python -m benchmarks.guards [--repeat 3]

Messages: the team's frozen intent split (bot/guards/data/intents.frozen.jsonl) and, when
`../shared` sits beside the repository, the dev questions of the shared eval sets. Each guard
sees every message once as a warm-up, then `--repeat` times; the two guards take turns
message by message, so load from other processes falls on both alike. Fitting the
classifier is timed apart (it happens once per process, on the first message).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bot.guards.intent import IntentClassifier
from bot.guards.intent_data import FROZEN_FILE, data_dir
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"


def messages() -> list[tuple[str, str]]:
    files = [data_dir() / FROZEN_FILE, *sorted(SHARED.glob("*/questions.dev.jsonl"))]
    out: list[tuple[str, str]] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = record.get("text") or record.get("question") or ""
            out.append((str(text), str(record.get("lang") or "en")))
    return out


def _percentiles(timings: list[float]) -> str:
    timings = sorted(timings)
    n = len(timings)
    return (
        f"p50 {timings[n // 2] * 1000:.2f} ms, p95 {timings[int(0.95 * n)] * 1000:.2f} ms, "
        f"p99 {timings[int(0.99 * n)] * 1000:.2f} ms, max {timings[-1] * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    policy = GuardPolicy.default()
    started = time.perf_counter()
    classifier = IntentClassifier.fit()
    fitting = time.perf_counter() - started
    guards = {
        "rules only": InputGuard(policy),
        "rules + classifier": InputGuard(policy, intents=classifier),
    }
    texts = messages()
    timings: dict[str, list[float]] = {name: [] for name in guards}
    classifier_alone: list[float] = []
    for repeat in range(args.repeat + 1):
        for text, lang in texts:
            for name, guard in guards.items():
                start = time.perf_counter()
                guard.inspect(text, lang)
                if repeat:
                    timings[name].append(time.perf_counter() - start)
            start = time.perf_counter()
            classifier.classify(text)
            if repeat:
                classifier_alone.append(time.perf_counter() - start)
    print(f"{len(texts):,} messages x {args.repeat}; classifier fitted in {fitting:.2f} s")
    for name, measured in timings.items():
        print(f"  {name:<20} {_percentiles(measured)}")
    print(f"  {'classifier alone':<20} {_percentiles(classifier_alone)}")


if __name__ == "__main__":
    main()
