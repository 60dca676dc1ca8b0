"""A knowledge-base link is shown only in a safe scheme, on every page that shows citations:
the chat, the console's draft sources and the oversight transcript (real app, real HTML).

The index here is tampered with after ingest, as an index built before ingest checked links
would be: the pages must hold on their own.
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knowledge.chunkstore import read_chunks, write_chunks
from knowledge.layout import current_build
from knowledge.links import UnsafeLink, checked_link
from tests.conftest import make_settings, services_of
from tests.web.console.conftest import PASSWORD, csrf_of, sign_in
from web.settings import Settings

HOSTILE = [
    "javascript:alert(document.domain)",
    " JaVaScRiPt:alert(1)",
    "\x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
HELD = "en/housing-benefit"
PARKING = "How do I apply for a resident parking permit?"
HOUSING = "How do I apply for housing benefit?"


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v or "" for k, v in attrs if k in ("href", "src", "action", "formaction")]


def unsafe_links(html: str) -> list[str]:
    """Links in the page that a browser would follow into a script (our own paths are fine)."""
    parser = _Hrefs()
    parser.feed(html)
    bad = []
    for href in parser.hrefs:
        try:
            checked_link(href, base="https://app.example/chat")
        except UnsafeLink:
            bad.append(href)
    return bad


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    """The demo pages with hostile link targets, one topic held for approval; the shared
    `client` fixture (tests/conftest.py) runs the app on them."""
    build = current_build(data_dir / "kb")
    assert build is not None
    chunks = read_chunks(build.chunks)
    write_chunks(
        build.chunks,
        [dataclasses.replace(c, url=HOSTILE[i % len(HOSTILE)]) for i, c in enumerate(chunks)],
    )
    return make_settings(data_dir, draft_approval_topics=HELD)


def _ask(client: TestClient, question: str) -> tuple[str, str]:
    r = client.post("/chat/messages", data={"text": question}, follow_redirects=False)
    assert r.status_code == 303, r.text
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
    return cid, client.get(r.headers["location"]).text


def test_the_chat_shows_the_source_title_without_an_unsafe_link(client: TestClient) -> None:
    citizen = TestClient(client.app)
    _, page = _ask(citizen, PARKING)
    assert 'data-doc-id="en/parking-permits"' in page  # the source is still named
    assert unsafe_links(page) == []
    assert "javascript" not in page.lower() and "vbscript" not in page.lower()
    widget = citizen.get("/widget").text
    assert unsafe_links(widget) == []


def test_the_api_gives_no_unsafe_link(client: TestClient) -> None:
    api = TestClient(client.app)
    started = api.post("/api/v1/conversations", json={"lang": "en"}).json()
    reply = api.post(
        f"/api/v1/conversations/{started['id']}/messages",
        json={"text": PARKING},
        headers={"Authorization": f"Bearer {started['token']}"},
    ).json()
    assert reply["citations"], reply
    assert {c["url"] for c in reply["citations"]} == {""}


def test_console_draft_sources_and_oversight_transcript_show_no_unsafe_link(
    client: TestClient,
) -> None:
    services = services_of(client)
    people = services.people
    for name, role in (("dana", "caseworker"), ("olive", "oversight")):
        people.accounts.add(name, people.hashing.hash(PASSWORD), role, "general")
    citizen = TestClient(client.app)
    cid, _ = _ask(citizen, HOUSING)
    handoff = people.desk.active(cid)
    assert handoff is not None and handoff.reason == "draft_review"

    caseworker = TestClient(client.app)
    csrf = sign_in(caseworker, "dana")
    caseworker.post(f"/console/handoffs/{handoff.id}/claim", data={"csrf": csrf})
    view = caseworker.get(f"/console/handoffs/{handoff.id}").text
    assert "AI answer waiting for approval" in view and "Sources:" in view
    assert unsafe_links(view) == []
    caseworker.post(f"/console/handoffs/{handoff.id}/draft/approve", data={"csrf": csrf_of(view)})

    overseer = TestClient(client.app)
    csrf = sign_in(overseer, "olive")
    r = overseer.post(
        f"/oversight/conversations/{cid}/transcript", data={"csrf": csrf, "purpose": "incident"}
    )
    assert r.status_code == 200 and "Sources:" in r.text
    assert unsafe_links(r.text) == []
    assert "javascript" not in r.text.lower()
