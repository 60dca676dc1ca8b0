"""The schema history: `opencounter db upgrade` makes the schema the models describe, on
SQLite and PostgreSQL, adopts a database made before migrations, and is safe to run twice
at once."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from typer.testing import CliRunner

from web.cli.main import build_cli
from web.database import (
    AFTER_BASELINE,
    SchemaNotCurrent,
    current_revision,
    head_revision,
    require_schema,
    schema_differences,
    upgrade_schema,
)
from web.schema import app_schema


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'opencounter.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def engine(database_url: str) -> Engine:
    return create_engine(database_url)


def test_the_migrations_make_exactly_the_schema_the_models_describe(engine: Engine) -> None:
    assert upgrade_schema(engine) == head_revision()
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        # Alembic's autogenerate finds nothing to add, drop or alter: models and history agree.
        assert schema_differences(connection) == []
        # The log and the oversight index start from their single state rows.
        assert connection.execute(text("SELECT size FROM audit_state")).all() == [(0,)]
        assert connection.execute(text("SELECT size FROM audit_facet_state")).all() == [(0,)]
    engine.dispose()


def test_a_second_upgrade_changes_nothing(engine: Engine) -> None:
    upgrade_schema(engine)
    upgrade_schema(engine)
    require_schema(engine)
    engine.dispose()


def test_two_upgrades_at_once_both_succeed(database_url: str) -> None:
    # Two servers started together on an empty database: one migrates, the other waits.
    engines = [create_engine(database_url) for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        heads = list(pool.map(upgrade_schema, engines))
    assert heads == [head_revision(), head_revision()]
    with engines[0].connect() as connection:
        assert schema_differences(connection) == []
    for engine in engines:
        engine.dispose()


def test_a_database_made_before_migrations_is_adopted(engine: Engine) -> None:
    # What the stores' create_all made before the schema had a history: the tables of the
    # baseline, with the one-row states of the log and of its oversight projection.
    schema = app_schema()
    before = [t for t in schema.metadata.sorted_tables if t.name not in AFTER_BASELINE]
    schema.metadata.create_all(engine, tables=before)
    with engine.begin() as connection:
        connection.execute(schema.audit.state.insert().values(id=1, size=0, compact_range=b""))
        connection.execute(schema.facets.state.insert().values(id=1, size=0))
    upgrade_schema(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.execute(text("SELECT count(*) FROM audit_state")).scalar() == 1
    engine.dispose()


def test_a_database_that_differs_from_the_models_is_refused_not_changed(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE bot_switches (name VARCHAR(10) PRIMARY KEY)"))
    with pytest.raises(SchemaNotCurrent, match="no schema revision"):
        upgrade_schema(engine)
    with engine.connect() as connection:
        assert current_revision(connection) is None
    engine.dispose()


def test_a_database_behind_this_version_names_the_command(engine: Engine) -> None:
    with pytest.raises(SchemaNotCurrent, match="opencounter db upgrade"):
        require_schema(engine)
    engine.dispose()


def test_db_upgrade_uses_the_settings_and_can_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "fresh"
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
    monkeypatch.delenv("OPENCOUNTER_DATABASE_URL", raising=False)
    for _ in range(2):
        result = CliRunner().invoke(build_cli(), ["db", "upgrade"])
        assert result.exit_code == 0, result.output
        assert f"revision {head_revision()}" in result.output
    engine = create_engine(f"sqlite:///{data / 'opencounter.db'}")
    require_schema(engine)
    engine.dispose()


def test_db_upgrade_on_an_unreachable_database_says_what_to_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("OPENCOUNTER_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    result = CliRunner().invoke(build_cli(), ["db", "upgrade"])
    assert result.exit_code == 2
    assert "Check OPENCOUNTER_DATABASE_URL" in result.output
    assert "Traceback" not in result.output


def test_a_production_start_on_a_database_behind_refuses_and_names_the_command(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    monkeypatch.setenv("OPENCOUNTER_ENVIRONMENT", "production")
    monkeypatch.setenv("OPENCOUNTER_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("OPENCOUNTER_VAULT_KEY", "A" * 43 + "=")
    monkeypatch.setenv("OPENCOUNTER_LOG_SIGNING_KEY", "PRIVATE+KEY+x+00000000+AAAA")
    result = CliRunner().invoke(build_cli(), ["serve"])
    assert result.exit_code == 2, result.output
    assert "Cannot start" in result.output and "opencounter db upgrade" in result.output
    assert "Traceback" not in result.output
    # Nothing was created behind the operator's back.
    engine = create_engine(f"sqlite:///{data_dir / 'opencounter.db'}")
    with engine.connect() as connection:
        assert current_revision(connection) is None
        assert not inspect(connection).get_table_names()
    engine.dispose()


def test_the_tables_made_after_the_baseline_are_those_its_adoption_allows_missing() -> None:
    versions = Path(__file__).resolve().parents[2] / "web" / "migrations" / "versions"
    later = set()
    for script in sorted(versions.glob("0*.py")):
        if not script.name.startswith("0001_"):
            later |= set(re.findall(r'create_table\(\s*"(\w+)"', script.read_text()))
    assert later == AFTER_BASELINE
