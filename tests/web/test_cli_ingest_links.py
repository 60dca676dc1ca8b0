"""`opencounter ingest` names each page ingested without its link, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.knowledge.test_ingest_links import page
from web.cli.main import build_cli


def test_the_ingest_command_names_the_dropped_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = tmp_path / "kb"
    (kb / "en").mkdir(parents=True)
    (kb / "en" / "evil.md").write_text(page("vbscript:msgbox(1)"))
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(build_cli(), ["ingest", str(kb), "--lexical-only"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "Ingested without its link: en/evil: link dropped: the link 'vbscript:" in output
    assert "only http:, https:, mailto:, tel: are allowed" in output
