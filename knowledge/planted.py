"""Planted instructions in knowledge-base text: find them, remove them, and say what they were.

Knowledge-base content is data for citizens, never instructions for the assistant. Ingest removes
what a page says to the AI before the page is indexed, and records a `Finding` (kind and excerpt)
with the chunk it came from, for the ingest report and the oversight console; the answer path
runs the same `quarantine` again on every passage, for indexes built before this existed.

What goes:
* hidden markup (`hidden_markup.py`): never indexed; flagged when it holds a planted instruction;
* a sentence that matches a pattern of `planted_patterns.py` (or `planted_orders.py`), with the
  rest of its line (a planted
  note runs to the end of its line, often with a quoted reply that reads like ordinary text), and
  what belongs to it: the rest of a fenced code block, an open JSON object or list, more-indented
  lines under a YAML key, an INI section, a sentence wrapped onto the next line;
* words disguised with zero-width characters, look-alike letters (Cyrillic, Greek) or
  full-width forms are matched as the letters they imitate; base64 that decodes to a planted
  instruction counts as one;
* a sentence in the council's own voice that sets what the answer says (an order to whoever
  answers, a scripted answer) or asks for a PIN or card security code (`planted_voice.py`), and,
  when ingest passes the organisation's own domains, a direction to pay, apply or send something
  to a site that imitates them (`planted_destinations.py`), and, when ingest passes what the
  organisation publishes, a direction to send residents' money, secrets or urgent calls to a
  destination it does not publish (`planted_unpublished.py`), and, when ingest passes the
  other pages as context, a fact (an amount, a closure, a restriction to a group, a complaints
  route or call back denied, an emergency number) that contradicts what they say
  (`planted_facts.py`).
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.hidden_markup import hidden_parts
from knowledge.planted_destinations import (
    NONE,
    OwnDestinations,
    destination_kind,
    may_hold_destination,
)
from knowledge.planted_facts import FactCheck, may_hold_fact
from knowledge.planted_learned import LearnedLayer
from knowledge.planted_patterns import (
    ORDER_PATTERNS,
    ORDER_TRIGGER_WORDS,
    RARE_MARKS,
    RARE_PATTERNS,
    RARE_TRIGGER_STARTS,
    RARE_TRIGGER_WORDS,
    TRIGGER_MARKS,
    TRIGGER_STARTS,
    TRIGGER_WORDS,
    compiled,
)
from knowledge.planted_unpublished import may_hold_unpublished, unpublished_kind
from knowledge.planted_vectors import packaged_layer
from knowledge.planted_voice import (
    VOICE_MARKS,
    VOICE_TRIGGER_STARTS,
    VOICE_TRIGGER_WORDS,
    voice_kind,
)

_PLANTED, _KINDS = compiled()
_ORDERS, _ORDER_KINDS = compiled(ORDER_PATTERNS)
_RARE, _RARE_KINDS = compiled(RARE_PATTERNS)

# The rare patterns' marks with the others (a mark found calls for all three regexes).
_MARKS = re.compile("|".join(re.escape(mark) for mark in (*TRIGGER_MARKS, *RARE_MARKS)))
# A base64 token long enough to hold an instruction; checked before the exact pattern.
_LONG_RUN = re.compile(r"[A-Za-z0-9+/_-]{24}")
# Trigger word starts by their first three letters: one dict lookup per word of a line.
_STARTS_BY_HEAD: dict[str, tuple[str, ...]] = {}
for _start in TRIGGER_STARTS:
    _STARTS_BY_HEAD[_start[:3]] = (*_STARTS_BY_HEAD.get(_start[:3], ()), _start)
# ... and the rare patterns' and the council-voice kinds' starts with them: (all starts, the
# patterns', the rare patterns', the voice kinds'), which of them a start belongs to asked only
# of a word that has one.
_Starts = tuple[str, ...]
_ANY_START_BY_HEAD: dict[str, tuple[_Starts, _Starts, _Starts, _Starts]] = {
    head: (starts, starts, (), ()) for head, starts in _STARTS_BY_HEAD.items()
}
for _start in RARE_TRIGGER_STARTS:
    _all, _main, _rare, _voice = _ANY_START_BY_HEAD.get(_start[:3], ((), (), (), ()))
    _ANY_START_BY_HEAD[_start[:3]] = ((*_all, _start), _main, (*_rare, _start), _voice)
for _start in VOICE_TRIGGER_STARTS:
    _all, _main, _rare, _voice = _ANY_START_BY_HEAD.get(_start[:3], ((), (), (), ()))
    _ANY_START_BY_HEAD[_start[:3]] = ((*_all, _start), _main, _rare, (*_voice, _start))
_WORD = re.compile(r"\w+")
# A made-up product named as the machine ("CivicBot", "VilleIA", "StadtGPT"): its name's case
# decides, so it is looked for in the text as written (heldout15).
_PRODUCT_NAME = re.compile(r"[a-zà-ÿ](?:Bot|AI|GPT|IA|KI)\b")
# A span in rot13, named as such: decoded and matched like base64 (heldout14).
_ROT13_NAME = re.compile(r"\brot\s?-?13\b", re.IGNORECASE)
_ROT13 = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm",
)
# Sentences end at a full stop followed by a space; planted text rarely spans a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Characters used to hide or split keywords ("SYSTEM\u200bOVERRIDE", "ig\u200bnore").
_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e]")
# Letters of other scripts drawn like Latin ones (after Unicode's confusables list, cut down to
# those that look the same in common fonts).
_LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁӏАВЕКМНОРСТХІЈЅУαορνιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdlABEKMHOPCTXIJSYaopviABEZHIKMNOPTYX",
)
_DISGUISE = re.compile(
    "[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e\uff01-\uff5e"
    "аеорсухіјѕԁӏАВЕКМНОРСТХІЈЅУαορνιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]"
)
_BASE64 = re.compile(r"(?<![\w+/=-])[A-Za-z0-9+/_-]{24,}={0,2}(?![\w+/=-])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INI_SECTION = re.compile(r"^\s*\[[^\]\n]+\]\s*$")
_OPENERS, _CLOSERS = "{[(", "}])"
_ENDS_A_SENTENCE = tuple(".!?:;>)]}\"'”»")
_MARKER = re.compile(r"⟦planted (\d+)⟧")
EXCERPT_CHARS = 200


@dataclass(frozen=True)
class Finding:
    """One planted instruction: what kind it is, and the start of its text as it was found."""

    kind: str
    excerpt: str


@dataclass(frozen=True)
class Quarantine:
    """Text without planted instructions or hidden markup, what was removed, and its kinds."""

    text: str
    removed: tuple[str, ...]
    findings: tuple[Finding, ...] = ()


def marker(index: int) -> str:
    """Stands in, during ingest, for removed text, so that its finding reaches the right chunk."""
    return f"⟦planted {index}⟧"


def markers_in(text: str) -> list[int]:
    return [int(number) for number in _MARKER.findall(text)]


def without_markers(text: str) -> str:
    return _MARKER.sub("", text)


def _triggers(text: str) -> tuple[bool, bool, bool, bool]:
    """Whether the text holds a word the patterns need, one the order patterns need, one the
    rare patterns need (`planted_patterns.RARE_PATTERNS`), and one the council-voice kinds need
    (`planted_voice.py`)."""
    lowered = text.casefold()
    words = set(_WORD.findall(lowered))
    if _MARKS.search(lowered) is not None:
        return True, True, True, True
    voice = not words.isdisjoint(VOICE_TRIGGER_WORDS) or (
        not lowered.isascii() and any(mark in lowered for mark in VOICE_MARKS)
    )
    main = not words.isdisjoint(TRIGGER_WORDS)
    rare = not words.isdisjoint(RARE_TRIGGER_WORDS)
    for word in words:
        starts = _ANY_START_BY_HEAD.get(word[:3])
        if starts is None or not word.startswith(starts[0]):
            continue
        main = main or word.startswith(starts[1])
        rare = rare or word.startswith(starts[2])
        voice = voice or word.startswith(starts[3])
        if main and rare and voice:
            break
    if not rare:
        rare = _rare_outside_words(text)
    return main, main or not words.isdisjoint(ORDER_TRIGGER_WORDS), rare, voice


def _rare_outside_words(text: str) -> bool:
    """A product's name, its case as written ("CivicBot", "VilleIA")."""
    if "Bot" in text or "AI" in text or "GPT" in text or "IA" in text or "KI" in text:
        return _PRODUCT_NAME.search(text) is not None
    return False


def _match(view: str) -> str | None:
    main, orders, rare, voice = _triggers(view)
    if main:
        found = _PLANTED.search(view)
        if found is not None and found.lastgroup is not None:
            return _KINDS[int(found.lastgroup[1:])]
    if orders:
        found = _ORDERS.search(view)
        if found is not None and found.lastgroup is not None:
            return _ORDER_KINDS[int(found.lastgroup[1:])]
    if rare:
        found = _RARE.search(view)
        if found is not None and found.lastgroup is not None:
            return _RARE_KINDS[int(found.lastgroup[1:])]
    if voice:
        return voice_kind(view)
    return None


def _decoded(token: str) -> str | None:
    padded = token + "=" * (-len(token) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded.replace("+", "-").replace("/", "_"))
        text = raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    printable = sum(1 for char in text if char.isprintable())
    return text if " " in text and printable >= 0.95 * len(text) else None


def _visible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _folded(text: str) -> str:
    """Text as the letters it imitates: no invisible characters, no look-alikes, NFKC."""
    return unicodedata.normalize("NFKC", _visible(text)).translate(_LOOK_ALIKES)


def _may_hold(line: str) -> tuple[bool, bool]:
    """Whether any sentence of the line could match a pattern (with its disguises undone), and
    whether one could be in the council's voice (`planted_voice.py`, written as it is): most
    lines are ruled out here."""
    if _LONG_RUN.search(line) is not None:
        return True, True
    main, orders, rare, voice = _triggers(line if line.isascii() else _INVISIBLE.sub(" ", line))
    if main or orders or rare or line.isascii():
        return main or orders or rare, voice
    return any(_triggers(_folded(line))[:3]), voice


def planted_kind(sentence: str, own: OwnDestinations = NONE) -> str | None:
    """The kind of planted instruction the sentence is, or None for ordinary text.

    With own (the organisation's own domains, `planted_destinations.own_destinations`), a
    direction to pay, apply or send something to a site that imitates them is one too.
    """
    kind = _planted_kind(sentence)
    if kind is None and own.names:
        kind = destination_kind(sentence, own)
    if kind is None and own.knows_destinations:
        kind = unpublished_kind(sentence, own)
    return kind


def _planted_kind(sentence: str) -> str | None:
    plain = sentence.isascii()
    disguised = not plain and _INVISIBLE.search(sentence) is not None
    kind = _match(_INVISIBLE.sub(" ", sentence) if disguised else sentence)
    if kind is not None:
        return f"{kind}, disguised" if disguised else kind
    folded = sentence if plain else _folded(sentence)
    if folded != sentence:
        kind = _match(folded)
        if kind is not None:
            return f"{kind}, disguised"
    if "13" in sentence and _ROT13_NAME.search(sentence) is not None:
        kind = _match(sentence.translate(_ROT13))
        if kind is not None:
            return "encoded instruction (rot13)"
    if _LONG_RUN.search(sentence) is None:
        return None
    for token in _BASE64.findall(sentence):
        decoded = _decoded(token)
        if decoded is not None and _match(decoded) is not None:
            return "encoded instruction (base64)"
    return None


def is_planted(sentence: str, own: OwnDestinations = NONE) -> bool:
    return planted_kind(sentence, own) is not None


def excerpt(text: str) -> str:
    """The start of a removed text as an operator reads it: one line, visible, decoded."""
    # No control characters: an excerpt is printed to an operator's terminal.
    words = "".join(ch for ch in " ".join(_visible(text).split()) if ch.isprintable())
    for token in _BASE64.findall(words):
        decoded = _decoded(token)
        if decoded is not None:
            words = words.replace(token, f"{token[:16]}… (decodes to: {decoded})")
    return words if len(words) <= EXCERPT_CHARS else words[: EXCERPT_CHARS - 1] + "…"


class _Removal:
    """Builds the cleaned text and the findings, with markers in place when ingest asks."""

    def __init__(self, mark_from: int | None) -> None:
        self.mark_from = mark_from
        self.removed: list[str] = []
        self.findings: list[Finding] = []

    def add(self, kind: str, text: str) -> str:
        """Record a removal; returns what takes its place in the text."""
        self.removed.append(text)
        self.findings.append(Finding(kind, excerpt(text)))
        if self.mark_from is None:
            return ""
        return marker(self.mark_from + len(self.findings) - 1)


def _learned_layer(patterns_only: bool, classifier: LearnedLayer | None) -> LearnedLayer | None:
    """The learned layer a call uses: none, the one given, or the repository's (loaded on first
    use, with MiniLM sentence vectors when installed; `PlantedModelMissing` says what to do when
    the weights are absent)."""
    if patterns_only:
        return None
    return classifier if classifier is not None else packaged_layer().layer


def _hidden_kind(
    words: str, learned: LearnedLayer | None, lang: str | None, own: OwnDestinations
) -> str | None:
    kind = planted_kind(words, own)
    if kind is None and learned is not None:
        kind = next((k for _, s in line_sentences(words) if (k := learned.kind(s, lang))), None)
    return kind


def remove_hidden(
    text: str,
    *,
    markdown: bool,
    mark_from: int | None = None,
    wrap: str = "{}",
    patterns_only: bool = False,
    classifier: LearnedLayer | None = None,
    lang: str | None = None,
    own: OwnDestinations = NONE,
) -> Quarantine:
    """Text without its hidden markup; findings for the hidden parts that hold an instruction.

    With mark_from, each flagged part is replaced by `marker(n)` (formatted into wrap, so that
    an HTML extractor keeps it as text), n counting from mark_from. Hidden markup goes whatever
    it says; the patterns and the learned layer (unless patterns_only) decide whether it is
    flagged.
    """
    learned = _learned_layer(patterns_only, classifier)
    removal = _Removal(mark_from)
    pieces: list[str] = []
    last = 0
    for part in hidden_parts(text, markdown=markdown):
        pieces.append(text[last : part.start])
        kind = _hidden_kind(part.words, learned, lang, own) if part.words else None
        if kind is not None:
            pieces.append(wrap.format(removal.add(f"hidden markup: {kind}", part.words)))
        last = part.end
    pieces.append(text[last:])
    return Quarantine("".join(pieces), tuple(removal.removed), tuple(removal.findings))


def line_sentences(line: str) -> Iterator[tuple[int, str]]:
    """The sentences of a line, each with where it starts, as detection cuts them."""
    start = 0
    for boundary in [*_SENTENCE_END.finditer(line), None]:
        end = len(line) if boundary is None else boundary.start()
        yield start, line[start:end]
        if boundary is not None:
            start = boundary.end()


def _planted_in_line(
    line: str,
    learned: LearnedLayer | None,
    lang: str | None,
    own: OwnDestinations = NONE,
    facts: FactCheck | None = None,
) -> tuple[int, str] | None:
    """Where in the line the first planted sentence starts, and its kind.

    The patterns go first (most lines are ruled out by their trigger words); then the learned
    layer scores each sentence, whatever its words.
    """
    patterns, voice = _may_hold(line)
    places = may_hold_destination(line, own)
    unpublished = may_hold_unpublished(line, own)
    checked = facts is not None and may_hold_fact(line)
    if patterns or voice or places or unpublished or checked:
        for start, sentence in line_sentences(line):
            kind = None
            if patterns or voice:
                kind = _planted_kind(sentence) if patterns else voice_kind(sentence)
            if kind is None and places:
                kind = destination_kind(sentence, own)
            if kind is None and unpublished:
                kind = unpublished_kind(sentence, own)
            if kind is None and checked and facts is not None:
                kind = facts(sentence)
            if kind is not None:
                return start, kind
    if learned is None:
        return None
    for start, sentence in line_sentences(line):
        kind = learned.kind(sentence, lang)
        if kind is None and _DISGUISE.search(sentence) is not None:
            # Zero-width splits, look-alike letters and full-width forms undone.
            kind = learned.kind(_folded(sentence), lang)
        if kind is not None:
            return start, kind
    return None


def _fences(lines: list[str]) -> list[tuple[int, int] | None]:
    """For each line, the (first, past-last) lines of the fenced code block it is in."""
    inside: list[tuple[int, int] | None] = [None] * len(lines)
    opened: int | None = None
    for index, line in enumerate(lines):
        if not _FENCE.match(line):
            continue
        if opened is None:
            opened = index
        else:
            for member in range(opened, index + 1):
                inside[member] = (opened, index + 1)
            opened = None
    if opened is not None:  # a block cut off by the end of a chunk runs to the end
        for member in range(opened, len(lines)):
            inside[member] = (opened, len(lines))
    return inside


def _depth(text: str) -> int:
    return sum(text.count(c) for c in _OPENERS) - sum(text.count(c) for c in _CLOSERS)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _belonging(lines: list[str], first: int, removed: str) -> int:
    """Past-last line of what a planted line carries with it (see the module docstring)."""
    end = first + 1
    depth = _depth(removed)
    while depth > 0 and end < len(lines) and end - first < 50:
        depth += _depth(lines[end])
        end += 1
    base = _indent(lines[first])
    section = _INI_SECTION.match(lines[first]) is not None
    while end < len(lines) and lines[end].strip():
        line = lines[end]
        wrapped = not lines[end - 1].rstrip().endswith(_ENDS_A_SENTENCE) and (
            line[:1].islower() or line[:1].isdigit()
        )
        in_section = section and _INI_SECTION.match(line) is None
        if not (_indent(line) > base or wrapped or in_section):
            break
        end += 1
    return end


def quarantine(
    text: str,
    *,
    markdown: bool = True,
    mark_from: int | None = None,
    patterns_only: bool = False,
    classifier: LearnedLayer | None = None,
    lang: str | None = None,
    own: OwnDestinations = NONE,
    facts: FactCheck | None = None,
) -> Quarantine:
    """Remove hidden markup and every planted instruction with what belongs to it.

    With mark_from (ingest), each removal leaves `marker(n)` in its place, n counting from
    mark_from in the order of the findings; without it (answer time) it leaves nothing.
    A sentence is planted when a pattern matches it or, unless patterns_only, when the learned
    classifier (the one given, else the repository's) scores it over its threshold: the one of
    the page's language when lang is given (ingest passes the page's; French has a lower one),
    else the one for every language. With own (ingest passes the organisation's own domains),
    directions to a look-alike of them go too (`planted_destinations.py`). With facts (ingest
    passes the page's check against the other pages, `FactsContext.judge`), a sentence whose
    claim contradicts them goes too (`planted_facts.py`).
    """
    learned = _learned_layer(patterns_only, classifier)
    hidden = remove_hidden(
        text,
        markdown=markdown,
        mark_from=mark_from,
        patterns_only=learned is None,
        classifier=learned,
        lang=lang,
        own=own,
    )
    lines = hidden.text.split("\n")
    next_mark = None if mark_from is None else mark_from + len(hidden.findings)
    removal = _Removal(next_mark)
    fences = _fences(lines)
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        found = _planted_in_line(line, learned, lang, own, facts)
        if found is None:
            kept.append(line)
            index += 1
            continue
        start, kind = found
        fence = fences[index]
        if fence is not None:
            # The whole block goes: its lines before this one were kept, take them back.
            del kept[len(kept) - (index - fence[0]) :]
            prefix, end = "", fence[1]
            removed = "\n".join(lines[fence[0] : end])
        else:
            prefix = line[:start].rstrip()
            end = _belonging(lines, index, line[start:])
            removed = "\n".join([line[start:], *lines[index + 1 : end]])
        stand_in = removal.add(kind, removed)
        if prefix or stand_in:
            kept.append(" ".join(part for part in (prefix, stand_in) if part))
        index = end
    return Quarantine(
        "\n".join(kept),
        hidden.removed + tuple(removal.removed),
        hidden.findings + tuple(removal.findings),
    )
