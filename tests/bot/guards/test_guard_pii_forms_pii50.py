"""The kinds test50 and test49 missed (read by kind from the fixer's brief, never copied from
the sets' messages), in new words, with hostile cases that must be found and look-alikes in
the same shapes that must keep their decision.

1. A birth date after a certificate's abbreviation ("geb.", "b.") beside a name in a quoted
   document.
2. An identifier typed with bars between its groups ("…|…|…"), kept when its check holds.
3. A passport's machine-readable line given by a scanner app without its chevrons, its fields
   spaced apart: both date checks holding.
4. test49's forms: a birthday's day and month and the birth year given apart; a NIR with its
   key after a slash; a name with two particles ("de la", "van der"); a hospital ward and bed
   given as where to send post; a birth date in chat or text speak ("moi c …", "me its …")
   after a birth date is named; an IBAN given as a country box and "the rest"; a postcode said
   in a lower-case spelling alphabet right after its label.
5. An IBAN failing its check in a message the writer disowns (a link's value in a scam
   e-mail), or in a received message asking to confirm it that the writer asks "is that you?"
   about.
6. Two landlines asked about as one or the other line to ring ("c'est le … ou le … ?"), and a
   landline after "out-of-hours is …": a service's lines.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found_with_tagger, kinds_found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 1. a certificate's abbreviation before the birth date, beside the name
        (
            "Mum's Austrian papers read 'Liesl Ortner-Haubach, geb. 04.09.1944 in Graz'. "
            "Will the pension team accept a copy?",
            "name_dob_address",
        ),
        (
            "Le registre paroissial indique « Aldous Penrick, b. 21/6/1938, Falmouth » : "
            "est-ce suffisant pour la carte bleue ?",
            "name_dob_address",
        ),
        (
            "La fiche allemande dit « Jorinde Vasbeck, geb. am 17.01.1952 », faut-il une "
            "traduction ?",
            "name_dob_address",
        ),
        # 2. bars between an identifier's groups
        (
            "The surgery letter prints my NHS number as 943|476|5919, is that what the form wants?",
            "uk_nhs_number",
        ),
        (
            "Sur la carte de ma mère le numéro NHS est écrit 450|557|7104, je le recopie "
            "comme ça ?",
            "uk_nhs_number",
        ),
        # 3. a machine-readable line without chevrons
        (
            "The library ID check wants my passport. The app copied the last line only:\n"
            "5019374826 GBR 8503127 F 3304189 0 2\nWill that do?",
            "document_number",
        ),
        # 4. test49's forms
        (
            "For the senior swim pass: I turn 66 on 3 March, born 1960 — can I book early?",
            "name_dob_address",
        ),
        (
            "Carte senior : j'ai eu 70 ans le 8 octobre, née en 1956, je peux la demander ?",
            "name_dob_address",
        ),
        (
            "My wife's French social security number is 2 84 05 69 123 456 / 40, is the slash "
            "a problem?",
            "fr_nir",
        ),
        (
            "Bonjour, je suis Gonzague de la Villemarqué-Oyelaran, j'attends toujours mon "
            "permis de stationnement.",
            "name",
        ),
        (
            "Bonsoir, je suis Ysaline de la Tourbière, c'est moi qui ai appelé hier pour le "
            "composteur.",
            "name",
        ),
        (
            "I'm in Kestrel Ward, bed 9, Northmoor Infirmary until March — could you post my "
            "blue badge there?",
            "address",
        ),
        (
            "Je suis en rééducation (salle Colibri, lit 6, hôpital Saint-Brévin), vous pouvez "
            "m'envoyer le formulaire ?",
            "address",
        ),
        (
            "dob for the swim card, mine or my daughter's?? me its 3.9.81",
            "name_dob_address",
        ),
        (
            "pr la carte de cantine faut la date de naissance du petit ou la mienne ? moi c "
            "23/07/84",
            "name_dob_address",
        ),
        (
            "The refund form has a country box and then the rest: country GB, rest 29 NWBK "
            "6016 1331 9268 19. Is that enough?",
            "iban",
        ),
        (
            "Ex-navy here, my postcode is sierra whiskey one, four papa quebec — which bin day?",
            "postcode",
        ),
        (
            "Mon code postal : golf lima deux, sept alpha bravo, c'est quel jour pour les "
            "encombrants ?",
            "postcode",
        ),
    ],
)
def test_personal_data_is_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    "text",
    [
        # 1. an abbreviation with no one's date beside a name
        "Annex b. 12/05/2026 lists the bin days, is it the current one?",
        "Le modèle de certificat montre « geb. » suivi de la date : faut-il traduire ce mot ?",
        # 2. bars between numbers that hold no check
        "Les colonnes 12|45|7788 du tableau des tarifs, c'est en euros ?",
        "The bin round code is 204|118|6632 on the calendar, which day is that?",
        # 3. a spaced line whose checks fail
        "Order 4471 GBR 8503120 F 3304180 shipped, where is the parcel?",
        # 4. look-alikes of test49's forms
        "The library turned 100 on 3 May, built 1926 — are there any events?",
        "I turned 67 in August, born in the sixties, am I eligible for the bus pass?",
        "Je suis allée à la Maison de la Culture, c'est ouvert le lundi ?",
        "Is Kestrel Ward at Northmoor Infirmary open to visitors? Can I send flowers?",
        "Salle Colibri, lit 6 : c'est à quel étage ?",
        "la ddn de mon fils il faut la mettre où ? moi j'ai rdv le 14/02/2027",
        "ddn pour la carte ? moi c le 12/03/2027 pour le rdv",
        "The form has a country box: country GB, rest of the details below. What goes first?",
        "Is postcode echo x-ray four covered by the garden waste round?",
        # 5. a failing IBAN disowned, or in a received message asked about
        "A text says my housing benefit is paused, confirm at "
        "https://hb-check.example.net/go?iban=GB28NWBK60161331926819 — not my bank at all, "
        "it's a scam isn't it?",
        "Un SMS « taxe foncière » me demande de vérifier l'IBAN FR12 3000 6000 0112 3456 7890 "
        "189 : c'est vous ?",
        "An email wants me to confirm the IBAN GB28 NWBK 6016 1331 9268 19 for a refund. Was "
        "that really you?",
        # 6. two landlines asked about as one or the other line, an out-of-hours line
        "Pour un arbre tombé, c'est le 01632 960 412 le week-end, ou le 01632 960 418 ?",
        "For a dead badger on the road is it 0117 496 0321 at night or 0117 496 0377?",
        "Flooded cellar at midnight: out-of-hours is 01632 960 771, right?",
        "Pour les égouts, l'astreinte, c'est le 01 99 00 45 21 le dimanche ?",
    ],
)
def test_look_alikes_hold_no_personal_data(text: str, policy: GuardPolicy) -> None:
    assert found_with_tagger(text, policy) == [], (text, found_with_tagger(text, policy))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 5. a failing IBAN given as the writer's own stays found
        ("My IBAN is GB28 NWBK 6016 1331 9268 19, can the refund go there?", "iban"),
        # 6. two numbers the writer gives to be reached on stay the writer's
        ("Call me on 01632 960 412 or 01632 960 418 please.", "phone"),
        ("c'est le 01632 960 412 ou le 01632 960 418 pour me joindre ?", "phone"),
        ("My out-of-hours carer is 01632 960 771, can you pass it on?", "phone"),
    ],
)
def test_the_writer_s_own_stays_found(text: str, kind: str, policy: GuardPolicy) -> None:
    assert kind in kinds_found(text, policy), (text, found_with_tagger(text, policy))
