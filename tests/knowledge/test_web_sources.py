from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.ingest import NothingToIngest, ingest
from knowledge.search import open_retriever
from knowledge.web_sources import doc_id_for_url
from tests.fakes.static_site import Pages, serve_pages


@pytest.fixture
def site() -> Iterator[str]:
    pages: Pages = {}
    with serve_pages(pages) as base:
        _fill(pages, base)
        yield base


def _fill(pages: Pages, base: str) -> None:
    html = (
        "<html lang='en'><head><title>Library opening hours</title></head><body><main>"
        "<h1>Library opening hours</h1><p>The central library opens at 9am from Monday to "
        "Saturday and closes at 7pm. On Sundays it is closed, except in December when it "
        "opens from noon to 5pm for the holiday reading programme.</p></main></body></html>"
    )
    pages["/libraries/hours.html"] = ("text/html; charset=utf-8", html.encode())
    markdown = "---\ntitle: Swimming pools\nlang: en\n---\nPools open every day at 7am."
    pages["/pools.md"] = ("text/markdown", markdown.encode())
    urlset = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}/libraries/hours.html</loc></url>"
        f"<url><loc>{base}/pools.md</loc></url>"
        f"<url><loc>{base}/missing</loc></url></urlset>"
    )
    pages["/sitemap-pages.xml"] = ("application/xml", urlset.encode())
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap></sitemapindex>"
    )
    pages["/sitemap.xml"] = ("application/xml", index.encode())
    pages["/urls.txt"] = (
        "text/plain",
        f"{base}/pools.md\n\n{base}/libraries/hours.html\n".encode(),
    )


def test_sitemap_index_is_followed_and_missing_pages_reported(site: str, tmp_path: Path) -> None:
    report = ingest(f"{site}/sitemap.xml", tmp_path / "index")
    host = site.removeprefix("http://")
    assert report.added == [f"{host}/libraries/hours", f"{host}/pools"]
    assert report.failed == [(f"{site}/missing", "HTTP 404")]
    result = open_retriever(tmp_path / "index").retrieve("when does the library open", "en", 1)
    best = result.passages[0]
    assert (best.title, best.url) == ("Library opening hours", f"{site}/libraries/hours.html")


def test_url_list(site: str, tmp_path: Path) -> None:
    report = ingest(f"{site}/urls.txt", tmp_path / "index")
    assert len(report.added) == 2
    assert report.failed == []


def test_unreachable_source_raises(tmp_path: Path) -> None:
    with pytest.raises(NothingToIngest, match="cannot fetch"):
        ingest("http://127.0.0.1:9/sitemap.xml", tmp_path / "index")


def test_doc_id_for_url() -> None:
    assert doc_id_for_url("https://x.org/a/b.html") == "x.org/a/b"
    assert doc_id_for_url("https://x.org/") == "x.org/index"
    assert doc_id_for_url("https://x.org/a/b/") == "x.org/a/b"
