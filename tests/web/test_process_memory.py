"""`serve` caps glibc's malloc arenas, says so at start, and leaves an operator's choice alone."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from web.process_memory import cap_malloc_arenas

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


def _in_child(code: str, env: dict[str, str] | None = None) -> str:
    """Run in a fresh interpreter: the cap is for the whole process, not for the test run."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


@pytest.mark.skipif(not GLIBC, reason="the cap is glibc's mallopt(M_ARENA_MAX)")
def test_the_cap_is_applied_and_named() -> None:
    said = _in_child("from web.process_memory import cap_malloc_arenas as c; print(c(2))")
    assert said == "Memory: at most 2 malloc arenas (OPENCOUNTER_MALLOC_ARENAS)"


def test_zero_keeps_the_default() -> None:
    assert "default" in cap_malloc_arenas(0)


def test_an_operators_variable_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert cap_malloc_arenas(2) == "Memory: malloc arenas set by MALLOC_ARENA_MAX=4"


def test_the_setting_refuses_nonsense() -> None:
    from pydantic import ValidationError

    from web.settings import Settings

    with pytest.raises(ValidationError):
        Settings(malloc_arenas=-1)
