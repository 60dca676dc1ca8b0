"""The knowledge-base commands, run through Typer's test runner.

`ingest` is the registered `opencounter ingest` (web.cli.main), the one operators run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from knowledge.versions import list_versions
from web.cli.eval_retrieval import build_eval_cli as build_eval_retrieval_cli
from web.cli.kb import build_kb_cli
from web.cli.main import build_cli

runner = CliRunner(env={"COLUMNS": "200"})  # rich wraps and trims at 80


def _ingest_app() -> typer.Typer:
    return build_cli()


def test_ingest_then_list_show_and_diff(tmp_path: Path, kb: Path) -> None:
    data = tmp_path / "data"
    first = runner.invoke(
        _ingest_app(), ["ingest", str(kb), "--data-dir", str(data), "--lexical-only"]
    )
    assert first.exit_code == 0, first.output
    assert "4 added" in first.output
    assert "lexical only" in first.output
    (kb / "fr/dechets.md").unlink()
    second = runner.invoke(
        _ingest_app(), ["ingest", str(kb), "--data-dir", str(data), "--lexical-only"]
    )
    assert "1 removed" in second.output
    old, new = (v.id for v in list_versions(data / "kb"))

    listed = runner.invoke(build_kb_cli(), ["list", "--data-dir", str(data)])
    assert listed.exit_code == 0
    assert old[:16] in listed.output and new[:16] in listed.output

    shown = runner.invoke(build_kb_cli(), ["show", old[:8], "--data-dir", str(data)])
    assert shown.exit_code == 0
    assert old in shown.output and "fr/dechets" in shown.output

    diff = runner.invoke(build_kb_cli(), ["diff", old[:8], new[:8], "--data-dir", str(data)])
    assert "removed" in diff.output and "fr/dechets" in diff.output


def test_data_dir_from_the_environment(
    tmp_path: Path, kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(tmp_path / "env-data"))
    result = runner.invoke(_ingest_app(), ["ingest", str(kb), "--lexical-only"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env-data" / "kb" / "CURRENT").is_file()


def test_failed_files_give_exit_code_1_and_are_named(tmp_path: Path, kb: Path) -> None:
    (kb / "en/empty.md").write_text("")
    result = runner.invoke(
        _ingest_app(), ["ingest", str(kb), "--data-dir", str(tmp_path), "--lexical-only"]
    )
    assert result.exit_code == 1
    assert "en/empty.md" in result.output and "no text" in result.output


def test_missing_source_exit_code_2(tmp_path: Path) -> None:
    result = runner.invoke(
        _ingest_app(), ["ingest", str(tmp_path / "nope"), "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_kb_commands_before_any_ingest_or_with_unknown_version(tmp_path: Path) -> None:
    listed = runner.invoke(build_kb_cli(), ["list", "--data-dir", str(tmp_path)])
    assert listed.exit_code == 1
    assert "opencounter ingest" in listed.output
    shown = runner.invoke(build_kb_cli(), ["show", "abcdef", "--data-dir", str(tmp_path)])
    assert shown.exit_code == 1
    assert "no knowledge-base versions match" in shown.output


def test_eval_retrieval_writes_rows_and_prints_scores(tmp_path: Path, kb: Path) -> None:
    questions = tmp_path / "questions.jsonl"
    lines = [
        {
            "id": "q1",
            "question": "how much is a parking permit",
            "lang": "en",
            "category": "transport",
            "expect": "answer",
            "sources": ["en/parking-permits"],
        },
        {
            "id": "q2",
            "question": "quand les poubelles sont-elles vidées",
            "lang": "fr",
            "category": "dechets",
            "expect": "answer",
            "sources": ["fr/dechets"],
        },
        {
            "id": "q3",
            "question": "renew my passport",
            "lang": "en",
            "category": "out_of_scope",
            "expect": "refuse",
            "sources": [],
        },
    ]
    questions.write_text("\n".join(json.dumps(line) for line in lines))
    rows = tmp_path / "rows.jsonl"
    args = [
        "retrieval",
        "--kb",
        str(kb),
        "--questions",
        str(questions),
        "--rows",
        str(rows),
        "--data-dir",
        str(tmp_path / "data"),
        "--lexical-only",
    ]
    result = runner.invoke(build_eval_retrieval_cli(), args)
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in rows.read_text().splitlines()]
    assert [r["id"] for r in written] == ["q1", "q2", "q3"]
    assert written[0]["retrieved"][0] == "en/parking-permits"
    assert written[1]["retrieved"][0] == "fr/dechets"
    assert all(isinstance(r["latency_ms"], float) for r in written)
    assert "R@5" in result.output and "transport" in result.output
    again = runner.invoke(build_eval_retrieval_cli(), args)
    assert "4 documents unchanged" in again.output


def test_eval_retrieval_bad_questions_file(tmp_path: Path, kb: Path) -> None:
    questions = tmp_path / "bad.jsonl"
    questions.write_text("{not json}\n")
    args = [
        "retrieval",
        "--kb",
        str(kb),
        "--questions",
        str(questions),
        "--rows",
        str(tmp_path / "rows.jsonl"),
        "--data-dir",
        str(tmp_path),
        "--lexical-only",
    ]
    result = runner.invoke(build_eval_retrieval_cli(), args)
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output


def test_eval_retrieval_embeds_with_what_the_settings_choose(
    tmp_path: Path, kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app's setting, not the command's own default: no embedder, so BM25 alone.
    monkeypatch.setenv("OPENCOUNTER_EMBEDDER", "none")
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps({"id": "q1", "question": "parking permit", "lang": "en"}))
    args = ["retrieval", "--kb", str(kb), "--questions", str(questions)]
    args += ["--rows", str(tmp_path / "rows.jsonl"), "--data-dir", str(tmp_path / "data")]
    result = runner.invoke(build_eval_retrieval_cli(), args)
    assert result.exit_code == 0, result.output
    assert "lexical only" in result.output
    assert any((tmp_path / "data" / "eval").glob("*-lex"))


def test_kb_list_reads_the_data_dir_the_settings_name(
    tmp_path: Path, kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "env-data"
    ingested = runner.invoke(
        _ingest_app(), ["ingest", str(kb), "--data-dir", str(data), "--lexical-only"]
    )
    assert ingested.exit_code == 0, ingested.output
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
    listed = runner.invoke(build_kb_cli(), ["list"])
    assert listed.exit_code == 0, listed.output
    assert list_versions(data / "kb")[0].id[:16] in listed.output


def test_ingest_keeps_the_approximate_index_with_the_build(
    tmp_path: Path, kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A language of this many vectors or more gets serve's approximate index: built at ingest.
    monkeypatch.setenv("OPENCOUNTER_ANN_MIN_VECTORS", "2")
    data = tmp_path / "data"
    result = runner.invoke(_ingest_app(), ["ingest", str(kb), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "Vectors loaded into the approximate index for" in result.output
    assert any((data / "kb" / "builds").glob("*/approximate/chunks/*.faiss"))
