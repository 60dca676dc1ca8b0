"""Hostile values on every route that reads them: a 4xx with a message, never a 5xx.

Digits that str.isdigit() accepts but int() does not (², ①), numbers too long for int()
(5,000 digits) or for a 64-bit column, lone UTF-16 surrogates, and days at the ends of the
calendar (0001-01-01..9999-12-31).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.web.citizens import conversation_in, start_api
from tests.web.console.conftest import add_staff, console_client, sign_in
from tests.web.responses import Answer

__all__ = ["add_staff", "console_client"]

NUMBERS = ["²", "①", "٣", "9" * 5000, str(2**64), str(2**63), "-1", "1e3", " 7", "0x10"]
DAYS = [
    ("0001-01-01", "9999-12-31"),
    ("9999-12-31", "9999-12-31"),
    ("0001-01-01", "0001-01-01"),
    ("0001-01-01", ""),
    ("", "9999-12-31"),
]


def refused_clearly(r: Answer, what: str) -> str | None:
    """A problem description, or None when the reply is a 4xx that says something."""
    status = r.status_code
    text = r.text
    if not 400 <= status < 500:
        return f"{what}: {status}"
    if len(re.sub(r"<[^>]+>", "", text).strip()) < 10:
        return f"{what}: {status} with no message"
    return None


@pytest.fixture
def overseer(console_client: TestClient, add_staff: Callable[..., str]) -> tuple[TestClient, str]:
    browser = TestClient(console_client.app, raise_server_exceptions=False)
    return browser, sign_in(browser, add_staff("olive", role="oversight"))


@pytest.fixture
def caseworker(console_client: TestClient, add_staff: Callable[..., str]) -> tuple[TestClient, str]:
    browser = TestClient(console_client.app, raise_server_exceptions=False)
    return browser, sign_in(browser, add_staff("dana"))


def test_citizen_numbers(console_client: TestClient) -> None:
    citizen = TestClient(console_client.app, raise_server_exceptions=False)
    r = citizen.post("/chat/messages", data={"text": "parking permit"}, follow_redirects=False)
    cid = conversation_in(r.headers["location"])
    problems = []
    for value in NUMBERS:
        r = citizen.post(
            "/chat/feedback",
            data={"conversation_id": cid, "answer": value, "helpful": "yes"},
        )
        problems.append(refused_clearly(r, f"feedback answer={value[:12]!r}"))
        # A refused Last-Event-ID never opens the stream (a valid one would keep it open).
        r = citizen.get(f"/chat/live?c={cid}", headers={b"Last-Event-ID": value.encode()})
        problems.append(refused_clearly(r, f"Last-Event-ID={value[:12]!r}"))
    assert [p for p in problems if p] == []


def test_api_numbers_and_surrogates(console_client: TestClient) -> None:
    api = TestClient(console_client.app, raise_server_exceptions=False)
    cid = start_api(api, "en")
    problems = []
    json = {"content-type": "application/json"}
    for value in NUMBERS:
        body = f'{{"answer": {value if value.isascii() else repr(value)}, "helpful": true}}'
        r = api.post(f"/api/v1/conversations/{cid}/feedback", content=body, headers=json)
        problems.append(refused_clearly(r, f"API feedback answer={value[:12]!r}"))
    for raw in (
        b'{"text": "hi \\ud800 there"}',
        b'{"text": "\\udfff"}',
        b'{"text": "ok", "lang": "\\ud83d"}',
    ):
        r = api.post(f"/api/v1/conversations/{cid}/messages", content=raw, headers=json)
        problems.append(refused_clearly(r, f"API message {raw!r}"))
        if r.status_code != 422:
            problems.append(f"API message {raw!r}: {r.status_code}, not 422")
    r = api.post("/api/v1/conversations", content=b'{"lang": "\\ud800"}', headers=json)
    problems.append(refused_clearly(r, "API start with a surrogate"))
    # A correct pair is a character (U+1F600), not a surrogate: still answered.
    ok = api.post(
        f"/api/v1/conversations/{cid}/messages", content=b'{"text": "\\ud83d\\ude00"}', headers=json
    )
    assert ok.status_code == 200, ok.text
    assert [p for p in problems if p] == []


def test_form_with_a_surrogate(console_client: TestClient) -> None:
    citizen = TestClient(console_client.app, raise_server_exceptions=False)
    form = {"content-type": "application/x-www-form-urlencoded"}
    problems = [
        refused_clearly(
            citizen.post("/chat/messages", content=body, headers=form), f"form {body!r}"
        )
        for body in (b"text=hi%ED%A0%80", b"text=%ED%B0%80&lang=en", b"text=%ED%A0%80%ED%B0%80")
    ]
    assert [p for p in problems if p] == []


def test_oversight_numbers_and_days(overseer: tuple[TestClient, str]) -> None:
    browser, csrf = overseer
    problems = []
    for value in NUMBERS:
        for path in ("/oversight", "/oversight/entries"):
            r = browser.get(path, params={"before": value})
            problems.append(refused_clearly(r, f"{path}?before={value[:12]!r}"))
        r = browser.post(
            "/oversight/reviews",
            data={"csrf": csrf, "conversation_id": "x", "answer": value, "accurate": "yes"},
        )
        problems.append(refused_clearly(r, f"review answer={value[:12]!r}"))
    for since, until in DAYS:
        for path in (
            "/oversight",
            "/oversight/entries",
            "/oversight/statistics",
            "/oversight/reviews",
            "/oversight/export",
        ):
            r = browser.get(path, params={"since": since, "until": until})
            problems.append(refused_clearly(r, f"{path}?since={since}&until={until}"))
    assert [p for p in problems if p] == []


def test_console_handoff_ids_beyond_64_bits(caseworker: tuple[TestClient, str]) -> None:
    browser, csrf = caseworker
    problems = []
    for value in ("²", "9" * 5000, str(2**64), str(2**63), "-1", "0"):
        for method, action in (
            ("GET", ""),
            ("GET", "/events"),
            ("POST", "/claim"),
            ("POST", "/reply"),
            ("POST", "/notes"),
            ("POST", "/hand-back"),
            ("POST", "/close"),
            ("POST", "/forward"),
            ("POST", "/draft/approve"),
        ):
            path = f"/console/handoffs/{value}{action}"
            r = browser.request(method, path, data={"csrf": csrf} if method == "POST" else None)
            problems.append(refused_clearly(r, f"{method} {path[:60]}"))
    assert [p for p in problems if p] == []
