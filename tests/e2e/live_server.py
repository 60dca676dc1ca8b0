"""The real application under uvicorn in a child process on a free loopback port."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from audit.note import generate_signer
from audit.storage.vault import generate_master_key

STARTUP_TIMEOUT_S = 90.0


class ServerDidNotStart(RuntimeError):
    """The server exited or never answered /healthz with 200; the message holds its output."""


@dataclass
class LiveServer:
    """A running `opencounter serve`; `url` has no trailing slash."""

    url: str
    process: subprocess.Popen[bytes]
    output: IO[bytes]
    output_path: Path

    def output_tail(self, chars: int = 4000) -> str:
        if not self.output.closed:
            self.output.flush()
        return self.output_path.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        stop_process(self.process)
        self.output.close()


def free_port() -> int:
    # The kernel picks a free port; another process could take it before the server binds,
    # which on a test machine is rare enough to show up as a clear start-up failure.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def opencounter_command() -> str:
    """The `opencounter` script of the interpreter running the tests (the project's venv)."""
    beside = Path(sys.executable).with_name("opencounter")
    if beside.is_file():
        return str(beside)
    found = shutil.which("opencounter")
    if found is None:
        raise ServerDidNotStart("the `opencounter` command is not installed (pip install -e .)")
    return found


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Ask a process the test started to end; kill it if it has not within 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def server_environment(extra: dict[str, str]) -> dict[str, str]:
    """The test's environment without the developer's OPENCOUNTER_ settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCOUNTER_")}
    # As make_settings does: a browser test that sends many messages is not a flood; the
    # limits have their own tests (tests/web/test_rate_limits.py). `extra` may set them.
    env.update({f"OPENCOUNTER_RATE_LIMIT_{name}": "0" for name in _RATE_LIMITS})
    # And people always there, whatever the time the test runs (the default is the
    # organisation's published hours); `extra` may set other hours.
    env["OPENCOUNTER_OPENING_HOURS"] = "always"
    env.update(extra)
    return env


def replica_environment(
    database_url: str, origin: str, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """One environment for every replica of a topology on PostgreSQL: the same fresh keys, a
    LISTEN/NOTIFY channel of its own (other runs may share the server), the proxy on loopback
    trusted, JSON logs. The e2e two-process test and benchmarks/load.py start theirs with it."""
    repo = Path(__file__).resolve().parents[2]
    return server_environment(
        {
            "OPENCOUNTER_DATABASE_URL": database_url,
            "OPENCOUNTER_SECRET_KEY": secrets.token_urlsafe(32),
            "OPENCOUNTER_LOG_SIGNING_KEY": generate_signer(origin).to_string(),
            "OPENCOUNTER_LOG_ORIGIN": origin,
            "OPENCOUNTER_VAULT_KEY": generate_master_key(),
            "OPENCOUNTER_ANSWER_MODE": "extractive",
            "OPENCOUNTER_EVENTS_BACKEND": "postgres",
            "OPENCOUNTER_EVENTS_CHANNEL": f"oc_{secrets.token_hex(6)}",
            "OPENCOUNTER_TRUSTED_PROXIES": "127.0.0.1",
            "OPENCOUNTER_JSON_LOGS": "true",
            "PYTHONPATH": str(repo),
            **(extra or {}),
        }
    )


_RATE_LIMITS = (
    "CLIENT_PER_MINUTE",
    "CONVERSATION_PER_MINUTE",
    "STAFF_PER_MINUTE",
    "STREAMS_PER_CLIENT",
)


def start_server(data_dir: Path, env: dict[str, str]) -> LiveServer:
    """Start `opencounter serve` on data_dir and return once /healthz answers 200."""
    port = free_port()
    output_path = data_dir.parent / "server-output.log"
    output = output_path.open("wb")
    command = [opencounter_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--data-dir", str(data_dir)],
        # The working directory holds no .env file, so only `env` configures the server.
        cwd=data_dir.parent,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    server = LiveServer(f"http://127.0.0.1:{port}", process, output, output_path)
    try:
        _wait_until_healthy(server)
    except ServerDidNotStart:
        server.stop()
        raise
    return server


def _wait_until_healthy(server: LiveServer) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    last = "no answer yet"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerDidNotStart(
                f"`opencounter serve` exited with {server.process.returncode}:\n"
                + server.output_tail()
            )
        try:
            response = httpx.get(f"{server.url}/healthz", timeout=2.0)
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
        else:
            if response.status_code == 200:
                return
            last = f"/healthz answered {response.status_code}: {response.text[:500]}"
        time.sleep(0.2)
    raise ServerDidNotStart(
        f"/healthz did not answer 200 within {STARTUP_TIMEOUT_S:.0f} s ({last}):\n"
        + server.output_tail()
    )
