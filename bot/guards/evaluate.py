"""Run the input guard over a JSON Lines file and count what it decided.

Works on the eval sets (`question`, `expect`, `category`), on the hardening corpora
(`text`, `expect`, `kind`, and for malformed input `generate` / `bytes_b64`) and on the
team's labelled intent files (bot/guards/data). Counts are kept per (expect, action), per
(kind or category, expect, action) and per deciding layer.

    python -m bot.guards.evaluate [--rules-only] [--features SET] [--no-span-model] [--pages DIR]
        FILE.jsonl ...

`--rules-only` leaves out the intent classifier; `--features` chooses its feature set
(`ngrams`, the default, `ngrams+e5` or `ngrams+minilm`, as OPENCOUNTER_GUARD_CLASSIFIER_VECTORS
does for the app); `--no-span-model` leaves out the learned
name and address tagger of the personal-data layer (`bot/guards/pii_spans.py`); `--pages DIR`
gives the guard the phone numbers, e-mail and street addresses printed in the pages under DIR
(`knowledge/published.py`), as the engine does with its knowledge base's ("knowledge/demo").
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.guards.intent import FEATURE_SETS, NGRAMS, IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from bot.guards.verdict import GuardAction, GuardLayer
from knowledge.published import PublishedContacts, published_contacts

# Which guard actions count as doing what a record's `expect` asks for.
EXPECTED_ACTIONS: Mapping[str, frozenset[GuardAction]] = {
    "answer": frozenset({"allow"}),
    "allow": frozenset({"allow"}),
    "block_pii": frozenset({"block_pii"}),
    "escalate": frozenset({"escalate", "crisis"}),
    "refuse": frozenset({"refuse"}),
    "ignore_instruction": frozenset({"refuse"}),
}


class EvaluationInputError(ValueError):
    """A line of the evaluated file is not a usable record."""


@dataclass(frozen=True)
class Decision:
    """What the guard did with one record."""

    id: str
    expect: str
    group: str
    action: GuardAction
    reason: str
    seconds: float = 0.0
    layer: GuardLayer = "rules"
    # The kinds of personal data the guard found, whatever it decided.
    pii: tuple[str, ...] = ()

    @property
    def correct(self) -> bool:
        return self.action in EXPECTED_ACTIONS.get(self.expect, frozenset())

    @property
    def withheld_in_escalation(self) -> bool:
        """Personal data expected and found in a message escalated as a crisis: the person
        gets help and the data is replaced in what is kept, but it is not counted as blocked."""
        escalated = self.action in ("crisis", "escalate")
        return self.expect == "block_pii" and escalated and bool(self.pii)


@dataclass(frozen=True)
class GuardEvaluation:
    """Counts of guard decisions over one file."""

    decisions: tuple[Decision, ...]
    by_expect: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_group: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    @classmethod
    def of(cls, decisions: Iterable[Decision]) -> GuardEvaluation:
        kept = tuple(decisions)
        by_expect: Counter[tuple[str, str]] = Counter((d.expect, str(d.action)) for d in kept)
        by_group: Counter[tuple[str, str, str]] = Counter(
            (d.group, d.expect, str(d.action)) for d in kept
        )
        return cls(kept, by_expect, by_group)

    def rate(
        self, expect: str, actions: Iterable[str] | None = None, group: str | None = None
    ) -> float:
        """Share of `expect` records (optionally of one group) decided with `actions`."""
        wanted = frozenset(actions) if actions is not None else EXPECTED_ACTIONS[expect]
        chosen = [
            d for d in self.decisions if d.expect == expect and (group is None or d.group == group)
        ]
        if not chosen:
            return float("nan")
        return sum(d.action in wanted for d in chosen) / len(chosen)

    def misses(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if not d.correct)


def message_of(record: Mapping[str, object]) -> str:
    """The message a record stands for, built when the record says how (malformed corpus)."""
    generate = record.get("generate")
    if isinstance(generate, dict):
        if generate.get("generate") == "repeat":
            return str(generate["unit"]) * int(generate["count"])
        if generate.get("generate") == "nest":
            depth = int(generate["depth"])
            inner = str(generate.get("inner", ""))
            return str(generate["open"]) * depth + inner + str(generate["close"]) * depth
    raw = record.get("bytes_b64")
    if isinstance(raw, str):
        # What a web layer hands on after decoding undecodable bytes leniently.
        return base64.b64decode(raw).decode("utf-8", errors="replace")
    text = record.get("question", record.get("text", ""))
    return text if isinstance(text, str) else json.dumps(text)


def read_records(path: Path) -> Iterable[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise EvaluationInputError(f"{path}:{number}: not JSON: {error}") from error
            if not isinstance(record, dict):
                raise EvaluationInputError(f"{path}:{number}: expected a JSON object")
            yield record


def evaluate(guard: InputGuard, path: Path) -> GuardEvaluation:
    """Inspect every record of a JSONL file with the guard and count the decisions."""
    decisions: list[Decision] = []
    for record in read_records(path):
        lang = str(record.get("lang") or "en")
        message = message_of(record)
        started = time.perf_counter()
        verdict = guard.inspect(message, lang)
        seconds = time.perf_counter() - started
        decisions.append(
            Decision(
                id=str(record.get("id", len(decisions))),
                expect=str(record.get("expect", "")),
                group=str(record.get("kind") or record.get("category") or ""),
                action=verdict.action,
                reason=verdict.reason,
                seconds=seconds,
                layer=verdict.layer,
                pii=tuple(sorted({f.kind for f in verdict.findings})),
            )
        )
    return GuardEvaluation.of(decisions)


def render(evaluation: GuardEvaluation) -> str:
    """The expect x action counts and the per-group rates, as plain text."""
    lines = ["expect x action:"]
    for (expect, action), count in sorted(evaluation.by_expect.items()):
        lines.append(f"  {expect:<20} {action:<10} {count}")
    lines.append("per group (share doing what was expected):")
    groups = sorted({(d.group, d.expect) for d in evaluation.decisions})
    for group, expect in groups:
        if expect in EXPECTED_ACTIONS:
            rate = evaluation.rate(expect, group=group)
            lines.append(f"  {group:<40} {expect:<20} {rate:6.1%}")
    expected = [d for d in evaluation.decisions if d.expect == "block_pii"]
    if expected:
        blocked = sum(d.action == "block_pii" for d in expected)
        escalated = sum(d.withheld_in_escalation for d in expected)
        lines.append(
            f"personal data expected: {blocked} blocked, {escalated} escalated with the data"
            f" withheld, {len(expected) - blocked - escalated} let through, of {len(expected)}"
        )
    layers = Counter((d.layer, d.correct) for d in evaluation.decisions)
    lines.append("deciding layer (right / wrong):")
    for layer in sorted({d.layer for d in evaluation.decisions}):
        lines.append(f"  {layer:<14} {layers[(layer, True)]:>5} / {layers[(layer, False)]}")
    timings = sorted(d.seconds for d in evaluation.decisions)
    if timings:
        p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
        lines.append(
            f"time per message: median {timings[len(timings) // 2] * 1000:.2f} ms, "
            f"p95 {p95 * 1000:.2f} ms, max {timings[-1] * 1000:.2f} ms"
        )
    return "\n".join(lines)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.guards.evaluate",
        description="Run the input guard over JSON Lines files and count what it decided.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.jsonl")
    parser.add_argument("--rules-only", action="store_true", help="leave out the intent classifier")
    parser.add_argument(
        "--features",
        choices=FEATURE_SETS,
        default=NGRAMS,
        help="the intent classifier's feature set (default: the n-grams alone, as the app)",
    )
    parser.add_argument(
        "--no-span-model",
        action="store_true",
        help="leave out the learned name and address tagger of the personal-data layer",
    )
    parser.add_argument(
        "--pages",
        type=Path,
        metavar="DIR",
        help="pages whose printed phone numbers and addresses are public (the engine's own)",
    )
    arguments = parser.parse_args(argv)
    if arguments.pages is not None and not arguments.pages.is_dir():
        parser.error(f"no such folder: {arguments.pages} (give the pages' folder to --pages)")
    unreadable = [str(f) for f in arguments.files if not f.is_file()]
    if unreadable:  # said before the classifier's fit, not after it as a traceback
        parser.error(f"no such file: {', '.join(unreadable)} (give JSON Lines files to evaluate)")
    return arguments


_PAGE_SUFFIXES = (".md", ".txt", ".html", ".htm")


def pages_contacts(folder: Path) -> PublishedContacts:
    """What the pages under `folder` print (phones, e-mail and street addresses)."""
    pages = sorted(p for p in folder.rglob("*") if p.suffix.lower() in _PAGE_SUFFIXES)
    return published_contacts(p.read_text(encoding="utf-8", errors="replace") for p in pages)


def main(argv: list[str]) -> int:
    arguments = _arguments(argv)
    intents = None if arguments.rules_only else IntentClassifier.fit(features=arguments.features)
    tagger: Literal["none", "shipped"] = "none" if arguments.no_span_model else "shipped"
    published = None
    if arguments.pages is not None:
        contacts = pages_contacts(arguments.pages)
        published = lambda: contacts  # noqa: E731 - the guard asks for them when needed
    guard = InputGuard(
        GuardPolicy.default(), intents=intents, pii_tagger=tagger, published=published
    )
    for path in arguments.files:
        evaluation = evaluate(guard, path)
        sys.stdout.write(f"== {path}\n{render(evaluation)}\n")
        for miss in evaluation.misses():
            withheld = f" data withheld: {', '.join(miss.pii)}" * miss.withheld_in_escalation
            sys.stdout.write(
                f"  MISS {miss.id} {miss.expect} -> {miss.action} ({miss.reason}, {miss.layer})"
                f"{withheld}\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
