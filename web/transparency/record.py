"""The transparency record as JSON: what the public may know, assembled from computed parts.

Every figure and version comes from the running system (log, knowledge base, guard policy,
settings); the organisation's statements come from its YAML file. `RecordParts` carries
plain values so that building the record needs no database and is easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.organisation import Disclosure, Organisation
from web.log_figures import DayEnergy, energy_total, grams_co2e
from web.transparency.evaluation import Evaluation
from web.transparency.figures import DecisionShare, LiveFigures
from web.transparency.texts import RecordTexts
from web.transparency.window import RecentLog, entry_time

RECORD_VERSION = 1
SCHEMA_PATH = "/transparency.schema.json"

JsonObject = dict[str, object]


@dataclass(frozen=True)
class GuardFacts:
    policy_version: str
    max_guard_chars: int
    max_message_chars: int
    personal_data: str  # "block" or "redact"
    personal_data_kinds: tuple[str, ...]
    categories: tuple[tuple[str, str], ...]  # (name, action)
    answer_threshold: float


@dataclass(frozen=True)
class ModelFacts:
    answer_mode: str  # "extractive" or the model's name
    configured_model: str
    model_switch_on: bool


@dataclass(frozen=True)
class WitnessFacts:
    name: str
    key: str
    cosigned_latest: bool


@dataclass(frozen=True)
class CheckpointFacts:
    size: int
    root_base64: str
    note: str


@dataclass(frozen=True)
class LogFacts:
    origin: str
    size: int
    public_key: str
    checkpoint: CheckpointFacts | None
    witnesses: tuple[WitnessFacts, ...]


@dataclass(frozen=True)
class EnergyFacts:
    """The window's replies' energy per day (web.log_figures) and the grid it is weighed by."""

    days: tuple[DayEnergy, ...]
    grid_g_per_kwh: float
    grid_source: str


@dataclass(frozen=True)
class RecordParts:
    now: datetime
    window_days: int
    organisation: Organisation
    disclosure: Disclosure
    texts: RecordTexts
    evaluation: Evaluation
    guards: GuardFacts
    model: ModelFacts
    kb_version: str | None
    recent: RecentLog
    live: LiveFigures
    log: LogFacts
    energy: EnergyFacts


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def last_changed(parts: RecordParts) -> date:
    """The newest of: texts reviewed, evaluation measured, KB updated, configuration changed.

    Live figures move every day and are dated by `generated_at` instead.
    """
    days = [parts.texts.reviewed, parts.evaluation.measured]
    for entry in (parts.recent.kb_version, parts.recent.config_change):
        if entry is not None:
            days.append(entry_time(entry).date())
    return max(days)


def _organisation(parts: RecordParts) -> JsonObject:
    org, texts = parts.organisation, parts.texts
    return {
        "name": org.name,
        "assistant_name": org.assistant_name,
        "owner": texts.owner,
        "responsible_role": texts.responsible_role,
        "contact": {
            "phone": org.contact.phone,
            "email": org.contact.email,
            "address": org.contact.address,
            "url": org.contact.url,
            "hours": org.contact.hours_in("en"),
        },
    }


def _ai_system(parts: RecordParts) -> JsonObject:
    return {
        "is_ai_system": True,
        "disclosure_version": parts.disclosure.version,
        "disclosure": parts.disclosure.text("en").body,
        "how_to_reach_a_person": parts.texts.human_alternative,
    }


def _model(parts: RecordParts) -> JsonObject:
    extractive = parts.model.answer_mode == "extractive"
    return {
        "answer_mode": "extractive" if extractive else "model",
        "name": None if extractive else parts.model.answer_mode,
        "configured_model": parts.model.configured_model,
        "model_switched_on": parts.model.model_switch_on,
        # Extractive answers use no model; a model is served by the organisation's own
        # Ollama server (compose.yaml): no question leaves its machines.
        "runs_locally": True,
    }


def _knowledge_base(parts: RecordParts) -> JsonObject:
    ingest = parts.recent.kb_version
    documents = ingest.get("documents") if ingest is not None else None
    return {
        "version": parts.kb_version,
        "sources": documents if isinstance(documents, int) else None,
        "last_updated": str(ingest["ts"]) if ingest is not None else None,
    }


def _guards(parts: RecordParts) -> JsonObject:
    g = parts.guards
    return {
        "policy_version": g.policy_version,
        "limits": parts.texts.guard_limits,
        "max_message_chars": g.max_message_chars,
        "max_guard_chars": g.max_guard_chars,
        "personal_data": g.personal_data,
        "personal_data_kinds": list(g.personal_data_kinds),
        "categories": [{"name": name, "action": action} for name, action in g.categories],
        "answer_threshold": g.answer_threshold,
    }


def _evaluation(parts: RecordParts) -> JsonObject:
    e = parts.evaluation
    return {
        "measured": e.measured.isoformat(),
        "source": e.source,
        "figures": [
            {"set": f.set, "measure": f.measure, "hits": f.hits, "total": f.total, "share": f.share}
            for f in e.figures
        ],
        "known_failures": list(e.known_failures),
    }


def _decision(share: DecisionShare) -> JsonObject:
    return {"count": share.count, "share": share.share}


def _live(parts: RecordParts) -> JsonObject:
    live, recent = parts.live, parts.recent
    return {
        "days": parts.window_days,
        "from": _iso(recent.since),
        "to": _iso(recent.until),
        "complete": recent.complete,
        "entries_scanned": recent.scanned,
        "conversations": live.conversations,
        "replies": live.replies,
        "answered": _decision(live.answered),
        "refused": _decision(live.refused),
        "escalated": _decision(live.escalated),
        "blocked": _decision(live.blocked),
        "escalations_reached_by_a_person": live.escalations_reached_by_a_person,
        "median_seconds_to_a_person": live.median_seconds_to_a_person,
    }


ENERGY_METHOD = (
    "Estimated per reply from the CPU time spent on it (and, with a language model, its tokens "
    "and size), with published power and overhead coefficients; low and high bounds give the "
    "uncertainty. Emissions are energy times the grid intensity. Method and sources: "
    "bot/energy.py and the README, 'Energy per reply'."
)


def _wh(uwh: int) -> float:
    return round(uwh / 1e6, 6)


def _grams(uwh: int, grid: float) -> float:
    return round(grams_co2e(uwh, grid), 6)


def _energy(parts: RecordParts) -> JsonObject:
    energy = parts.energy
    grid = energy.grid_g_per_kwh
    total = energy_total(energy.days)
    return {
        "method": ENERGY_METHOD,
        "grid_intensity_g_per_kwh": grid,
        "grid_intensity_source": energy.grid_source,
        "replies_estimated": total.replies,
        "wh": _wh(total.uwh),
        "wh_low": _wh(total.uwh_low),
        "wh_high": _wh(total.uwh_high),
        "g_co2e": _grams(total.uwh, grid),
        "g_co2e_low": _grams(total.uwh_low, grid),
        "g_co2e_high": _grams(total.uwh_high, grid),
        "wh_per_reply": _wh(round(total.uwh / total.replies)) if total.replies else None,
        "days": [
            {
                "day": day.day,
                "replies": day.replies,
                "wh": _wh(day.uwh),
                "wh_low": _wh(day.uwh_low),
                "wh_high": _wh(day.uwh_high),
                "g_co2e": _grams(day.uwh, grid),
            }
            for day in energy.days
        ],
    }


def _log(parts: RecordParts) -> JsonObject:
    log = parts.log
    checkpoint = log.checkpoint
    return {
        "origin": log.origin,
        "size": log.size,
        "public_key": log.public_key,
        "checkpoint": None
        if checkpoint is None
        else {"size": checkpoint.size, "root": checkpoint.root_base64, "note": checkpoint.note},
        "witnesses": [
            {"name": w.name, "key": w.key, "cosigned_latest": w.cosigned_latest}
            for w in log.witnesses
        ],
        "checkpoint_url": "/audit/checkpoint",
        "public_key_url": "/audit/key",
    }


def build_record(parts: RecordParts) -> JsonObject:
    """The record, ready for JSON; its shape is `record_schema()`."""
    texts = parts.texts
    return {
        "$schema": SCHEMA_PATH,
        "record_version": RECORD_VERSION,
        "generated_at": _iso(parts.now),
        "last_changed": last_changed(parts).isoformat(),
        "organisation": _organisation(parts),
        "purpose": {
            "purpose": texts.purpose,
            "scope": texts.scope,
            "decisions": texts.decisions,
            "legal_basis": texts.legal_basis,
            "risks": texts.risks,
            "complaints": texts.complaints,
        },
        "ai_system": _ai_system(parts),
        "model": _model(parts),
        "knowledge_base": _knowledge_base(parts),
        "data": {
            "kept": [{"what": d.what, "kept_for": d.kept_for} for d in texts.data_kept],
            "erasure": texts.erasure,
        },
        "guards": _guards(parts),
        "evaluation": _evaluation(parts),
        "live": _live(parts),
        "energy": _energy(parts),
        "log": _log(parts),
    }
