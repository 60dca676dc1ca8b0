"""Ingest a knowledge base: read, chunk, index, and record a new version."""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.chunking import CHUNK_CHARS, OVERLAP_CHARS, Chunk, chunk_document
from knowledge.chunkstore import read_chunks, write_chunks
from knowledge.documents import SourceDocument, UnreadableDocument
from knowledge.embeddings import Embedder, PageEmbedder
from knowledge.index_build import build_index
from knowledge.layout import BUILDS_DIR, BuildPaths, current_build, make_current
from knowledge.page_openings import WORDS as PAGE_WORDS
from knowledge.planted_destinations import OwnDestinations, published_destinations
from knowledge.planted_facts import NONE as NO_FACTS
from knowledge.planted_facts import FactsContext, facts_context
from knowledge.planted_flags import PlantedFlag, planted_flags, write_flags
from knowledge.published import NONE as NO_CONTACTS
from knowledge.published import PublishedContacts, published_contacts
from knowledge.sources import SourceItem, SourceNotFound, list_sources
from knowledge.versions import (
    KnowledgeBaseVersion,
    current_version,
    find_version,
    new_version,
    record_version,
)

Progress = Callable[[int, int, str], None]

# Bump when chunking or analysis changes, so that old chunks are not reused. analysis=4: planted
# instructions and hidden markup are removed at ingest, so every page is read again once.
# analysis=5: sentences in the council's own voice and directions to a look-alike of its domains
# are planted too (heldout16); the own domains' fingerprint is added per ingest (`_settings`).
# analysis=6: money, secrets or urgent calls sent to a destination the organisation does not
# publish are planted too (`planted_unpublished.py`); the fingerprint covers what it publishes.
# analysis=7: a sentence whose fact contradicts the other pages is planted too
# (`planted_facts.py`); the fingerprint covers every page's lines, so a change to one page
# checks the others again. analysis=8: false facts in languages the pages do not use (an
# English gloss), and dates, time limits, hours, urgent lines and refused groups (heldout18).
SETTINGS = f"chunks={CHUNK_CHARS}/{OVERLAP_CHARS};analysis=8"


def _settings(own: OwnDestinations, facts: FactsContext = NO_FACTS) -> str:
    """SETTINGS with the fingerprint of the own domains and published destinations, and of the
    pages' facts: when they change, every page is checked again (vectors of unchanged chunks are
    still reused)."""
    settings = f"{SETTINGS};own={own.fingerprint}" if own.fingerprint else SETTINGS
    return f"{settings};facts={facts.fingerprint}" if facts.fingerprint else settings


class NothingToIngest(Exception):
    """The source holds no readable document, so no version can be made from it."""


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did, by document id; failed holds (file name, reason), links_dropped
    (document id, reason) for pages ingested without their link, planted the chunks of the new
    version that held planted instructions (removed from their text; the pages are ingested)."""

    added: list[str]
    updated: list[str]
    removed: list[str]
    unchanged: list[str]
    failed: list[tuple[str, str]]
    version: KnowledgeBaseVersion
    chunk_count: int = 0
    lexical_only: bool = True
    links_dropped: list[tuple[str, str]] = field(default_factory=list)
    planted: list[PlantedFlag] = field(default_factory=list)
    # The numbers and addresses the pages print: the input guard treats them as public.
    published: PublishedContacts = NO_CONTACTS


@dataclass
class _Reading:
    documents: dict[str, SourceDocument] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)


def ingest(
    source: Path | str,
    index_dir: Path,
    *,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    embed_languages: Collection[str] | None = None,
    page_embedder: PageEmbedder | None = None,
    passage_embedder: PageEmbedder | None = None,
    trusted_domains: Collection[str] = (),
    organisation_contacts: Collection[str] = (),
) -> IngestReport:
    """Bring the index at index_dir in line with source; unchanged documents are not re-chunked
    and unchanged chunks not re-embedded. With embed_languages, only chunks in those languages
    are embedded with embedder (an English model is not worth half an hour on a French KB it
    cannot help), and the chunks of every other language with passage_embedder when given
    (multilingual e5's "passage: " vectors; `opencounter ingest` passes it when e5 ranks the
    pages: EmbedderChoice.passage_embedder). Page openings are embedded with page_embedder (e5)
    when given, else with embedder.
    A document that fails to read is reported in `failed` and keeps its previous content.
    The organisation's own domains, against which a direction to a look-alike site is planted
    (`planted_destinations.py`), are the hosts of the pages' addresses and trusted_domains
    (`OPENCOUNTER_TRUSTED_DOMAINS`). What it publishes, against which money, secrets or urgent
    calls sent elsewhere are planted (`planted_unpublished.py`), is every phone number, e-mail
    address, web host, bank account and messaging app printed on two pages or more, and
    organisation_contacts (the organisation's contact settings, as printed). Every page is
    judged against the lines of the others (`planted_facts.py`): a fee, closure, restriction,
    complaints route or emergency number that contradicts them is planted.
    """
    index_dir = Path(index_dir)
    try:
        items = list_sources(source)
    except SourceNotFound as exc:
        raise NothingToIngest(str(exc)) from exc
    reading = _read_all(items, progress)
    previous = current_build(index_dir)
    old_chunks = _previous_chunks(previous)
    old_hashes = _previous_hashes(index_dir, previous)
    kept = _kept_after_failure(reading, old_hashes, old_chunks)
    pages = [(doc.url, doc.body) for doc in reading.documents.values()]
    pages += [(old_chunks[d][0].url, "\n".join(c.text for c in old_chunks[d])) for d in kept]
    own = published_destinations(pages, trusted_domains, organisation_contacts)
    facts = facts_context(
        [(d, doc.title, doc.body, doc.lang) for d, doc in reading.documents.items()]
        + [
            (
                d,
                old_chunks[d][0].title,
                "\n".join(c.text for c in old_chunks[d]),
                old_chunks[d][0].lang,
            )
            for d in kept
        ],
        tuple(organisation_contacts),
    )
    settings = _settings(own, facts)
    reusable = previous is not None and previous.read_meta().settings == settings
    hashes = {d: doc.content_hash for d, doc in reading.documents.items()} | kept
    if not hashes:
        raise NothingToIngest(f"no readable document in {source}")
    chunks = _chunks_for(reading.documents, hashes, old_hashes, old_chunks, reusable, own, facts)
    version = new_version(hashes)
    embedding = "" if embedder is None else embedder.name
    if embedder is not None and embed_languages is not None:
        embedding += "|" + ",".join(sorted(embed_languages))
    if embedder is not None:  # builds made before page vectors are rebuilt once (cheaply)
        embedding += f"|pages={PAGE_WORDS}"
    if page_embedder is not None:
        embedding += f"|page-embedder={page_embedder.name}"
    if embedder is None or embed_languages is None:
        passage_embedder = None  # no chunk vectors, or every language by the embedder
    if passage_embedder is not None:  # its name holds its graph's hash: a new model, a new build
        embedding += f"|passages={passage_embedder.name}"
    build = _build_paths(index_dir, version.id, embedding, settings)
    if not (build.meta.is_file() and previous is not None and previous.root == build.root):
        _build(
            build,
            settings=settings,
            version_id=version.id,
            chunks=chunks,
            embedder=embedder,
            previous=previous,
            progress=progress,
            embed_languages=embed_languages,
            page_embedder=page_embedder,
            passage_embedder=passage_embedder,
        )
        make_current(index_dir, build)
        _prune(index_dir, keep=build)
    current = current_version(index_dir)
    if current is not None and current.id == version.id:
        version = current  # nothing changed: the version keeps the date it first became current
    else:
        version = record_version(index_dir, version)
    return _report(
        reading,
        hashes=hashes,
        old_hashes=old_hashes,
        version=version,
        chunk_count=len(chunks),
        lexical_only=embedder is None,
        planted=planted_flags(chunks),
        published=published_contacts(c.text for c in chunks),
    )


def _kept_after_failure(
    reading: _Reading, old_hashes: dict[str, str], old_chunks: dict[str, list[Chunk]]
) -> dict[str, str]:
    """Previously ingested documents that failed to read this time: they keep their content."""
    failed_ids = {_doc_id_guess(name) for name, _ in reading.failed}
    return {
        d: h
        for d, h in old_hashes.items()
        if d in failed_ids and d not in reading.documents and d in old_chunks
    }


def _read_all(items: Sequence[SourceItem], progress: Progress | None) -> _Reading:
    reading = _Reading()
    for done, item in enumerate(items, start=1):
        try:
            doc = item.load()
        except UnreadableDocument as exc:
            reading.failed.append((item.name, str(exc)))
        else:
            if doc.doc_id in reading.documents:
                reading.failed.append((item.name, f"duplicate document id {doc.doc_id!r}"))
            else:
                reading.documents[doc.doc_id] = doc
        if progress is not None:
            progress(done, len(items), item.name)
    return reading


def _doc_id_guess(name: str) -> str:
    return str(Path(name).with_suffix("")) if "://" not in name else name


def _previous_chunks(previous: BuildPaths | None) -> dict[str, list[Chunk]]:
    grouped: dict[str, list[Chunk]] = {}
    if previous is not None:
        for chunk in read_chunks(previous.chunks):
            grouped.setdefault(chunk.doc_id, []).append(chunk)
    return grouped


def _previous_hashes(index_dir: Path, previous: BuildPaths | None) -> dict[str, str]:
    if previous is None:
        return {}
    return find_version(index_dir, previous.read_meta().version_id).documents


def _chunks_for(
    documents: dict[str, SourceDocument],
    hashes: dict[str, str],
    old_hashes: dict[str, str],
    old_chunks: dict[str, list[Chunk]],
    reusable: bool,
    own: OwnDestinations,
    facts: FactsContext = NO_FACTS,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for doc_id in sorted(hashes):
        same = old_hashes.get(doc_id) == hashes[doc_id] and doc_id in old_chunks
        if doc_id not in documents or (same and reusable):
            # Not re-read this time (kept after a read failure), or unchanged.
            chunks.extend(old_chunks[doc_id])
        else:
            check = facts.judge(doc_id) if facts.knows_facts else None
            chunks.extend(chunk_document(documents[doc_id], own=own, facts=check))
    return chunks


def _build_paths(
    index_dir: Path, version_id: str, embedder_name: str, settings: str = SETTINGS
) -> BuildPaths:
    digest = hashlib.sha256(f"{settings}|{embedder_name}".encode()).hexdigest()[:8]
    return BuildPaths(index_dir / BUILDS_DIR / f"{version_id[:16]}-{digest}")


def _build(
    build: BuildPaths,
    *,
    settings: str,
    version_id: str,
    chunks: list[Chunk],
    embedder: Embedder | None,
    previous: BuildPaths | None,
    progress: Progress | None,
    embed_languages: Collection[str] | None,
    page_embedder: PageEmbedder | None,
    passage_embedder: PageEmbedder | None = None,
) -> None:
    # Build beside the final place and rename: a reader never sees half an index.
    staging = BuildPaths(build.root.parent / f".staging-{uuid.uuid4().hex}")
    staging.root.mkdir(parents=True)
    try:
        write_chunks(staging.chunks, chunks)
        write_flags(staging, planted_flags(chunks))
        build_index(
            staging,
            version_id=version_id,
            settings=settings,
            chunks=chunks,
            embedder=embedder,
            previous=previous,
            progress=progress,
            embed_languages=embed_languages,
            page_embedder=page_embedder,
            passage_embedder=passage_embedder,
        )
        if build.root.exists():
            shutil.rmtree(build.root)
        staging.root.rename(build.root)
    finally:
        if staging.root.exists():
            shutil.rmtree(staging.root)


def _prune(index_dir: Path, keep: BuildPaths) -> None:
    for old in (index_dir / BUILDS_DIR).iterdir():
        if old != keep.root and not old.name.startswith(".staging-"):
            shutil.rmtree(old, ignore_errors=True)


def _report(
    reading: _Reading,
    *,
    hashes: dict[str, str],
    old_hashes: dict[str, str],
    version: KnowledgeBaseVersion,
    chunk_count: int,
    lexical_only: bool,
    planted: list[PlantedFlag],
    published: PublishedContacts = NO_CONTACTS,
) -> IngestReport:
    return IngestReport(
        added=sorted(d for d in hashes if d not in old_hashes),
        updated=sorted(d for d in hashes if d in old_hashes and old_hashes[d] != hashes[d]),
        removed=sorted(d for d in old_hashes if d not in hashes),
        unchanged=sorted(d for d in hashes if old_hashes.get(d) == hashes[d]),
        failed=reading.failed,
        version=version,
        chunk_count=chunk_count,
        lexical_only=lexical_only,
        links_dropped=sorted(
            (d, doc.link_problem) for d, doc in reading.documents.items() if doc.link_problem
        ),
        planted=planted,
        published=published,
    )
