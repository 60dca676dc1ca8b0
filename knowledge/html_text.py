"""Extract the main text of an HTML page as Markdown (trafilatura adapter)."""

from __future__ import annotations

import re

import trafilatura
from trafilatura.metadata import extract_metadata

from knowledge.documents import UnreadableDocument
from knowledge.page_text import PageText

_HTML_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def extract_html(raw: bytes, url: str = "") -> PageText:
    """Main content without menus and footers; title, canonical URL and `lang` when present."""
    text = raw.decode("utf-8", errors="replace")
    body = trafilatura.extract(
        text,
        url=url or None,
        output_format="markdown",
        include_tables=True,
        include_comments=False,
        favor_recall=True,
    )
    if not body or not body.strip():
        raise UnreadableDocument("no main text found in the HTML page")
    metadata: dict[str, str] = {}
    found = extract_metadata(text, default_url=url or None)
    if found.title:
        metadata["title"] = str(found.title)
    if found.url or url:
        metadata["url"] = str(found.url or url)
    if found.date:
        metadata["last_reviewed"] = str(found.date)
    lang = _HTML_LANG.search(raw[:4096])
    if lang:
        metadata["lang"] = lang.group(1).decode("ascii").lower()
    return PageText(body=body, metadata=metadata)
