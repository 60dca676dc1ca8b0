"""The Authenticator port: whatever proves who a staff member is yields a `StaffAccount`.

Passwords are the embedded default. An OIDC provider would be a second implementation whose
`authenticate` receives the callback's code instead of a password; the session cookie, roles
and the console do not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from web.auth.accounts import AccountStore, StaffAccount
from web.auth.passwords import PasswordHashing
from web.auth.throttle import LoginThrottle


class AuthenticationFailed(Exception):
    """Wrong user name or password, or a disabled account (the message never says which)."""


@dataclass(frozen=True)
class LoginAttempt:
    username: str
    secret: str
    # The client's address, for throttling; never stored.
    address: str


class Authenticator(Protocol):
    def authenticate(self, attempt: LoginAttempt) -> StaffAccount:
        """The account, or `AuthenticationFailed` / `TooManyAttempts`."""
        ...


class PasswordAuthenticator:
    def __init__(
        self, accounts: AccountStore, hashing: PasswordHashing, throttle: LoginThrottle
    ) -> None:
        self._accounts = accounts
        self._hashing = hashing
        self._throttle = throttle

    def authenticate(self, attempt: LoginAttempt) -> StaffAccount:
        user_key, address_key = LoginThrottle.keys(attempt.username, attempt.address)
        account = self._accounts.find(attempt.username)
        # A known account is locked by its name alone, so the staff behind one proxy address
        # don't lock each other out; names that are no account are counted per address, which
        # stops an address from probing for names without locking anyone.
        key = user_key if account is not None else address_key
        self._throttle.check(key)
        stored = account.password_hash if account is not None else None
        valid = self._hashing.verify(stored, attempt.secret)
        if account is None or not valid or account.disabled:
            self._throttle.failed(key)
            raise AuthenticationFailed("wrong user name or password")
        self._throttle.succeeded(user_key)
        if stored is not None and self._hashing.needs_rehash(stored):
            self._accounts.set_password_hash(account.id, self._hashing.hash(attempt.secret))
        return account
