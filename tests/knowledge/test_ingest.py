from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.ingest import NothingToIngest, ingest
from knowledge.versions import current_version, list_versions


def test_first_ingest_adds_every_document(tmp_path: Path, kb: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    report = ingest(kb, tmp_path / "index", progress=lambda d, t, n: seen.append((d, t, n)))
    assert report.added == [
        "en/parking-permits",
        "en/waste-collection",
        "fr/dechets",
        "fr/stationnement",
    ]
    assert report.updated == report.removed == report.unchanged == []
    assert report.failed == []
    assert report.lexical_only
    assert current_version(tmp_path / "index") == report.version
    assert set(report.version.documents) == set(report.added)
    assert seen[-1][:2] == (4, 4)


def test_second_ingest_skips_unchanged_and_sees_edits_and_removals(
    tmp_path: Path, kb: Path
) -> None:
    first = ingest(kb, tmp_path / "index")
    (kb / "en/waste-collection.md").write_text("---\ntitle: Waste\n---\nBins on Wednesday.\n")
    (kb / "fr/dechets.md").unlink()
    (kb / "en/libraries.md").write_text("# Libraries\n\nOpen every day but Monday.\n")
    second = ingest(kb, tmp_path / "index")
    assert second.added == ["en/libraries"]
    assert second.updated == ["en/waste-collection"]
    assert second.removed == ["fr/dechets"]
    assert second.unchanged == ["en/parking-permits", "fr/stationnement"]
    assert second.version.id != first.version.id
    assert [v.id for v in list_versions(tmp_path / "index")] == [
        first.version.id,
        second.version.id,
    ]


def test_ingesting_the_same_content_twice_makes_no_new_version(tmp_path: Path, kb: Path) -> None:
    first = ingest(kb, tmp_path / "index")
    again = ingest(kb, tmp_path / "index")
    assert again.version == first.version
    assert len(again.unchanged) == 4
    assert len(list_versions(tmp_path / "index")) == 1


def test_an_unchanged_ingest_reports_the_date_the_version_first_became_current(
    tmp_path: Path, kb: Path
) -> None:
    first = ingest(kb, tmp_path / "index")
    stored = tmp_path / "index" / "versions" / f"{first.version.id}.json"
    data = json.loads(stored.read_text(encoding="utf-8"))
    data["created_at"] = "2020-01-01T00:00:00Z"  # as if the first ingest ran years ago
    stored.write_text(json.dumps(data), encoding="utf-8")
    again = ingest(kb, tmp_path / "index")
    assert again.version.created_at == "2020-01-01T00:00:00Z"


def test_unreadable_and_empty_files_are_reported_by_name_and_the_rest_ingest(
    tmp_path: Path, kb: Path
) -> None:
    (kb / "en/empty.md").write_text("---\ntitle: Empty\n---\n\n")
    (kb / "en/latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (kb / "en/broken.md").write_text("---\ntitle: x\nno closing fence")
    report = ingest(kb, tmp_path / "index")
    assert dict(report.failed) == {
        "en/broken.md": "front matter starts with '---' but is never closed",
        "en/empty.md": "the document has no text",
        "en/latin1.txt": "not UTF-8 text (byte 3)",
    }
    assert len(report.added) == 4


def test_a_page_that_fails_to_read_later_keeps_its_previous_content(
    tmp_path: Path, kb: Path
) -> None:
    first = ingest(kb, tmp_path / "index")
    (kb / "fr/dechets.md").write_bytes(b"\xff\xfe broken")
    second = ingest(kb, tmp_path / "index")
    assert [name for name, _ in second.failed] == ["fr/dechets.md"]
    assert second.removed == []
    assert second.version.id == first.version.id


def test_hidden_and_unsupported_files_are_skipped(tmp_path: Path, kb: Path) -> None:
    (kb / ".git").mkdir()
    (kb / ".git" / "notes.md").write_text("# Not a page\n\nInternal.")
    (kb / "logo.png").write_bytes(b"\x89PNG")
    report = ingest(kb, tmp_path / "index")
    assert len(report.added) == 4
    assert report.failed == []


def test_missing_or_empty_source_raises(tmp_path: Path, kb: Path) -> None:
    with pytest.raises(NothingToIngest, match="does not exist"):
        ingest(tmp_path / "nowhere", tmp_path / "index")
    (tmp_path / "empty").mkdir()
    with pytest.raises(NothingToIngest, match="no readable document"):
        ingest(tmp_path / "empty", tmp_path / "index")


def test_doc_ids_are_paths_without_extension_and_metadata_is_kept(tmp_path: Path, kb: Path) -> None:
    from knowledge.search import open_retriever

    ingest(kb, tmp_path / "index")
    result = open_retriever(tmp_path / "index").retrieve("parking permit cost", "en", k=1)
    best = result.passages[0]
    assert best.doc_id == "en/parking-permits"
    assert best.title == "Residents' parking permits"
    assert best.url == "https://city.example/parking/permits"
    assert best.section == "How much it costs"
    assert best.last_reviewed == "2026-01-15"
    assert best.chunk_id.startswith("en/parking-permits#")
