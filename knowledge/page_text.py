"""Text extracted from one page or file, with whatever metadata the format carried."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.planted import Finding


@dataclass(frozen=True)
class PageText:
    """Body as Markdown-ish text; metadata keys as in front matter (title, url, lang, ...);
    findings: planted instructions removed while extracting (hidden HTML), each standing in
    the body as `knowledge.planted.marker(n)`."""

    body: str
    metadata: dict[str, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
