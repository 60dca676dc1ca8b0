"""Every import contract fails when the import it forbids is added (house rule 13).

A scratch copy of the four packages gets one forbidden import per case, direct and through a
chain; `lint-imports` must then name each contract broken with that exact import. A contract
in pyproject.toml that no case breaks fails the test: it would be a rule no one saw hold.
"""

from __future__ import annotations

import ast
import os
import re
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
VERIFIER = "the verifier imports no database or network library, nothing of audit.storage"
OFFLINE = "the verifier's checks reach no network: only audit.remote does"
ROOT = "only web.app, web.cli and Alembic's entry point use the composition root"
CLI = "the command line lives in web.cli and the audit commands"
HISTORY = "the schema history lives in web.database and web.migrations"
NO_SQL = "the HTTP surfaces and the public record import no SQLAlchemy"
CORE = "bot and knowledge import no web framework"

# (file in the scratch copy, lines appended to it)
ADDED = {
    "bot/leak.py": ["import web.oversight.facets"],
    "bot/leak_direct.py": ["import audit", "import audit.verify", "from audit import storage"],
    "audit/sink.py": ["import audit.storage.store"],
    "audit/leak_web.py": [
        "import fastapi",
        "import starlette",
        "import langchain",
        "import langchain_community",
        "from langchain_ollama import ChatOllama",
    ],
    "audit/verify.py": ["import sqlalchemy", "from audit.remote import read_checkpoint"],
    "audit/tree_walk.py": ["import httpx"],
    # Type-only imports count: the issuing log is named by Protocols on the verifier's side.
    "audit/bundle.py": [
        "import typing",
        "if typing.TYPE_CHECKING:",
        "    import audit.storage.log",
    ],
    "audit/cli.py": ["from audit.sink import LogUnavailable"],
    "audit/merkle.py": ["import urllib.request"],
    "audit/receipt.py": ["import socket"],
    "audit/leak_project.py": ["import knowledge.types"],
    "knowledge/leak.py": ["import audit.merkle", "import bot.engine"],
    "web/transparency/leak_root.py": ["from web.bootstrap import load_settings"],
    "web/http/leak_root.py": ["import web.bootstrap.people", "import sqlalchemy"],
    "web/oversight/leak_cli.py": ["import typer", "from rich.console import Console"],
    "bot/leak_frameworks.py": ["import rich", "import fastapi", "from alembic import command"],
    "knowledge/leak_frameworks.py": ["import starlette.responses", "import alembic.op"],
}
# (contract, a line lint-imports must print under it)
EXPECTED = [
    (LAYERS, "knowledge.leak -> bot.engine"),
    (KNOWLEDGE, "knowledge.leak -> audit.merkle"),
    (AUDIT, "audit.leak_project -> knowledge.types"),
    # The oversight read model, not the port: the case the old list of seven missed.
    (BOT_TO_AUDIT, "bot.leak -> web.oversight.facets"),
    (BOT_TO_AUDIT, "bot.leak_direct -> audit (l."),
    (BOT_TO_AUDIT, "bot.leak_direct -> audit.verify"),
    (BOT_TO_AUDIT, "bot.leak_direct -> audit.storage"),
    (SINK, "audit.sink -> audit.storage.store"),
    (NO_WEB, "audit.leak_web -> fastapi"),
    (NO_WEB, "audit.leak_web -> starlette"),
    (NO_WEB, "audit.leak_web -> langchain (l."),
    (NO_WEB, "audit.leak_web -> langchain_community"),
    (NO_WEB, "audit.leak_web -> langchain_ollama"),
    (VERIFIER, "audit.verify -> sqlalchemy"),
    # Through a module the verifier imports.
    (VERIFIER, "audit.tree_walk -> httpx"),
    (VERIFIER, "audit.bundle -> audit.storage.log"),
    (VERIFIER, "audit.cli -> audit.sink"),
    (OFFLINE, "audit.verify -> audit.remote"),
    (OFFLINE, "audit.merkle -> urllib"),
    (OFFLINE, "audit.receipt -> socket"),
    (ROOT, "web.transparency.leak_root -> web.bootstrap"),
    (ROOT, "web.http.leak_root -> web.bootstrap.people"),
    (CLI, "web.oversight.leak_cli -> typer"),
    (CLI, "web.oversight.leak_cli -> rich"),
    (CLI, "bot.leak_frameworks -> rich"),
    (HISTORY, "bot.leak_frameworks -> alembic"),
    (HISTORY, "knowledge.leak_frameworks -> alembic"),
    (NO_SQL, "web.http.leak_root -> sqlalchemy"),
    (CORE, "bot.leak_frameworks -> fastapi"),
    (CORE, "knowledge.leak_frameworks -> starlette"),
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


def verifier_modules(root: Path) -> set[str]:
    """Every module of audit/ outside audit/storage/ and the sink: what the verifier wheel ships."""
    audit = root / "audit"
    names = {f"audit.{path.stem}" for path in audit.glob("*.py") if path.stem != "__init__"}
    return (names | {"audit"}) - {"audit.sink"}


def contract(name: str) -> dict[str, list[str]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = next(
        entry for entry in config["tool"]["importlinter"]["contracts"] if entry["name"] == name
    )
    return found


def test_every_verifier_module_is_held_by_the_verifier_contracts() -> None:
    """The contracts list modules (not the package, which holds storage too): a new module of
    the verifier must be added to them, or this fails."""
    modules = verifier_modules(REPO)
    assert set(contract(VERIFIER)["source_modules"]) == modules
    assert set(contract(OFFLINE)["source_modules"]) == modules - {"audit.cli", "audit.remote"}


def foreign_imports(root: Path, allowed: set[str]) -> set[tuple[str, str]]:
    """(module, top-level name) for every import of a verifier module, type-only and
    function-level ones included, that is neither the standard library, `audit`, nor allowed."""
    found = set()
    for module in sorted(verifier_modules(root)):
        relative = "__init__" if module == "audit" else module.removeprefix("audit.")
        tree = ast.parse((root / "audit" / f"{relative}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "audit" and top not in allowed:
                    found.add((module, top))
    return found


def wheel_dependencies() -> set[str]:
    """The import names of the opencounter-verifier wheel's dependencies (packaging/verifier)."""
    config = tomllib.loads(
        (REPO / "packaging" / "verifier" / "pyproject.toml").read_text(encoding="utf-8")
    )
    return {
        re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].replace("-", "_")
        for requirement in config["project"]["dependencies"]
    }


def test_the_verifier_imports_only_what_its_wheel_depends_on(tmp_path: Path) -> None:
    """An allow-list beside the contracts' deny-lists: a LangChain module, web framework or
    database driver no contract names still fails here, and so does a dependency the wheel
    would not install."""
    allowed = wheel_dependencies()
    assert allowed == {"cryptography", "typer", "rich"}
    assert foreign_imports(REPO, allowed) == set()
    scratch = tmp_path / "audit"
    shutil.copytree(REPO / "audit", scratch, ignore=shutil.ignore_patterns("__pycache__"))
    merkle = scratch / "merkle.py"
    merkle.write_text(
        merkle.read_text(encoding="utf-8") + "\ndef _later() -> None:\n    import yaml\n",
        encoding="utf-8",
    )
    (scratch / "novel.py").write_text('"""A new module."""\nimport langchain_anthropic\n')
    assert foreign_imports(tmp_path, allowed) == {
        ("audit.merkle", "yaml"),
        ("audit.novel", "langchain_anthropic"),
    }


def imports_by_name(root: Path) -> list[str]:
    """Calls that import a module named at run time, which no contract can see."""
    found = []
    for package in ("bot", "knowledge", "audit"):
        for path in sorted((root / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                    if name in ("import_module", "__import__"):
                        found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_import_escapes_the_contracts(tmp_path: Path) -> None:
    """bot's one way into audit holds only if every import is one import-linter sees: none by a
    name built at run time, and the escalation hooks registered as entry points are bot's."""
    assert imports_by_name(REPO) == []
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    hooks = config["project"]["entry-points"]["opencounter.escalation_hooks"]
    assert hooks and all(target.startswith("bot.hooks.") for target in hooks.values())
    scratch = tmp_path / "bot"
    scratch.mkdir()
    for package in ("knowledge", "audit"):
        (tmp_path / package).mkdir()
    (scratch / "leak.py").write_text(
        "import importlib\nstore = importlib.import_module('audit.storage.store')\n"
    )
    assert imports_by_name(tmp_path) == ["bot/leak.py:2"]
