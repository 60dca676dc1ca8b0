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
    spelled = tuple(v for v in (unleet(plain), join_spaced_letters(plain)) if v is not None)
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
