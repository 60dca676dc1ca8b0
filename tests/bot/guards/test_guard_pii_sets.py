"""Personal-data figures on the in-repo sets: the hostile corpus copy and the team's dev half.

Counts, not timing. The frozen test half (bot/guards/data/pii/test.jsonl) is not asserted
here: it is measured and reported, never tuned on (see its README).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.guards import GuardPolicy, InputGuard
from bot.guards.evaluate import evaluate
from tests.data import CORPORA

HERE = Path(__file__).parent
REPO = HERE.parents[2]
SETS = REPO / "bot" / "guards" / "data" / "pii"


@pytest.fixture(scope="module")
def guard() -> InputGuard:
    return InputGuard(GuardPolicy.default())


def test_hostile_corpus_copy(guard: InputGuard) -> None:
    result = evaluate(guard, CORPORA / "pii.jsonl")
    assert len(result.decisions) == 153
    assert result.rate("block_pii") >= 0.95
    assert result.rate("allow", {"block_pii"}) <= 0.05


def test_own_dev_half(guard: InputGuard) -> None:
    result = evaluate(guard, SETS / "dev.jsonl")
    assert result.rate("block_pii") >= 0.95
    assert result.rate("allow", {"block_pii"}) <= 0.05


def test_second_dev_set_names_and_addresses(guard: InputGuard) -> None:
    # Written for the span tagger (dev, tuned on): the rules alone blocked 36 of 66.
    result = evaluate(guard, SETS / "dev2.jsonl")
    assert result.rate("block_pii") >= 0.85
    assert result.rate("allow", {"block_pii"}) <= 0.05


@pytest.mark.parametrize(
    "half",
    [
        "dev.jsonl",
        "dev2.jsonl",
        "dev3.jsonl",
        "dev4.jsonl",
        "test.jsonl",
        "test2.jsonl",
        "test3.jsonl",
        "test4.jsonl",
        "test5.jsonl",
        "test6.jsonl",
        "test7.jsonl",
        "test8.jsonl",
        "test9.jsonl",
        "test10.jsonl",
        "test11.jsonl",
        "test12.jsonl",
        "test13.jsonl",
        "test14.jsonl",
        "test15.jsonl",
        "test16.jsonl",
        "test17.jsonl",
        "test18.jsonl",
        "test19.jsonl",
        "test20.jsonl",
        "test21.jsonl",
        "test22.jsonl",
        "test23.jsonl",
        "test24.jsonl",
        "test25.jsonl",
        "test26.jsonl",
        "test27.jsonl",
        "test28.jsonl",
        "test29.jsonl",
        "test30.jsonl",
        "test31.jsonl",
        "test32.jsonl",
        "test33.jsonl",
        "test34.jsonl",
        "test35.jsonl",
        "test36.jsonl",
        "test37.jsonl",
        "test38.jsonl",
        "test39.jsonl",
        "test40.jsonl",
        "test41.jsonl",
        "test42.jsonl",
        "test43.jsonl",
        "test44.jsonl",
        "test45.jsonl",
        "test46.jsonl",
        "test47.jsonl",
        "test48.jsonl",
        "test49.jsonl",
        "test50.jsonl",
        "test51.jsonl",
        "test52.jsonl",
        "test53.jsonl",
        "test54.jsonl",
        "test55.jsonl",
        "test56.jsonl",
        "test57.jsonl",
        "test58.jsonl",
        "test59.jsonl",
        "test60.jsonl",
        "test61.jsonl",
        "test62.jsonl",
        "test63.jsonl",
        "test64.jsonl",
        "test65.jsonl",
    ],
)
def test_own_set_is_well_formed_and_balanced(half: str) -> None:
    records = [json.loads(line) for line in (SETS / half).read_text(encoding="utf-8").splitlines()]
    assert {r["expect"] for r in records} == {"block_pii", "allow"}
    assert {r["lang"] for r in records} == {"en", "fr"}
    assert all(
        re.fullmatch(
            r"oc(?:[p-z9]|q[0-9]|v[1-9]|w[0-9]|x[0-9]|y[0-9]|z[0-9])-[0-9a-f]{10}", r["id"]
        )
        for r in records
    )
    assert all(r["text"].strip() for r in records)


def test_halves_do_not_share_a_message() -> None:
    seen: set[str] = set()
    for half in sorted(SETS.glob("*.jsonl")):
        texts = {json.loads(x)["text"] for x in half.read_text(encoding="utf-8").splitlines()}
        assert not texts & seen, half.name
        seen |= texts
