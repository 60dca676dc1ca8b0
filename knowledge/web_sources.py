"""Pages to ingest from the web: a sitemap, a sitemap index, a URL list, or one page (httpx)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import httpx

from knowledge.documents import SourceDocument, UnreadableDocument
from knowledge.page_text import PageText
from knowledge.readers import build_document, decode_text
from knowledge.sources import SourceItem, SourceNotFound

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 20_000_000
MAX_SITEMAP_DEPTH = 3  # a sitemap index of sitemap indexes is as deep as real sites go

_LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>", re.IGNORECASE | re.DOTALL)


def list_web_sources(address: str) -> list[SourceItem]:
    """Read the sitemap or URL list at address; a plain page is ingested on its own."""
    try:
        urls = _expand(address, depth=0)
    except UnreadableDocument as exc:
        raise SourceNotFound(f"{address}: {exc}") from exc
    return [SourceItem(url, _loader(url)) for url in dict.fromkeys(urls)]


def _expand(address: str, depth: int) -> list[str]:
    response = _get(address)
    head = response.content[:2048].lstrip().lower()
    if b"<sitemapindex" in head or b"<urlset" in head:
        locs = [html.unescape(m) for m in _LOC.findall(response.text)]
        if b"<urlset" in head:
            return locs
        if depth >= MAX_SITEMAP_DEPTH:
            raise UnreadableDocument("sitemap indexes nested too deep")
        return [url for loc in locs for url in _expand(loc, depth + 1)]
    if response.headers.get("content-type", "").startswith("text/plain"):
        lines = [line.strip() for line in response.text.splitlines()]
        urls = [line for line in lines if line.startswith(("http://", "https://"))]
        if urls:
            return urls
    return [address]


def _loader(url: str) -> Callable[[], SourceDocument]:
    def load() -> SourceDocument:
        response = _get(url)
        page = _page_text(response, url)
        page.metadata.setdefault("url", url)
        return build_document(
            doc_id_for_url(url), page, fallback_title=_last_segment(url), base_url=url
        )

    return load


def _page_text(response: httpx.Response, url: str) -> PageText:
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/pdf" or url.lower().endswith(".pdf"):
        from knowledge.pdf_text import extract_pdf

        return extract_pdf(response.content)
    if kind in {"text/markdown", "text/plain"}:
        from knowledge.frontmatter import split_front_matter
        from knowledge.planted import without_markers

        metadata, body = split_front_matter(decode_text(response.content))
        return PageText(body=without_markers(body), metadata=metadata)
    from knowledge.html_text import extract_html

    return extract_html(response.content, url=url)


def doc_id_for_url(url: str) -> str:
    """host/path without extension: "https://x.org/a/b.html" -> "x.org/a/b"."""
    parts = urlsplit(url)
    path = PurePosixPath(parts.path.strip("/") or "index")
    return f"{parts.netloc}/{path.with_suffix('') if path.suffix else path}"


def _last_segment(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).stem or urlsplit(url).netloc


def _get(url: str) -> httpx.Response:
    try:
        response = httpx.get(url, timeout=TIMEOUT_SECONDS, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise UnreadableDocument(f"cannot fetch: {exc}") from exc
    if response.status_code != httpx.codes.OK:
        raise UnreadableDocument(f"HTTP {response.status_code}")
    if len(response.content) > MAX_BYTES:
        raise UnreadableDocument(f"larger than {MAX_BYTES} bytes")
    if not response.content.strip():
        raise UnreadableDocument("empty response")
    return response
