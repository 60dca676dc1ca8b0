"""Loading the guard policy: the default is valid, and every kind of bad file is a PolicyError."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.guards.policy import GuardPolicy, PolicyError

MINIMAL = {
    "version": "test-1",
    "contacts": {"emergency": "112"},
    "replies": {"too_long": {"en": "Too long."}, "empty": {"en": "Empty."}},
    "pii": {"reply": {"en": "Found {kinds}."}, "kinds": {"email": {"en": "an e-mail address"}}},
    "categories": [
        {
            "name": "crisis",
            "action": "crisis",
            "reply": {"en": "Call {emergency}.", "fr": "Appelez le {emergency}."},
            "rules": [{"reason": "crisis.test", "any": ["\\bhelp me now\\b"]}],
        }
    ],
}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def broken(**changes: object) -> dict[str, object]:
    data = yaml.safe_load(yaml.safe_dump(MINIMAL))
    assert isinstance(data, dict)
    data.update(changes)
    return data


def test_default_policy_loads_with_version_and_both_languages() -> None:
    policy = GuardPolicy.default()
    assert policy.version.startswith("exampleton-guards-")
    for category in policy.categories:
        assert {"en", "fr"} <= set(category.reply), category.name
    crisis = next(c for c in policy.categories if c.action == "crisis")
    assert "112" in crisis.reply["en"] and "112" in crisis.reply["fr"]
    assert "{" not in crisis.reply["en"]


def test_only_the_out_of_scope_refusal_waits_for_the_block_of_personal_data() -> None:
    # Injection, fraud and finding someone are refused before the block (fixer P9's reading).
    waiting = [c.name for c in GuardPolicy.default().categories if c.after_the_block]
    assert waiting == ["out_of_scope"]


def test_minimal_policy_fills_placeholders(tmp_path: Path) -> None:
    policy = GuardPolicy.from_yaml(write(tmp_path, MINIMAL))
    assert policy.version == "test-1"
    assert policy.categories[0].reply["fr"] == "Appelez le 112."
    assert policy.pii.reply["en"] == "Found {kinds}."
    assert policy.max_chars == 8000


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (broken(categories=[{"name": "x", "action": "delete", "reply": {"en": "x"}}]), "action"),
        (broken(categories=[{"name": "x", "action": "refuse", "reply": {"fr": "x"}}]), "'en'"),
        (
            broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "x"},
                                "rules": [{"reason": "r", "any": ["(unclosed"]}]}]),
            "categories[0].rules[0].any[0]",
        ),
        (
            broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "x"},
                                "rules": [{"reason": "r", "any": ["(a+)+b"]}]}]),
            "backtrack",
        ),
        (
            broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "x"},
                                "rules": [{"reason": "r"}]}]),
            "'any'",
        ),
        (
            broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "x"},
                                "rules": [{"reason": "r", "any": ["a"],
                                           "before_classified_crisis": "yes"}]}]),
            "rules[0].before_classified_crisis",
        ),
        (
            broken(categories=[{"name": "x", "action": "escalate", "reply": {"en": "x"},
                                "rules": [{"reason": "r", "any": ["a"],
                                           "before_classified_crisis": True}]}]),
            "only a refusal rule",
        ),
        (
            broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "x"},
                                "rules": [{"reason": "r", "any": ["a"],
                                           "before_doubtful_crisis": True}]}]),
            "only an escalation rule",
        ),
        (
            broken(categories=[{"name": "x", "action": "escalate", "reply": {"en": "x"},
                                "after_the_block": True}]),
            "only a refusal can wait",
        ),
        (
            broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "x"},
                                "after_the_block": "yes"}]),
            "after_the_block",
        ),
        (broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "Call {nobody}"}}]), "{nobody}"),
        (broken(categories=[{"name": "x", "action": "refuse", "reply": {"en": "x"},
                             "signals": {"telepathy": "r"}}]), "signals"),
        (broken(pii={"reply": {"en": "x"}, "kinds": {"shoe_size": {"en": "x"}}}), "shoe_size"),
        (broken(max_chars=0), "max_chars"),
        (broken(replies={"empty": {"en": "x"}}), "too_long"),
        ({"version": "1"}, "missing key"),
        ([1, 2], "mapping"),
    ],
)  # fmt: skip
def test_bad_policies_name_the_problem(tmp_path: Path, data: object, message: str) -> None:
    with pytest.raises(PolicyError, match=None) as raised:
        GuardPolicy.from_yaml(write(tmp_path, data))
    assert message in str(raised.value)
    assert "policy.yaml" in str(raised.value)


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("version: [unclosed\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid YAML"):
        GuardPolicy.from_yaml(path)
    with pytest.raises(PolicyError, match="cannot read"):
        GuardPolicy.from_yaml(tmp_path / "absent.yaml")


def test_a_shared_pattern_list_stands_beside_a_rules_own_unless(tmp_path: Path) -> None:
    """A YAML alias of a shared list (as `*distress_words`) may be one item of a rule's
    `unless` beside its own patterns: the shared patterns are read in its place."""
    path = tmp_path / "policy.yaml"
    path.write_text(
        """
version: test-alias
contacts: {emergency: "112"}
replies: {too_long: {en: Too long.}, empty: {en: Empty.}}
pii: {reply: {en: "Found {kinds}."}, kinds: {email: {en: an e-mail address}}}
categories:
  - name: refuse
    action: refuse
    reply: {en: No.}
    rules:
      - reason: refuse.first
        any: ['\\bfirst\\b']
        unless: &shared
          - '\\bsad\\b'
          - '\\balone\\b'
      - reason: refuse.second
        any: ['\\bsecond\\b']
        unless:
          - *shared
          - '\\bbirthday\\b'
""",
        encoding="utf-8",
    )
    second = GuardPolicy.from_yaml(path).categories[0].rules[1]
    assert [p.pattern for p in second.unless] == ["\\bsad\\b", "\\balone\\b", "\\bbirthday\\b"]
