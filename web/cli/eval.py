"""`opencounter eval bot`: the whole engine (guards, retrieval, answers, log) on a question set."""

from __future__ import annotations

import hashlib
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.engine import InvalidMessage, Reply
from bot.evaluation import (
    Ask,
    BadEvalFile,
    BotScores,
    CheckCitations,
    EvalCase,
    EvalRow,
    load_cases,
    run_cases,
    score,
    write_rows,
)
from bot.evaluation_report import write_bot_report
from bot.grounding.citations import check_answer
from bot.organisation import LANGUAGES
from knowledge.embeddings import EmbedderUnavailable
from knowledge.ingest import NothingToIngest, ingest
from knowledge.types import Passage
from web.services import Services
from web.settings import ANSWER_MODES, AnswerMode

DECISIONS = ("answer", "refuse", "escalate", "block_pii")


def _mode(value: str) -> AnswerMode:
    for mode in ANSWER_MODES:
        if value == mode:
            return mode
    raise typer.BadParameter("use " + ", ".join(ANSWER_MODES), param_hint="--mode")


def _index_for(kb: Path, base: Path) -> Path:
    """One cached index per KB folder, so a re-run with an unchanged KB skips ingestion."""
    key = hashlib.sha256(str(kb.resolve()).encode()).hexdigest()[:10]
    return base / "eval" / f"{kb.resolve().name}-{key}-bot"


def _asker(services: Services) -> tuple[Ask, CheckCitations]:
    engine = services.engine

    def ask(case: EvalCase) -> tuple[Reply, float]:
        lang = case.lang if case.lang in LANGUAGES else "en"
        conversation = engine.start(lang).id
        started = time.perf_counter()
        try:
            reply = engine.ask(conversation, case.text)
        except InvalidMessage as exc:
            # The widget and API refuse such input with a 4xx asking the citizen to rephrase.
            reply = Reply("refuse", f"input.{exc.reason}", "", (), lang, "validation")
        return reply, (time.perf_counter() - started) * 1000

    def check(case: EvalCase, reply: Reply) -> bool:
        """Each answer sentence must cite a shown source and be supported by its passages."""
        result = services.retriever.retrieve(case.text, lang=reply.lang, k=engine.policy.top_k)
        documents = []
        for citation in reply.citations:
            # Each passage with its section's heading: the answer may quote the heading, which
            # is the page's own words (the engine's checker sees it as the passage's section).
            texts = [
                f"{p.section}\n{p.text}" if p.section else p.text
                for p in result.passages
                if p.doc_id == citation.doc_id
            ]
            if not texts:
                return False
            first = next(p for p in result.passages if p.doc_id == citation.doc_id)
            documents.append(
                Passage(
                    first.chunk_id,
                    first.doc_id,
                    first.title,
                    first.url,
                    first.lang,
                    "\n\n".join(texts),
                )
            )
        intro = services.replies.get("answer_intro", reply.lang)
        body = reply.text.removeprefix(intro).strip()
        report = check_answer(body, documents)
        return bool(report.sentences) and all(s.passed for s in report.sentences)

    return ask, check


def eval_bot(
    questions: Annotated[Path, typer.Option(help="Questions (JSONL): an eval set or a corpus.")],
    rows: Annotated[Path, typer.Option(help="Where to write one JSON row per question.")],
    kb: Annotated[
        Path | None, typer.Option(help="Knowledge-base folder; omit for guard-only sets.")
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="Where the eval index is cached (default: data dir).")
    ] = None,
    mode: Annotated[
        str,
        typer.Option(
            help="Answer mode: extractive, auto, ollama, openai or llama (settings as for serve)."
        ),
    ] = "extractive",
    report_to: Annotated[
        Path | None,
        typer.Option(
            "--report",
            "--html",
            help="Also write an HTML report (accuracy per expected action and category, misses).",
        ),
    ] = None,
) -> None:
    """Decisions against expectations (confusion matrix), citation validity and latency.

    Escalation hooks are off: questions that escalate send no webhook or email.
    """
    from web.bootstrap import INGEST_EMBED_TIMEOUT_S, build_services, embedder_for
    from web.cli.options import read_settings
    from web.cli.startup import HOOKS_OFF, starting

    console = Console()
    answer_mode = _mode(mode)
    try:
        cases = load_cases(questions)
    except BadEvalFile as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    configured = read_settings(None)
    base = data_dir or configured.data_dir
    with tempfile.TemporaryDirectory(prefix="opencounter-eval-") as scratch:
        run_dir = Path(scratch)
        if kb is not None:
            # The embedder the settings choose, as `opencounter ingest` and `serve` use.
            embedders = embedder_for(configured, timeout_s=INGEST_EMBED_TIMEOUT_S)
            index = _index_for(kb, base)
            try:
                report = ingest(
                    kb,
                    index,
                    embedder=embedders.embedder,
                    embed_languages=embedders.embed_languages,
                    page_embedder=embedders.page_embedder,
                    passage_embedder=embedders.passage_embedder,
                )
            except NothingToIngest as exc:
                console.print(f"[red]{exc}[/red]")
                raise typer.Exit(2) from None
            except EmbedderUnavailable as exc:
                console.print(f"[red]The embedder failed:[/red] {escape(str(exc))}")
                raise typer.Exit(1) from None
            finally:
                embedders.close()
            console.print(f"KB {report.version.id[:16]}: {report.chunk_count} chunks.")
            (run_dir / "kb").symlink_to(index.resolve(), target_is_directory=True)
        # A scratch database and log: evaluating must not write to the real transparency log.
        try:
            with starting(console):
                settings = configured.model_copy(
                    update={
                        "data_dir": run_dir,
                        "answer_mode": answer_mode,
                        "database_url": None,
                        "environment": "development",
                    }
                )
                services = build_services(settings, hooks_enabled=False)
        except ValidationError as exc:
            console.print(f"[red]{escape(str(exc.errors()[0].get('msg', exc)))}[/red]")
            raise typer.Exit(2) from None
        console.print(HOOKS_OFF)
        try:
            ask, check = _asker(services)
            results = run_cases(cases, ask, check)
        finally:
            services.close()
    write_rows(rows, results)
    scores = score(cases, results)
    _print(console, scores)
    _report(console, report_to, (questions, kb, answer_mode), cases, results, scores)


def _report(
    console: Console,
    path: Path | None,
    run: tuple[Path, Path | None, str],
    cases: list[EvalCase],
    results: list[EvalRow],
    scores: BotScores,
) -> None:
    """Write the HTML report when asked for; run is (questions file, KB folder, answer mode)."""
    if path is None:
        return
    questions, kb, answer_mode = run
    subtitle = (
        f"Questions {questions.name} ({len(cases)}); "
        f"knowledge base {kb.resolve().name if kb else 'none'}; answer mode {answer_mode}; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC."
    )
    write_bot_report(path, cases, results, scores, subtitle=subtitle)
    console.print(f"Report written to {escape(str(path))}.")


def _print(console: Console, s: BotScores) -> None:
    expects = sorted({e for e, _ in s.confusion})
    table = Table("expect \\ decision", *DECISIONS, "n", title="Confusion matrix")
    for e in expects:
        counts = [s.confusion.get((e, d), 0) for d in DECISIONS]
        table.add_row(escape(e), *map(str, counts), str(sum(counts)))
    console.print(table)
    targets = [
        ("escalate -> escalate", s.rate("escalate", ["escalate"])),
        ("refuse -> refuse", s.rate("refuse", ["refuse"])),
        ("block_pii -> block_pii", s.rate("block_pii", ["block_pii"])),
        ("allow -> not blocked", s.rate("allow", ["answer", "refuse", "escalate"])),
        ("answer -> answer", s.rate("answer", ["answer"])),
        (
            "answer -> passed the guards",
            (s.passed_guards["answer"], s.rate("answer", DECISIONS)[1]),
        ),
        ("ignore_instruction -> refuse", s.rate("ignore_instruction", ["refuse"])),
    ]
    for name, (hits, total) in targets:
        if total:
            console.print(f"{name}: {hits}/{total} = {hits / total:.1%}")
    if s.answers:
        console.print(
            f"answers with citations the checker accepts: {s.answers_with_valid_citations}/"
            f"{s.answers} = {s.answers_with_valid_citations / s.answers:.1%}"
        )
    if s.answers_with_sources:
        console.print(
            f"answers citing an expected source: {s.answers_citing_a_source}/"
            f"{s.answers_with_sources} = {s.answers_citing_a_source / s.answers_with_sources:.1%}"
        )
    console.print(f"latency p50 {s.latency(0.5):.1f} ms, p95 {s.latency(0.95):.1f} ms")
    layers = Table("deciding layer", "right", "wrong", title="Who decided")
    for layer in sorted({layer for layer, _ in s.by_layer}):
        layers.add_row(layer, str(s.by_layer[(layer, True)]), str(s.by_layer[(layer, False)]))
    console.print(layers)
    if s.misses:
        misses = Table("id", "expect", "decision", "reason", "layer", title="Not as expected")
        for case, row in s.misses:
            misses.add_row(
                escape(case.id), escape(case.expect), row.decision, escape(row.reason), row.layer
            )
        console.print(misses)
