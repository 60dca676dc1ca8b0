"""Settings: development defaults work; production refuses default secrets and a missing key."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from web.settings import Settings


def test_development_needs_nothing(tmp_path: Path) -> None:
    s = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert s.resolved_database_url.startswith("sqlite:///")


def test_production_refuses_default_secrets_and_a_missing_log_key(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as error:
        Settings(_env_file=None, data_dir=tmp_path, environment="production")  # type: ignore[call-arg]
    text = str(error.value)
    assert "OPENCOUNTER_SECRET_KEY" in text
    assert "OPENCOUNTER_VAULT_KEY" in text
    assert "OPENCOUNTER_LOG_SIGNING_KEY" in text


def test_production_starts_with_real_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_ENVIRONMENT", "production")
    monkeypatch.setenv("OPENCOUNTER_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("OPENCOUNTER_VAULT_KEY", "A" * 43 + "=")
    monkeypatch.setenv("OPENCOUNTER_LOG_SIGNING_KEY", "PRIVATE+KEY+x+00000000+AAAA")
    s = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert s.environment == "production"
