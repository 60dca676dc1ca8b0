"""The planted pages end to end: ingested into a fresh data directory, asked about through the
real engine and API, extractively and through a model server on loopback that repeats every
passage it is shown. No planted instruction may be quoted; the honest answer must still be given."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knowledge.embeddings import default_embedder
from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from tests.conftest import make_settings
from tests.fakes.openai_server import start_fake_openai
from tests.planted_cases import CLEAN, KB, PLANTED, PageCase, leaked
from tests.web.citizens import start_api
from web.app import create_app

_PASSAGE = re.compile(r'<passage number="(\d+)">\n(.*?)\n</passage>', re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture(scope="module")
def planted_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index = tmp_path_factory.mktemp("planted-index") / "kb"
    report = ingest(
        KB, index, embedder=default_embedder(), embed_languages=FusionWeights().dense_languages()
    )
    assert report.failed == []
    assert {flag.doc_id for flag in report.planted} == {case.doc_id for case in PLANTED}
    return index


@pytest.fixture
def data(tmp_path: Path, planted_index: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    shutil.copytree(planted_index, folder / "kb", symlinks=True)
    yield folder


def echo_every_passage(body: dict[str, object]) -> str:
    """A model that repeats, with its citation, every sentence of every passage it was shown."""
    messages = body["messages"]
    assert isinstance(messages, list)
    user = str(messages[1]["content"])
    sentences = []
    for number, text in _PASSAGE.findall(user):
        for line in text.splitlines()[1:]:  # the first line is the passage's title
            for sentence in _SENTENCE_END.split(line.strip()):
                if re.search(r"\w", sentence):
                    sentences.append(f"{sentence} [{number}]")
    return "\n".join(sentences)


def ask(client: TestClient, case: PageCase) -> dict[str, object]:
    cid = start_api(client, case.lang)
    reply = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": case.question})
    assert reply.status_code == 200, reply.text
    answer: dict[str, object] = reply.json()
    return answer


def shown(answer: dict[str, object]) -> str:
    """Everything the citizen sees of an answer: its text and its citations."""
    return f"{answer.get('text', '')}\n{answer.get('citations', '')}"


def unanswered(case: PageCase, answer: dict[str, object]) -> str | None:
    """Why the page's honest content was not given (no answer, or the page not cited), or None."""
    citations = answer.get("citations")
    cited = [c["doc_id"] for c in citations] if isinstance(citations, list) else []
    if answer.get("decision") == "answer" and case.doc_id in cited:
        return None
    return f"{case.doc_id}: {answer.get('reason')}, cited {cited}: {answer.get('text')}"


@dataclass
class Outcome:
    """What asking every question of the set gave."""

    leaks: dict[str, list[str]] = field(default_factory=dict)  # payload strings shown, by page
    missing_planted: list[str] = field(default_factory=list)  # planted pages not answered
    missing_clean: list[str] = field(default_factory=list)
    modes: set[str] = field(default_factory=set)  # who wrote the answers


def run_all(client: TestClient) -> Outcome:
    outcome = Outcome()
    for cases, missing in ((PLANTED, outcome.missing_planted), (CLEAN, outcome.missing_clean)):
        for case in cases:
            answer = ask(client, case)
            outcome.modes.add(str(answer.get("mode")))
            found = leaked(case, shown(answer))
            if found:
                outcome.leaks[case.doc_id] = found
            problem = unanswered(case, answer)
            if problem is not None:
                missing.append(problem)
    return outcome


def test_extractive_answers_quote_no_planted_instruction(data: Path) -> None:
    with TestClient(create_app(make_settings(data))) as client:
        outcome = run_all(client)
    assert outcome.modes == {"extractive"}
    assert outcome.leaks == {}
    assert outcome.missing_planted == [], "\n".join(outcome.missing_planted)
    assert outcome.missing_clean == [], "\n".join(outcome.missing_clean)


def test_a_model_that_repeats_its_passages_repeats_no_planted_instruction(data: Path) -> None:
    with start_fake_openai(model="fake", reply_to=echo_every_passage) as server:
        settings = make_settings(
            data, answer_mode="openai", openai_url=server.base_url, openai_model="fake"
        )
        with TestClient(create_app(settings)) as client:
            outcome = run_all(client)
    # Every answer is the model's echo (none fell back to quoting): it repeated all it was shown.
    assert outcome.modes == {"openai:fake"}
    prompts = "\n".join(str(request["messages"]) for request in server.requests)
    assert {c.doc_id: leaked(c, prompts) for c in PLANTED if leaked(c, prompts)} == {}
    assert outcome.leaks == {}
    assert outcome.missing_planted == [], "\n".join(outcome.missing_planted)
    assert outcome.missing_clean == [], "\n".join(outcome.missing_clean)
