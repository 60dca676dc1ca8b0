"""The oversight console's pages over a real app: search, timeline, statistics, reviews, export."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from audit.bundle import Bundle
from audit.entries import decode_entry
from audit.note import parse_verifier_key
from audit.verify import verify_log
from tests.conftest import services_of
from tests.data import CORPORA
from tests.web.console.conftest import ask_for_person, csrf_of, sign_in

PARKING = "How do I apply for a resident parking permit?"
LIBRARY = "How do I get a library card?"
UNRELATED = "What is the best recipe for a chocolate cake?"


def _citizen_asks(client: TestClient, *questions: str) -> str:
    citizen = TestClient(client.app)
    r = citizen.post("/chat/messages", data={"text": questions[0]}, follow_redirects=False)
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
    for question in questions[1:]:
        citizen.post("/chat/messages", data={"text": question, "conversation_id": cid})
    return cid


@pytest.fixture
def overseer(console_client: TestClient, add_staff: Callable[..., str]) -> tuple[TestClient, str]:
    csrf = sign_in(console_client, add_staff("olive", role="oversight"))
    return console_client, csrf


def _rows(html: str) -> list[tuple[int, str]]:
    return [
        (int(index), kind)
        for index, kind in re.findall(r'<tr data-index="(\d+)" data-type="([a-z_]+)"', html)
    ]


def test_search_filters_by_type_decision_language_and_day(
    overseer: tuple[TestClient, str],
) -> None:
    client, _ = overseer
    answered = _citizen_asks(client, PARKING)
    refused = _citizen_asks(client, UNRELATED)
    escalated = ask_for_person(client)
    page = client.get("/oversight")
    assert page.status_code == 200
    everything = _rows(page.text)
    assert [i for i, _ in everything] == sorted((i for i, _ in everything), reverse=True)
    assert len(everything) == services_of(client).log.size()

    r = client.get("/oversight", params={"type": "escalation"})
    assert {kind for _, kind in _rows(r.text)} == {"escalation"}
    assert escalated[:10] in r.text and answered[:10] not in r.text
    r = client.get("/oversight/entries", params={"decision": "refuse"})
    assert {kind for _, kind in _rows(r.text)} == {"refusal"}
    assert refused[:10] in r.text
    assert "<html" not in r.text  # the fragment htmx swaps in
    # ...while the address bar gets the whole page's URL, without empty filters.
    r = client.get("/oversight/entries", params={"decision": "refuse", "lang": "", "topic": ""})
    assert r.headers["HX-Push-Url"] == "/oversight?decision=refuse"
    r = client.get("/oversight", params={"decision": "answer", "topic": "en/parking-permits"})
    assert [kind for _, kind in _rows(r.text)] == ["answer"]
    today = datetime.now(UTC).date()
    r = client.get("/oversight", params={"type": "answer", "since": str(today)})
    assert len(_rows(r.text)) == 1
    tomorrow = today + timedelta(days=1)
    r = client.get("/oversight", params={"since": str(tomorrow)})
    assert _rows(r.text) == [] and "No entry matches" in r.text
    r = client.get("/oversight", params={"lang": "fr"})
    assert _rows(r.text) == []


def test_search_pages_through_older_entries(overseer: tuple[TestClient, str]) -> None:
    client, _ = overseer
    for _ in range(14):  # 14 conversations x 3 entries (disclosure, message, reply) = 42
        _citizen_asks(client, PARKING)
    client.get("/oversight")
    seen: list[int] = []
    url = "/oversight?type=message"
    while True:
        page = client.get(url).text
        seen.extend(index for index, _ in _rows(page))
        more = re.search(r'class="cs-next" href="([^"]+)"', page)
        if more is None:
            break
        url = more.group(1).replace("&amp;", "&")
    assert len(seen) == 14 == len(set(seen))
    for _ in range(20):
        _citizen_asks(client, LIBRARY)
    first = _rows(client.get("/oversight").text)
    assert len(first) == 50
    older = re.search(r'class="cs-next" href="[^"]*before=(\d+)"', client.get("/oversight").text)
    assert older is not None and int(older.group(1)) == first[-1][0]


def test_bad_filters_get_a_clear_message(overseer: tuple[TestClient, str]) -> None:
    client, _ = overseer
    r = client.get("/oversight", params={"since": "30/11/2026"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.text
    for before in ("drop table", "9" * 40, "-1"):
        r = client.get("/oversight", params={"before": before})
        assert r.status_code == 422 and "whole number" in r.text
    r = client.get("/oversight", params={"since": "2026-12-01", "until": "2026-11-01"})
    assert r.status_code == 422 and "swap" in r.text
    r = client.get("/oversight/statistics", params={"since": "2026-12-01", "until": "2026-11-01"})
    assert r.status_code == 422 and "swap" in r.text
    assert client.get("/oversight/conversations/nope").status_code == 404


def test_timeline_shows_metadata_and_never_words(overseer: tuple[TestClient, str]) -> None:
    client, _ = overseer
    cid = _citizen_asks(client, PARKING)
    r = client.get(f"/oversight/conversations/{cid}")
    assert r.status_code == 200
    kinds = [kind for _, kind in _rows(r.text)]
    assert kinds == ["disclosure", "message", "answer"]
    assert "text_commitment" in r.text and "en/parking-permits" in r.text
    assert PARKING not in r.text
    assert 'name="purpose"' in r.text


def test_statistics_count_what_the_log_holds(overseer: tuple[TestClient, str]) -> None:
    client, _ = overseer
    _citizen_asks(client, PARKING, LIBRARY)
    _citizen_asks(client, UNRELATED)
    ask_for_person(client)
    r = client.get("/oversight/statistics")
    assert r.status_code == 200
    page = r.text
    assert "3 conversations, 4 replies" in page
    assert page.count("<svg") == 11
    decisions = page.split('id="figure-decisions"')[1].split("</section>")[0]
    assert "<td>answered</td><td>2</td>" in decisions
    assert "<td>refused</td><td>1</td>" in decisions
    assert "<td>escalated</td><td>1</td>" in decisions
    escalations = page.split('id="figure-escalations"')[1].split("</section>")[0]
    assert "<td>person.button</td><td>1</td>" in escalations
    latency = page.split('id="figure-latency"')[1].split("</section>")[0]
    # Three replies answered a message; the button's escalation answered none (no latency).
    assert re.search(r"<td>\d{4}-\d\d-\d\d</td><td>3</td>", latency)
    kb = services_of(client).kb_version()
    assert kb is not None and kb in page.split('id="figure-kb_versions"')[1]


def test_a_review_sample_is_rated_logged_and_exported(overseer: tuple[TestClient, str]) -> None:
    client, csrf = overseer
    conversations = {_citizen_asks(client, PARKING) for _ in range(3)}
    _citizen_asks(client, UNRELATED)  # refused: never drawn (no answer to rate)
    r = client.get("/oversight/reviews", params={"size": 2, "seed": 7})
    drawn = re.findall(r'<tr data-conversation="([^"]+)"', r.text)
    assert len(drawn) == 2 and set(drawn) <= conversations
    again = client.get("/oversight/reviews", params={"size": 2, "seed": 7})
    assert re.findall(r'<tr data-conversation="([^"]+)"', again.text) == drawn
    everyone = client.get("/oversight/reviews", params={"size": 10, "seed": 1})
    assert set(re.findall(r'<tr data-conversation="([^"]+)"', everyone.text)) == conversations

    opened = client.post(f"/oversight/reviews/{drawn[0]}/open", data={"csrf": csrf})
    assert opened.status_code == 200 and PARKING in opened.text
    answer = int(re.search(r'name="answer" value="(\d+)"', opened.text).group(1))  # type: ignore[union-attr]
    ratings = {
        "correct": "yes",
        "cited": "yes",
        "appropriate": "yes",
        "should_have_escalated": "no",
    }
    r = client.post(
        "/oversight/reviews",
        data={"csrf": csrf, "conversation_id": drawn[0], "answer": str(answer), **ratings},
        follow_redirects=False,
    )
    assert r.status_code == 303
    log = services_of(client).log
    entries = [decode_entry(data) for _, data in log.entries()]
    assert entries[-2]["type"] == "transcript_access"
    assert entries[-2]["purpose"] == "quality_review"
    review = entries[-1]
    assert review["type"] == "review" and review["answer"] == answer
    assert {k: review[k] for k in ratings} == ratings

    results = client.get("/oversight/reviews")
    assert 'id="review-results"' in results.text and "100 %" in results.text
    exported = client.get("/oversight/reviews.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == 1
    assert rows[0]["answer_index"] == str(answer) and rows[0]["correct"] == "yes"


def test_a_review_must_rate_a_real_answer_on_the_whole_form(
    overseer: tuple[TestClient, str],
) -> None:
    client, csrf = overseer
    cid = _citizen_asks(client, PARKING)
    full = {"correct": "yes", "cited": "no", "appropriate": "unsure", "should_have_escalated": "no"}
    before = services_of(client).log.size()
    for answer, ratings in (
        ("1", full),  # entry 1 is the citizen's message, not an answer
        ("2", {**full, "cited": ""}),  # a question left out
        ("2", {**full, "correct": "maybe"}),
        ("x", full),
    ):
        r = client.post(
            "/oversight/reviews",
            data={"csrf": csrf, "conversation_id": cid, "answer": answer, **ratings},
        )
        assert r.status_code == 422, (answer, ratings)
    assert services_of(client).log.size() == before


def test_checkpoint_page_and_export_bundle_verify_offline(
    overseer: tuple[TestClient, str], tmp_path: Path
) -> None:
    client, _ = overseer
    _citizen_asks(client, PARKING)
    services_of(client).log.checkpoint()
    _citizen_asks(client, LIBRARY)  # after the checkpoint: a fresh one is signed for the export
    page = client.get("/oversight/log")
    assert page.status_code == 200
    key = services_of(client).log.verifier_key
    assert key in page.text and 'id="checkpoint"' in page.text
    today = datetime.now(UTC).date()
    r = client.get("/oversight/export", params={"since": str(today), "until": str(today)})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as archive:
        archive.extractall(tmp_path)
    bundle = Bundle(tmp_path / "opencounter-log")
    report = verify_log(bundle, parse_verifier_key(key))
    assert report.ok, report.problem
    assert report.entries_checked == services_of(client).log.size()
    described = (tmp_path / "opencounter-log" / "range.json").read_text()
    assert '"entries_in_range": 6' in described
    # A range before anything happened: the bundle still verifies (it may be empty of range).
    r = client.get("/oversight/export", params={"until": str(today - timedelta(days=400))})
    assert r.status_code == 200


def test_oversight_pages_show_hostile_labels_as_text(overseer: tuple[TestClient, str]) -> None:
    client, _ = overseer
    hostile = '"><script>alert(1)</script>'
    r = client.get("/oversight", params={"reason": hostile, "topic": hostile})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert csrf_of(r.text)


XSS = CORPORA / "xss.jsonl"


def test_hostile_citizen_words_stay_text_in_the_oversight_transcript(
    overseer: tuple[TestClient, str],
) -> None:
    import json

    client, csrf = overseer
    payloads = [json.loads(line)["text"] for line in XSS.read_text("utf-8").splitlines()][::9]
    payloads = [p for p in payloads if p.strip()][:12]
    cid = _citizen_asks(client, *payloads)
    r = client.post(
        f"/oversight/conversations/{cid}/transcript", data={"csrf": csrf, "purpose": "incident"}
    )
    assert r.status_code == 200
    body = r.text.split('aria-label="Transcript"')[1].split("</ol>")[0].lower()
    # Every "<" of the payloads arrives escaped: the only tags are the template's own.
    tags = set(re.findall(r"<([a-z][a-z0-9]*)", body))
    assert tags <= {"li", "span", "p", "a", "form", "input", "fieldset", "legend", "label"}, tags
    assert "&lt;" in body
