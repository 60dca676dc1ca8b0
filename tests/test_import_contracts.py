"""Every import contract fails when the import it forbids is added (house rule 13).

A scratch copy of the four packages gets one forbidden import per case, direct and through a
chain; `lint-imports` must then name each contract broken with that exact import. A contract
in pyproject.toml that no case breaks fails the test: it would be a rule no one saw hold.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.data import REPO
from tests.needs import missing

LAYERS = "web -> bot -> knowledge: layers"
KNOWLEDGE = "knowledge imports nothing of the project"
AUDIT = "audit imports nothing of the project"
BOT_TO_AUDIT = "bot reaches audit only through audit.sink"
SINK = "audit.sink, bot's one way into audit, imports nothing of audit"
NO_WEB = "audit, the verifier's package, imports no web framework and no LangChain"
OFFLINE = "the offline verifier imports no database or network library"

# (file in the scratch copy, lines appended to it)
ADDED = {
    "bot/leak.py": ["import web.oversight.facets"],
    "audit/sink.py": ["import audit.storage.store"],
    "audit/leak_web.py": [
        "import fastapi",
        "import starlette",
        "import langchain",
        "import langchain_community",
        "from langchain_ollama import ChatOllama",
    ],
    "audit/verify.py": ["import sqlalchemy"],
    "audit/tree_walk.py": ["import httpx"],
    "audit/leak_project.py": ["import knowledge.types"],
    "knowledge/leak.py": ["import audit.merkle", "import bot.engine"],
}
# (contract, a line lint-imports must print under it)
EXPECTED = [
    (LAYERS, "knowledge.leak -> bot.engine"),
    (KNOWLEDGE, "knowledge.leak -> audit.merkle"),
    (AUDIT, "audit.leak_project -> knowledge.types"),
    # The oversight read model, not the port: the case the old list of seven missed.
    (BOT_TO_AUDIT, "bot.leak -> web.oversight.facets"),
    (SINK, "audit.sink -> audit.storage.store"),
    (NO_WEB, "audit.leak_web -> fastapi"),
    (NO_WEB, "audit.leak_web -> starlette"),
    (NO_WEB, "audit.leak_web -> langchain (l."),
    (NO_WEB, "audit.leak_web -> langchain_community"),
    (NO_WEB, "audit.leak_web -> langchain_ollama"),
    (OFFLINE, "audit.verify -> sqlalchemy"),
    # Through a module the verifier imports.
    (OFFLINE, "audit.tree_walk -> httpx"),
]


def contract_names() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return [contract["name"] for contract in config["tool"]["importlinter"]["contracts"]]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    program = Path(sys.executable).parent / "lint-imports"
    if not program.exists():
        missing("lint-imports is not installed (make install-test installs it)")
    # Wide lines: rich wraps long contract names at the terminal's width.
    env = {**os.environ, "COLUMNS": "300", "NO_COLOR": "1"}
    return subprocess.run(
        [str(program), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def sections(report: str, names: list[str]) -> dict[str, str]:
    """Each broken contract's part of the report, found by its heading."""
    broken = report.split("Broken contracts", 1)[-1]
    starts = sorted((broken.find(f"\n{name}\n"), name) for name in names if f"\n{name}\n" in broken)
    ends = [start for start, _ in starts[1:]] + [len(broken)]
    return {name: broken[start:end] for (start, name), end in zip(starts, ends, strict=True)}


def test_every_contract_is_tested_here() -> None:
    assert sorted(contract_names()) == sorted({name for name, _ in EXPECTED})


@pytest.mark.slow
def test_each_forbidden_import_breaks_its_contract(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    for package in ("bot", "knowledge", "audit", "web"):
        shutil.copytree(
            REPO / package, scratch / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy2(REPO / "pyproject.toml", scratch / "pyproject.toml")
    assert lint_imports(scratch).returncode == 0, "the copy must keep every contract first"
    for name, lines in ADDED.items():
        path = scratch / name
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(before + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = lint_imports(scratch)
    assert result.returncode != 0, result.stdout
    found = sections(result.stdout, contract_names())
    unseen = [
        (contract, line) for contract, line in EXPECTED if line not in found.get(contract, "")
    ]
    assert unseen == [], result.stdout[-6000:]
