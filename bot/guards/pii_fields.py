"""Personal data in structured text pasted into the chat, read by its field names.

A CSV export (a header line, then lines with as many cells, split by commas or semicolons),
`key: value` lines, a JSON fragment (`"key": "value"`) and a web address's query string
(`?key=value&…`, with %40 for @, + for a space, %2C for a comma): each value is read beside
its field's name. A field whose name says what it holds (name, nom, surname, address,
adresse, dob, date de naissance, email, courriel, phone, tel, portable, postcode …) gives that
kind when its value looks like one; any other value is read by every detector, decoded, after
its field's name as a label ("email: corentin…@example.org"). A field name with no value (a
blank form's "Name:" line) gives nothing (the twenty-second held-out set, test27, spent on
6 December 2026).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote_plus

from bot.guards.normalise import fold
from bot.guards.pii_contact import (
    ContactPolicy,
    a_template_s_address,
    email_is_public,
    is_mobile,
    judged_phones,
    national_form,
)
from bot.guards.pii_places import PLACED_KINDS
from bot.guards.verdict import PIIFinding

# Finds personal data in a short probe text ("field: value"); pii.find_pii without a tagger.
Finder = Callable[[str], Iterable[PIIFinding]]


@dataclass(frozen=True)
class Field:
    """One value in structured text: its field's name, where the value stands in the message
    (as written, encoded or not) and the value as meant (decoded)."""

    name: str
    start: int
    end: int
    value: str
    # Read again by every detector after its field's name: a CSV cell or a query value, whose
    # field's name is far from it or which is encoded; `key: value` lines are read as written.
    read_again: bool = False
    # A value in a link's query string: typed into a web form by whoever followed the link.
    in_link: bool = False
    # A CSV row naming a public place in a cell without digits ("Northfield Recycling
    # Centre,7 Tanyard Lane,EX2 8RT"): its address and postcode are the place's (test35 forms).
    public_place: bool = False


# Field names (folded, "_" and "-" read as spaces) and the kind of their values.
_NAME_FIELDS = re.compile(
    r"(?:full ?|last ?|family ?|sur|maiden ?|middle ?)?names?|surname|nom(?: de famille| complet"
    r"| de naissance| d'usage)?|lastname|familyname|fullname|nom prenom|prenom nom|contact name"
    r"|applicant|claimant|tenant|locataire|demandeur|patient|resident|titulaire|holder"
    r"|account holder|card ?holder"
    # A contact card's formatted name ("FN:Rosalind Pettigrew"): test35 forms.
    r"|fn"
)
_FIRST_NAME_FIELDS = re.compile(r"(?:fore|first ?|given ?|christian ?)names?|prenoms?|firstname")
_ADDRESS_FIELDS = re.compile(
    r"(?:home |postal |street |old |new |previous |current |billing |correspondence )?address"
    r"(?: line ?\d)?|addr|street|adresse(?: postale| actuelle| precedente| personnelle)?|rue"
    r"|domicile|residence"
)
_DOB_FIELDS = re.compile(
    r"dob|d o b|date of birth|birth ?date|born|birthday|date de naissance|naissance|ne le"
    r"|nee le|ddn|date naissance"
)
_EMAIL_FIELDS = re.compile(r"e ?mail|mail|courriel|email address|adresse e ?mail|adresse mail")
_PHONE_FIELDS = re.compile(
    r"(?:mobile |home |work |contact )?(?:phone|telephone|tel|tel no|tel number|phone number)"
    r"|mobile|cell|gsm|portable|fixe|numero de telephone|numero de portable"
)
_POSTCODE_FIELDS = re.compile(r"post ?code|zip|zip code|code postal|cp|eircode")

_PARTICLE = r"(?:de|du|des|la|le|van|von|der|den|di|da|del|dos|ben|bin|al|el|ter|ten|st)"
# A capitalised word (or one in capitals), an initial with its full stop.
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*\.?"
# A name as a field's value: one to four words, each capitalised (or in capitals), with
# particles between; "Okonkwo-Reyes", "Maëlle", "DE LA TOUR Anne", "van der Berg".
_NAME_VALUE = re.compile(rf"(?:(?:{_CAPITALISED}|{_PARTICLE})\s+){{0,3}}{_CAPITALISED}")
# Values that fill no field: placeholders, yes/no, a blank shown as such.
_BLANK = re.compile(
    r"(?i:n/?a|none|null|true|false|yes|no|oui|non|tbc|unknown|inconnu|x+|\.+|_+|-+|\?+|\*+"
    r"|name|nom|your name|votre nom|first name|surname|prenom|prénom|example|exemple|test"
    r"|john doe|jane doe|jean dupont|firstname lastname)"
)
_DIGITS = re.compile(r"\d")
# The month in digits or in Roman numerals, middle dots between too ("19·XII·1963"): test45.
_DATE_VALUE = re.compile(
    r"\d{1,4}\s*[/.\-·∙]\s*(?:\d{1,2}|(?:XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)(?![\w]))\s*"
    r"[/.\-·∙]\s*\d{2,4}|\d{1,2}(?:st|nd|rd|th|er)?\s+[^\W\d_]{3,}\.?"
    r"\s+\d{2,4}"
)

# `key: value` on one line; the key is a few words, no sentence.
_KEY_VALUE = re.compile(
    r"(?m)^[ \t>*•-]*(?P<key>[^\W\d_][\w'’ °./()-]{0,38}?)[ \t]*[:=][ \t]*(?P<value>[^\n]*?)[ \t]*$"
)
_JSON_PAIR = re.compile(
    r"\"(?P<key>[^\"\n]{1,40})\"\s*:\s*(?:\"(?P<value>[^\"\n]*)\"|(?P<bare>[\w.+-]+))"
)
_QUERY_PAIR = re.compile(r"[?&;](?P<key>[\w.\[\]-]{1,40})=(?P<value>[^&#\s]*)")
_CSV_LINE = re.compile(r"[^\n]+")
# Pasted HTML: a cell, a label or a term naming a field, then the next element holding its value
# ("<td>Date de naissance</td><td>23/08/2019</td>", "<label>Nom</label><span>…</span>",
# "<dt>DOB</dt><dd>…</dd>"): read as `key: value` (test36, spent).
_HTML_PAIR = re.compile(
    r"<(?P<open>td|th|label|dt|span|b|strong)\b[^<>]*>[ \t]*(?P<key>[^\W\d_][^<>\n\d]{0,38}?)"
    r"[ \t]*:?[ \t]*</(?P=open)>[ \t]*(?:<(?:/?(?:tr|td|th|dd|div|p)|br)\b[^<>]*>[ \t]*)*?"
    r"<(?P<shut>td|dd|span|div|output|b|strong|p)\b[^<>]*>[ \t]*(?P<value>[^<>\n]*?)[ \t]*"
    r"</(?P=shut)>"
)
# Or a label in a tag with its value as bare text up to the next tag or line ("<b>Surname:</b>
# Okafor<br>", "<strong>Nom :</strong> Brassard</div>"; test58, spent).
_HTML_LABEL_TEXT = re.compile(
    r"<(?P<open>b|strong|label|span|dt|th|td|em)\b[^<>]*>[ \t]*(?P<key>[^\W\d_][^<>\n\d]{0,38}?)"
    r"[ \t]*:?[ \t]*</(?P=open)>[ \t]*(?P<value>[^<>\s][^<>\n]*?)[ \t]*(?=<|\n|$)"
)
# An element of pasted XML named for its field ("<nom>Kervella</nom>", "<dob>1979-04-22</dob>",
# "<cni>…</cni>", as a web form's receipt or an export gives it back): its text is the field's
# value, read as `key: value` (issue 12, fixer P7, after test59). The elements of a web page
# ("<p>", "<div>", "<td>" …) name no field; an empty element or one holding a placeholder
# ("<nom>NOM</nom>", "<prenom>{{prenom}}</prenom>") fills none.
_XML_ELEMENT = re.compile(
    r"<(?P<key>[A-Za-z][\w.-]{0,30})(?:[ \t][^<>\n]*)?>[ \t]*(?P<value>[^<>\n]*?)[ \t]*"
    r"</(?P=key)[ \t]*>"
)
_PAGE_ELEMENTS = frozenset(
    "a abbr b bdi bdo big blockquote body button caption center cite code dd del details dfn"
    " div dl dt em figcaption font footer h1 h2 h3 h4 h5 h6 head header html i ins kbd label"
    " legend li main mark nav ol option output p pre q s samp script section small span strike"
    " strong style sub summary sup table tbody td textarea tfoot th thead time title tr tt u ul"
    " var".split()
)
# A web address's search or map query names a place looked for, not the writer's data
# ("maps…/?q=Vehicle+Pound,+Foundry+Lane"): not read again.
_SEARCH_KEYS = frozenset(
    "q query search s term terms keyword keywords recherche destination dest daddr place"
    " location lieu where".split()
)


# An aside in brackets after a field's name says how to fill it in ("Name (block capitals)",
# "Nom (en majuscules)", "Surname (as on your passport)"): the field is named without it
# (issue 12, fixer P7, after test59).
_ASIDE_IN_NAME = re.compile(r"[ \t]*\([^()]{1,30}\)[ \t]*$")


def _field_name(raw: str) -> str:
    raw = _ASIDE_IN_NAME.sub("", raw) or raw
    return re.sub(r"[\s_.\-]+", " ", fold(raw)).strip(" ()'’")


def _key_values(text: str) -> Iterator[Field]:
    for match in _KEY_VALUE.finditer(text):
        value = match.group("value")
        if value.startswith("//") or len(match.group("key").split()) > 5:
            continue  # "https://…" is no field; nor a sentence before a colon
        yield Field(match.group("key"), match.start("value"), match.end("value"), value)


def _json_pairs(text: str) -> Iterator[Field]:
    for match in _JSON_PAIR.finditer(text):
        group = "value" if match.group("value") is not None else "bare"
        yield Field(match.group("key"), match.start(group), match.end(group), match.group(group))


def _html_pairs(text: str) -> Iterator[Field]:
    for pattern in (_HTML_PAIR, _HTML_LABEL_TEXT):
        for match in pattern.finditer(text):
            start, end = match.span("value")
            yield Field(match.group("key"), start, end, match.group("value"), read_again=True)


def _xml_elements(text: str) -> Iterator[Field]:
    if "</" not in text:
        return
    for match in _XML_ELEMENT.finditer(text):
        if match.group("key").lower() in _PAGE_ELEMENTS or not match.group("value"):
            continue
        start, end = match.span("value")
        yield Field(match.group("key"), start, end, match.group("value"), read_again=True)


def _query_pairs(text: str) -> Iterator[Field]:
    for match in _QUERY_PAIR.finditer(text):
        raw = match.group("value")
        start, end = match.start("value"), match.end("value")
        again = match.group("key").lower() not in _SEARCH_KEYS
        value = unquote_plus(raw)
        yield Field(match.group("key"), start, end, value, read_again=again, in_link=again)


def _cells(line: str, separator: str) -> list[tuple[int, str]]:
    cells, position = [], 0
    for cell in line.split(separator):
        cells.append((position, cell))
        position += len(cell) + 1
    return cells


def _csv_fields(text: str) -> Iterator[Field]:
    """Cells of the lines under a CSV header line (two or more cells naming fields: words,
    no digits), as many cells a line, the same separator."""
    lines = [(m.start(), m.group(0)) for m in _CSV_LINE.finditer(text)]
    header: list[str] = []
    separator = ""
    for offset, line in lines:
        if header:
            cells = _cells(line, separator)
            if len(cells) == len(header):
                place = any(_names_a_public_place(cell) for _, cell in cells)
                for name, (at, cell) in zip(header, cells, strict=True):
                    stripped = cell.strip()
                    start = offset + at + len(cell) - len(cell.lstrip())
                    yield Field(
                        name, start, start + len(stripped), stripped, True, public_place=place
                    )
                continue
            header = []
        # The header may follow words on its line ("spreadsheet line: name;tel;lang").
        named = line.rsplit(": ", 1)[-1]
        for candidate in (";", ","):
            names = [cell.strip() for cell in named.split(candidate)]
            if len(names) >= 2 and all(re.fullmatch(r"[^\W\d][\w '’./-]{0,30}", n) for n in names):
                header, separator = names, candidate
                break


# A dump of `key=value` pairs, as a form's summary or a log prints them, separated by ";", "&",
# "," or line breaks ("date_naissance=1972-03-03; ville=…", "dob=…&postcode=…"): each value up
# to its separator, read after its key (test45 forms). A key names one thing: letters, digits,
# "_", "." or "-", no space.
_INLINE_PAIR = re.compile(
    r"(?:^|(?<=[;&,\s]))(?P<key>[^\W\d_][\w.-]{0,39})[ \t]*=[ \t]*(?P<value>[^;&,\n=]*?)"
    r"[ \t]*(?=[;&,\n]|[ \t]+[\u2013\u2014-][ \t]|$)"
)
# A dump that names the document by a key ("document_type=PASSPORT", "type_piece=passeport"):
# its number's key ("document_no", "numero", "doc_number") is the passport's number.
_DOCUMENT_TYPE_PAIR = re.compile(
    r"(?i:\b(?:document|doc|piece|pi[eè]ce|id)?[_.-]?(?:type|kind)(?:[_.-](?:document|doc|piece"
    r"|pi[eè]ce|id))?[ \t]*=[ \t]*[\"']?(?P<kind>passport|passeport|id[_ -]?card|carte[_ -]"
    r"(?:d['’]?)?identit[ée]|cni|driving[_ -]licen[cs]e|permis(?:[_ -]de[_ -]conduire)?)\b)"
)
_NUMBER_KEY = re.compile(
    r"(?i:(?:document|doc|piece|pi[eè]ce|id)?[_.-]?(?:no|nr|num|number|numero|num[ée]ro|n°)"
    r"(?:[_.-](?:document|doc|piece|pi[eè]ce))?)"
)


def _inline_pairs(text: str) -> Iterator[Field]:
    if "=" not in text:
        return
    pairs = list(_INLINE_PAIR.finditer(text))
    if not pairs:
        return
    typed = _DOCUMENT_TYPE_PAIR.search(text)
    document = None
    if typed is not None:
        kind = typed.group("kind").lower()
        document = "passport number" if kind.startswith("pass") else "document number"
    for match in pairs:
        key = match.group("key")
        value = match.group("value")
        if not value.strip():
            continue
        if document is not None and _NUMBER_KEY.fullmatch(key):
            key = document
        start, end = match.span("value")
        yield Field(key, start, end, value, read_again=True)


def structured_fields(text: str) -> Iterator[Field]:
    """Every value of structured text in the message, with its field's name."""
    yield from _csv_fields(text)
    yield from _inline_pairs(text)
    yield from _key_values(text)
    yield from _json_pairs(text)
    yield from _query_pairs(text)
    yield from _html_pairs(text)
    yield from _xml_elements(text)


# Words that make a value the name of a thing, not a person's: {"name": "Exampleton Bins"}.
_THING_WORDS = re.compile(
    r"(?i:\b(?:apps?|application|appli|service|services|library|libraries|biblioth[eè]que"
    r"|bins?|waste|d[ée]chets|council|conseil|mairie|centre|center|school|[ée]cole|team|[ée]quipe"
    r"|hall|park|parc|pool|piscine|ltd|limited|plc|inc|sarl|sas|group|groupe|trust|office"
    r"|department|portal|portail|system|form|formulaire|project|projet|street|road|rue|avenue)\b)"
)


# Public places a list of them names, beside the words of things.
_PLACE_WORDS = re.compile(
    r"(?i:\b(?:m[ée]diath[eè]que|mus[ée]e|museum|gymnase|salle|depot|d[ée]p[oô]t"
    r"|d[ée]ch[eè]terie|surgery|clinic|leisure|stadium|market|march[ée]|cemetery|cimeti[eè]re"
    r"|mairie|town hall|shelter|pound|fourri[eè]re|recycling|swimming)\b)"
)


def _names_a_public_place(cell: str) -> bool:
    """A cell with no digits that names a public place or a service's building."""
    if _DIGITS.search(cell):
        return False
    return _THING_WORDS.search(cell) is not None or _PLACE_WORDS.search(cell) is not None


def _looks_like_name(value: str) -> bool:
    return _NAME_VALUE.fullmatch(value) is not None and _THING_WORDS.search(value) is None


def _looks_like_address(value: str) -> bool:
    return bool(_DIGITS.search(value)) and re.search(r"[^\W\d_]{3}", value) is not None


# A house number and a street, as a web form's address box takes it ("18 Orchard Terrace appt
# 4", "5 impasse des Alizés"): in a link's query, under whatever key ("?ancienne=…&nouvelle=…",
# "?from=…"), the address that was typed (test32 forms).
_STREET_VALUE = re.compile(
    r"(?i:(?:(?:flat|apt|appt?|apartment|unit)\s+\d{1,4}[a-z]?,?\s+)?\d{1,4}[a-z]?"
    r"(?:\s+(?:bis|ter))?,?\s+(?:(?:rue|avenue|av|impasse|chemin|all[ée]e|boulevard|bd|place|quai"
    r"|route|cours|square|passage|r[ée]sidence)\s+[^\W\d_]"
    r"|(?:[^\W\d_][\w'’-]*\s+){1,3}(?:road|rd|street|st|lane|avenue|ave|close|drive|crescent"
    r"|terrace|gardens|grove|way|court|place|row|walk|rise|mews|view|hill|green|parade)\b))"
)


def _typed_street(value: str) -> bool:
    return _STREET_VALUE.match(value) is not None


def _looks_like_date(value: str) -> bool:
    return _DATE_VALUE.search(value) is not None


def _looks_like_email(value: str) -> bool:
    return re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}", value) is not None


def _looks_like_phone(value: str) -> bool:
    digits = len(_DIGITS.findall(value))
    return digits >= 8 and re.fullmatch(r"[\d\s().+/-]+", value) is not None


def _looks_like_postcode(value: str) -> bool:
    return bool(_DIGITS.search(value)) and re.fullmatch(r"[\w -]{3,9}", value) is not None


# Each kind a field's name can say, with the names and the shape its value must have.
_BY_NAME: tuple[tuple[str, re.Pattern[str], Callable[[str], bool]], ...] = (
    ("name", _NAME_FIELDS, _looks_like_name),
    ("first_name", _FIRST_NAME_FIELDS, _looks_like_name),
    ("address", _ADDRESS_FIELDS, _looks_like_address),
    ("name_dob_address", _DOB_FIELDS, _looks_like_date),
    ("email", _EMAIL_FIELDS, _looks_like_email),
    ("phone", _PHONE_FIELDS, _looks_like_phone),
    ("postcode", _POSTCODE_FIELDS, _looks_like_postcode),
)


def _kind_by_name(name: str, value: str) -> str | None:
    """The kind a field's name says its value is, when the value looks like one."""
    if _BLANK.fullmatch(value.strip()):
        return None
    for kind, names, looks in _BY_NAME:
        if names.fullmatch(name) and looks(value):
            return kind
    return None


def kind_by_label(label: str, value: str) -> str | None:
    """The kind a label's words say a value is, when it looks like one: the label may hold the
    field's name among other words ("Child's date of birth", "Nom de famille du demandeur"),
    as a form's label before its boxes does (issue 12, fixer P7, after test59)."""
    words = _field_name(label).split()[-6:]
    for size in range(len(words), 0, -1):
        for at in range(len(words) - size + 1):
            kind = _kind_by_name(" ".join(words[at : at + size]), value)
            if kind is not None:
                return kind
    return None


def in_a_public_place_s_row(finding: PIIFinding, text: str) -> bool:
    """An address or postcode in a cell of a CSV row naming a public place: the place's, as
    any reader found it (the tagger's too)."""
    if finding.kind not in PLACED_KINDS:
        return False
    if _in_a_public_place_s_table_row(finding, text) or _under_a_venue_s_line(finding, text):
        return True
    return any(
        f.public_place and f.start <= finding.start and finding.end <= f.end
        for f in _csv_fields(text)
    )


# A pasted agenda's or event's labelled lines: the venue's line ("venue: Northfield Library",
# "lieu : Salle des fêtes"), then its address's ("address: …", "adresse : …").
_VENUE_LINE = re.compile(
    r"(?im:^[ \t>*-]*(?:venue|location|place|where|site|lieu|salle|endroit|o[ùu])[ \t]*[:=]"
    r"[ \t]*(?P<value>[^\n]+)\n[ \t>*-]*(?:address|addr|adresse)[ \t]*[:=][^\n]*$)"
)


_SOMEONE_S_VENUE = re.compile(
    r"(?i:\b(?:my|our|his|her|their|home|house|flat|chez|mon|ma|mes|notre|nos|son|sa|ses|leur"
    r"|leurs|domicile|appartement|private|priv[ée]e?)\b)"
)


def _under_a_venue_s_line(finding: PIIFinding, text: str) -> bool:
    """An address or postcode on an "address:" line right under a "venue:" line naming a
    public place (a community centre, a library, a hall): the venue's address, as in a CSV row
    naming the place (test51 forms). A venue in the writer's words ("lieu : chez moi", "where:
    my flat") names no public place, and its address stays theirs."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    previous = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    match = _VENUE_LINE.match(text, previous)
    if match is None or match.end() < finding.end:
        return False
    value = match.group("value").strip()
    address = text[line_start : match.end()]
    return (
        _names_a_public_place(value)
        and _SOMEONE_S_VENUE.search(value) is None
        and _FIRST_PERSON_ROW.search(value + " " + address) is None
    )


def in_a_table_s_header(finding: PIIFinding, text: str) -> bool:
    """A name found across a tab in a pasted table's header row ("Room<tab>Floor<tab>Seats"
    above rows of values): a header row's cells are column words, never one person's name
    (test51 forms). A header row has no digits and the row under it has as many cells and
    digits among them; a first row above rows with no digits may be people's names in cells
    ("Maeve<tab>Donnelly"), and stays so."""
    if "\t" not in text[finding.start : finding.end]:
        return False
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    if line_end < 0:
        return False
    line = text[line_start:line_end]
    next_end = text.find("\n", line_end + 1)
    below = text[line_end + 1 : len(text) if next_end < 0 else next_end]
    return (
        _DIGITS.search(line) is None
        and _DIGITS.search(below) is not None
        and below.count("\t") == line.count("\t")
    )


# A cell that names the row's thing as someone's ("My address", "Home", "Library card", "Mon
# compte"): the row is that person's, whatever place it also names.
_SOMEONE_S_CELL = re.compile(
    r"(?i:\b(?:my|our|his|her|their|mine|home|house|flat|address|card|account|applicant|name"
    r"|mon|ma|mes|notre|nos|son|sa|ses|leur|domicile|maison|appartement|adresse|carte|compte"
    r"|nom|from|to|de|vers|old|new|ancienne?|nouvelle?|nouvel)\b)"
)
_FIRST_PERSON_ROW = re.compile(r"(?i:\b(?:i|i['’]m|me|my|je|j['’]|moi|mon|ma|mes)\b)")


def _in_a_public_place_s_table_row(finding: PIIFinding, text: str) -> bool:
    """An address or postcode in a pasted table's row (cells between pipes) whose cell before
    it names a public place ("| Household Recycling Centre | Foundry Lane, … |"): the place's
    address, as in a CSV row (test37 forms). A row naming the writer's or someone's home, card
    or account, or in the writer's words, stays theirs; so does a person's row whose later cell
    is free text that mentions a thing ("| … | 27 … Road | wants a second brown bin |": a
    row reads as what it is about first, then its details; test58, spent)."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if line.count("|") < 2 or _FIRST_PERSON_ROW.search(line):
        return False
    cells = [cell.strip() for cell in line.split("|") if cell.strip()]
    if len(cells) < 2 or any(
        _SOMEONE_S_CELL.search(cell) for cell in cells if not _DIGITS.search(cell)
    ):
        return False
    before = text[line_start : finding.start]
    return any(_names_a_public_place(cell.strip()) for cell in before.split("|")[:-1])


def the_organisation_s(finding: PIIFinding, text: str, folded: str, contact: ContactPolicy) -> bool:
    """A value under an "EMAIL:" or "Tel:" field that is the organisation's own: a public
    mailbox, or a number the phone rules judged a service's line (a contact card saved from the
    council's site, a pasted signature: test35 forms)."""
    if finding.kind == "email":
        # Or a template's sample ("?email=you@example.com"): nobody's (issue 12, test55).
        value = text[finding.start : finding.end].strip()
        return email_is_public(value, contact) or a_template_s_address(value)
    if finding.kind != "phone":
        return False
    # A mobile under a phone field is a person's, whatever the words around it.
    raw = text[finding.start : finding.end].strip()
    digits = "".join(ch for ch in raw if ch.isdigit())
    if is_mobile(national_form(digits, raw.startswith(("+", "00")))):
        return False
    return any(
        finding.start <= start and end <= finding.end and not personal
        for start, end, personal in judged_phones(text, folded, contact)
    )


def find_in_fields(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Personal data in the values of structured text, each the whole value's span as written."""
    for field in structured_fields(text):
        value = field.value.strip()
        if not value:
            continue
        name = _field_name(field.name)
        kind = _kind_by_name(name, value)
        if field.public_place and kind in ("address", "postcode"):
            continue
        if kind is None and field.in_link and _typed_street(value):
            kind = "address"
        if kind is not None:
            yield PIIFinding(kind, field.start, field.end)
            continue
        if not field.read_again or (not _DIGITS.search(value) and "@" not in value):
            continue  # as written beside its label, the message's own reading has it already
        label = f"{field.name.strip()}: "
        for finding in finder(label + value):
            if finding.end > len(label):
                yield PIIFinding(finding.kind, field.start, field.end)
                break
