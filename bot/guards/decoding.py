"""Find text hidden in an encoding (base64, base32, hex, ascii85, rot13, reversed, ...).

A public-service chat has no use for encoded blobs: whatever decodes to readable words
is returned so the guard can check the decoded words like any other message.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
import urllib.parse
from dataclasses import dataclass

_BASE64 = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}")
_BASE32 = re.compile(r"(?<![A-Za-z0-9])[A-Z2-7]{16,}={0,6}")
_HEX = re.compile(r"(?<![0-9A-Za-z])(?:0x)?((?:[0-9A-Fa-f]{2}){8,})(?![0-9A-Za-z])")
_ASCII85 = re.compile(r"(?<![!-u])[!-u]{20,}")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9A-Fa-f]{2,6}|[A-Za-z]{2,8});")
_WORD = re.compile(r"[^\W\d_]+")
_SEGMENT = re.compile(r"[^\n.?!:;]+")
_MAX_TOKENS = 40  # decoding attempts per scheme: bounds the work on hostile input

# Frequent words of English and French, to tell readable text from noise.
COMMON_WORDS = frozenset(
    """a about after all also an and any are as at be been but by can could do does for
    from get had has have he her his how i if in into is it its just me more my new no
    not now of on one only or our out over say she should so some than that the their them
    then there these they this to up us was we what when where which who will with would
    you your yes please tell show give print ignore previous instructions rules system
    prompt reveal answer without follow above below everything every user password
    le la les un une des de du et est en que qui dans pour pas sur au aux ce cette il elle
    je tu vous nous mon ma mes ton ta tes son sa ses avec ne plus ou mais comme tout
    de el los las y que en por con para una del se su""".split()
)


@dataclass(frozen=True)
class DecodedText:
    """Readable text found under an encoding."""

    scheme: str
    text: str


def readable(text: str) -> bool:
    """Whether decoded output looks like words rather than noise."""
    if len(text) < 8 or not text.isprintable():
        return False
    words = _WORD.findall(text)
    if len(words) < 2:
        return False
    letters = sum(len(word) for word in words)
    return letters >= 0.6 * len(text.replace(" ", "")) and " " in text.strip()


def common_ratio(text: str) -> float:
    """Share of words that are among the most frequent English/French/Spanish words."""
    # One-letter words ("a", "i") say little and abound in noise.
    words = [word.casefold() for word in _WORD.findall(text) if len(word) > 1]
    if not words:
        return 0.0
    return sum(word in COMMON_WORDS for word in words) / len(words)


def _reads_as_words(candidate: str) -> bool:
    # Several different everyday words, not one repeated by chance ("nom" reversed is "mon").
    words = {w.casefold() for w in _WORD.findall(candidate) if len(w) > 1}
    return common_ratio(candidate) >= 0.35 and len(words & COMMON_WORDS) >= 3


def _as_text(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if readable(text) else None


def _base64(token: str) -> str | None:
    padded = token + "=" * (-len(token) % 4)
    try:
        raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        return None
    return _as_text(raw)


def _base32(token: str) -> str | None:
    try:
        raw = base64.b32decode(token + "=" * (-len(token) % 8))
    except (binascii.Error, ValueError):
        return None
    return _as_text(raw)


def _ascii85(token: str) -> str | None:
    try:
        raw = base64.a85decode(token)
    except (ValueError, binascii.Error):
        return None
    return _as_text(raw)


def _token_decodings(text: str) -> list[DecodedText]:
    found: list[DecodedText] = []
    schemes = (
        ("hex", (m.group(1) for m in _HEX.finditer(text)), lambda t: _as_text(bytes.fromhex(t))),
        ("base32", (m.group(0) for m in _BASE32.finditer(text)), _base32),
        ("base64", (m.group(0) for m in _BASE64.finditer(text)), _base64),
        ("ascii85", (m.group(0) for m in _ASCII85.finditer(text)), _ascii85),
    )
    for scheme, tokens, decode in schemes:
        for attempt, token in enumerate(tokens):
            if attempt >= _MAX_TOKENS:
                break
            decoded = decode(token)
            if decoded is not None:
                found.append(DecodedText(scheme, decoded))
    return found


def _segment_decodings(text: str) -> list[DecodedText]:
    """Segments whose rot13 or reversal reads much better than the segment itself."""
    found: list[DecodedText] = []
    for attempt, match in enumerate(_SEGMENT.finditer(text)):
        if attempt >= _MAX_TOKENS * 5:
            break
        segment = match.group(0).strip()
        if len(_WORD.findall(segment)) < 3 or common_ratio(segment) >= 0.2:
            continue
        for scheme, candidate in (
            ("rot13", codecs.encode(segment, "rot13")),
            ("reversed", segment[::-1]),
        ):
            if _reads_as_words(candidate):
                found.append(DecodedText(scheme, candidate))
    return found


def decode_hidden_text(text: str) -> list[DecodedText]:
    """Every readable text found under an encoding in the message."""
    found = _token_decodings(text)
    if _PERCENT.search(text):
        found.append(DecodedText("percent", urllib.parse.unquote(text)))
    if _ENTITY.search(text):
        found.append(DecodedText("html_entities", html.unescape(text)))
    found.extend(_segment_decodings(text))
    return found
