"""Check-digit functions against numbers built here with each published generation rule."""

from __future__ import annotations

import pytest

from bot.guards import checksums


def _luhn_complete(body: str) -> str:
    """Append the Luhn digit (ISO/IEC 7812-1): the digit that makes the total a multiple of 10."""
    for digit in "0123456789":
        total = 0
        for position, char in enumerate(reversed(body + digit)):
            value = int(char) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return body + digit
    raise AssertionError("unreachable")


def _iban(country: str, bban: str) -> str:
    """ISO 7064 generation: check = 98 - (BBAN + country + '00' as digits) mod 97."""
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def test_iban_built_with_the_iso_rule_is_valid_and_a_changed_digit_is_not() -> None:
    iban = _iban("GB", "WEST12345698765432")
    assert iban == "GB82WEST12345698765432"  # the ECBS example IBAN
    assert checksums.iban_valid(iban)
    assert checksums.iban_valid(iban.lower())
    assert not checksums.iban_valid(iban[:-1] + "3")
    assert not checksums.iban_valid(_iban("GB", "WEST1234569876543"))  # GB IBANs have 22 chars
    assert checksums.iban_valid(_iban("FR", "30006000011234567890189"))
    assert not checksums.iban_valid("GB82 WEST 1234")


@pytest.mark.parametrize(
    ("body", "brand"),
    [("411111111111111", "visa"), ("545454545454545", "mastercard"),
     ("37828224631000", "amex"), ("222100000000000", "mastercard")],
)  # fmt: skip
def test_payment_cards_need_prefix_length_and_luhn(body: str, brand: str) -> None:
    number = _luhn_complete(body)
    assert checksums.card_brand(number) == brand
    assert checksums.payment_card_valid(number)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not checksums.payment_card_valid(wrong)


def test_luhn_valid_number_with_unknown_prefix_is_not_a_card() -> None:
    number = _luhn_complete("900000000000000")
    assert checksums.luhn_valid(number)
    assert not checksums.payment_card_valid(number)


@pytest.mark.parametrize(
    ("nino", "valid"),
    [("AB123456C", True), ("ab123456d", True), ("QQ123456C", False), ("DA123456A", False),
     ("AO123456A", False), ("GB123456A", False), ("ZZ123456A", False), ("AB123456E", False),
     ("AB12345C", False)],
)  # fmt: skip
def test_uk_nino_prefix_and_suffix_rules(nino: str, valid: bool) -> None:
    assert checksums.uk_nino_valid(nino) is valid


def _nir(body: str) -> str:
    numeric = body.replace("2A", "19").replace("2B", "18")
    return f"{body}{97 - int(numeric) % 97:02d}"


def test_fr_nir_key_including_corsica() -> None:
    mainland = _nir("1850578006084")
    assert checksums.fr_nir_valid(mainland)
    assert not checksums.fr_nir_valid(mainland[:-2] + f"{(int(mainland[-2:]) + 1) % 100:02d}")
    corsica = _nir("2931220111541")[:-2]
    corsica_a = _nir(corsica[:5] + "2A" + corsica[7:])
    assert "2A" in corsica_a
    assert checksums.fr_nir_valid(corsica_a)
    assert not checksums.fr_nir_valid(corsica_a.replace("2A", "2B"))


def test_ca_sin_is_luhn_with_first_digit_one_to_seven() -> None:
    assert checksums.ca_sin_valid(_luhn_complete("12345678"))
    # 046 454 286 is Canada's published sample: Luhn-valid, but 0 is not an issued first digit.
    assert checksums.luhn_valid("046454286")
    assert not checksums.ca_sin_valid("046454286")
    assert not checksums.ca_sin_valid("123456789")


def _bsn(body: str) -> str:
    weighted = sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True))
    last = weighted % 11
    if last > 9:
        raise ValueError("no check digit for this body")
    return body + str(last)


def test_nl_bsn_eleven_proof() -> None:
    bsn = _bsn("11122233")
    assert bsn == "111222333"
    assert checksums.nl_bsn_valid(bsn)
    assert not checksums.nl_bsn_valid("111222334")
    assert not checksums.nl_bsn_valid("000000000")


def _isikukood(body: str) -> str:
    digits = [int(d) for d in body]
    check = sum(d * w for d, w in zip(digits, (1, 2, 3, 4, 5, 6, 7, 8, 9, 1), strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 1, 2, 3), strict=True)) % 11
        check = 0 if check == 10 else check
    return body + str(check)


def test_ee_isikukood_date_and_two_stage_check() -> None:
    for body in ("3760503029", "4900101123", "6080229000"):
        assert checksums.ee_isikukood_valid(_isikukood(body))
    code = _isikukood("3760503029")
    assert not checksums.ee_isikukood_valid(code[:-1] + str((int(code[-1]) + 1) % 10))
    assert not checksums.ee_isikukood_valid(_isikukood("6100229000"))  # 29 Feb 2010
    assert not checksums.ee_isikukood_valid(_isikukood("3761303029"))  # month 13
    assert not checksums.ee_isikukood_valid(_isikukood("9760503029"))  # no such century digit


def test_es_dni_and_nie_mod_23_letter() -> None:
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    assert checksums.es_dni_nie_valid("12345678" + letters[12345678 % 23])
    assert checksums.es_dni_nie_valid("X1234567" + letters[1234567 % 23])
    assert checksums.es_dni_nie_valid("Y1234567" + letters[11234567 % 23])
    assert not checksums.es_dni_nie_valid("12345678A")


def test_uk_nhs_number_mod_11() -> None:
    assert checksums.uk_nhs_number_valid("9434765919")  # NHS Digital's documented example
    body = "401023213"
    total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    assert check != 10
    assert checksums.uk_nhs_number_valid(body + str(check))
    assert not checksums.uk_nhs_number_valid(body + str((check + 1) % 10))
