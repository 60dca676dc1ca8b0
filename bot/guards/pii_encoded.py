"""Data written in another code than plain text (test43 forms, spent on 6 December 2026).

A phone number whose last digits are written as keypad letters ("07700 900 MUM", "06 39 98
BEBE"): the letters read as the digits their keys carry (ABC 2, DEF 3 … WXYZ 9), in a copy of
the same length, so the phone rules decide as for the number typed in digits (a freephone
vanity number, a council's line stay what they are). Capitals only: a small word after a
number ("… 900 and") is a word.

Data inside a link's query or fragment ("…/?q=8+Tansley+Road,+…", "…/#q=EX3+9WB",
"…/records#nhs=943%20476%205919"): each value is decoded ("+" and %-escapes) and read as text
after its key as a label ("q: 8 Tansley Road, …"), in a copy of the message where it stands
in place of the link; what is found there is withheld over the value's place in the link. A
reference, an id or a token in a link is the link's own (a penalty's reference in a payment
link), not a person's account or document.

A social handle or a hashtag of a given name and a surname, about a person ("@…_",
"#…"): read as the name it joins. Fillers in a voice note's transcript ("um", "erm",
"euh", "ben") between an identifier's parts: read without them. A passport's
machine-readable line, its birth and expiry dates' check digits holding: the document's data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import unquote_plus

from bot.guards.pii_names import common_given_name
from bot.guards.pii_spoken import EN_DIGITS, EN_TEENS, EN_TENS, PHONETIC_ALPHABET
from bot.guards.replaced import replace_runs
from bot.guards.verdict import PIIFinding

Finder = Callable[[str], Iterable[PIIFinding]]


def _found_where_replaced(
    text: str, runs: list[tuple[int, int, str]], finder: Finder, kinds: frozenset[str]
) -> Iterator[PIIFinding]:
    """What `finder` finds of `kinds` in a copy of `text` with `runs` replaced (a spelt name,
    a spelt postcode, a date in words read as digits), where a finding overlaps a replaced
    run, placed back on the original text."""
    copy = replace_runs(text, runs)
    for finding in finder(copy.text):
        if finding.kind in kinds and any(
            finding.start < end and start < finding.end for start, end in copy.spans
        ):
            yield PIIFinding(finding.kind, *copy.original(finding.start, finding.end))


_KEYPAD = str.maketrans(
    {
        **dict.fromkeys("ABC", "2"),
        **dict.fromkeys("DEF", "3"),
        **dict.fromkeys("GHI", "4"),
        **dict.fromkeys("JKL", "5"),
        **dict.fromkeys("MNO", "6"),
        **dict.fromkeys("PQRS", "7"),
        **dict.fromkeys("TUV", "8"),
        **dict.fromkeys("WXYZ", "9"),
    }
)
# Four digits at least typed as digits, then, set apart by a space, a dot or a dash, a
# capitalised run of two to seven letters (one space inside it at most: "BE BE"); an
# identifier with its letters joined to its digits ("…816PA") is read as typed.
_KEYPAD_NUMBER = re.compile(
    r"(?<![\w+])(?:\+|00)?\d(?:[ \t.-]?\d){3,11}[ \t.-]"
    r"(?P<letters>[A-Z]{2,7}(?:[ .-][A-Z]{2,4})?)(?![\w])"
)
_PHONE_KINDS = frozenset({"phone"})


def find_keypad_phones(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Phones whose last digits are keypad letters; `finder` reads the same-length copy.

    Every such run is turned into digits in one copy, read once: a copy per run cost a whole
    reading of the message per run (2 s of CPU for a 2,000-character message of them,
    `benchmarks/guard_worst.py`)."""
    runs: list[tuple[int, int, int]] = []  # (the number's start, the letters' start and end)
    for match in _KEYPAD_NUMBER.finditer(text):
        letters = match.group("letters")
        digits = sum(c.isdigit() for c in match.group(0))
        if 9 <= digits + sum(c.isalpha() for c in letters) <= 13:
            runs.append((match.start(), *match.span("letters")))
    if not runs:
        return
    pieces, last = [], 0
    for _, start, end in runs:
        pieces += [text[last:start], text[start:end].translate(_KEYPAD)]
        last = end
    copy = "".join(pieces) + text[last:]
    for finding in finder(copy):
        if finding.kind not in _PHONE_KINDS:
            continue
        for number_start, start, end in runs:
            if finding.start < end and start < finding.end:
                yield PIIFinding(finding.kind, min(finding.start, number_start), end)
                break


_LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()]{3,400}", re.IGNORECASE)
_VALUE = re.compile(r"(?:^|[?#&;])(?P<key>[A-Za-z_][\w.-]{0,30})=(?P<value>[^&#;?\s]+)")
_MAX_VALUES = 8
# Each value is read in a copy of the message around its link, not the whole message: the
# finders judge a value by the words near it, and a long message of many links would
# otherwise be read again in full for every value (an 8,000-character message of query
# values cost 2.5 s; bounded, a few milliseconds). A value longer than a line is not data
# written as text.
_CONTEXT = 400
_LONGEST_VALUE = 300
_LINK_WORDS = re.compile(r"[/_+=&#?-]+")
_NEAR = 50
_PLACE_KINDS = frozenset({"postcode", "address"})
_HOME_WORDS = re.compile(
    r"\b(?:home|live[sd]?|living|staying|chez (?:nous|moi|lui|elle|eux)|habit\w*|domicile"
    r"|(?:my|our|mon|notre|ma) (?:address|adresse|house|flat|place|maison|appartement|logement"
    r"|postcode|post code|code postal)"
    r"|where (?:i|we|he|she|they)|o[uù] (?:j'|je|nous|on|il|elle)"
    r"|(?:that|this|it)(?:'s| is) where|c'est l[àa] (?:o[uù]|que))\b"
)
# A link's own tokens (a reference, an order's or a session's id, the link itself) are read
# as the link's, not as data written in it: only a person's data written as text counts.
_LINK_OWN_KINDS = frozenset(
    {"account_number", "document_number", "credential", "ip_address", "web_address"}
)


# A path segment written with a percent-encoded space or comma ("…/fine/EX6%203SF/…",
# "…/adresse/12%20rue%20des%20Lilas/…"): a value typed as text into the link, read as a query's
# value is, with the segment before it as its label (issue 12, after test54: a postcode so
# written in a payment link's path, said by the writer to be theirs).
_ENCODED_SEGMENT = re.compile(r"/(?P<value>[^/?#\s]*%(?:20|2[Cc]|2[Bb])[^/?#\s]*)")
_SEGMENT_KEY = re.compile(r"[A-Za-z_][\w.-]{0,30}")


class _Value:
    """A value read in a link: its label, its span in the link and its decoded text."""

    def __init__(self, key: str, start: int, end: int, decoded: str) -> None:
        self.key, self.start, self.end, self.decoded = key, start, end, decoded


def _link_values(raw: str, cut: int) -> Iterator[_Value]:
    """The values of a link's query or fragment (from `cut`), then its encoded path segments."""
    if cut >= 0:
        for value in _VALUE.finditer(raw, cut):
            decoded = unquote_plus(value.group("value")).strip()
            yield _Value(value.group("key"), value.start("value"), value.end("value"), decoded)
    end = cut if cut >= 0 else len(raw)
    host = raw.find("/", raw.find("//") + 2 if "//" in raw else 0)
    if host < 0:
        return
    for segment in _ENCODED_SEGMENT.finditer(raw, host, end):
        previous = raw[host : segment.start()].rstrip("/").rsplit("/", 1)[-1]
        key = previous if _SEGMENT_KEY.fullmatch(previous) else "value"
        decoded = unquote_plus(segment.group("value")).strip()
        yield _Value(key, segment.start("value"), segment.end("value"), decoded)


def find_in_link_values(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Data in the decoded values of a link's query or fragment, or of an encoded segment of
    its path."""
    seen = 0
    for link in _LINK.finditer(text):
        raw = link.group(0)
        cut = min((i for i in (raw.find("?"), raw.find("#")) if i >= 0), default=-1)
        # The link's own path and other values as words beside the value: a public place
        # named there ("…/place/Riverside+Library/?q=…") makes its postcode the place's.
        path = unquote_plus(
            raw[: cut if cut >= 0 else len(raw)].split("//", 1)[-1].partition("/")[2]
        )
        values = list(_link_values(raw, cut))
        for value in values:
            decoded = value.decoded
            # A value with nothing but letters and no space is a word or a token, not data
            # written as text.
            if not re.search(r"\d|\s", decoded) or seen >= _MAX_VALUES:
                continue
            if len(decoded) > _LONGEST_VALUE:
                continue
            seen += 1
            others = " ".join(other.decoded for other in values if other.start != value.start)
            # A path's segment: the path without it as words beside it, and the words after the
            # link read right after it, with no full stop between ("…/EX6%203SF/… – that's my
            # postcode").
            in_path = cut < 0 or value.start < cut
            path_words = path.replace(value.decoded, " ") if in_path else path
            close = " " if in_path else ". "
            words = _LINK_WORDS.sub(" ", f"{path_words} {others}").strip()
            label = value.key.replace("_", " ")
            head = text[max(0, link.start() - _CONTEXT) : link.start()]
            tail = text[link.end() : link.end() + _CONTEXT]
            words = words[:_CONTEXT]
            before = head + " " + (f"({words}) " if words else "") + label + ": "
            probe = before + decoded + close + tail
            here, stop = len(before), len(before) + len(decoded)
            kinds = {
                f.kind
                for f in finder(probe)
                if f.start < stop and here < f.end and f.kind not in _LINK_OWN_KINDS
            }
            # A place in a link (a maps query, a lookup) is someone's home only when the
            # words right around the link say so ("[chez nous](…)", "… where I live").
            near = text[max(0, link.start() - _NEAR) : link.start()] + " "
            near += text[link.end() : link.end() + _NEAR]
            if _HOME_WORDS.search(_LINK.sub(" ", near).lower()) is None:
                kinds -= _PLACE_KINDS
            # A key is no field's label for a place: it must be found as written in words.
            if kinds & _PLACE_KINDS:
                bare = head + " " + (f"({words}) " if words else "")
                plain = bare + decoded + close + tail
                found = {
                    f.kind
                    for f in finder(plain)
                    if f.start < len(bare) + len(decoded) and len(bare) < f.end
                }
                kinds -= _PLACE_KINDS - found
            start, end = link.start() + value.start, link.start() + value.end
            for kind in sorted(kinds):
                yield PIIFinding(kind, start, end)


# A social handle or a hashtag made of a given name and a surname ("@KieranMaddox_",
# "#BernieQuayle"): read as the words it joins ("Kieran Maddox"), in a copy, so the name rules
# decide as for the name typed plainly (an officer's, an organisation's or a place's stays
# none). Only when its first part is a common given name: "#BinDay" or "@ExampletonCouncil"
# joins no name.
_HANDLE = re.compile(r"(?<![\w@#/.])[@#](?P<handle>(?:[A-Z][a-zà-öø-ÿ']+){2})_?\d{0,4}_?(?![\w@])")
_HANDLE_PART = re.compile(r"[A-Z][a-zà-öø-ÿ']+")


# Or a login joined in camelCase, named as the writer's user name ("my username KieranMaddox",
# "mon identifiant « NadiaTremblay »"): read as the words it joins the same way, with the same
# common given name first (issue 12, after test55: a camelCase login). "my username GardenFan"
# joins no name.
_LOGIN = re.compile(
    r"(?i:\b(?:my|our|mon|notre)\s+(?:user\s?name|login|log-in|user\s+id|sign-in\s+name"
    r"|identifiant|nom\s+d['’]utilisateur|pseudo)(?:\s+(?:is|was|est|c['’]est))?\s*[:=]?\s*"
    r"[\"'«“‘]?\s*)"
    r"(?P<handle>(?:[A-Z][a-zà-öø-ÿ']+){2,4})(?![\w@])"
)


def find_names_in_handles(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Names written as an @-mention, a hashtag or a camelCase login; `finder` reads the copy
    with words."""
    runs = []
    for match in _LOGIN.finditer(text):
        parts = _HANDLE_PART.findall(match.group("handle"))
        if common_given_name(parts[0].lower()):
            runs.append((match.start("handle"), match.end("handle"), " ".join(parts)))
    for match in _HANDLE.finditer(text):
        parts = _HANDLE_PART.findall(match.group("handle"))
        if common_given_name(parts[0].lower()):
            runs.append((match.start(), match.end(), " ".join(parts)))
    if not runs:
        return
    yield from _found_where_replaced(text, runs, finder, frozenset({"name"}))


# Fillers said between the parts of an identifier read out in a voice note ("P W, seven three,
# um, one nine, …", "… quatre-vingt-deux, euh, zéro six …"): glue, not words. The message is
# read again without them, and what is found across a place a filler stood is kept.
_FILLER = re.compile(
    r"(?<![\w'’-])(?:(?i:u+m+|u+h+|e+r+m*|e+u+h+|h+e+u+|h+u+m+|h+m+)|ben|bah)"
    r"(?:\.{2,3}|…)?(?![\w'’-])[ \t]*[,;]?[ \t]*(?=\S)"
)


# A false start in a transcribed voice message: a few number words or digits trailing off
# ("le cinq cent deux... 502 917 384", "the five oh two… 502 …"), then the number said again in
# full: read without the false start, so the label before it reaches the number (test47
# forms). What is found right where a filler or a false start stood counts too.
_NUMBER_WORD = (
    r"(?:z[ée]ro|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
    r"|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille"
    r"|zero|oh|one|two|three|four|five|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|double|triple)"
)
_FALSE_START = re.compile(
    r"(?<![\w'’-])(?:(?i:le|la|the|it['’]?s|c['’]est)[ \t]+)?"
    rf"(?:(?i:{_NUMBER_WORD})(?:[ \t-]+(?i:{_NUMBER_WORD}|et|and)){{0,6}}|\d{{1,4}})"
    r"[ \t]*(?:\.{2,3}|…)[ \t,]*(?=\d)"
)


def find_across_fillers(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Data read across fillers and false starts; `finder` reads the copy without them."""
    runs = [(m.start(), m.end(), "") for m in _FILLER.finditer(text)]
    runs += [
        (m.start(), m.end(), "")
        for m in _FALSE_START.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b, _ in runs)
    ]
    if not runs:
        return
    copy = replace_runs(text, sorted(runs))
    for finding in finder(copy.text):
        if any(finding.start <= at < finding.end for at, _ in copy.spans):
            yield PIIFinding(finding.kind, *copy.original(finding.start, finding.end))


# A passport's or an identity card's machine-readable line ("…GBR7103151F3308224<<<…"): the
# holder's nationality, birth date, sex and expiry date, each date with its 7-3-1 check digit.
# Both checks holding is the document's data, however much of the line is pasted.
_MRZ_DATES = re.compile(
    r"(?<![a-z])[A-Z<]{3}(?P<birth>\d{7})[MFX<](?P<expiry>\d{7})(?=[A-Z0-9<]|$)"
)


def _mrz_check(field: str) -> bool:
    weights = (7, 3, 1)
    total = sum(int(c) * weights[i % 3] for i, c in enumerate(field[:-1]))
    return total % 10 == int(field[-1])


# The same line as a scanner app gives it, its chevrons dropped and its fields spaced apart
# ("6128930472 GBR 8503127 F 3304189 0 8"): the nationality, the birth date with its check,
# the sex and the expiry with its check, each a word of its own; both checks holding, the line
# is the document's data (test50, spent).
_MRZ_DATES_SPACED = re.compile(
    r"(?<![\w<])[A-Z]{3}[ \t]+(?P<birth>\d{7})[ \t]+[MFX][ \t]+(?P<expiry>\d{7})(?![\w<])"
)


def _spaced_machine_readable_lines(text: str) -> Iterator[PIIFinding]:
    for match in _MRZ_DATES_SPACED.finditer(text):
        if _mrz_check(match.group("birth")) and _mrz_check(match.group("expiry")):
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            end = len(text) if end < 0 else end
            while end > match.end() and text[end - 1] in " \t\r":
                end -= 1
            while text[start] in " \t>":
                start += 1
            yield PIIFinding("document_number", start, end)


def find_machine_readable_lines(text: str) -> Iterator[PIIFinding]:
    """An identity document's machine-readable dates, both check digits holding."""
    yield from _spaced_machine_readable_lines(text)
    for match in _MRZ_DATES.finditer(text):
        if _mrz_check(match.group("birth")) and _mrz_check(match.group("expiry")):
            start, end = match.span()
            # The whole run of the line's characters around it.
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "<"):
                start -= 1
            while end < len(text) and (text[end].isalnum() or text[end] == "<"):
                end += 1
            yield PIIFinding("document_number", start, end)


# A word spelt with a spelling alphabet ("L comme Louis, A comme Anatole, …", "D for David, A
# for Alpha, …", "Lima Alfa Charlie …"): the letters joined are the word, read in a copy in
# its place (capitalised, as a name is written), so the name rules decide as for the word
# typed plainly ("my surname is Lacaze"). Three letters at least.
# The spelling alphabet's words (`pii_spoken`'s), and "x-ray" as one word.
_NATO = {**PHONETIC_ALPHABET, "x-ray": "X"}
_SPELT_AS = r"[ \t]+(?i:for|as[ \t]+in|like|comme|c'est)[ \t]+[A-ZÀ-Ý][\w'-]*"
_SPELT_LETTER = rf"(?<![\w'])(?P<letter>[A-Za-z]){_SPELT_AS}"
_SPELT_JOIN = r"[ \t]*[,;/-]?[ \t]*(?:and|et)?[ \t]*"
_SPELT = re.compile(rf"(?<![\w'])[A-Za-z]{_SPELT_AS}(?:{_SPELT_JOIN}[A-Za-z]{_SPELT_AS}){{2,}}")
_SPELT_ONE = re.compile(_SPELT_LETTER)
_NATO_WORD = r"(?i:" + "|".join(sorted(_NATO, key=len, reverse=True)) + r")"
_NATO_RUN = re.compile(rf"(?<![\w-]){_NATO_WORD}(?:[ \t]*[,;/-]?[ \t]*{_NATO_WORD}){{2,}}(?![\w-])")
_NATO_ONE = re.compile(_NATO_WORD)
_NAME_LABEL = re.compile(
    r"(?i:\b(?:(?:sur|first[ \t]+|last[ \t]+|family[ \t]+|given[ \t]+|maiden[ \t]+)?name"
    r"|nom(?:[ \t]+de[ \t]+(?:famille|naissance|jeune[ \t]+fille))?|pr[ée]nom)"
    r"(?:[ \t]+(?:is|est|c'est|spelt|spelled|[ée]pel[ée]))?[ \t]*[:,–—-]?[ \t]*)$"
)


def find_spelt_names(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Names spelt with a spelling alphabet; `finder` reads the copy with the word joined."""
    runs: list[tuple[int, int, str]] = []
    for match in _SPELT.finditer(text):
        letters = "".join(m.group("letter") for m in _SPELT_ONE.finditer(match.group(0)))
        runs.append((match.start(), match.end(), letters.capitalize()))
    for match in _NATO_RUN.finditer(text):
        if any(start < match.end() and match.start() < end for start, end, _ in runs):
            continue
        letters = "".join(_NATO[w.lower()] for w in _NATO_ONE.findall(match.group(0)))
        runs.append((match.start(), match.end(), letters.capitalize()))
    if not runs:
        return
    runs.sort()
    # Spelt right after a name's label ("nom …", "surname: …"): the name itself.
    for start, end, _ in runs:
        if _NAME_LABEL.search(text, max(0, start - 40), start):
            yield PIIFinding("name", start, end)
    yield from _found_where_replaced(text, runs, finder, frozenset({"name", "first_name"}))


# A postcode dictated with a spelling alphabet and its digits said one by one ("E comme Émile,
# X comme Xavier, 6, puis 4, R comme Raoul, …", "S for Sugar, W for William, 1, then …"): the
# letters and digits joined, the space put before the last three, are read in a copy in its
# place, so the postcode rules decide as for the code typed plainly (test47 forms). Two spelt
# letters and one digit at least.
_CODE_JOIN = r"[ \t]*[,;/-]?[ \t]*(?:(?i:and|et|puis|then|ensuite|next|apr[èe]s)[ \t,]+)?"
_CODE_PART = rf"(?:[A-Za-z]{_SPELT_AS}|\d(?![\w,.]\d))"
_SPELT_CODE = re.compile(rf"(?<![\w'])(?:{_CODE_PART})(?:{_CODE_JOIN}{_CODE_PART}){{4,7}}")
_CODE_PART_ONE = re.compile(rf"(?P<letter>[A-Za-z]){_SPELT_AS}|(?P<digit>\d)")


def find_spelt_postcodes(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Postcodes spelt with a spelling alphabet; `finder` reads the copy with the code typed."""
    runs: list[tuple[int, int, str]] = []
    for match in _SPELT_CODE.finditer(text):
        parts = [
            m.group("letter") or m.group("digit") for m in _CODE_PART_ONE.finditer(match.group(0))
        ]
        code = "".join(parts).upper()
        letters = sum(ch.isalpha() for ch in code)
        if letters >= 2 and any(ch.isdigit() for ch in code) and 5 <= len(code) <= 7:
            runs.append((match.start(), match.end(), f"{code[:-3]} {code[-3:]}"))
    if not runs:
        return
    yield from _found_where_replaced(text, runs, finder, frozenset({"postcode"}))


# A postcode dictated in a lower-case spelling alphabet right after its label ("postcode's
# echo x-ray three, nine romeo uniform", "code postal : kilo lima …", as a driver or a
# dispatcher says it): the alphabet's words capitalised in a copy (the same length), so the
# spoken reader reads them as the letters it reads in capitals (test49, spent). Only in the
# label's sentence, with two such words at least; a postcode found there is kept.
_POSTCODE_LABEL = re.compile(
    r"(?i:\b(?:post[ \t]?code|postal[ \t]+code|code[ \t]+postal|zip(?:[ \t]+code)?)"
    r"(?:['’]s|[ \t]+is|[ \t]+c['’]est|[ \t]+est)?[ \t]*[:,–—-]?[ \t]*)"
)
_SAID_REACH = 80
_LOWER_NATO = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_NATO, key=len, reverse=True)) + r")(?![\w-])"
)


def find_postcodes_in_lower_case_alphabet(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Postcodes said in a lower-case spelling alphabet after their label; `finder` reads a
    copy with the alphabet's words capitalised."""
    for label in _POSTCODE_LABEL.finditer(text):
        window = text[label.end() : label.end() + _SAID_REACH]
        stop = re.search(r"[.?!;\n]", window)
        end = label.end() + (stop.start() if stop else len(window))
        words = list(_LOWER_NATO.finditer(text, label.end(), end))
        if len(words) < 2:
            continue
        copy = list(text)
        for word in words:
            copy[word.start()] = copy[word.start()].upper()
            if word.group(0) == "x-ray":
                copy[word.start() + 2] = "R"
        for finding in finder("".join(copy)):
            if finding.kind == "postcode" and label.end() <= finding.start < end:
                yield finding


# A date written wholly in French words ("le premier mars mille neuf cent cinquante-trois", "le
# douze juin deux mille quatre"): read as digits in a copy in its place, so the birth date rules
# decide as for the date typed (one's own, a form's field, beside a name); a relative's birth
# date alone stays none, as typed (test46 forms).
_FR_SMALL = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}  # fmt: skip
_FR_MONTHS = {
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "décembre": 12,
}  # fmt: skip
_FR_NUMBER_WORD = (
    r"(?:" + "|".join(sorted(_FR_SMALL, key=len, reverse=True)) + r"|et|cents?|mille|mil)"
)
_FR_WORDS_DATE = re.compile(
    rf"(?i:\b(?P<day>premier|1er|\d{{1,2}}|{_FR_NUMBER_WORD}(?:[ -]{_FR_NUMBER_WORD}){{0,3}})[ \t]+"
    r"(?P<month>" + "|".join(_FR_MONTHS) + r")[ \t]+"
    rf"(?P<year>(?:mille|mil|dix-neuf|deux)[ -](?:{_FR_NUMBER_WORD}[ -]?){{1,8}}"
    r"|(?:19|20)\d{2}(?!\d|[/.-]\d)))(?![\w-])"
)
# The day or the year may be in digits, the other in words ("le douze janvier 2014", "le 3 mai
# deux mille dix"): read the same way (issue 12, fixer P8, after test60); both in digits, the
# date is already typed.


def _fr_number(words: list[str]) -> int | None:
    """A French number under ten thousand said in words, or None."""
    total, current = 0, 0
    for word in words:
        if word == "et":
            continue
        if word in ("mille", "mil"):
            total += (current or 1) * 1000
            current = 0
        elif word in ("cent", "cents"):
            current = (current or 1) * 100
        elif word == "vingt" and current % 100 == 4:
            current += 76  # quatre-vingt
        elif word in _FR_SMALL:
            current += _FR_SMALL[word]
        else:
            return None
    return total + current


def _fr_year(words: list[str]) -> int | None:
    if words[:2] == ["dix", "neuf"] and len(words) > 2 and words[2] in ("cent", "cents"):
        rest = _fr_number(words[3:]) if words[3:] else 0
        return None if rest is None else 1900 + rest
    return _fr_number(words)


def find_dates_in_french_words(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Birth dates written in French words; `finder` reads the copy with them in digits."""
    runs: list[tuple[int, int, str]] = []
    for match in _FR_WORDS_DATE.finditer(text):
        day_said, year_said = match.group("day").lower(), match.group("year").lower()
        if day_said.isdigit() and year_said.isdigit():
            continue
        day = 1 if day_said in ("premier", "1er") else _fr_number(re.split(r"[ -]+", day_said))
        day = int(day_said) if day_said.isdigit() else day
        year = _fr_year(re.split(r"[ -]+", year_said.strip(" -")))
        year = int(year_said) if year_said.isdigit() else year
        month = _FR_MONTHS[match.group("month").lower()]
        if day is None or year is None or not (1 <= day <= 31 and 1900 <= year <= 2100):
            continue
        runs.append((match.start(), match.end(), f"{day:02d}/{month:02d}/{year}"))
    if not runs:
        return
    yield from _found_where_replaced(text, runs, finder, frozenset({"name_dob_address"}))


# A date written wholly in English words, the day as an ordinal ("the ninth of June nineteen
# sixty-two", "March the third, two thousand and one", "twenty-second November two thousand
# six"): read as digits in a copy in its place, as the French one above, so the birth date rules
# decide as for the date typed (test52, spent). A year in words only ("nineteen oh five",
# "nineteen eighty", "two thousand and six", "twenty twelve"); a public event's date with no
# person beside it stays none, as typed.
# The number words are the spoken-number reader's (`pii_spoken`), one to nine without zero.
_EN_ONES = {word: int(digit) for word, digit in EN_DIGITS.items() if digit != "0"}
_EN_ORDINAL_ONES = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
_EN_ORDINALS = {
    **_EN_ORDINAL_ONES,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
    **{f"twenty-{word}": 20 + day for word, day in _EN_ORDINAL_ONES.items()},
    **{f"twenty {word}": 20 + day for word, day in _EN_ORDINAL_ONES.items()},
    "thirty-first": 31, "thirty first": 31,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_EN_ORDINAL = "(?:" + "|".join(sorted(_EN_ORDINALS, key=len, reverse=True)) + ")"
_EN_MONTH = "(?:" + "|".join(_EN_MONTHS) + ")"
_EN_NUMBER_WORD = (
    "(?:"
    + "|".join(sorted([*_EN_ONES, *EN_TEENS, *EN_TENS], key=len, reverse=True))
    + "|oh|hundred|thousand|and)"
)
_EN_YEAR = rf"(?P<year>(?:nineteen|eighteen|twenty|two)(?:[ -]{_EN_NUMBER_WORD}){{0,4}})"
# The day or the year may be in digits, the other in words ("the 2nd of May nineteen ninety",
# "the fourth of June 2012"): read the same way (issue 12, fixer P8, after test60).
_EN_DAY = rf"(?:{_EN_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))"
_EN_WORDS_DATE = re.compile(
    rf"(?i:\b(?:(?:the[ \t]+)?(?P<day>{_EN_DAY})[ \t]+(?:of[ \t]+)?(?P<month>{_EN_MONTH})"
    rf"|(?P<month2>{_EN_MONTH})[ \t]+(?:the[ \t]+)?(?P<day2>{_EN_DAY}))"
    rf",?[ \t]+(?:{_EN_YEAR}|(?P<digits>(?:19|20)\d{{2}})(?!\d|[/.-]\d)))(?![\w-])"
)


def _en_under_hundred(words: list[str]) -> int | None:
    """An English number under a hundred said in words ("sixty two", "oh five"), or None."""
    if words[:1] == ["oh"] and len(words) == 2 and words[1] in _EN_ONES:
        return _EN_ONES[words[1]]
    if len(words) == 1:
        word = words[0]
        return _EN_ONES.get(word, EN_TEENS.get(word, EN_TENS.get(word)))
    if len(words) == 2 and words[0] in EN_TENS and words[1] in _EN_ONES:
        return EN_TENS[words[0]] + _EN_ONES[words[1]]
    return None


def _en_year(words: list[str]) -> int | None:
    """A year said in English words: "nineteen sixty two", "two thousand and six"."""
    if words[:2] == ["two", "thousand"]:
        rest = [word for word in words[2:] if word != "and"]
        below = _en_under_hundred(rest) if rest else 0
        return None if below is None else 2000 + below
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}.get(words[0])
    if century is None or len(words) < 2:
        return None
    if words[1:] == ["hundred"]:
        return century * 100
    below = _en_under_hundred(words[1:])
    return None if below is None else century * 100 + below


def find_dates_in_english_words(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Birth dates written in English words; `finder` reads the copy with them in digits."""
    runs: list[tuple[int, int, str]] = []
    for match in _EN_WORDS_DATE.finditer(text):
        day_said = (match.group("day") or match.group("day2")).lower()
        month_said = (match.group("month") or match.group("month2")).lower()
        typed = day_said[:1].isdigit()
        if typed and match.group("digits"):
            continue  # typed already
        day = int(day_said[:-2]) if typed else _EN_ORDINALS[re.sub(r"[ \t]+", " ", day_said)]
        year = (
            int(match.group("digits"))
            if match.group("digits")
            else _en_year(re.split(r"[ -]+", match.group("year").lower().strip(" -")))
        )
        if year is None or not 1900 <= year <= 2100:
            continue
        runs.append((match.start(), match.end(), f"{day:02d}/{_EN_MONTHS[month_said]:02d}/{year}"))
    if not runs:
        return
    yield from _found_where_replaced(text, runs, finder, frozenset({"name_dob_address"}))
