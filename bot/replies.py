"""The engine's fixed replies, per language, filled with the organisation's contact details."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import yaml

from bot.organisation import ConfigurationError, Organisation

REPLY_KEYS = ("answer_intro", "not_covered", "offer_person", "person_requested", "kb_unavailable")


@dataclass(frozen=True)
class Replies:
    texts: dict[str, dict[str, str]]
    organisation: Organisation

    def get(self, key: str, lang: str) -> str:
        table = self.texts.get(lang) or self.texts["en"]
        contact = self.organisation.contact
        return table[key].format(
            organisation=self.organisation.name_in(lang),
            phone=contact.phone,
            email=contact.email,
            address=contact.address,
            url=contact.url_in(lang),
            hours=contact.hours_in(lang),
        )


def load_replies(organisation: Organisation, path: Path | None = None) -> Replies:
    try:
        raw = (
            path.read_text(encoding="utf-8")
            if path
            else (files("bot") / "config" / "replies.yaml").read_text(encoding="utf-8")
        )
        data = yaml.safe_load(raw)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigurationError(f"Cannot read the replies file: {exc}") from exc
    if not isinstance(data, dict) or "en" not in data:
        raise ConfigurationError("The replies file needs at least an 'en' section.")
    texts: dict[str, dict[str, str]] = {}
    for lang, table in data.items():
        if not isinstance(table, dict):
            raise ConfigurationError(f"Replies for '{lang}' must be a mapping.")
        missing = [k for k in REPLY_KEYS if k not in table]
        if missing:
            raise ConfigurationError(f"Replies for '{lang}' lack: {', '.join(missing)}.")
        texts[str(lang)] = {str(k): str(v) for k, v in table.items()}
    return Replies(texts=texts, organisation=organisation)
