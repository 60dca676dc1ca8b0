"""Links in answers: removed from what a writer produces, replaced by tokens in passage text.

A model that writes a URL may have made it up or copied one planted in a document (a phishing
"official portal"), so no address a writer writes is ever shown. A passage's own links reach the
writer as tokens ("[link 1.2]"); the page shows each token as the link's own words, from the
passage (`tokenize_links`), so "Register online at [link 1.1]." loses no words.
"""

from __future__ import annotations

import re

from knowledge.links import PageLink, page_link

# Markdown images go entirely (alt text included): rendering one fetches the URL, which is how
# planted "status pixel" images exfiltrate a conversation.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# Markdown links keep their visible text and lose the target.
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.IGNORECASE)
_BARE_URL = re.compile(
    r"\b(?:(?:https?|ftp|file|javascript|data|vbscript):|www\.)[^\s<>\"'\[\]]*",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?"


def strip_links(text: str) -> tuple[str, int]:
    """The text without URLs, and how many were removed."""
    removed = 0

    def count(replacement: str) -> str:
        nonlocal removed
        removed += 1
        return replacement

    text = _MARKDOWN_IMAGE.sub(lambda match: count(""), text)
    text = _MARKDOWN_LINK.sub(lambda match: count(match.group(1)), text)
    text = _AUTOLINK.sub(lambda match: count(""), text)

    def bare(match: re.Match[str]) -> str:
        url = _without_trailing_punctuation(match.group(0))
        kept = match.group(0)[len(url) :]
        return count(kept)

    text = _BARE_URL.sub(bare, text)
    if removed:
        # Tidy the gaps a removed link leaves ("at  ." -> "at.").
        text = re.sub(r"[ \t]{2,}", " ", text)
        text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text)
    return text, removed


# How an answer refers to a link of a passage: "[link 2.1]" is passage 2's first link. Writers
# never copy an address; the page shows the link's own words in its place (web/http/kb_links.py).
LINK_TOKEN = re.compile(r"\[link (\d{1,3})\.(\d{1,3})\]")
# Stands where a bare address was that may not be shown: a sentence holding it is missing words.
UNSHOWN_LINK = "\x00"


def link_token(passage: int, link: int) -> str:
    return f"[link {passage}.{link}]"


def tokenize_links(text: str, page_url: str, passage: int) -> tuple[str, tuple[PageLink, ...]]:
    """Passage text with each link it may show replaced by a token, and those links in order.

    A Markdown link that may not be shown keeps its words; a bare address that may not be shown
    becomes UNSHOWN_LINK, so a writer can leave its sentence out rather than quote it broken.
    Images go, as in `strip_links`.
    """
    links: list[PageLink] = []

    def token(raw: str, words: str) -> str | None:
        link = page_link(raw, words, page_url)
        if link is None:
            return None
        if link not in links:
            links.append(link)
        return link_token(passage, links.index(link) + 1)

    # A page that already holds something shaped like a token cannot forge one.
    text = LINK_TOKEN.sub(lambda m: f"(link {m.group(1)}.{m.group(2)})", text)
    text = _MARKDOWN_IMAGE.sub("", text)
    text = _MARKDOWN_LINK.sub(lambda m: token(_target(m.group(0)), m.group(1)) or m.group(1), text)
    text = _AUTOLINK.sub(lambda m: token(m.group(0)[1:-1], "") or UNSHOWN_LINK, text)

    def bare(match: re.Match[str]) -> str:
        url = _without_trailing_punctuation(match.group(0))
        kept = match.group(0)[len(url) :]
        address = f"https://{url}" if url.lower().startswith("www.") else url
        return (token(address, "") or UNSHOWN_LINK) + kept

    text = _BARE_URL.sub(bare, text)
    # Numbered in reading order, whichever kind of link each was.
    order: list[int] = []
    for match in LINK_TOKEN.finditer(text):
        if int(match.group(2)) not in order:
            order.append(int(match.group(2)))
    text = LINK_TOKEN.sub(lambda m: link_token(passage, order.index(int(m.group(2))) + 1), text)
    return text, tuple(links[k - 1] for k in order)


def _target(markdown_link: str) -> str:
    """The address of "[words](address "title")"."""
    inside = markdown_link[markdown_link.rindex("](") + 2 : -1].strip()
    return inside.split()[0] if inside else ""


def _without_trailing_punctuation(url: str) -> str:
    # Sentence punctuation, and a closing parenthesis the URL did not open, are not the URL's.
    while True:
        trimmed = url.rstrip(_TRAILING_PUNCTUATION)
        if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[:-1]
        if trimmed == url:
            return url
        url = trimmed
