"""Which language a page speaks: the URL, then the conversation, the cookie, the browser."""

from __future__ import annotations

import pytest

from web.http.language import accepted_languages, choose_language

OFFERED = ("en", "fr")


def test_the_url_beats_the_conversation_the_cookie_and_the_browser() -> None:
    chosen = choose_language(
        OFFERED, url="en", conversation="fr", cookie="fr", accept_language="fr"
    )
    assert chosen == "en"


def test_the_conversation_beats_the_cookie_and_the_browser() -> None:
    assert choose_language(OFFERED, conversation="fr", cookie="en", accept_language="en") == "fr"


def test_the_cookie_beats_the_browser() -> None:
    assert choose_language(OFFERED, cookie="fr", accept_language="en") == "fr"
    assert choose_language(OFFERED, cookie="en", accept_language="fr") == "en"


def test_the_browser_beats_the_default() -> None:
    assert choose_language(OFFERED, accept_language="fr") == "fr"
    assert choose_language(OFFERED) == "en"


def test_a_language_not_offered_is_passed_over_at_every_step() -> None:
    # An unknown ?lang= does not stop the cookie; an unknown cookie does not stop the browser.
    assert choose_language(OFFERED, url="xx", cookie="fr") == "fr"
    assert choose_language(OFFERED, url="de", cookie="zz", accept_language="de, fr;q=0.5") == "fr"
    assert choose_language(OFFERED, url="<script>", accept_language="!!!") == "en"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),  # a region falls back to its language
        ("en;q=0.4, fr;q=0.9", "fr"),  # q-values, not the order written
        ("fr;q=0, en", "en"),  # q=0 means "not this one"
        ("de, es;q=0.9, fr;q=0.1", "fr"),  # the first offered, however far down
        ("FR", "fr"),  # tags are case-insensitive
        ("*", "en"),
        ("fr;q=abc, en;q=0.5", "en"),  # a broken q-value drops that part only
        ("", "en"),
    ],
)
def test_accept_language_is_read_by_q_value(header: str, expected: str) -> None:
    assert choose_language(OFFERED, accept_language=header) == expected


def test_equal_q_values_keep_the_order_they_were_written_in() -> None:
    assert accepted_languages("fr, en") == ["fr", "en"]
    assert accepted_languages("en;q=0.5, de;q=0.5, fr") == ["fr", "en", "de"]


def test_a_third_language_is_chosen_once_offered() -> None:
    assert choose_language(("en", "fr"), accept_language="de-DE, fr;q=0.5") == "fr"
    assert choose_language(("en", "de", "fr"), accept_language="de-DE, fr;q=0.5") == "de"
