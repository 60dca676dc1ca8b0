"""Phone numbers spelt out in words, as people dictate them or write them to dodge a filter.

"my number is oh seven seven double oh nine double oh three one two", "zéro six trente-neuf
quatre-vingt-dix-huit quarante et un vingt-sept": a run of number words is read into digits
(English one digit a word, with "oh", "double" and "triple"; French one digit a word or the
pairs a French number is read in, "trente-neuf", "quatre-vingt-dix-huit", "soixante et onze"),
and a run that reads as a phone number (10 to 11 digits from a 0, or from 44 / 33 after "plus"
or "double zero") is a phone unless the policy lists it as public. Organisations write their
numbers in digits; a number spelt out in a message is the writer's or someone they know.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import pairwise

from bot.guards.normalise import lower_aligned
from bot.guards.pii_contact import ContactPolicy, national_form
from bot.guards.verdict import PIIFinding

_EN_DIGITS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "nought": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_FR_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
_FR_TEENS = {
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_FR_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
# English pairs, as a card or account number is read in twos ("forty-seven sixteen").
_EN_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_REPEAT = {"double": 2, "triple": 3}
# "nine hundred" after a digit, as the UK's 07700 900… is read aloud: the digit and two zeros.
_HUNDREDS = {"hundred": "00", "thousand": "000"}
_NUMBER_WORDS = (
    set(_EN_DIGITS)
    | set(_FR_UNITS)
    | set(_FR_TEENS)
    | set(_FR_TENS)
    | set(_EN_TEENS)
    | set(_EN_TENS)
    | set(_REPEAT)
    | set(_HUNDREDS)
) | {"vingts", "et", "plus"}
# Words that may sit inside a run without ending it ("et" in "quarante et un").
_JOINERS = {"et"}
_TOKEN = re.compile(r"[^\W\d_]+")
_MIN_DIGITS = 10
_MAX_DIGITS = 13


def _plain(word: str) -> str:
    """The word without accents ("zéro" -> "zero")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _runs(folded: str) -> Iterator[list[re.Match[str]]]:
    """Maximal runs of number words separated only by spaces, hyphens and commas."""
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(folded):
        word = _plain(match.group(0))
        gap = folded[run[-1].end() : match.start()] if run else ""
        if word in _NUMBER_WORDS and (not run or re.fullmatch(r"[\s,.-]{1,3}", gap)):
            run.append(match)
            continue
        if run:
            yield run
        run = [match] if word in _NUMBER_WORDS else []
    if run:
        yield run


def _french_pair(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A French number from 10 to 99 starting at words[i]: (value, words used)."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word == "quatre" and nxt in ("vingt", "vingts"):
        base, used = 80, 2
    elif word == "dix" and nxt in ("sept", "huit", "neuf"):
        return 10 + _FR_UNITS[nxt], 2
    elif word in _FR_TEENS:
        return _FR_TEENS[word], 1
    elif word in _FR_TENS:
        base, used = _FR_TENS[word], 1
    else:
        return None
    rest = words[i + used :]
    if rest and rest[0] == "et":
        rest, used = rest[1:], used + 1
    if base in (60, 80) and rest:
        teen = _french_pair(rest, 0) if rest[0] in _FR_TEENS or rest[0] == "dix" else None
        if teen is not None and teen[0] < 20:
            return base + teen[0], used + teen[1]
    if rest and rest[0] in _FR_UNITS and rest[0] != "zero":
        return base + _FR_UNITS[rest[0]], used + 1
    return base, used


def _english_pair(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """An English number from 10 to 99 starting at words[i]: (value, words used)."""
    word = words[i]
    if word in _EN_TEENS:
        return _EN_TEENS[word], 1
    if word not in _EN_TENS:
        return None
    unit = words[i + 1] if i + 1 < len(words) else ""
    if unit in _EN_DIGITS and _EN_DIGITS[unit] != "0":
        return _EN_TENS[word] + int(_EN_DIGITS[unit]), 2
    return _EN_TENS[word], 1


def _digits(words: Sequence[str]) -> tuple[str, bool] | None:
    """The digits the words read as, and whether they began with "plus"; None if they do not
    read as one number."""
    out: list[str] = []
    international = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "plus" and not out:
            international = True
            i += 1
        elif word in _HUNDREDS and out and words[i - 1] in _EN_DIGITS:
            out.append(_HUNDREDS[word])
            i += 1
        elif word in _REPEAT and i + 1 < len(words) and words[i + 1] in _EN_DIGITS:
            out.append(_EN_DIGITS[words[i + 1]] * _REPEAT[word])
            i += 2
        elif (pair := _french_pair(words, i)) is not None:
            out.append(f"{pair[0]:02d}")
            i += pair[1]
        elif (pair := _english_pair(words, i)) is not None:
            out.append(str(pair[0]))
            i += pair[1]
        elif word in _EN_DIGITS:
            out.append(_EN_DIGITS[word])
            i += 1
        elif word in _FR_UNITS:
            out.append(str(_FR_UNITS[word]))
            i += 1
        elif word in _JOINERS:
            i += 1
        else:
            return None
    return "".join(out), international


def find_spoken_phones(folded: str, policy: ContactPolicy) -> Iterator[PIIFinding]:
    """Phone numbers written as words; offsets index `folded` (aligned with the text)."""
    for run in _runs(folded):
        read = _digits([_plain(m.group(0)) for m in run])
        if read is None:
            continue
        digits, international = read
        if digits.startswith("00"):
            digits, international = digits[2:], True
        if not _MIN_DIGITS - 1 <= len(digits) <= _MAX_DIGITS:
            continue
        if not international and not digits.startswith("0"):
            continue
        if international and not digits.startswith(("44", "33", "1")):
            continue
        national = national_form(digits, international)
        if not _MIN_DIGITS <= len(national) <= 11:
            continue
        if digits in policy.public_numbers or national in policy.public_numbers:
            continue
        yield PIIFinding("phone", run[0].start(), run[-1].end())


# A run of an identifier read out: number words, typed digits and capital letters, one letter
# alone or spelt ("J as in Juliet", "M for Mike", "C comme Charles"), separated by at most a
# comma, a dash or a few spaces.
_ID_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_ID_GAP = re.compile(r"[\s,.;:–—-]{0,3}")
_SPELT_AS = ("for", "like", "comme", "pour")
# The shortest identifier read this way (a National Insurance number's six digits), or a
# postcode: a UK one spelt out ("E X one, four A B") or five French digits.
_MIN_ID_DIGITS = 6
# Number words that are also articles ("un numéro", "one of them").
_ARTICLES = frozenset({"un", "une", "one"})
_POSTCODE_READ = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|\d{5}")


def _element(tokens: Sequence[re.Match[str]], i: int) -> tuple[str, str, int] | None:
    """The run element at tokens[i]: ("word" | "digits" | "letter", value, next index)."""
    token = tokens[i].group(0)
    if token.isdigit():
        return "digits", token, i + 1
    word = _plain(token.lower())
    if word in _NUMBER_WORDS and word not in _JOINERS and word != "o":
        return "word", word, i + 1
    if len(token) != 1 or not ("A" <= token <= "Z"):
        return None

    def said(k: int) -> str:
        return tokens[k].group(0) if k < len(tokens) else ""

    if said(i + 1).lower() == "as" and said(i + 2).lower() == "in" and said(i + 3)[:1] == token:
        return "letter", token, i + 4
    if said(i + 1).lower() in _SPELT_AS and said(i + 2)[:1] == token and len(said(i + 2)) > 1:
        return "letter", token, i + 3
    return "letter", token, i + 1


def _noun_follows(tokens: Sequence[re.Match[str]], j: int, text: str) -> bool:
    """Whether tokens[j] is a lower-case word other than a number, right after a space."""
    if j >= len(tokens) or not text[tokens[j - 1].end() : tokens[j].start()].isspace():
        return False
    word = tokens[j].group(0)
    return word.isalpha() and word[0].islower() and _plain(word) not in _NUMBER_WORDS


def _gap_ok(tokens: Sequence[re.Match[str]], j: int, text: str) -> bool:
    """Whether tokens[j] follows tokens[j - 1] with only a short gap between them."""
    return _ID_GAP.fullmatch(text[tokens[j - 1].end() : tokens[j].start()]) is not None


def spoken_identifiers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, what it reads as) for each identifier read out in words in `text`.

    A run counts when two of its parts at least are number words and it reads as six digits or
    more, or as a postcode; typed digits alone are left to the typed detectors. Number words
    are read as the phone reader reads them (digit by digit, or in French or English pairs)."""
    tokens = list(_ID_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        element = _element(tokens, i)
        if element is None:
            i += 1
            continue
        read: list[str] = []
        words: list[str] = []
        spoken = True
        j = i
        while element is not None:
            kind, value, j = element
            if kind == "word" and value in _ARTICLES and _noun_follows(tokens, j, text):
                j -= 1  # "… 12 44, un numéro fictif": an article, not a digit
                break
            if kind == "word":
                words.append(value)
            else:
                spoken = spoken and _flush(words, read)
                read.append(value)
            if j >= len(tokens) or not _gap_ok(tokens, j, text):
                break
            element = _element(tokens, j)
            if element is None and _plain(tokens[j].group(0).lower()) in _JOINERS and words:
                element = ("word", "et", j + 1)  # "quarante et un"
        said = sum(_plain(tokens[k].group(0).lower()) in _NUMBER_WORDS for k in range(i, j))
        spoken = _flush(words, read) and spoken
        value = "".join(read)
        long_enough = sum(c.isdigit() for c in value) >= _MIN_ID_DIGITS
        if spoken and said >= 2 and (long_enough or _POSTCODE_READ.fullmatch(value)):
            yield tokens[i].start(), tokens[j - 1].end(), value
        i = max(j, i + 1)


def _flush(words: list[str], read: list[str]) -> bool:
    """Append what the pending number words read as; False when they read as no number."""
    if not words:
        return True
    digits = _digits(words)
    words.clear()
    if digits is None or digits[1]:
        return False
    read.append(digits[0])
    return True


def number_words_as_digits(text: str) -> str:
    """The text with each run of two or more number words read as digits ("the fee is twenty
    five pounds" -> "the fee is 25 pounds", "oh two oh, seven nine four six" -> "020 7946").

    For the intent classifier: its training messages write numbers in digits, and a message
    that spells them out (a dictated one, a careful reader's) must not look unusual to it for
    that alone. A run that reads as no number, or starts with a word that is also an ordinary
    French word ("et", "plus"), is kept as it is; so are single number words."""
    out: list[str] = []
    position = 0
    folded = lower_aligned(text)
    for whole in _runs(folded):
        run = list(whole)
        while run and _plain(run[-1].group(0)) in _JOINERS | {"plus"}:
            run.pop()
        words = [_plain(m.group(0)) for m in run]
        if not words or words[0] in _JOINERS or words[0] == "plus":
            continue
        # Two numbers at least, not one hyphenated French number ("dix-sept ans" stays).
        gaps = [folded[a.end() : b.start()] for a, b in pairwise(run)]
        if not any(gap != "-" for gap in gaps):
            continue
        read = _digits(words)
        if read is None:
            continue
        out.append(text[position : run[0].start()])
        out.append(read[0])
        position = run[-1].end()
    out.append(text[position:])
    return "".join(out)
