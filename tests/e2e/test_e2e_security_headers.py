"""The CSP in a real browser: Swagger UI runs from our own files, the widget may be framed by
another site and the console may not, and nothing the app serves trips the policy."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage


@pytest.fixture
def context(browser: Browser, live_server: str) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=live_server)
    yield context
    context.close()


@pytest.fixture
def other_site(live_server: str) -> Iterator[str]:
    """A city's own site on another loopback port (another origin) that frames our pages.

    A real server, not a routed page: Chromium blocks a page of unknown address from framing
    a loopback one (local network access checks) before our headers are even read.
    """
    page = (
        f'<iframe id="widget" src="{live_server}/widget"></iframe>'
        f'<iframe id="login" src="{live_server}/login"></iframe>'
        f'<iframe id="chat" src="{live_server}/chat"></iframe>'
    ).encode()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _violations(messages: list[ConsoleMessage]) -> list[str]:
    return [m.text for m in messages if "Content Security Policy" in m.text]


def test_swagger_ui_runs_from_local_files_under_the_csp(
    context: BrowserContext, live_server: str
) -> None:
    page = context.new_page()
    messages: list[ConsoleMessage] = []
    page.on("console", lambda m: messages.append(m))  # noqa: PLW0108 - playwright needs a function
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
    assert "OpenCounter" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() > 3  # the operations are listed
    assert [u for u in requests if not u.startswith(live_server)] == []
    assert _violations(messages) == []


def test_another_site_may_frame_the_widget_but_not_the_console(
    context: BrowserContext, live_server: str, other_site: str
) -> None:
    page = context.new_page()
    messages: list[ConsoleMessage] = []
    page.on("console", lambda m: messages.append(m))  # noqa: PLW0108 - playwright needs a function
    page.goto(other_site)
    page.frame_locator("#widget").locator("form.oc-ask").wait_for(timeout=10_000)
    # A refused frame shows Chromium's error page: it never reaches our document.
    for _ in range(50):
        if len(_violations(messages)) >= 2:
            break
        page.wait_for_timeout(200)
    refused = _violations(messages)
    assert len(refused) == 2 and all("frame-ancestors 'none'" in v for v in refused), refused
    for name in ("login", "chat"):
        assert page.frame_locator(f"#{name}").locator("form").count() == 0, name
