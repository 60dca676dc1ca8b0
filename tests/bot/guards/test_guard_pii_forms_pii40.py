"""The kinds test40 missed (read after its one blind run), in new words (none is a held-out
message or a rewording of one), with the look-alikes in the same shapes that must keep their
decision.

1. A number typed in keycap emoji digits: read as the digits it shows, so a phone or an NHS
   number in that form is found, and the council's own line in it stays the council's.
2. An account number written with commas as thousands separators after its label: found, as
   with spaces or dots. An amount with commas stays an amount.
3. A number read out in words with "dash", "hyphen", "slash" or "tiret" between its groups:
   read as a typed dash, so the phone or identifier is found.
4. A French social security number with its key named ("… clé 73", "… key 73"), its digits
   grouped by dots, dashes or spaces: read joined with its key.
5. A name capitalised in a link's path when the writer says their name shows there: the name.
6. A name in capitals in an uploaded file's name (as a portal renames it): the name.
7. An identifier given in two halves far apart, named as its start and its end: both halves.
8. Someone living in the writer's home, the address after "lives with us at" (or "habite chez
   nous, au"), even after a public building was named in the sentence before: the address.
9. A card's number that fails Luhn in a link's query string, in a message that disowns it
   ("that isn't even my card", "ce n'est même pas ma carte"): the scam's, not personal data.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found

_KC = "\ufe0f\u20e3"


def _keycaps(digits: str) -> str:
    return "".join(ch + _KC if ch.isdigit() else ch for ch in digits)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. keycap digits
        (f"text me when the parcel is ready: {_keycaps('07700 900417')} cheers", "phone"),
        (f"mon portable {_keycaps('06 39 98 71 22')} pour le rappel svp", "phone"),
        (f"NHS number for my dad's referral {_keycaps('573 018 2643')}", "uk_nhs_number"),
        (f"numéro NHS de mon fils : {_keycaps('573 018 2643')}, merci", "uk_nhs_number"),
        # 2. thousands separators in an account number
        ("my council tax account no. 518,204,736 was billed twice", "account_number"),
        ("Business rates account 7,104,382,915: the direct debit bounced", "account_number"),
        ("le numéro de compte 3,902,551,804 a été prélevé deux fois ce mois-ci", "account_number"),
        # 3. dash read out as a word
        (
            "ring me back on zero seven seven zero zero, dash, nine zero zero, dash, four one seven",
            "phone",
        ),
        ("mobile is oh seven seven double oh hyphen nine hundred hyphen four one seven", "phone"),
        (
            "rappelez-moi au zéro six tiret trente-neuf tiret quatre-vingt-dix-huit tiret "
            "soixante et onze tiret vingt-deux",
            "phone",
        ),
        ("NI number P W dash three one dash five eight dash seven two dash A", "uk_nino"),
        # 4. a NIR with its key named
        ("Mon numéro de sécu, c'est 2.790.575.123.456 clé 26, pour le dossier", "fr_nir"),
        ("French social security no 2-79-05-75-123-456 key 26 for the housing form", "fr_nir"),
        ("sécurité sociale 2 79 05 75 123 456, clé 26", "fr_nir"),
        # 5. a capitalised name in a link's path, the writer saying their name shows
        (
            "My name shows in the receipt link, is that safe? "
            "https://www.exampleton.example/en/receipt/Sarah-Olawale-Brook/view",
            "name",
        ),
        (
            "Pourquoi mon nom est-il dans l'adresse ? "
            "exampleton.example/fr/demande/Claire-Vantard/statut",
            "name",
        ),
        # 6. a name in capitals in a file's name
        ("the upload shows as scan_SARAH_OLAWALE_passport.jpg, is it received?", "name"),
        ("mon fichier s'appelle justificatif_HELOISE_VANTARD-ROUX_2026.pdf, c'est bon ?", "name"),
        # 7. an identifier in two halves far apart
        (
            "For the student finance form my NI number starts PW 31, I'm sure of that bit. "
            "After a lot of digging I found the rest on an old P60: 58 72 A.",
            "uk_nino",
        ),
        (
            "Mon numéro de sécu, le début est 2 79 05 75. Il me manque un papier, mais sur la "
            "carte Vitale de mon ancien portefeuille j'ai la fin : 123 456 26.",
            "fr_nir",
        ),
        # 8. someone living in the writer's home
        (
            "Our exchange student wants a library card. He lives with us at 9 Copper Row, "
            "Exampleton EX3 2LT - can I vouch for him?",
            "address",
        ),
        (
            "Ma nièce s'inscrit à la médiathèque. Elle habite chez nous, au 14 rue des Cordiers, "
            "44000 Nantes, sans facture à son nom.",
            "address",
        ),
        (
            "my cousin's been staying with me at 31 Mill Race Lane since May, can he get a permit?",
            "address",
        ),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. the council's own line in keycaps
        f"Is {_keycaps('020 7946 0000')} the council's main number?",
        # 2. amounts with thousands separators
        "My account shows 1,250 in credit, why?",
        "the council's budget was £1,250,000 last year, is that right?",
        # 3. "dash" between small numbers in an ordinary question
        "is it two dash one or three dash one for the bin rota?",
        # 5. a link with no word of one's name, and a lower-case slug
        "Is https://www.exampleton.example/en/libraries/Central-Library/Opening-Times right?",
        "my name isn't in https://www.exampleton.example/en/events/winter-fair/tickets is it?",
        # 6. a file name in capitals with no name
        "I attached COUNCIL_TAX_BILL_2026.pdf, is that fine?",
        "attached PARKING_PERMIT_APPLICATION_FORM.pdf for the residents' bay",
        # 7. "starts" and "the rest" about times and fees
        "The bus starts at 7 and the rest of the day it runs every 20 minutes.",
        "the first part of the form is page 2 and the rest is on page 5",
        # 8. a public building's address, the tip's in French
        "La déchèterie de Mill Road, 3 Mill Road, Exampleton EX4 1QT, prend-elle le placo ?",
        "The library is at 1 Market Square. Which bus goes there from the station?",
        # 9. a failing card in a scam link, disowned
        "A text says 'refund due: https://refund.example.net/c?card=4539772018635518' - "
        "that's not even my card, is it you?",
        "SMS reçu : https://remboursement.example.net/r?carte=4539772018635517 — ce n'est même "
        "pas ma carte. C'est vous ?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], text


def test_a_valid_card_in_a_disowned_link_stays_found(policy: GuardPolicy) -> None:
    text = "a text asked me to confirm https://refund.example.net/c?card=4539772018635512 - not my card"
    assert "payment_card" in kinds_found(text, policy), found_with_tagger(text, policy)
