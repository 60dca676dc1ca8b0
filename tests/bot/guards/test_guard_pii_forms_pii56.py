"""The kinds test56 missed (read by kind from the fixer's brief, never copied from the set's
messages) and a review finding on fixer P4's allowances, in new words, with hostile cases that
must be found or blocked and look-alikes in the same shapes that must keep their decision.

1. Look-alikes: a penalty notice's number named as its reference; an IBAN written as a mask of
   X's on a notice or a form; a council post before its holder's title ("the Licensing Manager,
   Mr …", "la responsable du service urbanisme, Mme …"); a service's line named by the time
   it answers in other words ("le numéro hors horaires / de garde / du week-end").
2. Personal data sent to a person by the classifier: a phone number in a forwarded message
   ("call me on …" inside someone else's quoted text) is theirs, relayed, and is blocked; a
   payment that still shows as unpaid, and an objection to an application, called a crisis
   only in doubt, are set aside and their data blocked.
3. Review finding: a landline the writer asks whether to dial, and a page's call link naming a
   service, count as a service's only with no words anywhere in the message making a number
   someone's (a possessive line, someone to reach, a relative, an ex, a person's name).
"""

from __future__ import annotations

from importlib import resources

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy, PolicyError
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found

# --- 3. the review finding: hostile cases first ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Should I ring my ex on 01632 960 123?",
        "Should I ring 0117 496 0123? It's where my ex lives now.",
        "Should I call 0117 496 0123 to reach my sister at the care home?",
        "Do I dial 020 7946 0321 - that's Dave Pennington's house, he owes me money",
        "Dois-je appeler le 01 99 00 45 12 ? C'est chez ma voisine.",
        "Faut-il appeler le 01 99 00 45 12 de Mme Lefèvre pour la clé ?",
        "Dois-je composer le 01 99 00 45 12 pour joindre mon fils ?",
        'Her page has <a href="tel:+441632960123">Bookings</a> but it is her own line really.',
        'Call me: <a href="tel:+441174960731">Reception</a> is the link on my site.',
        "Appelez-moi, le lien <a href='tel:+33199004512'>Accueil</a> de ma page ne marche pas.",
    ],
)
def test_a_number_someone_s_anywhere_is_found(text: str, policy: GuardPolicy) -> None:
    assert "phone" in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        # P4's look-alikes, in new words: asked whether to dial, a page's link
        "Should I ring 0117 496 0000 for the recycling centre or email them?",
        "Do I dial 020 7946 0000 for the tip, or is there a form?",
        "Should I ring 0117 496 0000 for Exampleton Council's recycling centre?",
        "Faut-il composer le 01 99 00 38 00 pour l'état civil, ou écrire ?",
        'The site lists <a href="tel:+441174960000">Leisure bookings</a>, is that still right?',
        "Sur le site, <a href='tel:+33199003800'>Accueil de la mairie</a> ne s'ouvre pas.",
    ],
)
def test_a_service_s_line_asked_about_stays_clear(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


# --- 1. look-alikes wrongly blocked ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a penalty notice's number named as its reference
        "The parking ticket shows reference KT83016452, where do I appeal it online?",
        "I got a PCN yesterday, ref ZB40215937, can I pay it in two goes?",
        "Sur mon avis d'amende, la référence est PV71350864 ; on peut payer en trois fois ?",
        # an IBAN written as a mask
        "The leaflet shows 'IBAN: GB82 XXXX XXXX XXXX XXXX XX' - what goes where the X's are?",
        "Sur le modèle de mandat, la case IBAN contient BE68 XXXX XXXX XXXX : je remplis tout ?",
        # a council post before its holder's title
        "Do I send the objection to the Parking Services Manager, Ms Oluwaseun Treadgold-Baptiste,"
        " or to the cabinet member?",
        "Is the Bereavement Services Officer, Mrs Philippa Dunstable-Okoro, the one to ask?",
        "Faut-il écrire à la responsable du service urbanisme, Mme Ghislaine Kerbrat-Moreau, ou "
        "au maire ?",
        "Le chef du service des cimetières, M. Anatole Vercoutère, reçoit-il le public ?",
        # a service's line named by the time it answers
        "Le numéro de garde, c'est toujours le 020 7946 0555 pour un chauffage en panne chez "
        "les locataires de la ville ?",
        "The weekend number, is it 0117 496 0777 for a tree down on the road?",
        "Le numéro hors heures ouvrables, c'est le 01 99 00 27 48 pour une panne d'ascenseur ?",
    ],
)
def test_look_alikes_found_nothing(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a penalty notice's number named as a number, or with no word: the keeper's
        ("My PCN number is KT83016452, can you cancel it?", "account_number"),
        ("J'ai une amende PV71350864, je la conteste comment ?", "account_number"),
        # a reference that is an account's, with no penalty named
        ("My council tax reference is 40318265, can I pay monthly?", "account_number"),
        # an IBAN with real characters left in its mask, said to be one's own
        ("IBAN : FR76 3000 XXXX XXXX XXXX XXXX 189, c'est le mien, masqué.", "iban"),
        ("My IBAN is GB82 WEST 1234 5698 7654 32 for the refund.", "iban"),
        # a pub's licensing manager, a housing officer who is "my", a firm's director
        (
            "The Licensing Manager of the Red Lion, Mr Hadrian Pocklington, keeps serving "
            "after midnight.",
            "name",
        ),
        ("My housing officer, Mrs Felicity Arbuthnott, said I'm behind on rent.", "name"),
        (
            "La directrice des finances de la société Brenmoor, Mme Odile Frapin, me doit de "
            "l'argent.",
            "name",
        ),
        # a time-named line said to be one's own or a neighbour's, or a mobile
        ("Mon numéro de garde, c'est bien le 01 99 00 27 40 ?", "phone"),
        ("Le numéro de garde de ma voisine, c'est bien le 01 99 00 27 40 ?", "phone"),
        ("My weekend number is 0117 496 0777, call me then.", "phone"),
        ("Le numéro hors horaires, c'est bien le 06 12 34 56 78 ?", "phone"),
    ],
)
def test_hostile_shapes_still_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 2. personal data the classifier sent to a person ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # someone else's number in a forwarded message
        (
            'My sister forwarded this: "bin men skipped us again, if anyone from the council '
            'rings back call me on 07700 900 561, Priya"',
            "en",
        ),
        (
            "Message de ma tante transféré : « pour la tombe de mamie, rappelle-moi au "
            "06 12 34 56 78 ce soir, Josiane »",
            "fr",
        ),
        # a payment that still shows as unpaid, a card given, called a crisis in doubt
        (
            "J'ai payé la cantine avec ma carte 4970 1012 3456 7890 exp 04/28 hier et c'est "
            "toujours marqué impayé ?? J'ai le relevé",
            "fr",
        ),
        (
            "I already paid the parking permit with my card 4716 2705 8833 0142 last week but it "
            "still says outstanding, I have the statement here",
            "en",
        ),
        # an objection to an application naming the applicants' debts and illness, the same
        (
            "We object to the planning application at 19 Heron Way. The applicant, Mr Lionel "
            "Aberdour, is in debt to everyone and has had two strokes, he cannot manage a build.",
            "en",
        ),
        (
            "Je m'oppose à l'agrandissement au 8 allée des Saules : les propriétaires, M. et Mme "
            "Vasseur, sont surendettés et lui a un Alzheimer débutant.",
            "fr",
        ),
    ],
)
def test_relayed_or_doubtful_data_is_blocked(guard: InputGuard, text: str, lang: str) -> None:
    assert decided(guard, text, lang)[0] == "block_pii", decided(guard, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the writer's own number, outside a quotation, still reaches them
        ("Can someone call me back about the missed bin? 07700 900 561", "en"),
        (
            "Mon voisin dit « appelez la mairie » — pouvez-vous me rappeler au 06 12 34 56 78 ?",
            "fr",
        ),
        ('My neighbour said "just ring them" so please ring me on 07700 900 561', "en"),
        # the writer quoting their own words
        (
            'I told your office "ring me on 07700 900 561 any time" and nobody has, can someone '
            "call me back?",
            "en",
        ),
    ],
)
def test_the_writer_s_own_number_still_goes_to_a_person(
    guard: InputGuard, text: str, lang: str
) -> None:
    assert decided(guard, text, lang)[0] == "escalate", decided(guard, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a forwarded message in danger is still a crisis
        (
            "My friend just texted me: \"I can't go on, I'm going to end it tonight, call me "
            'on 07700 900 214"',
            "en",
        ),
        # a payment beside distress words is not set aside
        (
            "I paid the rent with my card 4929 1736 4058 2172 and it still shows as unpaid, I "
            "can't cope any more, I want to die",
            "en",
        ),
    ],
)
def test_a_crisis_stays_a_crisis(guard: InputGuard, text: str, lang: str) -> None:
    assert decided(guard, text, lang)[0] == "crisis", decided(guard, text, lang)


def test_a_doubtful_crisis_set_aside_needs_the_rule_beside_a_crisis() -> None:
    shipped = resources.files("bot").joinpath("policies", "default.yaml").read_text("utf-8")
    rule = "  - reason: in_scope.x\n    before_doubtful_crisis: true\n    any: ['x']\n"
    with pytest.raises(PolicyError, match="beside"):
        GuardPolicy.from_text(shipped.replace("\nin_scope:\n", "\nin_scope:\n" + rule, 1))
