"""The log's HTTP endpoints, checked with the audit package's own verifier functions."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from audit.checkpoint import generate_cosigner, parse_checkpoint
from audit.merkle import leaf_hash, verify_consistency, verify_inclusion
from audit.witness import check_and_cosign
from tests.conftest import make_settings, services_of
from tests.web.citizens import start_api
from web.app import create_app


def proof(text: str) -> list[bytes]:
    return [base64.b64decode(line) for line in text.splitlines()]


@pytest.fixture
def witness_and_client(data_dir: Path) -> Iterator[tuple[object, TestClient]]:
    witness = generate_cosigner("witness.example/oversight")
    settings = make_settings(data_dir, witness_keys=witness.verifier().to_string())
    with TestClient(create_app(settings)) as client:
        yield witness, client


def test_inclusion_and_consistency_proofs_verify(
    witness_and_client: tuple[object, TestClient],
) -> None:
    _, client = witness_and_client
    for _ in range(3):
        cid = start_api(client)
        client.post(f"/api/v1/conversations/{cid}/messages", json={"text": "Library card?"})
    log = services_of(client).log
    small = parse_checkpoint(log.checkpoint().split("\n\n")[0] + "\n")
    cid = start_api(client)
    big = parse_checkpoint(client.get("/audit/checkpoint").text.split("\n\n")[0] + "\n")
    if big.size == small.size:
        big = parse_checkpoint(log.checkpoint().split("\n\n")[0] + "\n")
    assert big.size > small.size
    for index in (0, small.size - 1, big.size - 1):
        entry = client.get(f"/audit/entries/{index}").json()["entry"].encode()
        got = proof(client.get(f"/audit/inclusion?index={index}&size={big.size}").text)
        assert verify_inclusion(index, big.size, leaf_hash(entry), got, big.root)
    assert cid
    got = proof(client.get(f"/audit/consistency?old={small.size}&new={big.size}").text)
    assert verify_consistency(small.size, big.size, got, small.root, big.root)


def test_bad_proof_requests_get_a_clear_4xx(witness_and_client: tuple[object, TestClient]) -> None:
    _, client = witness_and_client
    assert client.get("/audit/inclusion?index=5&size=2").status_code == 400
    assert client.get("/audit/inclusion?index=-1&size=2").status_code == 422
    assert client.get("/audit/consistency?old=9&new=3").status_code == 400
    assert client.get("/audit/entries/999").status_code == 404


def test_a_configured_witness_cosignature_is_stored_and_served(
    witness_and_client: tuple[object, TestClient],
) -> None:
    witness, client = witness_and_client
    client.post("/api/v1/conversations", json={})
    log = services_of(client).log
    signed = log.checkpoint()
    from audit.note import parse_verifier_key

    cosigned, _ = check_and_cosign(signed, parse_verifier_key(log.verifier_key), witness, None, [])  # type: ignore[arg-type]
    r = client.post("/audit/cosignature", content=cosigned.encode())
    assert r.status_code == 201, r.text
    assert "\u2014 witness.example/oversight " in client.get("/audit/checkpoint").text
    stranger = generate_cosigner("stranger.example")
    forged, _ = check_and_cosign(signed, parse_verifier_key(log.verifier_key), stranger, None, [])
    assert client.post("/audit/cosignature", content=forged.encode()).status_code == 403


def test_checkpoints_are_signed_on_time_while_the_app_runs(data_dir: Path) -> None:
    import time

    settings = make_settings(data_dir, checkpoint_every=1000, checkpoint_interval_s=1)
    with TestClient(create_app(settings)) as client:
        for _ in range(2):
            cid = start_api(client)
            client.post(f"/api/v1/conversations/{cid}/messages", json={"text": "Library card?"})
        size = services_of(client).log_size()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            note = services_of(client).log.latest_checkpoint()
            if note and int(note.split("\n")[1]) == size:
                break
            time.sleep(0.2)
        assert note and int(note.split("\n")[1]) == size


def test_an_unconfigured_witness_riding_on_a_configured_one_is_refused(
    witness_and_client: tuple[object, TestClient],
) -> None:
    """Finding 6: a stranger's line beside a configured witness's got `201 stored`."""
    witness, client = witness_and_client
    log = services_of(client).log
    from audit.note import parse_verifier_key

    key = parse_verifier_key(log.verifier_key)
    cosigned, _ = check_and_cosign(log.checkpoint(), key, witness, None, [])  # type: ignore[arg-type]
    assert client.post("/audit/cosignature", content=cosigned.encode()).status_code == 201
    stranger = generate_cosigner("stranger.example")
    both, _ = check_and_cosign(cosigned, key, stranger, None, [])
    response = client.post("/audit/cosignature", content=both.encode())
    assert response.status_code == 403, response.text
    assert "stranger.example" in response.text and "nothing was stored" in response.text
    assert "stranger.example" not in client.get("/audit/checkpoint").text
    # The configured witness posting again: nothing new, and the answer says so.
    again = client.post("/audit/cosignature", content=cosigned.encode())
    assert again.status_code == 200 and "already stored" in again.text


def test_reading_the_checkpoint_never_makes_the_log_sign(data_dir: Path) -> None:
    with TestClient(create_app(make_settings(data_dir))) as client:
        log = services_of(client).log
        before = log.checkpoints()
        response = client.get("/audit/checkpoint")
        assert log.checkpoints() == before
        if before:
            assert response.status_code == 200 and response.text == log.latest_checkpoint()
        else:
            assert response.status_code == 404 and "no checkpoint yet" in response.text


def test_the_app_finishes_a_scrub_an_open_reader_held_back(data_dir: Path) -> None:
    """An erase while a reader holds the SQLite WAL cannot scrub; the app retries on its own."""
    import sqlite3
    import time

    settings = make_settings(data_dir, checkpoint_interval_s=1)
    with TestClient(create_app(settings)) as client:
        cid = start_api(client)
        client.post(f"/api/v1/conversations/{cid}/messages", json={"text": "Library card?"})
        services = services_of(client)
        reader = sqlite3.connect(data_dir / "opencounter.db")
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM audit_texts").fetchall()  # holds a snapshot
            services.erase(cid)
            assert services.log.scrub_pending
        finally:
            reader.rollback()
            reader.close()
        deadline = time.monotonic() + 10
        while services.log.scrub_pending and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not services.log.scrub_pending
