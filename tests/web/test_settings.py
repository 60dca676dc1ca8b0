"""Settings: development defaults work; production refuses default secrets and a missing key."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.conftest import make_settings
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


@pytest.mark.parametrize("mode", ["auto", "ollama", "llama", "extractive"])
def test_every_answer_mode_without_a_server_setting_is_accepted(tmp_path: Path, mode: str) -> None:
    s = make_settings(tmp_path, answer_mode=mode)
    assert s.answer_mode == mode


def test_openai_mode_reads_its_server_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "openai")
    monkeypatch.setenv("OPENCOUNTER_OPENAI_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("OPENCOUNTER_OPENAI_MODEL", "smollm2")
    monkeypatch.setenv("OPENCOUNTER_OPENAI_API_KEY", "sk-local")
    monkeypatch.setenv("OPENCOUNTER_GGUF_PATH", str(tmp_path / "model.gguf"))
    s = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert (s.answer_mode, s.openai_url, s.openai_model) == (
        "openai",
        "http://127.0.0.1:8080/v1",
        "smollm2",
    )
    assert s.openai_api_key == "sk-local"
    assert s.gguf_path == tmp_path / "model.gguf"


def test_openai_mode_needs_a_url_and_a_model(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as error:
        Settings(_env_file=None, data_dir=tmp_path, answer_mode="openai")  # type: ignore[call-arg]
    assert "OPENCOUNTER_OPENAI_URL" in str(error.value)
    assert "OPENCOUNTER_OPENAI_MODEL" in str(error.value)


def test_an_unknown_answer_mode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="answer_mode"):
        make_settings(tmp_path, answer_mode="gpt")


def test_single_sign_on_needs_a_client_and_a_role_mapping(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as error:
        make_settings(tmp_path, oidc_issuer="https://id.city.example/realms/staff")
    assert "OPENCOUNTER_OIDC_CLIENT_ID" in str(error.value)
    assert "OPENCOUNTER_OIDC_ROLES" in str(error.value)


def test_single_sign_on_in_production_needs_an_https_issuer(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="https:// address in production"):
        make_settings(
            tmp_path,
            environment="production",
            secret_key="s" * 40,
            vault_key="v" * 44,
            log_signing_key="key",
            oidc_issuer="http://id.city.example",
            oidc_client_id="opencounter",
            oidc_roles="caseworker=staff",
        )


def test_a_role_mapping_that_cannot_be_read_stops_the_start(tmp_path: Path) -> None:
    from web.app import create_app
    from web.startup import UnusableSetting

    settings = make_settings(
        tmp_path,
        oidc_issuer="https://id.city.example",
        oidc_client_id="opencounter",
        oidc_roles="boss=everyone",
    )
    with pytest.raises(UnusableSetting, match="OPENCOUNTER_OIDC_ROLES"):
        create_app(settings)


def test_empty_single_sign_on_variables_leave_it_off(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, oidc_issuer="", oidc_client_id="", oidc_roles="")
    assert settings.oidc_issuer is None and settings.oidc_client_id is None
