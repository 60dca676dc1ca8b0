"""Builds the span tagger's model file from the team's labelled span file (a build step).

    python -m bot.guards.pii_spans_train [--check]

Reads `bot/guards/data/pii/spans.train.txt` (messages with slots and written spans), fills
each slot several times with a seeded generator (names from `given_names.txt` and the
file's surnames, addresses from its street lists), adds messages of the intent training
set that hold no name or address as plain negatives, and fits a multinomial logistic
regression on `pii_spans.features`. A five-fold cross-validation grouped by source line (the
fillings of one line stay in one fold) chooses each label's probability threshold: the
highest recall with at most `FALSE_ALARMS_AT_MOST` of the negative messages flagged. The
weights, thresholds and cross-validated figures go to `spans.model.json` with a hash of
the inputs; `--check` only says whether that file is current. scikit-learn is used here
only, never when the guard runs.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from bot.guards.intent_data import TRAIN_FILE, data_dir, read_labelled
from bot.guards.normalise import fold_aligned, lower_aligned
from bot.guards.pii_identity import vet_learned
from bot.guards.pii_names import FIRST_PERSON, given_names
from bot.guards.pii_spans import (
    FEATURES_VERSION,
    LABELS,
    MODEL_FILE,
    Token,
    features,
    spans_of,
    tokens_of,
)

SPANS_FILE = "spans.train.txt"
SEED = 20261202
FILLINGS = 4
NEGATIVES_FROM_INTENTS = 5000
FALSE_ALARMS_AT_MOST = 0.01
C = 2.0
_SLOT = re.compile(r"\{([NGSAaLnPCTBUX9])\}|\[\[([^|\]]+)\|([NA])\]\]")
_SLOT_LABEL = {"N": "NAME", "G": "NAME", "S": "NAME", "n": "NAME", "A": "ADDR", "a": "ADDR"}
_SLOT_LABEL["L"] = "ADDR"
# A public building's address is address-shaped: the tagger finds it, and the context check
# of `pii_learned` (a town hall, a library before it) lets it through.
_SLOT_LABEL["X"] = "ADDR"


class SpanDataError(ValueError):
    """The labelled span file cannot be read; the message says where."""


@dataclass(frozen=True)
class Example:
    """One message with its labelled character spans and the line it came from."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    group: int
    negative: bool


def pii_dir() -> Path:
    return Path(str(resources.files("bot").joinpath("guards", "data", "pii")))


def read_span_file(path: Path) -> tuple[dict[str, list[str]], list[tuple[int, str, str]]]:
    """Filler lists by section, and (line number, language, text) of each message."""
    fillers: dict[str, list[str]] = {}
    messages: list[tuple[int, str, str]] = []
    section = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("== "):
            section = line[3:]
            fillers.setdefault(section, [])
            continue
        if section == "messages":
            lang, sep, text = line.partition("|")
            if not sep or lang not in ("en", "fr"):
                raise SpanDataError(f"{path}:{number}: expected 'en|text' or 'fr|text'")
            messages.append((number, lang, text.replace("\\n", "\n")))
        elif section:
            items = line.split("|") if "|" in line else line.split()
            fillers[section] += [item.strip() for item in items if item.strip()]
        else:
            raise SpanDataError(f"{path}:{number}: text before the first '== section'")
    return fillers, messages


class Filler:
    """Seeded names and addresses for the slots."""

    def __init__(self, fillers: dict[str, list[str]], seed: int) -> None:
        self.lists = fillers
        self.random = random.Random(seed)
        self.given = sorted(given_names())

    def pick(self, section: str) -> str:
        return self.random.choice(self.lists[section])

    def given_name(self) -> str:
        return "-".join(part.capitalize() for part in self.random.choice(self.given).split("-"))

    def full_name(self) -> str:
        given, surname, roll = self.given_name(), self.pick("surnames"), self.random.random()
        if roll < 0.08:
            return f"{given} {self.pick('particles')} {surname}"
        if roll < 0.15:
            return f"{given} {surname}-{self.pick('surnames')}"
        if roll < 0.22:
            return f"{given[0]}. {surname}"
        if roll < 0.28:
            return f"{given} {self.given_name()} {surname}"
        return f"{given} {surname}"

    def address(self, lang: str) -> str:
        r = self.random
        number = str(r.randint(1, 240) if r.random() < 0.8 else r.randint(241, 9999))
        if r.random() < 0.1:
            number += r.choice("abc")
        if lang == "fr":
            return self._french_address(number)
        roll = r.random()
        if roll < 0.15:
            street = f"{number} {self.pick('streets')}"
        elif roll < 0.2:
            street = f"{number} The {self.pick('streets')}s"
        else:
            kind = self.pick("street_types_en")
            kind = typo(kind, r) if r.random() < 0.06 else kind
            street = f"{number} {self.pick('streets')} {kind}"
        roll = r.random()
        if roll < 0.12:
            return f"Flat {r.randint(1, 30)}, {street}"
        if roll < 0.18:
            return f"{street} {self.pick('units_en')} {r.randint(1, 30)}"
        if roll < 0.22:
            return f"{r.randint(101, 2404)}-{street}"
        return street

    def _french_address(self, number: str) -> str:
        r = self.random
        if r.random() < 0.15:
            number += " " + r.choice(("bis", "ter"))
        street = f"{number} {self.pick('street_types_fr')} {self.pick('streets_fr')}"
        # Quebec puts the apartment after the street ("app. 5"); France, a building and a
        # door before or after it ("Résidence …, bât B").
        roll = r.random()
        if roll < 0.1:
            return f"appartement {r.randint(1, 40)}, {street}"
        if roll < 0.2:
            return f"{street}, {self.pick('units_fr')} {r.randint(1, 40)}"
        if roll < 0.27:
            return f"{self.pick('residences_fr')}, bât {r.choice('ABCDE')}, {street}"
        if roll < 0.32:
            unit = f"{self.pick('units_fr')} {r.randint(1, 90)}"
            return f"{self.pick('residences_fr')}, bâtiment {r.choice('ABCDE')}, {unit}"
        return street

    def fill(self, slot: str, lang: str) -> str:
        return {
            "N": self.full_name,
            "n": lambda: self.full_name().lower(),
            "G": self.given_name,
            "S": lambda: self.pick("surnames"),
            "A": lambda: self.address(lang),
            "a": lambda: self.address(lang).lower(),
            "L": lambda: self.pick("rural"),
            "P": lambda: self.pick("public"),
            "C": lambda: self.pick("cities"),
            "T": lambda: self.pick("places"),
            "B": lambda: self.pick("businesses"),
            "U": lambda: self.pick("services"),
            "X": lambda: self.address(lang),
            "9": self.number,
        }[slot]()

    def number(self) -> str:
        """A number that is nobody's: a helpline, a time, an amount, a code, a version."""
        r = self.random

        def digits(count: int) -> str:
            return "".join(str(r.randint(0, 9)) for _ in range(count))

        return r.choice(
            (
                f"0{r.choice(('800', '808', '300', '345'))} {digits(3)} {digits(4)}",
                f"1 800 {digits(3)} {digits(4)}",
                f"{r.randint(0, 23)}:{r.choice(('00', '15', '30', '45'))}",
                f"{r.randint(7, 20)}h{r.choice(('00', '30'))}",
                f"{digits(4)} {digits(4)} {digits(4)} {digits(4)}",
                f"{digits(3)}-{digits(3)}-{digits(3)}",
                f"{r.choice(('HB', 'CMP', 'UC', 'APP'))}-20{r.randint(20, 27)}-{digits(4)}",
                f"{r.randint(1, 12)}.{r.randint(0, 9)}.{r.randint(0, 20)}",
                f"{r.randint(1, 9)},{digits(3)}.{digits(2)}",
                f"{r.randint(1, 9)} {digits(3)},{digits(2)} €",
                f"£{r.randint(2, 950)}",
                f"{r.randint(2, 95)} %",
                f"20{r.randint(10, 30)}",
            )
        )


def typo(word: str, r: random.Random) -> str:
    """The word with one slip: two letters swapped, one doubled or one dropped."""
    if len(word) < 4:
        return word
    i = r.randint(1, len(word) - 2)
    return r.choice(
        (word[:i] + word[i + 1] + word[i] + word[i + 2 :], word[:i] + word[i] + word[i:])
        + ((word[:i] + word[i + 1 :],) if len(word) > 4 else ())
    )


def expand(template: str, lang: str, filler: Filler, lower: bool) -> Example:
    """One filling of a message: its text and the character spans of its labelled slots."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    position = 0
    length = 0
    for match in _SLOT.finditer(template):
        parts.append(template[position : match.start()])
        length += match.start() - position
        if match.group(1):
            slot = match.group(1)
            if lower and slot == "N":
                slot = "n"
            value, label = filler.fill(slot, lang), _SLOT_LABEL.get(slot)
        else:
            value, label = match.group(2), "NAME" if match.group(3) == "N" else "ADDR"
        if label is not None:
            spans.append((length, length + len(value), label))
        parts.append(value)
        length += len(value)
        position = match.end()
    parts.append(template[position:])
    return Example(fold_aligned("".join(parts)), tuple(spans), 0, not spans)


def examples(
    fillers: dict[str, list[str]], messages: Sequence[tuple[int, str, str]]
) -> list[Example]:
    filler = Filler(fillers, SEED)
    out: list[Example] = []
    for number, lang, template in messages:
        slotted = "{" in template
        lower_line = template == template.lower()
        for k in range(FILLINGS if slotted else 1):
            lower = lower_line and k % 2 == 1
            example = expand(template, lang, filler, lower)
            out.append(Example(example.text, example.spans, number, example.negative))
    return out


def intent_negatives(limit: int) -> list[Example]:
    """Messages of the intent training set that no name or address rule fires on, one per group."""
    from bot.guards.pii import find_pii
    from bot.guards.policy import GuardPolicy

    policy = GuardPolicy.default().pii
    seen: set[str] = set()
    kept: list[Example] = []
    for message in read_labelled(data_dir() / TRAIN_FILE):
        if message.group in seen:
            continue
        seen.add(message.group)
        kinds = {f.kind for f in find_pii(message.text, policy)}
        if kinds & {"name", "address", "name_dob_address", "postcode"}:
            continue
        kept.append(Example(fold_aligned(message.text), (), 100_000 + len(kept), True))
    random.Random(SEED).shuffle(kept)
    return kept[:limit]


def labelled_tokens(example: Example) -> Iterator[tuple[list[str], int]]:
    tokens = tokens_of(example.text)
    first_person = FIRST_PERSON.search(example.text) is not None
    # Most people's given names are not in the list: half of the messages are read without
    # it, so that the model learns names from their shape and their neighbours too.
    # Lower-case names have nothing but the list to go by, so it stays on for those.
    odd = int(hashlib.sha256(example.text.encode()).hexdigest(), 16) % 2 == 1
    hide = odd and example.text != example.text.lower()
    names: frozenset[str] | None = frozenset() if hide else None
    for token, feats in zip(tokens, features(tokens, first_person, names), strict=True):
        label = next((lab for start, end, lab in example.spans if start <= token.start < end), "O")
        yield feats, LABELS.index(label)


def _matrix(
    rows: Sequence[Example], vocabulary: dict[str, int], grow: bool
) -> tuple[csr_matrix, np.ndarray, list[int]]:
    indptr, indices, labels, owners = [0], [], [], []
    for index, example in enumerate(rows):
        for feats, label in labelled_tokens(example):
            for name in feats:
                column = vocabulary.get(name)
                if column is None and grow:
                    column = vocabulary[name] = len(vocabulary)
                if column is not None:
                    indices.append(column)
            indptr.append(len(indices))
            labels.append(label)
            owners.append(index)
    data = np.ones(len(indices))
    matrix = csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(vocabulary)))
    return matrix, np.array(labels), owners


def fit(rows: Sequence[Example]) -> tuple[LogisticRegression, dict[str, int]]:
    vocabulary: dict[str, int] = {}
    matrix, labels, _ = _matrix(rows, vocabulary, grow=True)
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(matrix, labels)
    return model, vocabulary


def _flags(
    example: Example,
    tokens: Sequence[Token],
    probs: np.ndarray,
    label: str,
    threshold: float,
    name_threshold: float = 0.5,
) -> tuple[bool, bool]:
    """(a labelled span of `label` was found, the message would be flagged) once the spans
    above `threshold` are judged by their context as the guard judges them."""
    chosen = {label: threshold} if label in LABELS else {"NAME": threshold, label: threshold}
    if label == "NAME_SURE":
        chosen["NAME"] = name_threshold
    others = {name: 2.0 for name in LABELS[1:] if name not in chosen}
    spans = spans_of(example.text, tokens, probs.tolist(), {**chosen, **others})
    own, third, addresses = vet_learned(example.text, lower_aligned(example.text), spans)
    kept = {"NAME": own + third, "NAME_SURE": own}.get(label, [(s, e) for s, e, _ in addresses])
    flagged = bool(own) if label.startswith("NAME") else bool(addresses)
    gold = [(s, e) for s, e, lab in example.spans if label.startswith(lab)]
    found = any(s < ge and gs < e for s, e in kept for gs, ge in gold)
    return found, flagged


def cross_validate(rows: Sequence[Example]) -> dict[str, object]:
    """Out-of-fold token probabilities, judged per message as the guard does; per label,
    the threshold finding the most labelled messages with few negatives flagged."""
    groups = [r.group for r in rows]
    held_out: dict[int, tuple[list[Token], np.ndarray]] = {}
    for train_index, test_index in GroupKFold(n_splits=5).split(rows, groups=groups):
        model, vocabulary = fit([rows[i] for i in train_index])
        held = [rows[i] for i in test_index]
        matrix, _, owners = _matrix(held, vocabulary, grow=False)
        probs = model.predict_proba(matrix)
        owner_rows: dict[int, list[int]] = {}
        for position, owner in enumerate(owners):
            owner_rows.setdefault(owner, []).append(position)
        for owner, positions in owner_rows.items():
            example = held[owner]
            held_out[int(test_index[owner])] = (tokens_of(example.text), probs[positions])
    report: dict[str, object] = {}
    thresholds: dict[str, float] = {}
    negatives = [i for i, r in enumerate(rows) if r.negative and i in held_out]
    # NAME_SURE (a name counted without a word of the writer's own) is chosen last, above
    # the NAME threshold, with the same budget of false alarms.
    for label in (*LABELS[1:], "NAME_SURE"):
        positives = [
            i
            for i, r in enumerate(rows)
            if i in held_out and any(label.startswith(x[2]) for x in r.spans)
        ]
        best: tuple[float, float, float] | None = None
        # Never below even odds; a name counted without the writer's own words needs more.
        low = max(70, round(thresholds["NAME"] * 100)) if label == "NAME_SURE" else 50
        name_at = thresholds.get("NAME", 0.5)
        for step in range(low, 100, 5):
            threshold = step / 100
            found = sum(
                _flags(rows[i], *held_out[i], label, threshold, name_at)[0] for i in positives
            )
            alarms = sum(
                _flags(rows[i], *held_out[i], label, threshold, name_at)[1] for i in negatives
            )
            rate, alarm_rate = found / len(positives), alarms / len(negatives)
            if alarm_rate <= FALSE_ALARMS_AT_MOST and (best is None or rate > best[1]):
                best = (threshold, rate, alarm_rate)
        chosen = best or (0.95, 0.0, 0.0)
        thresholds[label] = chosen[0]
        report[label] = {
            "threshold": chosen[0],
            "labelled_messages_found": round(chosen[1], 4),
            "labelled_messages": len(positives),
            "negative_messages_flagged": round(chosen[2], 4),
            "negative_messages": len(negatives),
        }
    report["thresholds"] = thresholds
    return report


def inputs_digest() -> str:
    digest = hashlib.sha256(FEATURES_VERSION.encode())
    # The intent training file (negatives) is left out: its owners change it often, and a
    # model built on an older copy of it is still this one.
    for path in (pii_dir() / SPANS_FILE, pii_dir() / "given_names.txt"):
        digest.update(path.read_bytes())
    digest.update(f"{SEED} {FILLINGS} {NEGATIVES_FROM_INTENTS} {FALSE_ALARMS_AT_MOST} {C}".encode())
    return digest.hexdigest()


def build() -> dict[str, object]:
    fillers, messages = read_span_file(pii_dir() / SPANS_FILE)
    rows = examples(fillers, messages) + intent_negatives(NEGATIVES_FROM_INTENTS)
    report = cross_validate(rows)
    model, vocabulary = fit(rows)
    # Columns of coef_ follow model.classes_, which are 0, 1, 2 = LABELS.
    coef = model.coef_
    weights: dict[str, list[float]] = {}
    for name, column in sorted(vocabulary.items()):
        values = [round(float(coef[k, column]), 4) for k in range(len(LABELS))]
        if max(abs(v) for v in values) >= 0.002:
            weights[name] = values
    thresholds = report.pop("thresholds")
    return {
        "features": FEATURES_VERSION,
        "labels": list(LABELS),
        "inputs": inputs_digest(),
        "examples": len(rows),
        "cross_validated": report,
        "thresholds": thresholds,
        "bias": [round(float(b), 4) for b in model.intercept_],
        "weights": weights,
    }


def main(argv: list[str]) -> int:
    target = pii_dir() / MODEL_FILE
    if "--check" in argv:
        current = json.loads(target.read_text(encoding="utf-8")).get("inputs")
        fresh = current == inputs_digest()
        sys.stdout.write("span model is current\n" if fresh else "span model is stale: rebuild\n")
        return 0 if fresh else 1
    model = build()
    target.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.write(json.dumps(model["cross_validated"], indent=1) + "\n")
    sys.stdout.write(f"{len(model['weights'])} weights written to {target}\n")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
