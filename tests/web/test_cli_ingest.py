"""`opencounter ingest URL`: a sitemap on a real HTTP server on loopback, through the real CLI."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from knowledge.versions import current_version
from web.cli import build_cli

PAGES: dict[str, tuple[str, bytes]] = {}


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        found = PAGES.get(self.path)
        if found is None:
            self.send_response(404)
            self.end_headers()
            return
        kind, body = found
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture
def site() -> Iterator[str]:
    """A council site with a sitemap of two pages and one dead link."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    PAGES.clear()
    PAGES["/pools.md"] = (
        "text/markdown",
        b"---\ntitle: Swimming pools\nlang: en\n---\nThe city pools open every day at 7am.",
    )
    PAGES["/libraries.md"] = (
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
    PAGES["/sitemap.xml"] = ("application/xml", urlset.encode())
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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
