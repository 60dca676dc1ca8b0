"""RFC 8785 (JSON Canonicalization Scheme) for the value types a log entry may hold.

Entries carry no floats, so the number rules reduce to plain decimal integers inside
the range every IEEE 754 double represents exactly (RFC 8785 section 3.2.2.3 defers to
ECMAScript, whose integers are exact only up to 2^53 - 1).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence

MAX_SAFE_INTEGER = 2**53 - 1

# RFC 8785 section 3.2.2.2: the ECMAScript short escapes, everything else below
# U+0020 as \u00xx in lowercase hex, and no other character escaped.
_SHORT_ESCAPES = {
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}
_ESCAPES = {code: _SHORT_ESCAPES.get(code, f"\\u{code:04x}") for code in [*range(0x20), 0x22, 0x5C]}


class CanonicalJsonError(ValueError):
    """The value cannot be written as canonical JSON under our rules (RFC 8785 subset)."""


def canonical_json(value: object) -> bytes:
    """Return the RFC 8785 canonical UTF-8 bytes of `value`.

    Allowed: str, int (|n| <= 2^53 - 1), bool, None, lists/tuples, and mappings with
    str keys. Floats, non-str keys, lone surrogates and other types raise
    `CanonicalJsonError`.
    """
    if _plain(value):
        # Same bytes, written by the C encoder: for ASCII keys code-point order is UTF-16
        # order, and with ensure_ascii=False `json` escapes exactly what RFC 8785 does
        # (the short escapes, other controls as lowercase \u00xx, nothing else).
        text = _encoder().encode(value)
    else:
        parts: list[str] = []
        _write(value, parts)
        text = "".join(parts)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise CanonicalJsonError("string contains a lone surrogate (not valid UTF-8)") from error


def parse_canonical_json(data: bytes) -> object:
    """Parse `data` and check it is exactly the canonical form of what it encodes.

    Raises `CanonicalJsonError` for invalid UTF-8, invalid JSON, floats, duplicate keys,
    or bytes that differ from the canonical serialisation.
    """
    try:
        text = data.decode("utf-8")
        value = _decoder().decode(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CanonicalJsonError(f"not JSON: {error}") from error
    if data.isascii() and _encoder().encode(value) == text:
        # The common case, without the walk of `_plain`: the value holds only JSON types
        # and safe integers (the decoder's hooks), and the encoder writes every character
        # from U+0020 up raw except '"' and '\\', so an ASCII result means every key and
        # string is ASCII: `_plain(value)` holds and `canonical_json(value)` is this text.
        return value
    if canonical_json(value) != data:
        # A duplicate key also lands here (the dict kept one of them, so the bytes differ);
        # parse again, keeping pairs, only to name it. Not done up front: it is slow.
        json.loads(text, object_pairs_hook=_unique_keys)
        raise CanonicalJsonError("JSON is valid but not in RFC 8785 canonical form")
    return value


@functools.cache
def _encoder() -> json.JSONEncoder:
    # Built once: `json.dumps` with options builds a new encoder on every call.
    return json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@functools.cache
def _decoder() -> json.JSONDecoder:
    return json.JSONDecoder(
        parse_float=_reject_float, parse_int=_safe_integer, parse_constant=_reject_float
    )


def _plain(value: object) -> bool:
    """True for values the fast path writes exactly: exact built-in types, ASCII keys."""
    kind = type(value)
    if value is None or kind is str or kind is bool:
        return True
    if kind is int and isinstance(value, int):
        return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    if kind is dict and isinstance(value, dict):
        return all(
            type(key) is str and key.isascii() and _plain(item) for key, item in value.items()
        )
    if kind is list and isinstance(value, list):
        return all(_plain(item) for item in value)
    return False


def _write(value: object, parts: list[str]) -> None:
    # bool before int: bool is a subclass of int in Python.
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise CanonicalJsonError(f"integer {value} is outside the exact range of a double")
        parts.append(str(int(value)))
    elif isinstance(value, str):
        parts.append('"' + value.translate(_ESCAPES) + '"')
    elif isinstance(value, Mapping):
        _write_object(value, parts)
    elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        parts.append("[")
        for position, item in enumerate(value):
            if position:
                parts.append(",")
            _write(item, parts)
        parts.append("]")
    elif isinstance(value, float):
        raise CanonicalJsonError("floats are not allowed in entries; use integers or strings")
    else:
        raise CanonicalJsonError(f"cannot canonicalise a value of type {type(value).__name__}")


def _write_object(value: Mapping[object, object], parts: list[str]) -> None:
    for key in value:
        if not isinstance(key, str):
            raise CanonicalJsonError(f"object keys must be strings, got {type(key).__name__}")
    parts.append("{")
    # RFC 8785 section 3.2.3: sort by the UTF-16 code units of the key.
    keys = sorted(value, key=_utf16_units)
    for position, key in enumerate(keys):
        if position:
            parts.append(",")
        parts.append('"' + str(key).translate(_ESCAPES) + '":')
        _write(value[key], parts)
    parts.append("}")


def _utf16_units(key: object) -> bytes:
    try:
        return str(key).encode("utf-16-be", "surrogatepass")
    except UnicodeEncodeError as error:
        raise CanonicalJsonError("object key is not encodable as UTF-16") from error


def _safe_integer(text: str) -> int:
    value = int(text)
    if abs(value) > MAX_SAFE_INTEGER:
        raise CanonicalJsonError(f"integer {value} is outside the exact range of a double")
    return value


def _reject_float(text: str) -> object:
    raise CanonicalJsonError(f"number {text} is not an integer; floats are not allowed")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, item in pairs:
        if key in result:
            raise CanonicalJsonError(f"duplicate object key {key!r}")
        result[key] = item
    return result
