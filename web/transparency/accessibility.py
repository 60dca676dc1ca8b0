"""The latest accessibility test run (axe-core in Chromium, the keyboard and no-script journeys)
as the statement publishes it, and the fingerprint that says whether the pages changed since.

The run is written by tests/e2e/test_e2e_accessibility_run.py (`make accessibility`), never by
hand; tests/web/test_accessibility_statement.py fails when the pages' templates, style sheets or
scripts no longer match the fingerprint recorded with the run.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parents[1]
RUN_FILE = Path(__file__).resolve().parent / "accessibility.json"
# The WCAG 2.1 level AA rules of axe-core (A and AA of 2.0 and 2.1), and nothing else.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


class RunFileInvalid(Exception):
    """The results file exists but is not a run this code wrote."""


@dataclass(frozen=True)
class PageResult:
    name: str
    path: str
    violations: tuple[dict[str, str], ...]
    rules_passed: int


@dataclass(frozen=True)
class JourneyResult:
    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class AccessibilityRun:
    run_at: datetime
    axe_version: str
    browser: str
    tags: tuple[str, ...]
    fingerprint: str
    pages: tuple[PageResult, ...]
    journeys: tuple[JourneyResult, ...]

    @property
    def violation_count(self) -> int:
        return sum(len(p.violations) for p in self.pages)

    @property
    def journeys_passed(self) -> bool:
        return all(j.passed for j in self.journeys)


def page_files(web_dir: Path = WEB_DIR) -> list[Path]:
    """What a page is made of: every template, and our own style sheets and scripts (vendored
    libraries change only with their version, which the run records for axe-core itself)."""
    templates = sorted(p for p in (web_dir / "templates").rglob("*") if p.is_file())
    static = sorted(
        p for p in (web_dir / "static").iterdir() if p.is_file() and p.suffix in (".css", ".js")
    )
    return templates + static


def pages_fingerprint(web_dir: Path = WEB_DIR) -> str:
    """sha256 over each page file's path (relative to web/) and bytes, in path order."""
    digest = hashlib.sha256()
    for path in page_files(web_dir):
        digest.update(path.relative_to(web_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"sha256:{digest.hexdigest()}"


def run_to_json(run: AccessibilityRun) -> str:
    data = {
        "run_at": run.run_at.isoformat(timespec="seconds"),
        "axe_core": run.axe_version,
        "browser": run.browser,
        "tags": list(run.tags),
        "pages_fingerprint": run.fingerprint,
        "pages": [
            {
                "name": p.name,
                "path": p.path,
                "violations": list(p.violations),
                "rules_passed": p.rules_passed,
            }
            for p in run.pages
        ],
        "journeys": [
            {"name": j.name, "passed": j.passed, "detail": j.detail} for j in run.journeys
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def load_run(path: Path = RUN_FILE) -> AccessibilityRun | None:
    """The recorded run, or None when no run was ever recorded at `path`."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw)
        return AccessibilityRun(
            run_at=datetime.fromisoformat(data["run_at"]),
            axe_version=str(data["axe_core"]),
            browser=str(data["browser"]),
            tags=tuple(str(t) for t in data["tags"]),
            fingerprint=str(data["pages_fingerprint"]),
            pages=tuple(
                PageResult(
                    name=str(p["name"]),
                    path=str(p["path"]),
                    violations=tuple(
                        {str(k): str(v) for k, v in item.items()} for item in p["violations"]
                    ),
                    rules_passed=int(p["rules_passed"]),
                )
                for p in data["pages"]
            ),
            journeys=tuple(
                JourneyResult(
                    name=str(j["name"]), passed=bool(j["passed"]), detail=str(j["detail"])
                )
                for j in data["journeys"]
            ),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RunFileInvalid(
            f"{path} is not an accessibility run ({exc}); run `make accessibility` to write it"
        ) from exc
