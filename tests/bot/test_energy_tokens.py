"""A model's part in a reply's energy: its size read from its name, its tokens estimated from
what it read and wrote, logged with the reply, through the real app and a model server on
loopback (the real Ollama client)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.energy import CHARS_PER_TOKEN, parameters_from_name, tokens_in
from tests.conftest import make_settings, services_of
from tests.fakes.ollama_server import start_fake_ollama
from tests.web.citizens import start_api
from web.app import create_app

QUESTION = "How many resident parking permits can a household have?"
GROUNDED = "Each household can have up to 2 resident permits [1]."


@pytest.mark.parametrize(
    ("name", "billions"),
    [
        ("ollama:llama3.2:3b", 3.0),
        ("ollama:qwen2.5:0.5b-instruct-q4_K_M", 0.5),
        ("llama:SmolLM2-360M-Instruct-Q4_K_M.gguf", 0.36),
        ("openai:mistral-7b-instruct", 7.0),
        ("ollama:llama3.2", None),  # a version, not a size
        ("ollama:fake:latest", None),
        ("openai:gpt-4o-mini", None),
    ],
)
def test_model_size_from_its_name(name: str, billions: float | None) -> None:
    found = parameters_from_name(name)
    assert found == (pytest.approx(billions) if billions is not None else None)


def test_tokens_from_characters() -> None:
    assert tokens_in(0) == 0
    assert tokens_in(1) == 1
    assert tokens_in(400) == round(400 / CHARS_PER_TOKEN)


def _answer_entry(client: TestClient) -> dict[str, object]:
    cid = start_api(client)
    r = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION})
    assert r.status_code == 200, r.text
    log = services_of(client).log
    entry: dict[str, object] = json.loads(log.entry(r.json()["entry"]))
    return entry


def _extractive_energy(data_dir: Path) -> dict[str, object]:
    with TestClient(create_app(make_settings(data_dir, guard_classifier=False))) as client:
        return _answer_entry(client)


@pytest.mark.parametrize("model", ["fake:3b", "fake:latest"])
def test_a_model_answer_logs_its_tokens_and_a_sized_model_its_energy(
    data_dir: Path, model: str
) -> None:
    with start_fake_ollama([GROUNDED] * 4, models=(model,)) as ollama:
        settings = make_settings(
            data_dir,
            answer_mode="ollama",
            ollama_url=ollama.base_url,
            ollama_model=model,
            guard_classifier=False,
        )
        with TestClient(create_app(settings)) as client:
            entry = _answer_entry(client)
    assert entry["mode"] == f"ollama:{model}"
    prompt, output = entry["model_tokens_prompt"], entry["model_tokens_output"]
    assert isinstance(prompt, int) and isinstance(output, int)
    # The prompt holds the passages and the question; the output is the model's sentence.
    assert prompt > tokens_in(len(QUESTION))
    assert output == tokens_in(len(GROUNDED))
    uwh = entry["energy_uwh"]
    assert isinstance(uwh, int)
    # 3 billion parameters: the tokens alone are at least (output + prompt/10) x 3 J x 3/65.
    model_floor = (output + prompt / 10) * 3.0 * 3 / 65 * 1.1 / 3600 * 1e6
    if model == "fake:3b":
        assert uwh >= model_floor
    # A size the name does not give ("latest") adds no energy for the model (said, not guessed):
    # the tokens are logged all the same.


def test_an_extractive_answer_logs_no_tokens(data_dir: Path) -> None:
    entry = _extractive_energy(data_dir)
    assert entry["mode"] == "extractive"
    assert "model_tokens_prompt" not in entry and "model_tokens_output" not in entry
    assert isinstance(entry["energy_uwh"], int)
