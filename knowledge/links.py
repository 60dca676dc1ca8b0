"""Which links from the knowledge base may be shown to a person: http, https, mailto, tel."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")

# What a browser's URL parser does first (WHATWG URL standard, "basic URL parser"): it strips
# leading and trailing C0 controls and spaces and drops every tab and newline, so
# " java\tscript:" is still `javascript:`. We must see the link as the browser will.
_EDGES = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# Entities nest (`&amp;#106;`); a few rounds undo any encoding a page plausibly carries.
_UNESCAPE_ROUNDS = 4


class UnsafeLink(ValueError):
    """A link that may not be shown as a citation, with the reason an operator can act on."""


def checked_link(raw: str, base: str = "") -> str:
    """The link as it may be shown: absolute, in an allowed scheme.

    A relative link is resolved against base (the address the page was read from); without
    a base it cannot be shown, because the browser would resolve it against our own site.
    Raises UnsafeLink naming the reason.
    """
    link = _as_browser_reads(raw)
    if not link:
        raise UnsafeLink("the link is empty")
    scheme = _scheme(link)
    if scheme is None:
        link = _resolved(link, raw, base)
        scheme = _scheme(link) or ""
    if scheme not in ALLOWED_SCHEMES:
        allowed = ", ".join(f"{s}:" for s in ALLOWED_SCHEMES)
        raise UnsafeLink(f"the link {raw!r} uses the scheme {scheme}:, only {allowed} are allowed")
    if scheme in ("http", "https") and not urlsplit(link).hostname:
        raise UnsafeLink(f"the link {raw!r} names no host")
    return link


def _as_browser_reads(raw: str) -> str:
    link = raw
    for _ in range(_UNESCAPE_ROUNDS):
        decoded = html.unescape(link)
        if decoded == link:
            break
        link = decoded
    link = _TAB_OR_NEWLINE.sub("", link).strip(_EDGES)
    if _CONTROL.search(link):
        raise UnsafeLink(f"the link {raw!r} holds control characters")
    return link


def _scheme(link: str) -> str | None:
    match = _SCHEME.match(link)
    return match.group(1).lower() if match else None


def _resolved(link: str, raw: str, base: str) -> str:
    if not base:
        raise UnsafeLink(
            f"the link {raw!r} is relative and the page has no address to resolve it against; "
            "give an absolute https:// address"
        )
    base_link = _as_browser_reads(base)
    if _scheme(base_link) not in ("http", "https"):
        raise UnsafeLink(f"the page's address {base!r} is not an http or https address")
    # A backslash is a slash to the browser for http(s) addresses ("\\evil.example").
    return urljoin(base_link, link.replace("\\", "/"))


@dataclass(frozen=True)
class PageLink:
    """A link a page gives, shown by its own words: a Markdown link's text, or the address as
    the page prints it. `url` has passed `checked_link`."""

    text: str
    url: str


def shown_text(url: str) -> str:
    """How a bare address reads in a sentence: without its scheme and a closing slash."""
    text = re.sub(r"^(?:https?://|mailto:|tel:)", "", url, flags=re.IGNORECASE)
    return text.rstrip("/") or url


def page_link(raw: str, text: str, page_url: str) -> PageLink | None:
    """The link as a page may show it to a citizen, or None.

    Beyond `checked_link`, a web address must be on the page's own host: a page may point
    anywhere, but an answer only sends people to the organisation's own site (a planted
    "official portal" on another host stays text). mailto: and tel: links are kept.
    """
    try:
        link = checked_link(raw, page_url)
    except UnsafeLink:
        return None
    scheme = _scheme(link)
    if scheme in ("http", "https"):
        host = urlsplit(link).hostname
        try:
            home = urlsplit(checked_link(page_url)).hostname if page_url else None
        except UnsafeLink:
            home = None
        if host is None or host != home:
            return None
    return PageLink(text=" ".join(text.split()) or shown_text(link), url=link)
