"""Fixtures shared by every tier: isolated settings, the demo index, PostgreSQL, the app."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from filelock import FileLock
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from knowledge.embeddings import default_embedder, default_page_embedder
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from tests.needs import missing
from tests.schema import copy_migrated_sqlite
from tests.workers import drop_worker_database, use_worker_database
from web.settings import Settings

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from web.bootstrap import Overrides
    from web.services import Services

REPO = Path(__file__).resolve().parent.parent
DEMO_KB = REPO / "knowledge" / "demo"


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist, this worker's own PostgreSQL database (tests/workers.py)."""
    use_worker_database()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # Here, not at unconfigure: a worker that has reported its end may be stopped before that.
    drop_worker_database()


def without_opencounter_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove the developer's OPENCOUNTER_ settings (all but the test database's URL)."""
    for name in list(os.environ):
        if name.startswith("OPENCOUNTER_") and name != "OPENCOUNTER_TEST_DATABASE_URL":
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def _no_opencounter_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see only the settings they build, never the developer's environment. A
    module-scoped app is built before this runs: its fixture calls `without_opencounter_env`
    in a `pytest.MonkeyPatch.context()` of its own."""
    without_opencounter_env(monkeypatch)


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo knowledge base, ingested once per test run (with the default embedder) and
    only read after: tests copy it (`data_dir`). Under pytest-xdist the workers share one,
    made by whichever asks first while the other waits on a lock."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    shared = tmp_path_factory.getbasetemp().parent if worker else None
    root = shared / "demo-index" if shared else tmp_path_factory.mktemp("demo-index")
    index_dir, done = root / "kb", root / "ingested"
    root.mkdir(exist_ok=True)
    with FileLock(str(root) + ".lock"):
        if not done.exists():
            shutil.rmtree(index_dir, ignore_errors=True)  # a worker stopped halfway
            minilm = default_embedder()
            e5 = default_page_embedder() if minilm is not None else None
            report = ingest(
                DEMO_KB,
                index_dir,
                embedder=minilm,
                # As `opencounter ingest` does by default: MiniLM for the English chunks, the e5
                # page ranker when `make install` built it and its passage vectors for the chunks
                # of the other languages (once per run, like the rest).
                embed_languages=FusionWeights().dense_languages(),
                page_embedder=e5,
                passage_embedder=e5,
            )
            assert not report.failed, report.failed
            done.touch()
    return index_dir


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a test: extractive answers unless a test asks for a model; people always
    there (opening hours `always`) unless a test sets other hours; no request
    limits unless a test asks (tests/web/test_rate_limits.py does), since suites that send many
    requests from one test client would otherwise be measuring the limiter."""
    no_limits = {
        "rate_limit_client_per_minute": 0,
        "rate_limit_conversation_per_minute": 0,
        "rate_limit_staff_per_minute": 0,
        "rate_limit_streams_per_client": 0,
    }
    # Any: each value is checked against its field's type by pydantic, when Settings is built.
    # People always there unless a test asks: the shipped default is the organisation's
    # published hours, which would make a test's handoff depend on the time it runs.
    values: dict[str, Any] = {
        "answer_mode": "extractive",
        "opening_hours": "always",
        **no_limits,
        **overrides,
    }
    return Settings(_env_file=None, data_dir=data_dir, **values)  # type: ignore[call-arg]


@pytest.fixture
def data_dir(tmp_path: Path, demo_index: Path) -> Path:
    """A fresh data directory holding a copy of the ingested demo knowledge base."""
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    return data


@pytest.fixture(scope="module")
def module_data_dir(tmp_path_factory: pytest.TempPathFactory, demo_index: Path) -> Path:
    """A data directory for a module's shared app, which its tests only read: one app start
    (migrations, keys, index) for many tests instead of one each."""
    data = tmp_path_factory.mktemp("module-data") / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    return data


@pytest.fixture(scope="module")
def module_services(module_data_dir: Path) -> Iterator[Services]:
    """The services of a module's shared app on the demo pages, for engine tests that only ask
    (no hooks, none of the developer's OPENCOUNTER_ settings)."""
    from web.bootstrap import build_services

    with pytest.MonkeyPatch.context() as patch:
        without_opencounter_env(patch)
        built = build_services(make_settings(module_data_dir), hooks_enabled=False)
    yield built
    built.close()


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return make_settings(data_dir)


def fast_overrides() -> Overrides:
    """Argon2id at its cheapest (still Argon2id, still checked): the app's tests are about
    what it does with passwords, not the cost of hashing them, which at the default
    parameters is most of a second per hash on a loaded 2-core runner. The default cost is
    what `opencounter users` and the subprocess servers the tests start use."""
    # Imported here: the tests of audit/, bot/ and knowledge/ load no web framework.
    from argon2 import PasswordHasher

    from web.auth.passwords import PasswordHashing
    from web.bootstrap import Overrides

    cheapest = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    return Overrides(password_hashing=PasswordHashing(cheapest))


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """The whole app in-process on `settings` (house rule 6), started and shut down."""
    # Imported here: the tests of audit/, bot/ and knowledge/ load no web framework.
    from fastapi.testclient import TestClient

    from web.app import create_app

    if settings.database_url is None:
        # Migrated once per run and copied: the app finds its schema current (its upgrade on
        # an empty database is tested in tests/web/test_database.py and by each app a test
        # builds itself).
        copy_migrated_sqlite(settings.data_dir / "opencounter.db")
    with TestClient(create_app(settings, fast_overrides())) as test_client:
        yield test_client


def services_of(client: TestClient) -> Services:
    """The services the composition root built for the app `client` runs."""
    from fastapi import FastAPI

    app = client.app
    assert isinstance(app, FastAPI)
    services: Services = app.state.services
    return services


def _postgres_base_url() -> str | None:
    url = os.environ.get("OPENCOUNTER_TEST_DATABASE_URL")
    if not url:
        missing("OPENCOUNTER_TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    base = _postgres_base_url()
    assert base is not None
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(base)
    try:
        with admin.begin() as db:
            db.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        pytest.fail(f"PostgreSQL at OPENCOUNTER_TEST_DATABASE_URL is unreachable: {exc}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as db:
            db.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
