"""The `opencounter audit` sub-app: exit codes 0/1/2 and the main flows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine
from typer.testing import CliRunner

from audit.note import parse_signer_key
from audit.receipt import receipt_for
from audit.sink import AuditEvent
from audit.storage.cli import build_audit_cli
from audit.storage.log import TransparencyLog
from audit.storage.vault import Vault, parse_master_key
from tests.audit.operator_log import operator_cli
from tests.schema import create_schema, log_tables

ORIGIN = "city.example/audit"


def run(*arguments: str) -> tuple[int, str]:
    """The operator's `opencounter audit` (the app mounts it with its settings)."""
    result = CliRunner().invoke(operator_cli(ORIGIN), list(arguments))
    return result.exit_code, result.output


def run_offline(*arguments: str) -> tuple[int, str]:
    """`opencounter-audit`, as an oversight body runs it: no operator commands."""
    result = CliRunner().invoke(build_audit_cli(), list(arguments))
    return result.exit_code, result.output


def seed(data: Path) -> tuple[TransparencyLog, Engine]:
    keys = data / "audit"
    engine = create_engine(f"sqlite:///{data / 'opencounter.db'}")
    create_schema(engine)
    signer = parse_signer_key((keys / "log.key").read_text().strip())
    vault = Vault(
        engine, parse_master_key((keys / "vault.key").read_text().strip()), tables=log_tables()
    )
    log = TransparencyLog(engine, signer, ORIGIN, vault, tables=log_tables())
    log.record([AuditEvent("message", f"c{n % 3}", {"n": n}, f"text {n}") for n in range(10)])
    return log, engine


def test_full_flow(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, output = run("keygen", "--origin", ORIGIN, "--data-dir", str(data))
    assert code == 0 and output.startswith(ORIGIN + "+")
    assert oct((data / "audit" / "log.key").stat().st_mode)[-3:] == "600"
    assert run("keygen", "--origin", ORIGIN, "--data-dir", str(data))[0] == 2
    log, engine = seed(data)

    pub = f"@{data / 'audit' / 'log.pub'}"  # the key as published, passed by the verifier
    code, output = run("verify", "--data-dir", str(data), "--key", pub)
    assert code == 0 and "10 entries" in output
    code, output = run("checkpoint", "--data-dir", str(data))
    assert code == 0 and output.split("\n")[:2] == [ORIGIN, "10"]

    receipt = tmp_path / "receipt.json"
    receipt.write_text(receipt_for(log, "c1"))
    assert run("verify-receipt", str(receipt), "--key", pub)[0] == 0
    receipt.write_text(receipt.read_text().replace('\\"n\\":1', '\\"n\\":2'))
    assert run("verify-receipt", str(receipt), "--key", pub)[0] == 1
    assert run("verify-receipt", str(tmp_path / "missing.json"), "--key", pub)[0] == 2

    bundle = tmp_path / "bundle"
    assert run("export", "--out", str(bundle), "--data-dir", str(data))[0] == 0
    assert run("verify", "--bundle", str(bundle), "--key", pub)[0] == 0
    lines = (bundle / "entries.jsonl").read_text().splitlines()
    lines[4] = lines[4].replace('"n":4', '"n":40')
    (bundle / "entries.jsonl").write_text("\n".join(lines) + "\n")
    code, output = run("verify", "--bundle", str(bundle), "--key", pub)
    assert code == 1 and "First bad index: 4" in output

    code, output = run("erase", "c2", "--data-dir", str(data))
    assert code == 0 and "erasure entry 10" in output
    code, output = run("retention", "--older-than", "0m", "--data-dir", str(data))
    assert code == 0 and "Erased 2 conversations" in output
    assert run("retention", "--older-than", "soon", "--data-dir", str(data))[0] == 2
    assert run("verify", "--data-dir", str(data), "--key", pub)[0] == 0
    engine.dispose()


def test_bad_input_exits_2(tmp_path: Path) -> None:
    code, output = run("verify", "--data-dir", str(tmp_path))
    assert code == 2 and "--key" in output and "never takes the key from the data" in output
    assert run("verify", "--bundle", str(tmp_path), "--key", "nonsense")[0] == 2
    assert run("keygen", "--origin", "has space", "--data-dir", str(tmp_path))[0] == 2
    code, output = run("witness", "--log-url", "http://127.0.0.1:9", "--log-key", "x")
    assert code == 2


def test_offline_commands_only_without_the_app(tmp_path: Path) -> None:
    """An oversight body's `opencounter-audit` cannot change a log, nor make an empty one."""
    data = tmp_path / "data"
    assert run("keygen", "--origin", ORIGIN, "--data-dir", str(data))[0] == 0
    _log, engine = seed(data)
    for command in ("checkpoint", "erase", "retention", "export"):
        code, output = run_offline(command, "--help")
        assert code == 2 and "No such command" in output, command
    pub = f"@{data / 'audit' / 'log.pub'}"
    code, output = run_offline("verify", "--key", pub)
    assert code == 2 and "--database-url" in output
    url = f"sqlite:///{data / 'opencounter.db'}"
    code, output = run_offline("verify", "--key", pub, "--database-url", url)
    assert code == 0 and "OK: 10 entries" in output
    missing = f"sqlite:///{tmp_path / 'missing.db'}"
    assert run_offline("verify", "--key", pub, "--database-url", missing)[0] == 2
    assert not (tmp_path / "missing.db").exists()
    engine.dispose()


def test_verify_needs_only_the_public_key(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("keygen", "--origin", ORIGIN, "--data-dir", str(data))[0] == 0
    _log, engine = seed(data)
    for secret in ("log.key", "vault.key"):
        (data / "audit" / secret).unlink()
    pub = f"@{data / 'audit' / 'log.pub'}"
    code, output = run("verify", "--data-dir", str(data), "--key", pub)
    assert code == 0 and "OK: 10 entries" in output
    engine.dispose()


def test_verify_of_a_database_without_a_log_exits_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("keygen", "--origin", ORIGIN, "--data-dir", str(data))[0] == 0
    pub = f"@{data / 'audit' / 'log.pub'}"
    code, output = run("verify", "--data-dir", str(data), "--key", pub)
    assert code == 2 and "no transparency log" in output.lower()


def test_standalone_entry_point_imports_no_web_framework(tmp_path: Path) -> None:
    script = (
        "import sys; sys.argv = ['opencounter-audit', '--help']\n"
        "from audit.cli import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "assert 'fastapi' not in sys.modules and 'langchain_core' not in sys.modules\n"
        "assert code == 0, code\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "verify-receipt" in result.stdout
