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
from bot.guards.pii_contact import ContactPolicy, national_form, read_phone_is_public
from bot.guards.verdict import PIIFinding

EN_DIGITS = {
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
_FR_HUNDREDS = frozenset({"cent", "cents"})
_FR_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
# English pairs, as a card or account number is read in twos ("forty-seven sixteen").
EN_TEENS = {
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
EN_TENS = {
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
    set(EN_DIGITS)
    | set(_FR_UNITS)
    | set(_FR_TEENS)
    | set(_FR_TENS)
    | _FR_HUNDREDS
    | set(EN_TEENS)
    | set(EN_TENS)
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


def _french_hundreds(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A French number from 100 to 999 starting at words[i] ("trois cent six"): (value, words
    used)."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if not (word in _FR_HUNDREDS or (nxt in _FR_HUNDREDS and _FR_UNITS.get(word, 0) > 1)):
        return None
    used = 1 if word in _FR_HUNDREDS else 2
    hundreds = 100 * (1 if used == 1 else _FR_UNITS[word])
    if i + used < len(words) and words[i + used] not in _FR_HUNDREDS:
        rest = _french_pair(words, i + used)
        if rest is not None:
            return hundreds + rest[0], used + rest[1]
        unit = _FR_UNITS.get(words[i + used], 0)
        if unit:
            return hundreds + unit, used + 1
    return hundreds, used


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
    if word in EN_TEENS:
        return EN_TEENS[word], 1
    if word not in EN_TENS:
        return None
    unit = words[i + 1] if i + 1 < len(words) else ""
    if unit in EN_DIGITS and EN_DIGITS[unit] != "0":
        return EN_TENS[word] + int(EN_DIGITS[unit]), 2
    return EN_TENS[word], 1


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
        elif word in _HUNDREDS and out and words[i - 1] in EN_DIGITS:
            out.append(_HUNDREDS[word])
            i += 1
        elif word in _REPEAT and i + 1 < len(words) and words[i + 1] in EN_DIGITS:
            out.append(EN_DIGITS[words[i + 1]] * _REPEAT[word])
            i += 2
        elif (pair := _french_hundreds(words, i) or _french_pair(words, i)) is not None:
            out.append(f"{pair[0]:02d}")
            i += pair[1]
        elif (pair := _english_pair(words, i)) is not None:
            out.append(str(pair[0]))
            i += pair[1]
        elif word in EN_DIGITS:
            out.append(EN_DIGITS[word])
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
        if read_phone_is_public(
            folded, run[0].start(), run[-1].end(), digits, international, policy
        ):
            continue
        yield PIIFinding("phone", run[0].start(), run[-1].end())


# A run of an identifier read out: number words, typed digits and capital letters, one letter
# alone or spelt ("J as in Juliet", "M for Mike", "C comme Charles"), separated by at most a
# comma, a dash or a few spaces.
_ID_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_ID_GAP = re.compile(r"[\s,.;:–—-]{0,3}")
# A sentence or a paragraph ends between two parts: they are not one identifier.
_SENTENCE_END = re.compile(r"[.;:]\s|\n\s*\n")
_SPELT_AS = ("for", "like", "comme", "pour")
# Words that link the parts of one identifier read out; a dot read as a word is a dot.
_LINKS = {
    "then": " ",
    "puis": " ",
    "ensuite": " ",
    "cle": " ",
    "key": " ",
    # A dash or a slash read as a word between groups ("… zero zero dash nine …", "… tiret
    # …"): a gap between them, as a typed dash (test40 forms).
    "dash": " ",
    "hyphen": " ",
    "tiret": " ",
    "slash": " ",
    "dot": ".",
    "point": ".",
}
# The phonetic (NATO) alphabet's words, accents dropped, as read over a bad line in English and
# French ("Echo X-ray four seven …", "Delta Whisky"); "X-ray" is read from its two tokens.
# `pii_encoded` reads names spelt with the same words.
PHONETIC_ALPHABET = {
    word: word[0].upper()
    for word in (
        "alfa alpha bravo charlie delta echo foxtrot fox golf hotel india juliet juliett"
        " juliette kilo lima mike november oscar papa quebec romeo sierra tango uniform victor"
        " whiskey whisky xray yankee zulu zoulou"
    ).split()
}
# Number words that are also articles ("un numéro", "one of them").
_ARTICLES = frozenset({"un", "une", "one"})


def _element(tokens: Sequence[re.Match[str]], i: int) -> tuple[str, str, int] | None:
    """The run element at tokens[i]: ("word" | "digits" | "letter" | "link", value, next index).

    Letters: a capital alone or two ("FR", "JM"), or spelt ("J as in Juliet", "E for echo",
    "X for x-ray", "L comme Louis"); links: "then", "puis", "clé" between parts add nothing,
    "dot" and "point" a dot (an address read out: "two oh three dot zero dot …")."""
    token = tokens[i].group(0)
    if token.isdigit():
        return "digits", token, i + 1
    word = _plain(token.lower())
    if word in _NUMBER_WORDS and word not in _JOINERS and word != "o":
        return _doubled_letter(tokens, i, word) or ("word", word, i + 1)
    if word in _LINKS:
        return "link", _LINKS[word], i + 1
    # "C'est", "J'en": an elided word, not a letter.
    elided = tokens[i].string[tokens[i].end() : tokens[i].end() + 1] in ("'", "’")
    coded = None if elided else _coded_letter(tokens, i)
    if (
        coded is not None
        or elided
        or not (1 <= len(token) <= 2 and token.isascii() and token.isupper())
    ):
        return coded

    def said(k: int) -> str:
        return tokens[k].group(0) if k < len(tokens) else ""

    spelt = 0
    if len(token) == 1 and said(i + 1).lower() == "as" and said(i + 2).lower() == "in":
        spelt = i + 3
    elif len(token) == 1 and said(i + 1).lower() in _SPELT_AS:
        spelt = i + 2
    if spelt and said(spelt)[:1].upper() == token:
        after = spelt + 1
        if after < len(tokens) and text_between(tokens, after) == "-":
            after += 1  # "x-ray"
        return "letter", token, after
    return "letter", token, i + 1


def _doubled_letter(
    tokens: Sequence[re.Match[str]], i: int, word: str
) -> tuple[str, str, int] | None:
    """A capital letter alone after "double" or "triple" ("… four, double B", "… sept, double
    D"): the letter twice or three times, as a digit after them (a postcode read out; test38,
    spent). Not "O", which is read as a zero in a phone number ("double O")."""
    if word not in _REPEAT or i + 1 >= len(tokens):
        return None
    letter = tokens[i + 1].group(0)
    gap = text_between(tokens, i + 1)
    if not (len(letter) == 1 and letter.isascii() and letter.isupper() and letter != "O"):
        return None
    if gap not in (" ", "-"):
        return None
    return "letter", letter * _REPEAT[word], i + 2


def _coded_letter(tokens: Sequence[re.Match[str]], i: int) -> tuple[str, str, int] | None:
    """A letter spelt with the phonetic alphabet, capitalised as its words are written ("Echo",
    "X-ray", "Québec"): the letter, beside other parts of a run (test37 forms)."""
    token = tokens[i].group(0)
    coded = PHONETIC_ALPHABET.get(_plain(token.lower()))
    if coded is not None and token[:1].isupper():
        return "letter", coded, i + 1
    ray = i + 1 < len(tokens) and tokens[i + 1].group(0).lower() == "ray"
    if tokens[i].group(0) == "X" and ray and text_between(tokens, i + 1) == "-":
        return "letter", "X", i + 2  # "X-ray" written as the alphabet's word
    return None


def text_between(tokens: Sequence[re.Match[str]], j: int) -> str:
    """What stands between tokens[j - 1] and tokens[j]."""
    whole = tokens[j].string
    return whole[tokens[j - 1].end() : tokens[j].start()]


def _noun_follows(tokens: Sequence[re.Match[str]], j: int, text: str) -> bool:
    """Whether tokens[j] is a lower-case word other than a number, right after a space."""
    if j >= len(tokens) or not text[tokens[j - 1].end() : tokens[j].start()].isspace():
        return False
    word = tokens[j].group(0)
    plain = _plain(word)
    return word.isalpha() and word[0].islower() and plain not in _NUMBER_WORDS | _LINKS.keys()


def _gap_ok(tokens: Sequence[re.Match[str]], j: int, text: str) -> bool:
    """Whether tokens[j] follows tokens[j - 1] with only a short gap between them, not the end
    of a sentence."""
    gap = text[tokens[j - 1].end() : tokens[j].start()]
    return _ID_GAP.fullmatch(gap) is not None and _SENTENCE_END.search(gap) is None


def spoken_identifiers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, what it reads as) for each identifier read out in words in `text`.

    A run counts when two of its parts at least are number words; typed digits alone are left
    to the typed detectors, and what a run reads as is judged by them (`pii._found_spoken`).
    Number words are read as the phone reader reads them (digit by digit, or in French or
    English pairs and hundreds)."""
    tokens = list(_ID_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        element = _element(tokens, i)
        if element is None:
            i += 1
            continue
        if element[0] == "link":
            i += 1
            continue
        read: list[str] = []
        words: list[str] = []
        spoken = True
        j = end = i
        while element is not None:
            start_of_element = j
            kind, value, j = element
            if kind == "word" and value in _ARTICLES and _noun_follows(tokens, j, text):
                break  # "… 12 44, un numéro fictif": an article, not a digit
            if (
                kind in ("word", "digits")
                and start_of_element > i
                and "," in text_between(tokens, start_of_element)
                and (words or (read and read[-1][-1:].isdigit()))
            ):
                # Groups of digits read apart stay apart, as typed: "six three one, two oh
                # nine" -> "631 209" (letters join: "J, M" -> "JM").
                spoken = spoken and _flush(words, read)
                read.append(" ")
            if kind == "word":
                words.append(value)
            else:
                spoken = spoken and _flush(words, read)
                read.append(value)
            if kind != "link":
                end = j
            if j >= len(tokens) or not _gap_ok(tokens, j, text):
                break
            element = _element(tokens, j)
            if element is None and _plain(tokens[j].group(0).lower()) in _JOINERS and words:
                element = ("word", "et", j + 1)  # "quarante et un"
        said = sum(_plain(tokens[k].group(0).lower()) in _NUMBER_WORDS for k in range(i, end))
        spoken = _flush(words, read) and spoken
        value = "".join(read).strip(" .")
        # Two number words, or one among typed digits or letters ("FR vingt, 3000 2005 …").
        enough = said >= 2 or (said == 1 and len(value.replace(" ", "")) > 2)
        if spoken and enough and sum(c.isdigit() for c in value) >= 2:
            yield tokens[i].start(), tokens[end - 1].end(), value
        i = max(end, i + 1)


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
    French word ("et", "plus"), is kept as it is; so are single number words.

    Its runs are not `spoken_identifiers`' (which group digits read apart by a comma, join
    letters and typed digits, stop before an article and read one hyphenated number): read
    with those, 4 of the 10,514 training and frozen messages change features ("dix-sept ans"
    -> "17 ans"), and the calibration would need a rebuild. Both read the words alike
    (`_digits`)."""
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
