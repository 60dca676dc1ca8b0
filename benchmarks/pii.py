"""Personal-data layer benchmark: time per message of `find_pii`, rules alone and rules with
the learned name and address tagger, p50 / p95 / max and their ratio, same run.

    python -m benchmarks.pii [--repeat 5]

Messages: the team's personal-data dev sets and the older frozen halves (bot/guards/data/pii,
the newest frozen half and the holdout excepted), the in-repo copy of the hostile corpus
and, when `../shared` sits beside the repository, the dev questions of the shared eval sets.
Each message is timed `--repeat` times after one warm-up pass, the two set-ups taking turns
message by message so that load from other processes falls on both alike; the load average
is printed with the result, and CPU time beside wall time (waiting for a core left out).
Loading the tagger's weights is timed apart (once per process).
The whole guard's latency (with the intent classifier) is a separate benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from bot.guards.pii import find_pii
from bot.guards.pii_spans import SpanTagger
from bot.guards.policy import GuardPolicy

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
# The sets this benchmark reads: never the held-out halves (test6, test7) or the holdout.
PII_SETS = ("dev", "dev2", "dev3", "dev4", "test", "test2", "test3", "test4", "test5")


def messages() -> list[str]:
    folder = REPO / "bot" / "guards" / "data" / "pii"
    files = [folder / f"{name}.jsonl" for name in PII_SETS]
    files.append(REPO / "tests" / "corpora" / "pii.jsonl")
    files += sorted(SHARED.glob("*/questions.dev.jsonl"))
    texts: list[str] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append(str(record.get("text") or record.get("question") or ""))
    return texts


def _percentile(timings: list[float], share: float) -> float:
    return timings[min(len(timings) - 1, int(share * len(timings)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    policy = GuardPolicy.default().pii
    started = time.perf_counter()
    tagger = SpanTagger.load()
    print(f"span model loaded in {(time.perf_counter() - started) * 1000:.0f} ms")
    setups: dict[str, SpanTagger | None] = {"rules alone": None, "rules + span tagger": tagger}
    texts = messages()
    # Wall time, and the thread's CPU time: on a shared machine whose load is above its
    # cores, a message's wall time includes waiting for a core, which CPU time leaves out.
    clocks = {"wall": time.perf_counter, "cpu": time.thread_time}
    timings: dict[tuple[str, str], list[float]] = {
        (name, clock): [] for name in setups for clock in clocks
    }
    for repeat in range(args.repeat + 1):
        for text in texts:
            for name, chosen in setups.items():
                wall, cpu = time.perf_counter(), time.thread_time()
                find_pii(text, policy, chosen)
                if repeat:
                    timings[(name, "cpu")].append(time.thread_time() - cpu)
                    timings[(name, "wall")].append(time.perf_counter() - wall)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"find_pii over {len(texts):,} messages x {args.repeat}; load average after {load}")
    p50s: dict[tuple[str, str], float] = {}
    p95s: dict[tuple[str, str], float] = {}
    for (name, clock), measured in timings.items():
        measured.sort()
        key = (name, clock)
        p50s[key], p95s[key] = _percentile(measured, 0.5), _percentile(measured, 0.95)
        print(
            f"  {name:<22} {clock:<4} p50 {p50s[key]:.3f} ms, p95 {p95s[key]:.3f} ms, "
            f"max {measured[-1] * 1000:.2f} ms"
        )
    for clock in clocks:
        base, learned = ("rules alone", clock), ("rules + span tagger", clock)
        print(
            f"  ratio, {clock} (tagger / rules alone): p50 x{p50s[learned] / p50s[base]:.2f}, "
            f"p95 x{p95s[learned] / p95s[base]:.2f}"
        )


if __name__ == "__main__":
    main()
