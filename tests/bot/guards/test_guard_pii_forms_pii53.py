"""The kinds test53 and test52 missed (read by kind from the fixer's brief, never copied from
the sets' messages), in new words, with hostile cases that must be found and look-alikes in
the same shapes that must keep their decision.

1. A public official whose surname has a particle or a Welsh or Gaelic prefix (de, de La, du,
   ap, Ó, Ní, Nic, van der …), named with their office, in apposition or said of them ("Is
   Mr … still the Superintendent Registrar?", "…, directrice générale des services"): the
   office's holder, no private person's name. The same name with no office stays a name.
2. Such a name as a private person's: what one applied or registered under, or behind a title
   of nobility ("le comte …", "Lady …"). A scheme or a body after "under", an office ("Lord
   Mayor") or a place ("Lady Margaret Hall") is none.
3. A name written family name first in capitals after a naming verb, with a given name not in
   the list, when the message says which part is the family name.
4. A device's MAC address named as such or said of a router, a box or a device: kind
   ip_address. A time, a colour, a hash, a version, a serial number stay none.
5. A postcode quoted as a form label's sample value ("'Postcode e.g. …'"): the form's, no
   one's. An address on a street called "Sample …" stays an address.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found


@pytest.mark.parametrize(
    "text",
    [
        # 1. an official with a particle or a prefix, named with the office
        "Is Mrs Siân ap Gruffydd still the Superintendent Registrar? We'd like her for the ceremony.",
        "Is Mr Cathal Ó Dálaigh still the Director of Public Health for the county?",
        "Dr Pieter van der Berg, Director of Public Health, signed the notice about the water.",
        "Ms Róisín Nic Amhlaoibh is the Returning Officer for the by-election, isn't she?",
        "Mme Isaure de La Villemarqué, directrice générale des services, a-t-elle signé l'arrêté ?",
        "M. Gwenaël Le Bihan est-il toujours le directeur général des services de la mairie ?",
        "Est-ce que M. Hugo du Plessis, directeur général adjoint des services, reçoit le public ?",
        # 2. look-alikes of a name after "under" or a title of nobility
        "I applied under the Housing Act for a disabled facilities grant.",
        "We registered under Exampleton Rotary Club for the stall.",
        "The Lord Mayor opened the Lady Margaret Hall summer fair.",
        "Can the Lord Lieutenant attend the citizenship ceremony?",
        "Le comte de Monte-Cristo est-il disponible à la médiathèque ?",
        # 3. a look-alike of a family name in capitals
        "The shop is called BOOTS Pharmacy, is the surname field needed on the form?",
        # 4. look-alikes of a MAC address
        "The hall's clock on the device showed 12:30:45 when the alarm went off.",
        "Our logo colour is #1A2B3C on the router box, can you print it?",
        "The router firmware version is 10.22.33 after the update.",
        "Serial number AB12-CD34-EF56 is on my router sticker, is it under warranty?",
        "The file's sha256 is e3b0c44298fc1c149afbf4c8996fb924 on my laptop.",
        # 5. a postcode quoted as a form label's sample
        "The permit form has 'Postcode (e.g. SW1A 2AA)' printed in the box, do I leave it?",
        'The online form\'s field says "Postcode, for example EX4 3PQ" in light grey.',
        "Le formulaire affiche « Code postal, ex. : EX2 4QT » en gris, je dois l'effacer ?",
    ],
)
def test_no_personal_data_found(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. hostile: the same names with no office stay names
        ("Mrs Siân ap Gruffydd is still the tenant of the flat above mine and owes rent.", "name"),
        ("Is Mr Cathal Ó Dálaigh still my neighbour? He parks on the verge.", "name"),
        ("Mme Isaure de La Villemarqué, ma voisine, gare sa voiture devant chez moi.", "name"),
        # 2. names with particles or prefixes as a private person's
        ("I registered under Gwenllian Mair ap Dafydd for the swimming lessons, any news?", "name"),
        ("Our allotment plot was booked under Eoghan Ó Súilleabháin in 2024.", "name"),
        (
            "Je suis inscrite sous le nom de Maëlle de Kersauson pour la cantine, où en est-on ?",
            "name",
        ),
        (
            "Mon grand-père, le marquis Édouard de Villeneuve-Bargemon, voudrait une place au "
            "columbarium.",
            "name",
        ),
        (
            "We are writing for Lady Philippa Ashcombe-Drury, who wants to hire the pavilion.",
            "name",
        ),
        # 3. a family name first in capitals, glossed
        (
            "My son is called OYELARAN Tobiloba, Oyelaran is the surname, for the school "
            "transport appeal.",
            "name",
        ),
        (
            "Ma fille s'appelle NGUYEN Thanh-Mai (Nguyen est le nom de famille) pour la cantine.",
            "name",
        ),
        ("Family name first: the pupil is named KOWALCZYK Zbyszko, for the bus pass.", "name"),
        (
            "L'enfant s'appelle MBAPPÉ-NDIAYE Soulèye, nom de famille d'abord, pour l'inscription.",
            "name",
        ),
        # 4. a MAC address named as such or said of a device
        ("The library Wi-Fi won't let my laptop on, its MAC is 3C-22-FB-91-0A-7E.", "ip_address"),
        ("My Bluetooth address is a4c1.38f2.9b07 according to the settings page.", "ip_address"),
        (
            "Ma console ne se connecte pas au wifi de la médiathèque, adresse physique "
            "9C:B6:D0:12:AB:EF.",
            "ip_address",
        ),
        (
            "Le routeur affiche l'adresse MAC F0-9F-C2-7A-11-3D, faut-il vous l'envoyer ?",
            "ip_address",
        ),
        # an IPv6 address stays an IP address
        ("The router's IPv6 address is 2a02:c7f:1234:5600::1, can you unblock it?", "ip_address"),
        # 5. hostile: a real address, the writer's own postcode
        ("Please send the permit to 4 Sample Close, Exampleton EX1 2AB.", "postcode"),
        ("The form says 'Postcode e.g. EX1 1AA' but mine is EX4 6PL, is that fine?", "postcode"),
        ("My postcode e.g. EX4 4QJ is where the bin is missing.", "postcode"),
    ],
)
def test_personal_data_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy)


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Is Mr Cathal Ó Dálaigh still my neighbour? He parks on the verge.", "Cathal Ó Dálaigh"),
        ("Mrs Siân ap Gruffydd is still the tenant of the flat above mine.", "Siân ap Gruffydd"),
    ],
)
def test_a_prefixed_name_is_found_whole(text: str, whole: str, policy: GuardPolicy) -> None:
    assert ("name", whole) in found_with_tagger(text, policy)


def test_a_sample_street_name_stays_an_address(policy: GuardPolicy) -> None:
    text = "Jeanne Exemple lives at 4 Sample Close, Exampleton EX1 2AB, send it there."
    kinds = kinds_found(text, policy)
    assert "postcode" in kinds
    assert kinds & {"name", "name_dob_address", "address"}
