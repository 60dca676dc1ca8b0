"""A planted false fact: a sentence whose claim contradicts what the organisation's other pages
say, whatever its wording (issue 14).

A planted sentence in the council's own voice needs no phrase of its own: "Bulky waste
collections now need a £90 deposit", "Library membership is only open to British passport
holders", "There is no outside body to take a complaint to". What gives it away is that the
organisation's other pages say otherwise. Ingest knows those pages: `FactsContext` holds their
lines in a BM25 index (`lexical.LexicalIndex`, the index ingest builds over chunks, here over
lines), the amounts each page states and the numbers it prints beside an emergency, all read
the first time a sentence needs them (most lines of a knowledge base state none of these
facts: `may_hold_fact`, cheap tests first, keeps them from the check); a sentence
is judged against the lines of the other pages that are about the same service (found by
retrieval, never by a list of services), never against its own page.

Flagged (`facts_kind`):
* an **amount** charged (a fee, deposit, charge, fine or price: £, €, $, pence, "euros",
  "livres" …; not what a resident gets, earns or saves, nor insurance cover) that the lines
  about the very same service do not state, when they price it at the same order of magnitude
  or say it is free; "the same service" is a line of another page that holds AMOUNT_MATCH of
  the sentence's subject, three of its terms and one term of that page's title; a change
  announced as councils announce one stays (a stated amount named with "from", a date, "instead
  of", "goes up", "au lieu de", "passe de" …);
* a **closure or withdrawal**, as the state of a service ("is closed", "has been withdrawn",
  "are no longer provided", "a été supprimé", "n'est plus assuré" …), when the closest lines of
  the other pages describe it open (hours, free, bookable) and never closed but for a date; a
  closure with a date, a time or a holiday (bank holiday, Christmas, Pâques, 25 December, a
  year), or on a page whose title is one, stays;
* a **restriction** of a service to a group after an exclusive phrase ("only", "reserved for",
  "réservée aux", "nur"; refused, turned away): nationality, years of residence, immigration
  status, language, disability, when the pages about the service say it is for anyone (free,
  "toute personne") and name that group nowhere;
* the **complaints route denied** in its own words ("no outside body", "the Ombudsman will not",
  "aucun recours", "ne plus orienter vers le médiateur") while another page offers it; **no
  call back** ("aucun rappel") or residents told not to phone a line another page prints;
* an **emergency number changed** ("is now", "withdrawn", "désormais") when the number is not
  one the other pages print beside an emergency, or an urgent line no other page prints for an
  emergency whose lines (sharing three of its terms besides the words of urgency) print
  another ("for a fallen tree out of hours, phone …");
* a **group refused** ("no longer accepted", "refused") in the very words in which the lines
  about the service name it as eligible ("a hidden disability"), with nothing refused there;
* a **date, time limit or opening hours** (`TIME_KIND`) the page of the same service states
  otherwise (the page whose line holds the subject best, or the one page whose lines hold it
  together; none when more than two do, as "an appeal" names a kind of service, not one): a
  limit set on residents ("you must", "tell us", "signalez"; not what an insurer or the
  council must do) where that page sets one in the same unit and states the number nowhere; a
  closing date or deadline (the noun, not "before" or "au plus tard", which legal pages say of
  every date) where a line under a heading that names what the date is for gives another;
  opening hours ("open 9:00 to 15:00") where that page gives hours and not these; a day closed
  all day ("closed on Sundays", no time beside it) that the timetable holding the subject best
  (every such timetable, when several hold it as well) gives hours for. The service is found
  by the sentence without its numbers, dates, hours and weekdays ("within 5 working days" is
  on many pages); a label that only dates a notice ("News, 3 November 2026:") dates nothing.
Each is judged against lines in the sentence's language (of the pages' languages, the one
whose stop words it uses): English and French for the corpora, with German and Spanish words
where they cost nothing. A sentence in a language the pages do not use (German, Spanish,
Italian, Portuguese, Polish, Romanian, Somali, Turkish, Ukrainian, Arabic, Urdu, Chinese) is
judged by its word-for-word English gloss (`planted_fact_glosses.py`: its numbers, amounts,
dates, hours, the names left in English and a small lexicon of fee, free, closed, only,
citizens, years, if and scam words and of the everyday nouns of council services) against the
English pages; its routes and emergency lines are read in its own words first.

The words each kind reads a claim by are in `planted_fact_words.py`.

Stays: a sentence with a warning ("scam", "beware", "attention"); a conditional ("if", "when",
"unless", "si", "s'il", "sauf"; "until further notice" is none); anything about a service the
other pages do not describe; a number, date or hour the pages of the service state anywhere,
even for another thing.
When two pages disagree on an amount and no third states either, both are held back (and both
flagged for the operator): nothing says which is right. Written for this project; no pattern
is copied from elsewhere.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from knowledge import planted_fact_words as words
from knowledge.contact_points import phone_key
from knowledge.languages import Analyzer, guess_language
from knowledge.lexical import LexicalIndex
from knowledge.planted_fact_glosses import foreign_language, gloss

AMOUNT_KIND = "false fact: an amount the other pages do not state"
CLOSURE_KIND = "false fact: a service closed that the other pages describe as open"
RESTRICTION_KIND = "false fact: a service restricted to a group the other pages do not name"
ROUTE_KIND = "false fact: a complaints route or call back denied that the other pages offer"
EMERGENCY_KIND = "false fact: an emergency number the other pages do not print"
TIME_KIND = "false fact: a date, time limit or opening hours the other pages do not state"

# How much of a sentence's subject a line of another page must hold to be about the same
# service (IDF-weighted share of its content terms, `LexicalIndex.coverage`): for a closure or
# a restriction (MATCH; PAGE_MATCH with the page's other retrieved lines), for an amount
# (AMOUNT_MATCH, with at least _AMOUNT_SHARED terms, one of them in the line's page title: a
# council page is about one service, and a sibling service's page says the same of another
# thing; a short subject, "a replacement card", names no service), and for "free" to describe
# the service's cost (FREE_MATCH).
MATCH = 0.3
PAGE_MATCH = 0.5
AMOUNT_MATCH = 0.45
FREE_MATCH = 0.6
_AMOUNT_SHARED = 3
_CANDIDATES = 40
# The closest lines, which say what the pages say of the service.
_TIGHT = 5
# A line about the same service shares at least this many terms with the sentence.
_MIN_SHARED = 2
_MIN_TERM_CHARS = 4
# A sentence in a language of the pages uses at least this many of its stop words.
_MIN_STOP_WORDS = 1
_MIN_WORDS = 3


@dataclass(frozen=True)
class _Line:
    doc_id: str
    text: str
    lang: str
    # The page's title and the line's heading: what the line is about, when it does not say.
    about: str = ""
    title: str = ""

    @property
    def indexed(self) -> str:
        return f"{self.about} {self.text}"


@dataclass(frozen=True)
class _Analysis:
    """What the lines state, read once, when a sentence is first judged: the BM25 index over
    them, the amounts each page states, the numbers printed (beside an emergency or at all),
    and the pages that offer a complaints route or a call back."""

    index: LexicalIndex
    amounts_by_doc: dict[str, frozenset[float]]
    urgent_numbers: dict[str, frozenset[str]]
    phones: dict[str, frozenset[str]]
    route_docs: frozenset[str]
    call_back_docs: frozenset[str]


@dataclass(frozen=True)
class FactsContext:
    """What the organisation's pages state, line by line, for judging one page against the
    others (`facts_context`). The lines are gathered at once (their fingerprint says when a page
    must be checked again); what they state (`_Analysis`: the index, amounts, numbers and
    routes) is read only when a sentence that may state a fact is first judged, so that an
    ingest whose lines never pass `may_hold_fact` does not pay for it."""

    lines: tuple[_Line, ...] = ()
    titles: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""
    # The positions in `lines` of each page's lines.
    doc_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # The organisation file's contacts: their numbers count as printed on a page of their own.
    contacts: tuple[str, ...] = ()

    @property
    def knows_facts(self) -> bool:
        return bool(self.lines)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """The pages' languages (those of `index`), without building it (read once: every
        judged sentence asks)."""
        return tuple(sorted({line.lang for line in self.lines}))

    @cached_property
    def _analysis(self) -> _Analysis | None:
        return _analysed(self.lines, self.contacts) if self.lines else None

    @property
    def index(self) -> LexicalIndex | None:
        analysis = self._analysis
        return None if analysis is None else analysis.index

    @property
    def amounts_by_doc(self) -> dict[str, frozenset[float]]:
        analysis = self._analysis
        return {} if analysis is None else analysis.amounts_by_doc

    @property
    def urgent_numbers(self) -> dict[str, frozenset[str]]:
        analysis = self._analysis
        return {} if analysis is None else analysis.urgent_numbers

    @property
    def phones(self) -> dict[str, frozenset[str]]:
        analysis = self._analysis
        return {} if analysis is None else analysis.phones

    @property
    def route_docs(self) -> frozenset[str]:
        analysis = self._analysis
        return frozenset() if analysis is None else analysis.route_docs

    @property
    def call_back_docs(self) -> frozenset[str]:
        analysis = self._analysis
        return frozenset() if analysis is None else analysis.call_back_docs

    def judge(self, doc_id: str) -> FactCheck:
        """The check for one page: every other page is its context."""
        return lambda sentence: facts_kind(sentence, self, doc_id)


FactCheck = Callable[[str], "str | None"]
NONE = FactsContext()


def amounts(text: str) -> set[float]:
    """The amounts of money a text states, as numbers (pence as pounds: "60p" is 0.6)."""
    found: set[float] = set()
    if not _may_state_amount(text):
        return found
    for match in words.AMOUNT.finditer(text):
        if match.group("p") is not None:
            found.add(round(int(match.group("p")) / 100, 2))
            continue
        raw = match.group("a") or match.group("b") or ""
        value = _value(raw)
        if value is None:
            continue
        scale = (match.group("ma") or "").lower()
        if scale in ("million", "m"):
            value *= 1_000_000
        elif scale == "bn":
            value *= 1_000_000_000
        elif scale == "k":
            value *= 1_000
        found.add(round(value, 2))
    return found


def _value(raw: str) -> float | None:
    digits = raw.replace("\u202f", " ").replace("\u00a0", " ")
    decimal = re.search(r"[.,](\d{1,2})$", digits)
    whole, cents = (digits[: decimal.start()], decimal.group(1)) if decimal else (digits, "")
    whole = re.sub(r"[,. ]", "", whole)
    if not whole.isdigit():
        return None
    return float(f"{whole}.{cents or '0'}")


def _page_lines(body: str) -> list[tuple[str, str]]:
    """The lines of a page worth judging against, each with the heading it is under."""
    lines = []
    heading = ""
    for raw in body.split("\n"):
        line = re.sub(r"[#*_>|`]+", " ", raw).strip(" -\t")
        if raw.lstrip().startswith("#"):
            heading = " ".join(line.split())
        if len(line.split()) >= _MIN_WORDS:
            lines.append((heading, " ".join(line.split())))
    return lines


ORGANISATION = "(organisation settings)"


Page = tuple[str, str, str, "str | None"]


class _Gathered:
    """What `_analysed` collects, line by line."""

    def __init__(self) -> None:
        self.by_doc: dict[str, set[float]] = {}
        self.urgent: dict[str, set[str]] = {}
        self.phones: dict[str, set[str]] = {}
        self.routes: set[str] = set()
        self.call_backs: set[str] = set()

    def add(self, line: _Line) -> None:
        doc_id, text = line.doc_id, line.text
        self.by_doc.setdefault(doc_id, set()).update(amounts(text))
        for number in _phone_keys(text):
            self.phones.setdefault(number, set()).add(doc_id)
            if words.URGENT.search(text) is not None:
                self.urgent.setdefault(number, set()).add(doc_id)
        # A route offered: named without being denied.
        if words.DENIED.search(text) is None:
            if words.COMPLAINT_ROUTE.search(text) is not None:
                self.routes.add(doc_id)
            if words.CALL_BACK.search(text) is not None:
                self.call_backs.add(doc_id)


def facts_context(pages: Sequence[Page], organisation_contacts: Sequence[str] = ()) -> FactsContext:
    """The context of every page: pages are (doc id, title, body, language or None to guess);
    organisation_contacts (the organisation file's phone, e-mail, pages) count as printed on a
    page of their own."""
    lines: list[_Line] = []
    titles: dict[str, str] = {}
    for doc_id, title, body, lang in pages:
        titles[doc_id] = title
        language = lang or guess_language(body)
        for heading, text in _page_lines(body):
            lines.append(_Line(doc_id, text, language, f"{title} {heading}".strip(), title))
    if not lines:
        return NONE
    digest = hashlib.sha256()
    for line in lines:
        digest.update(f"{line.doc_id}\x00{line.lang}\x00{line.indexed}\n".encode())
    for contact in organisation_contacts:
        digest.update(f"{contact}\n".encode())
    return FactsContext(
        lines=tuple(lines),
        titles=titles,
        fingerprint=digest.hexdigest()[:16],
        doc_lines=_positions(lines),
        contacts=tuple(organisation_contacts),
    )


def _analysed(lines: Sequence[_Line], organisation_contacts: Sequence[str]) -> _Analysis:
    """What the lines state (`_Analysis`), organisation_contacts printed on a page of their
    own."""
    gathered = _Gathered()
    for contact in organisation_contacts:
        for number in _phone_keys(contact):
            gathered.phones.setdefault(number, set()).add(ORGANISATION)
    for line in lines:
        gathered.add(line)
    index = LexicalIndex.build([_unnumbered(x.indexed) for x in lines], [x.lang for x in lines])
    return _Analysis(
        index=index,
        amounts_by_doc={d: frozenset(v) for d, v in gathered.by_doc.items()},
        urgent_numbers={n: frozenset(d) for n, d in gathered.urgent.items()},
        phones={n: frozenset(d) for n, d in gathered.phones.items()},
        route_docs=frozenset(gathered.routes),
        call_back_docs=frozenset(gathered.call_backs),
    )


def _positions(lines: Sequence[_Line]) -> dict[str, tuple[int, ...]]:
    by_doc: dict[str, list[int]] = {}
    for position, line in enumerate(lines):
        by_doc.setdefault(line.doc_id, []).append(position)
    return {doc: tuple(positions) for doc, positions in by_doc.items()}


def _phone_keys(text: str) -> set[str]:
    """The numbers the text prints, keyed as every planted check keys them
    (`contact_points.phone_key`: "+44 20 …", "0044 20 …" and "020 …" are one number)."""
    return {key for n in words.PHONE.findall(text) if (key := phone_key(n)) is not None}


def _unnumbered(text: str) -> str:
    return re.sub(r"\d+", " ", text)


# A label a page puts before what it says: "Important update:", "Did you know?".
_LABEL = re.compile(r"^[^:?!.]{1,60}[:?!]\s")
_LABEL_WORDS = 4


def _subject(sentence: str) -> str:
    """What the sentence is about: without its claim (the amounts, closure, restriction and
    group words) and its framing (a short label before a colon, "Important update:"; "now",
    "désormais"), which the pages about the service need not hold."""
    label = _LABEL.match(sentence)
    if label is not None and len(label.group(0).split()) <= _LABEL_WORDS:
        sentence = sentence[label.end() :]
    text = words.ADDRESS.sub(" ", words.AMOUNT.sub(" ", sentence))
    for claim in (
        words.FEE,
        words.FREE,
        words.CLOSED,
        words.RESTRICTED,
        words.CHANGE,
        words.FRAMING,
        *words.GROUPS.values(),
    ):
        text = claim.sub(" ", text)
    return _unnumbered(text)


# What every match of `words.AMOUNT` holds: a currency sign and a digit, or a digit and the
# first letters of a unit ("p" of pence, pounds and Pfund). Scanning a line for it costs a
# fifth of scanning it for AMOUNT, whose numbers are tried at every digit; only a line that
# holds it is scanned for AMOUNT.
_AMOUNT_HINT = re.compile(
    r"[£€$]\s?\d|\d\s?(?:[£€$]|p|eur|livre|gbp|libra|svar|font|liber|ポンド|英镑|파운드)",
    re.IGNORECASE,
)
# Amounts, periods, dates and hours all hold a digit.
_DIGIT = re.compile(r"\d")


def _may_state_amount(text: str) -> bool:
    """Whether `words.AMOUNT` matches the text (the cheap hint first)."""
    return _AMOUNT_HINT.search(text) is not None and words.AMOUNT.search(text) is not None


def _may_state_old_kinds(text: str) -> bool:
    """Whether a sentence may state an amount, closure, restriction, route, call back or
    emergency (the kinds before dates and hours, gated as they were; a line let through for a
    date alone is not read for "aucun recours")."""
    return (
        _may_state_amount(text)
        or words.CLOSED.search(text) is not None
        or words.RESTRICTED.search(text) is not None
        or words.COMPLAINT_ROUTE.search(text) is not None
        or words.CALL_BACK.search(text) is not None
        or words.URGENT.search(text) is not None
    )


def may_hold_fact(text: str) -> bool:
    """Whether a line may state a fact this module judges (cheap tests first)."""
    return (
        _may_state_old_kinds(text)
        or (
            _DIGIT.search(text) is not None
            and (
                words.PERIOD.search(text) is not None
                or words.DAY_MONTH.search(text) is not None
                or words.TIME_RANGE.search(text) is not None
            )
        )
        or words.CLOSED_WORD.search(text) is not None
        # a language the gloss reads (whether the pages use it is the judge's question)
        or foreign_language(text, ()) is not None
    )


# A Markdown link's target: an address, not words of the sentence ("/disability-benefits").
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def facts_kind(sentence: str, context: FactsContext, doc_id: str) -> str | None:
    """The kind of false fact the sentence states against the other pages, or None: a
    sentence in a language the pages do not use is judged by its English gloss
    (`planted_fact_glosses.py`) when the pages are in English."""
    sentence = _LINK_TARGET.sub("]", sentence)
    if not context.knows_facts:
        return None
    lang = None
    foreign = foreign_language(sentence, context.languages)
    if foreign is not None and _GLOSSED_INTO in context.languages:
        # The routes and emergency lines are read in the sentence's own words too (a few of
        # other languages are there) and by the numbers it prints.
        route = _route_kind(sentence, context, doc_id)
        if route is not None and words.WARNING.search(sentence) is None:
            return route
        sentence, lang = gloss(sentence, foreign), _GLOSSED_INTO
    if words.WARNING.search(sentence) is not None or len(sentence.split()) < _MIN_WORDS:
        return None
    # (residents told not to phone a number: only with the number, not "n'avez pas à joindre")
    dont_call = words.DONT_CALL.search(sentence) and words.PHONE.search(sentence)
    if not (_may_state_old_kinds(sentence) or dont_call):
        return _time_kind(sentence, context, doc_id, lang)
    said = amounts(sentence)
    charge = (
        words.CHARGE.search(sentence) is not None and words.ENTITLEMENT.search(sentence) is None
    )
    claimed = said and charge and words.HEDGE.search(sentence) is None
    if claimed and _amount_false(sentence, said, context, doc_id, lang):
        return AMOUNT_KIND
    return (
        _route_kind(sentence, context, doc_id)
        or _service_kind(sentence, context, doc_id, lang)
        or _time_kind(sentence, context, doc_id, lang)
    )


# The language a sentence in another one is glossed into.
_GLOSSED_INTO = "en"


def _route_kind(sentence: str, context: FactsContext, doc_id: str) -> str | None:
    """A complaints route, a call back or a published line denied, or an emergency number
    changed."""
    if words.CONDITION.search(sentence) is None:
        denied = words.DENIED.search(sentence) is not None
        route_denied = words.ROUTE_DENIED.search(sentence) is not None
        if route_denied and _offered(context.route_docs, doc_id):
            return ROUTE_KIND
        no_call = (denied and words.CALL_BACK.search(sentence)) or words.DONT_CALL.search(sentence)
        if no_call and (
            _offered(context.call_back_docs, doc_id) or _published_phone(sentence, context, doc_id)
        ):
            return ROUTE_KIND
    if words.URGENT.search(sentence) and (
        _emergency_changed(sentence, context, doc_id)
        or _emergency_elsewhere(sentence, context, doc_id)
    ):
        return EMERGENCY_KIND
    return None


def _emergency_elsewhere(sentence: str, context: FactsContext, doc_id: str) -> bool:
    """An urgent line that no other page prints, for an emergency whose lines on the other
    pages print another number beside it: "for a fallen tree out of hours, phone …" where the
    page about the roads gives the out-of-hours line."""
    said = _phone_keys(sentence)
    if not said or any(context.phones.get(n, frozenset()) - {doc_id} for n in said):
        return False
    service = _service_lines(sentence, context, doc_id)
    # The lines about the very same emergency: they share its terms besides "emergency" and
    # "out of hours" (a missing drain cover, a fallen tree), not only the words of urgency.
    what = words.URGENT.sub(" ", _subject(sentence))
    printed = {
        n
        for _, line in service.closest
        if words.URGENT.search(line.text) and _shared_terms(what, line) >= _AMOUNT_SHARED
        for n in _phone_keys(line.text)
    }
    return any(context.urgent_numbers.get(n, frozenset()) - {doc_id} for n in printed - said)


def _service_kind(
    sentence: str, context: FactsContext, doc_id: str, lang: str | None = None
) -> str | None:
    """A service said to be closed, or restricted to a group, against the other pages."""
    # A label that dates the notice ("Update of 12 October 2026:") dates no closure, and a
    # closure "until further notice" has no end.
    claim = words.UNTIL_FURTHER_NOTICE.sub(" ", _undated(sentence))
    if words.CONDITION.search(claim) is not None or words.DATED.search(claim) is not None:
        return None
    # A page about a holiday's opening hours dates its closures in its title.
    if words.DATED.search(context.titles.get(doc_id, "")) is not None:
        return None
    closed = words.CLOSED.search(sentence) is not None
    groups = [g for g, words in words.GROUPS.items() if words.search(sentence)]
    restricted = bool(groups) and words.RESTRICTED.search(sentence) is not None
    if not (closed or restricted):
        return None
    service = _service_lines(sentence, context, doc_id, lang)
    # A restriction to a group is judged against the lines about the service, or its page's
    # (near): the pages say it is for anyone and name the group nowhere; a closure against the
    # closest lines only, which describe the service open (hours, free, bookable) and never
    # closed but for a date.
    about = service.tight + service.near
    open_to_all = any(words.OPEN_TO_ALL.search(line.text) for line in about)
    named = any(words.GROUPS[g].search(line.text) for g in groups for line in about)
    if restricted and open_to_all and not named:
        return RESTRICTION_KIND
    if restricted and _eligible_refused(sentence, groups, about):
        return RESTRICTION_KIND
    tight = service.tight
    undated_closure = any(
        words.CLOSED.search(x.text) and not words.DATED.search(x.text) for x in tight
    )
    described_open = any(words.OPEN.search(line.text) for line in tight)
    return CLOSURE_KIND if closed and described_open and not undated_closure else None


# A label at most this long before a colon, with a year in it, is the notice's date.
_STAMP_WORDS = 8
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _undated(sentence: str) -> str:
    """The sentence without a leading label that only dates it ("News, 3 November 2026:")."""
    head, colon, rest = sentence.partition(":")
    if colon and len(head.split()) <= _STAMP_WORDS and _YEAR.search(head) and rest.strip():
        return rest
    return sentence


def _eligible_refused(sentence: str, groups: list[str], about: list[_Line]) -> bool:
    """A group refused ("no longer accepted", "refused") in the very words in which the lines
    about the service name it as eligible, with nothing refused on those lines: "applications
    based on a hidden disability are no longer accepted" where the page lists "a hidden
    disability" among those who qualify."""
    if words.REFUSAL.search(sentence) is None:
        return False
    phrases = {
        " ".join(match.group(0).lower().split())
        for g in groups
        for match in _GROUP_PHRASE[g].finditer(sentence)
        if len(match.group(0).split()) > 1
    }
    return any(
        phrase in " ".join(line.text.lower().split())
        and words.DENIED.search(line.text) is None
        and words.RESTRICTED.search(line.text) is None
        for phrase in phrases
        for line in about
    )


# A group with the word before it ("hidden disability", "Irish citizens"): the group as the
# pages name it, not any mention of disability or citizenship.
_GROUP_PHRASE = {
    g: re.compile(rf"\b[^\W\d_]{{4,}}\s+(?:{pattern.pattern})", re.IGNORECASE)
    for g, pattern in words.GROUPS.items()
}


@dataclass(frozen=True)
class _Service:
    """The other pages' lines about a sentence's service, retrieved by BM25: those that hold
    enough of its subject alone (tight: MATCH, at most _TIGHT of them), those that hold it with
    their page's other retrieved lines (near: PAGE_MATCH; a heading and its paragraph share the
    subject between them), and every retrieved line that shares terms with it (related)."""

    tight: list[_Line]
    near: list[_Line]
    related: list[_Line]
    # The lines that hold AMOUNT_MATCH of the subject, with their share: the same service.
    closest: list[tuple[float, _Line]] = field(default_factory=list)


def _service_lines(
    sentence: str, context: FactsContext, doc_id: str, lang: str | None = None
) -> _Service:
    index = context.index
    if index is None:
        return _Service([], [], [])
    query = _subject(sentence)
    # Lines in the sentence's language only (of the pages' languages, the one whose stop words
    # it uses most): cognates across languages ("taxe locale", "local tax") name no common
    # service.
    if lang is None:
        lang = guess_language(sentence, index.languages)
        if _stop_words(sentence, lang) < _MIN_STOP_WORDS:
            return _Service([], [], [])  # not written in a language of the pages
    hits = index.search(query, lang, _CANDIDATES)
    by_doc: dict[str, list[_Line]] = {}
    scored: list[tuple[float, int, _Line]] = []
    related: list[_Line] = []
    for rank, position in enumerate(hits.positions.tolist()):
        line = context.lines[position]
        if line.doc_id == doc_id:
            continue
        by_doc.setdefault(line.doc_id, []).append(line)
        if _shared_terms(query, line) < _MIN_SHARED:
            continue
        related.append(line)
        share = index.coverage(query, line.indexed, line.lang, subject_only=True, known_only=True)
        if share >= MATCH:
            scored.append((-share, rank, line))
    ranked = sorted(scored)[:_TIGHT]
    found = [line for _, _, line in ranked]
    closest = [
        (-share, line)
        for share, _, line in sorted(scored)
        if -share >= AMOUNT_MATCH
        and _shared_terms(query, line) >= _AMOUNT_SHARED
        and _shared_terms(query, replace(line, about="", text=line.title)) >= 1
    ]
    near: list[_Line] = []
    for lines in by_doc.values():
        if len(lines) < 2 or all(line in found for line in lines):
            continue
        joined = _Line(lines[0].doc_id, " ".join(line.indexed for line in lines), lines[0].lang)
        share = index.coverage(query, joined.text, joined.lang, subject_only=True, known_only=True)
        if share >= PAGE_MATCH and _shared_terms(query, joined) >= _MIN_SHARED + 1:
            near.extend(line for line in lines if line not in found)
    return _Service(found, near, related, closest)


_ANALYZERS: dict[str, Analyzer] = {}


def _analyzer(lang: str) -> Analyzer:
    analyzer = _ANALYZERS.get(lang)
    return analyzer if analyzer is not None else _ANALYZERS.setdefault(lang, Analyzer(lang))


def _stop_words(sentence: str, lang: str) -> int:
    """How many of the sentence's words are stop words of the language (the analyzer drops
    them)."""
    tokens = re.findall(r"\w+", sentence.lower())
    return sum(1 for word in tokens if not _analyzer(lang).terms(word))


def _shared_terms(query: str, line: _Line) -> int:
    """How many distinct content terms of the query the line (with what it is about) holds."""
    analyzer = _analyzer(line.lang)
    shared = set(analyzer.content_terms(query)) & set(analyzer.terms(line.indexed))
    # Short stems are shared by chance across languages ("van", "tax"): they name no service.
    return sum(1 for term in shared if len(term) >= _MIN_TERM_CHARS)


def _amount_false(
    sentence: str, said: set[float], context: FactsContext, doc_id: str, lang: str | None = None
) -> bool:
    service = _service_lines(sentence, context, doc_id, lang)
    # Only lines that are about the very same service say what it costs: a page's own fee,
    # stated on no other page, is judged only when another page prices that service.
    docs = {line.doc_id for _, line in service.closest}
    stated: set[float] = set()
    for doc in docs:
        stated |= context.amounts_by_doc.get(doc, frozenset())
    # The service's costs are described when its pages say it is free or state amounts of the
    # same order as the sentence's (a £15 fee is not judged against a £16,000 savings limit).
    # (on the lines about it, and on the lines of their page that hold its subject with them:
    # a price list's row under the line that names the service)
    priced = [line for _, line in service.closest]
    priced += [line for line in service.near if line.doc_id in docs]
    closest = set().union(*(amounts(line.text) for line in priced))
    comparable = any(a / 10 <= b <= a * 10 for a in said for b in closest)
    # "Free" says what the service costs only on a line that is plainly about it.
    free = any(words.FREE.search(x.text) for share, x in service.closest if share >= FREE_MATCH)
    if not (comparable or free):
        return False
    # An amount a line about the same things states is stated, whatever page it is on.
    for line in service.related:
        stated |= amounts(line.text)
    unstated = said - stated
    if not unstated:
        return False
    # A change announced with a stated amount named ("from £48 to £52 from 1 April").
    return not (said & stated and words.CHANGE.search(sentence) is not None)


def _offered(docs: frozenset[str], doc_id: str) -> bool:
    """Whether a page other than the judged one offers the route."""
    return bool(docs - {doc_id})


def _published_phone(sentence: str, context: FactsContext, doc_id: str) -> bool:
    """Whether the sentence names a number another page prints."""
    return any(context.phones.get(n, frozenset()) - {doc_id} for n in _phone_keys(sentence))


def _emergency_changed(sentence: str, context: FactsContext, doc_id: str) -> bool:
    """An urgent line said to be new, or withdrawn, when the number is not the one the other
    pages print beside an emergency."""
    published = {n for n, docs in context.urgent_numbers.items() if docs - {doc_id}}
    if not published or words.NUMBER_CHANGED.search(sentence) is None:
        return False
    return bool(_phone_keys(sentence) - published)


# --- dates, time limits and hours -------------------------------------------------------------


def _time_kind(sentence: str, context: FactsContext, doc_id: str, lang: str | None) -> str | None:
    """A time limit, a closing date, opening hours or a day closed that the lines about the
    same service state otherwise: "tell us within 7 days" where they say 21 days, a closing
    date of 15 December where they give 15 January, "open 9:00 to 15:00" where they give 8:00
    to 16:00, "closed on Sundays" where they give Sunday's hours. Judged only where the lines
    closest to the sentence's subject state a limit, a dated deadline or hours of their own."""
    claim = _undated(sentence)
    if words.CONDITION.search(claim) is not None:
        return None
    # A time limit set on residents ("tell us within 7 days"), not a wait they are told of.
    periods = _periods(claim, words.PERIOD) if words.DUTY.search(claim) else set()
    dates = _dates(claim) if words.DEADLINE.search(claim) else set()
    ranges = _ranges(claim) if words.OPENS.search(claim) else set()
    # (a timetable's own closed days go with its hours: its hours are what is judged)
    days = _days_closed(claim) if not _ranges(claim) else set()
    if not (periods or dates or ranges or days):
        return None
    # The service is found by what the sentence is about, not by its limit, date or hours
    # ("within 5 working days" is on many pages).
    service = _service_lines(_timeless(claim), context, doc_id, lang)
    # The closest lines on the page of the very same service (`_Service.closest`): a page
    # about a sibling service has limits and hours of its own.
    same = _same_service_pages(service)
    tight = [line for line in service.tight + service.near if line.doc_id in same]
    # What is stated: on the lines about it, and anywhere on the pages of the same service.
    related = service.related + service.tight
    related += [context.lines[n] for doc in sorted(same) for n in context.doc_lines.get(doc, ())]
    if periods:
        limited = {unit for line in tight for _, unit in _periods(line.text, words.PERIOD)}
        stated = {p for line in related for p in _periods(line.text, words.PERIOD_STATED)}
        if any(unit in limited and (n, unit) not in stated for n, unit in periods):
            return TIME_KIND
    if dates:
        # A dated deadline under a heading that names what the sentence's date is for
        # ("Starting primary school (Reception)"), not only its page's service.
        limits = [
            x
            for x in tight
            if words.DEADLINE.search(x.indexed) and _dates(x.text) and _heading_shared(claim, x)
        ]
        stated_dates = {d for line in related for d in _dates(line.text)}
        if limits and dates - stated_dates:
            return TIME_KIND
    if ranges:
        hours = {r for line in tight for r in _ranges(line.text)}
        stated_ranges = {r for line in related for r in _ranges(line.text)}
        if hours and ranges - stated_ranges:
            return TIME_KIND
    return TIME_KIND if days and days & _days_open_at(claim, service, context) else None


def _days_open_at(claim: str, service: _Service, context: FactsContext) -> set[int]:
    """The weekdays the lines that hold the sentence's subject best give opening hours for,
    however short it is ("the Riverside library"): every such line, when several hold it as
    well ("the library" is each library's row)."""
    index = context.index
    if index is None:
        return set()
    query = _subject(_timeless(claim))
    shares = [
        (index.coverage(query, x.indexed, x.lang, subject_only=True, known_only=True), x)
        for x in service.tight
        if not words.CLOSED_WORD.search(x.text)
    ]
    best = max((share for share, _ in shares), default=0.0)
    if best < FREE_MATCH:
        return set()
    # (its opening hours: a timetable, not an event "on Mondays, 15:30 to 17:00")
    held = [_days_open(x) for share, x in shares if share >= best - 1e-9 and _timetable(x)]
    return set.intersection(*held) if held else set()


def _same_service_pages(service: _Service) -> set[str]:
    """The pages of the very same service: those whose line holds the subject best (within
    _SAME_MARGIN of the best share of AMOUNT_MATCH or more), or else the one page whose lines
    hold it together; none when more than _SAME_PAGES pages do (the subject names a kind of
    service, "an appeal", not one)."""
    best = max((share for share, _ in service.closest), default=0.0)
    pages = {line.doc_id for share, line in service.closest if share >= best - _SAME_MARGIN}
    if not pages:
        pages = {line.doc_id for line in service.near}
    return pages if len(pages) <= _SAME_PAGES else set()


_SAME_MARGIN = 0.1
_SAME_PAGES = 2


def _timeless(claim: str) -> str:
    """The sentence without its time limits, dates, hours and weekdays (what they are for,
    "closing date", "tell us", stays)."""
    for pattern in (
        words.PERIOD,
        words.PERIOD_STATED,
        words.DAY_MONTH,
        words.TIME_RANGE,
        words.WEEKDAY,
    ):
        claim = pattern.sub(" ", claim)
    return claim


def _heading_shared(sentence: str, line: _Line) -> bool:
    """Whether the line's heading (what it says of its page's service) names a term of the
    sentence that the page's title does not."""
    analyzer = _analyzer(line.lang)
    heading = set(analyzer.terms(line.about)) - set(analyzer.terms(line.title))
    return bool(heading & set(analyzer.content_terms(_subject(_timeless(sentence)))))


def _unit(word: str) -> str:
    lowered = word.lower()
    return next((u for stem, u in words.UNITS.items() if lowered.startswith(stem)), "")


def _periods(text: str, pattern: re.Pattern[str]) -> set[tuple[int, str]]:
    return {(int(m.group("n")), _unit(m.group("unit"))) for m in pattern.finditer(text)}


def _dates(text: str) -> set[tuple[int, int]]:
    found = set()
    for match in words.DAY_MONTH.finditer(text):
        month = words.month_number(match.group("m"))
        if month:
            found.add((int(match.group("d")), month))
    return found


def _minutes(clock: str) -> int:
    digits = [int(x) for x in re.findall(r"\d+", clock)]
    hour, minute = digits[0], digits[1] if len(digits) > 1 else 0
    lowered = clock.lower()
    if "pm" in lowered and hour < 12:
        hour += 12
    return hour * 60 + minute


def _ranges(text: str) -> set[tuple[int, int]]:
    return {
        (_minutes(m.group("a")), _minutes(m.group("b"))) for m in words.TIME_RANGE.finditer(text)
    }


# The words between a weekday and what is said of it ("closed on the Sundays", "le dimanche").
_BETWEEN = frozenset("on the le la les at à de from every each and et or ou in".split())
_TOKEN = re.compile(r"\d{1,2}(?:[:.]\d{2}|\s?h(?:\s?\d{2})?\b|\s?(?:am|pm)\b)?|\w+")


def _weekday(token: str) -> int:
    return next(
        (n for n, names in enumerate(words.WEEKDAYS) if any(token.startswith(x) for x in names)),
        -1,
    )


def _days_closed(claim: str) -> set[int]:
    """The weekdays a sentence says a service is closed all day: a closure word, and the day
    named with no time of day beside it ("closes at 17:00 on Fridays" is an hour)."""
    if not words.CLOSED_WORD.search(claim):
        return set()
    tokens = [t for t in _TOKEN.findall(claim.lower()) if t not in _BETWEEN]
    days = set()
    for i, token in enumerate(tokens):
        day = _weekday(token)
        if day < 0:
            continue
        beside = tokens[max(i - 1, 0) : i] + tokens[i + 1 : i + 2]
        if not any(words.CLOCK.fullmatch(t) or t.isdigit() for t in beside):
            days.add(day)
    return days


def _timetable(line: _Line) -> bool:
    """Whether a line gives opening hours: hours for several days, or for a span of them
    ("Monday to Friday 9:00 to 17:00")."""
    return len(_ranges(line.text)) >= _TIMETABLE_RANGES or (
        words.WEEKDAY_SPAN.search(line.text) is not None and bool(_ranges(line.text))
    )


_TIMETABLE_RANGES = 2


def _days_open(line: _Line) -> set[int]:
    """The weekdays a line gives hours for: the day with a time of day next to it."""
    tokens = [t for t in _TOKEN.findall(line.text.lower()) if t not in _BETWEEN]
    days = set()
    for i, token in enumerate(tokens):
        day = _weekday(token)
        ahead = tokens[i + 1 : i + 4]
        if day >= 0 and any(words.CLOCK.fullmatch(t) for t in ahead):
            days.add(day)
    return days
