"""`serve` leaves X-Forwarded-For to the app (OPENCOUNTER_TRUSTED_PROXIES): uvicorn's own
handling would believe the header from any loopback peer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from web.cli.main import build_cli


def test_serve_switches_off_uvicorns_proxy_headers(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append(k))
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    result = CliRunner().invoke(build_cli(), ["serve", "--port", "8000"])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["proxy_headers"] is False


def test_a_wrong_trusted_proxy_is_refused_at_start(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_TRUSTED_PROXIES", "10.0.0.1, proxy.internal")
    result = CliRunner().invoke(build_cli(), ["serve", "--port", "8000"])
    assert result.exit_code != 0
    assert "proxy.internal" in result.output
    assert "Traceback" not in result.output
