"""Phone numbers and e-mail addresses the organisation publishes in its own knowledge base.

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


@dataclass(frozen=True)
class PublishedContacts:
    """Digits of every phone number (as printed, and in national form when printed with a
    country code of +44 or +33), and lower-case e-mail addresses."""

    phones: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()


NONE = PublishedContacts()


def published_contacts(texts: Iterable[str]) -> PublishedContacts:
    phones: set[str] = set()
    emails: set[str] = set()
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
    return PublishedContacts(frozenset(phones), frozenset(emails))
