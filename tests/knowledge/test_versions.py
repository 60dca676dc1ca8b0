from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.versions import (
    UnknownVersion,
    current_version,
    diff_versions,
    find_version,
    list_versions,
    new_version,
    record_version,
    version_id,
)


def test_version_id_depends_on_content_not_order() -> None:
    a = version_id({"a": "1", "b": "2"})
    assert a == version_id({"b": "2", "a": "1"})
    assert a != version_id({"a": "1", "b": "3"})
    assert a != version_id({"a": "1"})
    assert len(a) == 64


def test_diff_versions() -> None:
    a = new_version({"kept": "1", "edited": "1", "gone": "1"})
    b = new_version({"kept": "1", "edited": "2", "new": "1"})
    diff = diff_versions(a, b)
    assert (diff.added, diff.removed, diff.changed) == (["new"], ["gone"], ["edited"])


def test_record_list_current_and_find(tmp_path: Path) -> None:
    assert current_version(tmp_path) is None
    assert list_versions(tmp_path) == []
    first = record_version(tmp_path, new_version({"a": "1"}))
    second = record_version(tmp_path, new_version({"a": "2"}))
    assert current_version(tmp_path) == second
    assert {v.id for v in list_versions(tmp_path)} == {first.id, second.id}
    assert find_version(tmp_path, first.id[:8]) == first
    # Going back to earlier content makes that version current again, with its first date.
    again = record_version(tmp_path, new_version({"a": "1"}))
    assert again == first
    assert current_version(tmp_path) == first


def test_find_version_rejects_short_or_unknown_prefixes(tmp_path: Path) -> None:
    record_version(tmp_path, new_version({"a": "1"}))
    with pytest.raises(UnknownVersion, match="too short"):
        find_version(tmp_path, "ab")
    with pytest.raises(UnknownVersion, match="no knowledge-base versions"):
        find_version(tmp_path, "zzzzzz")
