"""Kinds test59 missed (read after its one blind run), each in new words (none is a held-out
message or a rewording of one), with the look-alikes in the same shapes that must keep their
decision (issue 12, fixer P7).

1. Data typed into a form's boxes or read letter by letter, one character a box: characters
   split by bars ("|K|E|R|…|") or by single spaces ("T H E O …"), words split by wider gaps or
   an empty box. Read as the words they spell, then by the usual finders; ordinary text with
   single letters ("options a b c", "I / O") is left as it is.
2. A French RIB (bank 5 digits, branch 5, account 11, key 2) whose key holds; one whose key
   fails, or an order number of the same length, is nobody's account.
3. Tags named for a field ("<nom>…</nom>", "<dob>…</dob>", "<cni>…</cni>"): their text is the
   field's value. Empty tags and placeholders in them are a template's.
4. A community venue named before its address, or an invitation's "where" line naming a
   public venue: the venue's address. A guide's example introduced in French as "par exemple",
   "l'exemple c'est", "dans l'exemple" or in English as "the example is": nobody's.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found

# --- found ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # 1. one character a box, or a space between the characters
        (
            "Nom de famille : |K|E|R|V|A|D|E|C|-|M|O|R|V|A|N|  Prénom : |G|W|E|N|A|E|L|L|E|  "
            "c'est ce que donne le copier-coller du dossier de cantine",
            {"name", "first_name"},
        ),
        (
            "Full name (capitals): | T H E O D O R A   B L A C K W O O D |  -- pasted from the "
            "parking permit PDF, the letters all came apart",
            {"name"},
        ),
        (
            "Date of birth: 0 7 / 1 1 / 1 9 8 8   Reason for request: new bin for the flat",
            {"name_dob_address"},
        ),
        (
            "Inscription périscolaire, partie 2 - Date de naissance de l'enfant : 0 3 / 0 9 / 2 "
            "0 1 8   Allergies : aucune",
            {"name_dob_address"},
        ),
        (
            "Date de naissance : 2 9 / 0 6 / 2 0 1 5   Classe demandée : CP, c'est bien ça ?",
            {"name_dob_address"},
        ),
        (
            "National Insurance number:   J Z 4 7 2 9 1 6 B   (the scan of my P60), is it needed "
            "for the council tax reduction?",
            {"uk_nino"},
        ),
        (
            "N° de sécurité sociale anglais (NI) : |T|W|5|9|2|7|0|4|A| — je l'ai recopié case "
            "par case, vous en avez besoin ?",
            {"uk_nino"},
        ),
        # 2. a French RIB whose key holds
        (
            "Remboursement à faire sur mon compte : 30076 02011 27594018306 91, merci.",
            {"bank_account", "account_number"},
        ),
        (
            "Extrait de compte : 03/11 VIR SEPA LOYER  17515 00900 08304718265 69  -412,00 €, "
            "il a été pris deux fois ?",
            {"bank_account", "account_number"},
        ),
        (
            "Refund details as the French bank gave them: 14505 00001 0812A339012 75 - can you "
            "pay into a foreign account?",
            {"bank_account"},
        ),
        # 3. tags named for a field
        (
            "<usager><nom>Kervella</nom><prenom>Maëlys</prenom><telephone>06 48 27 91 35"
            "</telephone></usager> c'est ce que le portail m'a renvoyé, je dois refaire ?",
            {"name", "first_name"},
        ),
        (
            "<applicant><name>Desmond Achterberg</name><dob>1979-04-22</dob></applicant> came "
            "back in the confirmation, is my form saved?",
            {"name", "name_dob_address"},
        ),
        (
            "<piece><type>cni</type><cni>T7K2PQ9M4</cni></piece> — ça apparaît dans le reçu, "
            "c'est sécurisé ?",
            {"document_number"},
        ),
        # 4. the writer's home beside or on a venue's line stays theirs; so does data after
        # "par exemple" that is the writer's own
        (
            "Where: my flat, 18 Hazel Court, EX2 9TT\nWhen: Sunday afternoon — do I need "
            "permission to close the road for the party?",
            {"address", "postcode"},
        ),
        (
            "J'habite juste à côté de la salle des fêtes, au 7 rue des Tilleuls, EX1 2AB, et "
            "la musique dure jusqu'à 3 h du matin.",
            {"address", "postcode"},
        ),
        (
            "Par exemple, moi c'est Hugo Lenormand, 14 rue des Lilas, EX3 1PQ — vous pouvez "
            "vérifier mon dossier ?",
            {"address", "postcode"},
        ),
        (
            "Dans le tableau joint au formulaire, par exemple Bastien Morel, 9 rue des Acacias, "
            "EX2 3RR, n'a jamais reçu sa carte.",
            {"name", "address", "name_dob_address", "postcode"},
        ),
        (
            "Mes voisins, par exemple Gilles Aubertin au 12 rue des Lilas, se plaignent aussi "
            "du bruit de la salle des fêtes.",
            {"name", "address", "name_dob_address"},
        ),
    ],
)
def test_personal_data_is_found(text: str, kinds: set[str], policy: GuardPolicy) -> None:
    assert kinds_found(text, policy) & kinds, text


def test_boxed_name_is_found_at_its_place(policy: GuardPolicy) -> None:
    text = "Nom : |R|I|V|O|A|L|L|A|N|  merci de corriger"
    spans = [(kind, value) for kind, value in found_with_tagger(text, policy)]
    assert spans and all("R|I|V|O|A|L|L|A|N" in value for _, value in spans), spans


# --- look-alikes: nothing found ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # 1. single letters and characters in ordinary text
        "On the housing form, do I tick option a b c or d if I rent from a friend?",
        "The I / O panel on the recycling centre's kiosk is broken again.",
        "The sign on the library door just said C L O S E D, is it shut all week?",
        "Sur le formulaire les cases sont |O|U|I| ou |N|O|N|, je coche laquelle pour la cantine ?",
        "Nom : |N|O|M|  Prénom : |P|R|É|N|O|M|  — c'est le modèle vide du PDF, je l'imprime ?",
        "Collection date: 1 2 / 0 3 / 2 0 2 7   (from the bin calendar PDF), is that a Friday?",
        "Le code du local vélo est 4 8 2 1, c'est normal qu'il ne marche plus ?",
        # 2. a RIB's shape whose key fails; an order number of that length
        "Le RIB affiché sur la facture est 30076 02011 27594018306 19, il est bon ?",
        "Order no. 40512 77310 90218833641 02 - when will the green bin be delivered?",
        # 3. a template's tags, empty or holding placeholders
        "<nom></nom><prenom></prenom><email></email> — the form's template has these empty "
        "tags, is that right?",
        "Le modèle contient <nom>NOM</nom><prenom>{{prenom}}</prenom><dob>JJ/MM/AAAA</dob>, "
        "je remplis où ?",
        "<service><name>Bulky waste collection</name><price>25</price></service> is that "
        "still the price?",
        # 4. a community venue named before its address, an invitation's venue line
        "Fête des voisins\nQuoi : repas partagé\nOù : salle des fêtes de Bellerive, 3 rue des "
        "Écoles, EX3 5PT\nQuand : samedi midi — on peut réserver une table ?",
        "La réunion a lieu à la maison des associations, 11 avenue du Parc, EX2 8LM. Faut-il "
        "réserver ?",
        "The jumble sale is at the church hall, 40 Brook Street, EX4 7QQ. Can I drop items off "
        "on Friday?",
        "Scout hut, 22 Meadowbank Lane, EX6 1RD: can it be hired for a children's party?",
        "Venue: Larkfield Community Hall, 9 Ash Grove, EX5 4PP\nTime: 7pm — is it wheelchair "
        "accessible?",
        "Rendez-vous à la maison de quartier des Tanneurs, 5 place Verte, EX2 6QD, pour "
        "l'atelier vélo : c'est gratuit ?",
        # 4. a guide's example person
        "Dans la notice, l'exemple c'est Lucie Fictive, 8 impasse Modèle, EX0 0XX — on écrit "
        "le code postal en majuscules ?",
        "Sur le dépliant, par exemple Jeanne Specimen, 4 allée des Exemples, EX0 0AA ; faut-il "
        "mettre une virgule après le nom ?",
        "Dans l'exemple du formulaire, Marc Exemple, né le 01/01/1970, 2 rue Fictive, EX0 0AB ; "
        "dois-je mettre la date comme ça ?",
        "In the leaflet, the example is Jo Sample, 3 Example Road, EX0 0ZZ - do I copy that "
        "layout?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], text
