"""The team's labelled intent messages: reading them, the frozen split and training variants.

The messages are written by hand in `bot/guards/data/written/<label>.tsv` (one
`lang<TAB>kind<TAB>text` a line). `python -m bot.guards.intent_data` turns them into

- `intents.frozen.jsonl`: about a fifth of each (label, language), chosen once by a seeded
  hash and never tuned on; a message already frozen stays frozen when the file is rebuilt;
- `intents.train.jsonl`: the rest, and the messages of the spent held-out sets (listed in
  `holdout/spent.txt`: run once, their figures written), each message with a few
  deterministic variants (typos, no accents, no punctuation, a greeting) that share its
  `group`, so cross-validation keeps a message and its variants in the same fold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

# The classes the intent classifier tells apart; `in_scope` is what the guards let through.
INTENTS = (
    "crisis",
    "human_request",
    "complaint",
    "out_of_scope",
    "abuse_of_service",
    "injection",
    "in_scope",
)
SPLIT_SEED = "opencounter-intents-2026-12"
FROZEN_SHARE = 0.2
VARIANTS_PER_MESSAGE = 2
# What the engine should do with each class, in the eval sets' words (`expect`), so the
# files can be run through `opencounter eval bot` and `python -m bot.guards.evaluate`.
EXPECT = {
    "crisis": "escalate",
    "human_request": "escalate",
    "complaint": "escalate",
    "out_of_scope": "refuse",
    "abuse_of_service": "refuse",
    "injection": "refuse",
    "in_scope": "allow",
}
TRAIN_FILE = "intents.train.jsonl"
FROZEN_FILE = "intents.frozen.jsonl"
# The held-out sets already run once (one file name a line, under `holdout/`): training only.
SPENT_FILE = "holdout/spent.txt"


class IntentDataError(ValueError):
    """A labelled file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class LabelledMessage:
    """One message, its intent, its finer kind (e.g. crisis `self_harm`) and its group."""

    id: str
    text: str
    lang: str
    label: str
    kind: str
    group: str


def data_dir() -> Path:
    """The folder holding the labelled files inside the installed package."""
    return Path(str(resources.files("bot").joinpath("guards", "data")))


def read_labelled(path: Path) -> list[LabelledMessage]:
    """Read a JSONL file of labelled messages; raises IntentDataError on a bad line. A row
    without a group (a held-out set's) is its own group: the group is its id."""
    messages: list[LabelledMessage] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise IntentDataError(f"{path}: cannot read: {error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            fields = {k: str(raw[k]) for k in LabelledMessage.__annotations__ if k != "group"}
            message = LabelledMessage(**fields, group=str(raw.get("group", raw["id"])))
        except (ValueError, KeyError, TypeError) as error:
            raise IntentDataError(f"{path}:{number}: not a labelled message ({error})") from error
        if message.label not in INTENTS:
            raise IntentDataError(f"{path}:{number}: unknown label {message.label!r}")
        messages.append(message)
    return messages


def read_written(folder: Path) -> list[LabelledMessage]:
    """The hand-written messages, one TSV file per label."""
    messages: list[LabelledMessage] = []
    for label in INTENTS:
        path = folder / f"{label}.tsv"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in ("en", "fr"):
                raise IntentDataError(f"{path}:{number}: expected lang<TAB>kind<TAB>text")
            lang, kind, text = parts
            key = _digest(f"{label}\t{text}")[:10]
            messages.append(LabelledMessage(f"{label}-{key}", text, lang, label, kind, key))
    return messages


def read_spent(folder: Path) -> list[LabelledMessage]:
    """The messages of the spent held-out sets `folder / SPENT_FILE` names, in its order; each
    keeps its id and is its own group. Raises IntentDataError on a set that is not there."""
    listing = folder / SPENT_FILE
    if not listing.exists():
        return []
    messages: list[LabelledMessage] = []
    for number, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), start=1):
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        path = listing.parent / name
        if not path.is_file():
            raise IntentDataError(f"{listing}:{number}: no held-out set {name}")
        messages.extend(read_labelled(path))
    return messages


def frozen_split(
    messages: Sequence[LabelledMessage], already_frozen: Iterable[str] = ()
) -> tuple[list[LabelledMessage], list[LabelledMessage]]:
    """(train, frozen): a seeded, stratified ~20 % per (label, language) is frozen.

    Messages whose text is in `already_frozen` stay frozen whatever the new draw says.
    """
    keep = set(already_frozen)
    strata: dict[tuple[str, str], list[LabelledMessage]] = defaultdict(list)
    for message in messages:
        strata[(message.label, message.lang)].append(message)
    frozen_ids: set[str] = set()
    for members in strata.values():
        pinned = [m for m in members if m.text in keep]
        wanted = max(1, round(FROZEN_SHARE * len(members)))
        ranked = sorted(
            (m for m in members if m.text not in keep),
            key=lambda m: _digest(SPLIT_SEED + m.text),
        )
        chosen = pinned + ranked[: max(0, wanted - len(pinned))]
        frozen_ids.update(m.id for m in chosen)
    train = [m for m in messages if m.id not in frozen_ids]
    frozen = [m for m in messages if m.id in frozen_ids]
    return train, frozen


def with_variants(messages: Iterable[LabelledMessage]) -> list[LabelledMessage]:
    """Each message followed by a few deterministic rewritings that keep its meaning."""
    out: list[LabelledMessage] = []
    for message in messages:
        out.append(message)
        rng = random.Random(_digest(SPLIT_SEED + message.id))
        seen = {message.text}
        for n in range(VARIANTS_PER_MESSAGE):
            text = _rewrite(message.text, message.lang, rng)
            if text in seen:
                continue
            seen.add(text)
            out.append(
                LabelledMessage(
                    f"{message.id}-v{n + 1}",
                    text,
                    message.lang,
                    message.label,
                    message.kind,
                    message.group,
                )
            )
    return out


_GREETINGS = {
    "en": ("hi ", "hello, ", "hiya ", "good afternoon. ", "excuse me, "),
    "fr": ("bonjour ", "salut, ", "bonsoir. ", "excusez-moi, ", "allo "),
}
_ENDINGS = {
    "en": (" please", " thanks", "??", " asap", " pls help"),
    "fr": (" svp", " merci", " ??", " s'il vous plait", " merci d'avance"),
}


def _rewrite(text: str, lang: str, rng: random.Random) -> str:
    """One meaning-keeping rewriting: register, typos, code-switching, punctuation.

    Case and accents are not varied: the classifier reads the folded text anyway.
    """
    choice = rng.randrange(6)
    if choice == 0:
        return rng.choice(_GREETINGS[lang]) + text
    if choice == 1:
        return text.rstrip(".?!") + rng.choice(_ENDINGS[lang])
    if choice == 2:
        return _typo(text, rng)
    if choice == 3:
        # Code-switching: a greeting in the other language.
        other = "fr" if lang == "en" else "en"
        return rng.choice(_GREETINGS[other]) + text
    if choice == 4:
        return "".join(ch for ch in text if ch.isalnum() or ch.isspace())
    return _typo(_typo(text, rng), rng)


def _typo(text: str, rng: random.Random) -> str:
    """Swap, drop or double one letter of a word of four letters or more."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    word = words[i]
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif kind == 1:
        word = word[:at] + word[at + 1 :]
    else:
        word = word[:at] + word[at] + word[at:]
    words[i] = word
    return " ".join(words)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_jsonl(path: Path, messages: Iterable[LabelledMessage]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for message in messages:
            row = {**asdict(message), "expect": EXPECT[message.label]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def build(folder: Path) -> tuple[int, int]:
    """Rebuild the train and frozen files from the written messages and the spent held-out
    sets (training only: a spent message whose text is also frozen is left out, so the
    frozen split stays unseen); returns their sizes."""
    written = read_written(folder / "written")
    frozen_path = folder / FROZEN_FILE
    pinned = [m.text for m in read_labelled(frozen_path)] if frozen_path.exists() else []
    train, frozen = frozen_split(written, pinned)
    kept = {m.text.casefold() for m in frozen}
    spent = [m for m in read_spent(folder) if m.text.casefold() not in kept]
    train_rows = with_variants([*train, *spent])
    write_jsonl(folder / TRAIN_FILE, train_rows)
    write_jsonl(frozen_path, frozen)
    return len(train_rows), len(frozen)


def _main(argv: Sequence[str]) -> Iterator[str]:
    parser = argparse.ArgumentParser(
        prog="python -m bot.guards.intent_data",
        description=f"Rebuild {TRAIN_FILE} and {FROZEN_FILE} from the hand-written messages "
        "in written/*.tsv (a frozen message stays frozen).",
    )
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=None,
        help="the data folder holding written/ (default: the packaged one)",
    )
    # Resolved here, not as the default: run as a script (`python bot/guards/intent_data.py
    # bot/guards/data`, as the build does before anything is installed) `bot` is not importable.
    given: Path | None = parser.parse_args(list(argv)).folder
    folder = given if given is not None else data_dir()
    if not (folder / "written").is_dir():
        parser.exit(2, f"no written/ folder in {folder}: nothing to build from\n")
    train, frozen = build(folder)
    yield f"{folder}: {train} training rows, {frozen} frozen messages\n"


if __name__ == "__main__":
    for line in _main(sys.argv[1:]):
        sys.stdout.write(line)
