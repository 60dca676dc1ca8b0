"""Text extracted from one page or file, with whatever metadata the format carried."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageText:
    """Body as Markdown-ish text; metadata keys as in front matter (title, url, lang, ...)."""

    body: str
    metadata: dict[str, str] = field(default_factory=dict)
