"""The guard policy: categories, patterns, replies per language and actions, from YAML.

A deployment reviews and versions its own policy file; `GuardPolicy.default()` is the
reviewed default shipped in `bot/policies/default.yaml`. Every loading problem is a
`PolicyError` that names the place in the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import cast

import yaml

from bot.guards.intent_data import INTENTS
from bot.guards.pii_contact import ContactPolicy
from bot.guards.rules import SIGNALS, Category, Rule
from bot.guards.verdict import GuardAction

CATEGORY_ACTIONS = frozenset({"crisis", "escalate", "refuse"})
PII_KINDS = frozenset({
    "iban", "payment_card", "uk_nino", "fr_nir", "ca_sin", "nl_bsn", "ee_isikukood",
    "es_dni_nie", "uk_nhs_number", "email", "phone", "name_dob_address", "name", "address",
    "credential", "document_number", "bank_account", "account_number", "postcode", "ip_address",
    "web_address", "first_name", "vehicle_plate",
})  # fmt: skip
FIXED_REPLIES = ("too_long", "empty")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# A group with an unbounded quantifier inside, itself repeated without bound: "(a+)+",
# "(\w*x)*", "(a+b){2,}". Bounded repeats such as "(?:\w+ ){0,3}" are allowed.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")


class PolicyError(ValueError):
    """The policy file cannot be used; the message says where and why."""


PII_ACTIONS = frozenset({"block", "redact"})
# Said to the citizen beside the answer when data was removed, if the policy gives no text.
DEFAULT_REDACTED_NOTICE = {
    "en": "To protect you, I removed {kinds} from your message before answering it.",
    "fr": "Pour vous protéger, j'ai retiré {kinds} de votre message avant d'y répondre.",
}


@dataclass(frozen=True)
class PIIPolicy:
    """Which personal data is looked for, how it is named to the citizen, what is public.

    `actions` holds the kinds whose `action` the file sets (block or redact); the others
    follow the deployment's global personal-data mode.
    """

    kinds: Mapping[str, Mapping[str, str]]
    reply: Mapping[str, str]
    contact: ContactPolicy
    actions: Mapping[str, str] = field(default_factory=dict)
    redacted_notice: Mapping[str, str] = field(
        default_factory=lambda: dict(DEFAULT_REDACTED_NOTICE)
    )


# Safe loading with libyaml's parser when PyYAML was built with it, else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class GuardPolicy:
    """A loaded, validated guard policy."""

    version: str
    max_chars: int
    contacts: Mapping[str, str]
    replies: Mapping[str, Mapping[str, str]]
    pii: PIIPolicy
    categories: tuple[Category, ...]
    # Intent class -> the category whose action and reply it takes when the learned
    # classifier decides it; a class not named here is logged but never acted on.
    intents: Mapping[str, str] = field(default_factory=dict)
    # In-scope questions the classifier takes for something else (a question about the
    # assistant itself read as a request for a person): a match overrules its request for a
    # person, out of scope or injection, never a crisis or a complaint, and never a rule; a
    # rule marked `read_without` overrules any class when the classifier, reading the message
    # without the rule's sentences, finds nothing left or a question in scope.
    in_scope: tuple[Rule, ...] = ()

    def intent_category(self, intent: str) -> Category | None:
        """The category the policy gives a class of the intent classifier, if any."""
        name = self.intents.get(intent)
        return next((c for c in self.categories if c.name == name), None)

    @classmethod
    def from_yaml(cls, path: Path) -> GuardPolicy:
        """Load and validate a policy file; raises PolicyError."""
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise PolicyError(f"{path}: cannot read the policy file: {error}") from error
        return cls.from_text(text, source=str(path))

    @classmethod
    def default(cls) -> GuardPolicy:
        """The reviewed default policy, bot/policies/default.yaml: read and compiled once per
        process (about a second: some 1,700 patterns, more than `re`'s own cache holds, with
        their gates), then shared, as it is never changed once loaded."""
        return _default_policy()

    @classmethod
    def from_text(cls, text: str, source: str = "<policy>") -> GuardPolicy:
        """Parse policy YAML given as a string; raises PolicyError."""
        try:
            # libyaml's parser when PyYAML has it: the same safe loading, some 20 times faster
            # (the default policy is read at every start, by every app a test run builds).
            data = yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - CSafeLoader or SafeLoader
        except yaml.YAMLError as error:
            raise PolicyError(f"{source}: not valid YAML: {error}") from error
        return _Loader(source).policy(data)

    def reply(self, key: str, lang: str) -> str:
        """A fixed reply (too_long, empty) in the language, English when missing."""
        return localised(self.replies[key], lang)


def localised(texts: Mapping[str, str], lang: str) -> str:
    """The text in the conversation's language, English as the fallback."""
    return texts.get(lang) or texts["en"]


@functools.cache
def _default_policy() -> GuardPolicy:
    resource = resources.files("bot").joinpath("policies", "default.yaml")
    return GuardPolicy.from_text(resource.read_text(encoding="utf-8"), source="default.yaml")


class _Loader:
    """Turns parsed YAML into a GuardPolicy, naming the path of each problem."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.contacts: dict[str, str] = {}

    def fail(self, where: str, problem: str) -> PolicyError:
        return PolicyError(f"{self.source}: {where}: {problem}")

    def mapping(self, value: object, where: str) -> dict[str, object]:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise self.fail(where, "expected a mapping with text keys")
        return cast(dict[str, object], value)

    def string(self, value: object, where: str) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(where, "expected text")
        return str(value)

    def strings(self, value: object, where: str) -> list[str]:
        if not isinstance(value, list):
            raise self.fail(where, "expected a list")
        return [self.string(item, f"{where}[{i}]") for i, item in enumerate(value)]

    def pattern(self, value: object, where: str) -> re.Pattern[str]:
        source = self.string(value, where)
        if _NESTED_QUANTIFIER.search(source):
            raise self.fail(where, f"pattern {source!r} nests quantifiers and may backtrack")
        try:
            return re.compile(source)
        except re.error as error:
            raise self.fail(where, f"invalid pattern {source!r}: {error}") from error

    def patterns(self, value: object, where: str) -> tuple[re.Pattern[str], ...]:
        if not isinstance(value, list):
            raise self.fail(where, "expected a list of patterns")
        # A shared list (a YAML alias such as `*distress_words`) may stand as one item beside a
        # rule's own patterns: its patterns are read in its place.
        flat = [p for item in value for p in (item if isinstance(item, list) else [item])]
        return tuple(self.pattern(item, f"{where}[{i}]") for i, item in enumerate(flat))

    def texts(
        self, value: object, where: str, allowed: frozenset[str] = frozenset()
    ) -> dict[str, str]:
        """Text per language; English is required; {placeholders} are filled from contacts."""
        texts = {k: self.string(v, f"{where}.{k}") for k, v in self.mapping(value, where).items()}
        if "en" not in texts:
            raise self.fail(where, "an English ('en') text is required as the fallback")
        for lang, text in texts.items():
            texts[lang] = self.fill(text, f"{where}.{lang}", allowed)
        return texts

    def fill(self, text: str, where: str, allowed: frozenset[str]) -> str:
        def _substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in allowed:
                return match.group(0)
            if name not in self.contacts:
                raise self.fail(where, f"unknown placeholder {{{name}}}")
            return self.contacts[name]

        return _PLACEHOLDER.sub(_substitute, text)

    def policy(self, data: object) -> GuardPolicy:
        root = self.mapping(data, "top level")
        for key in ("version", "contacts", "replies", "pii", "categories"):
            if key not in root:
                raise self.fail("top level", f"missing key {key!r}")
        contacts = self.mapping(root["contacts"], "contacts")
        self.contacts = {k: self.string(v, f"contacts.{k}") for k, v in contacts.items()}
        max_chars = root.get("max_chars", 8000)
        if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 1:
            raise self.fail("max_chars", "expected a positive whole number")
        replies = self.mapping(root["replies"], "replies")
        for key in FIXED_REPLIES:
            if key not in replies:
                raise self.fail("replies", f"missing reply {key!r}")
        categories = root["categories"]
        if not isinstance(categories, list):
            raise self.fail("categories", "expected a list")
        return GuardPolicy(
            version=self.string(root["version"], "version"),
            max_chars=max_chars,
            contacts=self.contacts,
            replies={k: self.texts(v, f"replies.{k}") for k, v in replies.items()},
            pii=self.pii(root["pii"]),
            categories=tuple(
                self.category(c, f"categories[{i}]") for i, c in enumerate(categories)
            ),
            intents=self.intents(root.get("intents", {}), categories),
            in_scope=self.rules(root.get("in_scope", []), "in_scope"),
        )

    def rules(self, value: object, where: str) -> tuple[Rule, ...]:
        if not isinstance(value, list):
            raise self.fail(where, "expected a list of rules")
        loaded = tuple(self.rule(r, f"{where}[{i}]") for i, r in enumerate(value))
        for i, rule in enumerate(loaded):
            # An in-scope rule that sets a doubtful crisis aside must be read beside a crisis.
            if rule.before_doubtful_crisis and "crisis" not in rule.beside:
                raise self.fail(
                    f"{where}[{i}].before_doubtful_crisis",
                    "an in-scope rule decided before a doubtful crisis needs 'beside: [crisis]'",
                )
        return loaded

    def intents(self, value: object, categories: list[object]) -> dict[str, str]:
        """The intent -> category mapping; both sides must exist."""
        mapping = {
            k: self.string(v, f"intents.{k}") for k, v in self.mapping(value, "intents").items()
        }
        names = {c.get("name") for c in categories if isinstance(c, dict)}
        for intent, name in mapping.items():
            if intent not in INTENTS:
                raise self.fail(f"intents.{intent}", f"unknown intent; known: {list(INTENTS)}")
            if name not in names:
                raise self.fail(f"intents.{intent}", f"no category named {name!r}")
        return mapping

    def pii(self, value: object) -> PIIPolicy:
        data = self.mapping(value, "pii")
        kinds = self.mapping(data.get("kinds"), "pii.kinds")
        unknown = set(kinds) - PII_KINDS
        if unknown:
            raise self.fail(
                "pii.kinds", f"unknown kinds {sorted(unknown)}; known: {sorted(PII_KINDS)}"
            )
        public = self.strings(data.get("public_numbers", []), "pii.public_numbers")
        public += list(self.contacts.values())
        contact = ContactPolicy(
            public_numbers=frozenset("".join(ch for ch in n if ch.isdigit()) for n in public),
            service_prefixes=tuple(
                self.strings(data.get("service_prefixes", []), "pii.service_prefixes")
            ),
            public_context=self.joined(data.get("public_context", []), "pii.public_context"),
            landline_public_context=self.joined(
                data.get("landline_public_context", []), "pii.landline_public_context"
            ),
            personal_context=self.joined(data.get("personal_context", []), "pii.personal_context"),
            phone_context=self.joined(data.get("phone_context", []), "pii.phone_context"),
            role_mailboxes=frozenset(
                self.strings(data.get("role_mailboxes", []), "pii.role_mailboxes")
            ),
            public_mail_domains=tuple(
                self.strings(data.get("public_mail_domains", []), "pii.public_mail_domains")
            ),
        )
        names: dict[str, dict[str, str]] = {}
        actions: dict[str, str] = {}
        for kind, described in kinds.items():
            entry = dict(self.mapping(described, f"pii.kinds.{kind}"))
            if "action" in entry:
                action = self.string(entry.pop("action"), f"pii.kinds.{kind}.action")
                if action not in PII_ACTIONS:
                    raise self.fail(
                        f"pii.kinds.{kind}.action",
                        f"{action!r} is not one of {sorted(PII_ACTIONS)}",
                    )
                actions[kind] = action
            names[kind] = self.texts(entry, f"pii.kinds.{kind}")
        notice = data.get("redacted_notice")
        return PIIPolicy(
            kinds=names,
            reply=self.texts(data.get("reply"), "pii.reply", frozenset({"kinds"})),
            contact=contact,
            actions=actions,
            redacted_notice=DEFAULT_REDACTED_NOTICE
            if notice is None
            else self.texts(notice, "pii.redacted_notice", frozenset({"kinds"})),
        )

    def joined(self, value: object, where: str) -> re.Pattern[str]:
        """A list of patterns as one alternation; an empty list never matches."""
        parts = [p.pattern for p in self.patterns(value, where)]
        return re.compile("|".join(f"(?:{p})" for p in parts) if parts else r"(?!)")

    def category(self, value: object, where: str) -> Category:
        data = self.mapping(value, where)
        action = self.string(data.get("action"), f"{where}.action")
        if action not in CATEGORY_ACTIONS:
            raise self.fail(
                f"{where}.action", f"{action!r} is not one of {sorted(CATEGORY_ACTIONS)}"
            )
        signals = {
            k: self.string(v, f"{where}.signals.{k}")
            for k, v in self.mapping(data.get("signals", {}), f"{where}.signals").items()
        }
        if set(signals) - SIGNALS:
            raise self.fail(f"{where}.signals", f"unknown signals; known: {sorted(SIGNALS)}")
        rules = data.get("rules", [])
        if not isinstance(rules, list):
            raise self.fail(f"{where}.rules", "expected a list")
        loaded = tuple(self.rule(r, f"{where}.rules[{i}]") for i, r in enumerate(rules))
        for i, rule in enumerate(loaded):
            if rule.before_classified_crisis and action != "refuse":
                raise self.fail(
                    f"{where}.rules[{i}].before_classified_crisis",
                    "only a refusal rule can be decided before a crisis; remove it here",
                )
            if rule.before_doubtful_crisis and action != "escalate":
                raise self.fail(
                    f"{where}.rules[{i}].before_doubtful_crisis",
                    "only an escalation rule can be decided before a crisis classified in "
                    "doubt; remove it here",
                )
        after_the_block = self.flag(data.get("after_the_block", False), f"{where}.after_the_block")
        if after_the_block and action != "refuse":
            raise self.fail(
                f"{where}.after_the_block",
                "only a refusal can wait for the block of personal data; remove it here",
            )
        return Category(
            name=self.string(data.get("name"), f"{where}.name"),
            action=cast(GuardAction, action),
            reply=self.texts(data.get("reply"), f"{where}.reply"),
            rules=loaded,
            signals=signals,
            after_the_block=after_the_block,
        )

    def rule(self, value: object, where: str) -> Rule:
        data = self.mapping(value, where)
        if "any" not in data:
            raise self.fail(where, "a rule needs an 'any' list of patterns")
        beside, renamed, neutral = self.beside(data, where)
        return Rule(
            reason=self.string(data.get("reason"), f"{where}.reason"),
            any=self.patterns(data["any"], f"{where}.any"),
            also=self.patterns(data.get("also", []), f"{where}.also"),
            unless=self.patterns(data.get("unless", []), f"{where}.unless"),
            before_classified_crisis=self.flag(
                data.get("before_classified_crisis", False), f"{where}.before_classified_crisis"
            ),
            before_doubtful_crisis=self.flag(
                data.get("before_doubtful_crisis", False), f"{where}.before_doubtful_crisis"
            ),
            read_without=self.read_without(data, where),
            beside=beside,
            renamed=renamed,
            neutral=neutral,
        )

    def beside(
        self, data: Mapping[str, object], where: str
    ) -> tuple[frozenset[str], tuple[re.Pattern[str], ...], dict[str, str]]:
        """An in-scope rule's `beside` classes, with the `renamed` patterns and the `neutral`
        word per language that replaces them; an error on any other rule, or on a rule also
        read without."""
        if "beside" not in data:
            for key in ("renamed", "neutral"):
                if key in data:
                    raise self.fail(f"{where}.{key}", "only a rule with 'beside' reads it")
            return frozenset(), (), {}
        if not where.startswith("in_scope["):
            raise self.fail(f"{where}.beside", "only an in_scope rule can be read beside")
        if data.get("read_without", False):
            raise self.fail(f"{where}.beside", "a rule read without cannot also be read beside")
        classes = self.strings(data["beside"], f"{where}.beside")
        unknown = sorted(set(classes) - set(INTENTS))
        if not classes or unknown:
            raise self.fail(f"{where}.beside", f"expected classes among {list(INTENTS)}")
        renamed = self.patterns(data.get("renamed", []), f"{where}.renamed")
        if renamed and "neutral" not in data:
            raise self.fail(where, "'renamed' needs a 'neutral' word per language")
        neutral = self.texts(data["neutral"], f"{where}.neutral") if "neutral" in data else {}
        return frozenset(classes), renamed, neutral

    def read_without(self, data: Mapping[str, object], where: str) -> bool:
        """An in-scope rule's `read_without` flag; an error on any other rule (it would be
        ignored there)."""
        flag = self.flag(data.get("read_without", False), f"{where}.read_without")
        if flag and not where.startswith("in_scope["):
            raise self.fail(
                f"{where}.read_without", "only an in_scope rule can be read without; remove it"
            )
        return flag

    def flag(self, value: object, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, "expected true or false")
        return value
