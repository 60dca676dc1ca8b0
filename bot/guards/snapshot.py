"""The guard's decision on every message the team may read, kept to see what a change changes.

A change to the guards is judged by how many decisions it changes on the team's own messages
(the training set, the written files, the spent held-out sets, the personal-data dev and spent
test sets, the shared dev questions): each changed decision is read, and a change that loses
one is narrowed or dropped. Blind sets are left out by name (`--skip`), so that writing a
snapshot never runs them; the frozen split is never read here.

    python -m bot.guards.snapshot write before.jsonl --skip bot/guards/data/pii/test29.jsonl
    python -m bot.guards.snapshot diff before.jsonl after.jsonl [--texts]

One JSON line per message: its file, id, language, the guard's action and reason. The lines
of `written/` that the frozen split was drawn from are left out (`_tsv`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.guards.intent import IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Message:
    file: str
    id: str
    lang: str
    text: str


def _jsonl(path: Path, label: str) -> Iterator[Message]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            text = row.get("text", row.get("question", ""))
            yield Message(label, str(row.get("id", number)), str(row.get("lang", "en")), text)


def _tsv(path: Path, label: str, frozen: frozenset[str]) -> Iterator[Message]:
    # The written files are the frozen split's source too: its messages (`frozen`, case-folded)
    # are left out here, so that no snapshot or diff ever shows one (until 7 December 2026
    # they were read).
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            lang, _kind, text = line.split("\t", 2)
            if text.casefold() not in frozen:
                yield Message(label, str(number), lang, text)


def _frozen_texts() -> frozenset[str]:
    """The frozen split's texts, case-folded (compared, never printed)."""
    path = DATA / "intents.frozen.jsonl"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(str(json.loads(line)["text"]).casefold() for line in lines if line.strip())


def team_files(shared_eval: Path | None, skip: set[Path]) -> list[Path]:
    """Every file the snapshot reads, blind ones (`skip`) left out; never the frozen split."""
    files = [DATA / "intents.train.jsonl", *sorted((DATA / "written").glob("*.tsv"))]
    files += sorted((DATA / "holdout").glob("*.jsonl"))
    files += sorted((DATA / "pii").glob("*.jsonl"))
    if shared_eval is not None and shared_eval.is_dir():
        files += sorted(shared_eval.glob("*/questions.dev.jsonl"))
    chosen = {p.resolve() for p in skip}
    return [f for f in files if f.resolve() not in chosen and "frozen" not in f.name]


def messages(files: list[Path]) -> Iterator[Message]:
    frozen = _frozen_texts()
    for path in files:
        label = path.name if path.parent.name != "written" else f"written/{path.name}"
        if path.name == "questions.dev.jsonl":
            label = f"{path.parent.name}/{path.name}"
        if path.suffix == ".tsv":
            yield from _tsv(path, label, frozen)
        else:
            yield from _jsonl(path, label)


def write(out: Path, files: list[Path]) -> int:
    guard = InputGuard(GuardPolicy.default(), intents=IntentClassifier.fit())
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for message in messages(files):
            verdict = guard.inspect(message.text, message.lang)
            row = {
                "file": message.file,
                "id": message.id,
                "lang": message.lang,
                "action": verdict.action,
                "reason": verdict.reason,
            }
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _read(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {(row["file"], row["id"]): row for row in rows}


def diff(before: Path, after: Path) -> list[tuple[str, str, str, str]]:
    """(file, id, before, after) for each message whose action or reason changed."""
    old, new = _read(before), _read(after)
    changed = []
    for key in sorted(old.keys() & new.keys()):
        was, now = old[key], new[key]
        if (was["action"], was["reason"]) != (now["action"], now["reason"]):
            changed.append(
                (*key, f"{was['action']}/{was['reason']}", f"{now['action']}/{now['reason']}")
            )
    return changed


def arguments_parser() -> argparse.ArgumentParser:
    """The command line; `--skip` may be given once with several paths or several times."""
    parser = argparse.ArgumentParser(prog="python -m bot.guards.snapshot")
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write", help="the guard's decision on every team message")
    writing.add_argument("out", type=Path)
    writing.add_argument(
        "--skip", type=Path, nargs="*", action="extend", default=[], help="blind sets"
    )
    writing.add_argument("--shared-eval", type=Path, default=Path("../shared/eval"))
    comparing = commands.add_parser("diff", help="the decisions two snapshots disagree on")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--texts", action="store_true", help="print each message's text")
    comparing.add_argument("--shared-eval", type=Path, default=Path("../shared/eval"))
    return parser


def main(argv: list[str]) -> int:
    parser = arguments_parser()
    arguments = parser.parse_args(argv)
    if arguments.command == "write":
        files = team_files(arguments.shared_eval, set(arguments.skip))
        count = write(arguments.out, files)
        sys.stdout.write(f"{count} decisions from {len(files)} files in {arguments.out}\n")
        return 0
    for path in (arguments.before, arguments.after):
        if not path.is_file():
            parser.error(f"no such snapshot: {path} (write one with the `write` command)")
    changed = diff(arguments.before, arguments.after)
    texts: dict[tuple[str, str], str] = {}
    if arguments.texts:
        files = team_files(arguments.shared_eval, set())
        texts = {(m.file, m.id): m.text for m in messages(files)}
    for file, ident, was, now in changed:
        sys.stdout.write(f"{file}\t{ident}\t{was} -> {now}\n")
        if (file, ident) in texts:
            sys.stdout.write(f"    {texts[(file, ident)]}\n")
    by_file = Counter(file for file, *_ in changed)
    sys.stdout.write(f"{len(changed)} changed: {dict(by_file)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
