"""Console fixtures: the whole app in-process, staff accounts, and signing in as a browser does."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import fast_overrides, make_settings, services_of
from web.app import create_app

PASSWORD = "correct horse battery staple"


@pytest.fixture
def console_client(tmp_path: Path, demo_index: Path) -> Iterator[TestClient]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(data, teams="general,housing")
    with TestClient(create_app(settings, fast_overrides())) as client:
        yield client


@pytest.fixture
def add_staff(console_client: TestClient) -> Callable[..., str]:
    """Create an account; returns its user name."""
    people = services_of(console_client).people

    def add(username: str, role: str = "caseworker", team: str = "general") -> str:
        people.accounts.add(username, people.hashing.hash(PASSWORD), role, team)
        return username

    return add


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the console's CSRF token for later posts."""
    form = client.get("/login").text
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)  # type: ignore[union-attr]
    r = client.post(
        "/login",
        data={"username": username, "password": password, "csrf": token},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    page = client.get("/console")
    assert page.status_code == 200
    return csrf_of(page.text)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)  # type: ignore[union-attr]


def ask_for_person(client: TestClient, question: str | None = None) -> str:
    """A citizen (no staff cookie) asks for a person; returns the conversation id."""
    citizen = TestClient(client.app)
    if question:
        r = citizen.post("/chat/messages", data={"text": question}, follow_redirects=False)
        cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
        citizen.post("/chat/person", data={"conversation_id": cid})
        return cid
    r = citizen.post("/chat/person", data={"lang": "en"}, follow_redirects=False)
    return re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
