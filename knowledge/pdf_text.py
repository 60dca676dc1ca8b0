"""Extract the text of a PDF file (pypdf adapter)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from knowledge.documents import UnreadableDocument
from knowledge.page_text import PageText


def extract_pdf(raw: bytes) -> PageText:
    """Text of every page, pages separated by blank lines; the PDF's own title if it has one."""
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise UnreadableDocument("the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except PdfReadError as exc:
        raise UnreadableDocument(f"not a readable PDF: {exc}") from exc
    body = "\n\n".join(p.strip() for p in pages if p.strip())
    if not body:
        raise UnreadableDocument("the PDF has no extractable text (scanned images need OCR)")
    metadata: dict[str, str] = {}
    if info is not None and info.title:
        metadata["title"] = str(info.title)
    return PageText(body=body, metadata=metadata)
