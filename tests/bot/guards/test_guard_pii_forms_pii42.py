"""The kinds test42 missed (read after its runs), in new words (none is a held-out message or a
rewording of one), with hostile cases that must stay found and look-alikes in the same shapes
that must keep their decision.

1. A block of flats named alone ("… House", "la Résidence des …"), named as a block ("our
   block, …", "l'immeuble …") or as where a meeting is: no one's address. A flat in it, its
   street and number, or a block said to be where someone lives, stays one.
2. A number failing its check in a message the writer doubts: said not to be the body it names
   ("ce n'est pas la mairie, si ?", "that's not the council, is it?") or forwarded so that the
   council warns people ("can the council warn people?", "prévenir les habitants"): the
   sender's, asked about. A valid one, or a failing one given as the writer's, stays found.
3. A council's number asked about as its contact centre's ("c'est bien le centre de contact
   ?"), in full-width digits too, and its numbers in a table whose rows are labelled by the
   service ("| School admissions | 020 … |"): the services'. A row labelled by a person or a
   home stays a person's number.
4. A value a form's box shows as its hint ("affiche en gris « ex. : … »", "a greyed-out hint
   saying …"): no one's, even with the writer's words about the box after it; "c'est mon
   numéro" after it makes it theirs.
5. A public officer in a pasted e-mail's sender or recipient line, the office after the name
   ("De : Mme …, conseillère municipale déléguée à …", "From: Cllr …, Cabinet Member for …").
   A neighbour named there stays a name.
6. A team named in a pasted notification's field ("Operative: Voids Team", "Intervenant :
   Équipe …"), or a month after a day's number in its time window ("Mon 11 Jan"): no one. A
   person named there stays a name.
7. A private person named as a calendar invite's or an event's organiser or host: a name. An
   officer or a team named there is none.
8. Identifiers dictated in parts with "then", "and", "puis", "et", "and the key is", "et la
   clé", a NINO's letters apart or its last letter named ("and the letter D at the end"); the
   same link words between numbers that make no identifier join nothing.
9. Characters that show nothing inside a name, a postcode or a number (zero-width spaces):
   read without them. Other Unicode spaces between a first name and a surname read as spaces;
   a double-barrelled surname ("Marchetti-Doumbia"-like) after a label's colon is a name even
   with a place's word before the colon ("Pour l'inscription à l'école : …").
10. An e-mail address or a card number split across two lines of a pasted chat, each opened
    by its time: read joined.
11. A postcode spelt letter by letter with "espace" or "space" between its halves.
12. A National Insurance number typed with O for 0 and l for 1 in its digits; never in words.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found

ZW = "\u200b"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. a flat in a named block stays an address
        (
            "Appartement 12, Résidence des Peupliers, 8 rue des Vignerons, pour le passage du "
            "technicien",
            "address",
        ),
        (
            "Please post my new bin calendar to Flat 7 Lindenfield House, 30 Copperbeech Road",
            "address",
        ),
        ("Flat 9 Lindenfield House, please send the form there", "address"),
        # a block said to be where someone lives, or named with nothing about it, stays one
        ("My gran lives at Lindenfield House, she needs a carer visit", "address"),
        (
            "Ma tante habite la Résidence des Peupliers depuis 10 ans, elle a besoin d'aide",
            "address",
        ),
        ("Send my blue badge to Lindenfield House please", "address"),
        # 2. a valid number, or a failing one given as the writer's, beside doubting words
        (
            "My NHS number is 602 715 3849. Can the council warn people about the fake texts?",
            "uk_nhs_number",
        ),
        ("Ce n'est pas la mairie qui a mon numéro de sécu 2 92 01 13 088 156 21 ?", "fr_nir"),
        ("my NHS number is 483 920 1754 I think, can I register?", "uk_nhs_number"),
        # 3. a person's row in a table of numbers stays a person's
        ("| Name | Phone |\n|---|---|\n| Coach Darnell Ebbsworth | 07700 900413 |", "phone"),
        ("| Contact Centre | 020 7946 0000 |\n| Me (mobile) | 07700 900528 |", "phone"),
        ("Mon portable : ０６ ３９ ９８ ２４ １７, rappelez-moi", "phone"),
        # 4. a hint's value said to be the writer's
        (
            "la case affiche « ex. : 2 84 05 75 116 234 19 », c'est mon numéro, bizarre non ?",
            "fr_nir",
        ),
        ("The box shows a hint but here is mine: 943 476 5919", "uk_nhs_number"),
        ("Hint: my NHS number is 943 476 5919", "uk_nhs_number"),
        # 5. a private person in a mail header
        (
            "From: Gwendolyn Marchbank, my neighbour\nSubject: the fence\ncan the council help?",
            "name",
        ),
        ("De : Mme Aurélie Fontanel-Diop, ma voisine\nObjet : la haie\nque faire ?", "name"),
        # 6. a person in a notification's field
        (
            "Operative: Darnell Teamsworth\nArrival window: 1-5pm\nhe left mud everywhere in my flat",
            "name",
        ),
        ("Technicien : Yannick Morvandiau\nCréneau : lundi\nil était très impoli", "name"),
        # 7. an event's organiser or host
        (
            "Invitation: Allotment committee AGM\nWhen: Sat 8 March 10:00-12:00\nWhere: Scout hut\n"
            "Organiser: Petronella Askwith-Hale\nCan we book the hall for this?",
            "name",
        ),
        (
            "Calendar invite pasted:\nTitle: Reading group\nOrganizer: Wilhelmina Stacksby\n"
            "Where: my kitchen\nis a permit needed?",
            "name",
        ),
        (
            "Event: Litter pick\nHost: Ottoline Brackenbury\nTime: 9am Sunday\ncould the council lend us grabbers?",
            "name",
        ),
        (
            "Invitation : répétition de la chorale\nQuand : jeudi 19h\nOrganisateur : Gaëtan "
            "Lemarquand\nPeut-on réserver la salle ?",
            "name",
        ),
        # 8. dictated in parts
        (
            "for the pension form my social security number is 2 91 07, then 69 088, then 312, "
            "and the key is 50",
            "fr_nir",
        ),
        ("Numéro de sécu : 1 76 02, puis 13 055, ensuite 407, et la clé 58", "fr_nir"),
        ("NI number J G, then 10 37 58, and the letter D at the end", "uk_nino"),
        ("mon numéro NI : P W, puis 31 58 72, et la lettre A à la fin", "uk_nino"),
        ("my national insurance: J G 10 37 58, followed by D", "uk_nino"),
        # 9. invisible characters and other spaces
        (f"Ma fille s'appelle Anaïs Lebre{ZW}ton-Quéré, elle a 6 ans", "name"),
        (f"I am Fennimore{ZW}Craswell and I need a parking permit", "name"),
        ("Je voudrais inscrire ma petite-fille Maëlys\u00a0Durandeau-Kerbrat à l'école", "name"),
        ("my husband Leopold\u2007Vanstraaten needs a blue badge", "name"),
        (f"my postcode is EX3{ZW}7QJ for the bin collection", "postcode"),
        # a double-barrelled surname after a label's colon (a place's word before the colon)
        (
            "Je m'occupe de mon petit-fils. Pour la cantine de l'école : Noé\u00a0Castellane-Brou,"
            " en CM2. Je dois signer ?",
            "name",
        ),
        (
            "I'm his guardian now. For the school form: Oliver Pennick-Achebe, year 4. Do I sign?",
            "name",
        ),
        (f"NHS number 943{ZW}476{ZW}5919 please update my GP", "uk_nhs_number"),
        # 10. split across chat lines
        (
            "[08:41] mon adresse c'est jules.martineau-b\n[08:41] @example.com\n"
            "[08:42] pardon j'ai appuyé trop vite",
            "email",
        ),
        (
            "[09:14] Sam: write to sam.okonkwo-reyes\n[09:14] Sam: @example.org\n[09:15] Sam: ta",
            "email",
        ),
        (
            "[21:07] ma carte 4974 0123\n[21:07] 4567 8907\n[21:08] c'est pour la cantine",
            "payment_card",
        ),
        # 11. the space said
        ("mon code postal : E X 4, espace, 7 T R, pour les encombrants", "postcode"),
        ("postcode is E X 1 space 6 B J, for my blue badge", "postcode"),
        # 12. O and l for 0 and 1
        ("NI number JG lO 37 58 D for the housing benefit form", "uk_nino"),
        ("mon numéro NI : PW 3l 58 72 A", "uk_nino"),
        ("national insurance: JG 1O 37 58 D thanks", "uk_nino"),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. a block named alone
        "Our block, Lindenfield House, had its cladding replaced in 2019 and the heating still fails",
        "La réunion des locataires a lieu à la Résidence des Peupliers, salle commune, jeudi soir",
        "The tenants' meeting is in the community room at Kestrel Court on Thursday, can I come?",
        "Notre immeuble, la Tour Belvédère, a été construit en 1972 : y a-t-il de l'amiante ?",
        "The residents' meeting at Lindenfield House is on Monday - is it open to visitors?",
        # 2. failing numbers in doubted messages
        'Forwarded SMS\nFrom: NHS-Alert\n"Patient record 602 715 3841: missed appointment fee. '
        'Pay £40 at nhs-appt.example.net"\nCan the council warn people?',
        "Transféré : « Votre numéro de sécurité sociale 2 79 06 31 555 214 12 doit être confirmé "
        "sous 48h sur ameli-verif.example.net » Ce n'est pas la mairie, si ?",
        "Mail transféré : « Confirmez votre numéro de sécurité sociale 2 92 01 13 088 156 34 "
        "avant vendredi » Ce n'est pas la CPAM, si ?",
        "Reçu par SMS : « numéro NHS 602 715 3841 à régulariser ». Il faudrait prévenir les "
        "habitants, non ?",
        # 3. the council's numbers
        "Le ０２０ ７９４６ ０６００, c'est bien le numéro des inscriptions scolaires ?",
        "Le ０２０ ７９４６ ００００, c'est bien le centre de contact ?",
        "Is ０２０ ７９４６ ００００ the contact centre's number? It looks odd on the poster",
        "Useful numbers for the team:\n| Service | Phone |\n|---|---|\n| Contact Centre | 020 7946 "
        "0000 |\n| School admissions | 020 7946 0600 |",
        "| Service | Téléphone |\n|---|---|\n| Centre de contact | 020 7946 0000 |\nc'est le bon "
        "numéro ?",
        # 4. a form's hint
        "La case numéro de sécurité sociale affiche en gris « ex. : 2 84 05 75 116 234 19 », je "
        "dois effacer ?",
        "The NHS number box has a greyed-out hint saying 943 476 5919, do I type over it?",
        "Dans le champ NHS, l'indication en gris montre 943 476 5919, je laisse ?",
        # 5. officers in mail headers
        "From: Cllr Imogen Treharne-Basu, Cabinet Member for Environment\nSubject: garden waste "
        "changes\nDoes this mean my brown bin is collected fortnightly now?",
        "De : Mme Aurélie Fontanel-Diop, conseillère municipale déléguée à la jeunesse\nObjet : "
        "centre aéré\nQuand ouvrent les inscriptions ?",
        "From: Marcus Oyelaran-Pike, Head of Housing Services\nSubject: damp survey\nwhen will "
        "they come?",
        # 6. teams in fields
        "Operative: Voids Team\nVisit: Friday AM\nwhat do they check?",
        "Intervenant : Équipe Espaces Verts\nPassage : mercredi matin\nils coupent aussi les haies ?",
        "Operative: Estates Crew\nArrival window: 1-5pm\nwill they take the old fridge?",
        # a month after a day's number in the notification's window is no name
        "Job 55120 booked\nOperative: Voids Team\nWindow: 13:00-17:00 Tue 3 Feb\n\nCould they "
        "come earlier? I work late.",
        "Visit booked\nWindow: Wed 14 May\n\nCan it be later?",
        # 7. officers, teams and words of events
        "Invitation: Budget consultation\nWhen: Mon 3 March 18:00\nOrganiser: Cllr Hesketh Varma "
        "(Cabinet Member for Finance)\nis it open to the public?",
        "Invitation : réunion de quartier\nOrganisateur : Mme Coralie Vantrepotte, adjointe au "
        "maire chargée de la voirie\nC'est ouvert à tous ?",
        "Invitation: Tenants forum\nOrganiser: Housing Team\nWhen: Weds 6pm\nis there parking?",
        "I'm the organiser of the street party - what's the deadline for the road closure form?",
        # 8. link words between numbers that are no identifier
        "The bins go out Monday, then 2 weeks later, and the key is 50 for the gate",
        "Bus 12, then 47, then 3 into town, and the fare is 50p",
        "On a eu 2 enfants, puis 3 petits-enfants, et la clé du local est le 58",
        "We moved in 2019, and 2020 and 2021 and 2022 were hard years",
        "Rooms 4 and 12 and the key is with reception",
        # 9. spaces of every kind in plain sentences
        "The\u00a0library opens at\u00a09am on\u00a0Saturdays?",
        "Le\u00a0marché de Noël ouvre quand\u202f?",
        f"The{ZW}library is on{ZW}High Street?",
        # 10. chat lines that split nothing
        "[09:00] is the library open\n[09:01] on bank holidays?",
        "[10:02] the meeting is at 14:30\n[10:03] in room 2",
        "[12:00] contact@example.org\n[12:01] is that the right address for the council?",
        "[11:20] the fee is 35\n[11:21] 50 for two - is that right?",
        # 11. "space" beside no postcode, or a postcode asked about
        "press the space bar then type E X 4 in the search box?",
        "Il y a un espace vert au 4 rue Y, c'est où ?",
        "Which ward is E X 4 space 2 Q S in - is that the library?",
        # 12. O and l in words and rooms
        "The room is 1O1 on the second floor",
        "Is the PW lOl course still running? it's in room 3l",
        "OK IO lO ll OO A?",
        "Form ref AB lO lI lO C, what is it?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))
