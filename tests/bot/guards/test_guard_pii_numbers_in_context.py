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

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


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


# A number shown as an example or a sample (on a form, a poster, a leaflet) locates no one.
@pytest.mark.parametrize(
    "text",
    [
        "The form shows 07700 900123 as an example of a mobile number, do I keep the spaces?",
        "the leaflet has a sample NHS number, 943 476 5900, is mine printed in the same place?",
        "Sur le formulaire, l'exemple de numéro de sécu est 1 85 05 78 006 084 91, je recopie pareil ?",
        "a made-up card number 4929 0000 0000 0000 is on the scam poster in the library, is it real?",
        "the specimen SIN on the workshop handout is 123 456 709, where do I find my own?",
        "Le numéro fictif 06 39 98 00 00 sur l'affiche, c'est pour montrer le format ?",
    ],
)
def test_a_number_shown_as_an_example_finds_nothing(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("For example, my mobile is 07700 900456 if the officer needs it", "phone"),
        (
            "here's an example of the problem: my NHS number 943 476 5900 shows twice",
            "uk_nhs_number",
        ),
        ("par exemple mon numéro c'est le 06 39 98 41 27", "phone"),
    ],
)
def test_an_example_of_ones_own_number_is_still_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert [k for k, _ in found(text, policy)] == [kind]


# An organisation's team or service named right after a number makes it that body's line.
@pytest.mark.parametrize(
    "text",
    [
        "the leaflet says ring 0115 496 0321 for the garden waste team, open on Saturdays?",
        "on m'a dit d'appeler le 01 99 00 45 67 pour le service des sports, c'est le bon ?",
    ],
)
def test_a_landline_for_a_named_team_is_public(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


def test_a_mobile_to_call_for_oneself_stays_personal(policy: GuardPolicy) -> None:
    text = "ring me on 07700 900612 for the delivery, I'm in all day"
    assert [k for k, _ in found(text, policy)] == ["phone"]


def test_an_example_domain_is_not_an_example_word(policy: GuardPolicy) -> None:
    """The reserved domains (example.net, exemple.fr) do not make the next number a sample."""
    text = "write to jo.bloggs@example.net or text 07700 900318"
    assert [k for k, _ in found(text, policy)] == ["email", "phone"]


def test_the_organisations_own_sms_line_is_public(policy: GuardPolicy) -> None:
    """The demo city's text line is a mobile number (knowledge/demo, contact pages): the
    policy lists it, so a citizen may quote it back."""
    assert found("can I text 07700 900050 to report a missed bin?", policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("refund the deposit to FR74-3000-3012-3400-0123-4567-890 please", "iban"),
        ("my social security number is 2-65-04-13-360-659-04", "fr_nir"),
        ("sort the refund to GB55-WEST-1234-5698-7654-33, thanks", "iban"),
    ],
)
def test_identifiers_written_with_dashes_are_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert [k for k, _ in found(text, policy)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "the form's hint says 'NI number e.g. AB 12 34 56 C', is that the format?",
        "Le formulaire indique p. ex. 06 39 98 00 00 : faut-il mettre des espaces ?",
    ],
)
def test_a_number_after_eg_is_an_example(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


@pytest.mark.parametrize(
    "text",
    [
        "I rang the parks team on 0115 496 0555 about a football pitch but nobody answered",
        "Is 0115 496 0999 still the number for the central library? The poster looks old",
    ],
)
def test_a_teams_or_a_buildings_landline_is_public(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


@pytest.mark.parametrize(
    "text",
    [
        "my phone line is 0115 496 0123, call after six",
        "you can reach me at my office number 0115 496 0777",
        "notre ligne fixe c'est le 01 99 00 12 77",
    ],
)
def test_the_writers_own_line_or_office_stays_personal(text: str, policy: GuardPolicy) -> None:
    assert [k for k, _ in found(text, policy)] == ["phone"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("write to sam.ortiz (at sign) example (full stop) org about the permit", "email"),
        ("mon adresse, pour les robots : c.lemoine[a]exemple.fr", "email"),
        ("reply to k.obi at symbol example dot net please", "email"),
        ("mon portable : 06/39/98/12/34, le matin", "phone"),
    ],
)
def test_contacts_spelt_out_in_other_ways_are_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert [k for k, _ in found(text, policy)] == [kind]


def test_a_date_with_slashes_is_not_a_phone(policy: GuardPolicy) -> None:
    assert found("the letter dated 06/03/2026 says bins move to Tuesday", policy) == []
