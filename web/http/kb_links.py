"""The template filter every page uses to show a knowledge-base link: only a safe one."""

from __future__ import annotations

from jinja2 import Environment

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


def add_link_filter(env: Environment) -> None:
    env.filters["kb_link"] = kb_link
