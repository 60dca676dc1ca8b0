"""`opencounter transparency show`: the public transparency record as /transparency shows it."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from bot.organisation import ConfigurationError
from web.cli.options import DataDir, read_settings
from web.transparency.record import JsonObject


def _section(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def _share(part: object) -> str:
    figure = _section(part)
    share = figure.get("share")
    shown = f"{share * 100:.1f} %" if isinstance(share, float | int) else "–"
    return f"{shown} ({figure.get('count')})"


def _print(console: Console, record: JsonObject) -> None:
    organisation, model = _section(record["organisation"]), _section(record["model"])
    kb, guards = _section(record["knowledge_base"]), _section(record["guards"])
    live, log = _section(record["live"]), _section(record["log"])
    console.print(f"[bold]{organisation['assistant_name']}[/] ({organisation['name']})")
    console.print(f"Last changed {record['last_changed']}; figures as of {record['generated_at']}")
    answers = "extractive (no model)" if model["answer_mode"] == "extractive" else model["name"]
    console.print(f"Answers: {answers}, run locally")
    console.print(
        f"Knowledge base: {kb['version'] or 'not ingested'}; sources {kb['sources']}; "
        f"last updated {kb['last_updated']}"
    )
    console.print(f"Guard policy: {guards['policy_version']}")
    table = Table("figure", "value", title=f"Last {live['days']} days")
    table.add_row("conversations", str(live["conversations"]))
    table.add_row("replies", str(live["replies"]))
    for name in ("answered", "refused", "escalated", "blocked"):
        table.add_row(name, _share(live[name]))
    table.add_row("escalations reached by a person", str(live["escalations_reached_by_a_person"]))
    table.add_row("median seconds to a person", str(live["median_seconds_to_a_person"]))
    energy = _section(record["energy"])
    table.add_row("replies with an energy estimate", str(energy["replies_estimated"]))
    table.add_row(
        "energy (Wh, low–high)", f"{energy['wh']} ({energy['wh_low']}–{energy['wh_high']})"
    )
    table.add_row(
        "emissions (g CO2e)",
        f"{energy['g_co2e']} at {energy['grid_intensity_g_per_kwh']} g CO2e/kWh",
    )
    console.print(table)
    if not live["complete"]:
        console.print(f"Only the newest {live['entries_scanned']} entries were read.")
    checkpoint = _section(log["checkpoint"])
    console.print(f"Log: {log['size']} entries; latest checkpoint size {checkpoint.get('size')}")
    console.print(f"Public key: {log['public_key']}", markup=False, highlight=False)


def build_transparency_cli() -> typer.Typer:
    app = typer.Typer(no_args_is_help=True, help="The public transparency record.")

    @app.command("show")
    def show(
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the record as /transparency.json serves it.")
        ] = False,
        data_dir: DataDir = None,
    ) -> None:
        """Print what /transparency shows: texts, versions, live figures and the log's state."""
        from web.bootstrap import build_services, transparency_source
        from web.cli.startup import starting

        settings = read_settings(data_dir)
        console = Console()
        with starting(console):
            services = build_services(settings, hooks_enabled=False)
        try:
            record = transparency_source(services, settings).record()
        except ConfigurationError as exc:
            console.print(f"[red]{exc}[/]")
            raise typer.Exit(2) from None
        finally:
            services.close()
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            _print(console, record)

    return app
