"""Commands that build the app: a setting that stops start-up is one sentence and exit code 2,
and a question asked from the command line never fires the operator's escalation hooks."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import make_settings
from web.bootstrap import build_services
from web.cli.main import build_cli


@pytest.fixture
def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    return CliRunner()


@dataclass
class Receiver:
    url: str
    received: list[bytes]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver on loopback, recording the bodies it is sent."""
    received: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(self.rfile.read(int(self.headers["content-length"])))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Receiver(f"http://127.0.0.1:{server.server_address[1]}/hooks", received)
    finally:
        server.shutdown()
        server.server_close()


def test_ask_for_a_person_sends_nothing_to_the_webhook(
    run: CliRunner, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_HOOK_WEBHOOK_URL", receiver.url)
    monkeypatch.setenv("OPENCOUNTER_HOOK_WEBHOOK_SECRET", "webhook-secret-for-tests")
    result = run.invoke(build_cli(), ["ask", "I want to talk to a person"])
    assert result.exit_code == 0, result.output
    assert "Decision: escalate" in result.output
    # Deliveries run in the background: give one that was wrongly queued time to arrive.
    time.sleep(1.0)
    assert receiver.received == []
    assert "hooks are off" in " ".join(result.output.split())


def test_ask_help_says_hooks_are_off(run: CliRunner) -> None:
    result = run.invoke(build_cli(), ["ask", "--help"])
    assert result.exit_code == 0
    assert "hooks are off" in " ".join(result.output.split()).lower()


@pytest.mark.parametrize("command", [["ask", "When is the bin collected?"], ["serve"]])
def test_unreadable_opening_hours_is_one_sentence_naming_the_setting(
    run: CliRunner, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("OPENCOUNTER_OPENING_HOURS", "mon-fri 9-5pm nonsense")
    result = run.invoke(build_cli(), command)
    assert result.exit_code == 2, result.output
    assert "OPENCOUNTER_OPENING_HOURS" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_unknown_time_zone_names_its_own_setting(
    run: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_OPENING_HOURS", "mon-fri 09:00-17:00")
    monkeypatch.setenv("OPENCOUNTER_OPENING_TIMEZONE", "Europe/Atlantis")
    result = run.invoke(build_cli(), ["ask", "When is the bin collected?"])
    assert result.exit_code == 2, result.output
    assert "OPENCOUNTER_OPENING_TIMEZONE" in result.output


@pytest.mark.parametrize(
    ("entry_point", "module"),
    [
        ("broken = city_missing_module:build", None),
        ("broken = city_broken:build", "def build(options):\n    raise KeyError('ticket_url')\n"),
    ],
)
def test_broken_hook_plugin_stops_serve_with_a_sentence(
    run: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    entry_point: str,
    module: str | None,
) -> None:
    site = tmp_path / "site"
    dist = site / "city_broken-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: city-broken\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[opencounter.escalation_hooks]\n{entry_point}\n")
    if module is not None:
        (site / "city_broken.py").write_text(module)
    monkeypatch.syspath_prepend(str(site))
    result = run.invoke(build_cli(), ["serve"])
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert "Cannot start" in output and "'broken'" in output
    assert "OPENCOUNTER_HOOK_OPTIONS" in output
    assert "Traceback" not in result.output


def test_closing_the_services_finishes_and_stops_the_hook_workers(
    data_dir: Path, receiver: Receiver
) -> None:
    settings = make_settings(
        data_dir, hook_webhook_url=receiver.url, hook_webhook_secret="webhook-secret-for-tests"
    )
    services = build_services(settings)
    conversation = services.engine.start("en").id
    assert services.engine.ask(conversation, "I want to talk to a person").decision == "escalate"
    services.close()
    # The notice under way was delivered, and no hook worker outlives the services.
    assert len(receiver.received) == 1
    assert not [t for t in threading.enumerate() if t.name.startswith("opencounter-hook")]


def test_a_warm_up_that_fails_stops_serve_with_a_sentence_and_closes_everything(
    run: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm-up (the classifier's fit, the index) ran in the app's lifespan, under uvicorn:
    a storage fault there was a lifespan traceback and left the services open."""
    import errno

    import web.app

    closed: list[bool] = []
    build = web.app.create_app

    def app_whose_index_disk_fails(*args: object, **kwargs: object) -> object:
        app = build(*args, **kwargs)  # type: ignore[arg-type]
        services = app.state.services

        def warm_up() -> None:
            raise OSError(errno.EIO, "Input/output error", "kb/bm25.en")

        close = services.close

        def close_and_count() -> None:
            closed.append(True)
            close()

        services.warm_up = warm_up
        services.close = close_and_count
        return app

    monkeypatch.setattr(web.app, "create_app", app_whose_index_disk_fails)
    result = run.invoke(build_cli(), ["serve", "--port", "1"])
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert "Cannot start" in output and "Input/output error" in output
    assert "Traceback" not in result.output
    assert closed == [True]
