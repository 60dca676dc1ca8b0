"""One MetaData per database: the stores the app builds query the tables of the one schema that
the migrations are checked against, and no product module declares a MetaData of its own or
creates a table (the migrations do: tests/web/test_database.py)."""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import MetaData

from tests.conftest import make_settings
from web.bootstrap import build_services, open_storage
from web.schema import app_metadata, app_schema

REPO = Path(__file__).resolve().parents[2]
PRODUCT = ("bot", "knowledge", "audit", "web")
# Where a MetaData may be made: the app's one (web/schema.py), and the log's tables declared
# alone by the standalone verifier of a database copy (`opencounter-audit verify --database-url`).
METADATA_MADE_IN = {Path("web/schema.py"), Path("audit/storage/store.py")}


def _product_modules() -> list[Path]:
    found = []
    for package in PRODUCT:
        for path in sorted((REPO / package).rglob("*.py")):
            relative = path.relative_to(REPO)
            if relative.parts[:2] != ("web", "migrations"):
                found.append(relative)
    return found


def _calls(path: Path) -> list[tuple[str, int]]:
    """(called name, line) of every call in the module: `f(...)` and `x.f(...)` both as f."""
    tree = ast.parse((REPO / path).read_text(), filename=str(path))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            calls.append((name, node.lineno))
    return calls


def test_no_product_module_creates_a_table() -> None:
    creating = [
        f"{path}:{line} {name}()"
        for path in _product_modules()
        for name, line in _calls(path)
        if name in {"create_all", "create_tables"}
    ]
    assert creating == []


def test_a_metadata_is_made_only_by_the_schema() -> None:
    made = sorted(
        str(path)
        for path in _product_modules()
        if path not in METADATA_MADE_IN and any(name == "MetaData" for name, _ in _calls(path))
    )
    assert made == []


def test_every_table_is_declared_once_on_the_one_metadata() -> None:
    schema = app_schema()
    declared = [
        *vars(schema.audit).values(),
        *vars(schema.facets).values(),
        *vars(schema.conversations).values(),
        *vars(schema.handoffs).values(),
        *vars(schema.accounts).values(),
        schema.drafts,
        schema.dead_letters,
        schema.switches,
    ]
    tables = [t for t in declared if not isinstance(t, MetaData)]
    assert {t.metadata for t in tables} == {schema.metadata}
    assert sorted(t.name for t in tables) == sorted(schema.metadata.tables)
    assert sorted(app_metadata().tables) == sorted(schema.metadata.tables)


def test_the_stores_the_app_builds_share_the_one_metadata(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", guard_classifier=False)
    storage = open_storage(settings)
    try:
        one = storage.schema.metadata
        assert storage.staff().accounts.tables.accounts.metadata is one
        assert storage.switchboard().table.metadata is one
    finally:
        storage.close()
    services = build_services(settings, hooks_enabled=False)
    try:
        people = services.people
        tables = [
            services.store.tables.conversations,
            services.switchboard.table,
            services.facets.table,
            services.facets.entries,
            people.accounts.tables.sessions,
            people.dead_letters.table,
        ]
        assert len({t.metadata for t in tables}) == 1
    finally:
        services.close()
