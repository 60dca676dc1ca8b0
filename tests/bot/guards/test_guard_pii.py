"""Personal data is found by kind with its offsets; public numbers and look-alikes are not."""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii, redact
from bot.guards.policy import GuardPolicy


def kinds(text: str, policy: GuardPolicy) -> list[str]:
    return [f.kind for f in find_pii(text, policy.pii)]


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        (
            "Please pay it into GB82 WEST 1234 5698 7654 32 thanks",
            "iban",
            "GB82 WEST 1234 5698 7654 32",
        ),
        ("iban: de89370400440532013000.", "iban", "de89370400440532013000"),
        ("I paid with 4111 1111 1111 1111 yesterday", "payment_card", "4111 1111 1111 1111"),
        ("card 3782-822463-10005 was charged", "payment_card", "3782-822463-10005"),
        ("My NI number is AB 12 34 56 C.", "uk_nino", "AB 12 34 56 C"),
        ("numéro de sécu 1 85 05 78 006 084 36", "fr_nir", "1 85 05 78 006 084 36"),  # labelled
        ("je suis le 185057800608491 !", "fr_nir", "185057800608491"),
        ("my SIN is 046-454-287, is it right?", "ca_sin", "046-454-287"),
        ("BSN 111222333 graag", "nl_bsn", "111222333"),
        ("Isikukood 37605030299.", "ee_isikukood", "37605030299"),
        ("Mi DNI es 12345678Z.", "es_dni_nie", "12345678Z"),
        ("NHS number 943 476 5919", "uk_nhs_number", "943 476 5919"),
        ("write to jo.bloggs@example.net please", "email", "jo.bloggs@example.net"),
        ("Call me back on +44 7700 900123", "phone", "+44 7700 900123"),
        ("rappelez-moi au 06 39 98 12 34", "phone", "06 39 98 12 34"),
        ("my password is Tulip2024!", "credential", "Tulip2024!"),
        ("passport number 123456789 expired", "document_number", "123456789"),
        ("Je m'appelle Jeanne Exemple.", "name", "Jeanne Exemple"),
        ("our new address is 4 Sample Close, Exampleton", "address", "4 Sample Close"),
    ],
)
def test_each_kind_is_found_with_its_span(
    text: str, kind: str, found: str, policy: GuardPolicy
) -> None:
    findings = find_pii(text, policy.pii)
    assert [(f.kind, text[f.start : f.end]) for f in findings] == [(kind, found)]


def test_name_with_birth_date_and_address_is_one_kind(policy: GuardPolicy) -> None:
    text = "I'm Ann Example, born 02/03/1970, living at 5 Sample Road. Where is my payment?"
    findings = find_pii(text, policy.pii)
    assert {f.kind for f in findings} == {"name_dob_address"}
    assert [text[f.start : f.end] for f in findings] == [
        "Ann Example",
        "02/03/1970",
        "5 Sample Road",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Is 0800 328 5644 the Universal Credit helpline?",
        "Should I call 116 123 or 112?",
        "The website says to call 1 800 622 6232 for Service Canada.",
        "The careers service text number is 07766 413 219, right?",
        "Order reference 4412-9981-2231 has not arrived.",
        "Library barcode 4111 1111 1111 1112 is not recognised.",  # fails Luhn
        "The example GB83 WEST 1234 5698 7654 32 gives an error.",  # fails mod 97
        "Is QQ123456C a real National Insurance number?",  # QQ is never issued
        "Product code 046-454-287 on the leaflet",  # SIN-shaped, not labelled
        "The deadline is 31/01/2027 and the fee £82.50.",
        "I was born in 1957 and live in Spain now.",
        "Which council covers SW1A 1AA?",
        "Is contact@exampleton.gov the right address?",
        "Is the town hall at 1 Example Square?",
        "Tracking code JD014600006281234567",
        "Population was 1,234,567 in 2021, version 12.4.1",
        "I forgot my password, how do I reset it?",
    ],
)
def test_public_numbers_and_lookalikes_are_not_personal_data(
    text: str, policy: GuardPolicy
) -> None:
    assert kinds(text, policy) == []


def test_redaction_uses_placeholders_and_keeps_the_rest(policy: GuardPolicy) -> None:
    text = "Mail jo.bloggs@example.net or pay GB82WEST12345698765432, thanks"
    findings = find_pii(text, policy.pii)
    assert redact(text, findings) == "Mail [EMAIL] or pay [IBAN], thanks"


def test_offsets_index_the_original_text_with_fullwidth_digits(policy: GuardPolicy) -> None:
    text = "İİ card ４１１１ １１１１ １１１１ １１１１ ok"
    (finding,) = find_pii(text, policy.pii)
    assert finding.kind == "payment_card"
    assert text[finding.start : finding.end] == "４１１１ １１１１ １１１１ １１１１"
