"""The per-request JSON log: one line per request with the id the response carries, and none
of what the citizen wrote, the conversation's id or its secret. Real app, real demo index."""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import make_settings
from tests.web.citizens import start_api
from web.app import create_app
from web.http.request_log import JsonLines
from web.settings import Settings

PERSONAL = "My name is Zebulon Quayle-Montgomery, zeb.quayle@example.org, 12 Larkspur Road"


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    """What the request logger writes, formatted as `serve` formats it."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("opencounter.requests")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    yield out
    logger.removeHandler(handler)
    logger.setLevel(level)


def records(out: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def app_client(data_dir: Path, **settings: object) -> TestClient:
    return TestClient(create_app(make_settings(data_dir, json_logs=True, **settings)))


def test_a_request_with_personal_data_is_logged_without_it(
    data_dir: Path, lines: io.StringIO
) -> None:
    with app_client(data_dir) as client:
        cid = start_api(client, "en")
        token = client.headers["Authorization"].split()[1]
        sent = client.post(
            f"/api/v1/conversations/{cid}/messages?from={cid}", json={"text": PERSONAL}
        )
        assert sent.status_code == 200, sent.text
    logged = records(lines)
    assert len(logged) == 2  # the start and the message: one line each
    line = logged[-1]
    assert line["request_id"] == sent.headers["x-request-id"]
    assert line["route"] == "/api/v1/conversations/{conversation_id}/messages"
    assert (line["method"], line["status"], line["logger"]) == ("POST", 200, "opencounter.requests")
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert set(line) == {
        "time",
        "level",
        "logger",
        "message",
        "request_id",
        "method",
        "route",
        "status",
        "duration_ms",
    }
    text = lines.getvalue()
    for needle in ("Zebulon", "Quayle", "zeb.quayle", "Larkspur", cid, token, "testclient"):
        assert needle not in text, needle


def test_every_response_carries_a_fresh_request_id_a_client_cannot_choose(
    data_dir: Path, lines: io.StringIO
) -> None:
    with app_client(data_dir) as client:
        first = client.get("/healthz", headers={"X-Request-ID": "chosen-by-the-client-0001"})
        second = client.get("/no-such-page")
    ids = [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids) and ids[0] != ids[1]
    assert [r["request_id"] for r in records(lines)] == ids
    assert records(lines)[1]["route"] == "unrouted"


def test_the_trusted_proxys_request_id_is_kept_if_it_looks_like_one(
    data_dir: Path, lines: io.StringIO
) -> None:
    app = create_app(make_settings(data_dir, json_logs=True, trusted_proxies="10.0.0.5"))
    with TestClient(app, client=("10.0.0.5", 5000)) as proxy:
        kept = proxy.get("/healthz", headers={"X-Request-ID": "4f1c2a9be07d4d35a0c1b2e3f4a5b6c7"})
        odd = proxy.get("/healthz", headers={"X-Request-ID": "Zebulon Quayle <script>"})
    assert kept.headers["x-request-id"] == "4f1c2a9be07d4d35a0c1b2e3f4a5b6c7"
    assert re.fullmatch(r"[0-9a-f]{32}", odd.headers["x-request-id"])
    assert "Zebulon" not in lines.getvalue()


def test_with_json_logs_off_nothing_is_logged_but_the_id_is_still_sent(
    data_dir: Path, lines: io.StringIO
) -> None:
    with TestClient(create_app(make_settings(data_dir, json_logs=False))) as client:
        response = client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])
    assert lines.getvalue() == ""


def test_an_exception_is_logged_by_its_type_and_place_never_its_message() -> None:
    try:
        raise ValueError(f"duplicate key (text)=({PERSONAL})")
    except ValueError:
        record = logging.LogRecord(
            "opencounter",
            logging.ERROR,
            __file__,
            1,
            "storing failed",
            None,
            sys.exc_info(),
        )
    line = json.loads(JsonLines().format(record))
    assert line["error"] == "ValueError" and line["where"].startswith(__file__)
    assert line["message"] == "storing failed"
    assert "Zebulon" not in json.dumps(line)


def test_json_logs_default_on_in_production_only(tmp_path: Path) -> None:
    assert make_settings(tmp_path).logs_json is False
    production = Settings(
        _env_file=None,  # type: ignore[call-arg]
        environment="production",
        secret_key="s" * 40,
        vault_key="v" * 44,
        log_signing_key="PRIVATE+KEY+x",
    )
    assert production.logs_json is True
    assert make_settings(tmp_path, json_logs=False, environment="development").logs_json is False
