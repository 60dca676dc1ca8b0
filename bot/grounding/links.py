"""Removing links from model output and from passage text: links come only from passage metadata.

A model that writes a URL may have made it up or copied one planted in a document (a phishing
"official portal"); the answer shows the cited passages' own `url` instead.
"""

from __future__ import annotations

import re

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
        url = match.group(0)
        # Sentence punctuation, and a closing parenthesis the URL did not open, stay in the text.
        while True:
            trimmed = url.rstrip(_TRAILING_PUNCTUATION)
            if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
                trimmed = trimmed[:-1]
            if trimmed == url:
                break
            url = trimmed
        kept = match.group(0)[len(url) :]
        return count(kept)

    text = _BARE_URL.sub(bare, text)
    if removed:
        # Tidy the gaps a removed link leaves ("at  ." -> "at.").
        text = re.sub(r"[ \t]{2,}", " ", text)
        text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text)
    return text, removed
