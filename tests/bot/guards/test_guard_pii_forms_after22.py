"""Forms from the misses of the spent set test22 (read on 5 December 2026 after its blind run;
every message here is written for this file), both ways: what must be found, and look-alikes
that must pass.

1. A UK postcode whose unit letters read like an ordinal's ending but are none ("EX2 7RD":
   "7rd" is no ordinal; "1st", "2nd", "3rd", "4th" still are).
2. A number typed over several lines, as a phone's keyboard sends it ("07700⏎900 418", an NHS
   number three digits a line).
3. A name in lower case said to be on a card, a badge or a form ("the name on it is …"); a
   common given name typed without its accents ("leonie") is still one.
4. A relative or a neighbour named in lower case ("my son jayden …", "mrs gwen …"): their given
   name is a known one and a surname follows.
5. A card's or a permit's number with letters in groups ("PRK-B-204718"), after the kind of
   card ("mon numéro de carte résident c'est le …", "my residents permit number is …").
6. An office's street printed in the pages without a house number ("Foundry Lane, Exampleton
   EX3 7FL"): its postcode is public, as a numbered office's already was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.guards import checksums
from bot.guards.pii import find_pii
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from knowledge.published import published_contacts

DEMO = Path(__file__).resolve().parents[3] / "knowledge" / "demo"
# Made for this file: a valid NHS number (mod 11).
NHS_VALID = "475 359 8152"
PERSONAL = {"postcode", "address", "phone", "uk_nhs_number", "name", "name_dob_address"}


def _kinds(text: str, policy: GuardPolicy) -> set[str]:
    return {f.kind for f in find_pii(text, policy.pii, shipped_span_tagger())}


def test_the_number_of_this_file_is_valid() -> None:
    assert checksums.uk_nhs_number_valid(NHS_VALID.replace(" ", ""))


# --- 1. unit letters that only look like an ordinal's ending ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Which day does the brown bin go out, and is the sticker still £45? I live at EX2 7RD",
        "we're at LS6 4ND now, does the parking permit move with us",
        "Send the new bin to EX1 3TH please, that's my house.",
    ],
)
def test_a_postcode_whose_unit_is_no_ordinal_is_found(text: str, policy: GuardPolicy) -> None:
    assert "postcode" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "At the roundabout do I take the A38 1st exit or the B32 3rd one for the tip?",
        "Was the WW2 2nd memorial service moved to the town hall this year?",
    ],
)
def test_a_road_then_an_ordinal_is_no_postcode(text: str, policy: GuardPolicy) -> None:
    assert "postcode" not in _kinds(text, policy)


# --- 2. a number over several lines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("could someone ring me about the repair, my mobile is 07700\n900 461 after 5", "phone"),
        ("mon portable c'est le 06 39\n98 42 17 pour la benne", "phone"),
        (
            f"nhs number\n{NHS_VALID.replace(' ', chr(10))}\nfor the blue badge form",
            "uk_nhs_number",
        ),
    ],
)
def test_a_number_typed_over_lines_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The library opens at\n9\nand shuts at\n17\nis that right on Saturdays?",
        "Bin calendar years on the page:\n2024\n2025\nwhich one is current?",
        "Fees listed:\n35\n45\n60\nwhy three prices for bulky waste?",
    ],
)
def test_short_numbers_on_their_own_lines_pass(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"phone", "uk_nhs_number", "account_number"}


# --- 3. a lower-case name said to be on a card or a form ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "renewing my parking permit, name on it is rhys prothero-jones if that helps",
        "the name on the badge is morag fairlie but she's moved in with me",
        "pour la carte de bibliothèque, le nom dessus c'est leonie marchetti si besoin",
    ],
)
def test_a_lower_case_name_on_a_card_is_found(text: str, policy: GuardPolicy) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "the name on it is blurred if that matters, can I still use the permit?",
        "the name on the badge is wrong, how do I get it changed?",
        "le nom dessus est mal écrit, je fais comment pour la corriger ?",
    ],
)
def test_what_is_said_of_the_name_on_a_card_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


# --- 4. a relative or a neighbour named in lower case ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "signing up my daughter freya hallam born 14.2.2016 for the holiday swim, junior price?",
        "ma fille léonie garnier née le 4/11/2014 peut-elle s'inscrire au club de lecture",
        "my neighbour mrs edith pargeter has had a fall and can't get her bins out, any help?",
        "old mr tomasz wielgosz next door can't read the letter about his council tax",
        "ma voisine mme josiane fabre ne peut plus descendre ses poubelles, qui appeler",
    ],
)
def test_a_relative_or_neighbour_named_in_lower_case_is_found(
    text: str, policy: GuardPolicy
) -> None:
    assert _kinds(text, policy) & {"name", "name_dob_address"}


@pytest.mark.parametrize(
    "text",
    [
        "my son loves the library, is it free for children born after 2010?",
        "is mr whippy still allowed to park by the swimming pool on sundays",
        "my daughter grace period on the fine ran out, can we still pay the lower amount",
        "mrs brown's boys fans meet at the community centre, is the hall free then",
        "my neighbour often puts her bins out on the wrong day, who do I tell?",
    ],
)
def test_a_relative_or_a_title_without_a_name_passes(text: str, policy: GuardPolicy) -> None:
    assert not _kinds(text, policy) & {"name", "name_dob_address"}


# --- 5. a card's or a permit's number with lettered groups ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mon numéro de carte résident c'est le STA-C-771204, je vends la voiture lundi",
        "my residents permit number is RP-K-509317, can it go on the new car?",
        "numéro de carte de stationnement : RES-B-331907, elle expire quand ?",
    ],
)
def test_a_card_number_in_lettered_groups_is_found(text: str, policy: GuardPolicy) -> None:
    assert "account_number" in _kinds(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "le numéro de carte résident, il est écrit où dessus ?",
        "what does the PRK at the start of a permit number stand for?",
        "Is the re-issued permit sent by post or do I collect it?",
    ],
)
def test_a_card_asked_about_without_its_number_passes(text: str, policy: GuardPolicy) -> None:
    assert "account_number" not in _kinds(text, policy)


# --- 6. an office's street printed without a house number ------------------------------------------


@pytest.fixture(scope="module")
def guard(policy: GuardPolicy) -> InputGuard:
    pages = sorted(DEMO.rglob("*.md"))
    contacts = published_contacts(p.read_text(encoding="utf-8") for p in pages)
    return InputGuard(policy, pii_tagger="shipped", published=lambda: contacts)


def test_the_pages_print_the_street_without_a_number() -> None:
    printed = [p for p in DEMO.rglob("*.md") if "Foundry Lane, Exampleton EX3 7FL" in p.read_text()]
    assert printed, "the demo pages no longer print the recycling centre's address"


@pytest.mark.parametrize(
    "text",
    [
        "Is the tip at Foundry Lane, EX3 7FL open on bank holidays?",
        "the pound on foundry lane ex3 7fl took my car last night, what do I pay to get it back",
        "La déchèterie de Foundry Lane, Exampleton EX3 7FL prend-elle la peinture ?",
    ],
)
def test_the_postcode_of_an_office_printed_without_a_number_passes(
    text: str, guard: InputGuard
) -> None:
    assert guard.inspect(text, "en").action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "I live at 4 Foundry Lane, Exampleton EX3 7FL, right by the tip: is my bin day Monday?",
        "I live at EX2 7RD, near the tip on Foundry Lane: which day is my bin day?",
    ],
)
def test_a_home_near_the_office_stays_personal(text: str, guard: InputGuard) -> None:
    verdict = guard.inspect(text, "en")
    assert verdict.action == "block_pii"
    assert {f.kind for f in verdict.findings} & PERSONAL
