"""Knowledge-base links: only http, https, mailto and tel, seen as a browser would parse them."""

from __future__ import annotations

import pytest

from knowledge.links import UnsafeLink, checked_link

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\x01\x02javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#106avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&amp;#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.org/uuid",
    "https:no-host",
    "https://exa\x00mple.org/",
]


@pytest.mark.parametrize("link", HOSTILE)
def test_hostile_links_are_refused_with_a_reason(link: str) -> None:
    with pytest.raises(UnsafeLink, match="link"):
        checked_link(link, base="https://city.example/pages/")


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        ("https://city.example/parking", "https://city.example/parking"),
        ("HTTP://city.example/a", "HTTP://city.example/a"),
        ("  https://city.example/a\n", "https://city.example/a"),
        ("mailto:help@city.example", "mailto:help@city.example"),
        ("tel:+33123456789", "tel:+33123456789"),
        ("https://city.example/?a=1&amp;b=2", "https://city.example/?a=1&b=2"),
    ],
)
def test_safe_links_are_kept(link: str, shown: str) -> None:
    assert checked_link(link) == shown


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        ("permits", "https://city.example/pages/permits"),
        ("/fees", "https://city.example/fees"),
        ("//other.example/x", "https://other.example/x"),
        ("\\\\other.example/x", "https://other.example/x"),
        ("?lang=fr", "https://city.example/pages/?lang=fr"),
    ],
)
def test_relative_links_resolve_against_the_page_address(link: str, shown: str) -> None:
    assert checked_link(link, base="https://city.example/pages/") == shown


def test_a_relative_link_without_a_page_address_is_refused() -> None:
    with pytest.raises(UnsafeLink, match="relative"):
        checked_link("/logout")


def test_a_relative_link_never_takes_an_unsafe_base() -> None:
    with pytest.raises(UnsafeLink, match="not an http"):
        checked_link("x", base="javascript:alert(1)//")
