"""Literal gates for the policy's patterns: the words a pattern cannot match without.

A rule's pattern is searched in every detection copy of every message, and most searches fail:
the policy's patterns mostly start with an alternation of words, which Python's regular
expressions try at every position of the text. A pattern's *gate* is a set of literal strings
such that any text the pattern matches contains at least one of them, read from the parsed
pattern; a substring test on each (a fast scan of the text) rules the search out when none is
there (`bot.guards.rules._found`). The gate is conservative: where the parse does not say for
certain (a flag that changes case, a back-reference, nothing literal that every match must
hold), there is no gate and the pattern is always searched, so a gated search finds exactly
what the pattern alone finds. `python -m benchmarks.rule_gates` measures what it saves.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Sequence
from typing import Any

# Above: the standard library's own pattern parser (what `re.compile` runs; 3.11 to 3.13 keep
# these names) and its node names; typeshed has no stubs for these private modules.

# A gate of more strings than this costs more scans than the search it would save.
_MOST_STRINGS = 24
# Strings shorter than this rule too little out to be worth a scan.
_SHORTEST = 3

Needed = frozenset[str]


def gate(pattern: re.Pattern[str]) -> Needed | None:
    """Strings one of which every match of `pattern` contains, or None when not known."""
    if pattern.flags & re.IGNORECASE:
        return None  # a literal may match in another case: the substring test would be wrong
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled, so it parses
        return None
    needed = _needed(list(parsed))
    if needed is None or min(map(len, needed)) < _SHORTEST or len(needed) > _MOST_STRINGS:
        return None
    return needed


def _needed(items: Sequence[tuple[Any, Any]]) -> Needed | None:
    """Of a sequence of parsed items: the best set of strings one of which every match
    holds (the literal runs, and each item that requires one of a set), or None."""
    candidates: list[Needed] = []
    run: list[str] = []
    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        inner = _item_needs(op, value)
        if inner is not None:
            candidates.append(inner)
    if run:
        candidates.append(frozenset({"".join(run)}))
    if not candidates:
        return None
    # the set whose shortest string is longest rules out the most texts; fewer strings break ties
    return max(candidates, key=lambda each: (min(map(len, each)), -len(each)))


def _item_needs(op: Any, value: Any) -> Needed | None:
    """What one non-literal item requires of every match, or None when nothing certain."""
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = value
        # a group that turns case off may match a literal in another case
        return None if add_flags & re.IGNORECASE else _needed(list(body))
    if op is sre.ATOMIC_GROUP:
        return _needed(list(value))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, body = value
        return _needed(list(body)) if least >= 1 else None
    if op is sre.BRANCH:
        _none, branches = value
        union: set[str] = set()
        for branch in branches:
            needs = _needed(list(branch))
            if needs is None:
                return None  # one way through requires nothing certain
            union |= needs
        return frozenset(union)
    # anchors, character classes, look-arounds, back-references: nothing literal for certain
    return None
