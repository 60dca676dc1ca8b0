"""The organisation behind the assistant, its contacts and the AI disclosure, from YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import yaml

LANGUAGES = ("en", "fr")


class ConfigurationError(Exception):
    """A configuration file is missing, unreadable or lacks a required field."""


@dataclass(frozen=True)
class Contact:
    phone: str
    email: str
    address: str
    url: str
    hours: dict[str, str]
    urls: dict[str, str] = field(default_factory=dict)

    def hours_in(self, lang: str) -> str:
        return self.hours.get(lang) or self.hours.get("en", "")

    def url_in(self, lang: str) -> str:
        return self.urls.get(lang) or self.url


@dataclass(frozen=True)
class Organisation:
    name: str
    assistant_name: str
    contact: Contact
    names: dict[str, str] = field(default_factory=dict)

    def name_in(self, lang: str) -> str:
        return self.names.get(lang) or self.name


@dataclass(frozen=True)
class DisclosureText:
    heading: str
    body: str
    person: str
    record: str


@dataclass(frozen=True)
class Disclosure:
    version: str
    texts: dict[str, DisclosureText]

    def text(self, lang: str) -> DisclosureText:
        return self.texts.get(lang) or self.texts["en"]


def _load_yaml(path: Path | None, default_name: str) -> dict[str, object]:
    try:
        raw = (
            path.read_text(encoding="utf-8")
            if path is not None
            else (files("bot") / "config" / default_name).read_text(encoding="utf-8")
        )
        data = yaml.safe_load(raw)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        where = path or default_name
        raise ConfigurationError(f"Cannot read {where}: {exc}. Fix or replace the file.") from exc
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path or default_name} must be a YAML mapping.")
    return data


def _require(data: dict[str, object], key: str, where: str) -> object:
    if key not in data:
        raise ConfigurationError(f"{where} lacks the field '{key}'.")
    return data[key]


def load_organisation(path: Path | None = None) -> Organisation:
    data = _load_yaml(path, "organisation.yaml")
    where = str(path or "organisation.yaml")
    contact = _require(data, "contact", where)
    if not isinstance(contact, dict):
        raise ConfigurationError(f"{where}: 'contact' must be a mapping.")
    hours = contact.get("hours", {})
    urls = contact.get("urls", {})
    names = data.get("names", {})
    return Organisation(
        name=str(_require(data, "name", where)),
        assistant_name=str(data.get("assistant_name", "Assistant")),
        contact=Contact(
            phone=str(_require(contact, "phone", where)),
            email=str(_require(contact, "email", where)),
            address=str(contact.get("address", "")),
            url=str(contact.get("url", "")),
            hours={str(k): str(v) for k, v in hours.items()} if isinstance(hours, dict) else {},
            urls={str(k): str(v) for k, v in urls.items()} if isinstance(urls, dict) else {},
        ),
        names={str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {},
    )


def load_disclosure(organisation: Organisation, path: Path | None = None) -> Disclosure:
    data = _load_yaml(path, "disclosure.yaml")
    where = str(path or "disclosure.yaml")
    texts = _require(data, "texts", where)
    if not isinstance(texts, dict) or "en" not in texts:
        raise ConfigurationError(f"{where}: 'texts' must have at least an 'en' entry.")
    parsed: dict[str, DisclosureText] = {}
    for lang, entry in texts.items():
        if not isinstance(entry, dict):
            raise ConfigurationError(f"{where}: texts.{lang} must be a mapping.")
        parsed[str(lang)] = DisclosureText(
            heading=str(_require(entry, "heading", where)),
            body=str(_require(entry, "body", where)).format(
                organisation=organisation.name_in(str(lang))
            ),
            person=str(_require(entry, "person", where)),
            record=str(_require(entry, "record", where)),
        )
    return Disclosure(version=str(_require(data, "version", where)), texts=parsed)
