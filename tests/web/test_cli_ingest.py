"""`opencounter ingest URL`: a sitemap on a real HTTP server on loopback, through the real CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from knowledge.versions import current_version
from tests.fakes.static_site import Pages, serve_pages
from web.cli.main import build_cli


@pytest.fixture
def site() -> Iterator[str]:
    """A council site with a sitemap of two pages and one dead link."""
    pages: Pages = {}
    with serve_pages(pages) as base:
        _fill(pages, base)
        yield base


def _fill(pages: Pages, base: str) -> None:
    pages["/pools.md"] = (
        "text/markdown",
        b"---\ntitle: Swimming pools\nlang: en\n---\nThe city pools open every day at 7am.",
    )
    pages["/libraries.md"] = (
        "text/markdown",
        b"---\ntitle: Libraries\nlang: en\n---\nThe central library lends books for 3 weeks.",
    )
    urlset = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}/pools.md</loc></url>"
        f"<url><loc>{base}/libraries.md</loc></url>"
        f"<url><loc>{base}/gone</loc></url></urlset>"
    )
    pages["/sitemap.xml"] = ("application/xml", urlset.encode())


def _logged_versions(data: Path) -> list[dict[str, object]]:
    engine = create_engine(f"sqlite:///{data / 'opencounter.db'}")
    with engine.connect() as db:
        rows = db.execute(text("SELECT data FROM audit_entries")).all()
    engine.dispose()
    entries = [json.loads(r.data) for r in rows]
    return [e for e in entries if e["type"] == "kb_version"]


def test_ingest_of_a_sitemap_url(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        build_cli(), ["ingest", f"{site}/sitemap.xml", "--lexical-only"]
    )
    # The dead link fails alone, by name and reason; the two pages are in.
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "does not exist" not in output
    assert "2 added" in output and "1 failed" in output
    assert f"{site}/gone: HTTP 404" in output
    version = current_version(data / "kb")
    assert version is not None
    host = site.removeprefix("http://")
    assert sorted(version.documents) == [f"{host}/libraries", f"{host}/pools"]
    logged = _logged_versions(data)
    assert [e["version"] for e in logged] == [version.id]
    assert logged[0]["added"] == 2


def test_a_path_is_still_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "bins.md").write_text("# Bins\n\nBins are emptied on Tuesdays.\n")
    result = CliRunner().invoke(build_cli(), ["ingest", str(tmp_path / "kb"), "--lexical-only"])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert "lexical only" in result.output


def test_the_report_says_which_numbers_the_pages_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard treats every number the pages print as public: a private mobile printed by
    mistake would be too, so the ingest report names the mobiles."""
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "contact.md").write_text(
        "# Contact\n\nCall 020 7946 0000, text 07700 900050 or write to hello@exampleton.example."
        "\n\nOur volunteer, Sam, is on 07700 900461 at weekends.\n"
    )
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        build_cli(), ["ingest", str(tmp_path / "kb"), "--lexical-only"]
    )
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "The pages print 3 phone numbers and 1 e-mail addresses" in output
    assert "Mobile numbers among them: 07700900050, 07700900461" in output
    assert "remove it from its page and ingest again" in output
