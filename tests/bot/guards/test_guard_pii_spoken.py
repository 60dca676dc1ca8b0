"""Phone numbers spelt out in words are found; counts, ages, times and short numbers are not."""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        (
            "could somebody ring me back my number is oh seven seven double oh nine double oh "
            "three one two thank you",
            "oh seven seven double oh nine double oh three one two",
        ),
        (
            "call me on plus four four seven seven zero zero nine zero zero one two three",
            "plus four four seven seven zero zero nine zero zero one two three",
        ),
        (
            "Rappelez-moi au zéro six trente-neuf quatre-vingt-dix-huit quarante et un vingt-sept.",
            "zéro six trente-neuf quatre-vingt-dix-huit quarante et un vingt-sept",
        ),
        (
            "mon numéro c'est zéro six, douze, soixante-dix-sept, quatre-vingts, zéro un",
            "zéro six, douze, soixante-dix-sept, quatre-vingts, zéro un",
        ),
    ],
)
def test_a_phone_number_in_words_is_found(policy: GuardPolicy, text: str, spoken: str) -> None:
    assert ("phone", spoken) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "I have two dogs and one cat, three kids and four bikes",
        "the bus leaves at seven, then nine, then eleven",
        "one one two is the emergency number, or nine nine nine",
        "j'ai trente-deux ans et quatre enfants de deux, cinq, sept et neuf ans",
        "Il y a quatre-vingt-dix-neuf marches, soixante et onze bancs et douze arbres",
        "Is it five pounds or six pounds fifty for a second bin, and three weeks or four?",
    ],
)
def test_counts_times_and_short_numbers_in_words_are_not_phones(
    policy: GuardPolicy, text: str
) -> None:
    assert [kind for kind, _ in found(text, policy) if kind == "phone"] == []
