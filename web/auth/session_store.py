"""Staff sessions kept server-side: a cookie works only while its row exists.

The signed cookie alone cannot be recalled: sign-out would only ask the browser to forget it,
and a copy would keep working until it expired. Here each session is a row keyed by a digest
of the cookie's nonce; sign-out deletes it, disabling an account deletes all of its rows.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, Table, delete, insert, select


def _digest(nonce: str) -> str:
    # The table holds no usable secret: a leaked row does not rebuild a cookie.
    return hashlib.sha256(nonce.encode()).hexdigest()


class StaffSessionStore:
    def __init__(self, engine: Engine, table: Table) -> None:
        """`table`: the sessions table of web/auth/accounts.py, on the database's MetaData."""
        self._engine = engine
        self.table = table

    def open(self, account_id: str, nonce: str, max_age_s: int) -> None:
        now = datetime.now(UTC)
        with self._engine.begin() as db:
            db.execute(delete(self.table).where(self.table.c.expires_at < now))
            db.execute(
                insert(self.table).values(
                    digest=_digest(nonce),
                    account_id=account_id,
                    expires_at=now + timedelta(seconds=max_age_s),
                )
            )

    def is_live(self, account_id: str, nonce: str) -> bool:
        with self._engine.connect() as db:
            row = db.execute(
                select(self.table.c.account_id, self.table.c.expires_at).where(
                    self.table.c.digest == _digest(nonce)
                )
            ).first()
        if row is None or row.account_id != account_id:
            return False
        expires = row.expires_at
        if expires.tzinfo is None:  # SQLite gives naive datetimes back
            expires = expires.replace(tzinfo=UTC)
        return bool(expires > datetime.now(UTC))

    def close(self, nonce: str) -> None:
        with self._engine.begin() as db:
            db.execute(delete(self.table).where(self.table.c.digest == _digest(nonce)))

    def close_all(self, account_id: str) -> None:
        with self._engine.begin() as db:
            db.execute(delete(self.table).where(self.table.c.account_id == account_id))
