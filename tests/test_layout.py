"""The README's map of the code names every package, and every package says what it holds."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = ("bot", "knowledge", "audit", "web")


def _packages() -> set[str]:
    found = set()
    for top in TOP:
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(init.parent.relative_to(ROOT).as_posix())
    return found


def _mapped() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Architecture", 1)[1].split("```", 2)[1]
    mapped: set[str] = set()
    stack: list[str] = []
    for line in block.splitlines():
        match = re.match(r"^( *)([\w.-]+)/\s", line + " ")
        if not match:
            continue
        depth = len(match.group(1)) // 2
        stack[depth:] = [match.group(2)]
        mapped.add("/".join(stack))
    return {path for path in mapped if path.split("/")[0] in TOP}


def test_every_package_is_on_the_readme_map_and_nothing_else() -> None:
    assert _packages() == _mapped()


def test_every_package_opens_with_a_docstring() -> None:
    for package in sorted(_packages()):
        tree = ast.parse((ROOT / package / "__init__.py").read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{package}/__init__.py says nothing of what it holds"
