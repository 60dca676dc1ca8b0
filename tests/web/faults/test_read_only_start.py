"""A read-only data directory at start: `opencounter serve` stops with one sentence, exit 2.

The directory is a tmpfs remounted read-only (root cannot write there either, unlike a
directory without write permission). Other commands that meet the same storage print one
sentence too and exit non-zero, never a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.e2e.live_server import free_port, opencounter_command
from tests.web.faults.disks import remount_read_only, tmpfs


def _run(args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("OPENCOUNTER_")},
        "OPENCOUNTER_DATA_DIR": str(data),
        "OPENCOUNTER_ANSWER_MODE": "extractive",
        "OPENCOUNTER_GUARD_CLASSIFIER": "false",
        "COLUMNS": "200",
    }
    return subprocess.run(
        [opencounter_command(), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_serve_on_a_read_only_data_dir_says_so_and_exits_2(tmp_path: Path, data_dir: Path) -> None:
    with tmpfs(tmp_path / "disk", size_mib=16) as disk:
        data = disk / "data"
        shutil.copytree(data_dir, data, symlinks=True)
        remount_read_only(disk)
        served = _run(["serve", "--port", str(free_port())], data)
        upgraded = _run(["db", "upgrade"], data)
    said = served.stdout + served.stderr
    assert served.returncode == 2, said
    assert "Traceback" not in said, said
    assert "Cannot start:" in said and "OPENCOUNTER_DATA_DIR" in said, said
    assert str(data) in said and "Read-only file system" in said, said
    assert len([line for line in said.splitlines() if "Cannot start" in line]) == 1
    said = upgraded.stdout + upgraded.stderr
    assert upgraded.returncode != 0, said
    assert "Traceback" not in said, said
    assert "read-only" in said.lower() or "cannot be written" in said, said
