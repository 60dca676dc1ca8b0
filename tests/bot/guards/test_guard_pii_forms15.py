"""Forms of personal data and of look-alikes, from the misses of the spent sets test12 to
test14 (read as forms, never as messages: every message here is written for this file).

- a number called a demo, a fake or "un faux …" is shown, not given;
- a name as the subject of a work, a display or an event ("novels by …", "une exposition sur
  …", "the … centenary") is an author's or a figure's;
- a day and its month ("13 September") or a year after a word of time ("since 2009") is no
  house number;
- a postal code "of my/our …" said after the place ("le code postal de notre maison est …"),
  after a label that opens its sentence without a colon, or asked about in a message that says
  the writer lives there ("we've just moved in");
- a passport's number said a sentence away from the word "passport";
- a full name typed in lower case after an introduction ("im …", "c'est … à l'appareil"),
  before "speaking" or "that's me", or signed after a colon;
- an e-mail address with "au", "chez" or "à" for the at sign and "point" for the dot;
- a landline asked about as a service's line ("is … the right number if …", "le … du service
  des sports répond …"), unless the clause says it reaches the writer.

Each form has look-alikes of the same shape that must pass.
"""

from __future__ import annotations

import pytest

from bot.guards.pii import find_pii
from bot.guards.pii_identity import _address_shaped
from bot.guards.pii_spans import shipped_span_tagger
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


def found_with_tagger(text: str, policy: GuardPolicy) -> list[tuple[str, str]]:
    """(kind, text) found by the rules and the shipped span tagger together."""
    findings = find_pii(text, policy.pii, shipped_span_tagger())
    return [(f.kind, text[f.start : f.end]) for f in findings]


# --- numbers shown as a demo, a fake, "un faux" -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The self-service till in the library shows a demo card 4308 0230 0253 1575 on screen,"
        " is it broken?",
        "Our IT trainer used a fake card number, 5546 4533 5534 8633, to show the payment page.",
        "Le kiosque de la mairie affiche une carte de démo 4976 7179 5795 7617, c'est normal ?",
        "Pendant la formation on nous a donné un faux RIB, FR14 2004 1010 0505 0001 3M02 607,"
        " pour remplir le formulaire.",
        "A demonstration IBAN, GB29 NWBK 6016 1331 9268 19, is printed on the help page: can I"
        " copy its format?",
    ],
)
def test_numbers_called_a_demo_or_a_fake_pass(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The writer's own words after the demo word: their number, given.
        (
            "The demo on the kiosk didn't work so here is my card 4308 0230 0253 1575",
            "payment_card",
        ),
        ("Le faux numéro est sur l'affiche, le mien c'est FR1420041010050500013M02606", "iban"),
        # "faux" meaning wrong, said of the council's copy: the right one is the writer's.
        ("Mon RIB est faux sur votre courrier, le bon : FR14 2004 1010 0505 0001 3M02 606", "iban"),
    ],
)
def test_own_numbers_beside_a_demo_word_are_still_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in [k for k, _ in found(text, policy)]


# --- a name as the subject of a work, a display or an event --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Do you have any poems by Carol Ann Duffy in large print? My dad can't read small type.",
        "Is there a talk about Mary Seacole for Black History Month? My class would like to go.",
        "We'd love a display on Charles Dickens for our school's book week.",
        "Avez-vous des livres de Victor Hugo en gros caractères ? Mon père lit beaucoup.",
        "Une conférence sur Simone Veil est prévue à la médiathèque ? Ma fille fait un exposé.",
        "Is the Agatha Christie centenary event ticketed? My mum is a big fan.",
        "Vous organisez un hommage à Édith Piaf au mois de juin ? Je chante dans une chorale.",
        "My book club is reading novels by Chinua Achebe, can I reserve six copies?",
    ],
)
def test_a_name_as_the_subject_of_a_work_or_event_passes(text: str, policy: GuardPolicy) -> None:
    assert [
        k for k, _ in found_with_tagger(text, policy) if k in ("name", "name_dob_address")
    ] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hello, I'm Sandra Cole, do you have novels by Terry Pratchett?", "Sandra Cole"),
        ("Je m'appelle Julien Morel et je cherche les romans de Fred Vargas.", "Julien Morel"),
        ("Mrs Okonkwo here, is the talk about Mary Seacole on Friday?", "Okonkwo"),
    ],
)
def test_the_writers_own_name_beside_an_author_is_still_found(
    text: str, name: str, policy: GuardPolicy
) -> None:
    names = [s for k, s in found_with_tagger(text, policy) if k == "name"]
    assert any(name in s for s in names)
    assert not any(author in s for s in names for author in ("Pratchett", "Vargas", "Seacole"))


# --- dates and years are not house numbers -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We've lived here since 1998, does that count towards the residency rule?",
        "I've lived in Hull from 2003, does that count for the local connection test?",
        "j'habite la commune depuis 2015, est-ce que ça compte pour la cantine ?",
        "Is storytime on 12 October or 19 October? My twins are four and love it.",
        "Le marché de Noël, c'est le 13 décembre ou le 20 décembre cette année ?",
    ],
)
def test_dates_and_years_are_no_addresses(text: str, policy: GuardPolicy) -> None:
    kinds = [k for k, _ in found_with_tagger(text, policy)]
    assert "address" not in kinds and "name_dob_address" not in kinds


@pytest.mark.parametrize(
    ("text", "span"),
    [("Storytime (13 September) is it free?", "13 September"), ("since 2009, does", "2009, does")],
)
def test_a_date_is_not_address_shaped(text: str, span: str) -> None:
    start = text.index(span)
    assert not _address_shaped(text, start, start + len(span))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "I've lived at 12 Orchard Road since 2009, is my council tax band right?",
            "12 Orchard Road",
        ),
        ("we moved to 2010 lakeshore rd in march, when is the bin day?", "2010 lakeshore rd"),
    ],
)
def test_house_numbers_are_still_found(text: str, span: str, policy: GuardPolicy) -> None:
    assert ("address", span) in found(text, policy)


# --- postal codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le code postal de notre maison est le 29200, pas 29000 comme sur la lettre.", "29200"),
        ("The postcode of our flat is M14 5RT, your letter says M15.", "m14 5rt"),
        ("The recycling lorry skipped our road again. Postcode BS5 9JQ.", "bs5 9jq"),
        ("Les encombrants passent quand ? Code postal H2T 1S6. Merci", "h2t 1s6"),
        (
            "When is the green bin collected for LS7 3PD? We've just moved into the house.",
            "ls7 3pd",
        ),
        ("Quel jour est la collecte du recyclage pour H3N 2K4 ? On vient d'emménager.", "h3n 2k4"),
        ("what bin goes out this week at G41 2PQ, our new flat has no calendar", "g41 2pq"),
    ],
)
def test_a_code_said_to_be_the_writers_home_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert ("postcode", span) in [(k, s.lower()) for k, s in found(text, policy)]


@pytest.mark.parametrize(
    "text",
    [
        "We've only just moved here: which ward is LS7 3PD in?",
        "On est nouveaux à Montréal : H3N 2K4, c'est dans quel arrondissement ?",
        "Is the town hall at LS1 1UR open on Saturdays? We only moved here in May.",
        "Is LS6 3HN inside the clean air zone? We've just moved in.",
        "What day is the green bin collected for LS7 3PD?",
        "Code postal 75011, c'est quel arrondissement ?",
        "The postcode of the library is NG1 5FA, isn't it?",
    ],
)
def test_codes_asked_about_as_areas_still_pass(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


# --- a passport's number a sentence away ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Can I use my passport as ID for the library? Number KX7730215.", "KX7730215"),
        (
            "Mon passeport est ukrainien. Numéro : FE204417, ça suffit pour l'inscription ?",
            "FE204417",
        ),
        (
            "I only have a passport, no driving licence. It's no. C04918273, is that ok?",
            "C04918273",
        ),
        ("Passport for the polling station, right? Mine is number 548203917.", "548203917"),
    ],
)
def test_a_passport_number_a_sentence_away_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert ("document_number", span) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "I forgot my passport at home. Order number AB123456 is the frame I bought, can I collect it?",
        "Passport photos: is booth number 12 working at the town hall?",
        "Do I need my passport for form HB1? Room no. 214 is where I was told to go.",
        "Mon passeport a expiré. Numéro de dossier AB123456 pour le renouvellement, c'est où ?",
    ],
)
def test_other_numbers_in_a_passport_message_pass(text: str, policy: GuardPolicy) -> None:
    assert [k for k, _ in found(text, policy) if k == "document_number"] == []


# --- a full name typed in lower case: introduced, saying who writes, signed ----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hiya im priya nair-bose in flat 3 and the heating is off again", "priya nair-bose"),
        ("ok so i'm daniel kowalski and i rang monday about the swings", "daniel kowalski"),
        ("hello this is amara okafor from the allotments waiting list", "amara okafor"),
        ("c'est léa morvan à l'appareil, pour la cantine de lundi", "léa morvan"),
        ("bonjour, je suis hélène carpentier, maman de deux enfants", "hélène carpentier"),
        ("aisha rahman speaking, is the tip open on bank holidays?", "aisha rahman"),
        ("the booking should be under callum fraser, that's me", "callum fraser"),
        ("je signe donc : mathieu lefort, habitant du quartier", "mathieu lefort"),
        ("signed: grace mensah", "grace mensah"),
    ],
)
def test_a_lower_case_full_name_given_by_the_writer_is_found(
    text: str, name: str, policy: GuardPolicy
) -> None:
    assert ("name", name) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "hi im grace and i need help with my form",
        "im mark leaving the form on your desk",
        "i'm daniel's mum, is the club on tonight?",
        "i think mark here is right about the bins",
        "this is sarah saying thanks for the help",
        "the grace period here is too short",
        "je suis enceinte de trois mois et je cherche une crèche",
        "the form says signature: please use black ink",
        "c'est emma qui a rempli le formulaire",
    ],
)
def test_lower_case_words_after_an_introduction_pass(text: str, policy: GuardPolicy) -> None:
    assert [k for k, _ in found(text, policy) if k == "name"] == []


# --- e-mails with "au", "chez" or "à" for the at sign ----------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Écrivez à jules point roussel au exemple point fr svp",
            "jules point roussel au exemple point fr",
        ),
        ("mon mail : m.dubois chez exemple point com", "m.dubois chez exemple point com"),
        ("Répondez à theo_r au exemple point fr, merci", "theo_r au exemple point fr"),
        ("envoyez le reçu à nina92 à exemple point fr", "nina92 à exemple point fr"),
    ],
)
def test_an_email_with_a_french_word_for_at_is_found(
    text: str, span: str, policy: GuardPolicy
) -> None:
    assert ("email", span) in found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "je vais au centre point com pour la réunion",
        "rendez-vous à 14h30 au gymnase point de départ de la course",
        "On se retrouve chez Paul point final.",
        "Le dossier n.12 au service point info est prêt ?",
        "mon fils va au collège point barre",
    ],
)
def test_ordinary_french_with_au_chez_and_point_passes(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


# --- a landline asked about as a service's line --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "is 0117 496 0555 the right number if a tree has come down on the path?",
        "0113 496 0744 is the parking permits team, not the switchboard, right?",
        "Le 01 99 00 45 67 c'est bien pour réserver un créneau à la déchetterie ?",
        "Le 03 88 00 11 22 du service des sports répond le samedi ?",
        "Is 0161 496 0099 still the correct number for reporting graffiti?",
    ],
)
def test_a_landline_asked_about_as_a_service_passes(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []


@pytest.mark.parametrize(
    "text",
    [
        "Is 0117 496 0123 the right number to reach me? I'm out till six.",
        "le 01 23 45 67 89 c'est bien pour me rappeler ?",
        "is 07700 900123 the right number for the dog warden to text me back?",
        "My landline 0117 496 0123 is the best number, the mobile has no signal",
        "is 0113 496 0744 the parking team? it's my brother's line, he said to try it",
    ],
)
def test_the_writers_number_asked_about_is_still_found(text: str, policy: GuardPolicy) -> None:
    assert [k for k, _ in found(text, policy)] == ["phone"]
