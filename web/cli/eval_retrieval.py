"""`opencounter eval retrieval`: ingest an eval KB, run its questions, print the scores.

The settings are the app's (`read_settings`) and the embedder the one they choose, built by
the composition root as for `opencounter ingest` and the server, and the vectors are searched
where `serve` searches them (`choose_vector_store`: the approximate index for a language of
OPENCOUNTER_ANN_MIN_VECTORS vectors or more), unless `--exact`: the figures are those of the
retrieval the app would run. The `eval` group is built here; `eval bot` is in web/cli/eval.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from knowledge.chunkstore import read_chunks
from knowledge.embeddings import EmbedderUnavailable
from knowledge.fusion import FusionWeights
from knowledge.in_memory_index import choose_in_memory_index
from knowledge.ingest import NothingToIngest, ingest
from knowledge.layout import current_build
from knowledge.question_file import BadQuestionFile
from knowledge.retrieval_eval import (
    RetrievalScores,
    load_questions,
    run_questions,
    score,
    score_by_category,
    write_rows,
)
from knowledge.retrieval_report import write_retrieval_report
from knowledge.search import VectorStoreFactory, open_retriever
from knowledge.types import KnowledgeBaseUnavailable
from web.cli.options import DataDir, read_settings
from web.settings import Settings

if TYPE_CHECKING:
    from web.bootstrap.adapters import EmbedderChoice

LexicalOnly = Annotated[
    bool, typer.Option("--lexical-only", help="Do not embed: BM25 only, whatever the settings say")
]
Exact = Annotated[
    bool,
    typer.Option(
        "--exact",
        help="Scan every language's vectors exactly, even where serve uses its approximate "
        "index (OPENCOUNTER_ANN_MIN_VECTORS): the ranking without the index's misses",
    ),
]


@dataclass(frozen=True)
class VectorSearch:
    """Where the eval searches the vectors: serve's stores (the default), or exactly."""

    chunks: VectorStoreFactory | None
    pages: VectorStoreFactory | None
    where: str


def vector_search(settings: Settings, *, exact: bool) -> VectorSearch:
    """The chunk and page-opening stores `serve` builds from these settings, or the exact scan."""
    if exact:
        return VectorSearch(None, None, "in memory (exact scan at every size: --exact)")
    from web.bootstrap.adapters import choose_vector_store

    chunks = choose_vector_store(settings)
    pages = choose_in_memory_index(settings.ann_min_vectors)
    return VectorSearch(chunks.factory, pages.factory, chunks.where)


def build_eval_cli() -> typer.Typer:
    """`eval retrieval --kb DIR --questions FILE --rows OUT.jsonl` (and `eval bot`, added by
    web.cli.main)."""
    app = typer.Typer(help="Quality evaluations.", no_args_is_help=True)
    # A callback keeps `retrieval` a subcommand: Typer runs a lone command as the app itself.
    app.callback()(_eval_group)
    app.command("retrieval")(run_retrieval_eval)
    return app


def _eval_group() -> None:
    """Quality evaluations on the data sets in shared/eval."""


def run_retrieval_eval(
    kb: Annotated[Path, typer.Option(help="Knowledge-base folder of the eval set")],
    questions: Annotated[Path, typer.Option(help="Questions file (JSONL)")],
    rows: Annotated[Path, typer.Option(help="Where to write one JSON row per question")],
    data_dir: DataDir = None,
    lexical_only: LexicalOnly = False,
    exact: Exact = False,
    report_to: Annotated[
        Path | None,
        typer.Option(
            "--report",
            "--html",
            help="Also write an HTML report (figures, charts per category, misses) to this file",
        ),
    ] = None,
) -> None:
    """Recall@1/5/10, MRR and latency p50/p95, overall and per category."""
    from web.bootstrap import INGEST_EMBED_TIMEOUT_S, embedder_for

    console = Console()
    settings = read_settings(data_dir)
    embedders = None if lexical_only else embedder_for(settings, timeout_s=INGEST_EMBED_TIMEOUT_S)
    try:
        search = vector_search(settings, exact=exact)
        run = (kb, questions, rows, report_to)
        _evaluate(console, settings.data_dir, run, embedders, search)
    finally:
        if embedders is not None:
            embedders.close()


def _evaluate(
    console: Console,
    base: Path,
    run: tuple[Path, Path, Path, Path | None],
    embedders: EmbedderChoice | None,
    search: VectorSearch,
) -> None:
    """Ingest, ask and score; run is (KB folder, questions file, rows file, report file)."""
    kb, questions, rows, report_to = run
    embedder = embedders.embedder if embedders is not None else None
    pages = embedders.page_embedder if embedders is not None else None
    if embedder is None:
        console.print("Retrieval mode: [bold]lexical only[/bold] (BM25, no embedder).")
    else:
        console.print(f"Retrieval mode: [bold]hybrid[/bold] (BM25 + {embedder.name}).")
        if embedders is not None and embedders.page_note:
            console.print(f"Page ranking: {escape(embedders.page_note)}.")
    index = eval_index_dir(kb, base, lexical=embedder is None)
    try:
        asked = load_questions(questions)
        report = ingest(
            kb,
            index,
            embedder=embedder,
            embed_languages=(
                embedders.embed_languages
                if embedders is not None
                else FusionWeights().dense_languages()
            ),
            page_embedder=pages,
            passage_embedder=embedders.passage_embedder if embedders is not None else None,
        )
    except (BadQuestionFile, NothingToIngest) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    except EmbedderUnavailable as exc:
        console.print(f"[red]Embedding failed:[/red] {escape(str(exc))}")
        console.print("Start the embedding server, or run with --lexical-only.")
        raise typer.Exit(1) from None
    console.print(
        f"KB {report.version.id[:16]}: {report.chunk_count} chunks "
        f"({len(report.unchanged)} documents unchanged, {len(report.failed)} failed)."
    )
    try:
        retriever = open_retriever(
            index,
            embedder=embedder,
            page_embedder=pages,
            vector_store=search.chunks,
            page_index=search.pages,
        )
    except KnowledgeBaseUnavailable as exc:  # e.g. an approximate index that could not be built
        console.print(f"[red]Index not opened:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    searched = _searched(retriever.vector_store, search.where)
    if not retriever.lexical_only:
        models = ", ".join(f"{lang} {m or 'none'}" for lang, m in retriever.chunk_models.items())
        console.print(f"Chunk vectors by language: {escape(models)}.")
        console.print(f"Vectors searched: {escape(searched)}.")
    results = run_questions(asked, lambda q, lang: retriever.rank_documents(q, lang, 10))
    write_rows(rows, results)
    table = _table("Retrieval", [("all", score(asked, results))])
    console.print(table)
    per = [(c, s) for c, s in score_by_category(asked, results).items() if s.scored]
    console.print(_table("By category", per))
    if report_to is not None:
        mode = (
            "BM25 only"
            if embedder is None or retriever.lexical_only
            else f"hybrid (BM25 + {embedder.name}; vectors searched {searched})"
        )
        subtitle = (
            f"Questions {questions.name} ({len(asked)}); knowledge base {kb.resolve().name}, "
            f"version {report.version.id[:16]}; ranking {mode}; "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC."
        )
        write_retrieval_report(report_to, asked, results, titles=_titles(index), subtitle=subtitle)
        console.print(f"Report written to {report_to}.")


def _searched(store: object, where: str) -> str:
    """Where the vectors were searched, with the languages that got the approximate index."""
    if not hasattr(store, "approximate_languages"):
        return where
    approximate = store.approximate_languages()
    if not approximate:
        return f"{where}: every language scanned exactly at this size"
    return f"{where}: the approximate index for {', '.join(approximate)}"


def eval_index_dir(kb: Path, base: Path, *, lexical: bool) -> Path:
    """One cached index per KB folder and mode: a re-run with an unchanged KB re-uses it."""
    folder = kb.resolve()
    key = hashlib.sha256(str(folder).encode()).hexdigest()[:10]
    mode = "lex" if lexical else "hyb"
    return base / "eval" / f"{folder.parent.name}-{folder.name}-{key}-{mode}"


def _titles(index: Path) -> dict[str, str]:
    """Each document's title in the index's current build."""
    build = current_build(index)
    if build is None:
        return {}
    return {c.doc_id: c.title for c in read_chunks(build.chunks)}


def _table(title: str, lines: list[tuple[str, RetrievalScores]]) -> Table:
    table = Table("set", "questions", "scored", "R@1", "R@5", "R@10", "MRR", "p50 ms", "p95 ms")
    table.title = title
    for name, s in lines:
        table.add_row(
            escape(name),  # a category of the question file, not markup
            str(s.questions),
            str(s.scored),
            f"{s.recall_at_1:.3f}",
            f"{s.recall_at_5:.3f}",
            f"{s.recall_at_10:.3f}",
            f"{s.mrr:.3f}",
            f"{s.latency_p50_ms:.1f}",
            f"{s.latency_p95_ms:.1f}",
        )
    return table
