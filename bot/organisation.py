"""The organisation behind the assistant, its contacts and the AI disclosure, from YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from bot.handoff.hours import InvalidOpeningHours, OpeningHours

LANGUAGES = ("en", "fr")


class ConfigurationError(Exception):
    """A configuration file is missing, unreadable or lacks a required field."""


@dataclass(frozen=True)
class Contact:
    phone: str
    email: str
    address: str
    url: str
    # When people answer: the one source that the queue (bot.handoff.desk) and every reply
    # that quotes the hours both read.
    opening: OpeningHours
    urls: dict[str, str] = field(default_factory=dict)

    def hours_in(self, lang: str) -> str:
        return self.opening.describe(lang)

    def url_in(self, lang: str) -> str:
        return self.urls.get(lang) or self.url


@dataclass(frozen=True)
class EnforcementBody:
    """Who enforces the accessibility rules for public sector websites where the organisation
    is (Directive (EU) 2016/2102, Article 9), named in the accessibility statement."""

    name: str
    url: str
    email: str = ""


@dataclass(frozen=True)
class Organisation:
    name: str
    assistant_name: str
    contact: Contact
    names: dict[str, str] = field(default_factory=dict)
    # Optional: without it the statement says that such a body exists, not which one.
    enforcement: EnforcementBody | None = None

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
            opening=_opening(contact, where),
            urls={str(k): str(v) for k, v in urls.items()} if isinstance(urls, dict) else {},
        ),
        names={str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {},
        enforcement=_enforcement(data.get("accessibility_enforcement"), where),
    )


def _enforcement(value: object, where: str) -> EnforcementBody | None:
    if value is None:
        return None
    field_name = f"{where}: 'accessibility_enforcement'"
    if not isinstance(value, dict):
        raise ConfigurationError(f"{field_name} must be a mapping with 'name' and 'url'.")
    name, url = str(value.get("name") or "").strip(), str(value.get("url") or "").strip()
    if not name or not url:
        raise ConfigurationError(f"{field_name} needs both 'name' and 'url'.")
    # Shown as a link on a public page: a web address, never a script or another scheme.
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise ConfigurationError(
            f"{field_name}: 'url' must be an http or https address, not {url[:80]!r}."
        )
    return EnforcementBody(name=name, url=url, email=str(value.get("email") or "").strip())


def _opening(contact: dict[str, object], where: str) -> OpeningHours:
    if "hours" in contact:
        raise ConfigurationError(
            f"{where}: 'contact.hours' is no longer read: the hours citizens are told are written "
            "from 'contact.opening', which also decides when people answer live. Replace it with "
            "e.g. opening: {schedule: 'mon-fri 09:00-17:00', timezone: Europe/London}."
        )
    if "opening" not in contact:
        raise ConfigurationError(
            f"{where}: 'contact' lacks 'opening', the hours when people answer live. Add e.g. "
            "opening: {schedule: 'mon-fri 09:00-17:00', timezone: Europe/London} "
            "(or schedule: always)."
        )
    opening = contact["opening"]
    if not isinstance(opening, dict):
        raise ConfigurationError(f"{where}: 'contact.opening' must be a mapping.")
    schedule = str(_require(opening, "schedule", f"{where}: contact.opening"))
    zone = str(opening.get("timezone", "UTC"))
    try:
        return OpeningHours.parse(schedule, zone)
    except InvalidOpeningHours as exc:
        raise ConfigurationError(f"{where}: contact.opening: {exc}.") from exc


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
