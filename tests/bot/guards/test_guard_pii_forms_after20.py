"""Forms from the misses of the spent set test20 (read on 5 December 2026 after its blind runs;
every message here is written for this file), both ways: what must be found, and look-alikes
that must pass.

1. A home one has just moved into, typed in lower case or with its flat ("just moved into
   flat 2, 9 cooper mews", "on a emménagé au 4 impasse des lilas").
2. A compound given name whose parts are given names ("Ellie-Mae", "Lily-Rose"), then a
   surname, in a message about the writer's family.
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.policy import GuardPolicy


def _kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {f.kind for f in find_pii(text, policy.pii, shipped_span_tagger())}


_ADDRESS = {"address", "name_dob_address"}


# --- 1. a home just moved into ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "just moved into flat 2, 9 cooper mews, when is my bin day",
        "We've moved in to 31 saddlers row last month, do we get a new parking permit?",
        "moving into Flat 7, 40 Ropewalk Lane on Friday, how do I set up council tax?",
        "On a emménagé au 4 impasse des lilas, comment avoir les bacs ?",
    ],
)
def test_a_home_just_moved_into_is_an_address(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & _ADDRESS


@pytest.mark.parametrize(
    "text",
    [
        "Has the library moved into 5 Market Square for good, or is it temporary?",
        "how many people have moved into the new flats on the ring road?",
        "We moved into the area in 2019, can we still join the allotment list?",
    ],
)
def test_a_place_or_an_area_moved_into_is_no_address(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & _ADDRESS


# --- 2. a compound given name ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My daughter Lily-Rose Whitcombe has a nut allergy, can the school canteen cater for it?",
        "my son Tom-Oliver Blakey is in year 5 and needs the school bus from September",
        "Ma fille Anne-Sophie Perret entre au collège, je dois refaire la carte de bus ?",
    ],
)
def test_a_compound_given_name_and_surname_is_a_name(text: str, policy: GuardPolicy) -> None:
    assert "name" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "My daughter loves the Rose-Marie Garden at the park, is it open in winter?",
        "Is Saint-Denis Road closed for the market on Saturday? My son cycles that way.",
        "My kids want to see the Mary-Kate Theatre panto, are there family tickets?",
    ],
)
def test_a_compound_name_of_a_place_is_no_name(text: str, policy: GuardPolicy) -> None:
    assert "name" not in _kinds(text, policy)
