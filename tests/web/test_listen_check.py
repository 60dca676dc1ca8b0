"""`serve` refuses a non-loopback address while the session secret is the development default."""

from __future__ import annotations

from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from tests.conftest import make_settings
from web.cli.main import build_cli
from web.listen_check import DefaultSecretExposed, check_listen_address, is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost"])
def test_loopback_addresses(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.org", "10.0.0.1"])
def test_the_default_secret_is_refused_beyond_loopback(tmp_path: Path, host: str) -> None:
    with pytest.raises(DefaultSecretExposed, match="OPENCOUNTER_SECRET_KEY"):
        check_listen_address(host, make_settings(tmp_path))
    check_listen_address(host, make_settings(tmp_path, secret_key="k" * 40))
    check_listen_address("127.0.0.1", make_settings(tmp_path))


def test_serve_says_which_setting_to_set_and_does_not_listen(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(k["host"]))
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    result = CliRunner().invoke(build_cli(), ["serve", "--host", "0.0.0.0", "--port", "8000"])
    assert result.exit_code == 2
    assert "OPENCOUNTER_SECRET_KEY" in result.output and "0.0.0.0" in result.output
    assert started == []
    monkeypatch.setenv("OPENCOUNTER_SECRET_KEY", "k" * 40)
    result = CliRunner().invoke(build_cli(), ["serve", "--host", "0.0.0.0", "--port", "8000"])
    assert result.exit_code == 0, result.output
    assert started == ["0.0.0.0"]
