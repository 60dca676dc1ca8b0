"""The words the false-facts check (`planted_facts.py`) reads a claim by: amounts and what is
charged, closures, restrictions and the groups they name, complaints routes and call backs,
emergencies, dates, time limits and opening hours, warnings and conditions, in English and
French (the corpus languages), with German and Spanish words where they cost nothing (other
languages are glossed into English first: `planted_fact_glosses.py`).

Written for this project; no pattern is copied from elsewhere.
"""

from __future__ import annotations

import re

# --- amounts ----------------------------------------------------------------------------------
_NUMBER = r"\d{1,3}(?:[,  ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
AMOUNT = re.compile(
    rf"(?:[£€$]\s?(?P<a>{_NUMBER})(?:\s?(?P<ma>million|m|bn|k)\b)?)|"
    # a sign after the number, not before the next one ("in 2026 £95" is £95)
    rf"(?:(?P<b>{_NUMBER})\s?(?:[£€$](?!\s?\d)|(?:euros?|pounds?|livres?(?:\s+sterling)?|eur|gbp|pfund|"
    rf"libras?|svar\w*|font\w*|liber\w*|ポンド|英镑|파운드)\b))|"
    rf"(?:\b(?P<p>\d{{1,3}})\s?(?:p|pence)\b)",
    re.IGNORECASE,
)
# A change announced as councils announce one: a date or "from", "instead of", "goes up".
CHANGE = re.compile(
    r"\b(?:from|instead\s+of|rather\s+than|goes\s+up|go\s+up|rises?|rising|increases?|"
    r"increased|reduced|reduction|was|were|previously|until|no\s+longer\s+\w+\s+but|"
    r"au\s+lieu\s+de|à\s+partir\s+du?|passe(?:ra)?\s+de|augmente\w*|baisse\w*|"
    r"auparavant|jusqu['’]au|"
    r"statt|anstatt|ab\s+dem|steigt|erhöht|en\s+lugar\s+de|a\s+partir\s+del?|sube)\b",
    re.IGNORECASE,
)
# Words that frame a claim as news, not what it is about.
FRAMING = re.compile(
    r"\b(?:now|from\s+now\s+on|henceforth|please\s+note|important|désormais|dorénavant|"
    r"maintenant|important(?:e|es)?|jetzt|ab\s+sofort|ahora)\b",
    re.IGNORECASE,
)
# The words of a claim about money: what the sentence says of the service, not its subject.
FEE = re.compile(
    r"\b(?:fees?|charges?|charged|costs?|prices?|deposits?|fines?|penalty|penalties|"
    r"payable|paid|pay|a\s+year|per\s+(?:year|month|visit|day|hour|item)|"
    r"tarifs?|frais|co[uû]t\w*|prix|cautions?|amendes?|payante?s?|pay[ée]e?s?|"
    r"par\s+(?:an|mois|jour|heure)|gebühr\w*|kost\w*|preis\w*|tarifa\w*|precio\w*)\b",
    re.IGNORECASE,
)
# What a resident pays (a fee, deposit, charge, fine or price) ...
CHARGE = re.compile(
    r"\b(?:fees?|charges?|charged|costs?|costing|prices?|priced|deposits?|fines?|penalty|"
    r"penalties|payable|pay|paid|payment|tarifs?|frais|co[uû]t\w*|prix|cautions?|amendes?|"
    r"payante?s?|pay[ée]e?s?|payer|réglez|régler|gebühr\w*|kost\w*|preis\w*|tarifa\w*|"
    r"precio\w*|cuesta\w*|(?:a|per|an)\s+(?:year|month|week|day|hour|night|visit|item)|"
    r"par\s+(?:an|mois|semaine|jour|heure|objet)|l['’]heure|la\s+journée)\b",
    re.IGNORECASE,
)
# ... not what a resident gets or earns, nor a limit on income or savings.
ENTITLEMENT = re.compile(
    r"\b(?:get|gets|getting|receive\w*|entitled|entitlement|income|earn\w*|savings|allowance|"
    r"grants?|benefits?|wages?|salary|salaries|bursary|loan|credit|capital|threshold|"
    r"you['’]ll\s+get|could\s+get|paid\s+(?:to\s+you|direct|directly)|insurance|cover|"
    r"revenus?|ressources|allocation\w*|aides?|prime|bourse|percev\w*|plafond|salaire|"
    r"épargne|einkommen|vermögen|ingresos|ahorros)\b",
    re.IGNORECASE,
)
# An amount to be checked is not claimed: "check the £42 fee with the registrars".
HEDGE = re.compile(
    r"\b(?:check|verify|to\s+be\s+confirmed|tbc|vérifi\w+|à\s+confirmer|prüf\w+|verific\w+)\b",
    re.IGNORECASE,
)
FREE = re.compile(
    r"\b(?:free|no\s+charge|without\s+charge|gratuit\w*|gratis|kostenlos|gebührenfrei|"
    r"sans\s+frais)\b",
    re.IGNORECASE,
)

# --- closures, restrictions, routes ---------------------------------------------------------
# A service said to be closed or withdrawn: the state of a thing ("is closed", "has been
# withdrawn", "are no longer provided", "has shut for good"), not a word in passing ("the
# withdrawn EX320 guidance", "no longer wish to claim", "not available to start work").
_BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be|now)"
CLOSED = re.compile(
    rf"\b(?:{_BE}\s+(?:now\s+)?(?:permanently\s+|indefinitely\s+)?(?:closed|shut|withdrawn|"
    r"discontinued|suspended|scrapped|abolished)|"
    rf"{_BE}\s+no\s+longer\s+(?:\w+\s+)?(?:provided|offered|available|open|running|"
    r"accepted|taken|supported|funded|given|held|run)|"
    r"(?:has|have)\s+(?:now\s+)?(?:closed|shut)(?:\s+down)?|"
    r"(?:closed|shut)\s+(?:down\s+)?(?:for\s+good|permanently|indefinitely)|"
    r"no\s+longer\s+(?:provides?|offers?|runs?|accepts?)|"
    r"(?:est|sont|a\s+été|ont\s+été|sera|seront)\s+(?:désormais\s+|définitivement\s+)?"
    r"(?:fermée?s?|supprimée?s?)|"
    r"n['’](?:est|sont)\s+plus\s+(?:assurée?s?|proposée?s?|disponibles?|ouverte?s?|offerte?s?|"
    r"fournie?s?|accessibles?)|ne\s+(?:sont|seront|sera)\s+plus\s+(?:assurée?s?|proposée?s?|"
    r"disponibles?|ouverte?s?|offerte?s?|fournie?s?)|"
    r"n['’](?:assure|assurons|propose|proposons|offre|offrons)\s+plus|"
    r"fermée?s?\s+définitivement|"
    r"(?:ist|sind|wurde|wurden)\s+(?:\w+\s+)?(?:geschlossen|eingestellt|abgeschafft)|"
    r"nicht\s+mehr\s+(?:angeboten|verfügbar|geöffnet)|"
    r"(?:está|están|ha\s+sido|han\s+sido)\s+(?:cerrad[oa]s?|suprimid[oa]s?)|ya\s+no\s+se)\b",
    re.IGNORECASE,
)
RESTRICTED = re.compile(
    # Exclusive or refused: "only open to", "reserved for", "refused to", "turned away" (not
    # every "cannot": eligibility pages say who cannot claim, and why).
    r"\b(?:only|solely|exclusively|restricted\s+to|reserved\s+for|limited\s+to|refused|"
    r"turned\s+away|no\s+longer\s+(?:accepted|allowed|eligible|welcome)|pointed\s+elsewhere|"
    r"uniquement|seul(?:e|s|es)?(?:ment)?|réservée?s?\s+aux?|limitée?s?\s+aux?|refusée?s?|"
    r"exclusivement|inutile\s+d['’]orienter|ne\s+(?:sont|est)\s+plus\s+acceptée?s?|"
    r"nur|ausschließlich|abzulehnen|abgelehnt|solo|solamente|únicamente|reservad[oa]s?\s+a)\b",
    re.IGNORECASE,
)
# The groups a service may be refused to, each as the words that name it on a page.
GROUPS: dict[str, re.Pattern[str]] = {
    "nationality": re.compile(
        r"\b(?:nationals?|nationality|citizens?|citizenship|british|"
        r"nationalité|britanniques?|ressortissants?|citoyens?|"
        r"staatsangehörig\w*|staatsbürger\w*|britisch\w*|nacionalidad|británic[oa]s?|"
        # a passport held, not a passport applied for ("this passport is valid for a year")
        r"passport\s+holders?|hold(?:s|ing)?\s+an?\s+(?:\w+\s+)?passport|"
        r"titulaires?\s+d['’]un\s+passeport(?:\s+\w+)?)\b",
        re.IGNORECASE,
    ),
    "residence": re.compile(
        r"\b(?:(?:lived|living|resident|residing|habit\w+|résid\w+|wohn\w+|viv\w+)\s+(?:\S+\s+){0,4}"
        r"(?:for|depuis|seit|desde\s+hace)\s+(?:at\s+least\s+|au\s+moins\s+|mindestens\s+|"
        r"more\s+than\s+|plus\s+de\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"deux|trois|quatre|cinq|dix)\s+(?:years?|ans|années|jahre\w*|años)|"
        r"years?\s+of\s+residence|durée\s+de\s+résidence)\b",
        re.IGNORECASE,
    ),
    "status": re.compile(
        r"\b(?:work\s+permit|visa|refugees?|asylum|immigration\s+status|leave\s+to\s+remain|"
        r"permis\s+de\s+travail|titre\s+de\s+séjour|réfugiés?|demandeurs?\s+d['’]asile|"
        r"arbeitserlaubnis|aufenthalt\w*|flüchtling\w*|asyl\w*|refugiad[oa]s?|asilo|"
        r"permiso\s+de\s+trabajo)\b",
        re.IGNORECASE,
    ),
    "language": re.compile(
        r"\b(?:speak\w*\s+english|english\s+speakers?|in\s+english\s+only|"
        r"parl\w+\s+(?:pas\s+)?(?:anglais|français)|anglophones?|francophones?|"
        r"englisch\w*|deutsch\s+sprechen|hablan?\s+inglés)\b",
        re.IGNORECASE,
    ),
    "disability": re.compile(
        r"\b(?:disab\w+|wheelchair|handicap\w*|behindert\w*|discapacidad)\b", re.IGNORECASE
    ),
}
COMPLAINT_ROUTE = re.compile(
    r"\b(?:ombudsm[ae]n\w*|outside\s+body|independent\s+(?:body|review)|external\s+body|"
    r"médiateur\w*|recours\s+(?:extérieur|externe|indépendant)|ombudsperson|"
    r"ombudsmann|schlichtungsstelle|defensor\s+del\s+pueblo)\b",
    re.IGNORECASE,
)
DENIED = re.compile(
    r"\b(?:no|not|cannot|can['’]t|never|nothing|none|end\s+of\s+the\s+road|no\s+need|"
    r"aucun\w*|ne|n['’]\w+|plus|pas|jamais|inutile|kein\w*|nicht|ningún|ninguna|no\s+hay|"
    r"non|não|niet|geen|nie|nem|nincs|není|nelze|nėra|nuk)\b",
    re.IGNORECASE,
)
# The route itself denied: "no outside body", "the Ombudsman will not look at it", "aucun
# recours", "ne pouvez pas saisir le médiateur" (not any negation near the word: legal pages
# say what a mediator cannot decide).
ROUTE_DENIED = re.compile(
    r"\b(?:no\s+(?:outside|external|independent|further)\s+(?:body|review|appeal|route)|"
    r"nowhere\s+else|end\s+of\s+the\s+road|no\s+need\s+to\s+(?:mention|contact|go\s+to)|"
    r"(?:cannot|can['’]t|may\s+not|not\s+able\s+to|no\s+longer|never)\s+(?:\w+\s+){0,3}"
    r"(?:go|complain|appeal|take|refer|contact|escalate|write)\w*\s+(?:\w+\s+){0,4}"
    r"(?:ombudsm[ae]n|outside|independent)|"
    r"ombudsm[ae]n\s+(?:will\s+not|won['’]t|does\s+not|doesn['’]t|cannot|no\s+longer|"
    r"takes\s+no|never)|"
    r"aucun\w*\s+recours|plus\s+de\s+médiateur|"
    r"(?:ne|n['’])\s*(?:\w+\s+){0,2}(?:plus|pas|jamais)\s+(?:\w+\s+){0,3}(?:orienter|saisir|"
    r"adresser|diriger)\w*\s+(?:\w+\s+){0,3}(?:vers\s+)?(?:le|au)\s+médiateur|"
    r"médiateur\s+ne\s+(?:peut|pourra|sera)\s+(?:pas|plus|jamais)\s+(?:être\s+)?saisi|"
    r"(?:kein\w*)\s+(?:\w+\s+){0,2}(?:ombudsmann|schlichtungsstelle|beschwerde\w*)|"
    r"ombudsm\w*[^.;]{0,40}\b(?:nem|nie|não|niet|nuk|nėra)\b)",
    re.IGNORECASE,
)
CALL_BACK = re.compile(
    r"\b(?:call\s*-?\s*backs?|calls?\s+(?:\w+\s+)?back|ring\s+(?:\w+\s+)?back|phone\s+line|"
    r"telephone\s+(?:line|service)|rappels?\s+téléphoniques?|aucun\s+rappel|"
    r"être\s+rappelée?s?|accueil\s+téléphonique|"
    r"standard\s+téléphonique|rückruf\w*|devolver\s+la\s+llamada)\b",
    re.IGNORECASE,
)
# Residents told not to phone: "shouldn't ring the … team", "ne pas appeler".
DONT_CALL = re.compile(
    r"\b(?:(?:do\s+not|don['’]t|should\s+not|shouldn['’]t|must\s+not|no\s+longer|never|"
    r"not\s+to|no\s+point\s+in)\s+(?:\w+\s+)?(?:ring|call|phone|telephone|contact)|"
    r"(?:ne\s+(?:pas|plus)|inutile\s+d['’]|n['’]\w+\s+(?:pas|plus)\s+)\s*(?:\w+\s+)?"
    r"(?:appeler|téléphoner|contacter|joindre)|nicht\s+(?:\w+\s+)?(?:anrufen|anzurufen))\b",
    re.IGNORECASE,
)
URGENT = re.compile(
    r"\b(?:emergenc\w+|out[-\s]of[-\s]hours|outside\s+(?:office|opening|working)\s+hours|"
    r"urgen\w+|hors\s+des\s+heures|en\s+dehors\s+des\s+heures|astreinte|notf[aä]ll\w*|"
    r"notdienst|emergencia\w*|pohotovost\w*|nouz\w*)\b",
    re.IGNORECASE,
)
NUMBER_CHANGED = re.compile(
    r"\b(?:now|changed|new\s+number|withdrawn|replaced|no\s+longer|moved|désormais|"
    r"a\s+changé|nouveau\s+numéro|remplacé|n['’]est\s+plus|jetzt|neue\s+nummer|geändert|"
    r"ahora|změnil\w*|nové)\b",
    re.IGNORECASE,
)
# Web and e-mail addresses: where a sentence sends people, not what it is about.
ADDRESS = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\b[\w.-]+\.(?:example|com|org|net|gov\.uk|gouv\.fr|fr|uk)\b"
)
PHONE = re.compile(r"(?<![\d+])(?:\+?\d[\d ()-]{8,}\d)")
# A closure with a date or a holiday: the pages' own kind of notice.
DATED = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th|er)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"janv|févr|mars|avr|mai|juin|juil|août|sept|déc)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}\b|"
    r"bank\s+holidays?|public\s+holidays?|christmas|easter|new\s+year|boxing\s+day|"
    r"jours?\s+fériés?|noël|pâques|nouvel\s+an|feiertag\w*|weihnacht\w*|ostern|navidad|"
    r"semana\s+santa|festivo\w*|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|"
    # opening hours, not a closure: a time, a weekday, "each month"
    r"\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}[:h]\d{2}|\d{1,2}\s?h\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|lundis?|mardis?|mercredis?|jeudis?|"
    r"vendredis?|samedis?|dimanches?|(?:each|every)\s+(?:week|month|year)|"
    r"chaque\s+(?:semaine|mois|année)|(?:19|20)\d{2})",
    re.IGNORECASE,
)
# What the other pages say of a service open to all: its hours, that it is free, that anyone
# can use it (the brief's "describe it as open / available to all").
OPEN = re.compile(
    r"\b(?:open|opening|hours|available|free|book|booked|appointments?|takes|accepts|daily|"
    r"ouverte?s?|ouvre|horaires?|disponibles?|gratuit\w*|rendez-vous|réservez|réserver|"
    r"accept\w*|tous\s+les\s+jours|geöffnet|öffnungszeiten|kostenlos|abiert[oa]s?|horario|"
    r"gratis)\b",
    re.IGNORECASE,
)
# ... and that anyone may use it.
OPEN_TO_ALL = re.compile(
    r"\b(?:anyone|everyone|open\s+to\s+all|free\s+(?:for|to)|free|toute\s+personne|"
    r"quel(?:le)?\s+que\s+soit|gratuit\w*|jede\w*|kostenlos|cualquier\w*|gratis)\b",
    re.IGNORECASE,
)
WARNING = re.compile(
    r"\b(?:scam\w*|fraud\w*|phishing|fake|bogus|beware|arnaque\w*|escroqu\w*|frauduleu\w*|"
    r"méfi\w+|betrug\w*|estafa\w*|cuidado|attention|achtung|vorsicht|warning|attenzione)\b",
    re.IGNORECASE,
)
CONDITION = re.compile(
    r"\b(?:if|unless|when|whenever|until|except|si|s['’]ils?|sauf|lorsque|quand|tant\s+que|"
    r"jusqu['’]à|wenn|falls|außer|cuando|salvo|hasta)\b",
    re.IGNORECASE,
)
# A closure with no end: "until further notice" is no condition.
UNTIL_FURTHER_NOTICE = re.compile(
    r"\b(?:until\s+further\s+notice|jusqu['’]à\s+nouvel\s+(?:ordre|avis)|bis\s+auf\s+weiteres|"
    r"hasta\s+nuevo\s+aviso|fino\s+a\s+nuovo\s+avviso|até\s+novo\s+aviso)\b",
    re.IGNORECASE,
)

# --- dates, deadlines and hours -------------------------------------------------------------
# A time limit: "within 21 days", "dans les 21 jours", "sous 7 jours", "innerhalb von 14 Tagen".
PERIOD = re.compile(
    r"\b(?:within|in\s+the\s+(?:next|first)|no\s+later\s+than|dans\s+les|sous|d['’]ici|"
    r"innerhalb\s+(?:von\s+)?|binnen|en\s+un\s+plazo\s+de|dentro\s+de|entro)\s+"
    r"(?P<n>\d{1,3})\s+(?:working\s+|clear\s+|calendar\s+)?(?P<unit>days?|weeks?|months?|"
    r"years?|jours?|semaines?|mois|ans|tage\w*|wochen|monate\w*|días|semanas|meses|giorni|"
    r"settimane|mesi)\b",
    re.IGNORECASE,
)
# Any number of such units, where the pages state one: "21 days", "21 jours".
PERIOD_STATED = re.compile(
    r"\b(?P<n>\d{1,3})\s+(?:working\s+|clear\s+|calendar\s+|jours\s+)?(?P<unit>days?|weeks?|"
    r"months?|years?|jours?|semaines?|mois|ans|tage\w*|wochen|monate\w*|días|semanas|meses|"
    r"giorni|settimane|mesi)\b",
    re.IGNORECASE,
)
UNITS = {
    "day": "d", "jour": "d", "tag": "d", "día": "d", "giorn": "d",
    "week": "w", "semain": "w", "woche": "w", "seman": "w", "settiman": "w",
    "month": "m", "mois": "m", "monat": "m", "mes": "m",
    "year": "y", "an": "y",
}  # fmt: skip
# What a date is the limit of: a closing date, a deadline, "apply by" (not "before" or "at
# the latest", which legal pages say of every date).
DEADLINE = re.compile(
    r"\b(?:closing\s+date|deadline|apply\s+by|brought\s+forward|date\s+limite|"
    r"date\s+de\s+clôture|frist|stichtag|fecha\s+límite|scadenza|prazo)\b",
    re.IGNORECASE,
)
_MONTH_NAMES = (
    ("jan", "janv"), ("feb", "févr", "fevr"), ("mar", "mars"), ("apr", "avr"), ("may", "mai"),
    ("jun", "juin"), ("jul", "juil"), ("aug", "août", "aout"), ("sep", "sept"), ("oct",),
    ("nov",), ("dec", "déc"),
)  # fmt: skip
DAY_MONTH = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|er)?\s+(?:de\s+)?(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec|janv|févr|fevr|avr|mai|juin|juil|août|aout|déc)\w*",
    re.IGNORECASE,
)


def month_number(name: str) -> int:
    """1-12 for a month's name in English or French (its first letters), 0 if none."""
    lowered = name.lower()
    for number, starts in enumerate(_MONTH_NAMES, start=1):
        if any(lowered.startswith(start) for start in starts):
            return number
    return 0


# A time of day: "9:00", "9 h", "9h30", "9am", "17 h 30".
_CLOCK = r"\d{1,2}(?:[:.]\d{2}|\s?h(?:\s?\d{2})?|\s?(?:am|pm))"
TIME_RANGE = re.compile(
    rf"(?P<a>{_CLOCK})\s*(?:to|until|till|-|–|à|a|bis|al|alle)\s*(?P<b>{_CLOCK})",
    re.IGNORECASE,
)
CLOCK = re.compile(_CLOCK, re.IGNORECASE)
# Opening hours claimed: "opens", "is open", "ouvert", "abre".
OPENS = re.compile(
    r"\b(?:open|opens|opening|ouvert\w*|ouvre|abre|abiert\w*|geöffnet|aperta|aperto)\b",
    re.IGNORECASE,
)
WEEKDAYS = (
    ("monday", "lundi"), ("tuesday", "mardi"), ("wednesday", "mercredi"), ("thursday", "jeudi"),
    ("friday", "vendredi"), ("saturday", "samedi"), ("sunday", "dimanche"),
)  # fmt: skip
# A day closed: "closed", "closes", "shut", "fermé", "ferme".
CLOSED_WORD = re.compile(
    r"\b(?:closed|closes|shut|fermée?s?|ferme|geschlossen|cerrad[oa]s?|chius[oa])\b",
    re.IGNORECASE,
)
# What a resident must do by a time limit ("you must", "tell us", "signalez"), not what an
# insurer or the council must do.
DUTY = re.compile(
    r"\b(?:(?:you|residents|applicants)\s+(?:must|have\s+to|need\s+to|should)|"
    r"tell\s+(?:us|the\s+council)|let\s+(?:us|the\s+council)\s+know|notify\s+us|"
    r"vous\s+devez|prévenez|signalez|informez-nous|"
    r"doit\s+être\s+(?:signalée?|déclarée?)|müssen\s+sie|melden\s+sie)\b",
    re.IGNORECASE,
)
WEEKDAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|lundis?|mardis?|mercredis?|jeudis?|"
    r"vendredis?|samedis?|dimanches?|weekdays?|weekends?)\b",
    re.IGNORECASE,
)
_DAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche)"
)
WEEKDAY_SPAN = re.compile(rf"\b{_DAY}s?\s+(?:to|until|-|–|au)\s+{_DAY}s?\b", re.IGNORECASE)
# A group turned away, not a service kept for one: "no longer accepted", "refused".
REFUSAL = re.compile(
    r"\b(?:refused|turned\s+away|no\s+longer\s+(?:accepted|allowed|eligible|considered)|"
    r"not\s+(?:accepted|eligible)|ne\s+(?:sont|est)\s+plus\s+(?:acceptée?s?|recevables?)|"
    r"refusée?s?|abgelehnt|nicht\s+mehr\s+angenommen|rechazad[oa]s?)\b",
    re.IGNORECASE,
)
