"""Kill switches: flipped by the admin command, obeyed by a running app, written to the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.conftest import make_settings, services_of
from tests.fakes.ollama_server import start_fake_ollama
from tests.web.citizens import start_api
from web.app import create_app
from web.bootstrap import Overrides
from web.cli.main import build_cli

QUESTION = "How many resident parking permits can a household have?"


class Clock:
    """The app's clock: real time, moved on by a test to age the switchboard's cache."""

    def __init__(self) -> None:
        self.ahead = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.ahead

    def pass_a_second(self) -> None:
        """What a running app sees a second after an operator flipped a switch elsewhere."""
        self.ahead += timedelta(seconds=1.5)


def switch(data_dir: Path, name: str, state: str) -> str:
    result = CliRunner().invoke(
        build_cli(), ["admin", "switch", name, state, "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_chat_off_shows_contacts_and_the_api_says_503(data_dir: Path) -> None:
    clock = Clock()
    with TestClient(create_app(make_settings(data_dir), Overrides(clock=clock))) as client:
        assert "You are talking to an AI system" in client.get("/").text
        assert "chat is off" in switch(data_dir, "chat", "off")
        clock.pass_a_second()
        page = client.get("/widget")
        assert page.status_code == 200
        assert "switched off" in page.text and "020 7946 0000" in page.text
        r = client.post("/api/v1/conversations", json={})
        assert r.status_code == 503
        assert "020 7946 0000" in r.json()["error"]
        assert client.post("/chat/messages", data={"text": "hello"}).status_code == 503
        assert client.get("/transparency").status_code == 200  # the record stays public
        log = services_of(client).log
        entries = [log.entry(i) for i in range(log.size())]
        assert any(b'"setting":"switch.chat"' in e and b'"value":"off"' in e for e in entries)
        switch(data_dir, "chat", "on")
        clock.pass_a_second()
        assert client.post("/api/v1/conversations", json={}).status_code == 201


def test_model_off_answers_by_quoting(data_dir: Path) -> None:
    grounded = "Each household can have up to 2 resident permits [1]."
    with start_fake_ollama([grounded] * 8) as ollama:
        settings = make_settings(
            data_dir, answer_mode="ollama", ollama_url=ollama.base_url, ollama_model="fake:latest"
        )
        clock = Clock()
        with TestClient(create_app(settings, Overrides(clock=clock))) as client:
            cid = start_api(client)
            url = f"/api/v1/conversations/{cid}/messages"
            assert client.post(url, json={"text": QUESTION}).json()["mode"] == "ollama:fake:latest"
            switch(data_dir, "model", "off")
            clock.pass_a_second()
            asked = len(ollama.requests)
            assert client.post(url, json={"text": QUESTION}).json()["mode"] == "extractive"
            assert len(ollama.requests) == asked


def test_bad_switch_names_are_refused(data_dir: Path) -> None:
    result = CliRunner().invoke(
        build_cli(), ["admin", "switch", "laser", "off", "--data-dir", str(data_dir)]
    )
    assert result.exit_code == 2
    assert "model|chat on|off" in result.output


@pytest.mark.parametrize("state", ["on", "off"])
def test_status_lists_both_switches(data_dir: Path, state: str) -> None:
    switch(data_dir, "model", state)
    out = CliRunner().invoke(build_cli(), ["admin", "status", "--data-dir", str(data_dir)]).output
    assert f"model: {'on' if state == 'on' else 'OFF'}" in out
    assert "chat: on" in out


def test_no_request_goes_through_a_base_http_middleware(data_dir: Path) -> None:
    """Issue 15: Starlette's BaseHTTPMiddleware (what `@app.middleware("http")` adds) runs the
    rest of the app in a task of its own behind memory streams, for every request; the chat
    switch is plain ASGI, and what it lets through (the widget's script, the log, a page
    with the chat on) reaches the routes as before."""
    from starlette.middleware.base import BaseHTTPMiddleware

    app = create_app(make_settings(data_dir))
    assert not [m for m in app.user_middleware if m.cls == BaseHTTPMiddleware]  # type: ignore[comparison-overlap]
    with TestClient(app) as client:
        assert client.get("/widget.js").status_code == 200
        assert client.get("/transparency").status_code == 200
        assert "You are talking to an AI system" in client.get("/").text
