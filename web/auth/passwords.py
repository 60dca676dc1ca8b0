"""Password hashing with Argon2id (RFC 9106), through argon2-cffi's recommended parameters."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_CHARS = 12


class WeakPassword(ValueError):
    """A new password shorter than the minimum."""


class PasswordHashing:
    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()
        # Verifying against this when the account does not exist costs the same time as a
        # real check, so response times do not reveal which user names exist. Made at the
        # first check, real name or not (so that one costs the same either way), not here:
        # a hash is most of a second on a busy server, and most processes never check one.
        self._decoy: str | None = None

    def hash(self, password: str) -> str:
        if len(password) < MIN_PASSWORD_CHARS:
            raise WeakPassword(f"passwords need at least {MIN_PASSWORD_CHARS} characters")
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        if self._decoy is None:
            self._decoy = self._hasher.hash("decoy password, never matches")
        try:
            return self._hasher.verify(stored_hash or self._decoy, password) and bool(stored_hash)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._hasher.check_needs_rehash(stored_hash)
