"""The suite runs on a plain clone: its vectors and corpora are in the repository, unchanged.

Only the evaluation data may sit beside the repository (`../shared/eval`, see tests/data.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.data import CORPORA, REPO, VECTORS
from tests.needs import missing

# A README row: | `file` | copied from | ... | `<64 hex>` |
ROW = re.compile(r"^\| `(?P<name>[^`]+)` \|.*\| `(?P<sha256>[0-9a-f]{64})` \|$", re.MULTILINE)


def listed(folder: Path) -> dict[str, str]:
    return {m["name"]: m["sha256"] for m in ROW.finditer((folder / "README.md").read_text())}


@pytest.mark.parametrize("folder", [VECTORS, CORPORA], ids=lambda folder: folder.name)
def test_every_copied_file_is_listed_with_its_hash(folder: Path) -> None:
    files = {path.name for path in folder.iterdir() if path.name != "README.md"}
    hashes = listed(folder)
    assert set(hashes) == files, "list every copied file in the README, and only those"
    for name, expected in hashes.items():
        actual = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        assert actual == expected, f"{name} changed: copy it again and update the README hash"


def test_no_test_reads_the_shared_folder_except_for_evaluation_data() -> None:
    here = Path(__file__).resolve()
    reaching_out = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "tests").rglob("*.py"))
        if path not in (here, REPO / "tests" / "data.py")
        and re.search(r"[\"']shared[\"']|\.\./shared/(?!eval)", path.read_text("utf-8"))
    ]
    assert reaching_out == [], "read vectors and corpora from tests.data, evaluation data via EVAL"


def tracked_files() -> list[str]:
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        missing("collecting on a plain clone needs git and a git checkout")
    listing = subprocess.run(
        [git, "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    return [name for name in listing.stdout.decode().split("\0") if name]


@pytest.mark.slow
def test_collection_needs_nothing_beside_the_repository(tmp_path: Path) -> None:
    # A copy of what a clone holds (plus files not yet committed), with no ../shared beside it.
    clone = tmp_path / "clone"
    for name in tracked_files():
        source = REPO / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    assert not (clone.parent / "shared").exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
        ],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    tail = result.stdout[-3000:] + result.stderr[-2000:]
    assert result.returncode == 0, tail
    assert "error" not in result.stdout.splitlines()[-1], tail
