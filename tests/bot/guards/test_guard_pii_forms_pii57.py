"""The kinds test57 missed (read by kind from the fixer's brief, never copied from the set's
messages), in new words, with hostile cases that must be found or stay a crisis and look-alikes
in the same shapes that must keep their decision.

1. Look-alikes: a how-to question quoting the example person a guide, a form, a template or a
   video shows (placeholder names, streets, repeated digits, the first of January as a date
   of birth) is nobody's data; real data quoted or given beside it is still found.
2. Personal data sent to a person as a crisis: an identifier of the writer's or a dependant's
   (NHS, social security, National Insurance number, identity document, account, card) given
   with a service question the classifier calls a crisis only in doubt is blocked; a sure
   crisis, distress, harm, an emergency, destitution, or a phone, an e-mail or an address given
   beside it keep the crisis. An identity document's model or format said between its name and
   its number ("nouveau modèle", "(new style)", "format carte bancaire") no longer hides it.
3. Left by design: a call-back with its number spelt in words (see the README paragraph).
"""

from __future__ import annotations

import pytest

from bot.guards.intent_decision import IntentDecision
from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found

# --- 1. a guide's example person -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The council tax leaflet shows a sample bill made out to "John Example, 10 Sample '
        'Lane, EX0 0AA" - where on my bill is the band printed?',
        "On the parking permit guide there's a worked example: 'Mr A Specimen, 22 Example "
        "Road, date of birth 01/01/1970'. Do I need to put my middle name too?",
        "The help page screenshot has 'Account no. 0000000000 - Mrs Jane Doe' on it, is my "
        "account number the one at the top right?",
        "Your template for the FOI request says \u201cJoe Bloggs, 1 Any Street, XX1 1XX\u201d, "
        "can I send it by email instead of post?",
        "Le formulaire en ligne affiche un exemple : \u00ab Jean Exemple, 3 avenue Fictive, n\u00e9 "
        "le 01/01/1970 \u00bb. Je dois \u00e9crire le nom en majuscules ?",
        "Dans la capture d'\u00e9cran de l'aide, on voit \u00ab Allocataire n\u00b0 1111111 - "
        "M. Paul Dupont \u00bb : c'est le m\u00eame num\u00e9ro que sur le courrier de la CAF ?",
        "La vid\u00e9o d'explication pour la bourse montre \u00ab Mme Sophie Lambda, 7 rue de "
        "l'Exemple, 99999 Ville \u00bb, le code postal va dans quelle case ?",
    ],
)
def test_a_guide_s_example_person_is_nobody_s(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the writer's own data beside the guide's example
        (
            "The guide's example is 'Jane Sample, 1 Example Street' but mine is Priya Raman, "
            "14 Larch Avenue, EX4 7QP - is that the right order?",
            "postcode",
        ),
        (
            "Le guide montre \u00ab Jean Exemple, 3 rue Fictive \u00bb, moi j'habite 27 rue des "
            "Glycines, 35000 Rennes, je mets \u00e7a pareil ?",
            "postcode",
        ),
        # the writer typing their own details into the form, a placeholder-looking street
        (
            "I typed 'Daniel Okafor, 3 Sample Close, EX5 2RT' into the form and it says invalid",
            "postcode",
        ),
        ('I live at "4 Sample Close, Exampleton EX1 2AB", is my bin day Tuesday?', "postcode"),
        # the writer's own details after a form is named, with a placeholder-looking street or
        # the first of January as a date of birth (given to many people; no placeholder)
        ("I filled in the form: Margaret Sample, 8 Example Drive, EX2 5LT.", "postcode"),
        (
            "The leaflet asks: full name, address, date of birth - Tomasz Lis, 5 Mill Row, "
            "born 01/01/1984, is that enough?",
            "name_dob_address",
        ),
        # a form's quotation with real-looking data and no example said
        (
            "J'ai mis \u00ab Karim Benali, 12 rue des Lilas, 35000 Rennes \u00bb dans le "
            "formulaire, c'est bon ?",
            "name_dob_address",
        ),
        # a guide named, the writer's own number quoted
        (
            "Following your guide, I entered 'Compte n\u00b0 6012483957' for my account, why is "
            "it refused?",
            "account_number",
        ),
    ],
)
def test_real_data_beside_an_example_is_still_found(
    text: str, kind: str, policy: GuardPolicy
) -> None:
    assert kind in kinds_found(text, policy), found_with_tagger(text, policy)


# --- 2. an identity document's model or format before its number ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Je n'ai qu'une carte d'identit\u00e9 format carte bancaire, num\u00e9ro WX8T2M4K7, "
        "elle suffit pour l'inscription sur les listes ?",
        "My ID card (new style) number RT6P9K2X1 runs to 2031, does it count for the right to "
        "work check?",
        "Mon titre de s\u00e9jour nouveau format n\u00b0 XK4R7P2M9 expire en mars, je renouvelle o\u00f9 ?",
        "Her identity card (biometric type) no. HZ5Q8W3T6, is that fine for the nursery?",
    ],
)
def test_a_document_s_model_before_its_number_is_found(text: str, policy: GuardPolicy) -> None:
    assert "document_number" in kinds_found(text, policy), found_with_tagger(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Is the new style identity card accepted for the right to work check?",
        "La carte d'identit\u00e9 nouveau mod\u00e8le, elle est valable combien de temps ?",
        "Do you accept the identity card format carte bancaire from France?",
    ],
)
def test_a_document_s_model_without_a_number_finds_nothing(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


# --- 2. an identifier given with a question the classifier calls a crisis in doubt ----------


class _Crisis:
    """Calls every message a crisis, in doubt or sure."""

    def __init__(self, *, sure: bool) -> None:
        self.sure = sure

    def classify(self, text: str) -> IntentDecision:
        return IntentDecision("crisis", 0.7, {"crisis": 0.7, "in_scope": 0.2}, sure=self.sure)


@pytest.fixture(scope="module")
def doubtful() -> InputGuard:
    return InputGuard(GuardPolicy.default(), intents=_Crisis(sure=False))


@pytest.fixture(scope="module")
def sure() -> InputGuard:
    return InputGuard(GuardPolicy.default(), intents=_Crisis(sure=True))


_GIVEN = [
    (
        "My son's NHS number is 943 476 5919, he has asthma, who gives him his inhaler at the "
        "holiday club?",
        "en",
    ),
    (
        "National Insurance number AB 12 34 56 C for my wife, she has MS and uses a scooter, "
        "can we get a dropped kerb?",
        "en",
    ),
    ("Passport number 538174926, Joy Adeyemi, is it accepted for the library card?", "en"),
    (
        "Ma carte d'identit\u00e9 n\u00b0 WX8T2M4K7 au nom de L\u00e9a Martin, elle est "
        "diab\u00e9tique, elle peut avoir une place \u00e0 la cantine ?",
        "fr",
    ),
    (
        "Num\u00e9ro de s\u00e9curit\u00e9 sociale 2 85 07 75 112 048 17, ma m\u00e8re a "
        "Alzheimer, comment avoir le portage des repas ?",
        "fr",
    ),
    (
        "IBAN FR76 3000 6000 0112 3456 7890 189 pour le remboursement de la cantine de mon "
        "fils handicap\u00e9, c'est bien celui-l\u00e0 qu'il faut ?",
        "fr",
    ),
]


@pytest.mark.parametrize(("text", "lang"), _GIVEN)
def test_an_identifier_beside_a_doubtful_crisis_is_blocked(
    doubtful: InputGuard, text: str, lang: str
) -> None:
    assert decided(doubtful, text, lang)[0] == "block_pii", decided(doubtful, text, lang)


@pytest.mark.parametrize(("text", "lang"), _GIVEN)
def test_a_crisis_the_classifier_is_sure_of_stays_one(
    sure: InputGuard, text: str, lang: str
) -> None:
    assert decided(sure, text, lang)[0] == "crisis", decided(sure, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # distress words
        ("NHS number 943 476 5919, I can't cope any more with his care, I'm desperate", "en"),
        ("Num\u00e9ro NHS 943 476 5919, je n'en peux plus, je suis \u00e0 bout", "fr"),
        # harm, an emergency, destitution
        ("My NI number is AB 12 34 56 C, my partner hit me again last night", "en"),
        ("NHS 943 476 5919, my dad fell in the garden and can't get up", "en"),
        ("Passport 538174926, we've been evicted and have nowhere to sleep tonight", "en"),
        (
            "Num\u00e9ro de s\u00e9curit\u00e9 sociale 2 85 07 75 112 048 17, mon mari me frappe",
            "fr",
        ),
        ("Compte n\u00b0 06248193057, on n'a plus rien \u00e0 manger avec les enfants", "fr"),
        # a way to reach the writer or a place help must go
        ("NHS 943 476 5919, please ring me on 07700 900 482 about my son", "en"),
        ("Num\u00e9ro NHS 943 476 5919, venez au 9 rue des Peupliers, 35000 Rennes", "fr"),
        # no identifier: a name or an address alone
        ("My neighbour Gladys Thornton has not opened her curtains for three days", "en"),
    ],
)
def test_a_doubtful_crisis_beside_distress_harm_or_a_way_to_reach_stays_one(
    doubtful: InputGuard, text: str, lang: str
) -> None:
    assert decided(doubtful, text, lang)[0] == "crisis", decided(doubtful, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the shipped classifier calls these crises in doubt
        (
            "Mon fils Hugo Marchal (NHS 943 476 5919) fait de l'asthme, qui peut lui donner son "
            "inhalateur pendant la garderie du soir ?",
            "fr",
        ),
        (
            "Je n'ai qu'un titre de s\u00e9jour nouveau mod\u00e8le, n\u00b0 AB12C4567, au nom de "
            "Samir Haddad, valable jusqu'en 2029. C'est bon pour l'inscription \u00e0 la "
            "cr\u00e8che ?",
            "fr",
        ),
    ],
)
def test_with_the_shipped_classifier(guard: InputGuard, text: str, lang: str) -> None:
    assert decided(guard, text, lang)[0] == "block_pii", decided(guard, text, lang)
