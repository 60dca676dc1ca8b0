"""An oversight body installs the verifier alone and checks the app's export with it.

The opencounter-verifier wheel is built from `audit/` (packaging/verifier/build.py), installed
into a clean venv with no network (its dependencies come from the wheelhouse `make
install-test` fills), and its `opencounter-audit` verifies a bundle the app exported, and
rejects the same bundle with one entry changed; FastAPI, SQLAlchemy and LangChain are not
there to import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.data import REPO
from tests.needs import missing
from tests.web.citizens import start_api
from web.app import create_app
from web.cli.main import build_cli
from web.settings import Settings

VERIFIER = REPO / "packaging" / "verifier"
WHEELHOUSE = REPO / ".venv" / "wheelhouse"


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run away from the checkout, with no PYTHONPATH: only what is installed can import."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env=env,
    )


def _export(settings: Settings, monkeypatch: pytest.MonkeyPatch, out: Path) -> str:
    """The app logs two conversations; the operator exports the log. Returns the published key."""
    with TestClient(create_app(settings)) as client:
        for question in ("How do I get a library card?", "When are the bins collected?"):
            cid = start_api(client, "en")
            reply = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": question})
            assert reply.status_code == 200
        key = client.get("/audit/key").text.strip()
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    result = CliRunner().invoke(build_cli(), ["audit", "export", "--out", str(out)])
    assert result.exit_code == 0 and "Exported 6 entries" in result.output, result.output
    return key


def _tamper(bundle: Path, into: Path) -> Path:
    """A copy of the bundle whose second entry says another event type (still valid JSON)."""
    into.mkdir()
    for item in bundle.iterdir():
        into.joinpath(item.name).write_bytes(item.read_bytes())
    lines = (into / "entries.jsonl").read_text("utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["type"] = "feedback" if entry["type"] != "feedback" else "message"
    lines[1] = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    (into / "entries.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return into


def test_the_wheel_is_the_same_version_as_the_app() -> None:
    def version(path: Path) -> str:
        return str(tomllib.loads(path.read_text("utf-8"))["project"]["version"])

    assert version(VERIFIER / "pyproject.toml") == version(REPO / "pyproject.toml")


@pytest.mark.slow
def test_the_verifier_alone_checks_the_apps_export_in_a_clean_venv(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if not (WHEELHOUSE / ".complete").exists():
        missing(f"no wheelhouse at {WHEELHOUSE}: `make install-test` downloads it")
    built = _run(sys.executable, VERIFIER / "build.py", tmp_path / "dist", WHEELHOUSE, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("opencounter_verifier-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    modules = {name for name in names if name.startswith("audit/")}
    assert "audit/cli.py" in modules and "audit/verify.py" in modules
    assert not [name for name in modules if name.startswith("audit/storage/")]
    assert "audit/sink.py" not in modules

    clean = tmp_path / "venv"
    venv.create(clean, with_pip=False)  # the outer pip installs into it (--python)
    python = clean / "bin" / "python"
    installed = _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-index",
        "--find-links",
        WHEELHOUSE,
        wheel,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr

    for module in ("fastapi", "sqlalchemy", "langchain_core", "httpx", "web", "bot"):
        absent = _run(python, "-c", f"import {module}", cwd=tmp_path)
        assert absent.returncode != 0 and "ModuleNotFoundError" in absent.stderr, module

    bundle = tmp_path / "bundle"
    key = _export(settings, monkeypatch, bundle)
    program = clean / "bin" / "opencounter-audit"
    checked = _run(program, "verify", "--bundle", bundle, "--key", key, cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("OK: 6 entries"), checked.stdout

    changed_bundle = _tamper(bundle, tmp_path / "changed")
    changed = _run(program, "verify", "--bundle", changed_bundle, "--key", key, cwd=tmp_path)
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert "Verification FAILED" in changed.stderr and "First bad index: 1" in changed.stderr
    # The verifier takes no database: it says what to install instead, without a traceback.
    database = _run(
        program, "verify", "--database-url", "sqlite:///x.db", "--key", key, cwd=tmp_path
    )
    assert database.returncode == 2 and "Traceback" not in database.stderr
