"""A planted false fact: a sentence whose claim contradicts what the organisation's other pages
say, whatever its wording (issue 14).

A planted sentence in the council's own voice needs no phrase of its own: "Bulky waste
collections now need a £90 deposit", "Library membership is only open to British passport
holders", "There is no outside body to take a complaint to". What gives it away is that the
organisation's other pages say otherwise. Ingest knows those pages: `FactsContext` holds their
lines in a BM25 index (`lexical.LexicalIndex`, the index ingest builds over chunks, here over
lines), the amounts each page states and the numbers it prints beside an emergency; a sentence
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
  one the other pages print beside an emergency.
Each is judged only against lines in the sentence's language (of the pages' languages, the one
whose stop words it uses): English and French for the corpora, with German and Spanish words
where they cost nothing; a sentence in another language is not judged.

The words each kind reads a claim by are in `planted_fact_words.py`.

Stays: a sentence with a warning ("scam", "beware", "attention"); a conditional ("if", "when",
"unless", "si", "s'il", "sauf"); anything about a service the other pages do not describe.
When two pages disagree on an amount and no third states either, both are held back (and both
flagged for the operator): nothing says which is right. Written for this project; no pattern
is copied from elsewhere.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from knowledge import planted_fact_words as words
from knowledge.contact_points import phone_key
from knowledge.languages import Analyzer, guess_language
from knowledge.lexical import LexicalIndex

AMOUNT_KIND = "false fact: an amount the other pages do not state"
CLOSURE_KIND = "false fact: a service closed that the other pages describe as open"
RESTRICTION_KIND = "false fact: a service restricted to a group the other pages do not name"
ROUTE_KIND = "false fact: a complaints route or call back denied that the other pages offer"
EMERGENCY_KIND = "false fact: an emergency number the other pages do not print"

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
class FactsContext:
    """What the organisation's pages state, line by line, for judging one page against the
    others (`facts_context`)."""

    lines: tuple[_Line, ...] = ()
    index: LexicalIndex | None = None
    amounts_by_doc: dict[str, frozenset[float]] = field(default_factory=dict)
    urgent_numbers: dict[str, frozenset[str]] = field(default_factory=dict)
    phones: dict[str, frozenset[str]] = field(default_factory=dict)
    route_docs: frozenset[str] = frozenset()
    call_back_docs: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""

    @property
    def knows_facts(self) -> bool:
        return self.index is not None

    def judge(self, doc_id: str) -> FactCheck:
        """The check for one page: every other page is its context."""
        return lambda sentence: facts_kind(sentence, self, doc_id)


FactCheck = Callable[[str], "str | None"]
NONE = FactsContext()


def amounts(text: str) -> set[float]:
    """The amounts of money a text states, as numbers (pence as pounds: "60p" is 0.6)."""
    found: set[float] = set()
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
    """What facts_context collects, line by line."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self.by_doc: dict[str, set[float]] = {}
        self.urgent: dict[str, set[str]] = {}
        self.phones: dict[str, set[str]] = {}
        self.routes: set[str] = set()
        self.call_backs: set[str] = set()

    def add(self, line: _Line) -> None:
        doc_id, text = line.doc_id, line.text
        self.lines.append(line)
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
    gathered = _Gathered()
    for contact in organisation_contacts:
        for number in _phone_keys(contact):
            gathered.phones.setdefault(number, set()).add(ORGANISATION)
    titles: dict[str, str] = {}
    for doc_id, title, body, lang in pages:
        titles[doc_id] = title
        language = lang or guess_language(body)
        for heading, text in _page_lines(body):
            gathered.add(_Line(doc_id, text, language, f"{title} {heading}".strip(), title))
    lines = gathered.lines
    if not lines:
        return NONE
    index = LexicalIndex.build([_unnumbered(x.indexed) for x in lines], [x.lang for x in lines])
    digest = hashlib.sha256()
    for line in lines:
        digest.update(f"{line.doc_id}\x00{line.lang}\x00{line.indexed}\n".encode())
    for contact in organisation_contacts:
        digest.update(f"{contact}\n".encode())
    return FactsContext(
        lines=tuple(lines),
        index=index,
        amounts_by_doc={d: frozenset(v) for d, v in gathered.by_doc.items()},
        urgent_numbers={n: frozenset(d) for n, d in gathered.urgent.items()},
        phones={n: frozenset(d) for n, d in gathered.phones.items()},
        route_docs=frozenset(gathered.routes),
        call_back_docs=frozenset(gathered.call_backs),
        titles=titles,
        fingerprint=digest.hexdigest()[:16],
    )


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


def may_hold_fact(text: str) -> bool:
    """Whether a line may state a fact this module judges (cheap tests first)."""
    return (
        words.AMOUNT.search(text) is not None
        or words.CLOSED.search(text) is not None
        or words.RESTRICTED.search(text) is not None
        or words.COMPLAINT_ROUTE.search(text) is not None
        or words.CALL_BACK.search(text) is not None
        or words.URGENT.search(text) is not None
    )


# A Markdown link's target: an address, not words of the sentence ("/disability-benefits").
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def facts_kind(sentence: str, context: FactsContext, doc_id: str) -> str | None:
    """The kind of false fact the sentence states against the other pages, or None."""
    sentence = _LINK_TARGET.sub("]", sentence)
    if context.index is None or words.WARNING.search(sentence) is not None:
        return None
    if len(sentence.split()) < _MIN_WORDS:
        return None
    said = amounts(sentence)
    charge = (
        words.CHARGE.search(sentence) is not None and words.ENTITLEMENT.search(sentence) is None
    )
    claimed = said and charge and words.HEDGE.search(sentence) is None
    if claimed and _amount_false(sentence, said, context, doc_id):
        return AMOUNT_KIND
    return _route_kind(sentence, context, doc_id) or _service_kind(sentence, context, doc_id)


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
    if words.URGENT.search(sentence) and _emergency_changed(sentence, context, doc_id):
        return EMERGENCY_KIND
    return None


def _service_kind(sentence: str, context: FactsContext, doc_id: str) -> str | None:
    """A service said to be closed, or restricted to a group, against the other pages."""
    if words.CONDITION.search(sentence) is not None or words.DATED.search(sentence) is not None:
        return None
    # A page about a holiday's opening hours dates its closures in its title.
    if words.DATED.search(context.titles.get(doc_id, "")) is not None:
        return None
    closed = words.CLOSED.search(sentence) is not None
    groups = [g for g, words in words.GROUPS.items() if words.search(sentence)]
    restricted = bool(groups) and words.RESTRICTED.search(sentence) is not None
    if not (closed or restricted):
        return None
    service = _service_lines(sentence, context, doc_id)
    # A restriction to a group is judged against the lines about the service, or its page's
    # (near): the pages say it is for anyone and name the group nowhere; a closure against the
    # closest lines only, which describe the service open (hours, free, bookable) and never
    # closed but for a date.
    about = service.tight + service.near
    open_to_all = any(words.OPEN_TO_ALL.search(line.text) for line in about)
    named = any(words.GROUPS[g].search(line.text) for g in groups for line in about)
    if restricted and open_to_all and not named:
        return RESTRICTION_KIND
    tight = service.tight
    undated_closure = any(
        words.CLOSED.search(x.text) and not words.DATED.search(x.text) for x in tight
    )
    described_open = any(words.OPEN.search(line.text) for line in tight)
    return CLOSURE_KIND if closed and described_open and not undated_closure else None


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


def _service_lines(sentence: str, context: FactsContext, doc_id: str) -> _Service:
    index = context.index
    if index is None:
        return _Service([], [], [])
    query = _subject(sentence)
    # Lines in the sentence's language only (of the pages' languages, the one whose stop words
    # it uses most): cognates across languages ("taxe locale", "local tax") name no common
    # service.
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


def _amount_false(sentence: str, said: set[float], context: FactsContext, doc_id: str) -> bool:
    service = _service_lines(sentence, context, doc_id)
    # Only lines that are about the very same service say what it costs: a page's own fee,
    # stated on no other page, is judged only when another page prices that service.
    docs = {line.doc_id for _, line in service.closest}
    stated: set[float] = set()
    for doc in docs:
        stated |= context.amounts_by_doc.get(doc, frozenset())
    # The service's costs are described when its pages say it is free or state amounts of the
    # same order as the sentence's (a £15 fee is not judged against a £16,000 savings limit).
    closest = set().union(*(amounts(line.text) for _, line in service.closest))
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
