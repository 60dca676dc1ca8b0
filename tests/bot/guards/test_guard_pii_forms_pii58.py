"""Two kinds test58 missed (read after its one blind run), each in new words (none is a
held-out message or a rewording of one), with the look-alikes in the same shapes that must keep
their decision.

1. A pasted table's row whose LATER cell is free text mentioning a thing or a place (a notes or
   reason column: "needs help with the bins", "works at the library") is a person's row, not a
   public place's: only a cell before the address names the place the row is about ("| Central
   Library | Market Square … |").
2. A label in bold or in a tag followed by its value as bare text up to the next tag
   ("<b>Surname:</b> Okafor-Lindqvist<br>", "<strong>Nom :</strong> Brassard</p>"): a field
   like any other, its value read by the field's name.
3. A phone number of zeros after its prefix ("07700 000000", "+33 6 00 00 00 00"): a form's
   placeholder, whatever words are around it. The writer's own number beside it stays found.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found

# --- found ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # 1. a person's row with a free-text cell after the address
        (
            "Garden waste sign-ups I collected at the residents' meeting:\n"
            "| Who | Where | Notes |\n|---|---|---|\n"
            "| Ossian Threlkeld | 27 Bramble Hollow, Exampleton EX5 2RN | wants a second "
            "brown bin for the hedge cuttings |",
            {"postcode", "address"},
        ),
        (
            "| Resident | Address | Comment |\n|---|---|---|\n"
            "| Mirela Stanescu | 4 Coopers Wharf, Exampleton EX3 8TD | volunteers at the "
            "library on Fridays, please call after lunch |",
            {"postcode", "address"},
        ),
        (
            "Liste pour les encombrants :\n| Nom | Adresse | Remarque |\n|---|---|---|\n"
            "| Gaspard Lemonnier | 12 allée des Tisserands, EX4 6LB | le vieux canapé est déjà "
            "devant le local à poubelles de l'école |",
            {"postcode", "address"},
        ),
        # 2. a label in a tag, the value as bare text after it
        (
            "<p>Hello,</p><p><b>Surname:</b> Okafor-Lindqvist<br><b>First names:</b> Ingrid "
            "Abena<br>I have moved and would like my council tax account updated.</p>",
            {"name", "first_name"},
        ),
        (
            "<div><strong>Nom :</strong> Brassard-Keita</div><div><strong>Prénom :</strong> "
            "Apolline</div><p>Je souhaite inscrire ma fille à la cantine.</p>",
            {"name", "first_name"},
        ),
        (
            "<span>Date of birth:</span> 14/02/1987<br><span>Address:</span> 9 Heron Quay, "
            "Exampleton<br>Can I still register to vote online?",
            {"dob", "name_dob_address"},
        ),
        # 3. the writer's own number beside a placeholder of zeros
        (
            "The phone box showed 07700 000000 so I typed over it with mine, 07700 900816, "
            "and it still says invalid.",
            {"phone"},
        ),
        (
            "Le formulaire propose +33 6 00 00 00 00 ; j'ai mis le mien, 06 39 98 40 71, et "
            "il refuse toujours.",
            {"phone"},
        ),
    ],
)
def test_personal_data_is_found(text: str, kinds: set[str], policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & kinds, text


# --- look-alikes: nothing found ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # 1. a public place named before its address; free text after it changes nothing
        "Where can I take old paint?\n| Site | Address | Notes |\n|---|---|---|\n"
        "| Household Recycling Centre | Foundry Lane, Exampleton EX2 7AA | closed on "
        "Wednesdays, bring proof you live in the city |",
        "| Lieu | Adresse | Horaires |\n|---|---|---|\n| Médiathèque centrale | 5 place du "
        "Marché, EX1 1AB | fermée le lundi, ouverte le samedi matin |",
        # 2. a label in a tag whose value is no one's
        "<p><b>Service:</b> Bulky waste collection<br><b>Price:</b> £25 for up to three "
        "items<br>Is that still right?</p>",
        "<strong>Objet :</strong> inscription à la cantine<br><strong>Date limite :</strong> "
        "le 15 janvier<br>Est-ce que c'est trop tard ?",
        # 3. a placeholder of zeros
        "The mobile box on the blue badge form shows 07700 000000 in grey. Do I type over it "
        "with spaces or without?",
        "Dans le formulaire de réservation, le numéro proposé est +33 6 00 00 00 00 : il faut "
        "remplacer tous les zéros ?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []
