"""RFC 8785 canonical JSON: examples from the RFC and a cross-check against `rfc8785`."""

from __future__ import annotations

import json

import pytest
import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from audit.canonical import (
    MAX_SAFE_INTEGER,
    CanonicalJsonError,
    canonical_json,
    parse_canonical_json,
)

# RFC 8785 section 3.2.3: property names sort by UTF-16 code units, so the emoji
# (a surrogate pair starting 0xD83D) comes before U+FB33 although its code point is larger.
RFC_SORTING_INPUT = {
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\U0001f600": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis",
}
RFC_SORTED_KEYS = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]


def test_rfc8785_sorting_example_orders_keys_by_utf16_code_units() -> None:
    output = canonical_json(RFC_SORTING_INPUT)
    decoded = json.loads(output)
    assert list(decoded) == RFC_SORTED_KEYS
    assert output.startswith(b'{"\\r":"Carriage Return","1":"One","\xc2\x80":"Control"')


def test_rfc8785_section_3_2_4_example_without_the_numbers() -> None:
    # The RFC's example also holds floats, which entries reject; strings and literals
    # must come out exactly as the RFC prints them.
    value = {
        "string": "\u20ac$\u000f\u000aA'\u0042\u0022\u005c\\\"/",
        "literals": [None, True, False],
    }
    expected = '{"literals":[null,true,false],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    assert canonical_json(value) == expected.encode("utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'),
        ("\x00\x1f", '"\\u0000\\u001f"'),
        ("\x7f\u2028/", '"\x7f\u2028/"'),  # not escaped by ECMAScript JSON.stringify
        ('"\\', '"\\"\\\\"'),
    ],
)
def test_string_escaping(text: str, expected: str) -> None:
    assert canonical_json(text) == expected.encode("utf-8")


@pytest.mark.parametrize(
    "bad",
    [1.5, {1: "x"}, "\ud800", MAX_SAFE_INTEGER + 1, -MAX_SAFE_INTEGER - 1, b"bytes", {"a": {2}}],
)
def test_rejects_values_outside_our_subset(bad: object) -> None:
    with pytest.raises(CanonicalJsonError):
        canonical_json(bad)


@pytest.mark.parametrize(
    "data",
    [b'{"b":1,"a":2}', b'{"a":1.0}', b'{"a":1,"a":1}', b"\xff", b"[1, 2]", b'"\\u0041"', b"-0"],
)
def test_parse_rejects_non_canonical_bytes(data: bytes) -> None:
    with pytest.raises(CanonicalJsonError):
        parse_canonical_json(data)


def test_parse_round_trips_canonical_bytes() -> None:
    data = canonical_json(RFC_SORTING_INPUT)
    assert parse_canonical_json(data) == RFC_SORTING_INPUT


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-MAX_SAFE_INTEGER, max_value=MAX_SAFE_INTEGER)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5)
    ),
    max_leaves=25,
)


@given(json_values)
def test_matches_the_rfc8785_package(value: object) -> None:
    assert canonical_json(value) == rfc8785.dumps(value)  # type: ignore[arg-type]


@given(json_values)
def test_parse_inverts_canonical_json(value: object) -> None:
    assert parse_canonical_json(canonical_json(value)) == value


@pytest.mark.parametrize(
    "data",
    [
        b'{"a":9007199254740992}',  # ASCII, one past the safe integers
        b'{"a":"\\u00e9"}',  # an escape RFC 8785 writes raw
        b'{"\\u00e9":1}',
        b'{"a":"\\u001F"}',  # uppercase hex
        b'{"a":"\\/"}',
        b'{"a":1,"a":2}',
        b'{"a":[1,{"c":1,"b":2}]}',  # a nested object out of order
    ],
)
def test_ascii_bytes_that_are_not_canonical_are_refused(data: bytes) -> None:
    with pytest.raises(CanonicalJsonError):
        parse_canonical_json(data)


@given(
    json_values,
    st.booleans(),
    st.booleans(),
    st.sampled_from([(",", ":"), (", ", ": "), (",", ": ")]),
)
def test_parse_accepts_exactly_the_rfc8785_bytes(
    value: object, ensure_ascii: bool, sort_keys: bool, separators: tuple[str, str]
) -> None:
    # Other writers' JSON for the same value: accepted if and only if it is RFC 8785's.
    data = json.dumps(
        value, ensure_ascii=ensure_ascii, sort_keys=sort_keys, separators=separators
    ).encode("utf-8", "surrogatepass")
    canonical = rfc8785.dumps(value)  # type: ignore[arg-type]
    if data == canonical:
        assert parse_canonical_json(data) == value
    else:
        with pytest.raises(CanonicalJsonError):
            parse_canonical_json(data)
