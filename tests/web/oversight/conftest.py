"""Oversight fixtures: the console's in-process app and staff accounts, and the log's
database fixtures (SQLite and PostgreSQL), reused."""

from __future__ import annotations

from tests.audit.conftest import database_url, engine, postgres_url, sqlite_url
from tests.web.console.conftest import add_staff, console_client

__all__ = [
    "add_staff",
    "console_client",
    "database_url",
    "engine",
    "postgres_url",
    "sqlite_url",
]
