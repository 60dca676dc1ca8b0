"""Words spelt by ear are read as the team's words that tell of a person to reach (issue 12,
after the twenty-first held-out set: requests for a call back written phonetically, in English
and in French, were refused as not covered). The messages here were written for this file."""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.respell import Respeller, respelled, sound_key


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # All four were let through before (and would be refused as not covered by the pages).
        ("en", "sory my speling is bad. can a persen fone me about my benifits form"),
        ("fr", "je sé pa bien lire, esque kelkun pourré m'apelé pour le formulère de la cantine"),
        ("fr", "mon fransé é pa bon, vous pouvé me rapelé pour le dosier de ma fille"),
        ("fr", "esque vous pouvé mapelé demin pour linscription a lecole"),
    ],
)
def test_a_request_for_a_call_spelt_by_ear_goes_to_a_person(
    guard: InputGuard, lang: str, text: str
) -> None:
    assert guard.inspect(text, lang).action == "escalate"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "wot time duz the libary open on satdays"),
        ("en", "how do i aply for a resdents parking permit"),
        ("en", "kan i pay my counsil tax by fone"),
        ("en", "my boiler is brokken and the landlord wont fone me bak, can the counsil help"),
        ("fr", "kel sont les horaires de la piscine"),
        ("fr", "ou é la déchéterie la plus proche"),
        ("fr", "kan é ce ke les poubelle jaune pass dan ma rue"),
    ],
)
def test_a_question_spelt_by_ear_stays_a_question(guard: InputGuard, lang: str, text: str) -> None:
    assert guard.inspect(text, lang).action == "allow"


def test_only_unknown_words_are_read_and_only_as_words_that_tell() -> None:
    speller = Respeller(
        ["phone", "phone", "back", "sunday", "sundays", "ground"] + ["please"] * 3,
        telling=["phone"] * 3 + ["back"] * 3,
    )
    assert speller.respell("can you fone me back on sundays") == "can you phone me back on sundays"
    # "round" is not the team's; "grownd" sounds like no word that tells: both stay.
    assert (
        speller.respell("the grownd floor, round the corner")
        == "the grownd floor, round the corner"
    )
    assert sound_key("phone") == sound_key("fone") and sound_key("dossier") == sound_key("dosier")


def test_a_message_spelt_as_the_team_spells_has_no_copy() -> None:
    assert respelled("How do I apply for a resident parking permit?", "en") is None
    assert respelled("Quels sont les horaires de la déchetterie ?", "fr") is None
    assert respelled("can sumone fone me", "de") is None
