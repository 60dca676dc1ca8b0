"""The input guard's cost on the longest messages a citizen may send, in hostile shapes.

    python -m benchmarks.guard_worst [--repeat 5] [--chars N]

Every message is as long as the engine accepts (`EnginePolicy.max_message_chars`, 2,000
characters by default) and is built to keep one of the guard's readers busy: long runs of
digits with and without separators, numbers and letters read out in words (English, French,
spelling alphabets, keypad letters), links full of query values, e-mail-like and @-handle
runs, "label: value" lines, tables, keycap and full-width digits, zero-width characters
between every letter, capitalised names, and one token without a space. The baseline is
ordinary prose of the same length, written for this benchmark. For each shape the guard's own
CPU time (`time.thread_time`, which waiting for a core does not inflate) is given as the
median and the worst of `--repeat` runs, and as a ratio to the baseline's median.

A shape far above the others is a way for one client to spend the server's CPU: the guard runs
on every message before anything else, so its worst case bounds what a message can cost.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

from bot.engine import EnginePolicy
from bot.guards.intent import IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy

PROSE = (
    "Hello, I would like to know which day the green bin is emptied on our street now that "
    "the rounds have changed, and whether the library on the high street still opens late on "
    "Thursdays for the homework club. My son also asked about swimming lessons for beginners. "
)


def _fill(unit: str, chars: int) -> str:
    """`unit` repeated, cut to exactly `chars` characters."""
    return (unit * (chars // max(1, len(unit)) + 1))[:chars]


def _numbered(make: Callable[[int], str], chars: int) -> str:
    """Pieces made from a counter, joined by spaces, cut to `chars`: no two pieces alike."""
    pieces: list[str] = []
    size, n = 0, 0
    while size <= chars:
        piece = make(n)
        pieces.append(piece)
        size += len(piece) + 1
        n += 1
    return " ".join(pieces)[:chars]


def shapes(chars: int) -> dict[str, str]:
    words_en = "zero one two three four five six seven eight nine double triple oh".split()
    words_fr = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze".split()
    nato = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()
    return {
        "prose (baseline)": _fill(PROSE, chars),
        "digits, one run": _fill("4929174658301", chars),
        "digits in pairs": _numbered(lambda n: f"{n % 100:02d}", chars),
        "digits in fours with dashes": _numbered(lambda n: f"{n * 7919 % 10000:04d}-", chars),
        "phone-like groups": _numbered(lambda n: f"07700 900{n % 1000:03d}", chars),
        "numbers in English words": _numbered(lambda n: words_en[n * 7 % len(words_en)], chars),
        "numbers in French words": _numbered(lambda n: words_fr[n * 5 % len(words_fr)], chars),
        "spelling alphabet": _numbered(lambda n: nato[n * 5 % len(nato)], chars),
        "letters one by one": _numbered(lambda n: "ABCDEFGHJKLMNPRSTWXYZ"[n * 3 % 21], chars),
        "keypad letters": _numbered(lambda n: f"0800-{'FLOWERS'[: 3 + n % 5]}", chars),
        "a link of query values": "https://example.org/form?"
        + _numbered(lambda n: f"f{n}={n * 31 % 997:03d}&", chars)[: chars - 25],
        "many links": _numbered(lambda n: f"https://example.net/p/{n}?q={n * 13}", chars),
        "e-mail-like runs": _numbered(lambda n: f"a.b{n}@c{n}.example.com", chars),
        "@-handles and hashtags": _numbered(lambda n: f"@name{n} #tag{n}", chars),
        "label: value lines": _numbered(lambda n: f"Field {n}:\n{n * 7 % 100} Road\n", chars),
        "pipe table": _numbered(lambda n: f"| {n} | EX{n % 5} {n % 9}AB | 07700 |", chars),
        "JSON fragment": _numbered(
            lambda n: f'{{"k{n}": "{n * 17}", "v": [{n}, {n + 1}]}},', chars
        ),
        "keycap digits": _fill(
            "4\N{COMBINING ENCLOSING KEYCAP}9\N{COMBINING ENCLOSING KEYCAP} ", chars
        ),
        "full-width digits": _fill("０７７００ ９００１２３ ", chars),
        "zero-width between letters": _fill("m\u200by\u200b \u200bn\u200ba\u200bm\u200be ", chars),
        "capitalised names": _numbered(lambda n: f"Mr Alan{chr(97 + n % 26)} Smithson,", chars),
        "one token, no space": _fill("abc123def456", chars),
        "accents and combining marks": _fill("e\u0301te\u0301 cafe\u0301 ", chars),
    }


def _cpu(guard: InputGuard, text: str, lang: str) -> float:
    start = time.thread_time()
    guard.inspect(text, lang)
    return time.thread_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chars", type=int, default=EnginePolicy().max_message_chars)
    args = parser.parse_args()
    if args.repeat < 1 or args.chars < 1:
        parser.error("--repeat and --chars must be at least 1")
    guard = InputGuard(GuardPolicy.default(), intents=IntentClassifier.fit())
    cases = shapes(args.chars)
    for text in cases.values():  # warm-up: fitting, caches, compiled patterns
        guard.inspect(text, "en")
    # Shapes take turns within each repeat, so load from other processes falls on all alike.
    runs: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.repeat):
        for name, text in cases.items():
            runs[name].append(_cpu(guard, text, "fr" if "French" in name else "en"))
    base = statistics.median(runs["prose (baseline)"])
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{len(cases)} shapes of {args.chars:,} characters x {args.repeat}; load {load}")
    print(f"  {'shape':<30} {'CPU median':>11} {'worst':>9} {'x prose':>8}")
    ranked = sorted(runs.items(), key=lambda item: -statistics.median(item[1]))
    for name, measured in ranked:
        median = statistics.median(measured)
        print(
            f"  {name:<30} {median * 1000:>8.1f} ms {max(measured) * 1000:>6.1f} ms"
            f" {median / base:>7.1f}x"
        )


if __name__ == "__main__":
    main()
