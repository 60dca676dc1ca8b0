"""A PostgreSQL server of the test's own, on a free loopback port, that the test can stop.

The shared test database cannot be stopped by one test without breaking the others, so the
fault suite starts its own cluster with Debian's `initdb` and `pg_ctl`
(`/usr/lib/postgresql/*/bin`) in a temporary directory. PostgreSQL refuses to run as root:
when the tests do, the cluster belongs to the `postgres` account and the commands run as it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.live_server import free_port
from tests.needs import missing


def _bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


@dataclass
class PrivatePostgres:
    """A running private cluster: `url` for SQLAlchemy, `stop()` and `start()` at will."""

    bin_dir: Path
    data: Path
    port: int
    run_as: list[str]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *args: str) -> None:
        command = [*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        log = self.data.parent / "server.log"
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1"
        self._pg_ctl("-w", "-l", str(log), "-o", options, "start")

    def running(self) -> bool:
        command = [*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "status"]
        return subprocess.run(command, check=False, capture_output=True, timeout=30).returncode == 0

    def stop(self) -> None:
        # Fast: open sessions are ended at once, as an outage (or a restart) would end them.
        self._pg_ctl("-w", "-m", "fast", "stop")


@contextmanager
def private_postgres(tmp_path: Path) -> Iterator[PrivatePostgres]:
    """Start a fresh cluster under `tmp_path`; stop it (if running) when the block ends."""
    bin_dir = _bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").is_file():
        missing("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    root = tmp_path / "pg"
    root.mkdir()
    run_as: list[str] = []
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            missing("running as root and there is no postgres account to run PostgreSQL as")
        runuser = shutil.which("runuser")
        if runuser is None:
            missing("running as root and runuser is missing: PostgreSQL cannot be started")
        os.chown(root, account.pw_uid, account.pw_gid)
        # The account must reach the directory: every parent needs search permission.
        for parent in root.parents:
            if parent == Path(tmp_path.anchor):
                break
            mode = parent.stat().st_mode
            if not mode & 0o001:
                parent.chmod(mode | 0o001)
        run_as = [runuser, "-u", "postgres", "--"]
    data = root / "data"
    subprocess.run(
        [
            *run_as,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    server = PrivatePostgres(bin_dir, data, free_port(), run_as)
    server.start()
    try:
        yield server
    finally:
        if server.running():
            server.stop()
