"""Who a person is: name, date of birth and home address, credentials, labelled documents.

A name, a birth date or an address alone is rarely enough to identify someone, so two
of the three together are personal data (`name_dob_address`). A name the citizen gives
as their own ("my name is ..."), an address they say is theirs, a password, and a passport
or account number they label as such are personal data on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.guards.verdict import PIIFinding

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|fevrier|février"
    r"|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre)"
)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)? {_MONTHS}\.? \d{{4}}"
    rf"|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}})"
)
_BIRTH = re.compile(
    r"\b(?:born(?: on)?|dob|d\.o\.b\.?|date of birth|birth ?date|birthday|n[ée]e? le"
    r"|date de naissance|geboren(?: op| am)?|geboortedatum|nacid[oa] el|fecha de nacimiento"
    rf"|sunniaeg|sünniaeg)\b[\s:(]{{0,3}}({_DATE})",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:['’-][A-Za-zÀ-ÿ][a-zß-öø-ÿ]+)?|O['’][A-Z][a-z]+)"
_FULL_NAME = (
    rf"({_NAME_WORD}(?: (?:(?:de|van|von|der|den|la|le|del|da|dos|du) )?{_NAME_WORD}){{1,3}})"
)
_SELF_NAME = re.compile(
    r"(?i:\b(?:my name is|my name's|je m'appelle|je m’appelle|mijn naam is|ich hei(?:ss|ß)e"
    r"|me llamo|minu nimi on|name|nom|naam|nombre|nimi)\b:?) " + _FULL_NAME
)
_OTHER_NAME = re.compile(
    r"(?i:\b(?:i'm|i’m|i am|this is|je suis|my (?:son|daughter|husband|wife|partner|mum|mom"
    r"|mother|father|dad|brother|sister|child|baby|grandson|granddaughter)|mon (?:fils|mari"
    r"|epoux|époux|pere|père|frere|frère|enfant)|ma (?:fille|femme|epouse|épouse|mere|mère"
    r"|soeur|sœur)|patient|account holder|au nom de|a nombre de|made by|claimant)\b:?) "
    + _FULL_NAME
    + r"|"
    + _FULL_NAME
    + r" here\b"
)
_STREET_WORDS = (
    r"(?:road|rd|street|st|lane|ln|avenue|ave|close|court|ct|drive|dr|way|place|square"
    r"|crescent|terrace|gardens|grove|row|walk|boulevard|blvd|mews|parade)"
)
_FOREIGN_STREET = (
    r"(?:rue|avenue|boulevard|bd|chemin|impasse|allee|allée|place|quai|route|calle|avenida|plaza)"
)
_ADDRESS = re.compile(
    rf"(?i:\b(?:flat|apt|apartment|appartement) \d{{1,4}}[a-z]?,? )?"
    rf"\b\d{{1,4}}[a-z]?,? (?:(?i:{_FOREIGN_STREET}) [^,.\n\d]{{2,40}}"
    rf"|(?:[A-Z][\w'’-]+ ){{1,3}}(?i:{_STREET_WORDS}))\b"
    r"|\b[A-ZÀ-Þ][\w'’-]+(?:stra(?:ss|ß)e|straat|laan|weg|gasse|plein)\.? \d{1,4}[a-z]?\b"
    r"|\b(?:[A-ZÀ-Þ][\w'’-]+ )?(?:Calle|Avenida|Plaza|Rua) [\w'’ -]{2,40}? \d{1,4}\b"
    r"|\b[A-ZÀ-Þ][\w'’-]+ (?:tn|tänav|mnt|pst)\.? \d{1,4}[a-z]?\b"
    r"|\b(?i:p\.? ?o\.? box|boite postale|bp) \d{1,6}\b"
)
_OWN_ADDRESS = re.compile(
    r"\b(?:my|our|new|home) address\b|\b(?:i|we) (?:live|lived|am living|are living) at\b"
    r"|\bj'habite\b|\bmon adresse\b|\bnouvelle adresse\b|\bwoon(?:t)? (?:op|aan)\b|\bwohne\b"
)
_CREDENTIAL = re.compile(
    r"(?i:\b(?:password|passcode|passwd|pin(?: code)?|mot de passe|mdp|wachtwoord|passwort"
    r"|contrase[nñ]a|parool)\b(?: (?:is|was|est|:|=))?:? )"
    r"((?=[^\s,;]{0,40}\d)(?=[^\s,;]{0,40}[^\W\d])[^\s,;]{4,40})"
)
_DOCUMENT = re.compile(
    r"(?i:\b(?:passport|passeport|pasaporte|paspoort|reisepass|brp|residence permit"
    r"|driving licen[cs]e|driver'?s licen[cs]e|permis de conduire|account|acc|compte"
    r"|rekeningnummer|iban)(?: (?:number|no\.?|num[eé]ro|nummer|n°|#))?(?: (?:is|est|:))?:? )"
    r"([A-Z0-9][A-Z0-9-]{4,20})\b"
)
_UK_DRIVING_LICENCE = re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b")
_SORT_CODE_AND_ACCOUNT = re.compile(
    r"(?i:\bsort code\b)[: ]{0,3}(\d{2}[ -]?\d{2}[ -]?\d{2})[^\d]{1,30}?\b(\d{8})\b"
)


def find_identity(text: str, folded: str) -> Iterator[PIIFinding]:
    """Name + date of birth + address (two of three), and self-declared names/addresses."""
    names = [m.span(m.lastindex or 0) for m in _OTHER_NAME.finditer(text)]
    own_names = [m.span(1) for m in _SELF_NAME.finditer(text)]
    births = [m.span(1) for m in _BIRTH.finditer(text)]
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    present = sum(bool(spans) for spans in (names + own_names, births, addresses))
    if present >= 2:
        for start, end in names + own_names + births + addresses:
            yield PIIFinding("name_dob_address", start, end)
        return
    for start, end in own_names:
        yield PIIFinding("name", start, end)
    for start, end in addresses:
        if _OWN_ADDRESS.search(folded[max(0, start - 40) : start]):
            yield PIIFinding("address", start, end)


def find_credentials_and_documents(text: str) -> Iterator[PIIFinding]:
    """Passwords, labelled passport/licence/account numbers, UK driving licences."""
    for match in _CREDENTIAL.finditer(text):
        yield PIIFinding("credential", *match.span(1))
    for match in _DOCUMENT.finditer(text):
        if sum(ch.isdigit() for ch in match.group(1)) >= 5:
            yield PIIFinding("document_number", *match.span(1))
    for match in _UK_DRIVING_LICENCE.finditer(text):
        yield PIIFinding("document_number", *match.span())
    for match in _SORT_CODE_AND_ACCOUNT.finditer(text):
        yield PIIFinding("bank_account", match.start(1), match.end(2))
