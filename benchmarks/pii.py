"""Personal-data layer benchmark: time per message of `find_pii` alone, p50 / p95 / max.

    python -m benchmarks.pii [--repeat 5]

Messages: the team's personal-data sets (bot/guards/data/pii), the in-repo copy of the
hostile corpus and, when `../shared` sits beside the repository, the dev questions of the
shared eval sets. Each message is timed `--repeat` times after one warm-up pass; the whole
guard's latency (with the intent classifier) is a separate benchmark.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bot.guards.pii import find_pii
from bot.guards.policy import GuardPolicy

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"


def messages() -> list[str]:
    files = sorted((REPO / "bot" / "guards" / "data" / "pii").glob("*.jsonl"))
    files.append(REPO / "tests" / "corpora" / "pii.jsonl")
    files += sorted(SHARED.glob("*/questions.dev.jsonl"))
    texts: list[str] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append(str(record.get("text") or record.get("question") or ""))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    policy = GuardPolicy.default().pii
    texts = messages()
    for text in texts:
        find_pii(text, policy)
    timings: list[float] = []
    for _ in range(args.repeat):
        for text in texts:
            start = time.perf_counter()
            find_pii(text, policy)
            timings.append(time.perf_counter() - start)
    timings.sort()
    count = len(timings)
    print(
        f"find_pii over {len(texts):,} messages x {args.repeat}: "
        f"p50 {timings[count // 2] * 1000:.3f} ms, p95 {timings[int(0.95 * count)] * 1000:.3f} ms, "
        f"max {timings[-1] * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
