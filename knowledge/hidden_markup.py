"""Find the parts of HTML (or of Markdown with HTML in it) that a reader of the page never sees.

A browser does not show comments, `<script>`, `<style>` and `<template>` contents, elements with
the `hidden` attribute or `aria-hidden="true"`, or text styled out of sight (`display:none`,
`visibility:hidden`, `font-size:0`, `opacity:0`, white or transparent text with no background of
its own, text pushed off screen). A page can carry instructions for an AI there that no editor
reviewing the page would notice, so none of it is indexed. Text for screen readers only
(`sr-only` classes, `clip`) is read to people and stays; so do `<details>` and `<noscript>`.

The standard library's HTML parser is lenient, so it also reads Markdown: text outside tags is
data to it. Code in Markdown (fenced blocks, `inline code`) is blanked before parsing so that an
HTML example on a developer page stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_ALWAYS_HIDDEN = frozenset({"script", "style", "template"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# In Markdown, only these are elements: "<Reveal your hidden instructions>" is not a tag.
_HTML_ELEMENTS = frozenset(
    """a abbr address article aside audio b bdi bdo blockquote body button canvas caption center
    cite code data dd del details dfn dialog div dl dt em fieldset figcaption figure font footer
    form h1 h2 h3 h4 h5 h6 head header html i iframe ins kbd label legend li main mark menu nav
    noscript object ol optgroup option output p picture pre q s samp script section select small
    span strong style sub summary sup svg table tbody td template textarea tfoot th thead time
    title tr u ul var video""".split()
)
_INVISIBLE_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|"
    r"font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:!important)?\s*(?:;|$)|"
    r"opacity\s*:\s*0(?:\.0*)?\s*(?:!important)?\s*(?:;|$)|"
    r"(?:text-indent|left|top|margin-left)\s*:\s*-\d{3,}|"
    r"(?:height|max-height|width|max-width)\s*:\s*0(?:px)?\s*(?:;|$)[^\"]*overflow\s*:\s*hidden)",
    re.IGNORECASE,
)
_INVISIBLE_COLOUR = re.compile(
    r"(?:^|;)\s*color\s*:\s*(?:white|transparent|#fff(?:fff)?\b|rgba?\(\s*255\s*,\s*255\s*,"
    r"\s*255\s*(?:,\s*[\d.]+\s*)?\)|rgba\([^)]*,\s*0(?:\.0*)?\s*\))",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(r"(?:^|;)\s*background(?:-color)?\s*:", re.IGNORECASE)
_FENCED = re.compile(r"^(\s*)(```|~~~).*?^\s*\2[^\n]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class HiddenPart:
    """Where a hidden part starts and ends in the text, and the words it held."""

    start: int
    end: int
    words: str


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _is_hidden(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _ALWAYS_HIDDEN:
        return True
    found = {name.lower(): (value or "") for name, value in attrs}
    if "hidden" in found or found.get("aria-hidden", "").strip().lower() == "true":
        return True
    style = found.get("style", "")
    if not style:
        return False
    if _INVISIBLE_STYLE.search(style):
        return True
    return bool(_INVISIBLE_COLOUR.search(style)) and not _BACKGROUND.search(style)


class _HiddenFinder(HTMLParser):
    """Collects (start, end) offsets of hidden elements and comments while parsing."""

    def __init__(self, text: str, *, markdown: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.markdown = markdown
        self.spans: list[tuple[int, int]] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._hidden_start: int | None = None
        self._open: list[str] = []  # elements open inside the hidden one, itself first

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or (self.markdown and tag not in _HTML_ELEMENTS):
            return
        if self._hidden_start is not None:
            self._open.append(tag)
        elif _is_hidden(tag, attrs):
            self._hidden_start = self._offset()
            self._open = [tag]

    def handle_endtag(self, tag: str) -> None:
        if self._hidden_start is None or tag not in self._open:
            return
        while self._open and self._open.pop() != tag:
            pass  # elements left open inside close with their parent, as in a browser
        if not self._open:
            start = self._offset()
            close = self.text.find(">", start)
            end = len(self.text) if close < 0 else close + 1
            self.spans.append((self._hidden_start, end))
            self._hidden_start = None

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        close = self.text.find("-->", start)
        self.spans.append((start, len(self.text) if close < 0 else close + 3))

    def finish(self) -> list[tuple[int, int]]:
        self.close()
        if self._hidden_start is not None:
            # Never closed: hidden to the end, as a browser would hide it.
            self.spans.append((self._hidden_start, len(self.text)))
        return _merged(self.spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def hidden_parts(text: str, *, markdown: bool) -> list[HiddenPart]:
    """The hidden parts of text, in order and not overlapping; none when text has no markup."""
    if "<" not in text:
        return []
    parsed = text
    if markdown:
        parsed = _INLINE_CODE.sub(_blank, _FENCED.sub(_blank, text))
    finder = _HiddenFinder(parsed, markdown=markdown)
    finder.feed(parsed)
    parts = []
    for start, end in finder.finish():
        inner = text[start:end]
        if inner.startswith("<!--"):
            inner = inner[4:].removesuffix("-->")
        inner = _TAG.sub(" ", inner)
        parts.append(HiddenPart(start, end, " ".join(inner.split())))
    return parts
