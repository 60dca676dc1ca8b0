"""Read knowledge-base files of any supported type into SourceDocuments."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from knowledge.documents import SourceDocument, UnreadableDocument
from knowledge.frontmatter import split_front_matter
from knowledge.languages import guess_language, supported_languages
from knowledge.links import UnsafeLink, checked_link
from knowledge.page_text import PageText
from knowledge.planted import without_markers

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def doc_id_for(path: Path, root: Path) -> str:
    """The file's path relative to the KB root, without extension, with forward slashes."""
    relative = PurePosixPath(path.relative_to(root).as_posix())
    return str(relative.with_suffix(""))


def read_file(path: Path, root: Path) -> SourceDocument:
    """Read one file; raises UnreadableDocument with a reason a person can act on."""
    suffix = path.suffix.lower()
    reader = _reader_for(suffix)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read the file: {exc.strerror or exc}") from exc
    page = reader(raw)
    return build_document(doc_id_for(path, root), page, fallback_title=path.stem)


def build_document(
    doc_id: str, page: PageText, *, fallback_title: str, base_url: str = ""
) -> SourceDocument:
    """Turn extracted text and metadata into a SourceDocument, filling gaps with sane guesses.

    The page's link is kept only in a scheme a citation may show (see knowledge.links), a
    relative one resolved against base_url (the address the page was read from); otherwise it
    is dropped and the reason kept for the ingest report: the page's text is still ingested.
    """
    if not page.body.strip():
        raise UnreadableDocument("the document has no text")
    meta = page.metadata
    title = meta.get("title") or _first_heading(page.body) or _humanise(fallback_title)
    lang = (meta.get("lang") or _lang_from_path(doc_id) or _guess(page.body)).lower()
    reviewed = meta.get("last_reviewed") or meta.get("updated") or meta.get("modified") or ""
    url, link_problem = _link(meta.get("url", ""), base_url)
    return SourceDocument(
        doc_id=doc_id,
        title=title.strip(),
        url=url,
        lang=lang,
        body=page.body,
        last_reviewed=reviewed,
        owner=meta.get("owner", ""),
        link_problem=link_problem,
        findings=page.findings,
    )


def _link(raw: str, base_url: str) -> tuple[str, str]:
    if not raw.strip():
        return "", ""
    try:
        return checked_link(raw, base_url), ""
    except UnsafeLink as exc:
        return "", f"link dropped: {exc}"


def decode_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"not UTF-8 text (byte {exc.start})") from exc


def _read_markdown(raw: bytes) -> PageText:
    metadata, body = split_front_matter(decode_text(raw))
    # Markers are ingest's own: a page may not bring its own to mislabel a finding.
    return PageText(body=without_markers(body), metadata=metadata)


def _read_text(raw: bytes) -> PageText:
    return PageText(body=without_markers(decode_text(raw)), metadata={})


def _read_html(raw: bytes) -> PageText:
    # Optional extra: imported only when an HTML page is met.
    from knowledge.html_text import extract_html

    return extract_html(raw)


def _read_pdf(raw: bytes) -> PageText:
    from knowledge.pdf_text import extract_pdf

    return extract_pdf(raw)


def _reader_for(suffix: str) -> Callable[[bytes], PageText]:
    if suffix in MARKDOWN_SUFFIXES:
        return _read_markdown
    if suffix in TEXT_SUFFIXES:
        return _read_text
    if suffix in HTML_SUFFIXES:
        return _read_html
    if suffix in PDF_SUFFIXES:
        return _read_pdf
    raise UnreadableDocument(f"unsupported file type {suffix or '(none)'}")


def _first_heading(body: str) -> str:
    match = _H1.search(body)
    return match.group(1) if match else ""


def _humanise(stem: str) -> str:
    return stem.replace("-", " ").replace("_", " ").strip().capitalize()


def _lang_from_path(doc_id: str) -> str:
    first = doc_id.split("/", 1)[0].lower()
    return first if "/" in doc_id and first in supported_languages() else ""


def _guess(body: str) -> str:
    return guess_language(body)
