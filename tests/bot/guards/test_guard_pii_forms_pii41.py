"""The kinds test41 missed (read after its one blind run), in new words (none is a held-out
message or a rewording of one), with hostile cases that must stay found and look-alikes in
the same shapes that must keep their decision.

1. A National Insurance number that no one can hold (a prefix HMRC never allocates, a first
   or second letter it never uses, a suffix other than A-D: NIM39110), shown or asked about:
   the form's or the guide's sample, not a person's. A possible one stays found, and so does
   an impossible one given as someone's ("my NI number is …", "National Insurance number:
   …"), a mistyped own one, as a failing IBAN named as one's own is.
2. An IBAN that fails its own mod-97 check, in a message that calls the letter, text or
   e-mail carrying it fake ("a fake bailiff letter", "un faux courrier", "une fausse
   facture"): the forger's number asked about, as one in a message called a scam already
   is. A French RIB key that holds inside it does not change that; a valid IBAN in the same
   message, and a failing one given as the writer's own, stay found.
3. A public officer named in a signature block, the name on one line and the council post
   on the next ("…\nHead of Parking Services"), or after a French councillor's portfolio
   ("la conseillère déléguée aux sports, Mme …"): the post's holder, a public person, as
   the same post after a comma already is. A private job on the next line is none.
4. A postcode written with a dot between its halves, or given after "Postcode is" in a
   message about council tax: the writer's.
5. A phone number right after a public place's name with no word between, said after it to
   be the writer's ("… is my mobile", "c'est mon portable"): the writer's.
6. Initials with a birth date (dotted initials, or initials named as such): they identify a
   child as a name does, so the pair is personal data; initials alone, or the usual dotted
   abbreviations (U.K., E.U.) beside a date, are not.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. possible National Insurance numbers stay found (hostile)
        ("NI number: JG 10 37 58 D, for the council tax reduction", "uk_nino"),
        ("my national insurance no is jg103758d", "uk_nino"),
        ("Numéro NI de mon mari pour l'aide au logement : PW 31 58 72 A", "uk_nino"),
        ("NI number PW315872 (I can't read the last letter)", "uk_nino"),
        # an impossible one given as someone's is a mistyped own one, found still
        ("my NI number is QQ 52 81 07 B, is that why the form fails?", "uk_nino"),
        ("National Insurance number: TN 48 20 71 C", "uk_nino"),
        # 2. a valid IBAN beside a fake letter stays found; a failing own one too
        (
            "I got a fake bailiff letter, so please refund to my real account instead: "
            "FR76 9951 2008 3100 0471 9352 802",
            "iban",
        ),
        ("Mon IBAN pour le remboursement : FR58 9940 7022 1600 5918 3640 221", "iban"),
        ("refund to my iban GB96 XMPQ 6016 1331 9268 19 please", "iban"),
        # 3. a private job on the next line, or a private adviser, stays a name
        (
            "Please pass this on to my landlord:\nDesmond Achterberg-Quaye\n"
            "Manager, Quayside Lettings\nhe ignores my calls",
            "name",
        ),
        ("Ma conseillère bancaire, Mme Sylvie Rambert-Nox, m'a dit de vous écrire", "name"),
        ("la conseillère chargée de mon dossier, Mme Sylvie Rambert-Nox, ne répond pas", "name"),
        # 4. a postcode with a dot, or after "Postcode is" in a council tax message
        ("Please send the bin calendar to me, postcode EX3.6LW", "postcode"),
        ("Mon code postal c'est EX2.8FJ, pour le ramassage des encombrants", "postcode"),
        ("Council tax single person discount. Postcode is EX4 6TW, flat 2", "postcode"),
        ("Taxe d'habitation, résidence secondaire. Postcode: EX3.6LW.", "postcode"),
        # 5. a phone right after a public place, said to be the writer's
        (
            "Left my scarf at the leisure centre 07700 900382 is my number if someone hands it in",
            "phone",
        ),
        (
            "J'ai trouvé un chat devant la médiathèque 06 39 98 44 10 c'est mon portable si "
            "le propriétaire appelle",
            "phone",
        ),
        ("Lost wallet near the town hall 07700 900271, my mobile, thanks", "phone"),
        # 6. initials with a birth date
        (
            "For the holiday club list: child's initials T.R.K., date of birth 04/03/2020",
            "name_dob_address",
        ),
        (
            "Je garde une petite fille, initiales L.A., née le 12/05/2022, pour la carte de "
            "bibliothèque",
            "name_dob_address",
        ),
        (
            "initials only: JMD, born 9 June 2019, can he join the swimming lessons?",
            "name_dob_address",
        ),
        (
            "My grandson (A.P.) was born on 02.11.2018, is he old enough for the bus pass?",
            "name_dob_address",
        ),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. National Insurance numbers no one can hold
        "HMRC's guide prints the NI number QQ 98 76 54 B, do I copy that format?",
        "Is an NI number like GB 12 34 56 A even allowed? My form shows that one",
        "Le formulaire affiche le numéro NI ZZ 00 11 22 D en grisé, je le recopie ?",
        "NI number field came prefilled with FQ 11 22 33 C - is this a test entry?",
        "The NI number box shows TN 01 02 85 A, what does TN mean?",
        "The NI number on the leaflet is AO 12 34 56 E, is that a real format?",
        # 2. a failing IBAN in a message calling its letter fake, a RIB key holding inside
        "A fake bailiff letter says to pay FR67 9951 2008 3100 0471 9352 802 by Friday, "
        "I won't, right?",
        "J'ai reçu un faux courrier d'huissier avec le RIB FR58 9940 7022 1600 5918 3640 221, "
        "je ne paie rien ?",
        "Un faux avis d'huissier me réclame 300 € sur ce compte : "
        "FR58 9940 7022 1600 5918 3640 221, je dois payer ?",
        "Fake bailiff letter about my mooring, account given: GB96 XMPQ 6016 1331 9268 19 - "
        "I'm not paying, am I?",
        # 3. public officers in signature blocks and after a portfolio
        "Letter signed:\nPriya Odunsi-Clarke\nHead of Parking Services\nis she real?",
        "Courrier signé :\nHélène Margeride-Tosi\nResponsable du service Propreté\nc'est qui ?",
        "The notice ends:\nTobias Wrenfield\nLicensing Team Leader\nwho do I appeal to?",
        "Je voudrais écrire à la conseillère déléguée aux sports, Mme Annick Perrot-Salles, "
        "pour le gymnase",
        "Peut-on joindre le conseiller chargé de l'urbanisme, M. Yannick Le Berre-Sow ?",
        # 4. postcodes asked about as areas, and dotted numbers that are no postcode
        "Which ward covers EX3.6LW?",
        "the download is 2.5GB, is that normal for the planning app?",
        # 5. a public place's landline with no word between, asked about
        "the leisure centre 01632 960118 is the bookings line, right?",
        # 6. initials alone, or an abbreviation beside a date
        "What are initials used for on the library form?",
        "U.K. citizen, date of birth 03/04/1985 — which form do I need for a postal vote?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))


def test_a_word_after_a_possible_nino_is_no_suffix(policy: GuardPolicy) -> None:
    text = "my NI number is PW 31 58 72 I think, the last letter has rubbed off"
    assert "uk_nino" in kinds_found(text, policy), found_with_tagger(text, policy)
