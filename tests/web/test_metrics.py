"""`/metrics`: the figures move when citizens write, no label carries what they wrote or who
they are, and only a trusted scraper may read them. Real app, real demo index, real log."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import make_settings
from tests.e2e.live_server import free_port
from tests.web.citizens import start_api
from web.app import create_app

TOKEN = "scrape-token-0123456789abcdef"
MESSAGES = "/api/v1/conversations/{conversation_id}/messages"
LOOPBACK = ("127.0.0.1", 40000)


@pytest.fixture
def client(data_dir: object) -> Iterator[TestClient]:
    settings = make_settings(data_dir, metrics_token=TOKEN)  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as c:
        yield c


Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(client: TestClient) -> tuple[str, Samples]:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    samples: Samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return response.text, samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_asking_a_question_moves_requests_decisions_and_latencies(client: TestClient) -> None:
    _, before = scrape(client)
    cid = start_api(client, "en")
    answered = client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "How do I apply for a resident parking permit?"},
    )
    assert answered.json()["decision"] == "answer"
    _, after = scrape(client)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    route = {"route": MESSAGES, "method": "POST", "status": "200"}
    assert moved("opencounter_http_requests_total", **route) == 1
    started = {"route": "/api/v1/conversations", "method": "POST", "status": "201"}
    assert moved("opencounter_http_requests_total", **started) == 1
    assert moved("opencounter_http_request_duration_seconds_count", route=MESSAGES) == 1
    assert moved("opencounter_decisions_total", decision="answer", reason="answered") == 1
    assert moved("opencounter_retrieval_duration_seconds_count") == 1
    assert moved("opencounter_answer_write_duration_seconds_count", mode="extractive") == 1
    # The log grew by the disclosure, the message and the answer.
    assert moved("opencounter_log_entries") == 3
    assert value(after, "opencounter_state_readable") == 1


def test_a_guard_block_and_a_handoff_are_counted(client: TestClient) -> None:
    cid = start_api(client, "en")
    blocked = client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "My email is anna.schmidt@example.org, can you check my permit?"},
    )
    assert blocked.json()["decision"] == "block_pii"
    asked = client.post(f"/api/v1/conversations/{cid}/escalations")
    assert asked.status_code == 200, asked.text
    _, samples = scrape(client)
    assert value(samples, "opencounter_guard_triggers_total", layer="pii") == 1
    reason = blocked.json()["reason"]
    assert value(samples, "opencounter_decisions_total", decision="block_pii", reason=reason) == 1
    assert (
        value(samples, "opencounter_decisions_total", decision="escalate", reason="person.button")
        == 1
    )
    assert value(samples, "opencounter_handoffs_waiting", team="general") == 1
    assert value(samples, "opencounter_handoff_oldest_wait_seconds", team="general") >= 0
    assert value(samples, "opencounter_hook_dead_letters") == 0


def test_no_label_carries_a_message_a_conversation_id_or_a_secret(client: TestClient) -> None:
    secret_words = "Zebulon Quayle-Montgomery of 12 Larkspur Road"
    cid = start_api(client, "en")
    token = client.headers["Authorization"].split()[1]
    for text in (f"My name is {secret_words}", "How do I apply for a resident parking permit?"):
        client.post(f"/api/v1/conversations/{cid}/messages", json={"text": text})
    client.get(f"/api/v1/conversations/{cid}")
    client.get(f"/nothing-here/{cid}")
    text, samples = scrape(client)
    for needle in (cid, token, "Zebulon", "Larkspur", "parking permit", "nothing-here"):
        assert needle not in text, needle
    # Every label value is a code from a bounded set, never free text.
    for (_name, labels), _ in samples.items():
        for key, label in labels:
            assert key in {
                "route",
                "method",
                "status",
                "decision",
                "reason",
                "layer",
                "mode",
                "team",
                "le",
            }
            assert len(label) < 80 and " " not in label, (key, label)
    unrouted = {"route": "unrouted", "method": "GET", "status": "404"}
    assert value(samples, "opencounter_http_requests_total", **unrouted) == 1


def test_a_checkpoint_age_is_reported_once_the_log_signed_one(client: TestClient) -> None:
    start_api(client, "en")  # the first entry is signed at once
    _, samples = scrape(client)
    age = value(samples, "opencounter_checkpoint_age_seconds")
    assert 0 <= age < 60


def test_without_the_token_metrics_are_not_found(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 404
    wrong = client.get("/metrics", headers={"Authorization": "Bearer " + "x" * len(TOKEN)})
    assert wrong.status_code == 404
    assert "opencounter_" not in wrong.text


@pytest.fixture
def tokenless(data_dir: object) -> Iterator[object]:
    yield create_app(make_settings(data_dir))  # type: ignore[arg-type]


def test_without_a_token_setting_only_a_direct_loopback_peer_reads(tokenless: object) -> None:
    with TestClient(tokenless, client=LOOPBACK) as local:  # type: ignore[arg-type]
        assert local.get("/metrics").status_code == 200
        relayed = local.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        assert relayed.status_code == 404  # through a proxy on this machine: not local
    with TestClient(tokenless, client=("203.0.113.9", 40000)) as remote:  # type: ignore[arg-type]
        assert remote.get("/metrics").status_code == 404


def test_two_apps_in_one_process_count_apart(data_dir: object, tmp_path: object) -> None:
    settings = make_settings(data_dir, metrics_token=TOKEN)  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as first, TestClient(create_app(settings)) as second:
        start_api(first, "en")
        started = {"route": "/api/v1/conversations", "method": "POST", "status": "201"}
        assert value(scrape(first)[1], "opencounter_http_requests_total", **started) == 1
        assert value(scrape(second)[1], "opencounter_http_requests_total", **started) == 0


def test_failed_hook_attempts_and_the_dead_letter_are_counted(data_dir: object) -> None:
    closed = free_port()  # nothing listens: every delivery is refused
    settings = make_settings(
        data_dir,  # type: ignore[arg-type]
        metrics_token=TOKEN,
        hook_webhook_url=f"http://127.0.0.1:{closed}/hook",
        hook_webhook_secret="w" * 32,
        hook_attempts=2,
        hook_backoff_s=0,
    )
    with TestClient(create_app(settings)) as client:
        cid = start_api(client, "en")
        assert client.post(f"/api/v1/conversations/{cid}/escalations").status_code == 200
        client.app.state.services.people.hooks.drain()  # type: ignore[attr-defined]
        _, samples = scrape(client)
    assert value(samples, "opencounter_hook_attempt_failures_total", hook="webhook") == 2
    assert value(samples, "opencounter_hook_dead_letters") == 1
