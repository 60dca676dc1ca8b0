"""Links are removed from model output and passage text: bare URLs, Markdown links and images."""

from __future__ import annotations

import pytest

from bot.grounding.links import strip_links


@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        ("Apply at https://attacker.example/apply.", "Apply at.", 1),
        ("See www.city.example/bins for dates [1].", "See for dates [1].", 1),
        ("Use [the portal](https://attacker.example/p) today.", "Use the portal today.", 1),
        ("Status ![s](https://attacker.example/pixel?d=x) here.", "Status here.", 1),
        ("Click <https://attacker.example> now.", "Click now.", 1),
        ("Run javascript:alert(1) now.", "Run now.", 1),
        ("Two: http://a.example and ftp://b.example.", "Two: and.", 2),
        ("No link here, 3.5 km away [1].", "No link here, 3.5 km away [1].", 0),
        ("Write to permits@city.example [2].", "Write to permits@city.example [2].", 0),
    ],
)
def test_strip_links(text: str, expected: str, removed: int) -> None:
    assert strip_links(text) == (expected, removed)


def test_parenthesis_closing_the_sentence_is_kept() -> None:
    assert strip_links("Apply online (https://attacker.example/a).") == ("Apply online ().", 1)
