"""What the console and oversight browser tests share: a server with one staff account, and
screenshots of every page on failure."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page
from sqlalchemy import create_engine

from tests.e2e.conftest import RESULTS
from tests.e2e.live_server import LiveServer, server_environment, start_server
from tests.schema import tables
from web.auth.accounts import AccountStore
from web.auth.passwords import PasswordHashing

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


@contextmanager
def server_with_staff(
    demo_index: Path, tmp_path: Path, username: str, role: str
) -> Iterator[LiveServer]:
    """`opencounter serve` on a copy of the demo index, with one account (PASSWORD)."""
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    env = server_environment({"OPENCOUNTER_ANSWER_MODE": "extractive", "PYTHONPATH": str(REPO)})
    server = start_server(data, env)
    engine = create_engine(f"sqlite:///{(data / 'opencounter.db').resolve()}")
    AccountStore(engine, tables().accounts).add(username, PasswordHashing().hash(PASSWORD), role)
    engine.dispose()
    try:
        yield server
    finally:
        server.stop()


def save_screenshots(name: str, pages: list[Page]) -> None:
    RESULTS.mkdir(exist_ok=True)
    for n, page in enumerate(pages):
        page.screenshot(path=RESULTS / f"{name}-{n}.png", full_page=True)
