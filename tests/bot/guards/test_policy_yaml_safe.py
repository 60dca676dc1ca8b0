"""A policy file is read by a safe YAML loader (libyaml's when PyYAML has it): a tag that
would build a Python object is refused with PolicyError, and the default policy reads the
same through either parser."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from bot.guards.policy import GuardPolicy, PolicyError


@pytest.mark.parametrize(
    "text",
    [
        "version: !!python/object/apply:os.getcwd []\n",
        "version: !!python/name:os.system\n",
        "!!python/object:bot.guards.policy.GuardPolicy {}\n",
    ],
)
def test_a_tag_that_builds_python_objects_is_refused(text: str) -> None:
    with pytest.raises(PolicyError, match="not valid YAML"):
        GuardPolicy.from_text(text, source="hostile.yaml")


def test_the_default_policy_reads_the_same_through_either_parser() -> None:
    text = resources.files("bot").joinpath("policies", "default.yaml").read_text("utf-8")
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert yaml.load(text, Loader=fast) == yaml.load(text, Loader=yaml.SafeLoader)
    assert GuardPolicy.from_text(text) == GuardPolicy.default()
