"""/accessibility: the model statement's parts in English and French, the organisation's contact,
and the results, date and tools of the recorded axe run — which must be a run of these pages."""

from __future__ import annotations

import html
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.organisation import ConfigurationError, load_organisation
from tests.conftest import make_settings, services_of
from web.settings import Settings
from web.transparency.accessibility import (
    RUN_FILE,
    WCAG_TAGS,
    WEB_DIR,
    AccessibilityRun,
    JourneyResult,
    PageResult,
    load_run,
    pages_fingerprint,
    run_to_json,
)

# Every kind of page the statement speaks for must be in the published run.
REQUIRED_PATHS = (
    "/",
    "/widget",
    "/widget?lang=fr",
    "/console",
    "/oversight",
    "/oversight/statistics",
    "/transparency",
    "/transparency/impact",
    "/accessibility",
    "/docs",
)


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    # The statement reads no guard: the rules alone spare fitting the intent classifier.
    return make_settings(data_dir, guard_classifier=False)


def _run(**changes: object) -> AccessibilityRun:
    run = AccessibilityRun(
        run_at=datetime(2026, 11, 30, 14, 5, tzinfo=UTC),
        axe_version="4.14.1",
        browser="Chromium 131.0",
        tags=WCAG_TAGS,
        fingerprint=pages_fingerprint(),
        pages=(
            PageResult("chat page", "/", (), 21),
            PageResult("API documentation", "/docs", (), 17),
        ),
        journeys=(
            JourneyResult("keyboard", True, "ok"),
            JourneyResult("no-javascript", True, "ok"),
        ),
    )
    return replace(run, **changes)  # type: ignore[arg-type]


def _statement(client: TestClient, run_file: Path, lang: str = "en") -> str:
    client.app.state.accessibility_run_file = run_file  # type: ignore[attr-defined]
    response = client.get(f"/accessibility?lang={lang}")
    assert response.status_code == 200, response.text
    return html.unescape(response.text)


def test_the_statement_shows_the_run_and_the_contact(client: TestClient, tmp_path: Path) -> None:
    run_file = tmp_path / "accessibility.json"
    run_file.write_text(run_to_json(_run()))
    page = _statement(client, run_file)
    contact = services_of(client).organisation.contact
    for part in (
        "Compliance status",
        "Content that is not accessible",
        "Preparation of this statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ):
        assert part in page
    assert "prepared on 2026-11-30" in page
    assert "axe-core 4.14.1" in page and "Chromium 131.0" in page
    assert "no violation on any of the 2 pages" in page
    assert contact.email in page and contact.phone in page
    assert 'id="stale"' not in page
    french = _statement(client, run_file, "fr")
    assert '<html lang="fr">' in french
    assert "Déclaration d'accessibilité" in french and "établie le 2026-11-30" in french


def test_violations_and_a_failed_journey_are_listed(client: TestClient, tmp_path: Path) -> None:
    violation = {
        "id": "color-contrast",
        "impact": "serious",
        "help": "Text must contrast",
        "element": "p.x",
    }
    run = _run(
        pages=(PageResult("chat page", "/", (violation,), 20),),
        journeys=(JourneyResult("keyboard", False, "Tab never reached the box"),),
    )
    run_file = tmp_path / "accessibility.json"
    run_file.write_text(run_to_json(run))
    page = _statement(client, run_file)
    assert "found 1 problem(s)" in page
    assert "Text must contrast" in page and "color-contrast" in page
    assert "At least one journey failed" in page


def test_a_run_of_other_pages_is_marked_stale(client: TestClient, tmp_path: Path) -> None:
    run_file = tmp_path / "accessibility.json"
    run_file.write_text(run_to_json(_run(fingerprint="sha256:" + "0" * 64)))
    assert 'id="stale"' in _statement(client, run_file)


def test_no_run_and_a_broken_run_file_say_so(client: TestClient, tmp_path: Path) -> None:
    assert "No accessibility test run is recorded" in _statement(client, tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"run_at": "yesterday"}')
    client.app.state.accessibility_run_file = broken  # type: ignore[attr-defined]
    response = client.get("/accessibility")
    assert response.status_code == 503
    assert "make accessibility" in response.text


def test_the_fingerprint_follows_the_templates_and_style(tmp_path: Path) -> None:
    web = tmp_path / "web"
    shutil.copytree(WEB_DIR / "templates", web / "templates")
    (web / "static").mkdir()
    shutil.copy(WEB_DIR / "static" / "opencounter.css", web / "static")
    before = pages_fingerprint(web)
    (web / "static" / "opencounter.css").write_text("body { color: #777; }\n")
    after_css = pages_fingerprint(web)
    (web / "templates" / "base.html").write_text("<html></html>\n")
    assert len({before, after_css, pages_fingerprint(web)}) == 3


def test_the_published_run_is_of_these_pages_and_found_nothing() -> None:
    run = load_run(RUN_FILE)
    assert run is not None, "no run recorded: run `make accessibility` and commit its file"
    assert run.fingerprint == pages_fingerprint(), (
        f"the pages changed since the accessibility run of {run.run_at:%Y-%m-%d}: run "
        "`make accessibility` and commit web/transparency/accessibility.json"
    )
    tested = {p.path for p in run.pages}
    assert set(REQUIRED_PATHS) <= tested, sorted(set(REQUIRED_PATHS) - tested)
    assert run.tags == WCAG_TAGS
    assert run.violation_count == 0
    assert {j.name for j in run.journeys} == {"keyboard", "no-javascript"}
    assert run.journeys_passed


def test_the_enforcement_body_is_named_and_linked(client: TestClient, tmp_path: Path) -> None:
    body = services_of(client).organisation.enforcement
    assert body is not None  # the shipped organisation file names one
    page = _statement(client, tmp_path / "no-run.json")
    assert f'<a href="{body.url}">{body.name}</a>' in page
    assert f"For {services_of(client).organisation.name}, that body is:" in page
    french = _statement(client, tmp_path / "no-run.json", "fr")
    assert "cet organisme est :" in french


def _organisation_with(tmp_path: Path, enforcement: str) -> Path:
    shipped = (
        Path(__file__).resolve().parents[2] / "bot" / "config" / "organisation.yaml"
    ).read_text(encoding="utf-8")
    start = shipped.index("accessibility_enforcement:")
    end = shipped.index("\n# ", start)
    path = tmp_path / "organisation.yaml"
    path.write_text(shipped[:start] + enforcement + shipped[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("section", "named"),
    [
        ("accessibility_enforcement:\n  name: Body\n  url: javascript:alert(1)", "http or https"),
        ("accessibility_enforcement:\n  name: Body\n  url: data:text/html,x", "http or https"),
        ("accessibility_enforcement:\n  name: Body", "needs both 'name' and 'url'"),
        ("accessibility_enforcement: a body somewhere", "must be a mapping"),
    ],
)
def test_a_bad_enforcement_body_stops_loading_and_names_the_field(
    tmp_path: Path, section: str, named: str
) -> None:
    with pytest.raises(ConfigurationError, match="accessibility_enforcement") as raised:
        load_organisation(_organisation_with(tmp_path, section))
    assert named in str(raised.value)


def test_without_an_enforcement_body_the_statement_names_none(tmp_path: Path) -> None:
    organisation = load_organisation(_organisation_with(tmp_path, ""))
    assert organisation.enforcement is None
