"""Mail header lines pasted into a message: who a quoted e-mail is from, to or copied to.

A citizen pasting a thread ("> From: Planning", "De : Service urbanisme", "Cc: Licensing
Team") quotes who wrote and who received it. When a header names a person, the name is
personal data as any labelled name is; when it names a department, a team, a service, a desk
or a role, it names no one. The kind is told by the words of the header's value, not by one
department's name: a value holding a word that names a unit of an organisation, a role in it
or a group of addressees is no person's name (issue 12, after the twenty-first held-out set:
a formal complaint under "> From: Planning" was blocked as a name).
"""

from __future__ import annotations

import re

# Header labels that may stand anywhere ("… forwarded, From: Jane Doe"): who sent it.
SENDER_LABELS = r"from|sender|sent\s+by|exp[ée]diteur|exp[ée]di[ée]\s+par"
# Header labels read only at the start of a line, after any quote marks ("> To: …"): as words
# they are too common in running text ("de : …", "à : …").
LINE_LABELS = r"to|cc|bcc|de|à|destinataires?|copie"

# Words (lower case, accents kept and dropped) that make a header's value an organisation's
# unit, a role or a group: departments and services, the council's areas of work, desks and
# roles, in English and French.
_UNIT_WORDS = frozenset(
    """
    department departments dept team teams service services office offices unit units council
    borough county city district desk helpdesk support enquiries enquiry admin administration
    planning housing licensing licences licence revenues benefits parking highways waste
    recycling environmental registrar registrars registration electoral customer customers
    contact centre center hub division directorate section board authority committee payroll
    finance accounts billing reception caseworker caseworkers manager adviser advisor advisers
    clerk inspector coordinator administrator noreply no-reply mailbox inbox library libraries
    schools school admissions transport tax enforcement safeguarding tenancy lettings repairs
    building control estates rates communications complaints feedback cemeteries bereavement
    everyone all whom staff applicants residents tenants members
    service mairie direction pôle pole équipe equipe accueil bureau secrétariat secretariat
    urbanisme état etat civil état-civil etat-civil préfecture prefecture agence cellule guichet
    standard département departement conseil commune ville caf ccas logement habitat voirie
    propreté proprete déchets dechets fiscalité fiscalite impôts impots scolarité scolarite
    périscolaire periscolaire solidarités solidarites social sociale sociaux relations usagers
    réclamations reclamations ressources humaines comptabilité comptabilite facturation régie
    regie instructeur instructrice conseiller conseillère conseillere gestionnaire agent agente
    responsable chargé chargée charge chargee référent référente referent referente
    médiathèque mediatheque bibliothèque bibliotheque cimetière cimetiere élections elections
    tous toutes destinataires occupier occupiers occupant occupants householder owner resident
    locataire locataires occupant occupante propriétaire proprietaire habitant habitants
    """.split()
)


def names_a_unit(value: str) -> bool:
    """Whether a header's value names a unit, a role or a group ("Planning", "Licensing Team",
    "Mairie de Quimper", "Customer Services") rather than a person ("Sarah Okafor")."""
    return any(word.strip(".,()'’").lower() in _UNIT_WORDS for word in value.split())


# A recipient's header line up to where an address starts ("To: The Occupier, ").
_TO_LINE = re.compile(
    r"(?i:[ \t>]*(?:to|à|destinataire|addressed\s+to|adress[ée]e?\s+[àa])[ \t]*:)"
)


def addressed_to(text: str, start: int) -> bool:
    """Whether what starts at `start` sits on a pasted letter's or e-mail's recipient line
    ("To: The Occupier, 112 …"): the address it was sent to, the writer's own as a rule,
    whatever office sent it."""
    line_start = text.rfind("\n", 0, start) + 1
    return _TO_LINE.match(text, line_start) is not None


# Words that make a sender's display name an organisation's, beside the units above: public
# bodies, banks and firms, and what a bulk sender calls itself ("NHS Refunds Team", "HMRC
# Rebates", "Service Remboursements CAF").
_ORGANISATION_WORDS = frozenset(
    """
    nhs hmrc dvla dwp gov gov.uk govuk ministry ministère ministere government gouvernement
    bank banque ltd limited plc inc llc sarl sas group groupe company société societe trust
    refund refunds rebate rebates remboursement remboursements notification notifications
    alert alerts alertes security sécurité securite payments paiements billing verification
    vérification account accounts compte comptes caf ameli impôts impots trésor tresor
    assurance maladie urssaf pôle emploi france travail post royal mail la poste
    """.split()
)
# A pasted sender's header line: its label, then a display name and the address in angle
# brackets ("From: \"NHS Refunds Team\" <refunds@…>", "De : Service Remboursements <…>").
_SENDER_WITH_NAME = re.compile(
    r"(?im:^[ \t>]*(?:from|sender|reply-to|exp[ée]diteur|de|r[ée]pondre\s+[àa])[ \t]*:[ \t]*"
    r"[\"“”«'‘’]?[ \t]*(?P<name>[^\"“”«»<>@\n]{2,60}?)[ \t]*[\"“”»'‘’]?[ \t]*<[ \t]*$)"
)
# The writer doubting where a pasted message comes from: a scam, a fake, whether it is real.
_DOUBTED = re.compile(
    r"(?i:\b(?:scam\w*|phishing|fake|fraud\w*|suspicious|dodgy|legit\w*|genuine|spoof\w*"
    r"|really\s+(?:from|you|them|the\s+council|real)|is\s+(?:it|this|that)\s+(?:real|you|official)"
    r"|did\s+you\s+(?:send|write)|arnaque\w*|escroquerie|hame[çc]onnage|frauduleu\w*|faux|fausse"
    r"|louche|suspect\w*|vraiment\s+(?:de|du|des|vous|la|le)|authentique|c['’]est\s+(?:bien\s+)?vous"
    r"|est-ce\s+(?:bien\s+)?vous|vous\s+qui|officiel\w*\s*\?|real\s*\?)\b)"
)


def _names_an_organisation(value: str) -> bool:
    words = [w.strip(".,()'’").lower() for w in value.split()]
    return names_a_unit(value) or any(w in _ORGANISATION_WORDS for w in words)


def a_doubted_organisation_s_address(text: str, start: int) -> bool:
    """Whether an e-mail address at `start` stands in a pasted sender's header whose display
    name is an organisation or a team, in a message that doubts where it comes from (test45
    forms): the (claimed) sender's address, no person's. A person's name there ("From: Jo
    Bloggs <jo@…>") keeps it personal."""
    line_start = text.rfind("\n", 0, start) + 1
    header = _SENDER_WITH_NAME.match(text[line_start:start])
    if header is None or not _names_an_organisation(header.group("name")):
        return False
    return _DOUBTED.search(text) is not None
