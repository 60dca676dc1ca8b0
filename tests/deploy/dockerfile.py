"""Read a Dockerfile into stages of instructions, and decide what a .dockerignore leaves out.

Written for the tests of the image: enough of both formats to check what the image holds
without a Docker daemon (continuation lines, comments, `FROM ... AS name`; ignore patterns with
`*`, `?`, `**` and `!` exceptions, matched against a path and each of its parent folders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Instruction:
    keyword: str
    argument: str


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def arguments(self, keyword: str) -> list[str]:
        return [i.argument for i in self.instructions if i.keyword == keyword]


def read_dockerfile(path: Path) -> list[Stage]:
    logical: list[str] = []
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    stages: list[Stage] = []
    for line in logical:
        keyword, _, argument = line.partition(" ")
        keyword = keyword.upper()
        argument = " ".join(argument.split())
        if keyword == "FROM":
            words = argument.split()
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else None
            stages.append(Stage(words[0], name))
        elif stages:
            stages[-1].instructions.append(Instruction(keyword, argument))
    return stages


def _pattern(text: str) -> re.Pattern[str]:
    parts = []
    i = 0
    while i < len(text):
        if text.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif text.startswith("**", i):
            parts.append(".*")
            i += 2
        elif text[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif text[i] == "?":
            parts.append("[^/]")
            i += 1
        else:
            parts.append(re.escape(text[i]))
            i += 1
    return re.compile("".join(parts) + r"\Z")


Rules = list[tuple[bool, re.Pattern[str]]]


def read_dockerignore(path: Path) -> Rules:
    return parse_dockerignore(path.read_text(encoding="utf-8"))


def parse_dockerignore(text: str) -> Rules:
    rules = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        line = line.lstrip("!").strip().strip("/")
        rules.append((keep, _pattern(line)))
    return rules


def ignored(rules: Rules, path: str) -> bool:
    """Whether `path` (relative, with `/`) stays out of the build context; the last rule that
    matches the path or one of its parent folders decides, as Docker does."""
    parts = path.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    excluded = False
    for keep, pattern in rules:
        if any(pattern.match(candidate) for candidate in candidates):
            excluded = not keep
    return excluded
