"""Where a text sends people: the phone numbers, e-mail addresses, web hosts, bank accounts and
messaging apps it prints, each with a key that compares printings of the same destination.

Used twice (issue 14): over every page at ingest, to learn which destinations the organisation
publishes (`planted_destinations.published_destinations`), and on one sentence, to tell whether
it sends residents somewhere the organisation does not publish (`planted_unpublished.py`).

A phone number is a run of 8 to 15 digits with spaces, dots, dashes or brackets between them
that starts with "+", "00" or "0" (national and international forms), or has 10 digits or more;
it is keyed by its last nine digits, so "+44 (0)20 7946 0000", "020 7946 0000" and
"02079460000" are one number. Shorter numbers (999, 101, 3939, a 5-digit SMS short code) are
national or shared services, not judged. A bank account is an IBAN. A messaging app is named as
a channel ("on WhatsApp", "via Telegram", "par Signal"); "signal" and "line" as ordinary words
are not.

Written for this project; no code is copied from elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

_PHONE = re.compile(r"(?<![\w+/.,:])(?:\+|00)?\(?\d[\d ().-]{6,24}\d(?![\w/])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24})(?![\w@-])")
# A host as pages print it: after "https://" or "www.", or bare with a dot and a final label of
# letters ("exampleton-pay.example", "pay.council.co.uk"); never a number ("8.30", "£9.50").
HOST = re.compile(
    r"(?<![\w.@-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"[a-z][a-z-]{0,22}[a-z])(?![\w-])",
    re.IGNORECASE,
)
# Final labels a bare word.word is not a host with ("e.g", "i.e", "fig.2", "art.L"): a host
# printed bare needs a known kind of final label or "www."; with a scheme anything goes.
_BARE_ENDINGS = frozenset(
    """com org net gov edu int info biz io eu uk fr de es it pt nl pl ro be ch at ie lu dk se no
    fi gr tr cn jp kr ca us au nz in ma dz tn sn ci cm re gp mq gf yt nc pf wf pm app online
    site web page link example test invalid localhost cymru wales scot london paris""".split()
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
# A messaging app named as a channel. The unambiguous names anywhere; Signal, Line and Messenger
# only after a word that makes them a channel ("on", "via", "par", "über" …) or before "app".
_APPS = re.compile(
    r"\b(?P<app>whats\s?app|telegram|viber|kakao\s?talk|wechat|weixin|threema|snapchat)\b|(?P<cjk>微信|カカオトーク)|"
    r"(?:\b(?:on|via|by|through|over|using|sur|par|via|por|per|tramite|über|per|op|przez|prin|"
    r"pe|ar|μέσω|στο)\s+)(?P<channel>Signal|LINE|Line|Messenger|Facebook\s+Messenger)\b|"
    r"\b(?P<named>Signal|LINE|Messenger)\s+(?:app|application|aplicación|applicazione)\b",
    re.IGNORECASE,
)
_PATH = re.compile(r"[/?#][^\s)\]>\"'”]*")
# Eight digits with at most two of " ().+-" between each ("+44 (0)20 7946 0000").
_DIGIT_RUN = re.compile(r"\d(?:[ ().+-]{0,2}\d){7}")
# What every app name holds, tried before _APPS.
_APP_WORDS = (
    "whats", "telegram", "viber", "kakao", "wechat", "weixin", "threema", "snapchat", "signal",
    "line", "messenger", "微信", "カカオ",
)  # fmt: skip
_DOTTED = re.compile(r"[^\W_]\.[^\W\d_]{2}")
_CASED_CHANNELS = ("Signal", "LINE", "Line", "Messenger", "Facebook Messenger")


@dataclass(frozen=True)
class Destination:
    """One place a text sends people: its kind ("phone", "email", "host", "account", "app"), its
    key (what two printings of it share) and where it is in the text."""

    kind: str
    key: str
    start: int
    end: int
    # A fixed-line number's block (its key without the last three digits): an organisation's
    # lines are numbered in blocks of its own; mobile numbers have none.
    block: str = ""


def phone_key(raw: str) -> str | None:
    """The last nine digits of a phone number as printed, or None when it is no phone number."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if not 8 <= len(digits) <= 15:
        return None
    stripped = raw.lstrip("(")
    if not (stripped.startswith(("+", "0")) or len(digits) >= 10):
        return None
    return digits[-9:]


def _mobile(raw: str) -> bool:
    """A UK (07) or French (06, 07) mobile number, in national or international form."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if raw.lstrip("(").startswith("+") or digits.startswith("00"):
        digits = digits.removeprefix("00")
        for code in ("44", "33"):
            if digits.startswith(code):
                digits = "0" + digits[len(code) :].removeprefix("0")
    return digits.startswith(("07", "06"))


def host_key(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if "//" in host:
        host = urlsplit(host).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _is_host(text: str, match: re.Match[str]) -> bool:
    host = match.group(1).lower()
    if match.group(0).lower().startswith(("http://", "https://")) or host.startswith("www."):
        return True
    return host.rsplit(".", 1)[-1] in _BARE_ENDINGS


def may_hold_destination(text: str) -> bool:
    """A cheap test before `destinations`: an "@", a run of 8 digits, a dot between letters or a
    messaging app's name."""
    return (
        "@" in text
        or _digit_run(text)
        or ("." in text and _DOTTED.search(text) is not None)
        or _may_name_app(text)
    )


def _digit_run(text: str) -> bool:
    return _DIGIT_RUN.search(text) is not None


def _may_name_app(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _APP_WORDS) and _APPS.search(text) is not None


def destinations(text: str) -> Iterator[Destination]:
    """The destinations the text prints, in no fixed order."""
    emails: list[tuple[int, int]] = []
    if "@" in text:
        for match in _EMAIL.finditer(text):
            emails.append(match.span())
            yield Destination("email", match.group(0).lower().rstrip("."), *match.span())
    if "." in text:
        for match in HOST.finditer(text):
            if any(s <= match.start() < e for s, e in emails) or not _is_host(text, match):
                continue
            # The address's path goes with it ("/pay-leave/…" is no request to pay there).
            path = _PATH.match(text, match.end())
            end = path.end() if path is not None else match.end()
            yield Destination("host", host_key(match.group(1)), match.start(), end)
    if _digit_run(text):
        accounts = [m for m in _IBAN.finditer(text)]
        for match in accounts:
            yield Destination("account", match.group(0).replace(" ", ""), *match.span())
        for match in _PHONE.finditer(text):
            key = phone_key(match.group(0))
            inside = any(a.start() <= match.start() < a.end() for a in accounts)
            if key is not None and not inside:
                block = "" if _mobile(match.group(0)) else key[:-3]
                yield Destination("phone", key, *match.span(), block)
    for match in _APPS.finditer(text) if _may_name_app(text) else ():
        name = match.group("app") or match.group("cjk") or match.group("channel")
        name = name or match.group("named")
        if match.group("channel") and match.group("channel") not in _CASED_CHANNELS:
            continue
        if match.group("named") and not match.group("named")[0].isupper():
            continue
        yield Destination("app", _app_key(name), *match.span())


def _app_key(name: str) -> str:
    key = re.sub(r"\s+", "", name.lower())
    return {"微信": "wechat", "weixin": "wechat", "カカオトーク": "kakaotalk"}.get(key, key)
