"""The JSON Schema (draft 2020-12) of /transparency.json, published at /transparency.schema.json."""

from __future__ import annotations

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "/transparency.schema.json"

JsonSchema = dict[str, object]

_TEXT: JsonSchema = {"type": "string", "minLength": 1}
_DATE: JsonSchema = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TIME: JsonSchema = {"type": "string", "format": "date-time"}
_COUNT: JsonSchema = {"type": "integer", "minimum": 0}
_SHARE: JsonSchema = {"type": ["number", "null"], "minimum": 0, "maximum": 1}


def _object(properties: dict[str, JsonSchema], optional: tuple[str, ...] = ()) -> JsonSchema:
    """A closed object whose properties are all required unless named in `optional`."""
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _nullable(schema: JsonSchema) -> JsonSchema:
    return {"anyOf": [schema, {"type": "null"}]}


def _decision() -> JsonSchema:
    return _object({"count": _COUNT, "share": _SHARE})


_WH: JsonSchema = {"type": "number", "minimum": 0}


def _energy() -> JsonSchema:
    return _object(
        {
            "method": _TEXT,
            "grid_intensity_g_per_kwh": _WH,
            "grid_intensity_source": _TEXT,
            "replies_estimated": _COUNT,
            "wh": _WH,
            "wh_low": _WH,
            "wh_high": _WH,
            "g_co2e": _WH,
            "g_co2e_low": _WH,
            "g_co2e_high": _WH,
            "wh_per_reply": {"type": ["number", "null"], "minimum": 0},
            "days": {
                "type": "array",
                "items": _object(
                    {
                        "day": _DATE,
                        "replies": {"type": "integer", "minimum": 1},
                        "wh": _WH,
                        "wh_low": _WH,
                        "wh_high": _WH,
                        "g_co2e": _WH,
                    }
                ),
            },
        }
    )


def _sections() -> dict[str, JsonSchema]:
    return {
        "organisation": _object(
            {
                "name": _TEXT,
                "assistant_name": _TEXT,
                "owner": _TEXT,
                "responsible_role": _TEXT,
                "contact": _object(
                    {
                        "phone": _TEXT,
                        "email": _TEXT,
                        "address": {"type": "string"},
                        "url": {"type": "string"},
                        "hours": {"type": "string"},
                    }
                ),
            }
        ),
        "purpose": _object(
            {
                name: _TEXT
                for name in ("purpose", "scope", "decisions", "legal_basis", "risks", "complaints")
            }
        ),
        "ai_system": _object(
            {
                "is_ai_system": {"const": True},
                "disclosure_version": _TEXT,
                "disclosure": _TEXT,
                "how_to_reach_a_person": _TEXT,
            }
        ),
        "model": _object(
            {
                "answer_mode": {"enum": ["extractive", "model"]},
                "name": {"type": ["string", "null"]},
                "configured_model": _TEXT,
                "model_switched_on": {"type": "boolean"},
                "runs_locally": {"type": "boolean"},
            }
        ),
        "knowledge_base": _object(
            {
                "version": {"type": ["string", "null"]},
                "sources": {"type": ["integer", "null"], "minimum": 0},
                "last_updated": _nullable(_TIME),
            }
        ),
        "data": _object(
            {
                "kept": {
                    "type": "array",
                    "minItems": 1,
                    "items": _object({"what": _TEXT, "kept_for": _TEXT}),
                },
                "erasure": _TEXT,
            }
        ),
        "guards": _object(
            {
                "policy_version": _TEXT,
                "limits": _TEXT,
                "max_message_chars": _COUNT,
                "max_guard_chars": _COUNT,
                "personal_data": {"enum": ["block", "redact"]},
                "personal_data_kinds": {"type": "array", "items": _TEXT},
                "categories": {
                    "type": "array",
                    "items": _object(
                        {"name": _TEXT, "action": {"enum": ["crisis", "escalate", "refuse"]}}
                    ),
                },
                "answer_threshold": {"type": "number", "minimum": 0, "maximum": 1},
            }
        ),
        "evaluation": _object(
            {
                "measured": _DATE,
                "source": _TEXT,
                "figures": {
                    "type": "array",
                    "items": _object(
                        {
                            "set": _TEXT,
                            "measure": _TEXT,
                            "hits": _COUNT,
                            "total": {"type": "integer", "minimum": 1},
                            "share": {"type": "number", "minimum": 0, "maximum": 1},
                        }
                    ),
                },
                "known_failures": {"type": "array", "items": _TEXT},
            }
        ),
        "live": _object(
            {
                "days": {"type": "integer", "minimum": 1},
                "from": _TIME,
                "to": _TIME,
                "complete": {"type": "boolean"},
                "entries_scanned": _COUNT,
                "conversations": _COUNT,
                "replies": _COUNT,
                "answered": _decision(),
                "refused": _decision(),
                "escalated": _decision(),
                "blocked": _decision(),
                "escalations_reached_by_a_person": _COUNT,
                "median_seconds_to_a_person": {"type": ["number", "null"], "minimum": 0},
            }
        ),
        "energy": _energy(),
        "log": _object(
            {
                "origin": _TEXT,
                "size": _COUNT,
                "public_key": _TEXT,
                "checkpoint": _nullable(_object({"size": _COUNT, "root": _TEXT, "note": _TEXT})),
                "witnesses": {
                    "type": "array",
                    "items": _object(
                        {"name": _TEXT, "key": _TEXT, "cosigned_latest": {"type": "boolean"}}
                    ),
                },
                "checkpoint_url": _TEXT,
                "public_key_url": _TEXT,
            }
        ),
    }


def record_schema() -> JsonSchema:
    """The schema, built fresh on each call (callers may not share a mutable dict)."""
    schema = _object(
        {
            "$schema": {"type": "string"},
            "record_version": {"const": 1},
            "generated_at": _TIME,
            "last_changed": _DATE,
            **_sections(),
        }
    )
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "OpenCounter public transparency record",
        "description": "What the public may know about this AI assistant; figures are computed.",
        **schema,
    }
