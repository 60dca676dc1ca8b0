"""The policy's literal gates (bot/guards/prefilter.py): the input guard's CPU time a message
with the gates and with every pattern searched, same run, and the decisions of both compared.

    python -m benchmarks.rule_gates [--repeat 3] [--also FILE ...]

Messages as `benchmarks.guards` reads them (the frozen split, the shared dev questions when
`../shared` is beside the repository, and `--also` files). One guard (rules, then the n-gram
classifier, as the app runs it) inspects every message with the gates, then with them
switched off (`bot.guards.rules._found` replaced by a plain search of every pattern), taking
turns each repeat, so that load from other processes falls on both alike. Prints the CPU time
a message (mean and p95) for each, their ratio, how many of the policy's patterns have a gate,
and how many decisions differ (none may).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from benchmarks.guards import messages
from bot.guards import rules
from bot.guards.intent import IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from bot.guards.prefilter import Needed, gate

Gated = tuple[tuple[Needed | None, re.Pattern[str]], ...]


def _every_pattern(gated: Gated, text: str) -> bool:
    return any(pattern.search(text) for _, pattern in gated)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--also", nargs="*", type=Path, default=[])
    args = parser.parse_args()
    policy = GuardPolicy.default()
    patterns = {
        p
        for rule in [*(r for c in policy.categories for r in c.rules), *policy.in_scope]
        for p in (*rule.any, *rule.also)
    }
    print(f"{sum(gate(p) is not None for p in patterns):,} of {len(patterns):,} patterns gated")
    guard = InputGuard(policy, intents=IntentClassifier.fit())
    texts = messages(args.also)
    gated = rules._found
    cpu: dict[str, list[float]] = {"gated": [], "every pattern searched": []}
    decided: dict[str, list[tuple[str, str]]] = {name: [] for name in cpu}
    for repeat in range(args.repeat + 1):
        for name, found in (("gated", gated), ("every pattern searched", _every_pattern)):
            rules._found = found
            for text, lang in texts:
                started = time.thread_time()
                verdict = guard.inspect(text, lang)
                if repeat:
                    cpu[name].append(time.thread_time() - started)
                else:  # the warm-up round: each way's decisions, to compare
                    decided[name].append((verdict.action, verdict.reason))
    rules._found = gated
    print(f"{len(texts):,} messages x {args.repeat}")
    for name, timings in cpu.items():
        ordered = sorted(timings)
        mean, p95 = statistics.fmean(ordered), ordered[int(0.95 * len(ordered))]
        print(f"  {name:<24} CPU a message: mean {mean * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms")
    ratio = statistics.fmean(cpu["every pattern searched"]) / statistics.fmean(cpu["gated"])
    print(f"  every pattern searched / gated: {ratio:.2f}")
    differ = sum(a != b for a, b in zip(*decided.values(), strict=True))
    print(f"  decisions that differ: {differ} of {len(texts):,}")


if __name__ == "__main__":
    main()
