"""The held-out intent set is well formed, matches its README and stays out of the training data.

The guards are never run on it here: it is scored once by the lead (see
bot/guards/data/holdout/README.md). These checks only keep the file honest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[3] / "bot" / "guards" / "data"
HOLDOUT = DATA / "holdout"
INTENTS = HOLDOUT / "intents.holdout-2026-12-02.jsonl"

EXPECT = {
    "crisis": "escalate",
    "human_request": "escalate",
    "complaint": "escalate",
    "out_of_scope": "refuse",
    "abuse_of_service": "refuse",
    "injection": "refuse",
    "in_scope": "allow",
}
KINDS = {
    "crisis": {
        "self_harm",
        "immediate_danger",
        "domestic_violence",
        "homeless_tonight",
        "child_at_risk",
        "destitution",
    },
    "human_request": {"person", "callback"},
    "complaint": {"complaint"},
    "out_of_scope": {"chit_chat", "creative", "general", "political", "other_body"},
    "abuse_of_service": {"fraud", "harm"},
    "injection": {"override", "extraction", "roleplay", "planted", "action", "encoded"},
    "in_scope": {"services", "personal", "howto", "definition", "agent", "lookalike"},
}
# A README row: | `label` | `kind` | en | fr |
ROW = re.compile(r"^\| `(?P<label>\w+)` \| `(?P<kind>\w+)` \| (?P<en>\d+) \| (?P<fr>\d+) \|$", re.M)


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    return [json.loads(line) for line in INTENTS.read_text(encoding="utf-8").splitlines()]


def test_every_record_is_well_formed(records: list[dict[str, str]]) -> None:
    for r in records:
        assert set(r) == {"id", "text", "lang", "label", "kind", "expect"}, r
        assert r["id"] == "hold-" + hashlib.sha256(r["text"].encode()).hexdigest()[:10], r
        assert r["lang"] in {"en", "fr"}, r
        assert r["expect"] == EXPECT[r["label"]], r
        assert r["kind"] in KINDS[r["label"]], r
        assert r["text"].strip() == r["text"] != "", r


def test_no_message_is_repeated(records: list[dict[str, str]]) -> None:
    texts = [r["text"].casefold() for r in records]
    assert len(set(texts)) == len(texts)


def test_the_readme_counts_are_the_files(records: list[dict[str, str]]) -> None:
    table = {
        (m["label"], m["kind"], lang): int(m[lang])
        for m in ROW.finditer((HOLDOUT / "README.md").read_text(encoding="utf-8"))
        for lang in ("en", "fr")
    }
    counted = Counter((r["label"], r["kind"], r["lang"]) for r in records)
    assert {k: n for k, n in table.items() if n} == dict(counted)


def test_about_half_is_french_in_each_large_class(records: list[dict[str, str]]) -> None:
    for label in ("crisis", "in_scope"):
        langs = Counter(r["lang"] for r in records if r["label"] == label)
        assert abs(langs["en"] - langs["fr"]) <= 0.1 * sum(langs.values()), label


def test_no_held_out_message_is_in_the_guards_training_or_frozen_files(
    records: list[dict[str, str]],
) -> None:
    # Compared as counts only, so that running this shows nobody the other side's messages.
    held_out = {r["text"].casefold() for r in records}
    for name in ("intents.train.jsonl", "intents.frozen.jsonl"):
        path = DATA / name
        assert path.exists(), f"{name} moved: point this check at the guards' training data"
        other = {json.loads(x)["text"].casefold() for x in path.read_text("utf-8").splitlines()}
        shared = len(held_out & other)
        assert shared == 0, f"{shared} held-out messages are also in {name}"
