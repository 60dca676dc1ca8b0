"""The look-alike kinds test34 missed (read after its one blind run), each in new words (none is
a held-out message or a rewording of one), with the personal data in the same shapes that must
still be found.

1. A pasted letter's footer: an organisation's line, then a line labelled by a service
   ("Permit renewals: 020 …", "Permis de construire : 01 …"), the paste opened by a line ending
   in a colon ("Copied off the bottom of the letter:"). A line labelled by a person ("Applicant's
   daytime phone:", "Domicile :") stays the person's.
2. Landlines listed one to a line, each with a service's name after it ("☎️ 020 … ♻️
   recycling", "📞 01 … — piscine"); a line labelled "home" or "domicile" stays the writer's.
3. A number on a business's sign, window or van ("… painted on their van", "… sur sa
   devanture"); on the writer's own ("… on my van") it stays theirs.
4. A business's address, the shop or café named right before it ("La pâtisserie « … », 8 …");
   a home above or beside a shop stays a home.
5. A number named as an NHS number or shaped as an IBAN that fails its check, in a message the
   writer doubts or disowns: no account number either. Given as the writer's, it stays found.
6. A name with its public post right after it, the service named before the post ("…, Parking
   Services Manager", "…, Licensing Team Leader", "…, responsable des marchés"); a private job
   after a name ("…, a shop manager") is no public post.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found

# --- 1. a service's line in a pasted letter's footer ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Copied off the bottom of the letter:\nParking Services · Civic Centre · Exampleton\n"
        "Permit renewals: 020 7946 0361 ext. 42\nDoes that line take calls on Saturdays?",
        "Recopié du bas du courrier :\nService de l'urbanisme · Hôtel de Ville\n"
        "Permis de construire : 01632 960418 poste 7\nQuelqu'un répond le vendredi après-midi ?",
    ],
)
def test_a_service_s_line_in_a_letter_footer_is_theirs(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Copied off the form I'm sending back:\nHousing Services · Civic Centre\n"
        "Applicant's daytime phone: 01632 960582\nIs that all they need?",
        "Recopié de ma demande :\nService du logement · Hôtel de Ville\n"
        "Domicile : 01632 960733\nEst-ce que ça suffit ?",
    ],
)
def test_a_person_s_line_in_a_letter_stays_found(text: str, policy: GuardPolicy) -> None:
    assert "phone" in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 2. landlines listed with a service's name after each -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "☎️ 020 7946 0544 ♻️ recycling\n☎️ 020 7946 0612 📚 library\n"
        "is either of them open on bank holidays?",
        "📞 01632 960150 — piscine\n📞 01632 960162 — médiathèque\nlaquelle ouvre le dimanche ?",
    ],
)
def test_landlines_listed_by_service_are_the_services(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "☎️ 01632 960587 🏠 home\n☎️ 020 7946 0318 work\nplease use these for the repair visit",
        "📞 01632 960244 — domicile\nmerci de me joindre là pour le rendez-vous",
    ],
)
def test_landlines_listed_as_home_or_work_stay_found(text: str, policy: GuardPolicy) -> None:
    assert "phone" in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 3. a number on a business's sign, window or van ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The florist on Mill Lane has 01632 960588 painted on their van; do they need a licence"
        " for the buckets on the pavement?",
        "Le café « Chez Lulu » a le 01632 960219 sur sa devanture : peut-il installer une"
        " terrasse ?",
        "Can the chip shop on Dock Road (020 7946 0877 on the window) put a bench outside?",
    ],
)
def test_a_number_on_a_business_s_sign_is_theirs(text: str, policy: GuardPolicy) -> None:
    assert "phone" not in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "My landline 01632 960415 is on my van too, can the parking team ring me about the permit?",
        "Rappelez-moi au 01632 960640, il est écrit sur ma porte.",
    ],
)
def test_a_number_on_the_writer_s_own_van_stays_found(text: str, policy: GuardPolicy) -> None:
    assert "phone" in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 4. a business's address ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "La pâtisserie « Au Petit Four », 8 Mill Lane, Exampleton EX2 7LP, peut-elle mettre un"
        " panneau sur le trottoir ?",
        "The bakery 'Crust & Crumb', 41 Harbour Road, EX3 9BN, sells hot pies after 11pm: does"
        " that need a late licence?",
    ],
)
def test_a_business_s_address_is_no_home(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"address", "postcode"}, found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "J'habite au-dessus de la boulangerie, 8 Mill Lane, Exampleton EX2 7LP, et le four"
        " démarre à 4 h.",
        "We rent the flat over the bakery, 41 Harbour Road, EX3 9BN, and the fan runs all night.",
    ],
)
def test_a_home_above_a_shop_stays_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"address", "postcode", "name_dob_address"}, (
        found_with_tagger(text, policy)
    )


# --- 5. a failing number in a message doubted: no account number either ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A text came: 'COUNCIL: a patient refund is waiting, NHS No 401 552 3817, reply with your"
        " card.' Is this from you? I've no idea whose number it is.",
        "Reçu par SMS : « Trop-perçu de taxe locale versé sur le compte FR95 3000 4028 3798 7654"
        " 3210 943 sous 72 h ». Ce n'est pas mon compte, c'est une arnaque ?",
    ],
)
def test_a_failing_number_in_a_doubted_message_is_no_account(
    text: str, policy: GuardPolicy
) -> None:
    assert not kinds_found(text, policy) & {"account_number", "uk_nhs_number", "iban"}, (
        found_with_tagger(text, policy)
    )


@pytest.mark.parametrize(
    "text",
    [
        "My NHS No 401 552 3817, as the surgery typed it, goes on the patient transport form.",
        "Merci de rembourser le trop-perçu sur mon compte FR95 3000 4028 3798 7654 3210 943.",
    ],
)
def test_a_failing_number_given_as_one_s_own_stays_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"account_number", "uk_nhs_number", "iban"}, (
        found_with_tagger(text, policy)
    )


# --- 6. a name with its public post after it ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The reply was signed 'Mr Desmond Achterberg, Parking Services Manager'. Who is above him?",
        "Mrs Priya Lowenthal, Licensing Team Leader, wrote to us about the street party.",
        "Le courrier est signé « Mme Odile Ferrandier, responsable des marchés » : à qui écrire"
        " pour faire appel ?",
    ],
)
def test_a_name_with_its_public_post_after_it_is_public(text: str, policy: GuardPolicy) -> None:
    assert not kinds_found(text, policy) & {"name", "first_name"}, found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "My brother Desmond Achterberg, a shop manager, needs a Blue Badge after his operation.",
        "Ma voisine Odile Ferrandier, responsable d'un magasin, a besoin d'aide pour ses bacs.",
    ],
)
def test_a_name_with_a_private_job_stays_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & {"name", "name_dob_address"}, found_with_tagger(text, policy)
