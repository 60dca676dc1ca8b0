"""Hunger said in full words is a crisis (issue 12, after the fortieth held-out set, in new
words): "I have not eaten since …" was let through when "haven't eaten" was a crisis by rule, and
an unpaid worker's message with it was answered "not covered". Not a place not yet tried, and
not a pet."""

from __future__ import annotations

import pytest

from bot.guards import InputGuard


@pytest.mark.parametrize(
    "text",
    [
        "The warehouse still owes me six weeks' wages. I have not eaten since Sunday apart from "
        "tea. Can anyone help with food?",
        "We have not had a proper meal in four days, the money ran out, is there a food bank?",
        "my kids have not eaten today and i get paid next thursday",
    ],
)
def test_not_eaten_in_full_words_is_a_crisis(guard: InputGuard, text: str) -> None:
    verdict = guard.inspect(text, "en")
    assert verdict.action == "crisis", verdict.reason
    assert verdict.layer == "rules", verdict.layer


@pytest.mark.parametrize(
    "text",
    [
        "I have not eaten at the new café in the market hall yet, does it take cards?",
        "Our dog has not eaten since Tuesday, is the council vet clinic open on Saturday?",
        "We have not eaten out since the restaurant closed, will the unit be let again?",
    ],
)
def test_a_place_not_tried_or_a_pet_is_no_hunger_rule(guard: InputGuard, text: str) -> None:
    verdict = guard.inspect(text, "en")
    assert not (verdict.action == "crisis" and verdict.reason == "crisis.destitution"), text
