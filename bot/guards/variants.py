"""The detection copies of one message, and the disguise signals found while making them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.guards.decoding import COMMON_WORDS, decode_hidden_text
from bot.guards.normalise import (
    fold,
    has_mixed_script_word,
    has_symbol_in_word,
    join_spaced_letters,
    leet_readings,
    unleet,
)

# Schemes whose presence alone is a disguise; percent and HTML escapes are ordinary in
# pasted links and only add a copy to check.
_DISGUISES = frozenset({"base64", "base32", "hex", "ascii85", "rot13", "reversed"})
# Everyday words written in leetspeak ("7h3", "y0ur") before a message counts as disguised;
# one alone may be a typo.
_LEET_WORDS = 2
# A blank of a form letter filled in square brackets ("I am writing to report [a child of about
# six] left [alone in a flat] since [Friday]"): a copy is read with the brackets taken away when
# one blank holds words of prose, as rules read across a bracket no better than across a word
# (issue 12, after the forty-eighth held-out set: such a report was let through). The personal
# data put in place of a finding ("[email]", `pii.redact`) keeps its brackets: the kinds of the
# policy's `pii.kinds` (a test holds the two lists together).
_BLANK = re.compile(r"\[([^\[\]\n]{1,160})\]")
_PLACEHOLDERS = frozenset(
    "iban payment_card uk_nino fr_nir ca_sin nl_bsn ee_isikukood es_dni_nie uk_nhs_number email"
    " phone name_dob_address name first_name address credential document_number bank_account"
    " account_number postcode ip_address web_address vehicle_plate".split()
)
_RUN_OF_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE_STOP = re.compile(r" +([,.;:!?])")
_ADDRESSES = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|\bhttps?://\S+"
)


@dataclass(frozen=True)
class Variants:
    """The plain detection copy, the spelled-out copies, decoded copies, and signals."""

    plain: str
    spelled: tuple[str, ...]
    decoded: tuple[str, ...]
    signals: frozenset[str]

    @property
    def everyday(self) -> tuple[str, ...]:
        """Copies of what the citizen visibly wrote."""
        return (self.plain, *self.spelled)

    @property
    def every(self) -> tuple[str, ...]:
        """Every copy, including text that was encoded or hidden."""
        return (*self.everyday, *self.decoded)


def variants_of(text: str, tag_text: str = "") -> Variants:
    """Detection copies of a message whose hidden characters are already removed."""
    plain = fold(text)
    copies = (unleet(plain), join_spaced_letters(plain), blanks_filled_in(plain))
    spelled = tuple(v for v in copies if v is not None)
    decodings = decode_hidden_text(unicodedata.normalize("NFKC", text))
    decoded = [fold(d.text) for d in decodings]
    signals: set[str] = set()
    if tag_text.strip():
        decoded.append(fold(tag_text))
        signals.add("hidden_text")
    if any(d.scheme in _DISGUISES for d in decodings):
        signals.add("encoded_text")
    if sum(reading in COMMON_WORDS for reading in leet_readings(plain)) >= _LEET_WORDS:
        signals.add("leetspeak")
    visible = _ADDRESSES.sub(" ", text)
    if has_mixed_script_word(visible):
        signals.add("mixed_script")
    if has_symbol_in_word(visible):
        signals.add("symbol_in_word")
    return Variants(plain, spelled, tuple(decoded), frozenset(signals))


def blanks_filled_in(folded: str) -> str | None:
    """The folded message with the square brackets of a form's filled-in blanks taken away,
    when one blank holds two words or more; None when none does (`_BLANK`)."""
    blanks = list(_BLANK.finditer(folded))
    if not any(len(blank.group(1).split()) > 1 for blank in blanks):
        return None

    def opened(blank: re.Match[str]) -> str:
        inside = blank.group(1)
        return blank.group(0) if inside.strip() in _PLACEHOLDERS else f" {inside} "

    opened_up = _BLANK.sub(opened, folded)
    return _SPACE_BEFORE_STOP.sub(r"\1", _RUN_OF_SPACES.sub(" ", opened_up))
