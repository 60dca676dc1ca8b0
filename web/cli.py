"""The `opencounter` command: serve, ingest, ask, and the kb, eval and audit groups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from web.settings import Settings

DEMO_KB = Path(__file__).resolve().parent.parent / "knowledge" / "demo"


def _settings(data_dir: Path | None = None) -> Settings:
    try:
        return Settings(data_dir=data_dir) if data_dir else Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise typer.BadParameter(str(first.get("msg", exc))) from None


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Where all state lives; default: $OPENCOUNTER_DATA_DIR or data/.",
        show_default=False,
    ),
]


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    data_dir: DataDir = None,
) -> None:
    """Serve the citizen widget, the JSON API and the log endpoints."""
    import uvicorn

    from web.app import create_app

    settings = _settings(data_dir)
    console = Console()
    app = create_app(settings)
    services = app.state.services
    console.print(f"[bold]OpenCounter[/] for {services.organisation.name}")
    console.print(f"Answer mode: [bold]{services.engine.answer_mode}[/]")
    for line in services.startup_notes:
        console.print(f"  {line}")
    console.print(f"Open [bold]http://{host}:{port}/[/] (API docs at http://{host}:{port}/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def ingest_command(
    path: Annotated[
        Path,
        typer.Argument(help="A folder of Markdown/HTML/PDF/text pages, or a sitemap/URL list."),
    ],
    data_dir: DataDir = None,
) -> None:
    """Ingest a knowledge base: unchanged pages are skipped, removed ones deleted."""
    from knowledge.embeddings import default_embedder
    from knowledge.fusion import FusionWeights
    from knowledge.ingest import NothingToIngest, ingest

    settings = _settings(data_dir)
    console = Console(stderr=True)
    embedder = default_embedder()
    if embedder is None:
        console.print("No embedding model installed: lexical-only retrieval (BM25).")
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("Reading pages", total=None)

        def progress(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Reading {name[-40:]}")

        try:
            report = ingest(
                path,
                settings.kb_index_dir,
                embedder=embedder,
                progress=progress,
                # Only languages the embedder knows are embedded (MiniLM: English).
                embed_languages=FusionWeights().dense_languages(),
            )
        except NothingToIngest as exc:
            console.print(f"[red]Nothing ingested:[/] {exc}")
            raise typer.Exit(2) from None
    from web.wiring import record_kb_version

    record_kb_version(settings, report)
    console.print(
        f"Version {report.version.id}: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.removed)} removed, {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} failed ({report.chunk_count} chunks)."
    )
    for name, reason in report.failed:
        console.print(f"[red]Failed:[/] {name}: {reason}")
    if report.failed:
        raise typer.Exit(1)


def ask(
    question: Annotated[str, typer.Argument(help="The question, as a citizen would type it.")],
    lang: Annotated[str, typer.Option(help="Language of the conversation: en or fr.")] = "en",
    data_dir: DataDir = None,
) -> None:
    """Ask one question as a citizen would, and print the decision, answer and citations."""
    from audit.sink import LogUnavailable
    from bot.engine import InvalidMessage
    from web.wiring import build_services

    settings = _settings(data_dir)
    from web.app import STATIC_DIR

    services = build_services(settings, STATIC_DIR)
    console = Console()
    try:
        conversation = services.engine.start(lang)
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
    console.print(reply.text, markup=False, highlight=False)
    for n, c in enumerate(reply.citations, start=1):
        console.print(f"  [{n}] {c.title} — {c.url} ({c.doc_id})", markup=False, highlight=False)


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
    from audit.cli import build_audit_cli

    app.add_typer(
        build_audit_cli(), name="audit", help="Verify, export and manage the transparency log."
    )
    from web.cli_admin import build_admin_cli
    from web.cli_users import build_users_cli

    app.add_typer(build_admin_cli(), name="admin", help="Kill switches for the model and the chat.")

    app.add_typer(build_users_cli(), name="users", help="Staff accounts for the console.")
    from web.cli_transparency import build_transparency_cli

    app.add_typer(
        build_transparency_cli(), name="transparency", help="The public transparency record."
    )
    from knowledge.cli import build_eval_retrieval_cli, build_kb_cli

    app.add_typer(build_kb_cli(), name="kb", help="List, show and compare knowledge-base versions.")
    evaluation = build_eval_retrieval_cli()
    from web.cli_eval import eval_bot

    evaluation.command("bot")(eval_bot)
    app.add_typer(evaluation, name="eval", help="Measure quality on evaluation sets.")
    return app


def main() -> None:
    build_cli()()
