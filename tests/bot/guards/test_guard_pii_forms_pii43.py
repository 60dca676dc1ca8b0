"""The kinds test43 missed (read after its run), in new words (none is a held-out message or a
rewording of one), with hostile cases that must stay found and look-alikes in the same shapes
that must keep their decision.

1. A phone number whose last digits are written as keypad letters ("… 900 CAT", "… 98 PAPA"):
   read as the digits the keys carry, so the phone rules decide. A freephone vanity number
   stays a business's; small letters after a number are words.
2. A given name and a surname written as an @-mention or a hashtag: read as the name they join,
   so the name rules decide as for the name typed plainly. An organisation's or a topic's
   handle joins no name.
3. Data inside a link's query or fragment (a maps query, a postcode or an NHS number in a
   fragment): the values decoded ("+", %-escapes) and read as text after their key. A place
   (a postcode, an address) in a link counts only with words right around the link saying it
   is a home ("[chez nous](…)", "that's where we live"). A search's words, a page number, a
   public building's address, a lookup or a tip's postcode stay none.
4. An e-mail address with "[@]", "(@)", "[at]", "(at)" (already read at r23; kept so).
5. An identifier read out in a voice note with fillers between its parts ("um", "erm", "euh",
   "ben"): read without them. Fillers in a sentence with no identifier join nothing.
6. A passport's machine-readable line: its birth and expiry dates, each with its check digit
   holding, are the document's data; the same shape with failing checks is a code.
7. A name spelt with a spelling alphabet ("V comme Victor, …", "R for Robert, …", NATO words
   alone): the letters joined are the word, so the name rules decide as for the word typed;
   spelt right after a name's label ("nom …", "surname …"), it is the name.
8. An address written postcode first (already read), after a relative clause's "which"
   (", which puts it the other way round: EX… , …"): that "which" asks nothing, so the
   postcode is not taken for one asked about. A question's "which" still asks.
   A room's or a code's letters spelt so stay none.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. keypad letters for a phone's last digits
        ("Ring me on 07700 900 CAT, that's two two eight at the end", "phone"),
        ("my mobile is 07700 900 ABC if the officer needs me", "phone"),
        ("Mon portable : 06 39 98 PAPA (donc 72 72 à la fin)", "phone"),
        ("rappelez ma fille au 06 39 98 BE BE svp", "phone"),
        # hostile: letters for more of the digits
        ("call me back on +44 7700 900 CAT", "phone"),
        # 2. handles of a given name and a surname, about a person
        ("@LucyWainfleet_ has been shouting at my kids every night", "name"),
        ("merci à @ClaireDubosquet qui habite au 3e, elle fait du bruit", "name"),
        ("My neighbour is #HarrietOgbourne and her dog bites", "name"),
        ("my carer @HarrietOgbourne never turned up", "name"),
        # 3. data inside a link
        (
            "here is our place [home](https://maps.example.com/?q=14+Wrenfield+Road,"
            "+Exampleton+EX2+4QT) for the assessor",
            "address",
        ),
        ("https://maps.example.org/#q=EX4+2LB is where I live, send the form", "postcode"),
        (
            "The pin my landlord sent is https://maps.example.net/#q=EX2+6LW and that's where my "
            "caravan stands now",
            "postcode",
        ),
        (
            "my records https://gp.example.com/records#nhs=943%20476%205919 are wrong",
            "uk_nhs_number",
        ),
        (
            "[chez moi](https://cartes.example.net/?adresse=12%20rue%20des%20Tanneurs%2C%20"
            "Exampleton) pour la visite",
            "address",
        ),
        ("form link: https://forms.example.com/apply?mobile=07700%20900228&step=2", "phone"),
        # 4. disguised e-mail addresses
        ("write to g.mireval [@] example.org please", "email"),
        ("ma adresse : claire.dubosquet[at]example.net", "email"),
        ("reach me on ruth.w(at)example.com", "email"),
        # 5. fillers between an identifier's parts
        ("the NINO is P X, four two, erm, one nine, uh, zero six, B", "uk_nino"),
        (
            "voice note: my number is, um, oh seven seven oh oh, nine oh oh, erm, two two eight",
            "phone",
        ),
        (
            "numéro de sécu, euh, un, quatre-vingt-quatre, zéro sept, ben, soixante-quinze, "
            "cent seize, deux cent trente-quatre, dix-neuf",
            "fr_nir",
        ),
        # 7. a name spelt with a spelling alphabet
        (
            "nom : V comme Victor, A comme Anatole, L comme Louis, E comme Eugène, T comme "
            "Thérèse. Prénom Odile",
            "name",
        ),
        (
            "the name on the account is Hotel Oscar Papa Kilo India November Sierra, first "
            "name Maud",
            "name",
        ),
        (
            "Pour le dossier de mon oncle : nom D comme Denise, U comme Ursule, P comme Pierre, "
            "R comme Raoul, E comme Émile. Prénom Marcel.",
            "name",
        ),
        (
            "For my aunt's form: surname H for Harry, O for Oliver, L for Lucy, T for Tommy. "
            "First name Edna.",
            "name",
        ),
        ("surname: R for Robert, U for Uncle, D for David, D for David. First name: Ines", "name"),
        # 8. an address postcode first, after a relative "which"
        (
            "After the flood we are in a B&B, please send the rent letter here. I took it from "
            "the landlord's email, which puts it the other way round: EX4 2LB, Exampleton, "
            "Wrenfield Road, 14, Flat C.",
            "postcode",
        ),
        (
            "Je l'ai recopiée de la lettre de l'assureur, à l'envers : EX3 5RD, Exampleton, "
            "chemin des Ormeaux, 9, appartement 2.",
            "postcode",
        ),
        # 6. a machine-readable line
        ("5328471946GBR8204114F3109122<<<<<<<<<<<<<<02", "document_number"),
        ("the bottom of my passport reads ...FRA6902232M3005176<<<<<<<", "document_number"),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. vanity numbers, small words after numbers
        "Our shop: call 0800 FLOWERS to order",
        "Is 0800 CARPETS a scam?",
        "the bus is the 900 and it is late",
        "my parcel tracking number is 4829 1173 06 AB",
        # 2. organisations' and topics' handles
        "Follow @ExampletonCouncil and #recycling",
        "#BlackFriday deals at the market?",
        "Thanks @CllrMargotHensley for sorting the potholes",
        "Bravo à @MarieDufresneMaire pour la fête",
        # 3. links with no one's data
        "see https://maps.example.com/?q=Town+Hall,+High+Street,+Exampleton+EX1+3CP",
        "https://www.example.com/search?q=bin+collection+days+2026&page=2",
        "the tip is at https://maps.example.com/?q=EX3+6TQ, is it open on Sundays?",
        "le lien https://example.org/agenda?date=2026-12-14&salle=3 ne marche pas",
        # 5. fillers with no identifier
        "um, I think it's on Tuesday, uh, the 14th, erm, at 10",
        "euh, la déchetterie ouvre à 9h, ben, le samedi ?",
        # 7. spelling alphabets spelling no one's name
        "ask for room Delta Echo Lima",
        "the code was Alpha Bravo Charlie",
        "my username is K for King, W for Water, T for Tango, 7",
        "the reference on the letter is Q for Queen, R for Robert, S for Sugar",
        "la référence : B comme Bernard, C comme Camille, D comme Denise, merci",
        # 8. a question's "which" before a postcode still asks
        "Which council covers EX4 2LB?",
        "sorry, which bin day is it for EX4 2LB?",
        "the depot, which is it for EX4 2LB?",
        # 6. failing checks in the machine-readable shape
        "5328471946GBR8204117F3109125<<<<<<<<<<<<<<02",
        "order ref ABC1234567M1234567 shipped",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))


def test_a_link_is_read_in_the_words_around_it_however_long_the_message(
    policy: GuardPolicy,
) -> None:
    # Each link value is read in a window of the message around its link (so a message of many
    # values is not read again in full for each): data in a link after a long story, and many
    # links after it, is still found by the words beside it.
    story = "We lost almost everything in the fire last spring and have moved three times. " * 40
    links = " ".join(f"https://shop.example.com/item?id={n}&size=4+5" for n in range(30))
    text = (
        story
        + "Send the grant letter to where we live now: "
        + "https://maps.example.net/?q=19+Coldharbour+Lane,+Exampleton+EX4+2WD "
        + links
    )
    kinds = kinds_found(text, policy)
    assert {"address", "postcode"} & kinds, found_with_tagger(text, policy)
