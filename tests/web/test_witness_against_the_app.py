"""A witness cosigns the real app: `opencounter serve` in one process, the witness CLI in others.

The log side is the whole application on loopback (its own database, keys and appender);
the witness is `opencounter audit witness` with its own key and state file, as an
oversight body runs it. tests/audit/test_witness.py covers the same protocol in-process.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from audit.checkpoint import open_checkpoint, parse_cosigner_verifier_key
from audit.note import generate_signer
from audit.witness import WitnessState
from tests.e2e.live_server import opencounter_command, server_environment, start_server

REPO = Path(__file__).resolve().parents[2]
ORIGIN = "exampleton.example/opencounter/log"
WITNESS = "ombudsman.example/witness"
WAIT_S = 60.0
pytestmark = pytest.mark.slow


def opencounter(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [opencounter_command(), *arguments],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@contextmanager
def app(data_dir: Path, demo_index: Path, env: dict[str, str]) -> Iterator[str]:
    shutil.copytree(demo_index, data_dir / "kb", symlinks=True)
    server = start_server(data_dir, {**env, "OPENCOUNTER_DATA_DIR": str(data_dir)})
    try:
        yield server.url
    finally:
        server.stop()


def served_size(url: str) -> int:
    served = httpx.get(f"{url}/audit/checkpoint", timeout=10)
    if served.status_code == 404:  # none signed yet: the log signs its first with its first entry
        return 0
    return int(served.text.split("\n")[1])


def citizen_asks(url: str, question: str) -> None:
    """One conversation through the JSON API, then wait until the checkpoint covers it."""
    before = served_size(url)
    with httpx.Client(base_url=url, timeout=30) as client:
        started = client.post("/api/v1/conversations", json={"lang": "en"})
        assert started.status_code == 201, started.text
        path = f"/api/v1/conversations/{started.json()['id']}/messages"
        auth = {"Authorization": f"Bearer {started.json()['token']}"}
        assert client.post(path, json={"text": question}, headers=auth).status_code == 200
    deadline = time.monotonic() + WAIT_S
    # The appender drains the outbox in the background: disclosure, message and answer.
    while served_size(url) < before + 3:
        assert time.monotonic() < deadline, f"the log grew only to {served_size(url)}"
        time.sleep(0.1)


def test_the_witness_cli_cosigns_the_running_app_and_refuses_a_fork(
    demo_index: Path, tmp_path: Path
) -> None:
    witness_dir = tmp_path / "ombudsman"
    cli_env = server_environment({"PYTHONPATH": str(REPO)})
    made = opencounter(
        "audit", "keygen", "--witness", "--origin", WITNESS, "--data-dir", str(witness_dir),
        env=cli_env,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    witness_key = made.stdout.strip()
    witness = parse_cosigner_verifier_key(witness_key)
    signer = generate_signer(ORIGIN)
    log_key = signer.verifier()
    env = server_environment(
        {
            "OPENCOUNTER_ANSWER_MODE": "extractive",
            "OPENCOUNTER_LOG_SIGNING_KEY": signer.to_string(),
            "OPENCOUNTER_WITNESS_KEYS": witness_key,
            "OPENCOUNTER_CHECKPOINT_EVERY": "1",  # a checkpoint after every append
            "PYTHONPATH": str(REPO),
        }
    )
    state_path = witness_dir / "audit" / "witness-state.json"

    def witness_run(url: str) -> subprocess.CompletedProcess[str]:
        return opencounter(
            "audit", "witness", "--log-url", url, "--log-key", log_key.to_string(),
            "--data-dir", str(witness_dir),
            env=cli_env,
        )  # fmt: skip

    with app(tmp_path / "log" / "data", demo_index, env) as url:
        citizen_asks(url, "How do I get a library card?")
        first = witness_run(url)
        assert first.returncode == 0, first.stderr
        cosigned = open_checkpoint(first.stdout, log_key, [witness])
        assert [s.name for s in cosigned.note.verified] == [ORIGIN, WITNESS]
        served = httpx.get(f"{url}/audit/checkpoint", timeout=10).text
        assert served == first.stdout  # the app stored and now serves the cosignature
        first_size = cosigned.checkpoint.size

        citizen_asks(url, "When is the library open?")
        second = witness_run(url)
        assert second.returncode == 0, second.stderr
        grown = open_checkpoint(second.stdout, log_key, [witness]).checkpoint
        assert grown.size > first_size
        assert WitnessState.load(state_path) == WitnessState(ORIGIN, grown.size, grown.root)

        # A state claiming a bigger tree than the log serves: the log was rolled back.
        kept = state_path.read_text("utf-8")
        state_path.write_text(json.dumps({**json.loads(kept), "size": grown.size + 100}))
        rolled_back = witness_run(url)
        assert rolled_back.returncode == 1
        assert f"Not cosigned: the log shrank from {grown.size + 100} to" in rolled_back.stderr
        state_path.write_text(kept, "utf-8")

    # Same origin and key over a fresh database: a different history of at least that size.
    with app(tmp_path / "fork" / "data", demo_index, env) as fork:
        for n in range(20):
            if served_size(fork) > grown.size:
                break
            citizen_asks(fork, f"Question {n} about library cards")
        assert served_size(fork) > grown.size
        forked = witness_run(fork)
        assert forked.returncode == 1
        refusal = (
            rf"Not cosigned: checkpoint of size \d+ does not extend the one of size {grown.size}"
        )
        assert re.search(refusal, forked.stderr), forked.stderr
        assert WitnessState.load(state_path) == WitnessState(ORIGIN, grown.size, grown.root)
        assert WITNESS not in httpx.get(f"{fork}/audit/checkpoint", timeout=10).text
