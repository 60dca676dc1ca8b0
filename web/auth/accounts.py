"""Staff accounts: caseworkers, oversight and admins, with a pseudonymous id for the log."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, cast

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    MetaData,
    Select,
    String,
    Table,
    delete,
    select,
    update,
)
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError

Role = Literal["caseworker", "oversight", "admin"]
ROLES: tuple[Role, ...] = ("caseworker", "oversight", "admin")
# Roles that may act on a conversation (reply, claim...). Oversight reads and audits only.
ACTING_ROLES: frozenset[str] = frozenset({"caseworker", "admin"})
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,62}")


@dataclass(frozen=True)
class AccountTables:
    """The tables of staff accounts, their live sessions and their single sign-on identities."""

    accounts: Table
    sessions: Table
    identities: Table


def account_tables(metadata: MetaData) -> AccountTables:
    """Declare them on `metadata`: the database's one MetaData (web/schema.py)."""
    accounts = Table(
        "staff_accounts",
        metadata,
        Column("id", String(32), primary_key=True),
        Column("username", String(64), nullable=False, unique=True),
        Column("password_hash", String(256), nullable=True),
        Column("role", String(16), nullable=False),
        Column("team", String(64), nullable=False),
        Column("pseudonym", String(32), nullable=False, unique=True),
        Column("disabled", Boolean, nullable=False, default=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )

    # Live staff sessions, kept server-side so that sign-out and disabling end them at once
    # (web/auth/session_store.py). The key is a digest of the cookie's nonce, never the nonce.
    sessions = Table(
        "staff_sessions",
        metadata,
        Column("digest", String(64), primary_key=True),
        Column("account_id", String(32), nullable=False, index=True),
        Column("expires_at", DateTime(timezone=True), nullable=False),
    )

    # Accounts made by single sign-on, keyed by the provider's stable pair (issuer, subject): never
    # by a user name, which a provider may let people choose, so no one signs in as a local account.
    identities = Table(
        "staff_identities",
        metadata,
        Column("issuer", String(255), primary_key=True),
        Column("subject", String(255), primary_key=True),
        Column("account_id", String(32), nullable=False, unique=True),
        Column("display_name", String(120), nullable=False),
    )
    return AccountTables(accounts=accounts, sessions=sessions, identities=identities)


class AccountError(Exception):
    """An account operation that cannot be done."""


class AccountExists(AccountError):
    """That user name is taken."""


class UnknownAccount(AccountError):
    """No account has that user name or id."""


class InvalidAccount(AccountError):
    """A user name, role or team that is not allowed."""


@dataclass(frozen=True)
class StaffAccount:
    id: str
    username: str
    role: Role
    team: str
    # What the transparency log records instead of the person's name.
    pseudonym: str
    disabled: bool
    created_at: datetime
    password_hash: str | None = None

    @property
    def can_act(self) -> bool:
        return self.role in ACTING_ROLES and not self.disabled


def _account(row: Row[tuple[object, ...]]) -> StaffAccount:
    m = row._mapping
    return StaffAccount(
        id=m["id"],
        username=m["username"],
        role=cast(Role, m["role"]),
        team=m["team"],
        pseudonym=m["pseudonym"],
        disabled=bool(m["disabled"]),
        created_at=m["created_at"],
        password_hash=m["password_hash"],
    )


class AccountStore:
    def __init__(self, engine: Engine, tables: AccountTables) -> None:
        self._engine = engine
        # Public: sign-in by a provider and server-side sessions read the same tables.
        self.tables = tables

    def add(
        self,
        username: str,
        password_hash: str | None,
        role: str,
        team: str = "general",
        connection: Connection | None = None,
    ) -> StaffAccount:
        """With `connection` (a unit of work's), the account stands only if that commits."""
        username = username.strip().lower()
        if not _USERNAME.fullmatch(username):
            raise InvalidAccount("user names are 2-63 of a-z, 0-9, '.', '_' and '-'")
        _check_role(role)
        if not team.strip():
            raise InvalidAccount("team must not be empty")
        values = {
            "id": secrets.token_hex(8),
            "username": username,
            "password_hash": password_hash,
            "role": role,
            "team": team.strip(),
            "pseudonym": f"staff-{secrets.token_hex(6)}",
            "disabled": False,
            "created_at": datetime.now(UTC),
        }
        with _writing(self._engine, connection) as db:
            if db.execute(_by_name(self.tables.accounts, username)).first() is not None:
                raise AccountExists(username)
            try:
                db.execute(self.tables.accounts.insert().values(**values))
            except IntegrityError as exc:  # added meanwhile by another process
                raise AccountExists(username) from exc
            return _account(db.execute(_by_name(self.tables.accounts, username)).one())

    def find(self, username: str, connection: Connection | None = None) -> StaffAccount | None:
        if connection is not None:
            row = connection.execute(_by_name(self.tables.accounts, username)).first()
        else:
            with self._engine.connect() as db:
                row = db.execute(_by_name(self.tables.accounts, username)).first()
        return _account(row) if row is not None else None

    def get(self, account_id: str, connection: Connection | None = None) -> StaffAccount | None:
        query = select(self.tables.accounts).where(self.tables.accounts.c.id == account_id)
        if connection is not None:
            row = connection.execute(query).first()
        else:
            with self._engine.connect() as db:
                row = db.execute(query).first()
        return _account(row) if row is not None else None

    def all(self) -> list[StaffAccount]:
        with self._engine.connect() as db:
            accounts = self.tables.accounts
            rows = db.execute(select(accounts).order_by(accounts.c.username)).all()
        return [_account(r) for r in rows]

    def set_disabled(
        self, username: str, disabled: bool = True, connection: Connection | None = None
    ) -> StaffAccount:
        """Disabling also ends the account's sessions, in the same transaction."""
        name = username.strip().lower()
        with _writing(self._engine, connection) as db:
            changed = db.execute(
                update(self.tables.accounts)
                .where(self.tables.accounts.c.username == name)
                .values(disabled=disabled)
            ).rowcount
            if changed != 1:
                raise UnknownAccount(username)
            if disabled:
                self._end_sessions_of(db, name)
            return _account(db.execute(_by_name(self.tables.accounts, name)).one())

    def set_role(
        self, username: str, role: str, connection: Connection | None = None
    ) -> StaffAccount:
        """A new role ends the account's sessions: the next sign-in carries the new rights."""
        _check_role(role)
        name = username.strip().lower()
        with _writing(self._engine, connection) as db:
            changed = db.execute(
                update(self.tables.accounts)
                .where(self.tables.accounts.c.username == name)
                .values(role=role)
            ).rowcount
            if changed != 1:
                raise UnknownAccount(username)
            self._end_sessions_of(db, name)
            return _account(db.execute(_by_name(self.tables.accounts, name)).one())

    def set_password_hash(
        self, account_id: str, password_hash: str, connection: Connection | None = None
    ) -> None:
        with _writing(self._engine, connection) as db:
            db.execute(
                update(self.tables.accounts)
                .where(self.tables.accounts.c.id == account_id)
                .values(password_hash=password_hash)
            )

    def end_sessions(self, account_id: str, connection: Connection | None = None) -> None:
        """Every live session of the account stops working (a new password, for one)."""
        with _writing(self._engine, connection) as db:
            sessions = self.tables.sessions
            db.execute(delete(sessions).where(sessions.c.account_id == account_id))

    def _end_sessions_of(self, db: Connection, username: str) -> None:
        accounts, sessions = self.tables.accounts, self.tables.sessions
        ids = select(accounts.c.id).where(accounts.c.username == username)
        db.execute(delete(sessions).where(sessions.c.account_id.in_(ids)))


def _by_name(accounts: Table, username: str) -> Select[tuple[object, ...]]:
    return select(accounts).where(accounts.c.username == username.strip().lower())


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InvalidAccount(f"role must be one of {', '.join(ROLES)}")


@contextmanager
def _writing(engine: Engine, connection: Connection | None) -> Iterator[Connection]:
    """The caller's transaction (a unit of work commits it), or a new one committed here."""
    if connection is not None:
        yield connection
        return
    with engine.begin() as db:
        yield db
