"""The `opencounter` command as an operator and an auditor use it, on a real data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from tests.conftest import DEMO_KB
from web.cli.main import build_cli


@pytest.fixture
def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    return CliRunner()


def test_every_command_has_help(run: CliRunner) -> None:
    cli = build_cli()
    for args in (
        ["--help"],
        ["serve", "--help"],
        ["ingest", "--help"],
        ["ask", "--help"],
        ["audit", "verify", "--help"],
        ["kb", "--help"],
        ["eval", "--help"],
        ["users", "--help"],
        ["users", "add", "--help"],
        ["users", "disable", "--help"],
        ["users", "list", "--help"],
        ["oversight", "--help"],
        ["oversight", "sample", "--help"],
        ["oversight", "index", "--help"],
    ):
        result = run.invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
        assert "Usage" in result.output


def test_ask_prints_decision_answer_and_citations(run: CliRunner) -> None:
    result = run.invoke(build_cli(), ["ask", "How do I apply for a resident parking permit?"])
    assert result.exit_code == 0, result.output
    assert "Decision: answer" in result.output
    assert "en/parking-permits" in result.output


def test_ask_says_what_each_link_token_stands_for(run: CliRunner) -> None:
    result = run.invoke(build_cli(), ["ask", "How do I register to vote?"])
    assert result.exit_code == 0, result.output
    assert "[link 1.1]" in result.output
    assert "[link 1.1] www.exampleton.example/en/register-to-vote — https://" in result.output


def test_ask_refuses_an_empty_question_clearly(run: CliRunner) -> None:
    result = run.invoke(build_cli(), ["ask", "   "])
    assert result.exit_code == 2
    assert "empty" in result.output
    assert "Traceback" not in result.output


def test_ingest_is_incremental_and_logs_the_version(run: CliRunner, data_dir: Path) -> None:
    result = run.invoke(build_cli(), ["ingest", str(DEMO_KB)])
    assert result.exit_code == 0, result.output
    summary = " ".join(result.output.split())
    pages = len(list(DEMO_KB.glob("*/*.md")))
    assert "0 added" in summary and f"{pages} unchanged" in summary and "0 failed" in summary
    engine = create_engine(f"sqlite:///{data_dir / 'opencounter.db'}")
    with engine.connect() as db:
        rows = db.execute(text("SELECT data FROM audit_entries")).all()
    engine.dispose()
    assert any(b'"type":"kb_version"' in r.data for r in rows)


def test_ingest_of_a_missing_folder_says_so(run: CliRunner, tmp_path: Path) -> None:
    result = run.invoke(build_cli(), ["ingest", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "Nothing ingested" in result.output


def test_audit_verify_passes_then_names_the_altered_entry(run: CliRunner, data_dir: Path) -> None:
    cli = build_cli()
    for question in ("How do I register a birth?", "When are bins collected?"):
        assert run.invoke(cli, ["ask", question]).exit_code == 0
    key = ["--key", f"@{data_dir / 'audit' / 'log.pub'}"]  # the key as published
    ok = run.invoke(cli, ["audit", "verify", *key])
    assert ok.exit_code == 0, ok.output
    engine = create_engine(f"sqlite:///{data_dir / 'opencounter.db'}")
    with engine.begin() as db:
        data = db.execute(text("SELECT data FROM audit_entries WHERE idx = 2")).scalar_one()
        db.execute(
            text("UPDATE audit_entries SET data = :d WHERE idx = 2"),
            {"d": data.replace(b'"answer"', b'"refusal"')},
        )
    engine.dispose()
    bad = run.invoke(cli, ["audit", "verify", *key])
    assert bad.exit_code == 1, bad.output
    assert "Traceback" not in bad.output
    assert "First bad index: 2." in " ".join(bad.output.split())
