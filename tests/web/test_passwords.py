"""Password hashing: Argon2id, and a name with no account checked against a decoy hash."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from web.auth.passwords import PasswordHashing, WeakPassword

PASSWORD = "correct horse battery staple"


@pytest.fixture
def hashing() -> PasswordHashing:
    # Argon2id at its cheapest: what is tested is the checks, not the cost.
    return PasswordHashing(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


def test_the_right_password_and_only_it_matches(hashing: PasswordHashing) -> None:
    stored = hashing.hash(PASSWORD)
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert hashing.verify(stored, PASSWORD)
    assert not hashing.verify(stored, PASSWORD.upper())
    assert not hashing.verify("not a hash", PASSWORD)


def test_no_account_never_matches_even_the_decoys_password(hashing: PasswordHashing) -> None:
    # The first check made the decoy (none is made before: most processes never check one);
    # a name without an account is checked against it, and never matches.
    assert not hashing.verify(None, PASSWORD)
    assert not hashing.verify(None, "decoy password, never matches")
    assert not hashing.verify("", "decoy password, never matches")


def test_short_passwords_are_refused(hashing: PasswordHashing) -> None:
    with pytest.raises(WeakPassword, match="at least 12 characters"):
        hashing.hash("short")


def test_hashes_from_cheaper_parameters_need_a_rehash() -> None:
    cheap = PasswordHashing(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
    assert PasswordHashing().needs_rehash(cheap.hash(PASSWORD))
