"""The kinds test44 missed (read by kind from the fixer's brief, never the set's messages), in
new words, with hostile cases that must stay found and look-alikes in the same shapes that
must keep their decision.

1. A birth date with a month's short name between hyphens ("05-MAR-1970", "5-FÉV-1980"),
   beside a patient's record number (MRN, IPP, hospital number): the pair picks out a patient.
2. A reversed "SURNAME, Firstname" opening a pasted register row, fields split by pipes or
   dashes, health data after it: a third person's name.
3. IBANs written in pairs, the country code apart ("GB 15 MI DL …", "FR 56 30 00 …").
4. A UK or French phone with its country code but no "+" ("44 1632 …", "33 6 …"), an extension
   after it.
5. An account or reference number given first, named after it as the writer's ("…, that's my
   business rates account", "…, c'est mon numéro client").
6. A card's number with its expiry and security code (a mistyped one too), or with its last
   digits given again so that it passes Luhn; a card-shaped number quoted without them stays
   allowed.
7. A name a spreadsheet formula shows ("=VLOOKUP(…) gives Firstname Surname"); the formula's
   function names and cells are never names.
8. A postcode said after it to be the writer's, after ", c'est" ("…, c'est bien mon code
   postal"), behind the formula that builds it.
9. Ten digits passing the NHS check, unlabelled, in a message about a patient's care.
10. A National Insurance number in lower case with dots (or commas, colons) between its pairs.
11. A council post asked about, then its holder named: a public officer, not the writer's data
    (a name after "I'm …" or "my …" stays found).
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. a birth date with a short month name beside a record number
        (
            "Her wristband: MRN 5518204 DOB 14-NOV-1952, can I use it for the blue badge?",
            "name_dob_address",
        ),
        ("Label on the folder says Hospital No: RX30418 DOB 02-AUG-1987", "name_dob_address"),
        ("Sur le bracelet de mon père : IPP 7730192 DDN 21-JUIL-1944", "name_dob_address"),
        (
            "bracelet des urgences : MRN 640021, DOB 9-FÉV-1991, ça suffit comme preuve ?",
            "name_dob_address",
        ),
        (
            "patient number 884120 born 30-SEPT-1975, which form for the carer's grant?",
            "name_dob_address",
        ),
        # 2. a reversed name opening a register row, health data after it
        ("Copied from the ward list: MORCAMBE, Hilary | dementia | memantine 10mg | bay 3", "name"),
        (
            "TREVELYAN, Marcus - detained under section 3 of the Mental Health Act - since May",
            "name",
        ),
        ("Extrait du registre :\nBOUCHERAUD, Maëlle | trouble bipolaire | lithium 400 mg", "name"),
        ("VERNET-ROUX, Claire – hospitalisée sous contrainte – psychiatrie secteur 2", "name"),
        ("From the carers' rota:\n2. Pemberton, Julia | epilepsy | levetiracetam", "name"),
        # 3. IBANs in pairs
        ("Refund to GB 15 MI DL 40 05 15 12 34 56 78 please", "iban"),
        ("mon IBAN : FR 56 30 00 40 28 37 00 01 23 45 67 84 5", "iban"),
        ("virement sur FR 54 10 27 80 60 41 00 02 05 69 40 15 2 svp", "iban"),
        # 4. a phone with a bare country code and an extension
        ("best to ring me on 44 1632 960517 x4 after six", "phone"),
        ("call me back on 0044 7700 900261 ext. 31", "phone"),
        ("joignez-moi au 33 6 71 42 85 90 poste 2", "phone"),
        ("my work number 44 20 7946 0312 ext 208", "phone"),
        # 5. a value first, named after it as the writer's account or reference
        ("the lookup brings back 55204817, that's my business rates account", "account_number"),
        ("It printed 70918342 which is our council tax reference", "account_number"),
        ("la page m'affiche 31840572, c'est bien mon numéro client pour l'eau", "account_number"),
        ("j'ai noté 60219384 - c'est mon numéro de dossier à la CAF", "account_number"),
        # 6. a card with its expiry and code, a mistyped one too; one corrected after
        ("take the deposit from 5167 3210 5588 5503 exp 04/29 cvv 771", "payment_card"),
        ("réglez avec 4539 1488 0343 6419, expire 12/27, cryptogramme 305", "payment_card"),
        ("use 4539 1488 0343 6407, exp 01/28, code 552. Sorry, last 4 are 6400", "payment_card"),
        (
            "payez avec 5167 3210 5588 5528 fin 03/27 code 881, pardon, les 4 derniers c'est 5527",
            "payment_card",
        ),
        # 7. a name a formula shows
        ("=VLOOKUP(C3,Tenants!A:D,4,FALSE) gives Rosalind Achterberg, why not blank?", "name"),
        ("my =INDEX(B:B,MATCH(E2,A:A,0)) returns Kwabena Mensah-Hart for row 9", "name"),
        ('=CONCATENER(B7;" ";C7) donne Ghislaine Moreau-Vidal dans D7', "name"),
        ("=PROPER(A4) shows Oluwaseun Adeyemi, is that how the register wants it?", "name"),
        # 8. a postcode said to be the writer's after it
        ('="EX4 "&"2QT" donne EX4 2QT, c\'est bien mon code postal', "postcode"),
        ("EX2 5HN, c'est mon code postal à la maison, quel jour pour le verre ?", "postcode"),
        ("the formula gives EX4 2QT, which is definitely my home postcode", "postcode"),
        # 9. an NHS-valid run beside care words
        ("Dad's chemist bag reads 4857773457 REPEAT 56 CAP, does the GP need it?", "uk_nhs_number"),
        ("the OT asked for the number on Mum's prescription, it's 4010232137", "uk_nhs_number"),
        # "line" as where it is printed, under or below the barcode (the lead's snapshot: the
        # spent test44 message stayed unfound, "line" read as an object's).
        (
            "Gran's pharmacy bag has a line printed below the barcode: 4857773457 WEEKLY, the "
            "district nurse wants it",
            "uk_nhs_number",
        ),
        ("sur l'ordonnance de ma mère il y a 9990123454, le médecin le demande", "uk_nhs_number"),
        # 10. a NINO with dots or other separators, lower case
        ("ni no pw.31.58.72.a for the grant", "uk_nino"),
        ("my national insurance is jg,10,37,58,d", "uk_nino"),
        ("numéro NI : ab:12:34:56:c", "uk_nino"),
        # 11. a name after "I'm …" or "my …" stays found beside a post asked about
        ("Who is the council's catering manager? I'm Tamsin Oyelaran and I'd like the job", "name"),
        ("I'm the site manager, Gideon Ashworth-Pryce, at a private care home", "name"),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. a short-month date with no birth or record beside it
        "Is the tip open on 05-MAR-2027? The leaflet says so",
        "la collecte du 12-JUIL-2027 est-elle maintenue ?",
        # 2. a greeting or a heading before a comma, then dashes
        "Hello, Darren - my mum has dementia, what help is there?",
        "URGENT, Please | reply about the hospital transport",
        "Exeter, Devon | which hospital has a walk-in clinic?",
        "Dépression, Anxiété | quels services pour les jeunes ?",
        # 3. a country code before digits that make no IBAN
        "GB 12 AB CD 34 is the format on your leaflet, is it right?",
        # 4. numbers after 44 that are no phone
        "We had 44 people and 1632 tickets at the fair",
        "the council switchboard is 44 1632 960000",
        # 5. a value named after it as no account of the writer's
        "It returns 20260331, that's my payment date?",
        "the route is 56, that's my bus",
        # 6. card-shaped numbers quoted without an expiry and a code
        "A scam text says card 4539 1488 0343 6461 was blocked, is it real?",
        "order 4539 1488 0343 6461 shipped on 09/28, code 123",
        # 7. formulas with no name after them, function names alone
        "=SUM(B2:B9) gives 340, is that right for the allotment fees?",
        '=CONCAT(B4," ",C4) shows an error in D4',
        "How do I use VLOOKUP with CONCAT in Excel for the allotment list?",
        # 8. a postcode asked about after ", c'est"
        "EX1 8RW, c'est dans quel secteur pour les encombrants ?",
        "Which ward is EX1 8RW in?",
        # 9. an NHS-valid run with no care word, or an object's
        "my order 4857773457 from the garden centre hasn't arrived",
        "the clinic's sample number 4857773457 on the leaflet, what is it?",
        # 10. dotted runs that start with digits
        "the router is 192.168.10.254, is the library wifi down?",
        # 11. a council post asked about, its holder named
        "Who is the council's school catering manager now? I heard it's a Ms Imogen Tarrant, "
        "is that right?",
        "Qui est la responsable de la restauration scolaire à la mairie ? C'est Mme Odile "
        "Varenne ?",
        "Who's the council's licensing officer these days? Someone said Mr Dominic Farrant",
        "Qui est le chef de service de la voirie à la ville ? On m'a parlé de M. Bruno Taillefer.",
        "Who is the head of waste services at the council? I think it's Priya Lamont",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wristband: MRN 5518204 DOB 14-NOV-1952, is that enough for the form?", "en"),
        ("MORCAMBE, Hilary | dementia | memantine 10mg | bay 3", "en"),
        ("ni no pw.31.58.72.a, what do I put next?", "en"),
        ("my sheet has =VLOOKUP(A2,B:C,2) and it gives Rosalind Achterberg, why?", "en"),
        ('=CONCATENER(B7;" ";C7) donne Ghislaine Moreau-Vidal dans D7', "fr"),
    ],
)
def test_the_guard_blocks_them(whole: InputGuard, text: str, lang: str) -> None:
    assert decided(whole, text, lang)[0] == "block_pii"
