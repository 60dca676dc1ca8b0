"""The latest evaluation figures for the record: counts read from a YAML file, shares computed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import yaml

from bot.organisation import ConfigurationError


@dataclass(frozen=True)
class EvaluationFigure:
    set: str
    measure: str
    hits: int
    total: int

    @property
    def share(self) -> float:
        return round(self.hits / self.total, 4)


@dataclass(frozen=True)
class Evaluation:
    measured: date
    source: str
    figures: tuple[EvaluationFigure, ...]
    # Kinds of message the system is known to get wrong on the same sets, in plain words.
    known_failures: tuple[str, ...] = ()


def _figure(item: object, where: str) -> EvaluationFigure:
    if not isinstance(item, dict):
        raise ConfigurationError(f"{where}: each figure must be a mapping.")
    hits, total = item.get("hits"), item.get("total")
    if (
        not isinstance(hits, int)
        or not isinstance(total, int)
        or not 0 <= hits <= total
        or not total
    ):
        raise ConfigurationError(
            f"{where}: figure {item.get('measure')!r} needs counts 0 <= hits <= total, total > 0."
        )
    return EvaluationFigure(str(item.get("set", "")), str(item.get("measure", "")), hits, total)


def load_evaluation(path: Path | None = None) -> Evaluation:
    """Figures from `path` or the shipped web/transparency/evaluation.yaml."""
    where = str(path or "web/transparency/evaluation.yaml")
    try:
        raw = (
            path.read_text(encoding="utf-8")
            if path is not None
            else (files("web.transparency") / "evaluation.yaml").read_text(encoding="utf-8")
        )
        data = yaml.safe_load(raw)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"Cannot read {where}: {exc}.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("figures"), list):
        raise ConfigurationError(f"{where} must be a mapping with a 'figures' list.")
    measured = data.get("measured")
    try:
        day = measured if isinstance(measured, date) else date.fromisoformat(str(measured))
    except ValueError:
        raise ConfigurationError(f"{where}: 'measured' must be a date, not {measured!r}.") from None
    failures = data.get("known_failures", [])
    if not isinstance(failures, list) or not all(isinstance(f, str) for f in failures):
        raise ConfigurationError(f"{where}: 'known_failures' must be a list of sentences.")
    return Evaluation(
        measured=day,
        source=str(data.get("source", where)),
        figures=tuple(_figure(item, where) for item in data["figures"]),
        known_failures=tuple(failures),
    )
