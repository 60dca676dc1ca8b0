"""References that name one person's file: as a tenant, or with a housing, care or benefit service.

"My tenant reference is ABC/12345/XY", "numéro de locataire : …", "re my disrepair case
HSG-DR-…", "mon dossier d'insalubrité INS-…": such a reference opens the writer's file (their
home, their debts, their care) to anyone who holds it, as an account number does, whatever its
letters and separators. A case or application reference with no such subject ("Case ref
HB/2026/00981", "My application reference is APP-2026-004512", a planning application), or one
not said to be the writer's, stays a look-alike (bot/guards/data/pii/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.guards.pii_places import CLAUSE_END
from bot.guards.verdict import PIIFinding

_ROLE = r"(?:tenant|leaseholder|lessee|resident|locataire|r[ée]sident|usager)"
_REF = r"(?:ref|reference|r[ée]f[ée]rence|r[ée]f|no|number|num[ée]ro|n°|nº|id|account|compte)"
# Services whose case file is about the writer's home, money or care.
_SUBJECT_EN = (
    r"(?:dis)?repairs?|housing(?: benefit| register)?|homeless(?:ness)?|tenancy|benefits?"
    r"|universal credit|council tax (?:reduction|support)|(?:adult |children['’]s )?social care"
    r"|care|safeguarding|eviction|rent arrears"
)
_SUBJECT_FR = (
    r"insalubrit[ée]|logement(?: social)?|h[ée]bergement(?: d['’]urgence)?|expulsion|rsa|apl"
    r"|aide sociale|surendettement|impay[ée]s?(?: de loyer)?|r[ée]parations?|allocations?"
)
# A repair of the street, not of the writer's home ("ma demande de réparation de trottoir, du
# lampadaire …"): a public works request, whose reference opens no one's file (test39, spent).
_PUBLIC_WORKS = (
    r"(?!\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*|le\s+|les\s+)?(?:trottoirs?|chauss[ée]es?"
    r"|voirie|routes?|rues?|lampadaires?|[ée]clairage|nids?[ -]de[ -]poule|bancs?|panneaux?"
    r"|feux?|signalisation|caniveaux?|bornes?|abribus|aires?\s+de\s+jeux|parcs?|ponts?|pistes?)\b)"
)
_LABEL = re.compile(
    rf"(?i:\b(?:{_ROLE}(?:['’]s)?\s+{_REF}"
    rf"|{_REF}\.?\s+(?:de\s+|du\s+|d['’]\s*)?{_ROLE}"
    rf"|(?:my|our)\s+(?:(?:{_SUBJECT_EN})\s+){{1,2}}(?:case|claim|file|application)"
    r"|(?:mon|ma|notre)\s+(?:dossier|demande|affaire)\s+(?:(?:de|du|des|d['’])\s*)?"
    rf"(?:{_SUBJECT_FR})){_PUBLIC_WORKS}\b)"
)
# A code of letters and digits, its groups joined by slashes or dashes, or one unbroken run.
_CODE = re.compile(
    r"(?<![\w/.,£$€-])(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]{1,12}(?:[/-][A-Za-z0-9]{1,8}){0,4}"
    r"(?![\w/-]|[.,]\d)"
)
_DATE = re.compile(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}")
# The label reaches a code a few words on, in its sentence ("… est", "… is now", "… : ").
_REACH = 40
# A number to ring after the label is the phone rules' to judge.
_TO_CALL = re.compile(
    r"(?i:\b(?:call|ring|phone|tel|telephone|mobile|appel\w*|rappel\w*|t[ée]l[ée]phon\w*"
    r"|portable|joindre)\b)"
)


def _a_reference(value: str) -> bool:
    """Five digits or more in a code with letters or separators, six in a bare number; not
    a date."""
    digits = sum(ch.isdigit() for ch in value)
    if _DATE.fullmatch(value):
        return False
    return digits >= 6 or (digits >= 5 and not value.isdigit())


# The sentence after the file's may give its reference, opening with a reference word: "… my
# homelessness application? Case ref HOP-…", "… ma demande de logement ? Référence LS-…".
_REFERENCE_OPENING = re.compile(
    r"\s*(?i:(?:(?:case|claim|file|application|dossier)\s+)?"
    r"(?:ref(?:erence)?|r[ée]f[ée]rence|r[ée]f|no|number|num[ée]ro|n°|nº)\b)\.?\s*[:#]?\s*"
)
# Labels that end in an abbreviation, whose full stop ends no sentence ("tenant no.").
_ABBREVIATED = re.compile(r"(?i:\b(?:ref|r[ée]f|no|id)$)")


def _reference_in(text: str, begin: int) -> PIIFinding | None:
    """The first reference-shaped code in the sentence from `begin`, within _REACH."""
    window = text[begin : begin + _REACH]
    stop = CLAUSE_END.search(window)
    window = window[: stop.start()] if stop else window
    for code in _CODE.finditer(window):
        if _TO_CALL.search(window[: code.start()]):
            return None
        if _a_reference(code.group(0)):
            start = begin + code.start()
            return PIIFinding("account_number", start, start + len(code.group(0)))
    return None


def find_file_references(text: str) -> Iterator[PIIFinding]:
    """References of the writer's file as a tenant or with a housing, care or benefit service."""
    for label in _LABEL.finditer(text):
        # The full stop of an abbreviated label ("tenant no.") ends no sentence.
        abbreviated = _ABBREVIATED.search(label.group(0)) is not None
        begin = label.end() + (abbreviated and text[label.end() : label.end() + 1] == ".")
        found = _reference_in(text, begin)
        if found is None:
            found = _in_the_next_sentence(text, begin)
        if found is not None:
            yield found


def _in_the_next_sentence(text: str, begin: int) -> PIIFinding | None:
    """A reference given right after the label's sentence ends, by a reference word."""
    stop = CLAUSE_END.search(text, begin)
    if stop is None:
        return None
    opening = _REFERENCE_OPENING.match(text, stop.end())
    return None if opening is None else _reference_in(text, opening.end())


# An uploaded or attached file's name, its words joined by underscores
# ("passport_scan_Example_Anna_123456789.pdf", "avis_taxe_compte_…_Mme_Example.pdf"): what it
# names (a person, a passport, an account, a National Insurance number) is read as the same
# words typed with spaces. Not an e-mail's local part (no "@" in the token). Test32 forms.
_FILENAME = re.compile(
    r"(?<![\w@./-])[\w.-]*_[\w.-]*\.(?i:pdf|jpe?g|png|heic|heif|gif|tiff?|webp|bmp|docx?|odt|rtf"
    r"|txt|xlsx?|ods|csv|zip)(?![\w@/-])"
)


# Two to four words in capitals in a file's name ("…_ROSALIND_OKONKWO-BRECK_….pdf", as a portal
# renames an upload): read as capitalised words, so a name in capitals is read as one typed
# (test40 forms).
_CAPITALS_RUN = re.compile(r"(?<![\w-])[A-Z]{3,}(?:[ -][A-Z]{2,}){1,3}(?![\w-])")


def _as_words(filename: str) -> str:
    spaced = filename.replace("_", " ")
    return _CAPITALS_RUN.sub(lambda m: m.group(0).title(), spaced)


def filenames_as_words(text: str) -> str:
    """The text with the underscores inside each filename read as spaces, and words in
    capitals there as capitalised (offsets unchanged)."""
    return _FILENAME.sub(lambda m: _as_words(m.group(0)), text)
