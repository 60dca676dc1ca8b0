"""The team's decision snapshot: which files it reads (never the frozen split, never a set
named blind) and which decisions two snapshots disagree on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.guards.snapshot import DATA, arguments_parser, diff, main, messages, team_files


def test_the_frozen_split_and_the_skipped_sets_are_never_read(tmp_path: Path) -> None:
    blind = DATA / "pii" / "test28.jsonl"
    files = team_files(None, {blind})
    assert DATA / "intents.train.jsonl" in files
    assert blind not in files
    assert not any("frozen" in f.name for f in files)
    assert any(f.parent.name == "written" for f in files)


def test_no_frozen_message_is_read_from_the_written_files() -> None:
    """The written files hold the frozen split's messages too: a snapshot of them would show
    their decisions (and a diff their texts) to whoever tunes the guards. Counts only."""
    frozen = {
        json.loads(line)["text"].casefold()
        for line in (DATA / "intents.frozen.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    }
    written = sorted((DATA / "written").glob("*.tsv"))
    read = {m.text.casefold() for m in messages(written)}
    assert len(read) > 4 * len(frozen)
    assert not read & frozen


def test_skip_given_twice_skips_both_sets() -> None:
    """A helper once wrote `--skip a --skip b`: before `extend`, only b was left out."""
    for argv in (["--skip", "a.jsonl", "--skip", "b.jsonl"], ["--skip", "a.jsonl", "b.jsonl"]):
        parsed = arguments_parser().parse_args(["write", "out.jsonl", *argv])
        assert parsed.skip == [Path("a.jsonl"), Path("b.jsonl")]


def test_the_shared_dev_questions_are_read_when_the_folder_exists(tmp_path: Path) -> None:
    (tmp_path / "someset").mkdir()
    dev = tmp_path / "someset" / "questions.dev.jsonl"
    dev.write_text(json.dumps({"id": "q1", "question": "Bin day?", "lang": "en"}) + "\n")
    files = team_files(tmp_path, set())
    assert dev in files
    read = list(messages([dev]))
    assert [(m.file, m.id, m.text) for m in read] == [
        ("someset/questions.dev.jsonl", "q1", "Bin day?")
    ]


def _snapshot(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    lines = [
        json.dumps({"file": f, "id": i, "lang": "en", "action": a, "reason": r})
        for f, i, a, r in rows
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_changed_action_or_reason_is_reported_and_nothing_else(tmp_path: Path) -> None:
    before = _snapshot(
        tmp_path / "a.jsonl",
        [("t", "1", "allow", "ok"), ("t", "2", "crisis", "crisis.x"), ("t", "3", "refuse", "r")],
    )
    after = _snapshot(
        tmp_path / "b.jsonl",
        [("t", "1", "allow", "ok"), ("t", "2", "crisis", "crisis.y"), ("t", "3", "allow", "ok")],
    )
    assert diff(before, after) == [
        ("t", "2", "crisis/crisis.x", "crisis/crisis.y"),
        ("t", "3", "refuse/r", "allow/ok"),
    ]


def test_diff_names_a_missing_snapshot(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["diff", str(tmp_path / "none.jsonl"), str(tmp_path / "none2.jsonl")])
    assert stopped.value.code == 2
