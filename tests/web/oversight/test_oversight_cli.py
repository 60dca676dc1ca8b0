"""`opencounter oversight sample` and `index` on a real data directory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.conftest import make_settings
from web.app import create_app
from web.cli.main import build_cli

PARKING = "How do I apply for a resident parking permit?"


def _conversations(data_dir: Path, count: int) -> set[str]:
    found = set()
    with TestClient(create_app(make_settings(data_dir))) as client:
        for _ in range(count):
            r = client.post("/chat/messages", data={"text": PARKING}, follow_redirects=False)
            found.add(re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1))  # type: ignore[union-attr]
        client.post("/chat/messages", data={"text": "What is the best chocolate cake recipe?"})
    return found


@pytest.fixture
def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    return CliRunner()


def test_sample_draws_answered_conversations_again_with_the_same_seed(
    run: CliRunner, data_dir: Path
) -> None:
    answered = _conversations(data_dir, 4)
    cli = build_cli()
    first = run.invoke(cli, ["oversight", "sample", "--size", "2", "--seed", "11"])
    assert first.exit_code == 0, first.output
    drawn = {cid for cid in answered if cid in first.output}
    assert len(drawn) == 2
    again = run.invoke(cli, ["oversight", "sample", "--size", "2", "--seed", "11"])
    assert {cid for cid in answered if cid in again.output} == drawn
    assert "seed=11" in first.output and "/oversight/reviews?" in first.output
    everyone = run.invoke(cli, ["oversight", "sample", "--size", "10", "--seed", "3"])
    assert {cid for cid in answered if cid in everyone.output} == answered


def test_sample_and_index_say_what_is_wrong(run: CliRunner, data_dir: Path) -> None:
    _conversations(data_dir, 1)
    cli = build_cli()
    bad = run.invoke(cli, ["oversight", "sample", "--size", "0"])
    assert bad.exit_code == 2 and "1 to 200" in bad.output
    bad = run.invoke(cli, ["oversight", "sample", "--since", "yesterday"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    indexed = run.invoke(cli, ["oversight", "index"])
    assert indexed.exit_code == 0
    assert re.search(r"covers (\d+) of \1 log entries", indexed.output), indexed.output
