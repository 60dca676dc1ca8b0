"""Fixtures shared by the guard tests."""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy


@pytest.fixture(scope="module")
def policy() -> GuardPolicy:
    """The shipped guard policy (bot/policies/default.yaml)."""
    return GuardPolicy.default()
