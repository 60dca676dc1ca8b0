"""Answers without a language model: quote the passages' sentences that best match.

An answer reads as a person would write it from the pages: each quoted page is led by its
title, sentences are whole, a list stays a list under the sentence that leads into it, links
stay in their sentence as tokens (bot/grounding/links.py), each page is cited once, after its
quote, and the whole answer has a length limit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.grounding.links import LINK_TOKEN, UNSHOWN_LINK, tokenize_links
from bot.grounding.planted import quarantine
from knowledge.links import PageLink
from knowledge.types import Passage

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9\"'(\[])")
_WORD = re.compile(r"\w+", re.UNICODE)
_MARKUP = re.compile(r"^\s*(#+|[-*+]|\d+[.)])\s+", re.MULTILINE)
_HEADING = re.compile(r"^\s*#+\s+(.*)$")
_ITEM = re.compile(r"^(\s*)(?:[-*+•]|\d{1,2}[.)])\s+(.*)$")
_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$", re.MULTILINE)
# A header row and the rule under it: the header alone says nothing a citizen asked about.
_TABLE_RULE = re.compile(r"^\s*\|.*\|\s*\n\s*\|?[\s:|-]+\|[\s:|-]*$", re.MULTILINE)
# Words that say nothing about a topic; matching them should not pick a sentence.
_STOP = frozenset(
    "a an the and or of to in on for with at by from is are be can i my me you your do does how "
    "what when where who which why will would should could this that it its as if there their "
    "le la les un une des du de et ou à au aux en dans pour par sur avec est sont je mon ma mes "
    "vous votre vos que qui quoi comment quand où quel quelle il elle ce cette".split()
)
# The longest quote from one page and the longest answer, in characters: enough for a lead-in
# and its list, short enough to read on a phone without scrolling far.
MAX_PASSAGE_CHARS = 550
MAX_ANSWER_CHARS = 800
_MIN_SENTENCE = 12


@dataclass(frozen=True)
class QuotedPassage:
    """What one page contributes: its title, the quote, and the passages quoted."""

    title: str
    quote: str  # whole sentences; a list as "- item" lines under its lead-in
    numbers: tuple[int, ...]  # 1-based passages of this page, cited once after the quote

    @property
    def text(self) -> str:
        lead = f"{self.title}\n" if self.title else ""
        return f"{lead}{self.quote} [{', '.join(map(str, self.numbers))}]"


@dataclass(frozen=True)
class ExtractiveAnswer:
    """The quoted passages, in order; each ends with its one citation marker [n]."""

    quoted: tuple[QuotedPassage, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(q.text for q in self.quoted)

    @property
    def cited(self) -> tuple[int, ...]:
        return tuple(n for q in self.quoted for n in q.numbers)


@dataclass(frozen=True)
class _Unit:
    """A sentence, or a list with the sentences that lead into it; quoted whole or not at all."""

    lead: str
    items: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join([self.lead, *(f"- {item}" for item in self.items)]).strip()


def _stem(word: str) -> str:
    # A crude suffix strip is enough to match "permits" with "permit" when picking sentences.
    for suffix in ("ing", "es", "s", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _terms(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def _row_as_sentence(match: re.Match[str]) -> str:
    """A table row reads as one sentence: "Grey bin: general rubbish; every two weeks."."""
    cells = [c.strip() for c in match.group(1).split("|") if c.strip()]
    if not cells:
        return ""
    sentence = cells[0] + (": " + "; ".join(cells[1:]) if len(cells) > 1 else "")
    return "\n" + sentence.rstrip(".") + ".\n"


def _plain(text: str) -> str:
    return " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", text)).split())


def _tables_as_lines(text: str) -> str:
    return _TABLE_ROW.sub(_row_as_sentence, _TABLE_RULE.sub("", text))


def split_sentences(text: str) -> list[str]:
    """Split passage text into sentences, dropping Markdown heading and list markers."""
    plain = _MARKUP.sub("", _tables_as_lines(text))
    plain = _EMPHASIS.sub("", _LINK.sub(r"\1", plain))
    pieces: list[str] = []
    for raw_block in re.split(r"\n\s*\n|\n(?=\S)", plain):
        block = " ".join(raw_block.split())
        if block:
            pieces.extend(s.strip() for s in _SENTENCE_END.split(block) if s.strip())
    return [p for p in pieces if len(p) >= _MIN_SENTENCE]


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(_plain(paragraph)) if s.strip()]


def _units(text: str, section: str, lang: str) -> list[_Unit]:
    """The passage as units: each sentence of a paragraph, and each list with its lead-in.

    A list's lead-in is the paragraph right above it when that paragraph ends with a colon
    ("You will need:"), else the heading above it, else the section the passage is in.
    """
    units: list[_Unit] = []
    paragraph: list[str] = []
    items: list[str] = []
    heading = section
    after_blank = False

    last_paragraph = 0  # how many units the paragraph just closed gave

    def close_paragraph() -> None:
        nonlocal last_paragraph
        if paragraph:
            sentences = _sentences(" ".join(paragraph))
            units.extend(_Unit(s) for s in sentences)
            last_paragraph = len(sentences)
            paragraph.clear()

    def close_list() -> None:
        nonlocal last_paragraph
        if not items:
            return
        lead = ""
        if last_paragraph and units[-1].lead.endswith(":"):
            # A paragraph ending in a colon leads into the list: it goes with it, whole.
            lead = " ".join(u.lead for u in units[-last_paragraph:])
            del units[-last_paragraph:]
        elif heading:
            # French puts a space before a colon.
            lead = _plain(heading).rstrip(" :.") + (" :" if lang == "fr" else ":")
        units.append(_Unit(lead, tuple(_plain(item) for item in items if _plain(item))))
        items.clear()
        last_paragraph = 0

    for line in _tables_as_lines(text).splitlines():
        if not line.strip():
            close_paragraph()
            after_blank = True
            continue
        if (found := _HEADING.match(line)) is not None:
            close_paragraph()
            close_list()
            heading, last_paragraph = found.group(1), 0
        elif (item := _ITEM.match(line)) is not None:
            close_paragraph()
            items.append(item.group(2))
        elif items and (line[:1].isspace() or not after_blank):
            items[-1] += " " + line.strip()  # an item's continued line
        else:
            close_list()
            paragraph.append(line.strip())
        after_blank = False
    close_paragraph()
    close_list()
    return [u for u in units if u.items or len(u.lead) >= _MIN_SENTENCE]


def _readable(unit: _Unit) -> bool:
    """Whole and showable: not begun mid-sentence, and no address left out of it."""
    text = unit.text
    return UNSHOWN_LINK not in text and not (unit.lead[:1].islower() and not unit.items)


def _fit(unit: _Unit, room: int) -> _Unit | None:
    """The unit within `room` characters: a list keeps its lead-in and as many items as fit."""
    if len(unit.text) <= room:
        return unit
    if not unit.items:
        return None
    kept: list[str] = []
    for item in unit.items:
        if len(_Unit(unit.lead, (*kept, item + " …")).text) > room:
            break
        kept.append(item)
    if not kept:
        return None
    # The list goes on in the page: say so, rather than end on an item's ";".
    kept[-1] = kept[-1].rstrip(" ;,") + " …"
    return _Unit(unit.lead, tuple(kept))


def _join(units: Sequence[_Unit]) -> str:
    """Sentences follow on in a paragraph; a list, and whatever follows one, start a new line."""
    parts: list[str] = []
    for i, unit in enumerate(units):
        if i:
            parts.append("\n" if unit.items or units[i - 1].items else " ")
        parts.append(unit.text)
    return "".join(parts)


@dataclass(frozen=True)
class _Prepared:
    """A passage made ready to quote: its units, and the terms of each readable one."""

    units: tuple[_Unit, ...]
    # (position in `units`, its terms), for the units that may be quoted (`_readable`).
    readable: tuple[tuple[int, frozenset[str]], ...]


@lru_cache(maxsize=4096)
def _prepared(text: str, url: str, lang: str, section: str, number: int) -> _Prepared:
    """What an answer needs of a passage whatever the question: planted instructions dropped,
    links as tokens, the units and their terms. Pure, and popular passages come back in answer
    after answer, so results are kept as bot.grounding.planted.quarantine keeps its own (they
    were a tenth of a message's CPU outside the models, issue 15)."""
    # A planted instruction in a page is content to drop, never a sentence to quote. Links
    # become tokens the page shows as the link's own words (bot/grounding/links.py).
    tokenized, links = tokenize_links(quarantine(text, lang).text, url, number)
    units = tuple(_units(tokenized, section, lang))

    def words(text: str) -> str:
        # A link counts by its own words, as the citizen will read it.
        return LINK_TOKEN.sub(lambda m: _link_words(links, int(m.group(2))), text)

    readable = tuple(
        (i, frozenset(_terms(words(u.text)))) for i, u in enumerate(units) if _readable(u)
    )
    return _Prepared(units, readable)


def _quote(
    wanted: set[str],
    passage: _Prepared,
    most: int,
    room: tuple[int, int],
    skip_unrelated: bool,
) -> list[_Unit]:
    """The best units, in page order, within room[0] characters; the best one alone may take
    room[1] (a long sentence is quoted whole or not at all)."""
    units = passage.units
    scored = sorted(((len(wanted & terms), -i) for i, terms in passage.readable), reverse=True)
    if not scored or (skip_unrelated and scored[0][0] == 0):
        return []
    chosen: dict[int, _Unit] = {}
    for _, neg_index in scored[:most]:
        limit = room[0] - sum(len(u.text) + 1 for u in chosen.values()) if chosen else room[1]
        fitted = _fit(units[-neg_index], limit)
        if fitted is not None:
            chosen[-neg_index] = fitted
    return [chosen[i] for i in sorted(chosen)]


def _link_words(links: Sequence[PageLink], number: int) -> str:
    return links[number - 1].text if 1 <= number <= len(links) else ""


def extractive_answer(
    question: str,
    passages: Sequence[Passage],
    max_passages: int = 2,
    sentences_per_passage: int = 2,
) -> ExtractiveAnswer:
    """Quote, from each of the best passages, the units sharing most terms with the question.

    `sentences_per_passage` counts units: a sentence, or a list with its lead-in. Units keep
    their order in the passage so the quote reads as written.
    """
    wanted = _terms(question)
    quoted: list[tuple[QuotedPassage, str]] = []  # with the page's doc_id
    used = 0
    for number, passage in enumerate(passages[:max_passages], start=1):
        left = MAX_ANSWER_CHARS - used - len(passage.title) - 8
        room = (min(left, MAX_PASSAGE_CHARS), left if not quoted else min(left, MAX_PASSAGE_CHARS))
        prepared = _prepared(passage.text, passage.url, passage.lang, passage.section, number)
        # A second passage that shares nothing with the question adds only noise.
        units = _quote(wanted, prepared, sentences_per_passage, room, number > 1)
        if not units:
            continue
        quote = QuotedPassage(passage.title, _join(units), (number,))
        same_page = [i for i, (_, doc) in enumerate(quoted) if doc == passage.doc_id]
        if same_page:
            # Two passages of one page: one title, one citation, the quotes one after the other.
            first, _ = quoted[same_page[0]]
            quote = QuotedPassage(
                first.title, f"{first.quote}\n{quote.quote}", (*first.numbers, number)
            )
            quoted[same_page[0]] = (quote, passage.doc_id)
        else:
            quoted.append((quote, passage.doc_id))
        used += len(quote.text) + 2
    return ExtractiveAnswer(quoted=tuple(q for q, _ in quoted))
