"""Staff changes and the citizen's erasure, built as the app and the commands build them
(web/bootstrap), on SQLite and PostgreSQL with the database failing at each step of the unit
of work (the log's lock, the entry's append, the commit): neither the change nor its entry is
kept, and the retry makes both."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, Table, event, select
from sqlalchemy.exc import OperationalError

from audit.sink import LogUnavailable
from tests.conftest import make_settings
from tests.fakes.failing_database import STEPS, Step, failing
from tests.schema import tables as app_tables
from web.auth.passwords import PasswordHashing
from web.auth.staff import StaffDirectory
from web.bootstrap import Overrides, Storage, build_services, open_storage
from web.settings import Settings

PASSWORD = "a long enough passphrase"
# Argon2id at its cheapest: these tests are about transactions, not hashing cost.
FAST = Overrides(
    password_hashing=PasswordHashing(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def app_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    database = (
        {}
        if request.param == "sqlite"
        else {"database_url": request.getfixturevalue("postgres_url")}
    )
    return make_settings(tmp_path / "data", guard_classifier=False, **database)


@pytest.fixture
def storage(app_settings: Settings) -> Iterator[Storage]:
    opened = open_storage(app_settings, FAST)  # the schema from the migrations, as in the app
    yield opened
    opened.close()


def _rows(engine: Engine, tables: list[Table]) -> dict[str, list[tuple[object, ...]]]:
    audit = app_tables().audit
    every = [*tables, audit.state, audit.entries, audit.checkpoints, audit.texts]
    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t))] for t in every}


def _actions(storage: Storage, since: int) -> list[object]:
    return [json.loads(data).get("action") for _, data in storage.log.entries(since)]


# name -> (set-up, the change, the action it logs)
StaffChange = tuple[Callable[[StaffDirectory], object], Callable[[StaffDirectory], object], str]
CHANGES: dict[str, StaffChange] = {
    "add": (lambda s: None, lambda s: s.add("dana", PASSWORD, "caseworker", "housing"), "add"),
    "disable": (
        lambda s: s.add("dana", PASSWORD, "caseworker", "general"),
        lambda s: s.disable("dana"),
        "disable",
    ),
    "role": (
        lambda s: s.add("dana", PASSWORD, "caseworker", "general"),
        lambda s: s.set_role("dana", "oversight"),
        "role",
    ),
    "password": (
        lambda s: s.add("dana", PASSWORD, "caseworker", "general"),
        lambda s: s.change_password("dana", "another long passphrase"),
        "password",
    ),
}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_staff_change_and_its_entry_commit_together_or_not_at_all(
    storage: Storage, name: str, step: Step
) -> None:
    set_up, change, action = CHANGES[name]
    staff = storage.staff()
    set_up(staff)
    accounts = storage.schema.accounts
    watched = [accounts.accounts, accounts.sessions]
    before, size = _rows(storage.engine, watched), storage.log.size()

    with failing(storage.engine, step), pytest.raises(LogUnavailable):
        change(staff)
    assert _rows(storage.engine, watched) == before

    change(staff)  # the retry: nothing half-done in the way
    assert _actions(storage, size) == [action]
    assert storage.log.checkpoint()


def test_each_staff_change_is_made(storage: Storage) -> None:
    staff = storage.staff()
    added = staff.add("dana", PASSWORD, "caseworker", "housing")
    assert staff.set_role("dana", "oversight").role == "oversight"
    changed = staff.change_password("dana", "another long passphrase")
    assert changed.pseudonym == added.pseudonym
    account = staff.accounts.find("dana")
    assert account is not None
    assert FAST.password_hashing is not None
    assert FAST.password_hashing.verify(account.password_hash, "another long passphrase")
    assert staff.disable("dana").disabled


@contextmanager
def _failing_close(engine: Engine) -> Iterator[None]:
    """The conversation's own row cannot be written: the erasure's last step fails."""

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sql = " ".join(statement.split()).lower()
        if sql.startswith(f"update {app_tables().conversations.conversations.name}"):
            raise OperationalError("injected fault", {}, Exception("the row could not be written"))

    event.listen(engine, "before_cursor_execute", on_statement)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)


@pytest.mark.parametrize("step", [*STEPS, "close"])
def test_an_erasure_shreds_logs_and_closes_together_or_not_at_all(
    app_settings: Settings, step: Step | Literal["close"]
) -> None:
    services = build_services(app_settings, hooks_enabled=False)
    try:
        conversation = services.engine.start("en").id
        services.engine.ask(conversation, "When are the bins emptied?")
        schema = app_tables()
        conversations, keys = schema.conversations, schema.audit.conversation_keys
        tables = [conversations.conversations, conversations.turns, keys]
        before, size = _rows(services.database, tables), services.log.size()

        fault = (
            _failing_close(services.database)
            if step == "close"
            else failing(services.database, step)
        )
        with fault, pytest.raises(LogUnavailable):
            services.erase(conversation)
        assert _rows(services.database, tables) == before  # words readable, nothing closed
        assert services.transcript(conversation)[0].text == "When are the bins emptied?"

        services.erase(conversation)
        assert [json.loads(d)["type"] for _, d in services.log.entries(size)] == ["erasure"]
        record = services.store.get(conversation)
        assert record is not None and record.status == "erased"
        assert {view.text for view in services.transcript(conversation)} == {"[erased]"}
    finally:
        services.close()


def test_a_new_password_ends_the_accounts_sessions(storage: Storage) -> None:
    staff = storage.staff()
    added = staff.add("erin", PASSWORD, "caseworker", "general")
    other = staff.add("finn", PASSWORD, "caseworker", "general")
    with storage.engine.begin() as conn:
        for account, digest in ((added, "a" * 64), (added, "b" * 64), (other, "c" * 64)):
            conn.execute(
                storage.schema.accounts.sessions.insert().values(
                    digest=digest, account_id=account.id, expires_at=added.created_at
                )
            )
    staff.change_password("erin", "another long passphrase")
    with storage.engine.connect() as conn:
        sessions = storage.schema.accounts.sessions
        left = conn.execute(select(sessions.c.account_id)).scalars().all()
    assert left == [other.id]  # erin's copies of a cookie stop working; finn keeps his
