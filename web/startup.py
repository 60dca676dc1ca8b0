"""Why the app cannot start, named by the setting an operator must fix."""

from __future__ import annotations

import tempfile
from pathlib import Path

FIX_THE_SETTING = "Fix the setting and start again."


class UnusableSetting(Exception):
    """A setting's value cannot be used; the message names the setting, the problem, the fix."""

    def __init__(self, setting: str, problem: str, fix: str = FIX_THE_SETTING) -> None:
        super().__init__(f"{setting} cannot be used: {problem}. {fix}")
        self.setting = setting
        self.problem = problem


def require_writable_dir(path: Path, setting: str = "OPENCOUNTER_DATA_DIR") -> None:
    """Make `path` if needed and write a scratch file in it; UnusableSetting if that fails.

    Checked before the database is opened: SQLite would only say "unable to open database
    file", which names neither the directory nor that it is read-only.
    """
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise UnusableSetting(
            setting,
            f"{path} cannot be written to ({exc.strerror or exc})",
            "Make it writable (and not full) for the user running OpenCounter, or point "
            f"{setting} at a directory that is, then start again.",
        ) from None
