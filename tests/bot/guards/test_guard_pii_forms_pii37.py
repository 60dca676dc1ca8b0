"""The kinds test37 missed (read after its one blind run), each in new words (none is a held-out
message or a rewording of one), with the look-alikes in the same shapes that must keep their
decision.

1. A pasted table's cell walls ("| Year | Rate |") are no part of a name the tagger reads.
2. An elected office's title opening a name ("Cllr …", "Mayor …", "Alderman …"): the office's
   holder, a public person. Other data beside it stays found.
3. Letters spelt with the phonetic alphabet ("Foxtrot Lima two …", "X-ray"): read as letters,
   so a reference spelt that way is a reference and a postcode or NINO spelt that way is found.
4. A number of zeros only ("00-00-00", "00000000"): a form's placeholder.
5. A service's emergency or out-of-hours line by its name ("the out-of-hours line, 020 …?"):
   public. "My emergency number" and a mobile stay found.
6. A landline in a pasted e-mail sent from an organisation's mailbox: the sender's line. From a
   person's address, or after the writer's own words, it stays found.
7. An address in a pasted table's row naming a public place: the place's. A row naming the
   writer's home stays found.
8. A number whose key is said not to match ("la clé ne correspond pas"): the one asked about,
   when it fails its check. A valid one in the same words stays found.
9. A French passport number split by a space or a line break: found.
Every kind let through keeps a crisis told in the same words going to a person.
"""

from __future__ import annotations

import pytest

from bot.guards.pipeline import InputGuard
from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import decided, found_with_tagger, kinds_found

# --- look-alikes: nothing found ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # 1. table walls
        "Our rates over time:\n\n| Year | Rate |\n|---|---|\n| 2023 | 4.9% |\n| 2024 | 5.1% |\n\n"
        "Why did it go up again?",
        "Récapitulatif :\n\n| Période | Tarif |\n|---|---|\n| Été | 12 € |\n| Hiver | 9 € |\n\n"
        "Le tarif d'hiver s'applique-t-il aux vacances de février ?",
        # 2. an office's title opening the name
        "Does Cllr Oluwaseun Hartigan-Pryce hold a surgery at the library on Saturdays?",
        "Will Mayor Genevieve Stroud-Ainsley open the new skate park in the spring?",
        "Alderman Cuthbert Ravensworth-Lyle unveiled the plaque: where is it exactly?",
        # 3. a reference spelt with the phonetic alphabet
        "The bailiff letter reference, as they read it to me: Foxtrot Lima two nine three "
        "eight four one six zero. Has it been cancelled?",
        "Référence de ma demande de permis, épelée au guichet : Papa Charlie quatre huit deux "
        "un sept neuf trois cinq. Où en est-elle ?",
        # 4. placeholders of zeros
        "The bank form shows | Sort code | 00-00-00 | and | Account | 00000000 | greyed out. "
        "Do I delete them first?",
        "Le formulaire affiche 0000 0000 0000 0000 comme exemple de carte. Je tape par-dessus ?",
        # 5. an emergency or out-of-hours line by its name
        "Is the out-of-hours line still 020 7946 0999? A drain cover is missing on our road.",
        "La ligne d'astreinte, c'est toujours le 01 99 00 27 40 ? Il y a une fuite dans la rue.",
        # 6. a landline in an organisation's pasted e-mail
        "Got this today, is it real?\n\nFrom: Parking Services <parking@exampleton.example>\n"
        "Subject: Permit renewal\n\nTo renew, ring 020 7946 0200 before the 1st.\n\nThanks.",
        "Reçu ce matin :\n\nDe : Mairie <accueil@exampleton.example>\nObjet : Inscriptions\n\n"
        "Pour toute question, appelez le 01 99 00 41 10.\n\nEst-ce bien la mairie ?",
        # 7. a public place's address in a table row
        "Our route on Sunday:\n\n| Stop | Where |\n|---|---|\n| Central Library | "
        "Market Square, Exampleton EX1 1AA |\n| Town Hall | High Street, Exampleton EX1 1AB |\n\n"
        "Are both open?",
        "| Lieu | Adresse |\n|---|---|\n| Piscine municipale | 3 quai des Forges, EX2 7QQ |\n\n"
        "Elle ouvre à quelle heure le dimanche ?",
        # 8. a key said not to match, failing its check
        "Un faux technicien m'a montré une carte Vitale : 2 75 05 13 108 042 43. Ma fille dit "
        "que la clé ne correspond pas. C'est une arnaque ?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == []


# --- the same shapes holding personal data: found ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # 1. a name in a table stays found
        "For the youth club:\n\n| Name | Phone |\n|---|---|\n| Tamsin Okonkwo-Ree | 07700 900417 |",
        # 2. other data beside an office's title
        "I'm Cllr Bartholomew Quayle-Denton and my home is 14 Orchard Rise, Exampleton "
        "EX2 4PL: is my bin day Tuesday?",
        # 3. data spelt with the phonetic alphabet
        "My NI number, read over a crackly line: Juliet Tango four eight two seven one nine "
        "Bravo. Is it on file?",
        "Mon code postal, épelé : Echo X-ray deux, quatre Papa Lima. Quel jour passe le camion ?",
        # 4. a real sort code and account beside the word placeholder
        "The placeholders were zeros but I typed my own: sort code 20-45-77, account 41930286.",
        # 5. the writer's own line, or a mobile
        "My emergency number is 020 7946 0388 if you need me tonight.",
        "The out-of-hours number they gave me is 07700 900562, but it's my neighbour's mobile.",
        # 6. a person's pasted e-mail, or the writer's words
        'Forwarded:\n\nFrom: "Nell Ashworth" <nell.ashworth@example.org>\nSubject: key\n\n'
        "Ring me on 020 7946 0455 tonight.",
        "From: Housing <housing@exampleton.example>\nSubject: repairs\n\nPlease reply.\n\n"
        "My landline is 020 7946 0461, I'm in after six.",
        # 7. a home's row
        "| Home | 22 Kestrel Way, Exampleton EX3 2PL |\n| Library | Market Square, EX1 1AA |",
        # 8. a valid key in the same words
        "Ma carte Vitale : 2 75 05 13 108 042 44. La clé ne correspond pas d'après le site, "
        "pouvez-vous vérifier ?",
        # 9. a French passport split apart
        "Je n'ai que mon passeport pour m'inscrire. Numéro 19DH4\n8271, ça suffit ?",
        "Is my French passport enough for the library card? Number 19DH 48271.",
    ],
)
def test_personal_data_is_found(text: str, policy: GuardPolicy) -> None:
    assert kinds_found(text, policy), text


# --- the guard's decision: crises told in the same words still reach a person --------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Is the out-of-hours line still 020 7946 0999? My flat is flooding, my baby and I "
            "have nowhere to sleep tonight and I can't cope any more.",
            "en",
        ),
        (
            "Cllr Oluwaseun Hartigan-Pryce told me to write here. My partner hit me again "
            "tonight and I'm scared to go home.",
            "en",
        ),
        (
            "| Lieu | Adresse |\n|---|---|\n| Mairie | place de la Halle, EX1 1AB |\n\n"
            "Je veux en finir ce soir, je n'en peux plus.",
            "fr",
        ),
    ],
)
def test_crises_in_the_same_words_reach_a_person(whole: InputGuard, text: str, lang: str) -> None:
    assert decided(whole, text, lang)[0] == "crisis"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Mon code postal : Echo X-ray deux, quatre Papa Lima. Le camion poubelle n'est pas "
            "passé jeudi.",
            "fr",
        ),
        ("Pour ma carte de bibliothèque, mon passeport : 19DH4 8271.", "fr"),
    ],
)
def test_data_spelt_or_split_is_blocked(whole: InputGuard, text: str, lang: str) -> None:
    assert decided(whole, text, lang)[0] == "block_pii"
