"""Forms from the misses of the spent set test23 (read on 5 December 2026 after its blind run;
every message here is written for this file), both ways.

1. An office's name in capitals ("Register Office", "Housing Office", "Passport Office") is a
   place, not a person, whatever the learned tagger thinks of two capitalised words after "my
   letter says"; a person's name in the same place stays one.
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.policy import GuardPolicy


def _kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {f.kind for f in find_pii(text, policy.pii, shipped_span_tagger())}


@pytest.mark.parametrize(
    "text",
    [
        "My letter says Register Office, first floor. Is the Town Hall open on Saturdays?",
        "my form says Housing Office, Room 3.02 - where is that?",
        "Our appointment card says Registry Office at 10:30, do we bring the witnesses?",
    ],
)
def test_an_office_named_in_capitals_is_no_person(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "My letter says Harriet Blomfield, first floor. Is that the officer I should ask for?",
        "my form was signed by me, Gideon Fairweather, on the 3rd of May",
    ],
)
def test_a_person_in_the_same_place_stays_a_name(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}


# --- 2. a table pasted as text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Have I filled this in right?\n| Bank | Account number | Sort code |\n"
            "|---|---|---|\n| Barclays | 40917263 | 20-31-77 |",
            "account_number",
        ),
        (
            "Copied from my bill\nName\tCouncil tax account\nme\t5012334719\nwhy so high?",
            "account_number",
        ),
        (
            "| field | what I wrote |\n| passport number | 561204837 |\n| expiry | 2031 |",
            "document_number",
        ),
    ],
)
def test_a_number_under_its_column_header_is_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Which is cheaper?\n| Item | Price |\n|---|---|\n| Sofa | 35 |\n| Fridge | 28 |",
        "| Room | Floor | Opens |\n| 2.14 | 2 | 09:00 |\nwhere is the lift?",
        "| Year | Band D |\n| 2025 | 1,984.20 |\n| 2026 | 2,061.55 |\nwhy did it go up?",
        "The bins are | every other | Tuesday and the tip opens at 9, is that right?",
    ],
)
def test_a_table_of_public_figures_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy)
