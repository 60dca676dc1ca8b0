"""/transparency/impact: the impact assessment as a page (English, French) and as JSON, built
from the running configuration, the guard policy and the published frozen-split figures, with
the organisation's statements kept apart from computed facts."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from tests.conftest import make_settings
from web.app import create_app
from web.settings import Settings
from web.transparency.evaluation import EvaluationFigure, load_evaluation
from web.transparency.impact import language_pairs
from web.transparency.impact_texts import STATEMENT_KEYS

SHIPPED = Path(__file__).parents[3] / "bot" / "config" / "organisation.yaml"


def _organisation_file(tmp_path: Path, impact: object | None) -> Path:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data.pop("impact", None)
    if impact is not None:
        data["impact"] = impact
    path = tmp_path / "organisation.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def client(data_dir: Path) -> Iterator[TestClient]:
    # The page reads no guard decision: the rules alone spare fitting the intent classifier.
    yield from _client(make_settings(data_dir, guard_classifier=False))


def test_json_has_every_criterion_computed_and_the_statements_apart(client: TestClient) -> None:
    response = client.get("/transparency/impact.json")
    assert response.status_code == 200
    impact = response.json()
    assert "Directive on Automated Decision-Making" in impact["framework"]["directive"]
    assert "Algorithmic Impact Assessment" in impact["framework"]["questionnaire"]
    assert [s["id"] for s in impact["sections"]] == [
        "purpose",
        "fairness",
        "legality",
        "oversight",
        "participation",
    ]
    for section in impact["sections"]:
        assert section["computed"], section["id"]
        for question in section["computed"]:
            assert question["question"].endswith("?")
            assert question["answer"], question["id"]
    # The shipped demo statements, with their date, beside (not inside) the computed answers.
    assert impact["statements"] == {"published": True, "reviewed": "2026-12-03"}
    purpose = impact["sections"][0]
    assert set(purpose["statements"]) == {
        "purpose",
        "public_interest",
        "alternatives",
        "impact_level",
    }
    computed_text = " ".join(s for q in purpose["computed"] for s in q["answer"])
    assert purpose["statements"]["purpose"] not in computed_text
    assert impact["generated_at"].endswith("Z")


def test_computed_facts_follow_the_configuration(data_dir: Path) -> None:
    settings = make_settings(
        data_dir,
        guard_classifier=False,
        teams="housing, benefits",
        handoff_minutes_per_case=11,
        draft_approval_topics="en/housing-benefit",
        pii_mode="redact",
    )
    for client in _client(settings):
        impact = client.get("/transparency/impact.json").json()
    answers = {q["id"]: " ".join(q["answer"]) for s in impact["sections"] for q in s["computed"]}
    assert "housing, benefits" in answers["oversight.handoff"]
    assert "about 11 minutes" in answers["oversight.handoff"]
    assert "at any time" in answers["oversight.handoff"]  # the tests' hours: always
    assert "en/housing-benefit" in answers["purpose.decision"]
    assert "removed from a message" in answers["legality.personal_data"]
    assert "without a language model" in answers["purpose.what"]
    # The guard policy's categories passed to a person are named.
    assert "complaint" in answers["participation.feedback"]


def test_fairness_puts_the_frozen_split_languages_side_by_side(client: TestClient) -> None:
    impact = client.get("/transparency/impact.json").json()
    fairness = next(s for s in impact["sections"] if s["id"] == "fairness")
    rows = fairness["computed"][0]["by_language"]
    assert rows, "the published evaluation has English and French frozen-split figures"
    for row in rows:
        assert set(row["figures"]) == {"en", "fr"}
        assert "frozen split" in row["set"]
    # Every frozen-split figure published per language is on the page, with its gap.
    published = {(f.set, f.measure): f for f in load_evaluation().figures}
    for row in rows:
        for lang, figure in row["figures"].items():
            source = published[(f"{row['set']} ({lang})", row["measure"])]
            assert figure == {"hits": source.hits, "total": source.total, "share": source.share}
        shares = [f["share"] for f in row["figures"].values()]
        assert row["gap_points"] == round((max(shares) - min(shares)) * 100, 1)


def test_language_pairs_leave_out_mixed_and_held_out_sets() -> None:
    figures = (
        EvaluationFigure("intents frozen split (en)", "m", 1, 2),
        EvaluationFigure("intents frozen split (fr)", "m", 2, 2),
        EvaluationFigure("intents frozen split (en+fr)", "m", 2, 4),
        EvaluationFigure("held-out intents (en)", "m", 1, 2),
        EvaluationFigure("held-out intents (fr)", "m", 1, 2),
        EvaluationFigure("intents frozen split (en)", "only English", 1, 2),
    )
    pairs = language_pairs(figures)
    assert [(p.set, p.measure, sorted(p.by_language)) for p in pairs] == [
        ("intents frozen split", "m", ["en", "fr"])
    ]


def test_page_shows_computed_facts_and_dated_statements(client: TestClient) -> None:
    page = client.get("/transparency/impact", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    text = html.unescape(page.text)
    assert "Directive on Automated Decision-Making" in text
    assert "Computed from the running system" in text
    assert "The organisation's statement" in text
    assert '<time datetime="2026-12-03">' in page.text
    assert "Fairness across languages" in text
    paired = [
        f for pair in language_pairs(load_evaluation().figures) for f in pair.by_language.values()
    ]
    assert paired and all(f"{f.hits}/{f.total}" in text for f in paired)
    # Linked from the record, and back.
    assert 'href="/transparency/impact?lang=en"' in client.get("/transparency").text
    assert 'href="/transparency?lang=en"' in page.text


def test_accept_json_gets_the_json(client: TestClient) -> None:
    response = client.get("/transparency/impact", headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == client.get("/transparency/impact.json").json()


def test_french_page_is_french(client: TestClient) -> None:
    page = client.get("/transparency/impact?lang=fr")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert '<html lang="fr">' in page.text
    assert "Calculé à partir du système en service" in text
    assert "Équité entre les langues" in text
    # The organisation's French statements.
    assert "Les habitants posent à la Ville" in text
    for english in ("Computed from the running system", "Human oversight", "Does the system"):
        assert english not in text


def test_markup_in_the_statements_is_escaped(tmp_path: Path, data_dir: Path) -> None:
    hostile = '<script>alert(1)</script><a href="javascript:x">click</a>'
    path = _organisation_file(
        tmp_path,
        {
            "reviewed": "2026-12-01",
            "statements": {key: f"{key}: {hostile}" for key in STATEMENT_KEYS},
            "translations": {"fr": {"purpose": hostile}},
        },
    )
    settings = make_settings(data_dir, guard_classifier=False, organisation_file=path)
    for client in _client(settings):
        for url in ("/transparency/impact", "/transparency/impact?lang=fr"):
            page = client.get(url)
            assert page.status_code == 200
            assert "<script>alert(1)" not in page.text
            assert 'href="javascript:' not in page.text
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        # The JSON carries the text as written: it is data, not markup.
        impact = client.get("/transparency/impact.json").json()
        assert impact["sections"][0]["statements"]["purpose"] == f"purpose: {hostile}"


def test_without_an_impact_section_the_page_says_so(tmp_path: Path, data_dir: Path) -> None:
    path = _organisation_file(tmp_path, None)
    settings = make_settings(data_dir, guard_classifier=False, organisation_file=path)
    for client in _client(settings):
        page = client.get("/transparency/impact")
        assert page.status_code == 200
        assert "has not published its statements for this assessment yet" in html.unescape(
            page.text
        )
        assert "Computed from the running system" in page.text
        impact = client.get("/transparency/impact.json").json()
        assert impact["statements"] == {"published": False, "reviewed": None}
        assert all(section["statements"] == {} for section in impact["sections"])
        assert client.get("/transparency/impact?lang=fr").status_code == 200


@pytest.mark.parametrize(
    ("impact", "named"),
    [
        ("just a sentence", "'impact' must be a mapping"),
        ({"statements": {"purpose": "x"}}, "lacks 'reviewed'"),
        ({"reviewed": "soon"}, "must be a date"),
        ({"reviewed": "2026-12-01", "statements": {"purpse": "x"}}, "unknown field(s) purpse"),
        ({"reviewed": "2026-12-01", "statements": {"purpose": ["a", "list"]}}, "must be a text"),
    ],
)
def test_a_malformed_section_is_a_clear_503_not_a_500(
    tmp_path: Path, data_dir: Path, impact: object, named: str
) -> None:
    path = _organisation_file(tmp_path, impact)
    settings = make_settings(data_dir, guard_classifier=False, organisation_file=path)
    for client in _client(settings):
        for url in ("/transparency/impact", "/transparency/impact.json"):
            response = client.get(url)
            assert response.status_code == 503
            assert named in response.text
            assert "Traceback" not in response.text
