"""Ingest drops a page's unsafe link, keeps its text, and says so in the report."""

from __future__ import annotations

from pathlib import Path

from knowledge.chunkstore import read_chunks
from knowledge.ingest import ingest
from knowledge.layout import current_build

BODY = "# Parking permits\n\nResidents apply for a parking permit at the town hall.\n"


def page(url: str) -> str:
    return f"---\ntitle: Parking permits\nlang: en\nurl: {url}\n---\n{BODY}"


def test_a_javascript_link_is_dropped_and_reported(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    (kb / "en").mkdir(parents=True)
    (kb / "en" / "evil.md").write_text(page("' JaVaScRiPt:alert(document.cookie)'"))
    (kb / "en" / "data.md").write_text(page("data:text/html,<script>alert(1)</script>"))
    (kb / "en" / "good.md").write_text(page("https://city.example/parking"))
    report = ingest(kb, tmp_path / "index")
    assert sorted(report.added) == ["en/data", "en/evil", "en/good"]
    assert report.failed == []
    dropped = dict(report.links_dropped)
    assert set(dropped) == {"en/data", "en/evil"}
    assert "scheme javascript:" in dropped["en/evil"]
    assert "only http:, https:, mailto:, tel: are allowed" in dropped["en/data"]
    build = current_build(tmp_path / "index")
    assert build is not None
    urls = {c.doc_id: c.url for c in read_chunks(build.chunks)}
    assert urls == {"en/data": "", "en/evil": "", "en/good": "https://city.example/parking"}
