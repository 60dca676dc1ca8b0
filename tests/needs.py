"""What a test does when a part it needs is missing: skip on a developer's machine, fail in
CI, where `make test` installs everything and a skip would hide a test that never ran."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{reason} (CI installs it: check `make test`)")
    pytest.skip(reason)
