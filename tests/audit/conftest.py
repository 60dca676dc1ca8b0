"""Database fixtures for the audit tests: a SQLite file, and PostgreSQL in a fresh schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from audit.storage.store import tune_engine
from tests.needs import missing
from tests.schema import create_schema

DATABASE_URL_VARIABLE = "OPENCOUNTER_TEST_DATABASE_URL"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a new, empty schema dropped afterwards."""
    base = os.environ.get(DATABASE_URL_VARIABLE)
    if not base:
        missing(f"{DATABASE_URL_VARIABLE} is not set: PostgreSQL tests skipped")
    schema = f"audit_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        admin.dispose()
        missing(f"PostgreSQL at {DATABASE_URL_VARIABLE} is unreachable: {error}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: object) -> str:
    return f"sqlite:///{tmp_path}/audit.db"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on SQLite and on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    tune_engine(engine)  # as the app does: WAL and a busy timeout on SQLite
    create_schema(engine)
    yield engine
    engine.dispose()
