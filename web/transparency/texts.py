"""The organisation's own statements on the transparency record, read from YAML."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from importlib.resources import files
from pathlib import Path

import yaml

from bot.organisation import ConfigurationError

_REQUIRED_TEXTS = (
    "owner",
    "responsible_role",
    "purpose",
    "scope",
    "human_alternative",
    "decisions",
    "erasure",
    "legal_basis",
    "complaints",
    "guard_limits",
    "risks",
)


@dataclass(frozen=True)
class DataKept:
    what: str
    kept_for: str


@dataclass(frozen=True)
class RecordTexts:
    """What the organisation says about the system; `reviewed` is when it last said it."""

    reviewed: date
    owner: str
    responsible_role: str
    purpose: str
    scope: str
    human_alternative: str
    decisions: str
    erasure: str
    legal_basis: str
    complaints: str
    guard_limits: str
    risks: str
    data_kept: tuple[DataKept, ...]
    # The same statements in other languages (the file's `translations`), English the default.
    translations: dict[str, RecordTexts] = field(default_factory=dict)

    def in_language(self, lang: str) -> RecordTexts:
        """The statements as written in `lang`, or in English where none were written."""
        return self.translations.get(lang, self)


def read_config(path: Path | None, shipped: str) -> tuple[object, str]:
    """The YAML file at `path`, or the shipped `bot/config/<shipped>`, and where it was read;
    ConfigurationError naming the file when it cannot be read or parsed."""
    where = str(path or f"bot/config/{shipped}")
    try:
        raw = (
            path.read_text(encoding="utf-8")
            if path is not None
            else (files("bot") / "config" / shipped).read_text(encoding="utf-8")
        )
        return yaml.safe_load(raw), where
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"Cannot read {where}: {exc}. Fix or replace the file.") from exc


def reviewed_date(value: object, where: str, field_name: str = "'reviewed'") -> date:
    """A texts file's review date; ConfigurationError naming `field_name` when it is none."""
    # YAML reads an unquoted 2026-11-23 as a date and a quoted one as a string: accept both.
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigurationError(
            f"{where}: {field_name} must be a date such as 2026-11-23, not {value!r}."
        ) from None


def _data_kept(value: object, where: str) -> tuple[DataKept, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigurationError(f"{where}: 'data_kept' must be a non-empty list.")
    kept = []
    for item in value:
        if not isinstance(item, dict) or "what" not in item or "kept_for" not in item:
            raise ConfigurationError(f"{where}: each 'data_kept' item needs 'what' and 'kept_for'.")
        kept.append(DataKept(str(item["what"]).strip(), str(item["kept_for"]).strip()))
    return tuple(kept)


def load_record_texts(path: Path | None = None) -> RecordTexts:
    """The texts from `path`, or the shipped City of Exampleton file; raises ConfigurationError."""
    data, where = read_config(path, "transparency.yaml")
    if not isinstance(data, dict):
        raise ConfigurationError(f"{where} must be a YAML mapping.")
    missing = [key for key in ("reviewed", "data_kept", *_REQUIRED_TEXTS) if key not in data]
    if missing:
        raise ConfigurationError(f"{where} lacks the field(s) {', '.join(missing)}.")
    english = _statements(
        {key: str(data[key]).strip() for key in _REQUIRED_TEXTS},
        reviewed_date(data["reviewed"], where),
        _data_kept(data["data_kept"], where),
    )
    return replace(english, translations=_translations(data.get("translations"), english, where))


def _statements(text: dict[str, str], reviewed: date, kept: tuple[DataKept, ...]) -> RecordTexts:
    return RecordTexts(
        reviewed=reviewed,
        owner=text["owner"],
        responsible_role=text["responsible_role"],
        purpose=text["purpose"],
        scope=text["scope"],
        human_alternative=text["human_alternative"],
        decisions=text["decisions"],
        erasure=text["erasure"],
        legal_basis=text["legal_basis"],
        complaints=text["complaints"],
        guard_limits=text["guard_limits"],
        risks=text["risks"],
        data_kept=kept,
    )


def _translations(value: object, english: RecordTexts, where: str) -> dict[str, RecordTexts]:
    """Each language's statements; a statement not translated stays in English."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigurationError(f"{where}: 'translations' must map a language to its texts.")
    found: dict[str, RecordTexts] = {}
    for lang, texts in value.items():
        if not isinstance(texts, dict):
            raise ConfigurationError(f"{where}: translations.{lang} must be a mapping.")
        unknown = sorted(set(map(str, texts)) - {*_REQUIRED_TEXTS, "data_kept"})
        if unknown:
            raise ConfigurationError(
                f"{where}: translations.{lang} has unknown field(s) {', '.join(unknown)}; "
                f"use those of the English texts ({', '.join(_REQUIRED_TEXTS)}, data_kept)."
            )
        strings = {key: getattr(english, key) for key in _REQUIRED_TEXTS}
        strings.update({str(k): str(v).strip() for k, v in texts.items() if k in _REQUIRED_TEXTS})
        kept = (
            _data_kept(texts["data_kept"], f"{where} translations.{lang}")
            if "data_kept" in texts
            else english.data_kept
        )
        found[str(lang)] = _statements(strings, english.reviewed, kept)
    return found
