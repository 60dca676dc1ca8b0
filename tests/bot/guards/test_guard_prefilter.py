"""The literal gates before the policy's patterns (bot/guards/prefilter.py): what a gate reads
from a pattern, where it gives none, and that no gated pattern's match is ever ruled out, on
the team's written messages in every detection copy and on the hostile corpora."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bot.guards.intent_data import read_written
from bot.guards.policy import GuardPolicy
from bot.guards.prefilter import gate
from bot.guards.rules import Rule
from bot.guards.variants import variants_of

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        # the longest literal run every match holds
        (r"\bcall\s+me\s+backwards\b", {"backwards"}),
        (r"\bje\s+veux\s+mourir\b", {"mourir"}),
        # an alternation: one of its words (their common start is factored out by the parser)
        (r"\b(?:suicide|overdose|self[- ]harm)\b", {"suicide", "overdose", "self"}),
        # a group repeated at least once requires its words; a longer run elsewhere wins
        (r"(?:please\s+)+transfer\s+me", {"transfer"}),
        # each branch's own best literal
        (r"\b(?:kill\s+myself|end\s+it\s+forever)", {"myself", "forever"}),
        # words outside a group that folds case still count; the group's own do not
        (r"(?i:urgent)\s+helpline", {"helpline"}),
    ],
)
def test_a_gate_holds_the_strings_every_match_must_contain(pattern: str, needed: set[str]) -> None:
    assert gate(re.compile(pattern)) == frozenset(needed)


@pytest.mark.parametrize(
    "pattern",
    [
        # one way through needs no literal at all
        r"\b(?:help|[0-9]{3,})\b",
        # optional words only
        r"(?:urgent)?\s*[a-z]+",
        # case folded by a flag: the literal may appear in another case
        r"(?i)urgent",
        r"(?i:urgent)\s+[a-z]+",
        # a back-reference and classes only
        r"<([a-z]+)>[^<]*</\1>",
        # too short to be worth a scan
        r"\bai\b",
        # more alternatives than a scan each is worth
        # (no common start, which the parser would factor out and gate on)
        "|".join(f"{chr(97 + n % 26)}{chr(97 + n // 26)}xyz" for n in range(40)),
    ],
)
def test_no_gate_where_the_parse_does_not_say_for_certain(pattern: str) -> None:
    assert gate(re.compile(pattern)) is None


def test_ignorecase_compiled_patterns_are_never_gated() -> None:
    assert gate(re.compile("urgent help", re.IGNORECASE)) is None


def test_a_gated_rule_decides_as_its_patterns_alone_would() -> None:
    rule = Rule("x", any=(re.compile(r"\bcall\s+me\s+back\b"),), also=(re.compile("please"),))
    assert rule.matches("could you call me  back please")
    assert not rule.matches("could you call me back")  # `also` absent
    assert not rule.matches("nothing here")  # ruled out by the gate, no search
    # a gate never rules out a text that holds its string even where the pattern fails
    assert not rule.matches("back me call please")


def _texts() -> list[str]:
    """A sample of the team's written messages (both languages, every class) and the whole
    hostile corpora: the texts every gated pattern is checked on."""
    written = [m.text for m in read_written(ROOT / "bot" / "guards" / "data" / "written")]
    random.Random(7).shuffle(written)
    corpora = []
    for name in ("prompt_injection.jsonl", "pii.jsonl", "malformed.jsonl", "xss.jsonl"):
        for line in (ROOT / "tests" / "corpora" / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            text = item.get("text")
            if isinstance(text, str):
                corpora.append(text)
    return written[:1500] + corpora


def test_no_match_of_a_shipped_pattern_is_ruled_out_by_its_gate() -> None:
    policy = GuardPolicy.default()
    patterns = {
        pattern
        for rule in [*(r for c in policy.categories for r in c.rules), *policy.in_scope]
        for pattern in (*rule.any, *rule.also)
    }
    gated = [(needed, p) for p in patterns if (needed := gate(p)) is not None]
    # most of the policy's patterns have a gate (else it buys nothing)
    assert len(gated) > 0.8 * len(patterns)
    hits = 0
    for text in _texts():
        for copy in set(variants_of(text).every):
            for needed, pattern in gated:
                if pattern.search(copy):
                    hits += 1
                    assert any(s in copy for s in needed), (pattern.pattern, needed, copy)
    assert hits > 1000  # the check saw many matches, not a corpus the patterns never meet
