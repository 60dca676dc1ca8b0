"""Run `docker compose config` (or Debian's `docker-compose`) on the repository's compose files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.needs import missing

ROOT = Path(__file__).resolve().parents[2]


def compose_command() -> list[str]:
    """The compose client on this machine: Docker's plugin if it answers, else docker-compose."""
    docker = shutil.which("docker")
    if docker is not None:
        probe = subprocess.run([docker, "compose", "version"], capture_output=True, check=False)
        if probe.returncode == 0:
            return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy is None:
        missing("no compose client: `apt-get install docker-compose` (make install-test does)")
    return [legacy]


def compose_config(env_file: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """`config` of the given files with only `env_file`'s variables (and PATH): the tester's own
    environment and any .env beside compose.yaml play no part."""
    command = [*compose_command()]
    for name in files:
        command += ["-f", str(ROOT / name)]
    command += ["--env-file", str(env_file), "config"]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(env_file.parent)}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=60)


def rendered(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert result.returncode == 0, result.stderr
    document = yaml.safe_load(result.stdout)
    assert isinstance(document, dict)
    return document


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def write_env_file(path: Path, values: dict[str, str]) -> Path:
    path.write_text("".join(f"{k}={v}\n" for k, v in values.items()), encoding="utf-8")
    return path
