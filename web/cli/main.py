"""The `opencounter` command: serve, ingest, ask, and the kb, eval and audit groups."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from web.cli.options import DataDir, read_settings
from web.settings import Settings

if TYPE_CHECKING:
    from knowledge.embeddings import Embedder, PageEmbedder
    from knowledge.ingest import IngestReport
    from knowledge.layout import BuildPaths

DEMO_KB = Path(__file__).resolve().parents[2] / "knowledge" / "demo"


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    data_dir: DataDir = None,
) -> None:
    """Serve the citizen widget, the JSON API and the log endpoints."""
    import uvicorn

    from web.app import create_app
    from web.cli.startup import starting
    from web.listen_check import DefaultSecretExposed, check_listen_address
    from web.process_memory import cap_malloc_arenas

    settings = read_settings(data_dir)
    console = Console()
    try:
        check_listen_address(host, settings)
    except DefaultSecretExposed as exc:
        Console(stderr=True).print(f"[red]{escape(str(exc))}[/]", soft_wrap=True)
        raise typer.Exit(2) from None
    # Before anything allocates on a thread: the cap applies to arenas made from here on.
    memory_note = cap_malloc_arenas(settings.malloc_arenas)
    with starting(console):
        app = create_app(settings)
        services = app.state.services
        try:
            # Here, before uvicorn starts: a failure is the sentence `starting` prints and
            # exit code 2, not an ASGI lifespan traceback; the app's lifespan then finds it
            # done (both steps keep what they built).
            services.warm_up()
        except BaseException:
            services.close()
            raise
    notes = [
        f"OpenCounter for {services.organisation.name}",
        f"Answer mode: {services.engine.answer_mode}",
        *services.startup_notes,
        memory_note,
        f"Listening on http://{host}:{port}/ (API docs at /docs)",
    ]
    if settings.logs_json:
        from web.http.request_log import log_json_lines

        # Every line of the process is JSON from here: uvicorn's records (log_config=None
        # below), warnings, and these notes.
        log_json_lines()
        for note in notes:
            logging.getLogger("opencounter.serve").info(note)
    else:
        for note in notes:
            console.print(note, markup=False, highlight=False)
    # Uvicorn would believe X-Forwarded-For from loopback; the app decides instead, from
    # OPENCOUNTER_TRUSTED_PROXIES only (web/http/client_address.py).
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=False,
        log_config=None if settings.logs_json else uvicorn.config.LOGGING_CONFIG,
    )


def ingest_command(
    source: Annotated[
        str,
        typer.Argument(
            metavar="PATH_OR_URL",
            help="A folder or file of Markdown/HTML/PDF/text pages, or the http(s):// address "
            "of a sitemap or a URL list.",
            show_default=False,
        ),
    ],
    data_dir: DataDir = None,
    lexical_only: Annotated[
        bool,
        typer.Option(
            "--lexical-only", help="Do not embed: BM25 only, whatever OPENCOUNTER_EMBEDDER says."
        ),
    ] = False,
) -> None:
    """Ingest a knowledge base: unchanged pages are skipped, removed ones deleted.

    Exit code 1 when a page failed (the others are ingested), 2 when nothing could be read.
    """
    from knowledge.planted_learned import packaged_classifier
    from web.bootstrap import open_storage
    from web.cli.startup import starting

    settings = read_settings(data_dir)
    console = Console(stderr=True)
    # First: a database this version cannot write to stops the command before any work.
    with starting(console):
        storage = open_storage(settings)
        try:
            packaged_classifier()  # ingest removes what it flags: no weights, no ingest
        except BaseException:
            storage.close()
            raise
    try:
        report = _ingest(console, settings, source, lexical_only)
        storage.record_kb_version(report)
    finally:
        storage.close()
    _print_summary(console, report)
    if report.failed:
        raise typer.Exit(1)


def _ingest(console: Console, settings: Settings, source: str, lexical_only: bool) -> IngestReport:
    from knowledge.embeddings import EmbedderUnavailable
    from knowledge.ingest import NothingToIngest, ingest
    from knowledge.layout import current_build
    from knowledge.planted_destinations import trusted_domains
    from web.bootstrap import INGEST_EMBED_TIMEOUT_S, embedder_for

    # A URL stays a string (Path would fold `http://` into `http:/`); anything else is a path.
    where: Path | str = source if source.startswith(("http://", "https://")) else Path(source)
    embedders = None if lexical_only else embedder_for(settings, timeout_s=INGEST_EMBED_TIMEOUT_S)
    embedder = embedders.embedder if embedders is not None else None
    if embedder is None:
        console.print("Retrieval mode: [bold]lexical only[/] (BM25, no embedder).")
    else:
        console.print(f"Retrieval mode: [bold]hybrid[/] (BM25 + {embedder.name}).")
        if embedders is not None and embedders.page_note:
            console.print(f"Page ranking: {escape(embedders.page_note)}.")
    replaced = current_build(settings.kb_index_dir)
    try:
        report = _ingest_with_progress(
            console,
            lambda progress: ingest(
                where,
                settings.kb_index_dir,
                embedder=embedder,
                progress=progress,
                # MiniLM embeds English chunks (OPENCOUNTER_ENGLISH_CHUNKS=minilm, the default, or
                # e5 not built); e5's passage vectors embed the others, English too with `e5`.
                embed_languages=embedders.embed_languages if embedders is not None else None,
                page_embedder=embedders.page_embedder if embedders is not None else None,
                passage_embedder=embedders.passage_embedder if embedders is not None else None,
                trusted_domains=trusted_domains(settings.trusted_domains),
                organisation_contacts=_organisation_contacts(settings),
            ),
        )
        pages = embedders.page_embedder if embedders is not None else None
        filled = _fill_vector_store(console, settings, embedder, pages)
    except NothingToIngest as exc:
        console.print(f"[red]Nothing ingested:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except EmbedderUnavailable as exc:
        console.print(f"[red]Embedding failed:[/] {escape(str(exc))}")
        console.print("Start the embedding server, or ingest with --lexical-only.")
        raise typer.Exit(1) from None
    finally:
        if embedders is not None:
            embedders.close()
    if filled:
        console.print(f"Vectors loaded into {filled}.")
        _prune_vector_store(console, settings, replaced, filled)
    return report


def _organisation_contacts(settings: Settings) -> tuple[str, ...]:
    """The organisation's contact settings as printed (phone, e-mail, contact pages): published
    whatever the pages say (knowledge/planted_unpublished.py)."""
    from bot.organisation import load_organisation

    contact = load_organisation(settings.organisation_file).contact
    return (contact.phone, contact.email, contact.url, *contact.urls.values())


def _fill_vector_store(
    console: Console,
    settings: Settings,
    embedder: Embedder | None,
    page_embedder: PageEmbedder | None,
) -> str | None:
    from knowledge.types import KnowledgeBaseUnavailable
    from web.bootstrap import fill_vector_store

    try:
        return fill_vector_store(settings, embedder, page_embedder)
    except KnowledgeBaseUnavailable as exc:
        # The index is built; only the copy into the vector store failed (serve retries it).
        console.print(f"[yellow]Vector store not filled:[/] {escape(str(exc))}")
        return None


def _prune_vector_store(
    console: Console, settings: Settings, replaced: BuildPaths | None, where: str
) -> None:
    """Keep the vectors of the new build and of the one it replaced; remove older builds'.
    An ingest that changed nothing (the same build) removes nothing."""
    from knowledge.layout import current_build
    from knowledge.vector_store import VectorStoreUnavailable
    from web.bootstrap import prune_vector_store

    new = current_build(settings.kb_index_dir)
    if new is None or (replaced is not None and replaced.root == new.root):
        return
    keep = {new.root.name} | ({replaced.root.name} if replaced is not None else set())
    try:
        stale, deleted = prune_vector_store(settings, keep)
    except VectorStoreUnavailable as exc:
        console.print(f"[yellow]Old vectors not removed:[/] {escape(str(exc))}")
        return
    if stale and deleted:
        console.print(
            f"Removed {len(stale)} collections of earlier builds from {where} "
            "(kept the new build's and the one it replaced)."
        )
    elif stale:
        console.print(
            f"{len(stale)} collections of other builds are on {where}, left there because "
            "another deployment may share the server: delete them once no process uses them "
            f"({escape(', '.join(stale[:6]))}{', …' if len(stale) > 6 else ''})."
        )


def _ingest_with_progress(
    console: Console, run: Callable[[Callable[[int, int, str], None]], IngestReport]
) -> IngestReport:
    """Run an ingest under a progress bar: one bar for reading pages, one for embedding."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(done: int, total: int, name: str) -> None:
            label = "Embedding chunks" if name == "embedding chunks" else "Reading pages"
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done, total=total)

        return run(progress)


def _print_summary(console: Console, report: IngestReport) -> None:
    console.print(
        f"Knowledge base version {report.version.id}: {len(report.added)} added, "
        f"{len(report.updated)} updated, {len(report.removed)} removed, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed "
        f"({report.chunk_count} chunks)."
    )
    for name, reason in report.failed:
        # Each on its own line, never cut: an operator searches the output for the name.
        console.print(f"[red]Not ingested:[/] {escape(name)}: {escape(reason)}", soft_wrap=True)
    for doc_id, reason in report.links_dropped:
        console.print(
            f"[yellow]Ingested without its link:[/] {escape(doc_id)}: {escape(reason)}",
            soft_wrap=True,
        )
    _print_planted(console, report)
    _print_published(console, report)


def _print_published(console: Console, report: IngestReport) -> None:
    """How many numbers and addresses the pages print (public for the input guard), and the
    mobiles among them by name: a private mobile printed by mistake would be public too."""
    published = report.published
    if not published.phones and not published.emails:
        return
    console.print(
        f"The pages print {len(published.phones)} phone numbers and {len(published.emails)} "
        "e-mail addresses: the input guard treats them as public, so a citizen quoting one is "
        "not blocked."
    )
    mobiles = sorted(p for p in published.phones if p.startswith(("07", "06")) and len(p) >= 10)
    if mobiles:
        console.print(
            f"[yellow]Mobile numbers among them:[/] {escape(', '.join(mobiles[:20]))}"
            + (f" and {len(mobiles) - 20} more" if len(mobiles) > 20 else "")
            + ". If one is a person's private number, remove it from its page and ingest again.",
            soft_wrap=True,
        )


def _print_planted(console: Console, report: IngestReport) -> None:
    """One line per text addressed to the AI that ingest removed, then what to do about it."""
    if not report.planted:
        return
    for flag in report.planted:
        chunk = flag.chunk_id.rpartition("#")[2]
        console.print(
            f"[yellow]Planted instruction removed:[/] {escape(flag.doc_id)} (chunk {chunk}): "
            f"{escape(flag.kind)}: “{escape(flag.excerpt)}”",
            soft_wrap=True,
        )
    pages = len({flag.doc_id for flag in report.planted})
    console.print(
        f"[yellow]{pages} {'page' if pages == 1 else 'pages'} held text addressed to the AI.[/] "
        "It is not indexed and can never be quoted; the rest of each page is ingested. "
        "Check each page with its editor: if the text should not be there, remove it from the "
        "source page; if it is meant for people, reword it so it does not address the "
        "assistant. Then ingest again. The oversight console lists these at "
        "/oversight/knowledge.",
        soft_wrap=True,
    )


def ask(
    question: Annotated[str, typer.Argument(help="The question, as a citizen would type it.")],
    lang: Annotated[str, typer.Option(help="Language of the conversation: en or fr.")] = "en",
    data_dir: DataDir = None,
) -> None:
    """Ask one question as a citizen would, and print the decision, answer and citations.

    Escalation hooks are off: a question that asks for a person sends no webhook or email.
    """
    from audit.sink import LogUnavailable
    from bot.engine import InvalidMessage
    from web.bootstrap import build_services
    from web.cli.startup import HOOKS_OFF, starting

    settings = read_settings(data_dir)
    console = Console()
    with starting(console):
        services = build_services(settings, hooks_enabled=False)
    try:
        conversation = services.engine.start(lang).id
        reply = services.engine.ask(conversation, question)
    except InvalidMessage as exc:
        console.print(f"[red]Not sent:[/] the question is {exc.reason.replace('_', ' ')}.")
        raise typer.Exit(2) from None
    except LogUnavailable as exc:
        console.print(f"[red]The transparency log is unavailable:[/] {exc}")
        raise typer.Exit(1) from None
    finally:
        services.close()
    console.print(f"[bold]Decision:[/] {reply.decision} ({reply.reason}); mode: {reply.mode}")
    if reply.decision == "escalate":
        console.print(HOOKS_OFF)
    console.print(reply.text, markup=False, highlight=False)
    for n, c in enumerate(reply.citations, start=1):
        console.print(f"  [{n}] {c.title} — {c.url} ({c.doc_id})", markup=False, highlight=False)
        for k, link in enumerate(c.links, start=1):
            # What "[link n.k]" in the text stands for.
            console.print(
                f"      [link {n}.{k}] {link.text} — {link.url}", markup=False, soft_wrap=True
            )


def build_cli() -> typer.Typer:
    app = typer.Typer(
        help="OpenCounter: a public-service assistant with a verifiable transparency log.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    app.command("serve")(serve)
    app.command("ingest")(ingest_command)
    app.command("ask")(ask)
    from web.cli.audit import build_app_audit_cli

    app.add_typer(
        build_app_audit_cli(), name="audit", help="Verify, export and manage the transparency log."
    )
    from web.cli.db import build_db_cli

    app.add_typer(build_db_cli(), name="db", help="Upgrade the database schema.")
    from web.cli.backup import build_backup_cli

    app.add_typer(
        build_backup_cli(), name="backup", help="Back up and restore the database, index and keys."
    )
    from web.cli.keys import build_keys_cli

    app.add_typer(
        build_keys_cli(), name="keys", help="Rotate the vault key and the log's signing key."
    )
    from web.cli.admin import build_admin_cli
    from web.cli.users import build_users_cli

    app.add_typer(build_admin_cli(), name="admin", help="Kill switches for the model and the chat.")

    app.add_typer(build_users_cli(), name="users", help="Staff accounts for the console.")
    from web.cli.oversight import build_oversight_cli

    app.add_typer(
        build_oversight_cli(), name="oversight", help="Review samples and the log's search index."
    )
    from web.cli.transparency import build_transparency_cli

    app.add_typer(
        build_transparency_cli(), name="transparency", help="The public transparency record."
    )
    from web.cli.eval import eval_bot
    from web.cli.eval_retrieval import build_eval_cli
    from web.cli.kb import build_kb_cli

    app.add_typer(build_kb_cli(), name="kb", help="List, show and compare knowledge-base versions.")
    evaluation = build_eval_cli()

    evaluation.command("bot")(eval_bot)
    app.add_typer(evaluation, name="eval", help="Measure quality on evaluation sets.")
    return app


def main() -> None:
    from web.cli.startup import reported_faults

    # A storage fault any command meets is one sentence and exit code 1, not a traceback.
    with reported_faults():
        build_cli()()
