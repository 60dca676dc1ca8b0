"""Answers without a language model: quote the passages' sentences that best match."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.grounding.links import strip_links
from bot.grounding.planted import quarantine
from knowledge.types import Passage

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9\"'(])")
_WORD = re.compile(r"\w+", re.UNICODE)
_MARKUP = re.compile(r"^\s*(#+|[-*+]|\d+[.)])\s+", re.MULTILINE)
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


@dataclass(frozen=True)
class ExtractiveAnswer:
    """Sentences quoted from the passages, each followed by its citation marker [n] (1-based)."""

    sentences: tuple[tuple[str, int], ...]  # (sentence, passage number)

    @property
    def text(self) -> str:
        return " ".join(f"{s} [{n}]" for s, n in self.sentences)

    @property
    def cited(self) -> tuple[int, ...]:
        seen: list[int] = []
        for _, n in self.sentences:
            if n not in seen:
                seen.append(n)
        return tuple(seen)


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


def split_sentences(text: str) -> list[str]:
    """Split passage text into sentences, dropping Markdown heading and list markers."""
    plain = _MARKUP.sub("", _TABLE_ROW.sub(_row_as_sentence, _TABLE_RULE.sub("", text)))
    plain = _EMPHASIS.sub("", _LINK.sub(r"\1", plain))
    pieces: list[str] = []
    for raw_block in re.split(r"\n\s*\n|\n(?=\S)", plain):
        block = " ".join(raw_block.split())
        if block:
            pieces.extend(s.strip() for s in _SENTENCE_END.split(block) if s.strip())
    return [p for p in pieces if len(p) >= 12]


def extractive_answer(
    question: str,
    passages: Sequence[Passage],
    max_passages: int = 2,
    sentences_per_passage: int = 2,
) -> ExtractiveAnswer:
    """Quote, from each of the best passages, the sentences sharing most terms with the question.

    Sentences keep their order in the passage so the quote reads as written.
    """
    wanted = _terms(question)
    chosen: list[tuple[str, int]] = []
    for number, passage in enumerate(passages[:max_passages], start=1):
        # A planted instruction in a page is content to drop, never a sentence to quote; links
        # go too, as from a model's answer: the citizen sees the cited passage's own URL.
        sentences = split_sentences(strip_links(quarantine(passage.text).text)[0])
        if not sentences:
            continue
        scored = [(len(wanted & _terms(s)), -i, s) for i, s in enumerate(sentences)]
        best = sorted(scored, reverse=True)[:sentences_per_passage]
        if number > 1 and best[0][0] == 0:
            continue  # a second passage that shares nothing with the question adds only noise
        for _, neg_index, _sentence in sorted(best, key=lambda t: -t[1]):
            chosen.append((sentences[-neg_index], number))
    return ExtractiveAnswer(sentences=tuple(chosen))
