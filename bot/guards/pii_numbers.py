"""Identifiers and payment numbers in a message, confirmed by their check digits.

A number that passes its checksum is personal data wherever it appears, unless the words
before it say it is a product, order or meter number; where the check is weak (one number
in ten passes Luhn) the number must also be written the way the identifier is printed. A
number the citizen labels as an identifier ("my SIN is ...") is personal data even when
mistyped, unless the message says a form, page or bank turned it down as not valid (then it
is the number the writer asks about, failing its check digit: a look-alike). Everything
else shaped like an identifier (a reference number, a serial number that fails the
checksum) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.guards import checksums
from bot.guards.verdict import PIIFinding

_LABEL_WINDOW = 32
# Its country code may stand apart from its check digits when written in pairs ("GB 29 NW BK
# 60 16 …", "FR 76 30 00 …": test44 forms), then in capitals only (a word such as "is" or "no"
# before two digits is no country code).
_IBAN_START = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z]{2}|[A-Z]{2}[ -](?=\d{2}[ -][A-Z0-9]{2}[ -]))\d{2}"
    r"(?=[ A-Za-z0-9-])"
)
_DIGIT_RUN = re.compile(r"(?<![\w+/.,-])\d+(?:[ .-]\d+)*(?![\w/]|[.,]\d)")
# Its groups may be set apart by dashes or dots, the same each time, as some letters print it
# ("HK-52-09-34-A", "HK-520934-A", "TR.62.95.04.A"): test46 and test47 forms.
_NINO = re.compile(
    r"(?<![\w])[A-Za-z]{2}(?: ?\d{2} ?\d{2} ?\d{2} ?|([.-])\d{2}(?:\1?\d{2}){2}\1)[A-Da-d]"
    r"(?![\w])(?(1)(?!\1\w))"
)
# Introduced as a NINO, any two letters and six digits count (a mistyped or unusual prefix).
_NINO_LOOSE = re.compile(
    r"(?<![\w])[A-Za-z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}(?:[ -]?[A-Za-z])?(?![\w])"
)
# Introduced as a NINO and typed on a phone, its six digits may be split anywhere ("sk 73 2 0
# 55 a"): test29 forms.
_NINO_SPLIT = re.compile(r"(?<![\w])[A-Za-z]{2}(?:[ \t]{0,2}\d){6}(?:[ \t]{0,2}[A-Da-d])?(?![\w])")
# How a SIN (3-3-3) and an NHS number (3-3-4) are printed.
_SIN_PRINTED = re.compile(r"\d{3}([ -])\d{3}\1\d{3}")
_NHS_PRINTED = re.compile(r"[4-9]\d{2}([ -])\d{3}\1\d{4}")
# An NHS number printed with slashes between its groups, as some apps show it ("943/476/5919"):
# one when it passes its check in a message about the NHS or care (test46 forms).
_NHS_SLASHED = re.compile(r"(?<![\w/.-])[4-9]\d{2}/\d{3}/\d{4}(?![\w/]|[.,-]\d)")
# A Diners Club card as printed: 3614 123456 7890 (test47 forms).
_DINERS_PRINTED = re.compile(r"\d{4}([ -])\d{6}\1\d{4}")
# A Dutch BSN as printed on documents: 1234.56.782.
_BSN_PRINTED = re.compile(r"\d{4}\.\d{2}\.\d{3}")
# Born overseas (Guadeloupe, La Réunion …), the department takes three digits and the commune
# two ("2 84 11 971 20 356 55"): printed so (test32 forms).
_NIR = re.compile(
    r"(?<![\w])[1-478][ .-]?\d{2}[ .-]?\d{2}[ .-]?"
    r"(?:(?:\d{2}|2[ABab])[ .-]?\d{3}|9[78]\d[ .-]?\d{2})[ .-]?\d{3}"
    r"[ .-]?\d{2}(?![\w])"
)
# The 13 characters of a NIR with its key said apart ("1 97 11 35 238 412, clé 68") or left
# out: the NIR's own grouping, with the key after "clé"/"key" when given, or after a slash or
# a bar as a card prints it apart ("… 412 / 68"; test49, spent).
_NIR_KEY_APART = re.compile(
    r"(?<![\w])([1-478] \d{2} \d{2} (?:\d{2}|2[ABab]) \d{3} \d{3})"
    r"(?:\s*,?\s*(?:cl[eé]|key)\s*:?\s*(\d{2})|[ \t]{0,2}[/|][ \t]{0,2}(\d{2}))?(?![\w]|/\d)"
)
# Named as a social security number and typed as a phone keypad or a form's boxes group it,
# its 15 characters may be split anywhere ("2 04 11 69 12 30 17 33", in pairs): counted when
# its key holds and no example word is in the message (issue 12, after the spent set test30).
_NIR_SPLIT = re.compile(r"(?<![\w])[1-478](?:[ .\t]{0,2}[0-9ABab]){14}(?![\w])")
# Words saying a form, till or system turned the number down as not valid ("keeps saying
# 'invalid'", "was rejected as not valid", "le formulaire le refuse, invalide"). A number
# that fails its own check digit in such a message is a mistyped or test number the writer
# is asking about, not an identifier or card of theirs.
# Since the test18 forms: every form of "reject" and "refuse" ("the page rejects …", "la CAF
# refuse …", "votre page rejette …"), "won't take / go through", "n'accepte pas", a key or
# check digit said to be wrong ("clé incorrecte", "la clé est fausse", "wrong check digit").
_REJECTED_AS_INVALID = re.compile(
    r"\b(?:invalid|not valid|isn'?t valid|reject(?:s|ed|ing)?|declin(?:es|ed|ing)"
    r"|not accepted|(?:won'?t|doesn'?t|does not|will not|didn'?t|did not)"
    r" (?:accept|take|go through)"
    r"|not recognised|not recognized|refus(?:es|ed|ing)"
    r"|(?:wrong|incorrect|bad) (?:check ?digit|checksum)|check ?digit (?:is )?(?:wrong|incorrect)"
    r"|invalide|pas valide|non valide|refus[ée]e?s?|refusent|rejet[ée]e?|rejett?e(?:nt)?"
    r"|pas accept[ée]e?|n'accepte (?:pas|plus)|non reconnue?"
    r"|cl[ée] (?:est )?(?:fausse|incorrecte|erron[ée]e|invalide|pas bonne)"
    # Its key said not to match the number (test37 forms): "la clé ne correspond pas au
    # numéro", "the check digits don't match".
    r"|cl[ée] ne (?:correspond|colle|va) pas|(?:key|check ?digits?|checksum)"
    r" (?:doesn['’]?t|does not|don['’]?t|do not|didn['’]?t|did not) (?:match|add up|work out))\b"
)
_DNI_NIE = re.compile(r"(?<![\w])(?:[XYZxyz]\d{7}|\d{8})[ -]?[A-Za-z](?![\w])")

# Words that make a number one shown, not one given ("a demo card", "un faux IBAN"); the
# personal-data layer's own list of example words (pii.py) takes them too.
SHOWN_NOT_GIVEN = (
    r"demo|d[ée]mo|demonstration|d[ée]monstration|bogus|invented|bidon"
    r"|(?:un|une|des|le|la|les|ce|cette) (?:faux|fausses?)"
)
_EXAMPLE = re.compile(
    r"\b(?:sample|example|specimen|dummy|fake|test|exemple|fictif|fictive|factice|mod[eè]le"
    rf"|{SHOWN_NOT_GIVEN}|invent[ée]e?)\b"
)
# Labels, matched on the case-folded text just before the number.
_LABELS: dict[str, re.Pattern[str]] = {
    "ca_sin": re.compile(r"\b(?:sin|nas|social insurance|assurance sociale)\b"),
    "nl_bsn": re.compile(r"\b(?:bsn|burgerservicenummer|sofi-?nummer)\b"),
    "uk_nhs_number": re.compile(r"\bnhs\b"),
    "ee_isikukood": re.compile(r"\b(?:isikukood|personal code|id code)\b"),
    "fr_nir": re.compile(r"\b(?:nir|s[eé]cu|s[eé]curit[eé] sociale|insee|carte vitale)\b"),
    "es_dni_nie": re.compile(r"\b(?:dni|nie|documento|nif)\b"),
    "iban": re.compile(r"\b(?:iban|rib|bank account|compte bancaire)\b"),
    "uk_nino": re.compile(
        r"\b(?:national insurance|insurance (?:number|no)|ni (?:number|no|num)|nino|nin)\b"
    ),
    "payment_card": re.compile(
        r"\b(?:card|carte(?: bancaire| bleue)?|cb|visa|mastercard|amex|credit|debit)\b"
        r"(?: (?:number|no|num(?:e|é)ro|n°))?\W{0,4}(?:(?:is|est)\W{0,3})?$"
    ),
    # Words saying a number is an object's, not a person's: a checksum alone is then no proof.
    "object": re.compile(
        r"\b(?:product|order|serial|reference|ref|code|meter|barcode|ticket|tracking|invoice"
        r"|version|model|part|item|isbn|commande|colis|facture|s(?:e|é)rie|compteur|article"
        r"|produit|phone|tel|call|mobile|fax|helpline|line|appel\w*|t(?:e|é)l(?:e|é)phone"
        r"|library|loyalty|gift|store|biblioth(?:e|è)que|fid(?:e|é)lit(?:e|é))\b"
    ),
}


def _labelled(folded: str, start: int, kind: str) -> bool:
    window = folded[max(0, start - _LABEL_WINDOW) : start]
    return _LABELS[kind].search(window) is not None


def _named_as_own(folded: str, start: int, kind: str) -> bool:
    """Labelled as `kind` and not shown as an example ("the sample IBAN on your page")."""
    window = folded[max(0, start - _LABEL_WINDOW) : start]
    return _labelled(folded, start, kind) and _EXAMPLE.search(window) is None


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _iban_end(text: str, start: int, length: int) -> int | None:
    """Where an IBAN of `length` characters starting at `start` ends (single spaces or dashes
    between its characters allowed)."""
    taken, index = 0, start
    while index < len(text) and taken < length:
        char = text[index]
        if char.isascii() and char.isalnum():
            taken += 1
        elif char not in " -" or text[index - 1] in " -":
            break
        index += 1
    return index if taken == length else None


# An IBAN's account part written as a mask, one letter X for each character ("FR76 XXXX XXXX
# …", "GB00 xxxx xxxx …"), as a form's notice or a template shows the shape to fill in: no
# account in it, nobody's (issue 12, fixer P5, after test56: a notice's template IBAN blocked).
# A mask with any real character left in it ("FR76 3000 XXXX …") is judged as typed.
_MASKED = re.compile(r"[Xx]+")


def find_ibans(text: str, folded: str) -> Iterator[PIIFinding]:
    """IBANs written with or without the usual groups of four; a mistyped one named as such."""
    for match in _IBAN_START.finditer(text):
        length = checksums.IBAN_LENGTHS.get(match.group(0)[:2].upper())
        end = None if length is None else _iban_end(text, match.start(), length)
        if end is None or _MASKED.fullmatch(_compact(text[match.start() : end])[4:]):
            continue
        valid = checksums.iban_valid(_compact(text[match.start() : end]))
        # A failing one named as an IBAN is a mistyped own one, unless it was turned down.
        named = _named_as_own(folded, match.start(), "iban") and not _rejected(folded)
        if valid or named:
            yield PIIFinding("iban", match.start(), end)
    yield from _ibans_in_pieces(text)


# An IBAN a banking app shows in pieces, each on its line or between slashes: the country's
# code, then its check key, then the rest ("Country: GB / Check digits: 29 / NWBK 6016 …",
# "Pays : FR⏎Clé : 76⏎3000 …"): read joined, counted when the whole passes its check
# (test48 forms).
_IBAN_PIECES = re.compile(
    r"(?i:\b(?:pays|country(?:[ \t]+code)?|code[ \t]+(?:du[ \t]+)?pays)\b)[ \t]*[:=]?[ \t]*"
    r"(?P<cc>[A-Z]{2})\b[ \t]*(?:[\n/|;,][ \t]*){1,3}"
    r"(?i:(?:cl[ée](?:[ \t]+(?:de[ \t]+contr[ôo]le|iban|rib))?|key|check(?:[ \t]+digits?)?"
    r"|contr[ôo]le"
    # Or no key box: the rest after the country's box, its key first ("country GB, rest 29
    # NWBK …", "pays FR, reste : 76 3000 …"): test49, spent.
    r"|(?:the[ \t]+)?(?:rest|remainder|reste|suite)(?:[ \t]+of[ \t]+(?:it|the[ \t]+iban))?)\b)"
    r"[ \t]*[:=]?[ \t]*(?P<key>\d{2})\b(?:[ \t]*(?:[\n/|;,][ \t]*){1,3}|[ \t]+)"
    r"(?:(?i:(?:bban|compte|account|num[ée]ro|number|reste|rest|suite)\b)[^\n\d]{0,20})?"
    r"(?=[A-Z0-9])"
)


def _ibans_in_pieces(text: str) -> Iterator[PIIFinding]:
    for match in _IBAN_PIECES.finditer(text):
        length = checksums.IBAN_LENGTHS.get(match.group("cc"))
        end = None if length is None else _iban_end(text, match.end(), length - 4)
        if end is None:
            continue
        whole = match.group("cc") + match.group("key") + _compact(text[match.end() : end])
        if checksums.iban_valid(whole):
            yield PIIFinding("iban", match.start("cc"), end)


def iban_shaped_spans(text: str) -> list[tuple[int, int]]:
    """Where IBAN-shaped runs stand (a country's code, two digits and that country's length),
    valid or not: the digits inside one are the IBAN's, never a phone or an account number of
    their own ("NL19 ABNA 0417 1643 00" holds no phone "0417 1643 00")."""
    spans: list[tuple[int, int]] = []
    for match in _IBAN_START.finditer(text):
        length = checksums.IBAN_LENGTHS.get(match.group(0)[:2].upper())
        end = None if length is None else _iban_end(text, match.start(), length)
        if end is not None:
            spans.append((match.start(), end))
    return spans


def _printed_id_kind(raw: str, digits: str, labelled: Callable[[str], bool]) -> str | None:
    """A SIN or BSN (9 digits) or NHS number (10): named as such, or printed as one with a
    valid check."""
    if len(digits) == 9:
        named = next((kind for kind in ("ca_sin", "nl_bsn") if labelled(kind)), None)
        if named is not None:
            return named
        if _BSN_PRINTED.fullmatch(raw) and checksums.nl_bsn_valid(digits):
            return "nl_bsn"
        printed = _SIN_PRINTED.fullmatch(raw) is not None
        return "ca_sin" if printed and checksums.ca_sin_valid(digits) else None
    if labelled("uk_nhs_number"):
        return "uk_nhs_number"
    printed = _NHS_PRINTED.fullmatch(raw) is not None
    return "uk_nhs_number" if printed and checksums.uk_nhs_number_valid(digits) else None


def _run_kind(raw: str, digits: str, labelled: Callable[[str], bool]) -> str | None:
    """Which identifier a run of digits is, if any."""
    size = len(digits)
    if 13 <= size <= 19:
        # Fourteen digits are a Diners Club card's only as one prints them (4-6-4) or named as
        # a card: a French SIRET is fourteen digits passing Luhn too.
        printed = size != 14 or _DINERS_PRINTED.fullmatch(raw) is not None
        if checksums.payment_card_valid(digits) and (printed or labelled("payment_card")):
            return "payment_card"
        if labelled("payment_card") and not labelled("object"):
            return "payment_card"
    if size in (9, 10):
        kind = _printed_id_kind(raw, digits, labelled)
        # A checksum alone is no proof for a number the message says is an object's.
        named = kind is not None and labelled(kind)
        return kind if named or (kind is not None and not labelled("object")) else None
    if size == 11 and (checksums.ee_isikukood_valid(digits) or labelled("ee_isikukood")):
        return "ee_isikukood"
    return None


# A card's number given with its expiry and its security code ("4539 … exp 09/28 cvv 123",
# "… expire fin 09/28, cryptogramme 123"): the card, even mistyped (a failing Luhn check), as
# a payment page asks for the three together (test44 forms). A card-shaped number quoted in a
# scam text has neither.
_EXPIRY_AFTER = re.compile(
    r"\b(?:exp(?:iry|ires?|iration)?|valid\s+(?:thru|through|until|to)|expire\w*|date\s+d['’]"
    r"expiration|fin)\b\.?[\s:]*(?:date\s*)?(?:le\s+|fin\s+)?:?\s*(?:0?[1-9]|1[0-2])\s*/\s*(?:\d{2}|20\d{2})\b"
    r"|(?<![\d/])(?:0[1-9]|1[0-2])/(?:2\d|20[2-4]\d)(?![\d/])"
)
_SECURITY_CODE_AFTER = re.compile(
    r"\b(?:cvv2?|cvc2?|csc|cv2|security\s+(?:code|number|digits)|code|cryptogramme|crypto"
    r"|code\s+de\s+s[ée]curit[ée]|(?:3|three|trois)\s+(?:digits|chiffres)(?:\s+\w+){0,3}?)"
    r"\b[\s:=]*(?:is\s+|est\s+|c['’]est\s+)?\d{3,4}(?!\d)"
)
_PAYMENT_REACH = 90
# A card's last digits given again after it ("Sorry, last 4 are 5532", "pardon, les 4 derniers
# c'est 5532"): the number as corrected, when it then passes Luhn, is the card.
_LAST_DIGITS_AGAIN = re.compile(
    r"\b(?:last|final|les|the)\s+(?P<count>4|four|quatre|3|three|trois)\s+(?:digits?\s+|chiffres?\s+)?"
    r"(?:derniers?\s+(?:chiffres?\s+)?)?(?:are|is|should\s+be|were|c['’]est|sont|=|:)?\s*:?\s*"
    r"(?P<digits>\d{3,4})(?!\d)"
)
_CORRECTION_REACH = 120


def _card_given_for_payment(folded: str, end: int) -> bool:
    """An expiry and a security code right after a number ending at `end`."""
    after = folded[end : end + _PAYMENT_REACH]
    return _EXPIRY_AFTER.search(after) is not None and (
        _SECURITY_CODE_AFTER.search(after) is not None
    )


def _card_corrected_after(folded: str, end: int, digits: str) -> bool:
    """The number's last digits given again after it, and the corrected number passes Luhn."""
    after = folded[end : end + _CORRECTION_REACH]
    for match in _LAST_DIGITS_AGAIN.finditer(after):
        new = match.group("digits")
        corrected = digits[: len(digits) - len(new)] + new
        if corrected != digits and checksums.payment_card_valid(corrected):
            return True
    return False


def find_digit_identifiers(text: str, folded: str) -> Iterator[PIIFinding]:
    """Cards, SIN, BSN, NHS numbers and Estonian personal codes."""
    for match in _DIGIT_RUN.finditer(text):
        digits = "".join(ch for ch in match.group(0) if ch.isdigit())
        if len(digits) < 9 or len(digits) > 19:
            continue
        start = match.start()

        def labelled(kind: str, start: int = start) -> bool:
            if kind == "object":
                return _labelled(folded, start, kind)
            return _named_as_own(folded, start, kind)

        kind = _run_kind(match.group(0), digits, labelled)
        if kind is None and _nhs_named_in_message(folded, digits, labelled):
            kind = "uk_nhs_number"
        if kind is None and _nhs_beside_care_words(folded, start, digits):
            kind = "uk_nhs_number"
        if kind is None and 13 <= len(digits) <= 19 and not labelled("object"):
            if _card_corrected_after(folded, match.end(), digits):
                yield PIIFinding("payment_card", start, match.end())
                continue
            if _card_given_for_payment(folded, match.end()):
                kind = "payment_card"
        if kind is not None and not _rejected_failing_check(folded, kind, digits):
            yield PIIFinding(kind, start, match.end())
    for match in _NHS_SLASHED.finditer(text):
        digits = "".join(ch for ch in match.group(0) if ch.isdigit())
        named = _LABELS["uk_nhs_number"].search(folded) is not None
        care = _CARE_WORDS.search(folded) is not None
        shown = _EXAMPLE.search(folded) is not None
        if checksums.uk_nhs_number_valid(digits) and (named or care) and not shown:
            yield PIIFinding("uk_nhs_number", match.start(), match.end())


# A message about a scam, or about a payment someone demands of the writer ("a text says I must
# transfer £60 to …", "on me demande de virer … sur l'IBAN …"): an IBAN in it that fails its
# check is the number the writer asks about, not a mistyped account of theirs (issue 12, after
# the spent set test28).
_DEMANDED = re.compile(
    r"\b(?:scam\w*|phishing|fraud\w*|con\s+artists?|arnaque\w*|escroc\w*|hame[cç]onnage"
    r"|frauduleu\w*|soi-disant|supposedly|claiming\s+to\s+be|pretending\s+to\s+be"
    r"|(?:asks?|asking|asked|tells?|told|telling|demands?|demanding|wants?)\s+(?:me|us)\s+to"
    r"\s+(?:pay|transfer|send|wire)|(?:must|have\s+to|need\s+to)\s+(?:pay|transfer|send|wire)"
    r"\b[^.!?\n]{0,40}\b(?:to|into)\s+(?:the|this|an?)\s+(?:iban|account)"
    r"|(?:me|nous)\s+(?:demande\w*|dit|disent|ordonne\w*)\s+(?:de|d['’])\s*(?:virer|verser"
    r"|payer|envoyer|transf[ée]rer|r[ée]gler))\b"
)


# A number someone else handed the writer and the writer disowns: a caller at the door or a
# text "from the council", a number "that isn't mine / hers", "ce n'est même pas le mien", one
# the caller read out ("he read out …", "il m'a lu …"). One that fails its check in such a
# message is the number asked about, not a mistyped own one (issue 12, after the spent sets
# test29 and test30).
_DISOWNED = re.compile(
    r"\b(?:(?:is|was|it['’]?s|that['’]?s)\s*(?:not|n['’]t)\s+(?:even\s+)?(?:my|her|his|their|our"
    r"|mum['’]s|mom['’]s|dad['’]s)(?:\s+own)?\s+(?:number|one|card|account|iban)"
    r"|(?:is|was|it['’]?s|that['’]?s)\s*(?:not|n['’]t)\s+(?:even\s+)?(?:mine|hers|his|theirs|ours)"
    r"|someone\s+else['’]s|somebody\s+else['’]s"
    r"|(?:said|says|saying|claimed|claims|claiming)\s+(?:he|she|they)\s+(?:was|were|is|are)"
    r"\s+from"
    # A number the stranger read out to the writer, not one the writer gives (test30).
    r"|(?:he|she|they|the\s+(?:man|woman|caller|person))\s+(?:then\s+)?(?:read|reads|reeled)"
    r"\s+(?:out|off)|(?:il|elle|ils)\s+(?:m['’]a|m['’]ont|nous\s+a)\s+(?:lu|r[ée]cit[ée])"
    r"|claim(?:s|ed|ing)?\s+to\s+be\s+from|cold\s+call\w*|bogus|doorstep\s+call\w*"
    r"|n['’]est\s+(?:m[êe]me\s+)?pas\s+(?:le\s+mien|la\s+mienne|le\s+sien|la\s+sienne"
    r"|le\s+n[ôo]tre|(?:mon|son|notre)\s+(?:num[ée]ro|compte|iban)|(?:ma|sa|notre)\s+carte)"
    r"|(?:se\s+disant|pr[ée]tend\w*\s+[êe]tre|pr[ée]tendu\w*)|faux\s+agents?|d[ée]marcheu\w+"
    # A message the writer suspects, quoted with its number ("is this really from you?", "is it
    # a scam?", "c'est une arnaque ?"): the number is the scammer's (test31 forms).
    r"|is\s+(?:this|it|that)\s+(?:really\s+|actually\s+|even\s+)?(?:from\s+you|genuine|legit\w*|real)"
    r"|scam\w*|phishing|arnaque\w*|hame[çc]onnage|est-ce\s+(?:vraiment\s+)?(?:de\s+)?vous"
    # Called fake, or doubted as something the council would ask ("it's fake, right?", "la
    # ville demande vraiment ça par SMS ?", "do you really text people for …"): test33 forms.
    r"|(?:it|this|that)(?:['’]s|\s+is|\s+was)\s+(?:a\s+)?(?:fake|forged|bogus)"
    # The letter, text or e-mail carrying the number called fake before its noun ("a fake
    # bailiff letter", "this forged council tax email", "un faux avis d'huissier", "une
    # fausse lettre"): the forger's number, asked about (test41, spent). A failing IBAN in it
    # is judged by its own mod-97 check alone: a French RIB key that holds inside it does not
    # make it the writer's, as no other failing IBAN in a doubted message is.
    r"|(?:fake|forged|counterfeit|phony|phoney|sham)\s+(?:[\w'’-]+\s+){0,3}?(?:letters?"
    r"|e-?mails?|texts?|sms|messages?|notices?|bills?|invoices?|demands?|summons)"
    r"|(?:faux|fausses?)\s+(?:lettres?|courriers?|courriels?|mails?|e-mails?|sms|messages?"
    r"|avis|factures?|convocations?|mises?\s+en\s+demeure|huissiers?|relances?|textos?)"
    r"|c['’]est\s+(?:un\s+|une\s+)?(?:faux|fausse|bidon)"
    r"|(?:demande\w*|envoie\w*|[ée]cri\w*)\s+vraiment|(?:do|does|would)\s+(?:you|the\s+council"
    r"|the\s+city)\s+really\s+(?:ask|text|send|email|e-mail|write)"
    # Asked whether the council sent it, or sends such messages, or said to look nothing like
    # the writer's own ("did you send this?", "does the council send this kind of email?",
    # "c'est bien vous qui l'avez envoyé ?", "il ne ressemble pas au mien"): test35 forms.
    r"|did\s+(?:you|the\s+council|the\s+city)\s+(?:really\s+)?(?:send|text|e-?mail|write)"
    r"\s+(?:this|that|it|me)|(?:do|does|would)\s+(?:you|the\s+council|the\s+city)\s+(?:really\s+)?"
    r"(?:send|text|e-?mail)\s+(?:this|that|these|such)\s+(?:kind|sort|type)s?\s+of"
    r"|c['’]est\s+(?:bien\s+|vraiment\s+)?vous\s+qui\s+(?:l['’]\s*|m['’]\s*)?(?:avez\s+)?"
    r"(?:envoy|[ée]cri|demand)\w*|(?:la\s+ville|la\s+mairie|le\s+conseil|vous)\s+envo\w+"
    r"\s+(?:vraiment\s+)?(?:ce|ces)\s+(?:genre|type|sorte)s?\s+de"
    r"|ne\s+ressemble\s+(?:m[êe]me\s+)?(?:pas|en\s+rien)(?:\s+du\s+tout)?\s+(?:au|[àa]\s+la)"
    r"\s+(?:mien|mienne|sien|sienne)|(?:doesn'?t|does\s+not)\s+(?:even\s+)?look\s+like"
    r"\s+(?:mine|my\s+own|hers|his))\b"
    # Said not to come from the body it names ("ce n'est pas la mairie, si ?", "that's not the
    # council, is it?", "surely this isn't from the NHS"), or forwarded to warn others ("can
    # the council warn people?", "il faudrait prévenir les habitants"): a message the writer
    # doubts, its failing numbers the sender's (test42, spent).
    r"|\b(?:ce\s+n['’]est|c['’]est|ca\s+n['’]est|ça\s+n['’]est)\s+(?:pas|vraiment|bien)\s+"
    r"(?:(?:de\s+)?(?:la\s+(?:mairie|ville|caf|cpam|s[ée]cu)|le\s+(?:conseil|d[ée]partement"
    r"|tr[ée]sor)|l['’]\s*(?:assurance\s+maladie|ameli|urssaf|administration)|vous|ameli))\b"
    r"|\b(?:(?:it|this|that)(?:['’]s|\s+is)\s*(?:not|n['’]t)|(?:isn['’]t|is\s+not)\s+(?:this"
    r"|it|that))\s+(?:really\s+|actually\s+)?(?:from\s+)?(?:the\s+(?:council|nhs|dwp|hmrc"
    r"|city|town\s+hall)|you)\b"
    # A message the writer received and quotes ("got a text: \"…\"", "reçu ce SMS : « … »"),
    # or asked about as anything to do with the council ("is this anything to do with you?",
    # "ça a quelque chose à voir avec la mairie ?"): a failing number in it is the sender's,
    # its label ("NHS no.") the sender's word, not the writer's (test48, spent).
    r"|\b(?:got|received|had|get|getting)\s+(?:a|an|this|the|these|that)\s+(?:\w+\s+)?"
    r"(?:texts?|sms|e-?mails?|letters?|messages?|voicemails?|notices?)\b[^\n\"“'‘«]{0,40}"
    r"[\"“'‘«]"
    r"|\bre[cç]u\s+(?:un|une|ce|cet|cette|ces|le|la)\s+(?:\w+\s+)?(?:sms|textos?|courriels?"
    r"|mails?|e-mails?|messages?|lettres?|courriers?|avis)\b[^\n\"“«]{0,40}[\"“«]"
    r"|\b(?:anything|something)\s+to\s+do\s+with\s+(?:you|the\s+council|the\s+city|the\s+nhs"
    r"|your\s+\w+)\b"
    r"|\b(?:quelque\s+chose|rien)\s+[àa]\s+voir\s+avec\s+(?:vous|la\s+(?:mairie|ville)"
    r"|le\s+conseil)\b"
    r"|\b(?:warn|alert)\s+(?:people|residents|others|everyone|the\s+public|folk)\b"
    r"|\b(?:pr[ée]venir|avertir|alerter|mettre\s+en\s+garde)\s+(?:les\s+)?(?:gens|habitants"
    r"|autres|administr[ée]s|r[ée]sidents|personnes|public)\b"
    # A message (an e-mail, a text, a letter) that asks the writer to confirm or update bank
    # details, or a number the writer asks "is that you?" about ("un courriel me demande de
    # confirmer l'IBAN …", "a text wants me to verify …", "… : c'est vous ?"): the sender's
    # number, asked about (test49, spent).
    r"|\b(?:e-?mails?|texts?|sms|messages?|letters?|courriels?|mails?|textos?|lettres?"
    r"|courriers?)\b[^.?!\n]{0,60}?\b(?:(?:asks?|asking|asked|wants?|tells?|told)\s+(?:me|us)"
    r"\s+to\s+(?:confirm|verify|update|re-?enter|check)|(?:me|nous)\s+(?:demande\w*|dit|invite\w*)"
    r"\s+(?:de|d['’])\s*(?:confirmer|v[ée]rifier|mettre\s+[àa]\s+jour|ressaisir|valider))\b"
    r"|\bc['’]est\s+(?:bien\s+|vraiment\s+)?vous\s*\?"
    r"|\b(?:is|was)\s+(?:this|that|it)\s+(?:really\s+|actually\s+)?you\s*\?"
)


def _rejected(folded: str) -> bool:
    """Whether the message says a form, page, bank or system turned a number down, or that the
    number came from a scam or a stranger and is not the writer's (`_DISOWNED`)."""
    return any(
        pattern.search(folded) is not None
        for pattern in (_REJECTED_AS_INVALID, _DEMANDED, _DISOWNED)
    )


# The check of each identifier that has a check digit (a NINO has none).
CHECK_DIGITS: dict[str, Callable[[str], bool]] = {
    "payment_card": checksums.payment_card_valid,
    "uk_nhs_number": checksums.uk_nhs_number_valid,
    "ca_sin": checksums.ca_sin_valid,
    "nl_bsn": checksums.nl_bsn_valid,
    "fr_nir": checksums.fr_nir_valid,
    "iban": checksums.iban_valid,
}


def _rejected_failing_check(folded: str, kind: str, digits: str) -> bool:
    """A number that fails its identifier's check digit, in a message saying a form, payment
    page or bank turned it down as not valid: the mistyped or test number the writer asks
    about, not an identifier of theirs. Given as theirs with no such word, a failing number
    stays personal data (one digit away from their real one)."""
    check = CHECK_DIGITS.get(kind)
    return check is not None and not check(digits) and _rejected(folded)


def rejected_failing_number(folded: str, kind: str, digits: str) -> bool:
    """`_rejected_failing_check` for the readers of numbers given in parts (`pii`)."""
    return _rejected_failing_check(folded, kind, digits)


def rejected_failing_card(folded: str, start: int, value: str) -> bool:
    """A card-shaped number (13 to 19 digits) at `start` that fails Luhn, in a message saying
    it was turned down as not valid: not an account's number either ("card number … is not
    valid"). One named as a library, loyalty or gift card's is that account's still."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) != len(value.replace(" ", "").replace("-", "")):
        return False
    if _labelled(folded, start, "object") and not _a_page_s_object(folded, start):
        return False
    return 13 <= len(digits) <= 19 and _rejected_failing_check(folded, "payment_card", digits)


# An object's word that names the page or the service where a card was typed ("a card number
# on the library fines page", "sur le site de la médiathèque"), not the card: no library or
# loyalty card's number for it (issue 12, after test54).
_PAGE_OF_AN_OBJECT = re.compile(
    r"\b(?:library|loyalty|gift|store|biblioth(?:e|è)que|m(?:e|é)diath(?:e|è)que)"
    r"(?:\s+[a-z'’-]+){0,2}?\s+(?:page|site|website|web\s+page|portal|app|checkout|form)\b"
    r"|\b(?:page|site|portail|appli|application|formulaire)\s+(?:web\s+)?(?:de\s+la\s+|du\s+|des\s+)?"
    r"(?:[a-z'’-]+\s+){0,2}?(?:biblioth(?:e|è)que|m(?:e|é)diath(?:e|è)que|boutique|magasin)\b"
)
_NAMED_A_CARD = re.compile(
    r"\b(?:library|loyalty|gift|store)\s+card|\bcarte\s+(?:de\s+)?(?:biblioth|fid)"
)


def _a_page_s_object(folded: str, start: int) -> bool:
    """Whether every object word before the number at `start` names a page or a service where it
    was typed (`_PAGE_OF_AN_OBJECT`), and none names a library or loyalty card."""
    window = folded[max(0, start - _LABEL_WINDOW) : start]
    if _NAMED_A_CARD.search(window):
        return False
    return _LABELS["object"].search(_PAGE_OF_AN_OBJECT.sub(" ", window)) is None


def rejected_failing_identifier(text: str, folded: str, start: int, value: str) -> bool:
    """A number at `start` that is an IBAN by its shape or an NHS number by its label and fails
    that check, in a message saying it was turned down or that the writer doubts or disowns
    (`_rejected`): the number asked about, so no account's number either ("… versés sur le
    compte FR… ». C'est une fraude ?", "… patient NHS No … Is this from you?"): test34 forms."""
    if not _rejected(folded):
        return False
    for iban_start, iban_end in iban_shaped_spans(text):
        if iban_start <= start < iban_end:
            return not checksums.iban_valid(_compact(text[iban_start:iban_end]))
    digits = "".join(ch for ch in value if ch.isdigit())
    return (
        len(digits) == len(_compact(value)) == 10
        and _labelled(folded, start, "uk_nhs_number")
        and not checksums.uk_nhs_number_valid(digits)
    )


def _nhs_named_in_message(folded: str, digits: str, labelled: Callable[[str], bool]) -> bool:
    """Ten digits in a message that speaks of the writer's NHS number further back ("do I need
    my NHS number to join the gym?? its 9998035473"): theirs, even with a mistyped check
    digit. NHS numbers do not start with 0 (a phone number does)."""
    if len(digits) != 10 or digits[0] not in "456789" or labelled("object"):
        return False
    return _LABELS["uk_nhs_number"].search(folded) is not None and _EXAMPLE.search(folded) is None


# Words of a patient's care: a run of ten digits that passes the NHS check beside them is an
# NHS number, with no label ("my mum's prescription bag says 9434765919 REPEAT …, the OT
# wants her records"): test44 forms. A barcode's or a label's line is where a pharmacy prints
# it, so those words do not make it an object's here, nor "the line under the barcode".
_CARE_WORDS = re.compile(
    r"\b(?:nhs|gp|gps|surgery|hospital|records?|prescri\w*|pharmac\w*|chemist|clinic|patient"
    r"|ot|occupational\s+therap\w*|physio\w*|district\s+nurse|nurse|consultant|a&e|ward"
    r"|repeat\s+(?:prescription|medication)|tablets?|medication|meds|dispens\w*|carer"
    r"|ordonnance|m[ée]decin|h[ôo]pital|pharmacie|dossier\s+m[ée]dical|infirmi[èe]re"
    r"|ergoth[ée]rap\w*|kin[ée]|traitement|m[ée]dicaments?)\b"
)
_PRINTED_OBJECT = re.compile(
    r"\b(?:(?:line|ligne)\s+(?:\w+\s+){0,2}?(?:under|below|beneath|above|on|sous|sur)\s+"
    r"(?:the\s+|le\s+|la\s+|l')?)?(?:barcode|bar\s+code|code-barres?|label|[ée]tiquette)"
    r"(?:\s+(?:line|ligne))?\b"
)


def _nhs_beside_care_words(folded: str, start: int, digits: str) -> bool:
    """Ten digits passing the NHS check, in a message about a patient's care, named as no
    other object's (but a barcode's or a label's) and shown as no example."""
    if len(digits) != 10 or digits[0] not in "456789":
        return False
    if not checksums.uk_nhs_number_valid(digits) or _EXAMPLE.search(folded) is not None:
        return False
    wide = folded[max(0, start - 2 * _LABEL_WINDOW) : start]
    window = _PRINTED_OBJECT.sub(lambda m: " " * len(m.group(0)), wide)[-_LABEL_WINDOW:]
    if _LABELS["object"].search(window) is not None:
        return False
    return _CARE_WORDS.search(folded) is not None


def find_lettered_identifiers(text: str, folded: str) -> Iterator[PIIFinding]:
    """UK NINO, French NIR and Spanish DNI/NIE, which mix letters and digits."""
    for match in _NINO.finditer(text):
        if checksums.uk_nino_valid(_compact(match.group(0))):
            yield PIIFinding("uk_nino", match.start(), match.end())
    for pattern in (_NINO_LOOSE, _NINO_SPLIT):
        for match in pattern.finditer(text):
            if not _named_as_own(folded, match.start(), "uk_nino"):
                continue
            if _nino_possible(text, match) or _given_as_a_value(folded, match.start()):
                yield PIIFinding("uk_nino", match.start(), match.end())
    yield from _nirs(text, folded)
    for match in _DNI_NIE.finditer(text):
        document = _compact(match.group(0))
        # Labelled, with a check letter that fails, in a message saying it was turned down or
        # disowning it ("your NIE … failed verification … not even mine, a scam?"): the number
        # asked about, as for the other identifiers' failing checks (issue 12, after test55).
        labelled = _labelled(folded, match.start(), "es_dni_nie") and not _rejected(folded)
        if checksums.es_dni_nie_valid(document) or labelled:
            yield PIIFinding("es_dni_nie", match.start(), match.end())


# A capital standing alone right after six digits: the NINO's suffix, when the pattern left
# it ("I" is the writer, a lower-case letter a word: "… 72 I think", "… 72 y a-t-il …").
_SUFFIX_AFTER = re.compile(r"[ \t-]{0,2}([A-HJ-Z])(?![\w])")


def _nino_possible(text: str, match: re.Match[str]) -> bool:
    """Whether a number introduced as a NINO can be one at all (`checksums.uk_nino_possible`:
    HMRC's NIM39110 prefix and suffix rules). Mistyped digits or a missing suffix keep it
    found; a prefix never allocated or a suffix past D ("QQ 12 34 56 C", the guides' sample,
    "TN …", "… E") make it a sample or a made-up number, no one's (test41, spent)."""
    value = _compact(match.group(0))
    suffix = value[8:9]
    if not suffix:
        after = _SUFFIX_AFTER.match(text, match.end())
        suffix = after.group(1) if after is not None else ""
    return checksums.uk_nino_possible(value[:2], suffix)


# Given as someone's, not shown: a possessive before the label ("my NI number is …", "son
# numéro NI : …"), or the label's colon or equals sign right before the value, as a form's
# field is filled in ("National Insurance number: …").
_GIVEN_AS_A_VALUE = re.compile(
    r"\b(?:my|our|his|her|their|mon|ma|notre|son|sa|leur)\b[^.?!\n]*$|[:=][ \t]*$"
)


def _given_as_a_value(folded: str, start: int) -> bool:
    """Whether an impossible NINO is given as someone's (a mistyped own one, as a failing IBAN
    named as one's own is): then found still; shown or asked about, it is no one's."""
    window = folded[max(0, start - _LABEL_WINDOW) : start]
    return _GIVEN_AS_A_VALUE.search(window) is not None


# A NIR's shape whose key fails, labelled as another thing's number (a customer's or a
# subscriber's number on a bill, a file's reference) and asked about ("… n° client …, c'est lié
# à la sécu ?"): that thing's number, not a NIR (issue 12, fixer P8, after test60). Said to be
# the writer's or their child's NIR ("c'est aussi mon numéro de sécu", "le NIR de mon fils"),
# it stays one, mistyped or not.
_ANOTHER_THING_S = re.compile(
    r"\b(?:client|customer|abonn[eé]e?|subscriber|adh[eé]rent|member(?:ship)?|membre|contrat"
    r"|contract|dossier|account|compte|r[eé]f[eé]rence|r[eé]f|ref)\b"
)
_NIR_SAID_OWN = re.compile(
    r"\b(?:mon|ma|notre|son|sa|leur|my|our|his|her|their)\s+(?:[\w'’]+\s+){0,3}?"
    r"(?:nir|s[eé]cu|s[eé]curit[eé] sociale|insee|carte vitale)\b"
    r"|\b(?:nir|s[eé]cu|s[eé]curit[eé] sociale|insee|carte vitale)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:de|of)\s+(?:mon|ma|my|our|notre)\b"
)


def _another_thing_s_failing_nir(folded: str, start: int, nir: str) -> bool:
    """Whether the NIR-shaped `nir` at `start` fails its key, is labelled as another thing's
    number and not as a NIR, and the message nowhere says a NIR is the writer's."""
    if checksums.fr_nir_valid(nir) or _labelled(folded, start, "fr_nir"):
        return False
    window = folded[max(0, start - _LABEL_WINDOW) : start]
    named_other = _ANOTHER_THING_S.search(window) or _LABELS["object"].search(window)
    return named_other is not None and _NIR_SAID_OWN.search(folded) is None


def _nirs(text: str, folded: str) -> Iterator[PIIFinding]:
    """French NIRs: in their own grouping, with the key said apart, or split anywhere."""
    for match in _NIR.finditer(text):
        nir = _compact(match.group(0))
        if checksums.fr_nir_valid(nir) or (
            _labelled(folded, match.start(), "fr_nir")
            and not _rejected_failing_check(folded, "fr_nir", nir)
        ):
            yield PIIFinding("fr_nir", match.start(), match.end())
    named_nir = _LABELS["fr_nir"].search(folded) is not None
    for match in _NIR_KEY_APART.finditer(text):
        body, key = _compact(match.group(1)), match.group(2) or match.group(3)
        # The 13 characters of a whole NIR whose key fails, in a message saying it was turned
        # down: the key is given, right after them, and it is the number the form refused.
        whole = _NIR.match(text, match.start())
        if whole is not None and _rejected_failing_check(folded, "fr_nir", _compact(whole[0])):
            continue
        if key is not None and _rejected_failing_check(folded, "fr_nir", body + key):
            continue  # its key given apart and failing, in a message doubted (test35 forms)
        keyed = body + key if key is not None else _compact(whole[0]) if whole else None
        if keyed is not None and _another_thing_s_failing_nir(folded, match.start(), keyed):
            continue
        if (key is not None and checksums.fr_nir_valid(body + key)) or named_nir:
            yield PIIFinding("fr_nir", match.start(), match.end())
    for match in _NIR_SPLIT.finditer(text):
        if _NIR.match(text, match.start()) is not None or not named_nir:
            continue
        if _EXAMPLE.search(folded) is None and checksums.fr_nir_valid(_compact(match.group(0))):
            yield PIIFinding("fr_nir", match.start(), match.end())
