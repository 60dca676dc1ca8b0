"""Fixtures shared by the guard tests."""

from __future__ import annotations

import pytest

from bot.guards.intent import IntentClassifier
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy


@pytest.fixture(scope="module")
def policy() -> GuardPolicy:
    """The shipped guard policy (bot/policies/default.yaml)."""
    return GuardPolicy.default()


@pytest.fixture(scope="session")
def shipped_intents() -> IntentClassifier:
    """The shipped intent classifier, fitted once per test process (8-11 s a fit; it is
    immutable, so every guard a test builds can share it)."""
    return IntentClassifier.fit()


@pytest.fixture(scope="module")
def whole(policy: GuardPolicy, shipped_intents: IntentClassifier) -> InputGuard:
    """The whole input guard as the app builds it: the shipped rules, then the classifier."""
    return InputGuard(policy, intents=shipped_intents)


@pytest.fixture(scope="module")
def guard(shipped_intents: IntentClassifier) -> InputGuard:
    """The shipped rules and classifier, as `whole`, under the name the kind tests use (a test
    module that needs another guard defines its own `guard`, which overrides this one)."""
    return InputGuard(GuardPolicy.default(), intents=shipped_intents)
