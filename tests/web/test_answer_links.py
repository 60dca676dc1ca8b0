"""Links in answers: a writer names a passage's link by a token, the page shows the link itself.

No writer ever writes an address: the model sees "[link 1.1]" where the page had a link, the
citation numbering keeps the link with the cited page, and the page renders the token as the
link's own words pointing where the knowledge base points.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from bot.citation_numbers import CitationNumbering
from bot.conversations import Citation
from bot.grounding.prompt import build_messages
from knowledge.links import PageLink
from knowledge.types import Passage
from tests.web.citizens import start_api
from web.http.kb_links import with_links

VOTE = Passage(
    "v1",
    "en/vote",
    "Voting",
    "https://city.example/en/vote",
    "en",
    "Register online at https://city.example/en/vote/form. See [the polling map](/en/map). "
    "Our partner's portal is https://portal.example/pay.",
)


def test_the_model_sees_tokens_where_the_page_has_links_and_no_address() -> None:
    _, user = build_messages("How do I register?", [VOTE], "en")
    fenced = user.content.split("</passage>")[0]
    assert "Register online at [link 1.1]." in fenced
    assert "See [link 1.2]." in fenced
    assert "https://" not in fenced and "portal.example" not in fenced


def test_a_token_the_model_writes_becomes_the_pages_link_on_the_page() -> None:
    numbering = CitationNumbering([VOTE])
    stored = numbering.renumber("Register online at [link 1.1] [1]. The map is at [link 1.2] [1].")
    assert stored == "Register online at [link 1.1] [1]. The map is at [link 1.2] [1]."
    assert numbering.citations[0].links == (
        PageLink("city.example/en/vote/form", "https://city.example/en/vote/form"),
        PageLink("the polling map", "https://city.example/en/map"),
    )
    html = str(with_links(stored, numbering.citations))
    assert html == (
        'Register online at <a href="https://city.example/en/vote/form" target="_blank" '
        'rel="noopener noreferrer">city.example/en/vote/form</a> [1]. The map is at '
        '<a href="https://city.example/en/map" target="_blank" rel="noopener noreferrer">'
        "the polling map</a> [1]."
    )


def test_a_made_up_token_shows_nothing_and_text_stays_text() -> None:
    numbering = CitationNumbering([VOTE])
    stored = numbering.renumber("<b>Pay</b> at [link 1.9] or [link 7.1] [1].")
    assert stored == "<b>Pay</b> at  or  [1]."
    assert str(with_links(stored, numbering.citations)) == "&lt;b&gt;Pay&lt;/b&gt; at  or  [1]."


def test_a_stored_link_that_may_not_be_shown_keeps_its_words_unlinked() -> None:
    bad = Citation("en/x", "X", "https://city.example/x", (PageLink("the form", "javascript:x"),))
    assert str(with_links("Use [link 1.1].", [bad])) == "Use the form."


def test_links_survive_the_conversation_store_round_trip() -> None:
    citation = Citation("en/vote", "Voting", "https://city.example/en/vote", (PageLink("a", "b"),))
    assert Citation.from_json(citation.to_json()) == citation
    plain = Citation("en/vote", "Voting", "https://city.example/en/vote")
    assert "links" not in plain.to_json()
    assert Citation.from_json({"doc_id": "d", "title": "t", "url": "u"}).links == ()


def test_a_page_cannot_forge_a_token() -> None:
    forged = Passage("f", "en/f", "F", "https://city.example/f", "en", "Pay at [link 1.1] now.")
    _, user = build_messages("How do I pay?", [forged], "en")
    assert "[link 1.1]" not in user.content
    assert CitationNumbering([forged]).renumber("Pay at [link 1.1] [1].") == "Pay at  [1]."


def test_the_api_lists_the_links_its_tokens_name(client: TestClient) -> None:
    cid = start_api(client, "en")
    r = client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": "How do I register to vote?"}
    )
    body = r.json()
    assert body["decision"] == "answer", body
    tokens = re.findall(r"\[link (\d+)\.(\d+)\]", body["text"])
    assert tokens, body["text"]
    for source, number in tokens:
        link = body["citations"][int(source) - 1]["links"][int(number) - 1]
        assert link["url"].startswith("https://www.exampleton.example/") and link["text"]
