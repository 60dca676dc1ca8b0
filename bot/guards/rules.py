"""Pattern rules and the categories that group them, as loaded from a guard policy."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from bot.guards.prefilter import Needed, gate
from bot.guards.verdict import GuardAction

# Message features detected in code rather than by patterns; a category names the
# ones it acts on and the reason code each is logged with.
SIGNALS = frozenset({"encoded_text", "hidden_text", "symbol_in_word", "mixed_script", "leetspeak"})


@dataclass(frozen=True)
class Rule:
    """Matches when one `any` pattern matches, one `also` pattern (if given) does too,
    and no `unless` pattern does."""

    reason: str
    any: tuple[re.Pattern[str], ...]
    also: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()
    # A refusal decided even before a crisis that only the intent classifier found (never
    # before a crisis rule): for rules worded as the writer's own intent to harm, deceive or
    # attack the assistant, whose violent or urgent words the classifier takes for a crisis.
    before_classified_crisis: bool = False
    # An escalation to a person decided before a crisis the intent classifier found only in
    # doubt (its classes' sum, not the crisis score alone): a grievance the writer is angry
    # about goes to a person as itself, not with the crisis helplines.
    before_doubtful_crisis: bool = False
    # An in-scope rule whose question may be the whole message (`GuardPolicy.in_scope`): the
    # sentences it matches are taken out and the classifier reads what is left
    # (`InputGuard._asked_alone`).
    read_without: bool = False
    # An in-scope rule whose words are set aside when they stand beside a question
    # (`InputGuard._set_aside`): the classifier's call is overruled, when it is one of these
    # classes, if the rest of the message, read without the rule's words and with the words of
    # `renamed` replaced by the neutral word of the conversation's language (`neutral`), is a
    # question in scope.
    beside: frozenset[str] = frozenset()
    renamed: tuple[re.Pattern[str], ...] = ()
    neutral: Mapping[str, str] = field(default_factory=dict)

    # Each `any` and `also` pattern with its literal gate (bot/guards/prefilter.py): a search
    # is skipped when the text holds none of the strings every match of the pattern holds.
    _any: tuple[tuple[Needed | None, re.Pattern[str]], ...] = field(
        init=False, repr=False, compare=False
    )
    _also: tuple[tuple[Needed | None, re.Pattern[str]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_any", tuple((gate(p), p) for p in self.any))
        object.__setattr__(self, "_also", tuple((gate(p), p) for p in self.also))

    def matches(self, text: str) -> bool:
        if not _found(self._any, text):
            return False
        if self._also and not _found(self._also, text):
            return False
        return not any(pattern.search(text) for pattern in self.unless)


def _found(gated: tuple[tuple[Needed | None, re.Pattern[str]], ...], text: str) -> bool:
    """Whether one of the patterns matches the text; a pattern whose gate holds no string
    found in the text is not searched (plain loops: this runs a thousand times a message)."""
    for needed, pattern in gated:
        if needed is not None:
            for literal in needed:
                if literal in text:
                    break
            else:
                continue
        if pattern.search(text):
            return True
    return False


@dataclass(frozen=True)
class Category:
    """A class of messages with one action and one fixed reply per language."""

    name: str
    action: GuardAction
    reply: Mapping[str, str]
    rules: tuple[Rule, ...]
    signals: Mapping[str, str] = field(default_factory=dict)
    # A refusal decided only after the writer's blocked personal data (`after_the_block: true`
    # in the policy; refuse categories only): see bot/policies/default.yaml, out_of_scope.
    after_the_block: bool = False

    def first_match(
        self, variants: Iterable[str], only: Callable[[Rule], bool] | None = None
    ) -> str | None:
        """The reason code of the first rule matching any variant of the message; with `only`,
        among the rules it keeps (e.g. those decided before a classified crisis)."""
        texts = tuple(variants)
        for rule in self.rules:
            if only is not None and not only(rule):
                continue
            if any(rule.matches(text) for text in texts):
                return rule.reason
        return None

    def signalled(self, present: frozenset[str]) -> str | None:
        """The reason code of the first of this category's signals present in the message."""
        for signal, reason in self.signals.items():
            if signal in present:
                return reason
        return None
