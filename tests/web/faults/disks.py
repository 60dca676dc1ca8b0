"""Small file systems a test can fill or make read-only: a tmpfs mounted for the test.

Mounting needs root (or CAP_SYS_ADMIN); elsewhere the tests that need one are skipped with
that reason. A real file system is used rather than a patched `open`: SQLite, the vault and
the key files meet ENOSPC and EROFS where they really write.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.needs import missing


@contextmanager
def tmpfs(where: Path, size_mib: int) -> Iterator[Path]:
    """A tmpfs of `size_mib` MiB mounted at `where` for the block, unmounted after it."""
    where.mkdir(parents=True, exist_ok=True)
    mount = shutil.which("mount")
    if os.geteuid() != 0 or mount is None:
        missing(
            "mounting a small tmpfs needs root (CI runs as root): this fault is not tested here"
        )
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size_mib}m,mode=0755", "tmpfs", str(where)],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        missing(f"cannot mount a tmpfs here ({done.stderr.strip()}): not tested")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)


def fill(where: Path) -> Path:
    """Write a file until the file system has no byte left; return it (delete it to free)."""
    filler = where / "filler"
    chunk = b"\0" * (1 << 16)
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(chunk)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
        try:
            while True:  # the last partial block
                out.write(b"\0")
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
    return filler
