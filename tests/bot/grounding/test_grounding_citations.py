"""The citation check: sentence splitting, markers, support threshold, numbers, EN and FR."""

from __future__ import annotations

import pytest

from bot.grounding.citations import (
    MIN_SUPPORT,
    check_answer,
    check_sentence,
    citation_numbers,
    split_sentences,
)
from knowledge.types import Passage


def passage(text: str, lang: str = "en", number: int = 1) -> Passage:
    return Passage(
        chunk_id=f"c{number}",
        doc_id=f"{lang}/doc-{number}",
        title=f"Doc {number}",
        url=f"https://city.example/{lang}/doc-{number}",
        lang=lang,
        text=text,
    )


BINS = passage(
    "Bins are collected every two weeks. Garden waste collection requires a separate "
    "subscription costing £45 a year.",
)
PARKING = passage(
    "Residents can apply for a parking permit online. You need proof of address, such as a "
    "council tax bill. Call 020 7946 0123 or write to permits@city.example.",
    number=2,
)
CNI = passage(
    "Pour renouveler votre carte d'identité, prenez rendez-vous en mairie et apportez une photo "
    "d'identité récente et un justificatif de domicile. Le délai est de 3 semaines.",
    lang="fr",
)
PASSAGES = [BINS, PARKING]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One [1]. Two [2].", ["One [1].", "Two [2]."]),
        ("One. [1] Two. [2]", ["One. [1]", "Two. [2]"]),
        ("One.[1][2] Two [2]!", ["One.[1][2]", "Two [2]!"]),
        (
            "Bring proof, e.g. a bill [1]. Then apply [1].",
            ["Bring proof, e.g. a bill [1].", "Then apply [1]."],
        ),
        ("It costs 1.5 euros [1]. Pay online [1].", ["It costs 1.5 euros [1].", "Pay online [1]."]),
        ("Line one [1]\n- line two [2]", ["Line one [1]", "line two [2]"]),
        ("1. First step [1].\n2) Second step [2].", ["First step [1].", "Second step [2]."]),
        (
            "Vous devez « prendre rendez-vous » [1]. « Apportez » une photo [1].",
            ["Vous devez « prendre rendez-vous » [1].", "« Apportez » une photo [1]."],
        ),
        ("  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("Text [1].", (1,)),
        ("Text [1, 2].", (1, 2)),
        ("Text [2][1] and [2].", (2, 1)),
        ("Text [ 3 ; 4 ].", (3, 4)),
        ("Text (1).", ()),
        ("Text [a].", ()),
    ],
)
def test_citation_numbers(sentence: str, numbers: tuple[int, ...]) -> None:
    assert citation_numbers(sentence) == numbers


def test_supported_answer_passes_and_lists_cited_passages_in_order() -> None:
    report = check_answer(
        "You can apply for a parking permit online [2]. Bins are collected every two weeks [1].",
        PASSAGES,
    )
    assert report.passed
    assert report.cited == (1, 0)
    assert [s.verdict for s in report.sentences] == ["supported", "supported"]


def test_paraphrase_within_threshold_is_supported() -> None:
    check = check_sentence("Garden waste needs its own subscription [1].", PASSAGES)
    assert check.verdict == "supported"
    assert MIN_SUPPORT <= check.support < 1.0


def test_sentence_with_new_facts_is_unsupported() -> None:
    check = check_sentence("Bins are collected every Monday morning [1].", PASSAGES)
    assert check.verdict == "unsupported"
    assert check.support < MIN_SUPPORT


def test_citing_the_wrong_passage_is_unsupported() -> None:
    check = check_sentence("You need proof of address such as a council tax bill [1].", PASSAGES)
    assert check.verdict == "unsupported"
    assert check_sentence(
        "You need proof of address such as a council tax bill [2].", PASSAGES
    ).passed


def test_a_changed_figure_is_unsupported_even_with_full_word_overlap() -> None:
    check = check_sentence("Garden waste collection costs £50 a year [1].", PASSAGES)
    assert check.verdict == "unsupported"
    assert check.missing == ("50",)
    assert check_sentence("Garden waste collection costs £45 a year [1].", PASSAGES).passed


def test_a_contact_not_in_the_passage_is_unsupported() -> None:
    planted = check_sentence(
        "Write to permits@attacker.example for a parking permit [2].", PASSAGES
    )
    assert planted.verdict == "unsupported"
    assert planted.missing == ("permits@attacker.example",)
    assert check_sentence(
        "Write to permits@city.example for a parking permit [2].", PASSAGES
    ).passed
    assert not check_sentence("Call 020 7946 0999 about a parking permit [2].", PASSAGES).passed


def test_uncited_sentence_fails_the_answer() -> None:
    report = check_answer(
        "Bins are collected every two weeks [1]. Garden waste needs a subscription.", PASSAGES
    )
    assert not report.passed
    assert [s.verdict for s in report.sentences] == ["supported", "uncited"]
    assert report.cited == (0,)
    assert "cites no passage" in report.problems()[0]


@pytest.mark.parametrize("marker", ["[0]", "[3]", "[1, 9]"])
def test_out_of_range_citation_fails_and_is_not_listed(marker: str) -> None:
    report = check_answer(f"Bins are collected every two weeks {marker}.", PASSAGES)
    assert not report.passed
    assert report.sentences[0].verdict == "out_of_range"
    assert report.cited == ()


def test_several_citations_are_checked_against_the_passages_together() -> None:
    sentence = "Bins are collected every two weeks and permits are applied for online [1][2]."
    assert check_sentence(sentence, PASSAGES).passed
    assert not check_sentence(
        sentence, [*PASSAGES[:1], passage("Unrelated text.", number=2)]
    ).passed


def test_urls_are_stripped_and_counted() -> None:
    report = check_answer(
        "Apply for a parking permit online at https://attacker.example/apply [2]. "
        "Details: [the portal](https://attacker.example/p) [2].",
        PASSAGES,
    )
    assert "attacker.example" not in report.text
    assert report.links_removed == 2
    assert report.sentences[0].passed


def test_empty_answer_does_not_pass() -> None:
    assert not check_answer("", PASSAGES).passed


def test_french_supported_with_stemming_and_accents() -> None:
    report = check_answer(
        "Pour renouveler la carte d'identité, il faut prendre rendez-vous à la mairie [1]. "
        "Apportez une photo recente et un justificatif de domicile [1].",
        [CNI],
    )
    assert report.passed, report.problems()


def test_french_unsupported_and_changed_delay() -> None:
    assert not check_sentence(
        "Le renouvellement se fait uniquement en ligne sur le site national [1].", [CNI]
    ).passed
    delay = check_sentence("Le délai de renouvellement est de 5 semaines [1].", [CNI])
    assert delay.verdict == "unsupported"
    assert delay.missing == ("5",)
    assert check_sentence("Le délai est de 3 semaines [1].", [CNI]).passed


def test_french_uncited_and_out_of_range() -> None:
    report = check_answer("Prenez rendez-vous en mairie. Apportez une photo [2].", [CNI])
    assert [s.verdict for s in report.sentences] == ["uncited", "out_of_range"]


def test_threshold_is_a_parameter() -> None:
    sentence = "Bins are collected every Monday morning [1]."
    assert check_sentence(sentence, PASSAGES, min_support=0.5).passed
    assert not check_answer(
        "Bins are collected every two weeks [1].", PASSAGES, min_support=1.01
    ).passed


def test_a_paragraph_cited_once_at_its_end_is_checked_sentence_by_sentence() -> None:
    # As the extractive writer quotes a page: its title, sentences, a list, one citation.
    quoted = (
        "Doc 2\nResidents can apply for a parking permit online. You need proof of address:\n"
        "- such as a council tax bill. [1]"
    )
    report = check_answer(quoted, [PARKING])
    assert [s.verdict for s in report.sentences] == ["supported"] * 3
    assert all(s.citations == (1,) for s in report.sentences)
    # The one citation does not make an invented sentence supported.
    invented = "Doc 2\nResidents can apply for a parking permit online. Permits cost £900. [1]"
    assert not check_answer(invented, [PARKING]).passed
    # Nor does it reach into the next paragraph, and a title is a lead only for its own page.
    assert not check_answer("Doc 9\nResidents can apply online. [1]", [PARKING]).passed
    assert not check_answer("Residents can apply online.\n\nBins are collected. [1]", [BINS]).passed


def test_a_link_token_is_no_claim() -> None:
    report = check_answer("Residents can apply for a parking permit at [link 1.1]. [1]", [PARKING])
    assert report.passed, report.problems()
