"""Phone numbers, e-mail and postal addresses the organisation publishes in its knowledge base.

A citizen who asks "is 020 7946 0880 the Blue Badge team?" quotes a number from the pages; it
is the organisation's, not the citizen's personal data, and the input guard must not block it.
Every number and address printed in the pages of the current build is public: the guard
(`bot.guards.pipeline.InputGuard`, `published=`) leaves them alone. Read from the chunks once per
build, when first asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# A phone-shaped run as pages print them: optional + or 00, digits with spaces, dots, dashes or
# brackets between them; 6 to 15 digits in all.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ().-]{4,20}\d(?![\w])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w@])")
_MIN_DIGITS = 6
_MAX_DIGITS = 15
# A street address as pages print an office's: a number, one to three capitalised words and a
# street word, then the town and the postcode when given ("1 Market Square, Exampleton EX1
# 1AA"). UK and Canadian postcodes; French pages print "code postal ville" after the street.
_STREET_WORDS = (
    r"Street|St|Road|Rd|Square|Lane|Way|Avenue|Place|Row|Close|Crescent|Terrace|Drive|Court"
    r"|Gardens|Walk|Parade|Quay|Hill|Green|Mews|Wharf|Yard"
)
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d"
_STREET_ADDRESS = re.compile(
    r"(?<![\w])(?P<street>\d{1,4}[A-Za-z]? (?:[A-Z][\w'’-]+ ){1,3}"
    rf"(?:{_STREET_WORDS}))\b"
    r"(?:,? (?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))?"
    rf"(?:,? (?P<postcode>{_POSTCODE}))?(?![\w])"
)
# An office's street printed without a house number is an address only with its postcode
# ("Foundry Lane, Exampleton EX3 7FL").
_NAMED_STREET_ADDRESS = re.compile(
    rf"(?<![\w])(?P<street>(?:[A-Z][\w'’-]+ ){{1,3}}(?:{_STREET_WORDS}))\b"
    r"(?:,? (?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))?"
    rf",? (?P<postcode>{_POSTCODE})(?![\w])"
)


def plain_address(text: str) -> str:
    """An address as compared: lower case, words only, single spaces ("1 market square
    exampleton ex1 1aa")."""
    return " ".join(re.sub(r"[^\w ]", " ", text.lower()).split())


@dataclass(frozen=True)
class PublishedContacts:
    """Digits of every phone number (as printed, and in national form when printed with a
    country code of +44 or +33), lower-case e-mail addresses, and the street addresses and
    postcodes the pages print (`plain_address` form: the street alone, with its town, with
    its postcode, with both, and the postcode alone)."""

    phones: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    addresses: frozenset[str] = frozenset()


NONE = PublishedContacts()


def published_contacts(texts: Iterable[str]) -> PublishedContacts:
    phones: set[str] = set()
    emails: set[str] = set()
    addresses: set[str] = set()
    for text in texts:
        for match in _PHONE.finditer(text):
            raw = match.group(0)
            digits = "".join(ch for ch in raw if ch.isdigit())
            if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
                continue
            phones.add(digits)
            international = raw.startswith(("+", "00"))
            if international:
                bare = digits[2:] if raw.startswith("00") else digits
                for code in ("44", "33"):
                    if bare.startswith(code):
                        phones.add("0" + bare[len(code) :])
        for match in _EMAIL.finditer(text):
            emails.add(match.group(0).lower().rstrip("."))
        for pattern in (_STREET_ADDRESS, _NAMED_STREET_ADDRESS):
            for match in pattern.finditer(text):
                addresses.update(_address_forms(match))
    return PublishedContacts(frozenset(phones), frozenset(emails), frozenset(addresses))


def _address_forms(match: re.Match[str]) -> set[str]:
    street = plain_address(match.group("street"))
    town = plain_address(match.group("town") or "")
    postcode = plain_address(match.group("postcode") or "")
    forms = {street}
    if town:
        forms.add(f"{street} {town}")
    if postcode:
        forms |= {postcode, f"{street} {postcode}"}
    if town and postcode:
        forms.add(f"{street} {town} {postcode}")
    return forms
