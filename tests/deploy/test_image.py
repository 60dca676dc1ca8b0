"""The image, read without a Docker daemon: multi-stage, non-root, no compilers or npm at run
time, no keys or data in the build context, migrations before serve, no ingest at start."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.deploy.dockerfile import ignored, parse_dockerignore, read_dockerfile, read_dockerignore

ROOT = Path(__file__).resolve().parents[2]
STAGES = read_dockerfile(ROOT / "Dockerfile")
RUNTIME = STAGES[-1]
RULES = read_dockerignore(ROOT / ".dockerignore")
BUILD_TOOLS = ("gcc", "g++", "build-essential", "make", "cmake", "npm", "clang", "rustc")


def test_three_stages_and_the_runtime_is_slim() -> None:
    assert [s.name for s in STAGES] == ["assets", "wheels", "runtime"]
    assert RUNTIME.base.startswith("python:") and "slim" in RUNTIME.base
    # The runtime installs wheels built earlier and fetches or compiles nothing.
    installs = " ".join(RUNTIME.arguments("RUN"))
    assert "pip install" in installs and "--no-index" in installs
    for tool in BUILD_TOOLS:
        assert f" {tool}" not in installs.replace("apt-get install", ""), tool
    assert "apt-get" not in installs


def test_the_runtime_runs_as_an_unprivileged_user() -> None:
    users = RUNTIME.arguments("USER")
    assert users, "the runtime stage sets no USER: the app would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    assert "useradd --system --uid 10001 --gid opencounter" in " ".join(RUNTIME.arguments("RUN"))
    # Nothing runs as root after the switch.
    after = RUNTIME.instructions[
        max(i for i, ins in enumerate(RUNTIME.instructions) if ins.keyword == "USER") :
    ]
    assert not any(i.keyword == "RUN" for i in after)


def test_the_runtime_copies_no_source_tree_wholesale() -> None:
    for stage in STAGES:
        for copy in stage.arguments("COPY"):
            assert not copy.startswith(". "), f"{stage.name}: COPY . copies the whole context"
    copied = [c for c in RUNTIME.arguments("COPY") if "--from" not in c]
    assert copied == [
        "knowledge/demo /app/knowledge/demo",
        "deploy/entrypoint.sh /usr/local/bin/opencounter-entrypoint",
    ]


def test_migrations_run_before_serve_and_nothing_is_ingested_at_start() -> None:
    assert RUNTIME.arguments("ENTRYPOINT") == ['["opencounter-entrypoint"]']
    assert RUNTIME.arguments("CMD") == ['["serve"]']
    script = (ROOT / "deploy" / "entrypoint.sh").read_text(encoding="utf-8")
    lines = [line.strip() for line in script.splitlines() if not line.strip().startswith("#")]
    upgrade = lines.index("opencounter db upgrade")
    serve = next(n for n, line in enumerate(lines) if "exec opencounter serve" in line)
    assert upgrade < serve
    assert "ingest" not in "\n".join(lines)
    assert "set -eu" in lines  # a failed upgrade stops the start


@pytest.mark.parametrize(
    "path",
    [
        ".git/HEAD",
        ".venv/bin/python",
        "data/opencounter.db",
        "data/audit/log.key",
        "data/audit/vault.key",
        "data/kb/manifest.json",
        "node_modules/htmx.org/package.json",
        "web/static/vendor/htmx.min.js",
        "test-results/shot.png",
        ".env",
        ".env.production",
        "deploy/secrets/witness.key",
        "somewhere/server.pem",
        "bot/guards/data/cache/train.abc.npy",
        "web/__pycache__/app.cpython-311.pyc",
    ],
)
def test_keys_data_and_environments_stay_out_of_the_build_context(path: str) -> None:
    assert ignored(RULES, path)


@pytest.mark.parametrize(
    "path",
    [
        "pyproject.toml",
        "constraints.txt",
        "README.md",
        "package.json",
        "package-lock.json",
        "deploy/entrypoint.sh",
        "web/app.py",
        "web/migrations/versions/0001_initial.py",
        "bot/guards/data/intents.jsonl",
        "bot/policies/default.yaml",
        "knowledge/demo/en/parking-permits.md",
    ],
)
def test_what_the_build_needs_is_in_the_context(path: str) -> None:
    assert not ignored(RULES, path)


# What .gitignore also leaves out: bytecode, the guard's rebuilt cache, and the vendored assets
# (the image builds those from npm in its own stage), and certificates or keys an operator
# put in deploy/tls/.
NOT_SOURCE = ("__pycache__", "bot/guards/data/cache/", "web/static/vendor/", ".pem", ".key")


def test_every_file_the_build_copies_is_in_the_context() -> None:
    source = [
        path.relative_to(ROOT).as_posix()
        for folder in ("audit", "bot", "knowledge", "web", "deploy")
        for path in (ROOT / folder).rglob("*")
        if path.is_file()
    ]
    source = [p for p in source if not any(part in p for part in NOT_SOURCE)]
    assert len(source) > 100
    left_out = [path for path in source if ignored(RULES, path)]
    assert left_out == []


def test_the_ignore_matcher_follows_docker_rules() -> None:
    # The matcher itself, on the cases the checks above rely on.
    rules = parse_dockerignore("data\n**/*.key\n!keep/*.key\n")
    assert ignored(rules, "data/x") and not ignored(rules, "bot/data/x")
    assert ignored(rules, "a/b/c.key") and ignored(rules, "c.key")
    assert not ignored(rules, "keep/c.key")
