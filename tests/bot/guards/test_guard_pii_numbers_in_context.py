"""Mobile numbers and labelled long numbers in the forms people type them (issue 12, fifth
round of personal data; written here, in wording of the team's own).

- A mobile number (UK 07…, French 06/07…, with or without the country code, `(0)` or `00`)
  is a person's unless the organisation lists it or an organisation's word stands before it
  ("the careers service text number is 07…"): a bare "the number for the plumber is" no
  longer makes a mobile public. (An organisation's word used otherwise, "on site", still does.)
- A long unbroken number is personal when a document or account word stands a few words
  before it, not only when the label is right before it ("passport number for the visa
  form is 123456789").
Each look-alike beside them must find nothing.
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.policy import GuardPolicy


@pytest.fixture(scope="module")
def policy() -> GuardPolicy:
    return GuardPolicy.default()


def found(text: str, policy: GuardPolicy) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find_pii(text, policy.pii)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "the number for the electrician is +44 (0)7700 900612, mornings only",
            "+44 (0)7700 900612",
        ),
        ("the number for our builder: 07700 900731", "07700 900731"),
        ("le numéro pour le livreur c'est le 06 39 98 20 41", "06 39 98 20 41"),
        ("Number for the club secretary is 0044 7700 900845", "0044 7700 900845"),
        ("joignable au +33 6 39 98 77 02 pour le service des eaux", "+33 6 39 98 77 02"),
    ],
)
def test_a_mobile_number_is_personal_whatever_the_words_before_it(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert found(text, policy) == [("phone", span)]


@pytest.mark.parametrize(
    "text",
    [
        "What is the number for the library's reception desk? Is it 0115 496 0123?",
        "Is the council helpline on 0300 123 4567 open on Saturdays?",
        "Le standard de la mairie, c'est bien le 01 99 00 12 34 ?",
    ],
)
def test_a_service_landline_with_public_words_stays_public(text: str, policy: GuardPolicy) -> None:
    assert [kind for kind, _ in found(text, policy)] == []


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        (
            "passport number for the visa form is 761204583, issued last year",
            "document_number",
            "761204583",
        ),
        ("my customer number on the gas bill we got is 0061938275", "account_number", "0061938275"),
        (
            "numéro d'allocataire sur le courrier de la caisse : 00481937",
            "account_number",
            "00481937",
        ),
        (
            "the account I pay the rent from, ending all digits, 55190377",
            "account_number",
            "55190377",
        ),
    ],
)
def test_a_long_number_a_few_words_after_its_label_is_found(
    text: str, kind: str, span: str, policy: GuardPolicy
) -> None:
    assert (kind, span) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "The passport office said the form costs 88 pounds, is that right?",
        "Which account should the 2026 parking permit payment go to?",
        "My customer service experience at the 2024 fair was great",
        "Our reference, from the 2025 planning report, says 12 pages",
        "The passport photo booth in the library: is it open at 09:00?",
        "For the invoice, 20250114 is the date format the form wants",
    ],
)
def test_labels_with_no_long_number_after_them_find_nothing(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []
