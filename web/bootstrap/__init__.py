"""The composition root: settings in, services out. The app and every command build here.

Nothing else turns settings into adapters or opens the database, the log, the keys or the
index: `create_app` and each `opencounter` command call one builder below, so a command sees
the same database, keys and guard policy as the server beside it, each loaded once. A test
puts its own embedder, model, clock or password hasher in through `Overrides`, never by
patching a module. Which adapter serves each port is decided in `adapters.py`, the people
side (accounts, handoffs, hooks) in `people.py`: this package's private parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Literal

from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from audit.sink import AuditEvent, JsonValue
from audit.storage.log import TransparencyLog
from audit.storage.store import AuditTables, tune_engine
from audit.storage.vault import Vault
from bot.answering import ModelWriter, SwitchableWriter
from bot.conversations import ConversationStore
from bot.engine import ConversationEngine, EnginePolicy
from bot.guards.intent import LazyIntentClassifier
from bot.guards.model_check import ModelIntentCheck
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from bot.guards.respell import SPELLING_LANGUAGES, respeller
from bot.models.port import ChatModel
from bot.organisation import load_disclosure, load_organisation
from bot.replies import load_replies
from bot.switches import Switchboard, SwitchName
from knowledge.embeddings import Embedder
from knowledge.in_memory_index import choose_in_memory_index
from knowledge.ingest import IngestReport
from knowledge.planted_flags import current_flags
from knowledge.planted_vectors import packaged_layer
from knowledge.search import one_blas_thread
from web.auth.accounts import AccountStore
from web.auth.passwords import PasswordHashing
from web.auth.staff import StaffDirectory
from web.bootstrap.adapters import (
    EmbedderChoice,
    ReopeningRetriever,
    WriterChoice,
    choose_embedder,
    choose_vector_store,
    choose_writer,
    chunk_vectors_check,
    intent_classifier,
    nothing_to_close,
    retrieval_note,
)
from web.bootstrap.adapters import fill_vector_store as fill_vector_store  # for ingest
from web.bootstrap.adapters import prune_vector_store as prune_vector_store  # for ingest
from web.bootstrap.people import build_people, opening_hours
from web.database import prepare_schema
from web.http.kb_links import add_link_filter
from web.http.language import staff_page_language
from web.i18n import install_translations, load_catalogs, offered_languages
from web.keys import load_signer, load_vault_key, load_witnesses
from web.oversight.facets import FacetIndex
from web.schema import Schema, app_schema
from web.services import Services
from web.settings import Settings
from web.startup import require_writable_dir
from web.transparency.source import TransparencySource

WEB_DIR = Path(__file__).resolve().parents[1]
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"

# Ingest embeds 256 chunks per call: give a model server far longer than a question's wait.
INGEST_EMBED_TIMEOUT_S = 300.0


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Overrides:
    """What a test puts in place of what the settings choose; the defaults change nothing.

    `embedder` "settings" means OPENCOUNTER_EMBEDDER decides, None means BM25 only.
    """

    embedder: Embedder | Literal["settings"] | None = "settings"
    model: ChatModel | None = None
    clock: Callable[[], datetime] = _utc_now
    password_hashing: PasswordHashing | None = None


NO_OVERRIDES = Overrides()


def load_settings(data_dir: Path | None = None) -> Settings:
    """The settings from the environment and `.env`, `data_dir` replacing the configured one.

    The one place settings are read; pydantic's ValidationError says which value is wrong.
    """
    return Settings(data_dir=data_dir) if data_dir else Settings()


def connect_database(settings: Settings) -> Engine:
    """An engine on the configured database, schema untouched (`db upgrade`, audit commands).

    Without OPENCOUNTER_DATABASE_URL the database is a SQLite file in the data dir, made here.
    """
    if settings.database_url is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.resolved_database_url, pool_pre_ping=True)
    tune_engine(engine)  # SQLite: WAL, synchronous=NORMAL, busy timeout (see audit.storage.store)
    return engine


def open_database(settings: Settings) -> Engine:
    """The database at this version's schema: development upgrades it, production requires
    it (SchemaNotCurrent, naming `opencounter db upgrade`; see web/database.py)."""
    if settings.resolved_database_url.startswith("sqlite"):
        # The app writes its SQLite file, the WAL and (in development) keys here: say so
        # plainly when it cannot, before SQLite says only "unable to open database file".
        require_writable_dir(settings.data_dir)
    engine = connect_database(settings)
    try:
        prepare_schema(engine, settings.environment)
    except BaseException:
        engine.dispose()
        raise
    return engine


def open_log(
    settings: Settings,
    engine: Engine,
    tables: AuditTables,
    *,
    create_keys: bool = True,
    clock: Callable[[], datetime] = _utc_now,
) -> tuple[TransparencyLog, Vault]:
    """The log and its vault over `tables` (the `Schema`'s); keys missing from the settings are
    made in the data dir only when `create_keys` (the app in development), else
    `KeyConfigurationError`."""
    signer = load_signer(
        settings.log_signing_key, settings.data_dir, settings.log_origin, create=create_keys
    )
    master_key = load_vault_key(settings.vault_key, settings.data_dir, create=create_keys)
    vault = Vault(engine, master_key=master_key, tables=tables)
    log = TransparencyLog(
        engine,
        signer=signer,
        origin=settings.log_origin,
        vault=vault,
        clock=clock,
        checkpoint_every=settings.checkpoint_every,
        checkpoint_interval=timedelta(seconds=settings.checkpoint_interval_s),
        lock_wait=timedelta(seconds=settings.log_lock_wait_s),
        tables=tables,
    )
    return log, vault


@dataclass
class Storage:
    """The database and the log over it: what the state-changing commands need.

    `schema` is the database's one MetaData and its tables: every store built on `engine`
    queries these (web/schema.py).
    """

    settings: Settings
    engine: Engine
    schema: Schema
    log: TransparencyLog
    vault: Vault
    overrides: Overrides = NO_OVERRIDES

    def switchboard(self) -> Switchboard:
        return switchboard_for(self.settings, self.engine, self.schema, self.overrides.clock)

    def staff(self) -> StaffDirectory:
        """Staff accounts, each change logged with it in one unit of work."""
        hashing = self.overrides.password_hashing or PasswordHashing()
        accounts = AccountStore(self.engine, self.schema.accounts)
        return StaffDirectory(accounts, self.log, hashing)

    def record_kb_version(self, report: IngestReport) -> None:
        """Write the knowledge-base version an ingest produced to the transparency log."""
        version = report.version
        fields: dict[str, JsonValue] = {
            "version": version.id,
            "documents": len(version.documents),
            "added": len(report.added),
            "updated": len(report.updated),
            "removed": len(report.removed),
        }
        self.log.record([AuditEvent(type="kb_version", fields=fields)])

    def close(self) -> None:
        self.engine.dispose()


def open_storage(settings: Settings, overrides: Overrides = NO_OVERRIDES) -> Storage:
    """The database (at this version's schema: see `open_database`) and the log over it.

    Raises SchemaNotCurrent, or KeyConfigurationError for keys that cannot be used.
    """
    schema = app_schema()
    engine = open_database(settings)
    try:
        log, vault = open_log(settings, engine, schema.audit, clock=overrides.clock)
    except BaseException:
        engine.dispose()
        raise
    return Storage(settings, engine, schema, log, vault, overrides)


def switchboard_for(
    settings: Settings, engine: Engine, schema: Schema, clock: Callable[[], datetime] = _utc_now
) -> Switchboard:
    defaults: dict[SwitchName, bool] = {
        "model": settings.model_enabled,
        "chat": settings.chat_enabled,
    }
    return Switchboard(engine, schema.switches, defaults, clock=clock)


def guard_policy(settings: Settings) -> GuardPolicy:
    """The deployment's guard policy file, or the built-in one; read once per process."""
    if settings.guard_policy_file:
        return GuardPolicy.from_yaml(settings.guard_policy_file)
    return GuardPolicy.default()


def embedder_for(
    settings: Settings, overrides: Overrides = NO_OVERRIDES, timeout_s: float | None = None
) -> EmbedderChoice:
    """The embedder the settings choose (or the test's); `timeout_s` for ingestion's waits."""
    if overrides.embedder != "settings":
        return EmbedderChoice(overrides.embedder, nothing_to_close)
    return choose_embedder(settings, timeout_s)


def _writer_for(settings: Settings, overrides: Overrides) -> WriterChoice:
    if overrides.model is None:
        return choose_writer(settings)
    model = overrides.model
    note = f"Answers are written by {model.name} (given by the caller)."
    return WriterChoice(ModelWriter(model), [note], nothing_to_close, model)


@dataclass
class _Opened:
    """What build_services has opened so far, closed in reverse if a later step fails."""

    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for close in reversed(self.closers):
            close()


def build_services(
    settings: Settings, overrides: Overrides = NO_OVERRIDES, *, hooks_enabled: bool = True
) -> Services:
    """Everything the routes use. `hooks_enabled=False` (the CLI) never calls escalation hooks.

    Raises AnswerModeUnavailable, UnusableSetting (SchemaNotCurrent among them),
    KeyConfigurationError or ConfigurationError when a setting stops start-up, and
    PlantedModelMissing without the planted-sentence classifier's weights; nothing it opened is
    left open then.
    """
    # Before anything is opened: a classifier whose files do not match stops start-up.
    intents = intent_classifier(settings)
    one_blas_thread()  # the page ranker's question overlaps the chunk search (knowledge.search)
    # Every answer cleans its passages with it: missing weights stop start-up, not an answer.
    packaged_layer()
    policy = guard_policy(settings)
    opened = _Opened()
    try:
        # First, so that a mode that cannot start (AnswerModeUnavailable) leaves nothing open.
        choice = _writer_for(settings, overrides)
        opened.closers.append(choice.close)
        storage = open_storage(settings, overrides)
        opened.closers.append(storage.close)
        services = _assemble(
            settings, overrides, storage, choice, intents, policy, opened, hooks_enabled
        )
    except BaseException:
        opened.close()
        raise
    return services


def _assemble(
    settings: Settings,
    overrides: Overrides,
    storage: Storage,
    choice: WriterChoice,
    intents: LazyIntentClassifier | None,
    policy: GuardPolicy,
    opened: _Opened,
    hooks_enabled: bool,
) -> Services:
    engine, log, schema = storage.engine, storage.log, storage.schema
    store = ConversationStore(engine, schema.conversations)
    hashing = overrides.password_hashing or PasswordHashing()
    published = load_organisation(settings.organisation_file)
    # One source of opening hours: the queue and every reply that quotes them read this one.
    hours = opening_hours(settings, published.contact.opening)
    organisation = replace(published, contact=replace(published.contact, opening=hours))
    people = build_people(
        settings,
        engine,
        schema,
        store,
        log,
        hashing,
        hours=hours,
        clock=overrides.clock,
        hooks_enabled=hooks_enabled,
    )
    opened.closers.append(people.close)
    disclosure = load_disclosure(organisation, settings.disclosure_file)
    catalogs = load_catalogs(settings.locale_dir)
    embedders = embedder_for(settings, overrides)
    opened.closers.append(embedders.close)
    embedder = embedders.embedder
    retriever = ReopeningRetriever(
        settings.kb_index_dir,
        embedder,
        choose_vector_store(settings).factory,
        recheck_s=settings.kb_recheck_s,
        page_embedder=embedders.page_embedder,
        # The pages' opening vectors stay in memory wherever the chunks' are: faiss above
        # the same size per language as the in-memory chunk index.
        page_index=choose_in_memory_index(settings.ann_min_vectors).factory,
    )
    switchboard = switchboard_for(settings, engine, schema, overrides.clock)
    writer = SwitchableWriter(choice.writer, lambda: switchboard.is_on("model"))
    notes = list(choice.notes)
    for name, on in switchboard.states().items():
        if not on:
            notes.append(f"Kill switch: {name} is OFF (`opencounter admin switch {name} on`).")
    # The second says whether planted-sentence detection has MiniLM's vectors or n-grams alone.
    notes.extend(
        (
            retrieval_note(settings, embedder, embedders.page_embedder, embedders.embed_languages),
            packaged_layer().startup_note,
        )
    )
    if intents is not None:
        # Says whether MiniLM is in the classifier or it runs on n-grams alone (fewer caught).
        notes.append(intents.startup_note)
    replies = load_replies(organisation, catalogs.gettext)
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
            published=retriever.published_contacts,
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

    def health() -> dict[str, str]:
        # chunk_vectors: whether the index holds e5's chunk vectors (when e5 is in use).
        checks = {
            "knowledge_base": retriever.status(),
            **chunk_vectors_check(
                settings.kb_index_dir, embedders.page_embedder, embedders.embed_languages
            ),
        }
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

    templates = Jinja2Templates(directory=TEMPLATES_DIR)
    add_link_filter(templates.env)
    install_translations(templates.env, catalogs)
    languages = offered_languages(catalogs, disclosure.texts)
    templates.context_processors.append(staff_page_language(languages))
    return Services(
        engine=conversation_engine,
        database=engine,
        store=store,
        log=log,
        vault=storage.vault,
        organisation=organisation,
        disclosure=disclosure,
        templates=templates,
        htmx_available=(STATIC_DIR / "vendor" / "htmx.min.js").is_file(),
        # The hook dispatcher's workers too, so a command that asked a question exits promptly.
        close=opened.close,
        health=health,
        kb_version=retriever.kb_version,
        planted_flags=partial(current_flags, settings.kb_index_dir),
        retriever=retriever,
        switchboard=switchboard,
        witnesses=load_witnesses(settings.witness_keys),
        replies=replies,
        people=people,
        facets=FacetIndex(engine, schema.facets, schema.audit.entries),
        guard_policy=policy,
        startup_notes=notes,
        catalogs=catalogs,
        languages=languages,
        warm_up=partial(_warm_up, intents, retriever),
    )


def transparency_source(
    services: Services, settings: Settings, overrides: Overrides = NO_OVERRIDES
) -> TransparencySource:
    """The public record's source for one app or one `transparency show` (it caches figures)."""
    return TransparencySource(services, settings, clock=overrides.clock)


def _warm_up(intents: LazyIntentClassifier | None, retriever: ReopeningRetriever) -> None:
    """What the first citizen would otherwise wait for: the classifier's fit (1-6 s on 2
    cores), the index, which loads on first use, and the question embedders' sessions, which
    load on their first question. A missing index is no error here: /readyz names it, and an
    ingest afterwards is picked up."""
    if intents is not None:
        intents.fitted()
        for lang in SPELLING_LANGUAGES:
            respeller(lang)  # words spelt by ear: read from the training messages (0.2 s)
    retriever.warm()
