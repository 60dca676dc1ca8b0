"""Detection copies of a message: folded so that disguised words look like plain ones.

The guard's patterns are written in lower case without accents; every copy made here
is NFKC-normalised, case-folded, stripped of accents and freed of look-alike letters.
These copies are only matched against; the citizen's text is never replaced by them.
"""

from __future__ import annotations

import re
import unicodedata

# Cyrillic, Greek and Latin-extension letters that look like ASCII letters.
HOMOGLYPHS: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ɑ": "a", "ɩ": "i", "ı": "i",
    "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ѵ": "v", "һ": "h", "ԍ": "g", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Α": "A", "Β": "B",
    "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
_HOMOGLYPH_TABLE = str.maketrans(HOMOGLYPHS)
_PUNCTUATION_TABLE = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"',
     "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " "}
)  # fmt: skip
# Dashes of other kinds typed inside numbers ("07700‒900‒236" with figure dashes, a hyphen that
# does not break, a minus sign): read as the plain hyphen by the personal-data copy only
# (test32 forms). NFKC leaves them as they are.
_DASH_TABLE = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-", "\ufe58": "-",
     "\ufe63": "-"}
)  # fmt: skip
_LEET_TABLE = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_SPACES = re.compile(r"[\t\u3000]")
# A word written with its letters apart: "i-g-n-o-r-e", "f r a u d e".
_SPACED_LETTERS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ \-._*]){3,}[^\W\d_](?![^\W\d_])")
_SPACED_SEPARATORS = re.compile(r"[ \-._*]")
# A token mixing letters with the digits or symbols of leetspeak.
_LEET_TOKEN = re.compile(
    r"(?<![\w@$!])[\w@$!]*(?:[^\W\d_][0134578@$!]|[0134578@$!][^\W\d_])[\w@$!]*"
)
# A symbol standing for a letter inside a word ("escl@ve", "k!ller"), which plain text
# never has; e-mail addresses are found as personal data before this is asked.
_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][@$!]+[^\W\d_]")
_LATIN = re.compile(r"[a-zA-Z]")
_LOOKALIKE_SCRIPT = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u0250-\u02af]")


def fold(text: str) -> str:
    """NFKC, typographic punctuation made plain, look-alikes mapped, case-folded, no accents.

    Runs of spaces are kept: two spaces separate words written letter by letter.
    """
    text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION_TABLE)
    text = text.translate(_HOMOGLYPH_TABLE).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text)


def fold_aligned(text: str) -> str:
    """Like fold, but one character out per character in, so offsets stay valid.

    Characters whose fold is not a single character are kept as they are. A decimal digit of
    any script (Arabic-Indic "٠٧٧٠٠", Persian, Devanagari, Bengali …) becomes its ASCII digit, as
    NFKC already does for full-width ones: personal data is read from this copy (test31 forms).
    Dashes of every kind become the plain hyphen (test32 forms).
    """
    out: list[str] = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        value = unicodedata.decimal(char, None)
        if value is not None:
            out.append(str(value))
            continue
        folded = unicodedata.normalize("NFKC", char).translate(_PUNCTUATION_TABLE)
        folded = folded.translate(_HOMOGLYPH_TABLE).translate(_DASH_TABLE)
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


def unleet(folded: str) -> str | None:
    """The copy with leetspeak digits and symbols read as letters, or None if there are none."""
    changed = False

    def _read(match: re.Match[str]) -> str:
        nonlocal changed
        changed = True
        return match.group(0).translate(_LEET_TABLE)

    result = _LEET_TOKEN.sub(_read, folded)
    return result if changed else None


def join_spaced_letters(folded: str) -> str | None:
    """The copy with letter-by-letter words joined up, or None if there are none."""
    result, count = _SPACED_LETTERS.subn(
        lambda match: _SPACED_SEPARATORS.sub("", match.group(0)), folded
    )
    return result if count else None


def has_symbol_in_word(text: str) -> bool:
    """Whether a word carries a symbol in place of a letter ("p@ssep0rt", "k!ller")."""
    return _SYMBOL_IN_WORD.search(text) is not None


def has_mixed_script_word(text: str) -> bool:
    """Whether one word mixes Latin letters with Cyrillic/Greek look-alike scripts."""
    words = text.split()
    return any(_LATIN.search(w) is not None and _LOOKALIKE_SCRIPT.search(w) for w in words)


def lower_aligned(text: str) -> str:
    """Lower case, one character out per character in ("İ" and "ß" keep their offsets)."""
    lowered = text.casefold()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.casefold() if len(c.casefold()) == 1 else c for c in text)


def leet_readings(folded: str) -> list[str]:
    """How each leetspeak-looking token reads with its digits and symbols as letters."""
    return [match.group(0).translate(_LEET_TABLE) for match in _LEET_TOKEN.finditer(folded)]
