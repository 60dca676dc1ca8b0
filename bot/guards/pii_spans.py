"""A learned tagger for people's names and home addresses in a message (English and French).

The rules in `pii_names` and `pii_identity` find a name or an address from the words that
introduce it; each new way of introducing oneself slips past them. This tagger scores every
word of the message as part of a private person's name (`NAME`), of a home address
(`ADDR`) or neither (`O`), from features that carry over to wordings nobody wrote down: the
word's shape (capitalised, initial, digits), whether it is a common given name
(`given_names.txt`) or a street word, its first and last letters, its neighbours' words and
shapes, where it stands in its line (a line holding only a name signs a message), and
whether the writer speaks of their own affairs. Neighbouring words of the same label make
one span.

The model is a multinomial logistic regression fitted by `bot.guards.pii_spans_train` on
the team's labelled span file (`spans.train.txt`) and written as plain weights
(`spans.model.json`); scoring here is a sum of those weights per word, with no library and
no download, so it runs in well under a millisecond. A missing or stale model file is a
`SpanModelUnavailable` raised when the guard is built, never a silent fallback to rules.
"""

from __future__ import annotations

import functools
import json
import math
import re
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from bot.guards.pii_names import FIRST_PERSON, given_names

MODEL_FILE = "spans.model.json"
LABELS = ("O", "NAME", "ADDR")
# Bump when the features change: a model file of another version is refused.
FEATURES_VERSION = "spans-3"

# An initial keeps its full stop ("T."); a full stop after a word ends a sentence and is a
# token of its own, so that no span runs across two sentences.
_TOKEN = re.compile(
    r"[^\W\d_]\.(?![^\W\d_])|[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[a-zA-Z]{1,2}\b)?|[^\w\s]"
)
STREET_WORDS = frozenset(
    "road rd street st lane ln avenue ave close court drive way place square crescent"
    " terrace gardens grove row walk boulevard blvd mews parade view rise hill green vale"
    " heights fields croft chase wharf quay brae wynd loan gate end spinney drove rue chemin"
    " impasse allée allee quai route bd av cours sentier passage cité cite résidence"
    " residence hameau lieu-dit bâtiment batiment appt apt appartement flat unit suite"
    " apartment house cottage farm manor lodge bis ter box cres cl gdns gdn pl dr crt ct"
    " hwy pkwy boul boulv côte cote rang montée montee bât bat app esc escalier porte étage"
    " logement".split()
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


# Street words of five letters or more with one letter dropped: a word sharing one of these
# with a street word is one typing slip away from it ("streeet", "Avenu", "Crecsent"). Four
# letters leave too many ordinary words one letter away ("from" and "farm"), so for those
# only two letters swapped count ("Raod", "Lnae").
_NEAR_STREET = frozenset(
    variant for word in STREET_WORDS if len(word) >= 5 for variant in _deletions(word) | {word}
)
_SWAPPED_STREET = frozenset(
    variant for word in STREET_WORDS if len(word) >= 4 for variant in _swaps(word)
)


def near_street_word(lower: str) -> bool:
    """One slip (a letter added, dropped, changed or two swapped) from a street word."""
    if len(lower) < 4 or lower in STREET_WORDS or not lower.isalpha():
        return False
    if lower in _SWAPPED_STREET:
        return True
    return len(lower) >= 5 and (
        lower in _NEAR_STREET or not _deletions(lower).isdisjoint(_NEAR_STREET)
    )


_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday janvier février fevrier mars"
    " avril mai juin juillet août aout septembre octobre novembre décembre decembre lundi"
    " mardi mercredi jeudi vendredi samedi dimanche".split()
)


class SpanModelUnavailable(RuntimeError):
    """The span model file is missing, unreadable or built for other features."""


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark of the message, with its offsets."""

    text: str
    start: int
    end: int
    line: int


def tokens_of(text: str) -> list[Token]:
    """Words, numbers and punctuation marks, each with the number of its line."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        line = text.count("\n", 0, match.start())
        found.append(Token(match.group(), match.start(), match.end(), line))
    return found


def _shape(word: str) -> str:
    """Xx, x, X, d, X. or a mix: runs of the same class collapsed."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return "X."
    out: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def _word_features(word: str, names: frozenset[str]) -> list[str]:
    lower = word.lower().rstrip(".")
    return [
        f"w={lower}",
        f"s={_shape(word)}",
        *(["given"] if lower in names else []),
        *(["street"] if lower in STREET_WORDS else []),
        *(["street~"] if near_street_word(lower) else []),
        *(["cal"] if lower in _CALENDAR else []),
        f"p3={lower[:3]}",
        f"x3={lower[-3:]}",
    ]


def features(
    tokens: Sequence[Token], first_person: bool, names: frozenset[str] | None = None
) -> list[list[str]]:
    """The feature names of each token, in order; `names` replaces the given-name list
    (training hides it from half of the messages, so that names it lacks are found too)."""
    names = given_names() if names is None else names
    words = [t.text for t in tokens]
    per_word = [_word_features(w, names) for w in words]
    line_lengths: dict[int, int] = {}
    for token in tokens:
        if token.text[0].isalnum():
            line_lengths[token.line] = line_lengths.get(token.line, 0) + 1
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        own = per_word[i]
        shape = own[1]
        feats = ["bias", *own, f"len={min(line_lengths.get(token.line, 0), 6)}"]
        if first_person:
            feats += ["fp", f"fp|{shape}"]
        if i == 0 or tokens[i - 1].line != token.line:
            feats.append("bol")
        if i == len(tokens) - 1 or tokens[i + 1].line != token.line:
            feats.append("eol")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(tokens):
                other = per_word[j]
                feats.append(f"{offset}{other[0]}")
                feats.append(f"{offset}{other[1]}")
                feats += [f"{offset}{f}" for f in other[2:-2]]
            else:
                feats.append(f"{offset}edge")
        if i > 0:
            feats.append(f"-1{per_word[i - 1][0]}|{shape}")
        if i + 1 < len(tokens):
            feats.append(f"{shape}|+1{per_word[i + 1][1]}")
        out.append(feats)
    return out


@dataclass(frozen=True)
class Span:
    """A run of words the tagger gives one label, with its lowest word probability; `sure`
    when that is above the label's `_SURE` threshold (a name then counts without a word of
    the writer's own beside it)."""

    label: str
    start: int
    end: int
    score: float
    sure: bool = False


@dataclass(frozen=True)
class SpanTagger:
    """Per-label weights of a linear model, and the probability each label needs.

    The weights of feature `f` are `weights[3 * index[f]]` to `weights[3 * index[f] + 2]`: a
    map of text to int and a flat array of floats, which the garbage collector never walks
    (18,000 small tuples made each full collection, now and then, cost 25 ms).
    """

    index: Mapping[str, int]
    weights: array[float]
    bias: tuple[float, ...]
    thresholds: Mapping[str, float]

    @classmethod
    def load(cls, path: Path | None = None) -> SpanTagger:
        """The shipped model (bot/guards/data/pii/spans.model.json) or the file at `path`."""
        where = path or resources.files("bot").joinpath("guards", "data", "pii", MODEL_FILE)
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise SpanModelUnavailable(
                f"the personal-data span model {where} cannot be read ({error}); rebuild it"
                " with `python -m bot.guards.pii_spans_train`"
            ) from error
        if data.get("features") != FEATURES_VERSION or data.get("labels") != list(LABELS):
            raise SpanModelUnavailable(
                f"the personal-data span model {where} was built for features"
                f" {data.get('features')!r}, not {FEATURES_VERSION!r}; rebuild it with"
                " `python -m bot.guards.pii_spans_train`"
            )
        rows: dict[str, list[float]] = data["weights"]
        bias = tuple(float(x) for x in data["bias"])
        if len(bias) != len(LABELS) or any(len(w) != len(LABELS) for w in rows.values()):
            raise SpanModelUnavailable(
                f"the personal-data span model {where} does not hold {len(LABELS)} weights per"
                " feature; rebuild it with `python -m bot.guards.pii_spans_train`"
            )
        index = {name: position for position, name in enumerate(rows)}
        weights = array("d", (float(x) for row in rows.values() for x in row))
        return cls(index, weights, bias, dict(data["thresholds"]))

    def probabilities(self, tokens: Sequence[Token], first_person: bool) -> list[list[float]]:
        """P(O), P(NAME), P(ADDR) for each token."""
        rows: list[list[float]] = []
        index, weights = self.index, self.weights
        bias_o, bias_name, bias_addr = self.bias
        for feats in features(tokens, first_person):
            # Three labels, summed by hand: this loop is most of the tagger's time.
            o, name, addr = bias_o, bias_name, bias_addr
            for feature in feats:
                position = index.get(feature)
                if position is not None:
                    o += weights[3 * position]
                    name += weights[3 * position + 1]
                    addr += weights[3 * position + 2]
            top = max(o, name, addr)
            exps = (math.exp(o - top), math.exp(name - top), math.exp(addr - top))
            total = sum(exps)
            rows.append([e / total for e in exps])
        return rows

    def spans(self, text: str) -> list[Span]:
        """Runs of words tagged NAME or ADDR above their thresholds."""
        tokens = tokens_of(text)
        if not tokens:
            return []
        probs = self.probabilities(tokens, FIRST_PERSON.search(text) is not None)
        return spans_of(text, tokens, probs, self.thresholds)


@functools.cache
def shipped_span_tagger() -> SpanTagger:
    """The shipped model, read once per process; raises SpanModelUnavailable."""
    return SpanTagger.load()


def spans_of(
    text: str,
    tokens: Sequence[Token],
    probs: Sequence[Sequence[float]],
    thresholds: Mapping[str, float],
) -> list[Span]:
    """Neighbouring words of one label, each above its label's threshold, as spans; a word
    between two of the same label joins them at half the threshold ("Rural Route 2")."""
    found: list[Span] = []
    current: Span | None = None
    line = -1
    best = [max(range(1, len(LABELS)), key=row.__getitem__) for row in probs]
    above = [probs[i][k] >= thresholds.get(LABELS[k], 0.5) for i, k in enumerate(best)]
    for i in range(1, len(tokens) - 1):
        k = best[i - 1]
        between = not above[i] and above[i - 1] and above[i + 1] and best[i + 1] == k
        if between and probs[i][k] >= thresholds.get(LABELS[k], 0.5) / 2:
            best[i], above[i] = k, True
    for i, (token, row) in enumerate(zip(tokens, probs, strict=True)):
        label = best[i]
        name = LABELS[label]
        keep = above[i]
        if keep and current is not None and current.label == name and token.line == line:
            current = Span(name, current.start, token.end, min(current.score, row[label]))
            continue
        if current is not None:
            found.append(current)
        current = Span(name, token.start, token.end, row[label]) if keep else None
        line = token.line
    if current is not None:
        found.append(current)
    return [
        replace(span, sure=span.score >= thresholds.get(f"{span.label}_SURE", 2.0))
        for span in found
        if _worth_keeping(text[span.start : span.end])
    ]


def _worth_keeping(span_text: str) -> bool:
    """A span of punctuation alone, or one letter, is nobody's name or address."""
    letters = sum(ch.isalnum() for ch in span_text)
    return letters >= 2
