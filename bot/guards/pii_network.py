"""Addresses a person can be reached or traced by online: disguised e-mails, IPs, own websites.

A citizen who hides an address from spam filters ("jane dot doe at example dot com",
"jane [at] example.com", "jane.doe @ example . com") still gives it away. An IP address
identifies a household's connection, so any public one is personal data; private, loopback
and link-local addresses (a home router's 192.168.1.1) identify no one unless the citizen
says it is their IP. A website counts only when the citizen says it is theirs.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
from collections.abc import Iterator

from bot.guards.pii_contact import ContactPolicy, email_is_public
from bot.guards.pii_names import common_given_name
from bot.guards.verdict import PIIFinding

_AT_SIGN = r"\s{0,3}@\s{0,3}"
_AT_BRACKETED = (
    r"\s{0,3}[\[({<]\s{0,2}(?:at(?:\s(?:sign|symbol))?|arobas|arobase|a commercial|a|@)"
    r"\s{0,2}[\])}>]\s{0,3}"
)
_AT_WORD = r"\s{1,3}(?:at(?:\s(?:sign|symbol))?|arobas|arobase|a commercial)\s{1,3}"
_DOT_PLAIN = r"\s{0,3}\.\s{0,3}"
_DOT_SPELT = (
    r"\s{0,3}[\[({<]\s{0,2}(?:dot|point|full stop|period|\.)\s{0,2}[\])}>]\s{0,3}"
    r"|\s{1,3}(?:dot|point|full stop)\s{1,3}"
)
_DOT = rf"(?:{_DOT_SPELT}|{_DOT_PLAIN})"
_PART = r"[A-Za-z0-9][\w%+-]{0,63}"
_LABEL = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}"
_DISGUISED_EMAIL = re.compile(
    rf"(?<![\w.%+'’-])(?P<local>{_PART}(?:{_DOT}{_PART}){{0,3}})"
    rf"(?P<at>{_AT_BRACKETED}|{_AT_SIGN}|{_AT_WORD})"
    rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{1,4}})(?![\w@])",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(rf"{_DOT_SPELT}|{_DOT_PLAIN}", re.IGNORECASE)
_SPELT = re.compile(rf"{_DOT_SPELT}|{_AT_BRACKETED}", re.IGNORECASE)
_TOP_LEVEL = re.compile(r"[a-z]{2,24}")
# "at" is an ordinary word: with it, the address needs a spelt-out dot or an e-mail cue.
_EMAIL_CUE = re.compile(
    r"\b(?:e-?mail|mail|courriel|adresse|address|reach|contact|write|ecri\w*|écri\w*)\b"
)
_WINDOW = 48

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_IPV6 = re.compile(
    r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])"
)
_IP_CUE = re.compile(r"\b(?:ip|ipv4|ipv6|adresse ip|ip address)\b")
_NOT_IP_CUE = re.compile(
    r"\b(?:version|v|section|article|art|clause|chapter|paragraph|rule|android|ios|windows"
    r"|macos|firmware|build|release|update|app|software|logiciel|mise [àa] jour)\.?\s*$"
)
# An app's or a browser's name and a slash right before the number make it that product's
# version, as a user agent prints it ("ExampletonBins/10.2.113.7", "Exampleton Parking/6.1.0.24"):
# test35 forms. A link's path ("…/ip/203.0.113.5") has a slash before the slash, or a digit.
_PRODUCT_BEFORE = re.compile(r"(?<![/\w])[^\W\d_][\w-]*[^\W\d_]/$")

# Documentation ranges (RFC 5737, RFC 3849) stand for real public addresses in examples,
# though Python counts them as private.
_DOCUMENTATION = tuple(
    ipaddress.ip_network(n)
    for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
)

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']{3,200}", re.IGNORECASE)
_OWN_SITE = re.compile(
    r"\b(?:my|our|mon|ma|notre)\s+(?:personal\s+|own\s+|perso\w*\s+)?(?:web\s?site|site(?: web)?"
    r"|blog|page|profile|profil|facebook|instagram|linkedin|tiktok|x|twitter|youtube|channel"
    r"|cha[iî]ne)\b"
)


# "chez", "au" or "à" for '@' ("lea point martin au exemple point fr"): ordinary words, so
# the address must look like one on both sides: a separator in the name (a dot, spelt or not,
# an underscore or a digit), a dot spelt out in the domain and a common top-level domain.
_WEAK_SEPARATOR = r"(?:\s{1,3}(?:dot|point)\s{1,3}|[._])"
_WEAK_AT_EMAIL = re.compile(
    r"(?<![\w.%+'’-])(?=[^\s@]{0,40}[A-Za-z]{3})(?P<local>[A-Za-z0-9][A-Za-z0-9%+-]{0,63}"
    rf"(?:{_WEAK_SEPARATOR}[A-Za-z0-9][A-Za-z0-9%+-]{{0,63}}){{1,3}}"
    r"|[A-Za-z]{1,40}\d{1,8})"
    r"\s{1,3}(?:chez|au|à)\s{1,3}"
    r"(?P<domain>[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\s{1,3}(?:dot|point)\s{1,3}[A-Za-z0-9-]{2,62}){1,3})"
    r"(?![\w@])",
    re.IGNORECASE,
)
_COMMON_TOP_LEVEL = frozenset("fr com org net ca uk be ch eu io co".split())


def _weak_at_emails(text: str, policy: ContactPolicy) -> Iterator[PIIFinding]:
    for match in _WEAK_AT_EMAIL.finditer(text):
        domain_parts = _SEPARATOR.split(match.group("domain"))
        if domain_parts[-1].lower() not in _COMMON_TOP_LEVEL:
            continue
        local = "".join(_SEPARATOR.split(match.group("local")))
        if not email_is_public(f"{local}@{'.'.join(domain_parts)}", policy):
            yield PIIFinding("email", match.start(), match.end())


def find_disguised_emails(text: str, folded: str, policy: ContactPolicy) -> Iterator[PIIFinding]:
    """E-mail addresses written with spaces, words or brackets for '@' and '.'."""
    for match in _DISGUISED_EMAIL.finditer(text):
        at, whole = match.group("at"), match.group(0)
        if at == "@" and "@" in whole and " " not in whole and not _SPELT.search(whole):
            continue  # a plain address: find_emails has it
        plain = whole.split(maxsplit=1)[0].rstrip(".")
        ends_sentence = re.fullmatch(r"[^@]+@[^@.]+(?:\.[^@.]+)+", plain) is not None
        if at == "@" and ends_sentence and not _SPELT.search(whole):
            # A plain address that ends its sentence ("… @exampleton.example. Is she …"): the
            # full stop and the next word are no part of it (test24 forms); find_emails has it.
            continue
        domain_parts = _SEPARATOR.split(match.group("domain"))
        if not _TOP_LEVEL.fullmatch(domain_parts[-1].lower()):
            continue
        if "@" not in at and not re.search(r"[\[({<]", at):
            before = folded[max(0, match.start() - _WINDOW) : match.start()]
            if not _SPELT.search(whole) and not _EMAIL_CUE.search(before):
                continue
        local = "".join(p for p in _SEPARATOR.split(match.group("local")))
        address = f"{local}@{'.'.join(domain_parts)}"
        if not email_is_public(address, policy):
            yield PIIFinding("email", match.start(), match.end())
    yield from _weak_at_emails(text, policy)


def _ip_is_personal(value: str, cue: bool) -> bool:
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return False
    if any(address in network for network in _DOCUMENTATION if address.version == network.version):
        return True
    if address.is_unspecified or address.is_loopback or address.is_multicast:
        return cue
    return cue or not (address.is_link_local or address.is_private)


def find_ip_addresses(text: str, folded: str) -> Iterator[PIIFinding]:
    """IPv4 and IPv6 addresses that can identify a connection."""
    for start, end, value in (*_ipv4s(text), *_ipv6s(text)):
        before = folded[max(0, start - _WINDOW) : start]
        if _NOT_IP_CUE.search(before):
            continue
        cue = _IP_CUE.search(before) is not None
        if not cue and _PRODUCT_BEFORE.search(before):
            continue
        if _ip_is_personal(value, cue):
            yield PIIFinding("ip_address", start, end)
    yield from _mac_addresses(text, folded)


# A device's hardware (MAC) address: six pairs of hex digits joined by ':' or '-', or three
# groups of four joined by '.', named as a MAC, physical, Wi-Fi or Bluetooth address or said
# of a router, a box or a device near it: it identifies the writer's device as an IP address
# identifies a connection, so it counts as one (test53, spent). A time (12:30:45), a colour
# (#1A2B3C), a hash, a version or a serial number has neither the shape nor the cue.
_MAC = re.compile(
    r"(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)"
)
_MAC_CUE = re.compile(
    r"\b(?:mac|adresse\s+mac|physical|physique|hardware|mat[ée]rielle?|wi-?fi|wlan|bluetooth"
    r"|ethernet|router|routeur|box|modem|device|appareil|p[ée]riph[ée]rique|console|laptop"
    r"|ordinateur|portable|tablet|tablette|printer|imprimante|phone|t[ée]l[ée]phone|network"
    r"|r[ée]seau|carte|card|adapter|adaptateur)\b"
)
_MAC_WINDOW_AFTER = 40


def _mac_addresses(text: str, folded: str) -> Iterator[PIIFinding]:
    for match in _MAC.finditer(text):
        start, end = match.span()
        if match.group(1) != ":" and not any(ch.isalpha() for ch in match.group(0)):
            continue  # six pairs of digits with dashes: a reference or a code, not a MAC
        near = folded[max(0, start - _WINDOW) : start] + " " + folded[end : end + _MAC_WINDOW_AFTER]
        if _MAC_CUE.search(near):
            yield PIIFinding("ip_address", start, end)


# An IPv4 address as OCR reads it from a screenshot, O or o for 0 and l or I for 1 ("9O.l47.22.6"),
# as phone digits are already read (test52, spent): four dotted groups of digits and those
# letters, at least one letter and mostly digits, read as the address typed with the same cues;
# a version or a section ("version l.O.2.4") stays none, as typed.
_OCR_IPV4 = re.compile(r"(?<![\w.])(?:[\dOolI]{1,3}\.){3}[\dOolI]{1,3}(?![\w]|\.[\dOolI])")
_OCR_DIGITS = str.maketrans("OolI", "0011")


def _ocr_ipv4s(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _OCR_IPV4.finditer(text):
        raw = match.group(0)
        letters = sum(1 for ch in raw if ch in "OolI")
        digits = sum(1 for ch in raw if ch.isdigit())
        if letters and digits >= 4 and letters <= 3:
            yield match.start(), match.end(), raw.translate(_OCR_DIGITS)


def _ipv4s(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _IPV4.finditer(text):
        yield match.start(), match.end(), match.group(0)
    yield from _ocr_ipv4s(text)


def _ipv6s(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _IPV6.finditer(text):
        if match.group(0).count(":") >= 2:
            yield match.start(), match.end(), match.group(0)


def find_own_websites(text: str, folded: str) -> Iterator[PIIFinding]:
    """A web address the citizen says is their own site or profile."""
    for match in _URL.finditer(text):
        before = folded[max(0, match.start() - _WINDOW) : match.start()]
        if _OWN_SITE.search(before):
            yield PIIFinding("web_address", match.start(), match.end())


# A link to one's account page holds its holder's name as the path segment after the account
# one ("…/fr/compte/loic-example/reservations", "…/users/ann_example/"): test24 forms.
_LINK = re.compile(
    r"(?:\b(?:https?://|www\.)|(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)+/)[^\s<>\"'«»]{3,300}",
    re.IGNORECASE,
)
_ACCOUNT_SEGMENT = frozenset(
    "account accounts my-account myaccount compte comptes mon-compte moncompte profile profiles"
    " profil profils user users utilisateur utilisateurs member members membre membres people"
    " person personne personnes resident residents citizen usager usagers u".split()
)
_SLUG_PART = re.compile(r"[a-zà-ÿ]{2,30}")
# Words of an account's pages, not of a name ("account/settings-notifications").
_PAGE_WORDS = frozenset(
    "settings setting notifications notification preferences bookings booking reservations"
    " reservation dashboard edit details detail password security history payments payment"
    " permits permit messages message documents document new create sign login logout register"
    " my mes mon ma me info information home overview profile profil compte account parametres"
    " tableau bord mot passe paiements demandes demande historique courriers contact address"
    " adresse delete supprimer update modifier view voir list liste".split()
)
# The writer saying their name shows in the link ("why is my name in the address?", "mon nom
# s'affiche dans le lien"): the account segment's slug is that name, given name known or not.
_NAME_SHOWN = re.compile(
    r"(?i:\b(?:my|our)\s+(?:full\s+)?(?:name|surname)\b|\b(?:mon|notre)\s+(?:nom|pr[ée]nom)\b)"
)


_CAPITALISED_SLUG = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[-_.][A-ZÀ-Þ][a-zà-ÿ]+){1,3}")


def find_names_in_links(text: str) -> Iterator[PIIFinding]:
    """A first name and a surname as the path segment after an account or profile segment."""
    named = _NAME_SHOWN.search(text) is not None
    for match in _LINK.finditer(text):
        link = match.group(0)
        path = link.split("?", 1)[0].split("#", 1)[0]
        offset = match.start()
        segments = list(re.finditer(r"[^/]+", path))
        for previous, segment in itertools.pairwise(segments):
            after_account = previous.group(0).lower() in _ACCOUNT_SEGMENT
            # Elsewhere in the path ("…/suivi/Prenom-Nom/dossier"), a segment is a name when
            # the writer says their name shows, it is capitalised as a name (slugs are lower
            # case) and it starts with a given name (test40 forms).
            if not after_account and not (named and _CAPITALISED_SLUG.fullmatch(segment.group(0))):
                continue
            parts = re.split(r"[-_.]", segment.group(0).lower())
            if not 2 <= len(parts) <= 4 or not all(_SLUG_PART.fullmatch(p) for p in parts):
                continue
            if any(part in _PAGE_WORDS for part in parts):
                continue
            if common_given_name(parts[0]) or (named and after_account):
                yield PIIFinding("name", offset + segment.start(), offset + segment.end())


# An account's number as the path segment after the account one ("…/compte/318204775/…",
# "…/account/51820473/direct-debit"): the holder's account, as a bill's link prints it (test35
# forms). Six digits at least, so a year or a page's number stays a page's.
_ACCOUNT_NUMBER_SEGMENT = re.compile(r"[A-Za-z]{0,3}\d{6,20}")


def find_account_numbers_in_links(text: str) -> Iterator[PIIFinding]:
    """A number as the path segment after an account or profile segment."""
    for match in _LINK.finditer(text):
        path = match.group(0).split("?", 1)[0].split("#", 1)[0]
        segments = list(re.finditer(r"[^/]+", path))
        for previous, segment in itertools.pairwise(segments):
            if previous.group(0).lower() not in _ACCOUNT_SEGMENT:
                continue
            if _ACCOUNT_NUMBER_SEGMENT.fullmatch(segment.group(0)):
                start = match.start() + segment.start()
                yield PIIFinding("account_number", start, match.start() + segment.end())
