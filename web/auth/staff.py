"""Changes to staff accounts, each committed with its log entry in one unit of work.

Who may read and act is configuration, so every change is a `config_change` entry naming the
account by its pseudonym (never the name). The account change and its entry commit together,
or neither does: with the log down, no account is added, disabled, given a role or a new
password, and a retry meets nothing half-done.
"""

from __future__ import annotations

from audit.sink import AuditEvent, AuditSink, JsonValue, UnitOfWork
from web.auth.accounts import AccountStore, StaffAccount, UnknownAccount
from web.auth.passwords import PasswordHashing


def _staff_change(unit: UnitOfWork, fields: dict[str, JsonValue]) -> None:
    unit.record([AuditEvent("config_change", None, {"setting": "staff_account", **fields})])


class StaffDirectory:
    def __init__(self, accounts: AccountStore, sink: AuditSink, hashing: PasswordHashing) -> None:
        self.accounts = accounts
        self._sink = sink
        self._hashing = hashing

    def add(self, username: str, password: str, role: str, team: str) -> StaffAccount:
        """Raises WeakPassword, AccountError, or LogUnavailable (then nothing is added)."""
        password_hash = self._hashing.hash(password)
        with self._sink.unit_of_work() as unit:
            account = self.accounts.add(
                username, password_hash, role, team, connection=unit.connection
            )
            _staff_change(
                unit,
                {
                    "action": "add",
                    "account": account.pseudonym,
                    "role": account.role,
                    "team": account.team,
                },
            )
        return account

    def disable(self, username: str) -> StaffAccount:
        """Disable the account and end its sessions; UnknownAccount if there is none."""
        with self._sink.unit_of_work() as unit:
            account = self.accounts.set_disabled(username, connection=unit.connection)
            _staff_change(unit, {"action": "disable", "account": account.pseudonym})
        return account

    def set_role(self, username: str, role: str) -> StaffAccount:
        """Give the account another role; its sessions end, the next sign-in has the new one."""
        with self._sink.unit_of_work() as unit:
            account = self.accounts.set_role(username, role, connection=unit.connection)
            _staff_change(
                unit, {"action": "role", "account": account.pseudonym, "role": account.role}
            )
        return account

    def change_password(self, username: str, password: str) -> StaffAccount:
        """Set a new password (hashed) and end the account's sessions; the entry says that it
        changed, never what to."""
        password_hash = self._hashing.hash(password)
        with self._sink.unit_of_work() as unit:
            account = self.accounts.find(username, connection=unit.connection)
            if account is None:
                raise UnknownAccount(username)
            self.accounts.set_password_hash(account.id, password_hash, connection=unit.connection)
            # Whoever signed in with the old password is signed out, in the same transaction.
            self.accounts.end_sessions(account.id, connection=unit.connection)
            _staff_change(unit, {"action": "password", "account": account.pseudonym})
        return account
