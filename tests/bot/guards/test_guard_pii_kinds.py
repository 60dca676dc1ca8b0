"""Personal data that keywords alone missed (issue 12), in English and French, and its look-alikes.

Each case names the kind and the exact text found; look-alikes must find nothing.
"""

from __future__ import annotations

import pytest

from bot.guards.policy import GuardPolicy
from tests.bot.guards.pii_found import found


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        # Names given alone, behind a title, or behind a record label.
        ("My name is Aziz Monserrat Aboutu.", "name", "Aziz Monserrat Aboutu"),
        ("my name's Bea Sample and I need help", "name", "Bea Sample"),
        ("Je m'appelle Claire Martin.", "name", "Claire Martin"),
        ("Je m’appelle Claire.", "name", "Claire"),
        ("Nom : Pierre Tremblay", "name", "Pierre Tremblay"),
        ("Is Mrs Okafor my caseworker?", "name", "Okafor"),
        ("M. Dupont, mon voisin, reçoit-il l'APL ?", "name", "Dupont"),
        ("Madame Lefèvre m'a dit de vous écrire", "name", "Lefèvre"),
        ("I'm Peter O'Neill, can I get PIP for my back?", "name", "Peter O'Neill"),
        ("je suis Marie Exemple et je cherche un logement", "name", "Marie Exemple"),
        ("Kind regards, Jane Sample", "name", "Jane Sample"),
        ("employee: Jane Doe", "name", "Jane Doe"),
        ("my name is john smith, how do i get a blue badge", "name", "john smith"),
        ("je m'appelle luc moreau, comment je fais", "name", "luc moreau"),
        ("hello its sarah o'connor again about my claim", "name", "sarah o'connor"),
        ("Bonjour, ici Mathilde Garnier, je vous écris.", "name", "Mathilde Garnier"),
        ("my names Kyle Robertson and i got a ticket", "name", "Kyle Robertson"),
        ("I'm staying at 17 Lime Grove until they move me", "address", "17 Lime Grove"),
        ("send my blue badge to 3 The Crescent please", "address", "3 The Crescent"),
        ("Mon passeport porte le numéro 20BK63921.", "document_number", "20BK63921"),
        ("mon code postal : 33000 Bordeaux", "postcode", "33000"),
        ("mon code postal est le 06000", "postcode", "06000"),
        ("je réside au 19 avenue de la Gare", "address", "19 avenue de la Gare"),
        ("veuillez m'écrire au 2 chemin des Vignes", "address", "2 chemin des Vignes"),
        ("I've lived at 23 Hawthorn Way for ten years", "address", "23 Hawthorn Way"),
        ("Mrs J. Thornton here, my bins were not emptied", "name", "Thornton"),
        ("i'm called Lucy Hartley and i need a copy", "name", "Lucy Hartley"),
        ("From: Kwame Mensah\nSubject: missed collection", "name", "Kwame Mensah"),
        ("Bien à vous, Gaëlle Perrin", "name", "Gaëlle Perrin"),
        ("Is the bin day Monday?\nThanks\nJo Bloggs", "name", "Jo Bloggs"),
        # A first name alone signing: found and withheld (redacted), not blocked (test24).
        ("Many thanks,\nregards - Pam", "first_name", "Pam"),
        ("je vis à 13005 Marseille", "postcode", "13005"),
        (
            "numéro de bénéficiaire 12345678, la prime n'est pas arrivée",
            "account_number",
            "12345678",
        ),
        ("can you collect the sofa from 33 Birch Road?", "address", "33 Birch Road"),
        # A common given name and a surname, when the writer speaks of their own affairs.
        ("I spoke to Sarah Jennings at the housing office", "name", "Sarah Jennings"),
        ("my caseworker Tom Ashby hasn't called back", "name", "Tom Ashby"),
        ("J'ai parlé avec Nathalie Gauthier à la mairie", "name", "Nathalie Gauthier"),
        # A street address in a message about the writer's own affairs.
        ("I rent 9 Beech Avenue from a private landlord", "address", "9 Beech Avenue"),
        ("nous sommes au 3 bis rue des Écoles", "address", "3 bis rue des Écoles"),
        ("Address: 12 Meadow View, Exampleton", "address", "12 Meadow View"),
        ("we have moved to 88 Kingsway, do we need to tell you?", "address", "88 Kingsway"),
        ("user ID 882190334455 - I can't log in", "account_number", "882190334455"),
        ("My Account Number is 40308669", "account_number", "40308669"),
        # Postal codes given as one's own or as where to send things.
        ("My postcode is sw1a 1aa", "postcode", "sw1a 1aa"),
        ("I live in EX1 2AB, which council is mine?", "postcode", "EX1 2AB"),
        ("Please mail it to H3Z 2Y7.", "postcode", "H3Z 2Y7"),
        ("mon code postal est H2X1Y4", "postcode", "H2X1Y4"),
        # Passports and long numbers named as such.
        ("Passport AB123456 issued in 2020. Can I renew", "document_number", "AB123456"),
        ("numéro de passeport : 18AV12345", "document_number", "18AV12345"),
        ("mon numéro de passeport est 12AB34567", "document_number", "12AB34567"),
        ("my passport no. is GB1234567", "document_number", "GB1234567"),
        ("visa application with id V404228553", "account_number", "V404228553"),
        ("My account number is ACC456789Z.", "account_number", "ACC456789Z"),
        ("customer reference number 12345678901", "account_number", "12345678901"),
        ("My reference number is 1234567890, any news?", "account_number", "1234567890"),
        ("mon numéro d'allocataire est 1234567", "account_number", "1234567"),
        ("numéro client : 00451287", "account_number", "00451287"),
        # National identifiers introduced as such even with an unusual prefix or bad check.
        ("my NI number is TN 12 34 56 C", "uk_nino", "TN 12 34 56 C"),
        ("National Insurance number: QQ123456A", "uk_nino", "QQ123456A"),
        ("Social Insurance Number 123 456 789 provided.", "ca_sin", "123 456 789"),
        ("Mon NAS 464 449 387 est expiré?", "ca_sin", "464 449 387"),
        ("my card number is 4111 1111 1111 1112", "payment_card", "4111 1111 1111 1112"),
        ("my IBAN is GB82 WEST 1234 5698 7654 33", "iban", "GB82 WEST 1234 5698 7654 33"),
        # Valid check digits without a keyword, printed the way the identifier is.
        ("Can you check 130 692 544 for me?", "ca_sin", "130 692 544"),
        ("what about 943 476 5919 please", "uk_nhs_number", "943 476 5919"),
        # E-mails written to dodge filters.
        ("my email is jane dot doe at example dot com", "email", "jane dot doe at example dot com"),
        ("write to jane.doe @ example . com please", "email", "jane.doe @ example . com"),
        ("contact: jane[at]example[dot]org", "email", "jane[at]example[dot]org"),
        ("jane (at) example.net", "email", "jane (at) example.net"),
        (
            "mon courriel : jean point dupont arobase exemple point fr",
            "email",
            "jean point dupont arobase exemple point fr",
        ),
        # IP addresses.
        ("my IP is 2001:db8::1, am I banned?", "ip_address", "2001:db8::1"),
        ("mon adresse IP est 203.0.113.42", "ip_address", "203.0.113.42"),
        ("my ip 192.168.0.12", "ip_address", "192.168.0.12"),
        ("logged in from 2a00:1450:4009:81f::200e", "ip_address", "2a00:1450:4009:81f::200e"),
        # A web address the citizen says is theirs.
        ("Check my website at https://vaticanize.ca/", "web_address", "https://vaticanize.ca/"),
    ],
)
def test_missed_kinds_are_found(text: str, kind: str, span: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == [(kind, span)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("J'habite au 12 rue des Lilas, 75011 Paris", {"address", "postcode"}),
        ("send it to 4 Sample Close, Exampleton EX1 2AB", {"address", "postcode"}),
        ("Mail to P.O. Box 1234.", {"address"}),
        ("New address 333 Willow Court, Oshawa, ON", {"address"}),
        ("employee: Jane Doe, DOB 03/04/1985, salary £32,000", {"name_dob_address"}),
        ("Re: my dad Gerald Watts, d.o.b. 19/08/1944, needs care", {"name_dob_address"}),
        ("Jane Doe, born 03/04/1985, earns £32,000", {"name_dob_address"}),
        ("Salarié : Paul Exemple, salaire 2 100 €, né le 4 mai 1990", {"name_dob_address"}),
    ],
)
def test_addresses_and_combinations(text: str, kinds: set[str], policy: GuardPolicy) -> None:
    assert {kind for kind, _ in found(text, policy)} == kinds


@pytest.mark.parametrize(
    "text",
    [
        # Areas, districts and public buildings.
        "Which council covers SW1A 1AA?",
        "What about SW1A?",
        "What services are near M1 1AE?",
        "Do you serve postcode K1A 0B1?",
        "Is 75011 in Paris?",
        "Le code postal 13001, c'est Marseille ?",
        "Is the town hall at 1 Example Square, EX1 1AA?",
        "Is the Jobcentre at 10 High Street open on Sundays?",
        "La mairie est au 2 place de l'Hôtel de Ville, 75004 Paris ?",
        # Structured references, forms, amounts and years.
        "Order reference 4412-9981-2231 has not arrived.",
        "My application reference is APP-2026-004512, any news?",
        "Case number 2026/CR/00981 was closed, why?",
        "Dossier n° 2026-75-004418 : où en est-il ?",
        "Is form P60 what I need?",
        "I need form RC7524-ON",
        "I earn £20,000 a year, can I claim?",
        "Is 20-00-00 Barclays' sort code?",
        "I waited in line with my passport application for 6 hours.",
        "My son was born in 2009, when does child benefit stop?",
        # Identifiers that fail their check, named as an object's or as an example.
        "Is QQ123456C a real National Insurance number?",
        "the product code 046 454 286 is on the box",
        "Library barcode 4362 0333 6048 7041 is not recognised.",
        "Library card 4111 1111 1111 1112 doesn't scan",
        "The sample IBAN GB00 ABCD 1234 5678 9012 34 on your page is wrong",
        "my name is on the tenancy, can I stay?",
        "My name is spelt wrong on my council tax bill, how do I fix it?",
        "my name is missing from the list",
        "It's Christmas Eve, is the office open?",
        "Hello, it's urgent please",
        "Is G12 8QQ inside the low emission zone?",
        "Merci, Bonne Journée",
        "Where is the Town Hall?\nExampleton Council",
        "My bins were missed.\nBest wishes",
        "Android 14.0.1.2 app crashes on login",
        "Thanks again",
        "Merci, Madame",
        "Where is the Sir John Soane museum?",
        "I live on Victoria Street",
        "Is Queen Elizabeth Grammar my son's school?",
        "Le lycée Marie Curie propose-t-il un internat ?",
        "When did Margaret Thatcher sell council houses?",
        "Yes. I'm looking for an Indigenous Services Canada office in Victoria BC",
        "Is the tip at 1 Quarry Lane open on bank holidays?",
        "My appointment is at 12 High Street clinic",
        "I went to the office at 10 Downing Street",
        "La préfecture est au 5 place de la Préfecture ?",
        # Public people, places and addresses that are not e-mails.
        "Was Louis Riel a founder of Manitoba?",
        "When was Mark Carney elected?",
        "Dear Sir or Madam, how do I apply?",
        "I miss Paris",
        "I shop at amazon.com every week",
        "Is contact [at] exampleton [dot] gov the right address?",
        # Private, loopback and version numbers that look like IPs.
        "my router at 192.168.1.1 doesn't work",
        "see section 1.2.3.4 of the guide",
        "the meeting is at 12:30:45",
        "localhost is ::1",
    ],
)
def test_lookalikes_pass(text: str, policy: GuardPolicy) -> None:
    assert found(text, policy) == []
