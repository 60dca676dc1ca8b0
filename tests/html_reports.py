"""What the evaluation commands' HTML reports may contain, checked on hostile questions.

The XSS corpus's payloads go in as questions and categories; a browser's parser must then find
the report's own tags only, with no event handler, link or source attribute.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

from tests.data import CORPORA

OUR_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "code"}
OUR_TAGS |= {"table", "tr", "th", "td", "figure", "figcaption", "svg", "rect", "text"}
LINKS = {"src", "href", "action", "formaction", "xlink:href", "srcdoc", "style"}


def xss_payloads() -> list[str]:
    lines = (CORPORA / "xss.jsonl").read_text(encoding="utf-8").splitlines()
    return [str(json.loads(line)["text"]) for line in lines]


def start_tags(html: str) -> list[tuple[str, list[str]]]:
    """Every start tag of the page, with its attribute names, as a browser's parser reads them."""
    found: list[tuple[str, list[str]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, [name for name, _ in attrs]))

    Collect().feed(html)
    return found


def assert_only_our_markup(html: str) -> None:
    """The page's own tags only, no event handler, link or source; its charts still there."""
    tags = start_tags(html)
    assert {t for t, _ in tags} <= OUR_TAGS, {t for t, _ in tags} - OUR_TAGS
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on") or a in LINKS]
    assert "<svg" in html
