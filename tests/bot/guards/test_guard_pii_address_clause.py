"""A home address followed, in the NEXT clause or sentence, by a public building's word.

Found by the lead while reading the address rules (7 December 2026, no held-out message
involved): a council's citizens name the council in nearly every message ("… 4 Aldhelm's Walk,
Westbury; the council tax bill …", "… Bréval. La mairie a changé …"), and the word after an
address was read as the building at that address wherever it stood in the forty characters
after it, so a home address was let through. Only the address's own clause can say it is a
public building's ("14 Northgate Road, the council's service point"); a word after a full stop,
a semicolon, a question or exclamation mark or a line break is about something else. "Council
tax", "council house" and the like are not buildings either. And a home said to be anyone's
("the tenant resides at …", "Grandad's bungalow is …", "le logement de ma tante est au …") is
theirs, as "I live at …" is the writer's.

Freed from the word "council" after it, a number after a currency sign was read as a house
number once ("£85 court costs"): an amount is no house number.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import kinds_found


@pytest.fixture(scope="module")
def policy() -> GuardPolicy:
    return GuardPolicy.default()


@pytest.mark.parametrize(
    "text",
    [
        "My new flat is 4 Aldhelm's Walk, Westbury; the council tax bill went to the old one.",
        "Our house is 31 Pennyroyal Drive, Eastcombe. The council tax reminder has the wrong band.",
        "The permit holder lives at 8 Tanner's Row. Council parking staff keep ticketing her car.",
        "Since March home is 17 Cobbler's Lane, Wickham. Is the council tax discount automatic?",
        "Bins not emptied at 63 Hawthorn Crescent!\nThe council depot never answers the phone.",
        "We rent 2 Saddler's Yard, Ormsby, a council house; can we apply for a parking bay?",
        "Mon nouveau logement : 12 rue des Acacias, Vauclair ; la mairie ne m'a pas répondu.",
        "Chez nous c'est 40 chemin des Vignes, Corbel ; le centre des impôts a l'ancienne adresse.",
        "Grandad's bungalow is 11 Foxglove Rise, Aldmoor. Council tax single person discount?",
        "The tenant resides at 19 Kestrel Way. Council inspectors came round in May.",
        "Le logement de Maëlle est au 3 rue du Four, Brissac. La mairie gère les aides au loyer ?",
        "Ma mère vit au 9 allée des Peupliers, Sorvin. La mairie peut-elle l'aider pour le "
        "portage des repas ?",
    ],
)
def test_a_home_address_before_a_public_word_in_another_clause_is_found(
    text: str, policy: GuardPolicy
) -> None:
    assert "address" in kinds_found(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Is the council office at 14 Northgate Road open on Saturdays?",
        "The Town Hall, 1 Market Square, is it open late on Thursdays?",
        "What time does Riverside Community Centre at 3 Quay Street close?",
        "La mairie annexe du 14 rue Pasteur est-elle ouverte le samedi ?",
        "Is the library on 22 Bell Street, the council one, open on Sundays?",
        "I need to drop the form at 14 Northgate Road, the council's service point, tomorrow.",
        "Je dois déposer le dossier au 3 Quay Street, au centre social, demain matin.",
        "Is 5 Harbour Parade the council's tourist office? The website does not say.",
        "The library is at 22 Bell Street now, is the old building for sale?",
        "La médiathèque est au 8 rue Voltaire depuis mars, jusqu'à quelle heure ?",
        "We got £85 court costs added to the council tax bill even though we're all students.",
        "I paid £40 Park and Ride fees twice this month, can the council refund one?",
    ],
)
def test_a_public_building_named_in_the_address_s_own_clause_stays_public(
    text: str, policy: GuardPolicy
) -> None:
    assert "address" not in kinds_found(text, policy)
