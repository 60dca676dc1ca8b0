"""Check digits of national identifiers and payment numbers, as small pure functions.

Each function takes the identifier with separators already removed and says whether
its structure and check digit(s) are valid according to the published algorithm.
"""

from __future__ import annotations

import datetime

# ISO 13616 IBAN lengths per country (SWIFT IBAN registry).
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22,
    "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29,
    "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29,
    "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
# HMRC: these letters never start (first) or follow (second) a NINO prefix, these prefixes
# are never allocated, and the suffix is A, B, C or D (HMRC National Insurance Manual,
# NIM39110, "National Insurance number format").
_NINO_BAD_FIRST = frozenset("DFIQUV")
_NINO_BAD_SECOND = frozenset("DFIOQUV")
_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def iban_valid(iban: str) -> bool:
    """ISO 13616 / ISO 7064 mod 97-10: the rearranged number mod 97 must be 1."""
    iban = iban.upper()
    if len(iban) < 15 or len(iban) > 34 or not iban.isascii() or not iban.isalnum():
        return False
    country, check = iban[:2], iban[2:4]
    if not country.isalpha() or not check.isdigit():
        return False
    expected = IBAN_LENGTHS.get(country)
    if expected is not None and len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def luhn_valid(number: str) -> bool:
    """ISO/IEC 7812-1 Luhn check over a digit string."""
    if not number.isdigit() or not number.isascii():
        return False
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def card_brand(number: str) -> str | None:
    """The card scheme whose prefix and length the number has (Luhn not checked)."""
    if not number.isdigit() or len(number) < 13:
        return None
    length, two, three, four = len(number), int(number[:2]), int(number[:3]), int(number[:4])
    schemes = (
        ("visa", number[0] == "4" and length in (13, 16, 19)),
        ("mastercard", length == 16 and (51 <= two <= 55 or 2221 <= four <= 2720)),
        ("amex", length == 15 and two in (34, 37)),
        ("discover", 16 <= length <= 19 and (four == 6011 or two == 65 or 644 <= three <= 649)),
        ("jcb", 16 <= length <= 19 and 3528 <= four <= 3589),
        # UnionPay (62, 16 to 19 digits) and Diners Club International (14 digits from 36,
        # 38, 39 or 300-305): test47 forms.
        ("unionpay", 16 <= length <= 19 and two == 62),
        ("diners", length == 14 and (two in (36, 38, 39) or 300 <= three <= 305)),
    )
    return next((brand for brand, matches in schemes if matches), None)


def payment_card_valid(number: str) -> bool:
    """A known scheme prefix and length, and a valid Luhn digit."""
    return card_brand(number) is not None and luhn_valid(number)


def uk_nino_possible(prefix: str, suffix: str = "") -> bool:
    """Whether a NINO with these two prefix letters (and this suffix, when one is written) can
    be allocated at all, by HMRC's published rules (NIM39110): first letter not D, F, I, Q, U
    or V; second not D, F, I, O, Q, U or V; not BG, GB, KN, NK, NT, TN or ZZ; suffix A-D. A
    number breaking them (the guides' sample "QQ 12 34 56 C") is no one's."""
    prefix, suffix = prefix.upper(), suffix.upper()
    if len(prefix) != 2 or not prefix.isalpha() or (suffix and suffix not in "ABCD"):
        return False
    if prefix[0] in _NINO_BAD_FIRST or prefix[1] in _NINO_BAD_SECOND:
        return False
    return prefix not in _NINO_BAD_PREFIXES


def uk_nino_valid(nino: str) -> bool:
    """HMRC National Insurance number: two prefix letters, six digits, suffix A-D."""
    nino = nino.upper()
    if len(nino) != 9 or not nino[:2].isalpha() or not nino[2:8].isdigit():
        return False
    return uk_nino_possible(nino[:2], nino[8])


def fr_nir_valid(nir: str) -> bool:
    """French NIR (INSEE number): 13 characters and a key equal to 97 - (n mod 97).

    Corsican departments 2A and 2B count as 19 and 18 when the key is computed.
    """
    nir = nir.upper()
    if len(nir) != 15 or not nir[13:].isdigit() or nir[0] not in "12378":
        return False
    body = nir[:13]
    department = body[5:7]
    if department == "2A":
        body = body[:5] + "19" + body[7:]
    elif department == "2B":
        body = body[:5] + "18" + body[7:]
    if not body.isdigit():
        return False
    return 97 - int(body) % 97 == int(nir[13:])


def ca_sin_valid(sin: str) -> bool:
    """Canadian Social Insurance Number: nine digits, first 1-7, valid Luhn digit."""
    return len(sin) == 9 and sin.isdigit() and sin[0] in "1234567" and luhn_valid(sin)


def nl_bsn_valid(bsn: str) -> bool:
    """Dutch BSN eleven-proof: weights 9..2 and -1 give a multiple of 11."""
    if len(bsn) != 9 or not bsn.isdigit() or bsn == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0


def ee_isikukood_valid(code: str) -> bool:
    """Estonian personal code: century/sex digit, a real birth date, two-stage mod-11 check."""
    if len(code) != 11 or not code.isdigit() or code[0] not in "123456":
        return False
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}[code[0]]
    try:
        datetime.date(century + int(code[1:3]), int(code[3:5]), int(code[5:7]))
    except ValueError:
        return False
    digits = [int(d) for d in code]
    check = sum(d * w for d, w in zip(digits[:10], (1, 2, 3, 4, 5, 6, 7, 8, 9, 1), strict=True))
    check %= 11
    if check == 10:
        second = (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)
        check = sum(d * w for d, w in zip(digits[:10], second, strict=True)) % 11
        if check == 10:
            check = 0
    return check == digits[10]


def es_dni_nie_valid(document: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter): mod-23 letter."""
    document = document.upper()
    if len(document) != 9:
        return False
    head = document[:8]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    if not head.isdigit():
        return False
    return _DNI_LETTERS[int(head) % 23] == document[8]


def uk_nhs_number_valid(number: str) -> bool:
    """NHS number: ten digits, weights 10..2 on the first nine, check = 11 - sum mod 11."""
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(number[9])


def be_national_number_valid(number: str) -> bool:
    """Belgian national register number (rijksregisternummer / numéro de registre national):
    eleven digits, YYMMDD, a three-digit serial and a key 97 - (n mod 97) over the first
    nine, n prefixed with 2 for people born from 2000 on. Month and day may be 00 (an
    unknown date) or raised by 20/40 (a bis number), so the date itself is not checked."""
    if len(number) != 11 or not number.isdigit() or not number.isascii():
        return False
    body, key = number[:9], int(number[9:])
    return key in (97 - int(body) % 97, 97 - int("2" + body) % 97)


def ch_avs_valid(number: str) -> bool:
    """Swiss AVS/AHV social security number: thirteen digits starting 756, the last an
    EAN-13 check digit (weights 1 and 3 from the left)."""
    if len(number) != 13 or not number.isdigit() or not number.startswith("756"):
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(number[:12]))
    return (10 - total % 10) % 10 == int(number[12])


_PPSN_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV"


def ie_ppsn_valid(ppsn: str) -> bool:
    """Irish PPS number: seven digits, a check letter (weights 8..2 on the digits, mod 23,
    W for 0) and an optional second letter (W, T, X or A, B, H ...), counted with weight 9
    as its place in the alphabet (W as 0)."""
    ppsn = ppsn.upper()
    if len(ppsn) not in (8, 9) or not ppsn[:7].isdigit() or not ppsn[7:].isalpha():
        return False
    if not ppsn.isascii():
        return False
    total = sum(int(d) * w for d, w in zip(ppsn[:7], range(8, 1, -1), strict=True))
    if len(ppsn) == 9 and ppsn[8] != "W":
        total += 9 * (ord(ppsn[8]) - ord("A") + 1)
    return _PPSN_LETTERS[total % 23] == ppsn[7]
