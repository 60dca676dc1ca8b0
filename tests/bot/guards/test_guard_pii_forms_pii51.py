"""The kinds test51 missed (read by kind from the fixer's brief, never copied from the set's
messages), in new words, with hostile cases that must be found and look-alikes in the same
shapes that must keep their decision.

1. A first name introduced as one's child or relative ("my son …", "ma fille …") with a date
   of birth in the message: a name and a birth date together.
2. A benefit or tax account's number (CAF allocataire, numéro fiscal, UTR) with its label a few
   words before it, seven digits being enough after such a label.
3. A name in administrative order, the surname in capitals first, after a naming verb ("…
   s'appelle SURNAME Given", "is called SURNAME Given").
4. An identity card's number named as such ("carte nationale d'identité n° …"): nine letters
   and digits (new format) or twelve digits (old format).
5. A tab-separated table's header row (words with no digits above rows with digits) is no name.
6. A public officer in administrative order ("SURNAME Given, directrice des …"): the office
   after the name holds for this order as for the other.
7. A number written twice, with other separators or with its 0044/+44 prefix, one of them
   named a service's: the same line, a service's.
8. A venue's address pasted as labelled lines ("venue: <public place>" then "address: …"): the
   place's address.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. a child's or relative's first name with a birth date
        (
            "Holiday club sign-up: my son Noah is 6, date of birth 14/03/2020. Which group "
            "would he join?",
            "name_dob_address",
        ),
        (
            "Centre de loisirs : ma fille Chloé a 9 ans, née le 02/11/2016, elle va dans "
            "quel groupe ?",
            "name_dob_address",
        ),
        (
            "Our granddaughter Amelia needs a junior bus pass, DOB 2019-09-05. Is she old enough?",
            "name_dob_address",
        ),
        # 2. a benefit or tax number with its label a few words before
        (
            "Mon numéro d'allocataire à la CAF de Gironde était le 2859031, je le note où ?",
            "account_number",
        ),
        (
            "Our old CAF allocataire number from when we lived in Lyon was 5093318, do you "
            "need it for housing benefit?",
            "account_number",
        ),
        (
            "Sur l'avis d'impôt, mon numéro fiscal est 30 12 458 796 123, je dois le donner ?",
            "account_number",
        ),
        # 3. the surname in capitals first, after a naming verb
        (
            "Pour le formulaire de la cantine, mon fils s'appelle GAUTIER-ROUSSEL Lucas, "
            "c'est bien dans cet ordre ?",
            "name",
        ),
        (
            "For the library card form, my daughter is called OKONKWO-BELL Amelia: is "
            "surname first right?",
            "name",
        ),
        # 4. an identity card's number named as such
        (
            "Pour le badge de la déchetterie j'ai présenté ma carte nationale d'identité "
            "numéro X7PL3QR95, c'est bon ?",
            "document_number",
        ),
        (
            "Ma carte nationale d’identité n° RT58KW2M4 expire en mai : puis-je voter avec ?",
            "document_number",
        ),
        (
            "My French national identity card number is 930475128846, will that do as ID?",
            "document_number",
        ),
        # 7. a second number, not the service's, stays the writer's
        (
            "The council's pest control line is 020 7946 0123, and my own landline is "
            "020 7946 0987 if they need to reach me.",
            "phone",
        ),
        # 8. a person's labelled address stays theirs
        (
            "Booking form:\nname: Priya Sandhu\naddress: 12 Mill Lane, EX1 3AB\nIs that enough?",
            "name_dob_address",
        ),
        (
            "Party invite:\nvenue: my flat (Community Centre is shut)\naddress: 7 Elm Row, "
            "EX2 9QT\nCan I put that on the noticeboard?",
            "address",
        ),
        ("lieu: chez moi\nadresse: 4 rue des Lilas, 69003 Lyon\nVous passez quand ?", "address"),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. a relative named with no birth date, an age alone
        "My daughter Emma loves the library, which story time suits a six-year-old?",
        "Ma fille Chloé voudrait s'inscrire à la piscine, quels sont les horaires ?",
        # 2. a count after the benefit's name, a short number
        "Les 1250000 allocataires de la CAF du Rhône ont-ils tous reçu le courrier ?",
        "The CAF allocataire leaflet says 2500000 families got the rise, is that right?",
        "Allocataire CAF depuis 2019, est-ce que j'ai droit au tarif réduit ?",
        # 3. a scheme's name in capitals after a naming verb
        "Le dispositif s'appelle CAP Jeunes, c'est pour les enfants de quel âge ?",
        "The scheme is called WARM Homes, is my son eligible?",
        # 4. an identity card named with no number
        "Combien de temps faut-il pour une carte nationale d'identité en 2026 ?",
        "La carte nationale d'identité est valable 15 ans, même pour les mineurs ?",
        # 5. a table's header row
        "Leisure prices:\nSwim\tGym\tSauna\n£4.10\t£6.00\t£3.50\nWhich is cheapest?",
        "Hall bookings:\nHall\tWing\tCapacity\nA\teast\t80\nB\twest\t45\nIs Hall A step-free?",
        "Tarifs :\nSalle\tÉtage\tPlaces\nB2\trez\t20\nC4\tétage\t35\nLa salle B2 est-elle "
        "accessible ?",
        # 6. a public officer in administrative order, the office after the name
        "La lettre est signée « ROUSSEL-MARTY Sophie, responsable des piscines » : je lui "
        "écris directement ?",
        "Le refus sur mon formulaire est signé « LEBRETON Anne, directrice des écoles ». "
        "Puis-je faire appel ?",
        # 7. a service's line written twice, with dots or with its country prefix
        "The leaflet says the council's pest control line is 020.7946.0123. Is that the same "
        "as 020 7946 0123?",
        "Le numéro du service des encombrants est le 01.99.00.45.67 sur l'affiche ; c'est "
        "bien le même que le 01 99 00 45 67 ?",
        "For the residents' newsletter: the council's housing line is 0044 20 7946 0555 from "
        "abroad, or 020 7946 0555 from a UK phone. Is that right?",
        # 8. a venue's labelled address
        "Réunion des aidants :\nlieu : Centre social de la Croix-Rousse\nadresse : 12 rue "
        "Dumenge, 69004 Lyon\nC'est accessible en fauteuil ?",
        "Agenda export:\nvenue: Northfield Library\naddress: 12 Mill Lane, EX1 3AB\nIs there "
        "parking?",
        "Export du calendrier :\nlieu : Salle des fêtes municipale\nadresse : 4 rue des "
        "Lilas, 69003 Lyon\nY a-t-il un parking ?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 5. a table's first row of names, with no digits below it, stays names
        ("Attendees:\nFirst\tLast\nMaeve\tDonnelly\nKwame\tMensah\nCan they all come?", "name"),
        ("Contacts:\nAmara Okonkwo\t07700 900 123\nBen Asante\t07700 900 456\nOK?", "phone"),
        # 6. a name in that order with no office after it stays a name
        (
            "Sur le formulaire : « ROUSSEL-MARTY Sophie, ma voisine » — je peux la mettre en "
            "contact d'urgence ?",
            "name",
        ),
        # 7. the writer's own number written twice stays theirs
        (
            "My number is 020 7946 0987, or +44 20 7946 0987 from abroad, please call me.",
            "phone",
        ),
    ],
)
def test_the_person_s_own_stays_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))
