"""Build the opencounter-verifier wheel: `python packaging/verifier/build.py OUT [WHEELHOUSE]`.

The wheel holds `audit/` without `audit/storage/` and `audit/sink.py`, the operator's side
and bot's write port, which pyproject.toml's contracts keep the verifier from importing.
setuptools takes no package from outside its project folder, so the files are staged in a
temporary folder beside this one's pyproject.toml and README.md, and pip builds from there:
offline, with setuptools and wheel from WHEELHOUSE (`make install-test` fills `.venv/wheelhouse`),
else from the package index.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# What stays out of the verifier: the storage side and the write port (see the module doc).
LEFT_OUT = ("storage", "sink.py", "__pycache__")


def stage(into: Path) -> None:
    """Copy the verifier's project (pyproject, README, audit/ minus LEFT_OUT) into `into`."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(HERE / name, into / name)
    shutil.copytree(REPO / "audit", into / "audit", ignore=shutil.ignore_patterns(*LEFT_OUT))


def build_wheel(out: Path, wheelhouse: Path | None = None) -> Path:
    """Build the wheel into `out` and return its path; offline from `wheelhouse` if given."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="opencounter-verifier-") as staging:
        stage(Path(staging))
        command = [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(out),
            staging,
        ]
        if wheelhouse is not None:
            command += ["--no-index", "--find-links", str(wheelhouse)]
        subprocess.run(command, check=True, timeout=300)
    built = sorted(out.glob("opencounter_verifier-*.whl"), key=lambda path: path.stat().st_mtime)
    if not built:
        raise SystemExit(f"pip wrote no opencounter_verifier wheel into {out}")
    return built[-1]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "dist"
    wheel = build_wheel(out, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    print(f"{wheel} ({wheel.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
