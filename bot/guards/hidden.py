"""Strip characters a reader cannot see, and describe them for the reviewers.

Unicode tag characters (U+E0000-E007F) can spell out a whole hidden instruction; they are
decoded so that the rest of the guard can check what they said. Zero-width joiners that
glue an emoji sequence together, and the tag letters of a subdivision flag, are kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]")
_ZWJ = "\u200d"
_BLACK_FLAG = "\U0001f3f4"
# Every Cc except tab/newline/CR, every Cf of Unicode 15, and the line/paragraph separators.
_CANDIDATES = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)
_LINE_BREAKS = frozenset("\u2028\u2029\x85")
_TAG_FIRST, _TAG_LAST = 0xE0000, 0xE007F


@dataclass(frozen=True)
class Unhidden:
    """The visible text, what was removed, and the text spelled by tag characters."""

    text: str
    hidden: tuple[str, ...]
    tag_text: str


def _is_pictographic(char: str) -> bool:
    # Emoji live in So (symbols) or are modifiers/selectors attached to them.
    return unicodedata.category(char) in ("So", "Sk") or 0x1F000 <= ord(char) <= 0x1FAFF


def _keeps_zwj(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if before in ("\ufe0f", "\ufe0e") and index > 1:
        before = text[index - 2]
    return bool(before and after) and _is_pictographic(before) and _is_pictographic(after)


def _flag_tags_end(text: str, index: int) -> int:
    """End of a subdivision-flag tag run starting at index, or index when there is none."""
    if index == 0 or text[index - 1] != _BLACK_FLAG:
        return index
    end = index
    while end < len(text) and _TAG_FIRST < ord(text[end]) < _TAG_LAST:
        end += 1
    if end < len(text) and ord(text[end]) == _TAG_LAST and end - index <= 6:
        return end + 1
    return index


def _name(char: str) -> str:
    return unicodedata.name(char, "") or {"\x00": "NULL", "\x1b": "ESCAPE"}.get(char, "CONTROL")


def _describe(counts: Counter[str], tag_text: str, ansi: int) -> tuple[str, ...]:
    described: list[str] = []
    if ansi:
        described.append(f"ANSI escape sequence x{ansi}")
    for char, count in counts.items():
        described.append(f"U+{ord(char):04X} {_name(char)} x{count}")
    if tag_text:
        shown = tag_text if len(tag_text) <= 200 else tag_text[:200] + "…"
        described.append(f"Unicode tag characters spelling {shown!r}")
    return tuple(described)


def unhide(raw: str) -> Unhidden:
    """Remove hidden characters; line/paragraph separators become newlines."""
    text, ansi = _ANSI_ESCAPE.subn("", raw)
    kept: list[str] = []
    counts: Counter[str] = Counter()
    tags: list[str] = []
    position = 0
    for match in _CANDIDATES.finditer(text):
        index = match.start()
        if index < position:
            continue  # already kept as part of a subdivision flag
        kept.append(text[position:index])
        position = index + 1
        char = text[index]
        code = ord(char)
        if _TAG_FIRST <= code <= _TAG_LAST:
            flag_end = _flag_tags_end(text, index)
            if flag_end > index:
                kept.append(text[index:flag_end])
                position = flag_end
            elif 0xE0020 <= code <= 0xE007E:
                tags.append(chr(code - 0xE0000))
        elif char in _LINE_BREAKS:
            counts[char] += 1
            kept.append("\n")
        elif char == _ZWJ and _keeps_zwj(text, index):
            kept.append(char)
        else:
            counts[char] += 1
    kept.append(text[position:])
    tag_text = "".join(tags)
    return Unhidden("".join(kept), _describe(counts, tag_text, ansi), tag_text)
