"""The citation check: every sentence of a model's answer cites a passage that supports it.

Support is lexical, so it is cheap and explainable to an auditor:

* containment: the share of the sentence's content words (stop words dropped, Snowball-stemmed,
  accents folded) found in the cited passages; a sentence passes at `MIN_SUPPORT` = 0.6 or more.
  0.6 lets a sentence reword up to two words in five ("Garden waste needs its own subscription"
  from "Garden waste collection requires a separate subscription") and rejects one whose main
  facts are new ("Bins are collected every Monday morning" from a passage about fortnightly bins
  scores 0.5);
* every number in the sentence (fees, dates, phone numbers) and every e-mail address must appear
  in a cited passage: a changed figure is the commonest harmful error and barely moves word
  overlap.

Measured on the dev knowledge bases (sentences of the next 1,500 characters of the same page,
cited against the window before: same topic, other facts), 0.6 accepted 9.9 % of them in
govuk_en and 22.5 % in servicepublic_fr, whose pages reuse one vocabulary; 0.7 accepted 6.3 % and
13.1 % but also rejected 10 % of light paraphrases (words dropped or replaced, clauses swapped)
against 4 % at 0.6. Word bigrams separated no better than a higher threshold. So the lexical
check catches invented and misattributed facts, not every subtle misreading.

A sentence that cites several passages is compared with all of them together. Passages are
compared without their planted instructions (`planted.py`), as the model saw them.

In a whole answer (`check_answer`), a paragraph may cite its passages once, at its very end, as
the extractive writer does: each of its sentences is checked against them, and a
paragraph's first line that is a passage's title is its lead, not a claim. (A streamed model
answer is still checked sentence by sentence, each needing its own marker.) Link tokens
("[link 1.2]") stand for a passage's own link and are no claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.grounding.lexicon import Lexicon
from bot.grounding.links import LINK_TOKEN, strip_links
from bot.grounding.planted import quarantine
from knowledge.types import Passage

MIN_SUPPORT = 0.6

Verdict = Literal["supported", "unsupported", "uncited", "out_of_range"]

# "[1]", "[1, 2]", "[1][2]", "[1; 3]" — the forms small models write when asked for "[n]".
_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]")
# A sentence ends at . ! ? or … (then any citation markers) before whitespace and a capital,
# digit, quote or parenthesis; a line break always ends one. Lower case after a full stop is an
# abbreviation ("e.g. the", "env. 3 km"), and a full stop between digits is a decimal point.
_BOUNDARY = re.compile(
    r"(?<=[.!?…])((?:\s*\[[\d,;\s]+\])*)[ \t]+(?=[A-ZÀ-ÖØ-Þ0-9\"'«“(])|\n+",
)

# List markers at the start of a line ("1. ", "2) ", "- ") are layout, and "1." is no sentence.
_LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]+")


@dataclass(frozen=True)
class SentenceCheck:
    """One sentence of the answer, the passage numbers it cites, and the verdict on it."""

    text: str  # as written, markers included
    citations: tuple[int, ...]  # 1-based passage numbers, as in the text
    verdict: Verdict
    support: float  # containment in [0, 1] against the cited passages; 0 when nothing to compare
    missing: tuple[str, ...] = ()  # numbers and e-mail addresses not found in the cited passages

    @property
    def passed(self) -> bool:
        return self.verdict == "supported"

    def problem(self) -> str:
        """A short account of the failure, for the retry prompt and the log."""
        quoted = f'"{self.text[:80]}"'
        if self.verdict == "uncited":
            return f"{quoted} cites no passage"
        if self.verdict == "out_of_range":
            return f"{quoted} cites a passage that does not exist"
        if self.missing:
            return f"{quoted} has {', '.join(self.missing)} which the passage does not"
        return f"{quoted} is not supported by the passage it cites"


@dataclass(frozen=True)
class CitationReport:
    """The answer with links removed, a verdict per sentence, and the passages it cites."""

    text: str
    sentences: tuple[SentenceCheck, ...]
    cited: tuple[int, ...]  # 0-based indices into the passages, in order of first citation
    links_removed: int = 0

    @property
    def passed(self) -> bool:
        return bool(self.sentences) and all(sentence.passed for sentence in self.sentences)

    def problems(self) -> list[str]:
        return [sentence.problem() for sentence in self.sentences if not sentence.passed]


def citation_numbers(sentence: str) -> tuple[int, ...]:
    found: list[int] = []
    for group in _MARKER.findall(sentence):
        for number in re.split(r"[,;]", group):
            if int(number) not in found:
                found.append(int(number))
    return tuple(found)


def split_sentences(text: str) -> list[str]:
    """Sentences in order, each keeping the citation markers that follow its full stop."""
    text = _LIST_MARKER.sub("", text)
    sentences: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.start() + len(boundary.group(1) or "")
        sentences.append(text[start:end])
        start = boundary.end()
    sentences.append(text[start:])
    # Pieces without a letter or digit (a lone "." left where a link was removed) are not sentences.
    return [sentence.strip() for sentence in sentences if re.search(r"\w", sentence)]


@dataclass(frozen=True)
class _Evidence:
    """What one passage can support, computed once per answer."""

    stems: frozenset[str]
    numbers: frozenset[str]
    emails: frozenset[str]


class CitationChecker:
    """Checks sentences against one answer's passages; build one per answer (or stream)."""

    def __init__(self, passages: Sequence[Passage], min_support: float = MIN_SUPPORT) -> None:
        self._min_support = min_support
        self._lexicons: dict[str, Lexicon] = {}
        self._langs = [passage.lang for passage in passages]
        self._titles = {passage.title.strip() for passage in passages if passage.title.strip()}
        self._evidence = [self._evidence_of(passage) for passage in passages]

    def _lexicon(self, lang: str) -> Lexicon:
        if lang not in self._lexicons:
            self._lexicons[lang] = Lexicon(lang)
        return self._lexicons[lang]

    def _evidence_of(self, passage: Passage) -> _Evidence:
        # Compared with what the model was shown: planted sentences do not support anything.
        # The page's title and section are its own words too (the model is shown them).
        text = f"{passage.title}\n{passage.section}\n{quarantine(passage.text, passage.lang).text}"
        lexicon = self._lexicon(passage.lang)
        return _Evidence(lexicon.content_stems(text), lexicon.numbers(text), lexicon.emails(text))

    def check_sentence(self, sentence: str) -> SentenceCheck:
        citations = citation_numbers(sentence)
        if not citations:
            return SentenceCheck(sentence, citations, "uncited", 0.0)
        if any(not 1 <= number <= len(self._evidence) for number in citations):
            return SentenceCheck(sentence, citations, "out_of_range", 0.0)
        cited = [self._evidence[number - 1] for number in citations]
        claim = _MARKER.sub(" ", LINK_TOKEN.sub(" ", sentence))
        lexicon = self._lexicon(self._langs[citations[0] - 1])
        numbers = frozenset().union(*(evidence.numbers for evidence in cited))
        emails = frozenset().union(*(evidence.emails for evidence in cited))
        missing = sorted(lexicon.numbers(claim) - numbers) + sorted(lexicon.emails(claim) - emails)
        words = lexicon.content_stems(claim)
        stems = frozenset().union(*(evidence.stems for evidence in cited))
        # Nothing to compare ("Yes [1]."): the citation stands unless a figure was made up.
        support = len(words & stems) / len(words) if words else 1.0
        supported = support >= self._min_support and not missing
        verdict: Verdict = "supported" if supported else "unsupported"
        return SentenceCheck(sentence, citations, verdict, round(support, 3), tuple(missing))

    def check_answer(self, answer: str) -> CitationReport:
        """Check a whole answer; links are removed first and the report's text has none."""
        text, links_removed = strip_links(answer)
        text = text.strip()
        claims = [c for block in re.split(r"\n\s*\n", text) for c in self._claims(block)]
        sentences = tuple(self.check_sentence(sentence) for sentence in claims)
        return CitationReport(text, sentences, cited_indices(sentences), links_removed)

    def _claims(self, paragraph: str) -> list[str]:
        """The paragraph's sentences. A paragraph cited once, by a marker at its very end, is
        a quote of that passage: each of its sentences carries the marker."""
        lead, _, rest = paragraph.strip().partition("\n")
        if rest and lead.strip() in self._titles:
            paragraph = rest  # the page's title leads the quote: a heading, not a claim
        sentences = split_sentences(paragraph)
        markers = _MARKER.findall(paragraph)
        if len(markers) != 1 or not re.search(r"\]\s*$", paragraph):
            return sentences
        return [s if _MARKER.search(s) else f"{s} [{markers[0]}]" for s in sentences]


def check_sentence(
    sentence: str, passages: Sequence[Passage], min_support: float = MIN_SUPPORT
) -> SentenceCheck:
    return CitationChecker(passages, min_support).check_sentence(sentence)


def check_answer(
    answer: str, passages: Sequence[Passage], *, min_support: float = MIN_SUPPORT
) -> CitationReport:
    """Check a whole answer against its passages; see `CitationChecker`."""
    return CitationChecker(passages, min_support).check_answer(answer)


def cited_indices(sentences: Sequence[SentenceCheck]) -> tuple[int, ...]:
    """0-based indices of the passages that sentences cite validly, in order of first citation."""
    cited: list[int] = []
    for sentence in sentences:
        if sentence.verdict == "out_of_range":
            continue
        for number in sentence.citations:
            if number - 1 not in cited:
                cited.append(number - 1)
    return tuple(cited)
