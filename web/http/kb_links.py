"""The template filters every page uses to show knowledge-base links: only safe ones."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jinja2 import Environment
from markupsafe import Markup, escape

from bot.conversations import Citation
from bot.grounding.links import LINK_TOKEN
from knowledge.links import UnsafeLink, checked_link


def kb_link(url: object) -> str:
    """The link to put in href, or "" when it may not be shown (the title is shown bare).

    Ingest already refuses unsafe links; this holds for indexes built before it did and for
    anything that reaches a citation another way. A stored link has no page address left to
    resolve against, so a relative one is not shown rather than pointed at our own site.
    """
    if not isinstance(url, str):
        return ""
    try:
        return checked_link(url)
    except UnsafeLink:
        return ""


def with_links(text: object, citations: Sequence[Citation] = ()) -> Markup:
    """An answer's text, escaped, with each "[link n.k]" token shown as that link's own words.

    The token names source n's k-th link, kept with the citation when the answer was written:
    the address comes from the knowledge base, never from the writer. A link that may not be
    shown keeps its words, unlinked; a token naming no link is left out.
    """

    def shown(match: re.Match[str]) -> Markup:
        source, number = int(match.group(1)), int(match.group(2))
        if not 1 <= source <= len(citations) or not 1 <= number <= len(citations[source - 1].links):
            return Markup("")
        link = citations[source - 1].links[number - 1]
        href = kb_link(link.url)
        if not href:
            return escape(link.text)
        anchor = Markup('<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>')
        return anchor.format(href, link.text)

    raw, shown_text, last = str(text), Markup(""), 0
    for match in LINK_TOKEN.finditer(raw):
        # Adding a str to Markup escapes it: the answer's own words are never markup.
        shown_text += raw[last : match.start()]
        shown_text += shown(match)
        last = match.end()
    return shown_text + raw[last:]


def add_link_filter(env: Environment) -> None:
    env.filters["kb_link"] = kb_link
    env.filters["with_links"] = with_links
