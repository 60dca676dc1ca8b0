"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

import yaml

from knowledge.documents import UnreadableDocument

_FENCE = "---"


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return (metadata, body); a file without a leading `---` block has empty metadata."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return {}, text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == _FENCE:
            header = "".join(lines[1:end])
            body = "".join(lines[end + 1 :])
            return _parse_header(header), body
    raise UnreadableDocument("front matter starts with '---' but is never closed")


def _parse_header(header: str) -> dict[str, str]:
    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError as exc:
        raise UnreadableDocument(f"front matter is not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UnreadableDocument("front matter is not a mapping of keys to values")
    # YAML turns dates and numbers into objects; the index only needs their text.
    return {str(key): "" if value is None else str(value) for key, value in data.items()}
