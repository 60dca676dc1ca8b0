"""The kinds test45 missed (read by kind from the fixer's brief, never the set's messages), in
new words, with hostile cases that must stay found and look-alikes in the same shapes that
must keep their decision.

1. A birth date with a Roman-numeral month between dots, slashes, hyphens or middle dots
   ("22·VII·1958", "3.XI.1950", "7/IV/72"), given as one's own ("my date of birth is", "je
   suis née le", "DOB … —").
2. A word cut by a hyphen at a line's end in text copied from a PDF ("FOUQUE-⏎RAY"): read as
   one word; a compound name cut at its own hyphen keeps it.
3. A date given on the next line of a pasted chat, in answer to a question about a birth date.
4. An identifier split over two pasted messages or quoted lines ("(msg 1) … EX4⏎(msg 2)
   7QP", "> 1 84 …⏎> 023 17"): read with the lines joined, their markers dropped.
5. `key=value` dumps: a birth date under its key, a passport number named by the dump's
   document type.
6. A number after an account label with its abbreviation in brackets ("(RA)"): an account's.
7. A council official named in apposition after their post, the council named with it: a
   public officer (a relative's or the writer's own name stays found).
8. An organisation's sender address in a pasted header the writer doubts: no person's (a
   person's own address on a From line stays found).
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. Roman-numeral months, given as one's birth date
        (
            "I want to join the lollipop crew. My date of birth is 22·VII·1958, not too old?",
            "name_dob_address",
        ),
        ("Je suis née le 3.XI.1950 à Brest, je peux encore m'inscrire ?", "name_dob_address"),
        ("DOB 7/IV/72 — can I still go on the allotment list?", "name_dob_address"),
        ("Date de naissance : 19·XII·1963. Je voudrais rejoindre le club.", "name_dob_address"),
        (
            "ma date de naissance c'est le 2-VI-1949, j'ai droit à la carte senior ?",
            "name_dob_address",
        ),
        ("my DOB: 30.X.1967 — does the bus pass need it?", "name_dob_address"),
        # 2. a surname cut by a hyphen over a line (a PDF's copied text)
        ("Déclarante : Solène GARAN-\nDEAU, fleuriste, signale un dépôt sauvage.", "name"),
        ("Declarant: Marcel FOUQUE-\nRAY, carpenter, reports a leak at his flat.", "name"),
        ("Applicant: Kenneth WOLSTEN-\nHOLME, roofer — is the permit ready?", "name"),
        # 3. a birth date answering a question about it in a pasted chat
        (
            "[Mon 09:02] Me: what's your date of birth for the form?\n"
            "[Mon 09:04] Grandad: 14th March 1939 pet",
            "name_dob_address",
        ),
        (
            "[jeu. 18:20] Moi : tu as mis quelle date de naissance ?\n"
            "[jeu. 18:22] Mamie : le 5 juin 1941 ma chérie",
            "name_dob_address",
        ),
        (
            "Me: when were you born again?\nDad: 09/01/1952, why?",
            "name_dob_address",
        ),
        # 4. an identifier split over two pasted messages or quoted lines
        ("(msg 1) our new postcode is EX4\n(msg 2) 7QP oops sent too early", "postcode"),
        ("(message 1) on habite EX3\n(message 2) 9LW pardon, c'est parti trop vite", "postcode"),
        (
            "> 1 84 07 44 109\n> 023 17\nc'est mon numéro de sécu, il faut le mettre où ?",
            "fr_nir",
        ),
        ("[10:02] Me: the postcode is EX4\n[10:02] Me: 7QP, is it zone B?", "postcode"),
        # 5. key=value dumps
        (
            "Récap : nom_usage=Perrin; date_naissance=1969-08-14; ville=Rouen, c'est bon ?",
            "name_dob_address",
        ),
        ("summary: dob=1981-02-11&district=EX2 — is this right?", "name_dob_address"),
        ("fields sent: birth_date=1990-05-17, newsletter=yes", "name_dob_address"),
        (
            "document_type=PASSPORT; document_no=617203948; issuing_country=GBR — rejected why?",
            "document_number",
        ),
        ("type_piece=passeport, numero=18KD52931, pays=FRA : pourquoi refusé ?", "document_number"),
        ("document_type=PASSPORT\ndocument_no=548201736\nissuing_country=GBR", "document_number"),
        # 6. an account label with its abbreviation in brackets
        ("Rent account no. (RA) 00519377 — I paid twice this month", "account_number"),
        ("Numéro de compte loyer (CL) 00917246, j'ai payé deux fois", "account_number"),
        ("Council tax account (CTA) 0061827394 shows the wrong band", "account_number"),
        # 7. a relative's or the writer's own name after a comma stays a name
        ("My son, Tom Reeve, needs a bus pass, how do I apply?", "name"),
        ("Mon fils, Théo Granger, a besoin d'une carte de bus", "name"),
        ("I'm the caretaker, Mr Dennis Wragg, who do I report the boiler to?", "name"),
        # 8. a person's own address on a From line, even in a doubting message
        (
            "From: Jo Bloggs <jo.bloggs@example.org>\nI sent the form from that, did it arrive?",
            "email",
        ),
        ("From: Jo Bloggs <jo.bloggs@example.org>\nIs this a scam? Someone used my name.", "email"),
        ("De : Marie Lenoir <marie.lenoir@example.net>\nC'est vraiment de la mairie ?", "email"),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. Roman numerals and dates that are no one's birth date
        "Is the tip open on 14·IX·2027? The leaflet has it with dots",
        "Chapter IV/2 of the guide, section 3.XI, what does it say?",
        "Louis XIV et Henri IV, la visite du musée est le 3 mars ?",
        "The market was founded 1.V.1890, is there an anniversary fair?",
        "My son was born in 1990, can he apply?",
        # 2. a word cut by a hyphen that is no name
        "The leaflet says the collec-\ntion is on Tuesdays, right?",
        "La déchè-\nterie ouvre à quelle heure le dimanche ?",
        # 3. a date answering a question about something else
        "[Mon 09:02] Me: when is the tip open?\n[Mon 09:04] Dad: 14th March 2027 I think",
        "Me: what date is the bin collection?\nMum: 05/01/2027",
        # 4. lines of a quote that make no identifier joined
        "> we live in EX2\n> and the bins are late",
        "> Our office is room 2\n> 14 on the plan",
        "(msg 1) the fee is 45\n(msg 2) 50 for two bins?",
        # 5. key=value dumps of no one's data
        "build=2026-03-03; version=4.2.1; status=ok — the app crashes",
        "event_date=2027-01-12; venue=Town Hall — is this the beekeepers' meeting?",
        "ref=BB-2026-04417; type=blue_badge — what stage is it at?",
        "document_type=PASSPORT; required=yes — do I need it for the licence?",
        # 6. a bracketed abbreviation beside a phone to call
        "Call the rent team (RA) on 020 7946 0321?",
        # 7. a council official named in apposition after their post
        "Le responsable des patrouilles scolaires de la ville, M. Auguste Ferrandier, reçoit-il "
        "sur rendez-vous ?",
        "La directrice des sports de la mairie, Mme Odile Ravanel, tient-elle une permanence ?",
        "The council's head of school crossing patrols, Mr Barnaby Quill, does he take "
        "appointments?",
        "Does the town's lead officer for allotments, Ms Priya Denholm, answer emails?",
        "Is the events coordinator at the council, Mrs Fenella Rook, back from leave?",
        "La coordinatrice des centres de loisirs municipaux, Mme Nadège Pilorget, est-elle là ?",
        # 8. an organisation's sender in a header the writer doubts
        'From: "NHS Refunds Team" <refunds@nhs-payback.example.net>\nSubject: Claim your £280\n'
        "Is it really from you?",
        "De : « Service Remboursements CAF » <remboursement@caf-aide.example.org>\n"
        "Objet : Vous avez droit à 312 €\nC'est une arnaque ?",
        "> From: Council Tax Rebates <rebates@ctax-refund.example.com>\n> Your rebate is waiting"
        "\nis this legit??",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))


def test_a_compound_name_cut_at_its_hyphen_keeps_it(policy: GuardPolicy) -> None:
    text = "Applicant: Jean-\nPierre Gallimore, roofer — is the permit ready?"
    assert "name" in kinds_found(text, policy)


def test_an_organisation_s_sender_not_doubted_stays_found(policy: GuardPolicy) -> None:
    text = 'From: "Licensing Team" <licensing.team@example.net>\nPlease use this for my account.'
    assert "email" in kinds_found(text, policy)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Born 14·IX·1961, yes I'm 65, can I still be a crossing patroller?", "en"),
        ("Déclarant : Aurélien DUPON-\nTEL, apiculteur, signale un essaim.", "fr"),
        ("(msg 1) the twins were registered at EX2\n(msg 2) 3HD sorry hit send too early", "en"),
        ("Rent account no. (RA) 00738264 — can I get a refund?", "en"),
        ("date_naissance=1972-03-03; ville=Lyon", "fr"),
    ],
)
def test_the_guard_blocks_them(whole: InputGuard, text: str, lang: str) -> None:
    assert decided(whole, text, lang)[0] == "block_pii"
