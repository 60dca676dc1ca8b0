"""Extract the main text of an HTML page as Markdown (trafilatura adapter).

Hidden markup goes first (knowledge/hidden_markup.py): trafilatura drops `display:none`,
comments and `aria-hidden`, but keeps the text of `hidden` elements, `<template>`, white text and
`font-size:0`, which no reader of the page sees.
"""

from __future__ import annotations

import re

import trafilatura
from trafilatura.metadata import extract_metadata

from knowledge.documents import UnreadableDocument
from knowledge.page_text import PageText
from knowledge.planted import remove_hidden, without_markers

_HTML_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def extract_html(raw: bytes, url: str = "") -> PageText:
    """Main content without menus and footers; title, canonical URL and `lang` when present."""
    text = raw.decode("utf-8", errors="replace")
    # A flagged hidden part leaves a marker as a paragraph of its own, which trafilatura keeps
    # as text, so that chunking can flag the chunk where it was.
    visible = remove_hidden(without_markers(text), markdown=False, mark_from=0, wrap="<p>{}</p>")
    body = trafilatura.extract(
        visible.text,
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
    return PageText(body=body, metadata=metadata, findings=visible.findings)
