from __future__ import annotations

import pytest

from knowledge.documents import UnreadableDocument
from knowledge.frontmatter import split_front_matter


def test_front_matter_values_become_strings_and_body_follows() -> None:
    meta, body = split_front_matter('---\ntitle: "Bins"\nlast_reviewed: 2026-01-15\n---\n\nText\n')
    assert meta == {"title": "Bins", "last_reviewed": "2026-01-15"}
    assert body.strip() == "Text"


def test_no_front_matter_keeps_everything_as_body() -> None:
    assert split_front_matter("# Title\n\nText") == ({}, "# Title\n\nText")


def test_unclosed_front_matter_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="never closed"):
        split_front_matter("---\ntitle: x\n\nno end")


def test_front_matter_that_is_not_a_mapping_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="mapping"):
        split_front_matter("---\n- a\n- b\n---\nText")


def test_invalid_yaml_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="YAML"):
        split_front_matter('---\ntitle: "unclosed\n---\nText')
