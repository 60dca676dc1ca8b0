"""Directions to a site that imitates the organisation's own: a planted sentence (issue 14).

A planted sentence can send residents to pay, apply or send their details to a look-alike site
("PCN fines can now only be paid at www.exampleton-pcn-pay.example"): it names no machine and
reads like the council's own words. What gives it away is the destination: a domain that borrows
the organisation's name ("exampleton") but is not one of its domains.

The organisation's own domains are derived, never guessed from the sentence: the hosts of the
pages' own addresses (each page's `url`, where the knowledge base was read from) and the
domains an operator lists in settings (`OPENCOUNTER_TRUSTED_DOMAINS`, read by the app and by
`opencounter ingest`). Their names ("exampleton" of www.exampleton.example) are what a
look-alike borrows: a host that holds one, or a word one letter away from it, and is neither an
own domain nor under one, is a look-alike.

Flagged only in a directive: the sentence tells the reader to pay, apply, book, buy, send or
register there ("pay at", "apply only at", "send it to arrears@…"), in the corpus's languages.
A warning that quotes the bad site ("Beware of exampleton-permits.example: it is not ours") is
for people and stays, as does a site that borrows nothing (gov.uk, a charity), which this kind
does not judge. With no own domain known (no page address, nothing in settings), nothing is
flagged.

Written for this project; no code is copied from elsewhere.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from knowledge.contact_points import Destination, destinations, host_key

# A host as pages print it: after "https://", "www." or "@", or bare with a dot and a final label
# of letters ("exampleton-pay.example", "pay.council.co.uk"); never a number ("8.30", "£9.50").
_HOST = re.compile(
    r"(?<![\w.-])(?:https?://|[\w.+-]+@)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"[a-z][a-z-]{0,22}[a-z])(?![\w-])",
    re.IGNORECASE,
)
# A dot between a letter or digit and two letters: the cheap test before _HOST.
_DOTTED = re.compile(r"[^\W_]\.[^\W\d_]{2}")
# Labels that say nothing of who owns a domain.
_GENERIC_LABELS = frozenset(
    "www com org net gov gouv co uk fr de es it pt nl pl eu info example service services "
    "public online city council mairie ville".split()
)
_MIN_NAME = 5
# Telling the reader to pay, apply, book, buy, send or register (and the nouns: "payment is
# only accepted at"), in the corpus's languages, as word starts.
_DIRECTIVE = re.compile(
    r"\b(?:pa(?:y|ys|id|ying|yment\w*)|apply|appli(?:es|ed|cation\w*)|book\w*|buy\w*|bought|"
    r"purchas\w*|renew\w*|regist\w*|send\w*|sent|e-?mail\w*|submit\w*|upload\w*|order\w*|"
    r"sign\s+up|log\s+in|donat\w*|top\s+up|sold|sells?|accepted|available|"
    r"pa(?:i|y)\w*|r[éè]gl\w*|demand\w*|inscri\w*|réserv\w*|envo\w*|achet\w*|commande\w*|"
    r"pag(?!e\b|es\b|in\w*)\w*|solicit\w*|reserv\w*|env[ií]\w*|compr(?:a|e|o|as|an|ar|ad[oa]s?)\b|"
    r"comprat\w*|tramit\w*|"
    r"richied\w*|domand\w*|prenot\w*|invi\w*|acquist\w*|iscriv\w*|"
    r"pedi\w*|preench\w*|inscrev\w*|"
    r"zahl\w*|bezahl\w*|beantrag\w*|antrag\w*|buch\w*|schick\w*|kauf\w*|anmeld\w*|überweis\w*|"
    r"betaal\w*|betal\w*|aanvra\w*|boek\w*|stuur\w*|koop\w*|"
    r"płac\w*|zapłac\w*|opłat\w*|wnios\w*|złoż\w*|wyśl\w*|kup\w*|"
    r"plat[aă]\w*|plăt\w*|cumpăr\w*|cerer\w*|trimit\w*|"
    r"talu|dalu|archeb\w*|anfon\w*|"
    r"öde\w*|ödeme\w*|başvur\w*|gönder\w*|"
    r"πληρω\w*|πληρώ\w*|αίτησ\w*|κράτησ\w*|στείλ\w*)\b|"
    r"ادائیگی|ادا\s+کر|دفع|الدفع|سداد|تقديم|支付|付款|缴费|申请|预约|提交|发送",
    re.IGNORECASE,
)
# A warning, not a direction: the sentence says the site is fake, not ours, a scam.
_WARNING = re.compile(
    r"\b(?:never|not|don['’]t|beware|avoid|scam\w*|fraud\w*|fake|bogus|copycat|copies\s+(?:our|the)|"
    r"look-?alike|imitat\w*|phishing|unofficial|suspicious|"
    r"jamais|pas|méfi\w*|arnaque\w*|frauduleu\w*|faux|fausse|escroqu\w*|"
    r"nunca|cuidado|estafa\w*|fals[oa]s?|fraudulent\w*|"
    r"mai|attenzione|truff\w*|"
    r"não|cuidado|golpe\w*|"
    r"nie|nigdy|uwaga|oszu\w*|fałszyw\w*|"
    r"vorsicht|niemals|nicht|kein\w*|gefälscht\w*|betrug\w*|"
    r"nooit|niet|geen|nep|oplicht\w*|"
    r"nu|niciodată|înșel\w*|"
    r"asla|sahte|dolandırıc\w*|"
    r"ποτέ|δεν|μην|απάτη|ψεύτικ\w*)\b|"
    r"خبردار|جعلی|احتيال|مزيف|诈骗|假冒|不要",
    re.IGNORECASE,
)


def trusted_domains(setting: str) -> tuple[str, ...]:
    """The domains of a setting written with spaces or commas between them ("exampleton.example,
    pay.exampleton-partner.example"), in the form `own_destinations` compares."""
    return tuple(d for d in (_plain_host(part) for part in re.split(r"[\s,]+", setting)) if d)


def _plain_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if "//" in host:
        host = urlsplit(host).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _names(domain: str) -> set[str]:
    """The labels of a domain that say who owns it: "exampleton" of "exampleton.example",
    "service-public" of "service-public.fr" (and its parts)."""
    names: set[str] = set()
    for label in domain.split("."):
        for part in {label, *label.split("-")}:
            if len(part) >= _MIN_NAME and part not in _GENERIC_LABELS:
                names.add(part)
    return names


@dataclass(frozen=True)
class OwnDestinations:
    """The organisation's own domains (lower case, no "www."), the names a look-alike borrows
    from them, and the destinations it publishes (`published_destinations`): phone numbers by
    `contact_points.phone_key`, e-mail addresses, web hosts, bank accounts (IBAN) and messaging
    apps printed on two pages or more, or set by the operator."""

    domains: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    # The two halves of each name: a name with one letter changed keeps one of them.
    halves: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    # Blocks of fixed lines (a number without its last three digits) printed on two pages or
    # more: an organisation numbers its lines in a block of its own, so a number in one reaches
    # it (mobile numbers have no block).
    blocks: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()
    accounts: frozenset[str] = frozenset()
    apps: frozenset[str] = frozenset()
    # Parent domains of three published hosts or more ("gouv.fr" of impots.gouv.fr,
    # ants.gouv.fr …): a family of sites the organisation sends people to, none of which a
    # stranger can register (registrars' second levels such as co.uk are never one).
    families: frozenset[str] = frozenset()
    # Whether the published destinations were collected (else `planted_unpublished` judges
    # nothing: an empty set would make every number unpublished).
    collected: bool = False

    @property
    def fingerprint(self) -> str:
        """A short digest of the domains and published destinations: a change means pages must
        be checked again."""
        parts = [sorted(self.domains)]
        if self.collected:
            sets = (self.phones, self.blocks, self.emails, self.hosts, self.accounts)
            parts += [sorted(s) for s in sets]
            parts += [sorted(self.apps), sorted(self.families)]
        joined = "|".join(",".join(part) for part in parts)
        return hashlib.sha256(joined.encode()).hexdigest()[:12] if joined.strip("|") else ""

    @property
    def knows_destinations(self) -> bool:
        return self.collected

    def is_own(self, host: str) -> bool:
        host = _plain_host(host)
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def imitated(self, host: str) -> bool:
        """Whether the host borrows an own name and is not an own domain."""
        host = _plain_host(host)
        if not self.names or self.is_own(host):
            return False
        words = set(re.split(r"[.-]", host))
        if any(name in host for name in self.names):
            return True
        return any(_one_apart(word, name) for word in words for name in self.names)

    def publishes(self, destination: Destination) -> bool:
        """Whether the organisation publishes the destination: printed on two pages or more, set
        by the operator, or (a host, an e-mail address) at one of its own domains or, for an
        e-mail address, at a published web host."""
        key = destination.key
        if destination.kind == "phone":
            return key in self.phones or (
                bool(destination.block) and destination.block in self.blocks
            )
        if destination.kind == "account":
            return key in self.accounts
        if destination.kind == "app":
            return key in self.apps
        if destination.kind == "email":
            domain = key.rsplit("@", 1)[-1]
            return key in self.emails or self.is_own(domain) or self._published_host(domain)
        return self.is_own(key) or self._published_host(key)

    def _published_host(self, host: str) -> bool:
        """The host, or a domain it is under, is published; or it is under a family."""
        labels = host.split(".")
        suffixes = [".".join(labels[i:]) for i in range(len(labels))]
        return any(s in self.hosts for s in suffixes) or any(
            s in self.families for s in suffixes[1:]
        )


NONE = OwnDestinations()


def own_destinations(page_urls: Iterable[str], trusted: Iterable[str] = ()) -> OwnDestinations:
    """The organisation's own domains: the hosts of its pages' addresses and the trusted ones."""
    domains = {_plain_host(d) for d in trusted}
    for url in page_urls:
        if url.startswith(("http://", "https://")):
            domains.add(_plain_host(urlsplit(url).hostname or ""))
    domains.discard("")
    names = {name for domain in domains for name in _names(domain)}
    halves = {half for n in names for half in (n[: len(n) // 2], n[len(n) // 2 :])}
    return OwnDestinations(frozenset(domains), frozenset(names), frozenset(halves))


def published_destinations(
    pages: Iterable[tuple[str, str]], trusted: Iterable[str] = (), contacts: Iterable[str] = ()
) -> OwnDestinations:
    """The own domains of `own_destinations`, and what the organisation publishes: each
    destination printed on two pages or more of pages ((url, text) of each page), the hosts of
    the pages' addresses, and every destination in contacts (the organisation's contact
    settings: its phone, e-mail and web addresses, as printed).

    A destination printed on one page only is not published: a planted page prints its own."""
    pages = list(pages)
    own = own_destinations([url for url, _ in pages], trusted)
    seen: dict[tuple[str, str], int] = {}
    for _, text in pages:
        found = list(destinations(text))
        marks = {(d.kind, d.key) for d in found} | {("block", d.block) for d in found if d.block}
        for mark in marks:
            seen[mark] = seen.get(mark, 0) + 1
    published = {mark for mark, count in seen.items() if count >= 2}
    for contact in contacts:
        found = list(destinations(contact))
        published |= {(d.kind, d.key) for d in found} | {
            ("block", d.block) for d in found if d.block
        }
    kinds = ("phone", "block", "email", "host", "account", "app")
    by_kind: dict[str, set[str]] = {k: set() for k in kinds}
    for kind, key in published:
        by_kind[kind].add(key)
    by_kind["host"] |= {host_key(d) for d in own.domains}
    return replace(
        own,
        families=_families(by_kind["host"]),
        phones=frozenset(by_kind["phone"]),
        blocks=frozenset(by_kind["block"]),
        emails=frozenset(by_kind["email"]),
        hosts=frozenset(by_kind["host"]),
        accounts=frozenset(by_kind["account"]),
        apps=frozenset(by_kind["app"]),
        collected=True,
    )


# Second levels anyone can register under: a family is never one of them.
_OPEN_SECOND_LEVELS = frozenset(
    "co com org net ac ltd plc me nom asso or ne info biz gen firm ind".split()
)
_FAMILY_SIZE = 3


def _families(hosts: set[str]) -> frozenset[str]:
    under: dict[str, set[str]] = {}
    for host in hosts:
        labels = host.split(".")
        if len(labels) >= 3:
            under.setdefault(".".join(labels[1:]), set()).add(host)
    return frozenset(
        parent
        for parent, members in under.items()
        if len(members) >= _FAMILY_SIZE
        and parent.split(".")[0] not in _OPEN_SECOND_LEVELS
        and "." in parent
    )


def _one_apart(word: str, name: str) -> bool:
    """One letter changed, added or left out ("examp1eton", "exampletown", "exampelton" is two)."""
    if word == name or abs(len(word) - len(name)) > 1 or len(name) < 6:
        return False
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name, strict=True)) == 1
    short, long = (word, name) if len(word) < len(name) else (name, word)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def may_hold_destination(text: str, own: OwnDestinations) -> bool:
    """Whether the text names a host that imitates an own domain (cheap tests first: own names
    are known, half of one is in the text, and it has a dot between letters)."""
    if not own.names:
        return False
    lowered = text.lower()
    if not any(half in lowered for half in own.halves) or _DOTTED.search(text) is None:
        return False
    return any(own.imitated(host.group(1)) for host in _HOST.finditer(text))


def destination_kind(sentence: str, own: OwnDestinations) -> str | None:
    """ "direction to a look-alike site" when the sentence tells the reader to pay, apply or send
    something to a host that imitates the organisation's own; else None."""
    if not own.names:
        return None
    for host in _HOST.finditer(sentence):
        if not own.imitated(host.group(1)):
            continue
        if _WARNING.search(sentence) is not None:
            return None
        if _DIRECTIVE.search(sentence, 0, host.start()) is not None:
            return "direction to a look-alike site"
    return None
