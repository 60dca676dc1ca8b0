"""`opencounter oversight`: draw a review sample and build the log's search index."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from audit.sink import LogUnavailable
from web.cli.options import DataDir, read_settings


def _day(value: str | None, option: str) -> datetime | None:
    from web.oversight.service import day_bounds, parse_day

    try:
        day = parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
    start, end = day_bounds(day, day)
    return start if option == "--since" else end


def sample(
    size: Annotated[int, typer.Option(help="How many conversations to draw (1 to 200).")] = 10,
    since: Annotated[
        str | None, typer.Option(help="First day (YYYY-MM-DD, UTC); default 30 days ago.")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Last day, included; default today.")] = None,
    seed: Annotated[
        int | None, typer.Option(help="Draw the same sample again with the same seed.")
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Draw a random sample of answered conversations to review in /oversight/reviews."""
    from web.bootstrap import build_services
    from web.cli.startup import starting
    from web.oversight.reviews import InvalidReview, draw_sample

    settings = read_settings(data_dir)
    start = _day(since, "--since") or datetime.now(UTC).replace(
        hour=0, minute=0, second=0, microsecond=0
    ) - timedelta(days=29)
    end = _day(until, "--until")
    seed = seed if seed is not None else secrets.randbelow(10**9)
    console = Console()
    with starting(console):
        services = build_services(settings, hooks_enabled=False)
    try:
        services.facets.catch_up(services.log.size())
        drawn = draw_sample(services.facets, start, end, size, seed)
    except InvalidReview as exc:
        raise typer.BadParameter(str(exc), param_hint="--size") from None
    except LogUnavailable as exc:
        console.print(f"[red]The log cannot be read:[/] {exc}")
        raise typer.Exit(1) from None
    finally:
        services.close()
    table = Table("conversation", "answers", title=f"Review sample (seed {seed})")
    for item in drawn:
        table.add_row(item.conversation, str(item.answers))
    console.print(table)
    if not drawn:
        console.print("No conversation was answered in this range.")
    last = (end - timedelta(days=1)) if end else datetime.now(UTC)
    query = f"since={start.date()}&until={last.date()}&size={size}&seed={seed}"
    console.print(
        f"Review them at {settings.public_url}/oversight/reviews?{query}",
        markup=False,
        highlight=False,
    )


def index(data_dir: DataDir = None) -> None:
    """Bring the log's search index up to date (the app also does it in the background)."""
    from web.bootstrap import build_services
    from web.cli.startup import starting

    settings = read_settings(data_dir)
    console = Console()
    with starting(console):
        services = build_services(settings, hooks_enabled=False)
    try:
        size = services.log.size()
        covered = services.facets.catch_up(size)
    except LogUnavailable as exc:
        console.print(f"[red]The log cannot be read:[/] {exc}")
        raise typer.Exit(1) from None
    finally:
        services.close()
    console.print(f"The search index covers {covered} of {size} log entries.")


def build_oversight_cli() -> typer.Typer:
    app = typer.Typer(no_args_is_help=True, add_completion=False)
    app.command("sample")(sample)
    app.command("index")(index)
    return app
