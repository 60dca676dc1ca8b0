"""A French bank account written as its RIB: bank code (5 digits), branch code (5), account
number (11 digits or capital letters) and key (2), as a statement line or a RIB slip prints it
("30076 02011 27594018306 91"). Found only when its key holds: 97 minus (89 × bank + 15 × branch
+ 3 × account) mod 97, each letter of the account read as the RIB rules read it (A and J as 1,
B, K and S as 2 …). An order or a reference number of the same shape fails its key one time in
97 and stays what it is; a run of 23 characters with no spaces is read so only after a word
naming a RIB or a bank account (issue 12, fixer P7, after test59).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.guards.verdict import PIIFinding

# The four parts, split by one kind of separator throughout (or none).
_RIB = re.compile(
    r"(?<![\w.,/+-])(?P<bank>\d{5})(?P<sep>[ .\-]?|[ \t]{2})(?P<branch>\d{5})(?P=sep)"
    r"(?P<account>[0-9A-Z]{11})(?P=sep)(?P<key>\d{2})(?![\w]|[.,/-]\d)"
)
# A word naming the account, before a RIB typed with no separator.
_NAMED = re.compile(
    r"(?i:\b(?:rib|r\.i\.b\.?|relev[ée]\s+d['’]identit[ée]\s+bancaire|coordonn[ée]es\s+bancaires"
    r"|compte(?:\s+bancaire)?|bank\s+(?:account|details)|account)\b)"
)
_NAMED_REACH = 60
# How the RIB rules read a letter of the account: A-I as 1-9, J-R as 1-9, S-Z as 2-9.
_LETTERS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")
_MIN_ACCOUNT_DIGITS = 6


def rib_key_holds(bank: str, branch: str, account: str, key: str) -> bool:
    """Whether the key of a French RIB holds for its bank, branch and account."""
    digits = account.upper().translate(_LETTERS)
    if not (bank + branch + digits + key).isdigit():
        return False
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(digits)) % 97 == int(key)


def find_french_ribs(text: str) -> Iterator[PIIFinding]:
    """French bank accounts written as a RIB whose key holds."""
    for match in _RIB.finditer(text):
        account = match.group("account")
        if sum(ch.isdigit() for ch in account) < _MIN_ACCOUNT_DIGITS:
            continue
        if not match.group("sep"):
            before = text[max(0, match.start() - _NAMED_REACH) : match.start()]
            if _NAMED.search(before) is None:
                continue
        if rib_key_holds(match.group("bank"), match.group("branch"), account, match.group("key")):
            yield PIIFinding("bank_account", *match.span())
