"""Browser-test fixtures: the real app on loopback, Debian's Chromium, screenshots on failure."""

from __future__ import annotations

import re
import shutil
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Protocol

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.e2e.citizen import Citizen
from tests.e2e.live_server import LiveServer, server_environment, start_server
from tests.e2e.page_events import PageEvents
from tests.needs import missing

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "test-results"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach Google's servers,
# which the sandbox (and many CI runners) closes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test so page fixtures can tell that it failed."""
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


def _failed(node: pytest.Item) -> bool:
    reports = node.stash.get(_REPORTS, {})
    return any(r.failed for r in reports.values())


@pytest.fixture(scope="session")
def live_server(demo_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`opencounter serve` on a copy of the ingested demo index; yields its base URL."""
    data_dir = tmp_path_factory.mktemp("e2e-server") / "data"
    shutil.copytree(demo_index, data_dir / "kb", symlinks=True)
    # PYTHONPATH: the server runs the code of this tree, as pytest does (pythonpath = ["."]),
    # whatever an older editable install in the venv points at.
    env = server_environment({"OPENCOUNTER_ANSWER_MODE": "extractive", "PYTHONPATH": str(REPO)})
    server: LiveServer = start_server(data_dir, env)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        reason = f"{CHROMIUM} is missing: `apt-get install -y chromium` for the browser tests"
        missing(reason)
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


class OpenCitizen(Protocol):
    def __call__(self, *, javascript: bool = True, width: int = 1280, height: int = 900) -> Citizen:
        """A citizen on a fresh browser context (no cookies, no cache) pointed at the app."""
        ...


@pytest.fixture
def open_citizen(
    browser: Browser, live_server: str, request: pytest.FixtureRequest
) -> Iterator[OpenCitizen]:
    """Opens citizens' browser contexts; each page is screenshotted if the test fails."""
    opened: list[Page] = []

    def open_one(*, javascript: bool = True, width: int = 1280, height: int = 900) -> Citizen:
        context = browser.new_context(
            base_url=live_server,
            java_script_enabled=javascript,
            viewport={"width": width, "height": height},
        )
        events = PageEvents(live_server)
        events.keep_on_server(context)
        if javascript:
            events.report_htmx_errors(context)
        page = context.new_page()
        events.watch_page(page)
        opened.append(page)
        return Citizen(page, events, javascript=javascript)

    yield open_one
    if _failed(request.node):
        RESULTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        for n, page in enumerate(opened):
            page.screenshot(path=RESULTS / f"{name}-{n}.png", full_page=True)
    for page in opened:
        page.context.close()


@pytest.fixture
def citizen(open_citizen: OpenCitizen) -> Citizen:
    """A citizen with JavaScript on (the htmx widget), in a desktop-sized window."""
    return open_citizen()
