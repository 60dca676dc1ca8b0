"""The model server down, slow or talking garbage in the middle of a conversation.

A real HTTP server on loopback (tests/fakes/ollama_server.py) answers first, then breaks. The
citizen still gets an answer quoting the pages, on the API and on the page's stream, the log
says why, and /readyz says the model is unreachable (degraded, 200). The embedder's faults are
in tests/web/test_embedder_outages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import make_settings
from tests.fakes.ollama_server import start_fake_ollama
from tests.web.citizens import start_api
from tests.web.faults.views import QUESTION, data_of, page_stream, page_ticket
from web.app import create_app

GROUNDED = "Each household can have up to 2 resident permits [1]."


@pytest.mark.parametrize("fault", ["down", "slow", "not_json", "wrong_shape", "html_500"])
def test_a_broken_model_leaves_the_citizen_an_answer_quoting_the_pages(
    data_dir: Path, fault: str
) -> None:
    with start_fake_ollama([GROUNDED] * 20) as ollama:
        settings = make_settings(
            data_dir,
            answer_mode="ollama",
            ollama_url=ollama.base_url,
            ollama_model="fake:latest",
            model_timeout_s=1.0,
            guard_classifier=False,
        )
        with TestClient(create_app(settings)) as client:
            cid = start_api(client)
            url = f"/api/v1/conversations/{cid}/messages"
            working = client.post(url, json={"text": QUESTION}).json()
            if fault == "down":
                ollama.stop()
            elif fault == "slow":
                ollama.behaviour.first_token_delay_s = 5.0  # past the 1 s timeout
            else:
                ollama.behaviour.garbage = fault  # type: ignore[assignment]
            broken = client.post(url, json={"text": QUESTION})
            _, ticket = page_ticket(client)
            page = page_stream(client, ticket)
            ready = client.get("/readyz")
            ollama.behaviour.first_token_delay_s = 0.0
    assert working["mode"] == "ollama:fake:latest", working
    assert broken.status_code == 200, broken.text
    answer = broken.json()
    assert answer["decision"] == "answer" and answer["mode"] == "extractive", answer
    assert answer["reason"].startswith("answered."), answer["reason"]
    assert answer["citations"][0]["doc_id"] == "en/parking-permits"
    (shown,) = data_of(page, "done")
    assert "parking" in shown.lower() and "oc-error" not in shown, shown
    assert not data_of(page, "error")
    if fault == "down":
        assert ready.status_code == 200 and ready.json()["status"] == "degraded"
        assert ready.json()["checks"]["model"].startswith("unreachable"), ready.json()
