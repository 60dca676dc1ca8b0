"""The organisation's own statements on the impact assessment: the optional `impact:` section of
its organisation file (bot/config/organisation.yaml, or OPENCOUNTER_ORGANISATION_FILE).

The section is free text, one answer per criterion, dated by `reviewed`; the impact page shows
it apart from what is computed. A file without the section is valid: the page then says the
organisation has not published its statements yet. A section that is there but malformed is a
configuration error, named with the field to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.organisation import ConfigurationError
from web.transparency.texts import read_config, reviewed_date

# The criteria an organisation may answer, in the order the page shows them.
STATEMENT_KEYS = (
    "purpose",
    "public_interest",
    "alternatives",
    "fairness",
    "legality",
    "data_protection",
    "human_oversight",
    "participation",
    "complaints",
    "impact_level",
)


@dataclass(frozen=True)
class ImpactStatements:
    """What the organisation says, per criterion (absent keys: not stated), and when it said it."""

    reviewed: date
    statements: dict[str, str]
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def in_language(self, lang: str) -> dict[str, str]:
        """The statements written in `lang`, English where a statement was not translated."""
        return {**self.statements, **self.translations.get(lang, {})}


def _texts(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigurationError(f"{where} must map criteria to texts.")
    unknown = sorted(str(key) for key in value if key not in STATEMENT_KEYS)
    if unknown:
        raise ConfigurationError(
            f"{where} has unknown field(s) {', '.join(unknown)}; use {', '.join(STATEMENT_KEYS)}."
        )
    texts = {}
    for key, text in value.items():
        if not isinstance(text, str | int | float) or isinstance(text, bool):
            raise ConfigurationError(f"{where}.{key} must be a text.")
        if str(text).strip():
            texts[str(key)] = str(text).strip()
    return texts


def load_impact_statements(path: Path | None = None) -> ImpactStatements | None:
    """The `impact:` section of the organisation file; None when the file has none."""
    data, where = read_config(path, "organisation.yaml")
    if not isinstance(data, dict):
        raise ConfigurationError(f"{where} must be a YAML mapping.")
    section = data.get("impact")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigurationError(f"{where}: 'impact' must be a mapping.")
    if "reviewed" not in section:
        raise ConfigurationError(
            f"{where}: 'impact' lacks 'reviewed', the date the statements were last reviewed."
        )
    translations = section.get("translations") or {}
    if not isinstance(translations, dict):
        raise ConfigurationError(f"{where}: impact.translations must map a language to texts.")
    return ImpactStatements(
        reviewed=reviewed_date(section["reviewed"], where, "impact.reviewed"),
        statements=_texts(section.get("statements") or {}, f"{where}: impact.statements"),
        translations={
            str(lang): _texts(texts, f"{where}: impact.translations.{lang}")
            for lang, texts in translations.items()
        },
    )
