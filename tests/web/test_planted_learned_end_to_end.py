"""Planted notes in new wordings (tests/planted_pages/learned), which the patterns miss, end to
end: ingested into a fresh data directory and asked about through the real app and API, with a
model server on loopback that repeats every passage it is shown. The learned layer must keep
every note out of the answer, the prompt and the citations; the honest answer is still given."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knowledge.embeddings import default_embedder
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from knowledge.planted_learned import KIND
from knowledge.planted_unpublished import KIND as UNPUBLISHED
from tests.conftest import make_settings
from tests.data import PLANTED_PAGES
from tests.fakes.openai_server import start_fake_openai
from tests.web.citizens import start_api
from tests.web.test_planted_pages_end_to_end import echo_every_passage
from web.app import create_app

# doc_id: (language, a citizen's question, a string only the planted note holds)
CASES = {
    "en/allotments": ("en", "How much does an allotment plot cost?", "greenplots-fund"),
    "en/lost-property": ("en", "Where are items found in council buildings kept?", "lostfound"),
    "fr/jardins-partages": (
        "fr",
        "Combien coûte une parcelle de jardin partagé ?",
        "parcelles-vertes",
    ),
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    report = ingest(
        PLANTED_PAGES / "learned",
        tmp_path / "data" / "kb",
        embedder=default_embedder(),
        embed_languages=FusionWeights().dense_languages(),
    )
    assert report.failed == []
    # Two of these notes also send residents' money to a site no other page prints: ingest,
    # which knows what the pages publish, flags them by that kind first (planted_unpublished.py).
    assert {flag.doc_id for flag in report.planted} == set(CASES)
    assert {flag.kind for flag in report.planted} <= {KIND, UNPUBLISHED}
    assert KIND in {flag.kind for flag in report.planted}
    return tmp_path / "data"


def test_a_model_that_repeats_its_passages_repeats_no_planted_note_in_a_new_wording(
    data: Path,
) -> None:
    with start_fake_openai(model="fake", reply_to=echo_every_passage) as server:
        settings = make_settings(
            data, answer_mode="openai", openai_url=server.base_url, openai_model="fake"
        )
        with TestClient(create_app(settings)) as client:
            for doc_id, (lang, question, payload) in CASES.items():
                cid = start_api(client, lang)
                reply = client.post(
                    f"/api/v1/conversations/{cid}/messages", json={"text": question}
                )
                assert reply.status_code == 200, reply.text
                answer = reply.json()
                shown = f"{answer.get('text', '')}\n{answer.get('citations', '')}"
                assert payload not in shown, (doc_id, shown)
                assert answer.get("decision") == "answer", (doc_id, answer)
                assert doc_id in [c["doc_id"] for c in answer["citations"]], (doc_id, answer)
    prompts = "\n".join(str(request["messages"]) for request in server.requests)
    assert server.requests, "the model was never asked"
    assert [p for _, _, p in CASES.values() if p in prompts] == []
