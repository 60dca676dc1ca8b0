"""Oversight fixtures: the console's in-process app and staff accounts, reused."""

from __future__ import annotations

from tests.web.console.conftest import add_staff, console_client

__all__ = ["add_staff", "console_client"]
