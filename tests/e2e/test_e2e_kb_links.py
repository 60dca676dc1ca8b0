"""A knowledge-base page whose link is `javascript:`: in Chromium, the citation runs nothing.

The index is tampered with after ingest, as one built before ingest checked links would be:
the page shows the source's title without a link, and were a `javascript:` link to reach
the page anyway, the CSP would refuse to run it.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from knowledge.chunkstore import read_chunks, write_chunks
from knowledge.layout import current_build
from tests.e2e.citizen import Citizen
from tests.e2e.live_server import server_environment, start_server
from tests.e2e.page_events import PageEvents

REPO = Path(__file__).resolve().parents[2]
PAYLOAD = "javascript:alert(document.domain)"


@pytest.fixture
def hostile_server(demo_index: Path, tmp_path: Path) -> Iterator[str]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    build = current_build(data / "kb")
    assert build is not None
    chunks = [dataclasses.replace(c, url=PAYLOAD) for c in read_chunks(build.chunks)]
    write_chunks(build.chunks, chunks)
    env = server_environment({"OPENCOUNTER_ANSWER_MODE": "extractive", "PYTHONPATH": str(REPO)})
    server = start_server(data, env)
    try:
        yield server.url
    finally:
        server.stop()


def test_a_javascript_source_link_runs_nothing(browser: Browser, hostile_server: str) -> None:
    context = browser.new_context(base_url=hostile_server)
    try:
        events = PageEvents(hostile_server)
        events.keep_on_server(context)
        page = context.new_page()
        events.watch_page(page)
        citizen = Citizen(page, events)
        citizen.open("/")
        reply = citizen.ask("How do I apply for a resident parking permit?")
        expect(reply).to_have_attribute("data-decision", "answer")
        source = reply.locator(".oc-sources [data-doc-id]").first
        expect(source).to_be_visible()
        assert reply.locator(".oc-sources a").count() == 0  # titles, no links
        source.click()
        assert page.locator("a[href^='javascript' i]").count() == 0

        # Were such a link on the page (a template regression), the CSP refuses to run it.
        reply.evaluate(
            "(li, href) => { const a = document.createElement('a'); a.id = 'planted';"
            " a.href = href; a.textContent = 'source'; li.appendChild(a); }",
            PAYLOAD,
        )
        page.click("#planted")
        page.wait_for_timeout(500)
        assert events.dialogs == []
        assert any("javascript" in v.lower() for v in events.csp_violations), events.csp_violations
    finally:
        context.close()
