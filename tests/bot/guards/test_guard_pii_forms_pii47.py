"""The kinds test46 and test47 missed (read by kind from the fixer's brief, never copied from
the sets' messages), in new words, with hostile cases that must stay found and look-alikes in
the same shapes that must keep their decision.

1. Cards of the UnionPay (62…, 16 to 19 digits) and Diners Club (14 digits, printed 4-6-4)
   schemes, passing Luhn; fourteen digits printed otherwise (a SIRET) stay no card.
2. A birth date named as the writer's, then given a few words or a sentence on; after "chu née
   le"; after "my date of birth," and a comma; in a table's cell between pipes; in a quotation
   from a document ("« né le … »"). Years alone, event dates and dates in the future stay
   allowed.
3. A NINO with dashes or dots between its groups; an NHS number printed with slashes.
4. An e-mail address with the HTML entity for its at sign.
5. A UK postcode cut at its space by a line break, the writer's postcode named earlier in the
   sentence; a postcode dictated with a spelling alphabet, its digits said one by one.
6. Names: a surname in capitals then a common given name after a colon or a quote in a
   message about a form; two capitalised words in the file name of a personal document; a
   spelling between "nom …" and "prénom …"; a quoted name after "au nom de" / "in the name of".
7. A house number with its letter apart ("41 c, Kingfisher Way").
8. An account number after a false start in a transcribed voice message.
2b. A birth date in French words is read as digits, so the birth date rules decide (one's own,
   a field); a relative's alone stays allowed, as typed.
9. A deputy mayor or a council post holder named in French apposition by portfolio ("l'adjoint
   chargé de …, M. …") or by the registry service ("… à l'état civil, Mme …").
10. A leisure venue named with its street and postcode: a public place, no person.
11. A form's placeholder numbers said to be shown "in grey".
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. UnionPay and Diners Club cards
        ("The library fines page refuses my UnionPay 6250 9470 0000 0014, why?", "payment_card"),
        ("Ma carte UnionPay 6250-9470-0000-0014 est refusée pour la cantine.", "payment_card"),
        (
            "Paid the pitch fee with Diners 3056 930902 5904, exp 11/27, still pending?",
            "payment_card",
        ),
        ("ma Diners 3852 000002 3237 ne passe pas pour la taxe de séjour", "payment_card"),
        ("card 30569309025904 was declined for the bulky waste booking", "payment_card"),
        # 2. birth dates given as one's own
        (
            "The bus pass site won't take my date of birth. I entered 1958-06-17 like the box "
            "says and it fails.",
            "name_dob_address",
        ),
        (
            "Le portail refuse ma date de naissance : j'ai tapé 1971-02-09 comme demandé.",
            "name_dob_address",
        ),
        ("Chu né le 3 mars 1985, pis la carte senior c'est pas pour moi ?", "name_dob_address"),
        ("The form won't accept my date of birth, 31/12/1975. Is it broken?", "name_dob_address"),
        (
            "From the induction sheet: Shift A | DOB 14.11.1987 | Grade 2. Do I get a parking "
            "permit?",
            "name_dob_address",
        ),
        (
            "Mon acte porte « née le 9-XI-1956 » : je l'écris comment sur le formulaire ?",
            "name_dob_address",
        ),
        ('The certificate says "born on 02/05/1949" — is that enough proof?', "name_dob_address"),
        # 3. NINO with dashes or dots, NHS number with slashes
        ("HMRC printed my national insurance as JZ-41-72-08-B, do I keep the dashes?", "uk_nino"),
        ("mon numéro NI figure comme PW.73.28.15.C sur la fiche de paie", "uk_nino"),
        ("NI number: AB-123456-C — is that the right format?", "uk_nino"),
        ("My son's NHS number shows as 943/476/5919 in the app, is that it?", "uk_nhs_number"),
        # 4. an e-mail address with its at sign as an HTML entity
        ("The confirmation shows my email as gaspard.rollin&#64;example.net, is it ok?", "email"),
        ("my address came back as t.okonkwo&#x40;example.org on the receipt", "email"),
        # 5. a postcode cut by a line break
        ("My postcode got split when I pasted it:\nSW1A\n2AA\nis it in your area?", "postcode"),
        (
            "Pour le ramassage, mon code postal s'est retrouvé coupé en deux lignes ici :\nEX4\n"
            "1RT\nvous passez chez nous ?",
            "postcode",
        ),
        # 5. a postcode dictated with a spelling alphabet, its digits one by one
        (
            "My postcode, spelt out: S for Sugar, W for William, 1, then A for Apple, 2, A for "
            "Alfred, A for Apple. Is it a Tuesday round?",
            "postcode",
        ),
        (
            "notre code postal : N comme Noël, W comme Wagram, 3, puis 7, Q comme Quintal, "
            "B comme Berthe. Vous ramassez le verre ?",
            "postcode",
        ),
        # 2. a birth date in French words, given as one's own or as a form's field
        (
            "Je suis né le vingt-trois avril mille neuf cent soixante-huit, la carte senior "
            "c'est pour moi ?",
            "name_dob_address",
        ),
        (
            "Date de naissance : onze septembre dix-neuf cent quatre-vingt-quatre. C'est bon ?",
            "name_dob_address",
        ),
        # 6. names: surname in capitals then given name on a form; in an uploaded file's name;
        # a spelling between the two fields; a name in quotes after "in the name of"
        (
            "Le formulaire demande le nom puis le prénom : LAFFORGUE-MONTEIL Pauline. Trop long ?",
            "name",
        ),
        ("For my son's form: « KERRIGAN-BOYLE Thomas », does the hyphen fit?", "name"),
        (
            "The portal says 'payslip_Oyelaran_Babatunde_march.pdf – unsupported type'. Which "
            "format works?",
            "name",
        ),
        ("J'ai envoyé acte_naissance_Gourvennec_Yannick.pdf, c'est trop lourd ?", "name"),
        (
            "Pour l'inscription : nom KERVADEC, ça s'écrit K-E-R-V-A-D-E-C, prénom Solenn. Merci.",
            "name",
        ),
        (
            "surname Ashdown-Pryce, spelt A-S-H-D-O-W-N, first name Rhiannon — is that enough?",
            "name",
        ),
        ("Le bail est au nom de « Gwendoline Arrighi ». Je dois le changer ?", "name"),
        ('The permit is in the name of "Oswin Featherstonehaugh", can it be changed?', "name"),
        # 7. a house number with its letter apart, as dictated
        ("Ma tante m'a dicté : « 41 c, Kingfisher Way ». Le camion passe quand ?", "address"),
        ("my nan's address is 9 a, Plover Close, can you take her fridge?", "address"),
        # 8. an account number after a false start in a transcribed voice message
        (
            "Voicemail text: 'hi, it's about my council tax account, the four one seven... "
            "417 283 950, I was charged twice'",
            "account_number",
        ),
        (
            "Message vocal : « c'est pour mon compte de taxe locale, le trois cent... 318 604 "
            "227, merci »",
            "account_number",
        ),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. fourteen digits that are no card: a SIRET printed as one, a failing Luhn
        "Le SIRET de l'association est 362 521 879 00034, c'est bon pour la subvention ?",
        "The UnionPay logo is on the payment page, do you take it?",
        # 2. dates that are no one's birth date
        "My date of birth is on the form already; the appointment is 2026-03-14, right?",
        "Is my date of birth needed? The deadline is 2026-12-01.",
        "I was born before 1960, can I get the senior pass?",
        "La fête de quartier est le 14 juillet 2026, faut-il s'inscrire ?",
        "Start date 01.09.2026 | Grade 2 | Shift A — when does the pass arrive?",
        "My date of birth needs changing on the record I sent on 2026-02-11.",
        "Mon père est né le deux mai mille neuf cent quarante, a-t-il droit au taxi social ?",
        "La mairie a été inaugurée le premier juin mille neuf cent douze, y a-t-il une visite ?",
        # 3. a number with slashes that is no NHS number, a NINO sample
        "Planning reference 431/004/0917 — is it decided?",
        "The leaflet's example NI number is QQ-12-34-56-C, is that real?",
        # 4. an entity for a public mailbox
        "Should I write to contact&#64;exampleton.gov.uk instead?",
        # 5. a line break that cuts no postcode
        "The bins are room B2\nthen 3 doors down, right?",
        "Our parking bay is B comme Bernard, 4, puis C comme Camille, 2 — where is it?",
        "His reading chart says A for Apple, B for Ball, C for Cat, 1, 2, 3 — any library club?",
        # 6. names that are none: files of no personal document, capitals that are no surname
        "I uploaded Spring_Fair_Poster.pdf and Riverside_Lido_Timetable.pdf to the events page",
        "I attached Tenancy_Agreement_Flat_Final.pdf, is that the right one?",
        "Statut : EN COURS Marie",
        'The booking is in the name of "Exampleton Rotary Club", ok?',
        # 7. a number and a letter that are no house number
        "Is bay 3 a Market Street spot or not?",
        # 8. a false start before a price or a year
        "The fee is twenty... 25 pounds for two bins?",
        "Council tax band, hmm... 2026 rates?",
        # 9. officials in French apposition
        "Qui est l'adjoint chargé des sports, M. Lucien Varenne-Clos ? Je voudrais l'inviter.",
        "L'élue déléguée aux cimetières, Mme Ophélie Brassac, reçoit-elle le samedi ?",
        "La responsable des naissances au service de l'état civil, Mme Gwenaëlle Turpault, "
        "est-elle joignable ?",
        "Le chef des cérémonies à l'état civil, M. Thibault Gervolle, fait-il les PACS ?",
        # 10. a leisure venue with its street and postcode
        "Is Northgate Lido, Canal Wharf, Exampleton EX2 9PN open on Boxing Day?",
        "Are the Ashby Baths, Mill Street, Exampleton EX1 3TT open late on Fridays?",
        # 11. placeholders shown in grey
        "The form's sort code box shows '11-11-11' and the account number '00000000' in grey. "
        "Do I overwrite them?",
        "The account box has '87654321' in light grey, then the reference box is empty — "
        "do I clear it?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A relative's or the writer's own name stays found beside the same French posts.
        ("Qui est ma voisine, Mme Honorée Castagnet ? Elle laisse ses poubelles.", "name"),
        # A number typed as one's own, not shown in grey, stays found.
        (
            "My account number is 31926819 and the sort code 20-00-00, is that enough?",
            "account_number",
        ),
        # A home's postcode after a leisure word that is no venue's stays found.
        ("We live at 4 Lido Close, Exampleton EX2 7QP, bins missed again", "postcode"),
    ],
)
def test_hostile_variants_stay_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Paid with my Diners 3056 930902 5904, exp 11/27 — did it go through?", "en"),
        ("Chu née le 21 octobre 1990, j'ai droit à la carte jeune ?", "fr"),
        ("The form rejects my date of birth. I typed 1968-04-30 twice.", "en"),
        ("mon adresse s'affiche ainsi : lea.marchand&#64;example.fr, c'est grave ?", "fr"),
    ],
)
def test_the_guard_blocks_them(whole: InputGuard, text: str, lang: str) -> None:
    assert decided(whole, text, lang)[0] == "block_pii"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Qui est l'adjointe chargée de la voirie, Mme Clarisse Fontanel-Rey ?", "fr"),
        ("Is Westbrook Lido, Harbour Road, Exampleton EX3 4LP open on New Year's Day?", "en"),
    ],
)
def test_the_guard_lets_them_through(whole: InputGuard, text: str, lang: str) -> None:
    assert decided(whole, text, lang)[0] != "block_pii"
