"""A community venue's address: a hall, a meeting room or a club's hut named right before the
address, or an invitation's "where" line naming a public venue, is the venue's address, not a
home's (issue 12, fixer P7, after test59: "la maison de quartier de …, 14 …", "Où : salle des
fêtes …, 3 rue …").

The venue must stand in the same clause as the address, before it, with nobody's home between:
a home said to be beside it ("j'habite à côté de la salle des fêtes, au 7 …", "the flat next
to the village hall"), or the writer's or someone's own place on the venue line ("Where: my
flat, …", "Où : chez Léa, …"), keeps the address theirs.
"""

from __future__ import annotations

import re

from bot.guards.pii_places import CLAUSE_END, PLACED_KINDS, PUBLIC_PLACE
from bot.guards.verdict import PIIFinding

# Halls, rooms and huts a community hires out or meets in, in English and French.
_COMMUNITY_VENUE = re.compile(
    r"(?i:\b(?:(?:community|village|church|parish|chapel|memorial|scout|guide|sports?|civic"
    r"|public|town|youth|miners['’]?|masonic|methodist|baptist|united\s+reformed)\s+"
    r"(?:halls?|huts?|centres?|centers?|rooms?|clubs?|house)"
    r"|scout\s+(?:hq|headquarters)|youth\s+club|social\s+club|working\s+men['’]?s\s+club"
    r"|maisons?\s+(?:de\s+quartier|des\s+associations|pour\s+tous|des\s+jeunes(?:\s+et\s+de\s+la"
    r"\s+culture)?|de\s+la\s+culture|des\s+sports|du\s+peuple|de\s+la\s+vie\s+associative"
    r"|de\s+l['’]enfance|de\s+la\s+jeunesse)|mjc|mpt"
    r"|salles?\s+(?:des\s+f[êe]tes|polyvalentes?|communales?|municipales?|paroissiales?"
    r"|associatives?|de\s+quartier|des\s+sports|omnisports?|de\s+r[ée]union)"
    r"|foyers?\s+(?:rural|ruraux|communal|municipal|des\s+jeunes)|centres?\s+sociaux|centre\s+social"
    r"|espaces?\s+(?:culturel|associatif|de\s+quartier)|local\s+associatif"
    r"|gymnases?|dojo|patronage)\b)"
)
# An invitation's or an agenda's line naming where it takes place.
_VENUE_LABEL = re.compile(
    r"(?im:^[ \t>*•-]*(?:venue|location|place|where|lieu|o[ùu]|adresse\s+du\s+lieu|salle)"
    r"[ \t]*[:=][ \t]*)"
)
# A home beside the venue, or someone's own place named before the address.
_SOMEONE_S = re.compile(
    r"(?i:\b(?:my|our|his|her|their|mine|home|house|flat|apartment|bungalow|cottage|chez|mon|ma"
    r"|mes|notre|nos|son|sa|ses|leur|leurs|domicile|appartement|maison\s+(?!de\s+quartier"
    r"|des\s+|pour\s+|du\s+|de\s+la\s+|de\s+l['’])|live|lives|living|habite\w*|vis|vit|r[ée]side"
    r"|next\s+(?:door\s+)?to|opposite|beside|behind|near|above|facing|across\s+from|[àa]\s+c[ôo]t[ée]"
    r"|en\s+face|pr[èe]s\s+d|derri[èe]re|au-?\s?dessus)\b|[\w]['’]s\s+(?!hall|hut|church|room))"
)
_REACH = 120


def _clause_before(text: str, start: int) -> str:
    """The words before `start` in its clause (its sentence, on its line)."""
    before = text[max(0, start - _REACH) : start]
    ends = list(CLAUSE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def at_a_community_venue(finding: PIIFinding, text: str) -> bool:
    """An address or postcode right after a community venue named in its clause, or on an
    invitation's "where" line that names a public venue before it, nobody's home between."""
    if finding.kind not in PLACED_KINDS:
        return False
    clause = _clause_before(text, finding.start)
    line_start = text.rfind("\n", 0, finding.start) + 1
    label = _VENUE_LABEL.match(text, line_start)
    venues = list(_COMMUNITY_VENUE.finditer(clause))
    if venues:
        # Nothing of someone's in the clause before the address (a home beside the venue, the
        # writer living there).
        return _SOMEONE_S.search(clause) is None
    if label is None or label.end() > finding.start:
        return False
    named = text[label.end() : finding.start]
    return PUBLIC_PLACE.search(named.lower()) is not None and _SOMEONE_S.search(named) is None
