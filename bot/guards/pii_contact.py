"""E-mail addresses and phone numbers that belong to a person, not to a public service.

Helplines, emergency and short service numbers, non-geographic service ranges and numbers
the message presents as an organisation's are public; role mailboxes (contact@, info@,
RFC 2142 names) and government domains are public addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.guards.pii_headers import a_doubted_organisation_s_address
from bot.guards.verdict import PIIFinding

# A local part may be quoted, with spaces in it (RFC 5322: `"kit osei"@example.org`): test39,
# spent. The at sign may be written as its HTML entity (`_AT_ENTITY`).
# The at sign as its HTML entity, as a form that escaped it shows the address back
# ("…&#64;example.com"): the address all the same (test47 forms).
_AT_ENTITY_SOURCE = r"&#0{0,3}64;|&#[xX]0{0,2}40;|&commat;"
_AT_ENTITY = re.compile(_AT_ENTITY_SOURCE)
_EMAIL = re.compile(
    r"(?:(?<![\w.%+-])[A-Za-z0-9][\w.%+-]{0,63}|[\"“”][^\"“”@\n]{1,62}[\"“”])"
    rf"(?:@|{_AT_ENTITY_SOURCE})[A-Za-z0-9-]{{1,63}}(?:\.[A-Za-z0-9-]{{1,63}}){{1,8}}"
)
_PHONE = re.compile(r"(?<![\w+/])(?:\+|00)?\(?\d(?:[ .()/-]{0,2}\d){6,16}(?![\w/])")
_DATE_SHAPE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_GROUPS = re.compile(r"\d+")
# Words saying a number is an object's (a meter, a parcel), so not a phone to call.
_OBJECT_BEFORE = re.compile(
    r"\b(?:product|order|serial|reference|ref|r[eé]f[eé]rence|r[eé]f|meter|barcode|ticket|tracking"
    r"|invoice|version"
    r"|model|part|item|isbn|commande|colis|facture|s[eé]rie|compteur|article|produit|library"
    r"|gift|loyalty)\b[^\d]{0,20}$"
)
# Or said after it to be printed on an object ("… 943 … printed under its barcode", "…
# imprimé sous le code-barres"): a leaflet's or a label's number (test19 forms).
_PRINTED_ON_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:is|are|est|sont)\s+)?(?:printed|stamped|imprim[ée]e?s?|inscrite?s?)\s+"
    r"(?:on|onto|under|underneath|below|beneath|above|beside|next\s+to|by|sous|sur|au-dessus"
    r"|au-dessous|[àa]\s+c[ôo]t[ée])\s+(?:(?:the|its|a|this|that|le|la|les|l['’]|son|sa|ce"
    r"|cette|du|de\s+la)\s*)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:barcode|bar\s+code|code-barres?|code\s+barres?|qr|label|[ée]tiquette|sticker"
    r"|autocollant|leaflet|flyer|d[ée]pliant|poster|affiche|lid|couvercle|bin|bac|tag|box"
    r"|bo[îi]te|calendar|calendrier|permit|badge|ticket|billet)\b"
)
# Or said after it to be shown on a business's sign, window or van ("… on their sign", "…
# painted on their van", "… sur sa devanture"): the business's line, as it advertises it (test34
# forms). Only a landline; on "my" van or door it stays the writer's.
_ON_A_BUSINESS_S_SIGN_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:is|are|est|sont)\s+)?(?:(?:printed|written|painted|displayed|shown|posted"
    r"|stuck|affich[ée]e?s?|[ée]crite?s?|inscrite?s?|peinte?s?|coll[ée]e?s?)\s+)?"
    r"(?:on|in|across|sur|dans)\s+(?:their|its|the|his|her|sa|son|ses|leur|leurs|la|le|les"
    r"|l['’])\s*(?:[\w'’-]+\s+){0,2}?"
    r"(?:signs?|signboard|shop\s*front|frontage|windows?|vans?|awning|boards?|doors?|lorry|truck"
    r"|vitrines?|enseigne|devanture|camionnette|fourgon|porte|panneau|store|auvent|fa[çc]ade)\b"
)
_WINDOW_BEFORE = 60
_PERSONAL_WINDOW = 40


@dataclass(frozen=True)
class ContactPolicy:
    """What makes a phone number or address public (from the guard policy)."""

    public_numbers: frozenset[str]
    service_prefixes: tuple[str, ...]
    public_context: re.Pattern[str]
    # Makes a landline public, never a mobile (a mobile is usually a person's).
    landline_public_context: re.Pattern[str]
    personal_context: re.Pattern[str]
    phone_context: re.Pattern[str]
    role_mailboxes: frozenset[str]
    public_mail_domains: tuple[str, ...]


def email_is_public(address: str, policy: ContactPolicy) -> bool:
    local, _, domain = address.lower().partition("@")
    role = re.split(r"[.+_-]", local, maxsplit=1)[0]
    if role in policy.role_mailboxes:
        return True
    return any(domain == d or domain.endswith("." + d) for d in policy.public_mail_domains)


# An address given as its user name, then its domain, a few words apart ("my email username
# is a.b. The domain is example.net", "mon identifiant de courriel : …, le domaine : …"): the
# address, from its user name to its domain (test38, spent).
_USER_NAME_APART = re.compile(
    r"(?i:\b(?:e-?mail|courriel|mail|messagerie|adresse)\b[^.\n@]{0,20}?"
    r"\b(?:user\s?name|username|local\s+part|identifiant|nom\s+d['’]utilisateur|login)"
    r"|\b(?:user\s?name|username|identifiant|nom\s+d['’]utilisateur|login)\s+"
    r"(?:of\s+my\s+|for\s+my\s+|de\s+mon\s+|de\s+|du\s+|d['’]\s*)?(?:e-?mail|courriel|mail|adresse\s+mail))"
    r"[ \t]*(?i:is|est|c['’]est|was)?[ \t]*:?[ \t]*"
    r"(?P<user>[\w+-]+(?:\.[\w+-]+)*)"
    r"[^@\n]{0,40}?\b(?i:domain(?:\s+name)?|domaine|nom\s+de\s+domaine)\b"
    r"[ \t]*(?i:is|est|c['’]est|was)?[ \t]*:?[ \t]*"
    r"(?P<domain>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})"
)


# A template's address: a user name made only of words that stand for the reader's own ("you",
# "yourname", "your.name", "prenom.nom", "votre-nom", "firstname.lastname") at a domain reserved
# or written for examples ("example.com", "exemple.fr", "domain.com", "votredomaine.fr"): a
# page's sample to be replaced, nobody's address (issue 12, after test55: a template link's
# "email=you@example.com" blocked). A real name at an example domain stays an address.
_PLACEHOLDER_USER = frozenset(
    "you your yours yourname yourself name names firstname lastname first last surname user"
    " username fullname givenname familyname votre vous toi ton nom prenom prénom votrenom"
    " tonnom utilisateur identifiant xxx xxxx xx x".split()
)
_PLACEHOLDER_DOMAIN = re.compile(
    r"(?:example|exemple|domain|domaine|yourdomain|votredomaine|your-domain|votre-domaine"
    r"|yourprovider|provider|fournisseur|votrefournisseur)(?:\.[a-z]{2,10}){1,2}"
)


def a_template_s_address(address: str) -> bool:
    local, _, domain = address.lower().partition("@")
    words = [w for w in re.split(r"[._+-]", local) if w]
    return (
        bool(words)
        and all(w in _PLACEHOLDER_USER for w in words)
        and _PLACEHOLDER_DOMAIN.fullmatch(domain) is not None
    )


def find_emails(text: str, policy: ContactPolicy) -> Iterator[PIIFinding]:
    """Personal e-mail addresses."""
    for match in _EMAIL.finditer(text):
        address = match.group(0).rstrip(".")
        if a_template_s_address(_AT_ENTITY.sub("@", address)):
            continue
        if not email_is_public(
            _AT_ENTITY.sub("@", address), policy
        ) and not a_doubted_organisation_s_address(text, match.start()):
            yield PIIFinding("email", match.start(), match.start() + len(address))
    for match in _USER_NAME_APART.finditer(text):
        domain = match.group("domain").rstrip(".")
        if not email_is_public(f"{match.group('user')}@{domain}", policy):
            yield PIIFinding("email", match.start("user"), match.start("domain") + len(domain))


def national_form(digits: str, international: bool) -> str:
    """Digits in a comparable national form: +44/+33 (or 0044/0033, with or without the
    trunk `(0)`) become a leading 0, NANP gets its 1."""
    if international:
        digits = digits.removeprefix("00")
        if digits.startswith(("44", "33")):
            return "0" + digits[2:].removeprefix("0")
        return digits
    if len(digits) == 10 and digits[0] in "23456789":
        return "1" + digits  # North American number written without the country code
    return digits


# A UK or French number written with its country code but no "+" or "00" ("ring me on 44 1632
# 96…", "33 6 12 …"): the code stands apart, then a national number without its trunk 0 (ten
# digits after 44, nine after 33). Test44 forms.
_BARE_COUNTRY_CODE = re.compile(r"(?:44[ .-]+[1-9]|33[ .-]+[1-9])")


def written_international(raw: str) -> bool:
    """Written with its country code: after "+" or "00", or bare (`_BARE_COUNTRY_CODE`)."""
    if raw.startswith(("+", "00")):
        return True
    if _BARE_COUNTRY_CODE.match(raw) is None:
        return False
    digits = sum(ch.isdigit() for ch in raw)
    return digits == (12 if raw.startswith("44") else 11)


def _shaped_like_phone(raw: str, digits: str, context_before: str, policy: ContactPolicy) -> bool:
    if written_international(raw):
        return 8 <= len(digits) <= 15
    if len(digits) < 9 or len(digits) > 12 or _DATE_SHAPE.fullmatch(raw):
        return False
    groups = [len(g) for g in _GROUPS.findall(raw)]
    if digits.startswith("0") and len(digits) in (10, 11):
        return True
    if groups in ([3, 3, 4], [1, 3, 3, 4]) or raw.startswith("("):
        return True
    return len(groups) == 1 and policy.phone_context.search(context_before) is not None


def is_mobile(national: str) -> bool:
    """A UK (07…, 11 digits) or French (06/07…, 10 digits) mobile number, in national form."""
    return (national.startswith("07") and len(national) == 11) or (
        national.startswith(("06", "07")) and len(national) == 10
    )


# An organisation's team or service named right after the number: "ring 0115 496 0321 for the
# garden waste team", "appeler le 01 99 00 45 67 pour le service des sports".
# Or the number said to be a place's or a service's: "… still the number for the central
# library?", "… c'est bien le numéro de la piscine ?".
_FOR_A_TEAM_AFTER = re.compile(
    r"^[\s,]{0,3}(?:(?:is|est|c'est)\s+)?(?:(?:still|bien|toujours)\s+)?"
    r"(?:(?:the|le)\s+(?:number|numero|numéro|line|ligne)\s+)?"
    r"(?:for|pour|of|de|du|des)\s+(?:the|our|your|a|le|la|les|l'|un|une)?\s*"
    r"(?:[\w'-]+\s+){0,3}?"
    r"(?:team|service|services|office|department|desk|helpline|hotline|unit|centre|center"
    r"|library|hall|school|pool|museum|[ée]quipe|bureau|accueil|guichet|p[oô]le|mairie"
    r"|biblioth[eè]que|m[ée]diath[eè]que|[ée]cole|piscine|mus[ée]e)\b"
)
# A landline asked about as a service's line: "is 0117 … the right number if a dog is
# loose?", "0117 … is the parking team and not the switchboard?", "le 01 … c'est bien pour
# prolonger mes livres ?", "le 01 … des inscriptions scolaires répond jusqu'à quelle heure ?".
_ASKED_AS_A_SERVICE_AFTER = re.compile(
    r"^[\s,]{0,3}(?:(?:is|est|c'est|c’est)\s+)?(?:(?:still|really|actually|bien|toujours)\s+)?"
    r"(?:(?:the|le|la|l')\s*(?:right|correct|proper|main|general|best|direct|bon|bonne)?\s*"
    r"(?:number|numero|numéro|line|ligne|one|contact)\b"
    r"|(?:the|le|la|l')\s*(?:[\w'-]+\s+){0,3}(?:team|service|services|office|department|desk"
    r"|switchboard|helpline|hotline|unit|[ée]quipe|standard|accueil|p[oô]le"
    # "… c'est bien le centre de contact ?", "… the contact centre?" (test42, spent).
    r"|centre|center|centre\s+de\s+contact|centre\s+d['’]appels?)\b"
    # "… still the school admissions number?": a subject's number (test18 forms).
    r"|the\s+(?:[\w'-]+\s+){1,3}(?:number|line)\b"
    r"|(?<=c'est bien )(?:pour|le bon|la bonne)\b"
    r"|(?:des|du|de la|de l'|of the|for the)\s+(?:[\w'-]+\s+){0,3}(?:r[ée]pond\w*"
    r"|answers?|answered|opens?|ouvre|ferme|closes?|is open|est ouvert\w*)\b)"
)
# Object words after such a number that make it the writer's after all ("… the right number to
# reach me?", "… c'est bien pour me rappeler ?"); a line said to be the writer's or a
# neighbour's after it (`_OWN_LINE`) does too.
_REACHES_THE_WRITER = re.compile(
    r"\b(?:me|moi|myself|mine|my\s+(?:number|phone|mobile|line|landline)"
    r"|mon\s+(?:num[ée]ro|portable|fixe|t[ée]l[ée]phone))\b|\bm['’]"
)
_CLAUSE_END = re.compile(r"[.?!;\n]")
# A number the message names as an NHS number ("… in the NHS number box", "NHS no. …") is not
# a phone number, whatever its grouping.
_NAMED_AS_NHS_NUMBER = re.compile(r"\bnhs\s+(?:number|no|num[ée]ro|n°)\b")
_AFTER = 60
# A number in the NHS number's printed grouping (3, 3, 4), not in a phone's national or
# international form (no leading 0 or +), in a message that speaks of the NHS ("un courriel
# « NHS » me demande de confirmer le numéro 482 …"): an NHS number, judged by pii_numbers by its
# check digit, unless the words around it say it is rung (test39, spent).
_NHS_SHAPED = re.compile(r"[1-9]\d{2}[ ]\d{3}[ ]\d{4}")
_NHS_WORD = re.compile(r"\bnhs\b")
_TO_BE_CALLED = re.compile(
    r"\b(?:call\w*|ring\w*|rang|rung|phon\w*|tel|telephone|mobile|cell|whatsapp|dial\w*"
    r"|appel\w*|rappel\w*|t[ée]l[ée]phon\w*|portable|joindre|compos\w*)\b"
)


def _nhs_in_question(folded: str, before: str, after: str) -> bool:
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    return (
        _NHS_WORD.search(folded) is not None
        and _TO_BE_CALLED.search(before[-_PERSONAL_WINDOW:]) is None
        and _TO_BE_CALLED.search(clause) is None
    )


_OWN_LINE = re.compile(
    r"\b(?:my|our|mon|ma|mes|notre|nos)\s+(?:[\w'-]+\s+)?(?:line|ligne|office|bureau|number"
    r"|numero|num[ée]ro|phone|t[ée]l[ée]phone|landline|fixe|work|travail|mobile|portable)\b"
)


# Said right after the number to be the writer's line ("… the civic centre 07700 … is my
# mobile", "…, my number", "… c'est mon portable"): the writer's, whatever public place was
# named right before it with no word between (test41, spent).
_OWN_LINE_RIGHT_AFTER = re.compile(
    r"^[\s,(–—-]{0,3}(?:(?:is|it['’]s|that['’]s|this\s+is|=|est|c['’]est|c’est)\s+)?"
    r"(?:(?:also|aussi|bien)\s+)?(?:my|our|mon|ma|notre)\s+(?:own\s+|personal\s+|perso\s+"
    r"|personnel\s+)?(?:mobile|portable|number|num[ée]ro|phone|t[ée]l[ée]phone|cell|landline"
    r"|fixe|home\s+(?:number|phone)|ligne)\b"
)


# The writer dialled the number: "I tried ringing 0113 …", "we've rung …", "j'ai appelé le
# 01 …", "j'ai essayé d'appeler le …". A landline so rung is the line called (a service's),
# not the writer's; a mobile rung is still a person's.
_RANG_BEFORE = re.compile(
    r"\b(?:i|we|i['’]ve|we['’]ve|i have|we have|i['’]d|we['’]d|j['’]ai|nous avons|on a)\s+"
    r"(?:(?:already|just|tried|been|kept|keep|d[ée]j[àa]|essay[ée]|tent[ée])\s+)*"
    r"(?:d['’]\s*)?"
    r"(?:rung|rang|ringing|ring|called|calling|call|phoned|phoning|phone|dialled|dialed"
    r"|dialling|dialing|appel[ée]|appeler|t[ée]l[ée]phon[ée]r?|compos[ée]r?)"
    r"\s+(?:(?:le|au|the number|le num[ée]ro)\s+)?$"
)


# A landline named as "the number" of a subject, in French before it ("le numéro pour les
# encombrants, c'est le 01 …", as "the number for …" in the policy), or with the subject after
# it ("le numéro 01 … pour la taxe locale", "the number 0113 … for the bookings"). Only a
# landline: a mobile is usually a person's, whatever it is for.
_SUBJECTS_NUMBER_BEFORE = re.compile(
    r"\b(?:le|ce|du|au)\s+num[ée]ro\s+(?:pour|du|des|de\s+la|de\s+l['’])\s"
)
_THE_NUMBER_RIGHT_BEFORE = re.compile(r"\b(?:the|this|le|ce)\s+(?:number|num[ée]ro)\s*$")
_FOR_A_SUBJECT_AFTER = re.compile(r"^\s*(?:for|pour)\s+(?:the|le|la|les|l['’])")


_SENTENCE_REACH = 100


def _a_subjects_number(before: str, after: str, sentence: str) -> bool:
    """`sentence` is the text before the number back to its sentence's start (at most
    _SENTENCE_REACH characters): "le numéro pour …" may open it well before the number."""
    subject = _SUBJECTS_NUMBER_BEFORE.search(sentence)
    if subject is not None and _OWN_LINE.search(sentence, subject.end()) is None:
        return True
    return (
        _THE_NUMBER_RIGHT_BEFORE.search(before) is not None
        and _FOR_A_SUBJECT_AFTER.match(after) is not None
    )


# Or said to be rung right after it: "… 0117 …? I rang it twice", "… 01 …, je l'ai appelé
# trois fois" (test29 forms).
_RANG_AFTER = re.compile(
    r"^[^\n]{0,12}?\b(?:i|we|i['’]ve|we['’]ve|i have|we have)\s+(?:(?:already|just|tried|been"
    r"|kept)\s+)*(?:rung|rang|ringing|called|calling|phoned|phoning|dialled|dialed)\s+(?:it|that"
    r"|them|this|the number)\b"
    r"|^[^\n]{0,12}?\b(?:je\s+l['’]ai|on\s+l['’]a|nous\s+l['’]avons)\s+(?:d[ée]j[àa]\s+)?"
    r"(?:appel[ée]|compos[ée])"
)


# Or said to be about to be rung by the writer, up to two sentences after it ("… 020 …? It's on
# the hospital's letter but I want to be sure before I ring", "… avant de l'appeler", "I'll ring
# it tomorrow"): the line called, a service's (test36, spent). Only a landline, and not with
# words making it the writer's anywhere in those sentences.
_TO_BE_RUNG_AFTER = re.compile(
    r"\b(?:before|when|once|then)\s+(?:i|we)\s+(?:ring|call|phone|dial)\b"
    r"|\b(?:i|we)(?:['’]ll|\s+will|\s+(?:am|are)\s+going\s+to|['’](?:m|re)\s+going\s+to)\s+"
    r"(?:ring|call|phone|dial|try)\s+(?:it|them|that|this|the\s+number)\b"
    r"|\bavant\s+d['’]\s*(?:les\s+|l['’]\s*|y\s+)?(?:appeler|t[ée]l[ée]phoner)\b"
    r"|\b(?:je|nous|on)\s+(?:vais|allons|va)\s+(?:les\s+|l['’]\s*)?(?:appeler|composer)\b"
)
_TO_BE_RUNG_REACH = 160


def _to_be_rung(folded: str, end: int, before: str) -> bool:
    """A landline the writer says they are about to ring, in its paragraph after it."""
    later = folded[end : end + _TO_BE_RUNG_REACH].split("\n\n", 1)[0]
    if _TO_BE_RUNG_AFTER.search(later) is None:
        return False
    near = before[-_PERSONAL_WINDOW:]
    return not any(
        pattern.search(part)
        for pattern, part in ((_OWN_LINE, later), (_REACHES_THE_WRITER, later), (_OWN_LINE, near))
    )


# Or the writer asks whether to dial it: "should I ring 020 …", "do I dial …", "dois-je
# composer le +44 …", "faut-il appeler le 01 …", "est-ce que je dois appeler le …". A landline
# so asked about is the line the writer means to call, a service's (issue 12, after test54: the
# out-of-hours line in its +44 form blocked as a phone).
_TO_DIAL_ASKED_BEFORE = re.compile(
    r"\b(?:(?:should|shall|do|must|can|could)\s+(?:i|we)|(?:i|we)\s+(?:should|must|need\s+to)"
    r"|dois-je|devrais-je|faut-il|puis-je|est-ce\s+qu['’]\s*(?:il\s+faut|on\s+doit|je\s+dois"
    r"|je\s+peux)|je\s+dois|on\s+doit)\s+(?:(?:still|just|then|first|directement|bien"
    r"|plut[ôo]t|d['’]abord)\s+)?(?:ring|call|phone|dial|try|composer|appeler|t[ée]l[ée]phoner"
    r"|faire)\s+(?:(?:le|au|the\s+number|le\s+num[ée]ro)\s+)?$"
)


# Words anywhere in a message that make a number someone's (issue 12, fixer P5, after a review
# of the two allowances above and below: "should I ring 01632 …? it's where my ex lives now"
# let the number through to the model and the log): a line said to be someone's ("my number",
# "his mobile", "son fixe"), someone to be reached ("call me", "to reach my sister", "rappelez-
# moi", "pour joindre mon fils"), a relative, a neighbour or an ex named with a possessive, or a
# person's name (a title before a capitalised word, "Dave Pennington's"). A landline asked
# about as the one to dial, or a page's call link, counts as a service's only without them.
_SOMEONE_S_LINE = re.compile(
    r"\b(?:my|our|his|her|their|mon|ma|mes|notre|nos|son|sa|ses|leur|leurs)\s+(?:[\w'’-]+\s+)?"
    r"(?:number|num[ée]ro|numero|phone|mobile|cell|landline|line|home\s+phone|fixe|portable"
    r"|t[ée]l[ée]phone|telephone|ligne)\b"
)
_SOMEONE_TO_REACH = re.compile(
    r"\b(?:call|ring|phone|text|reach|contact|get\s+hold\s+of)\s+(?:me|him|her)\b"
    r"|\b(?:appel|rappel|contact|t[ée]l[ée]phon)(?:e|ez|er)[ -]?moi\b|\bjoignez[ -]moi\b"
    r"|\bme\s+(?:rappeler|joindre|contacter|t[ée]l[ée]phoner|appeler)\b|\bm['’]\s*appeler\b"
)
_SOMEONE_CLOSE = re.compile(
    r"\b(?:my|our|his|her|their|mon|ma|mes|notre|nos|son|sa|ses|leur)\s+(?:[\w'’-]+\s+)?"
    r"(?:ex|ex-\w+|wife|husband|partner|mum|mom|mam|mother|dad|father|son|daughter|sister"
    r"|brother|friend|neighbou?r|boyfriend|girlfriend|aunt|auntie|uncle|nan|nana|gran|granny"
    r"|grandma|grandad|grandpa|cousin|niece|nephew|child|kid|carer|landlord|landlady|tenant"
    r"|lodger|femme|mari|compagnon|compagne|copain|copine|conjointe?|m[èe]re|p[èe]re|maman|papa"
    r"|fils|fille|s(?:oe|œ)ur|fr[èe]re|amie?|voisine?|proprio|propri[ée]taire|locataire"
    r"|tante|oncle|cousine?|ni[èe]ce|neveu|enfant|grand-m[èe]re|grand-p[èe]re|mamie|papi)\b"
)
_A_PERSON_S_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|M|Mme|Mlle|Madame|Monsieur)\.?[ \t]+[A-ZÀ-Þ][\w'’-]+"
    # "Dave Pennington's", not "Exampleton Council's" or "Riverside Library's"
    r"|\b[A-ZÀ-Þ][a-zß-ÿ]+[ \t]+(?!(?:Council|Borough|Hall|Centre|Center|Library|Office"
    r"|Services?|Team|Department|School|College|University|Hospital|Surgery|Trust|Club"
    r"|Church|Association|Housing|Homes|Pool|Museum|Park)['’])[A-ZÀ-Þ][\w-]+['’]s\b"
)


def someone_s_anywhere(text: str, folded: str) -> bool:
    """Whether words anywhere in the message make a number someone's (`_SOMEONE_S_LINE` …)."""
    return (
        any(p.search(folded) for p in (_SOMEONE_S_LINE, _SOMEONE_TO_REACH, _SOMEONE_CLOSE))
        or _A_PERSON_S_NAME.search(text) is not None
    )


def _rung_by_the_writer(before: str, after: str, someone_s: bool = False) -> bool:
    """A number the writer rang or asks whether to ring, unless its clause says it reaches
    them ("I called 0117 …, it's my own landline, to check it"). Asked whether to ring it, only
    in a message with no words making a number someone's (`someone_s`)."""
    asked = _TO_DIAL_ASKED_BEFORE.search(before) is not None
    if (asked and someone_s) or (not asked and _RANG_BEFORE.search(before) is None):
        return False
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    return _OWN_LINE.search(clause) is None and _REACHES_THE_WRITER.search(clause) is None


# A VAT registration number named as such, with its country's letters right before the digits
# ("VAT reg. GB 000 …", "n° TVA FR 47 …", "TVA intracommunautaire : FR 47 …"): a business's
# number, never a phone (test52, spent). Read in the folded text; the name of the tax and the
# country's letters must both be there, so a phone in a message about VAT is still a phone.
_VAT_NUMBER_BEFORE = re.compile(
    r"\b(?:vat|v\.a\.t\.?|tva|t\.v\.a\.?)"
    r"(?:[ \t]*(?:reg(?:istration|istered)?|intra-?communautaire|intracom|no|nr|number"
    r"|num(?:ero)?|n[o°]|#|[.:])\.?){0,4}"
    r"[ \t:#°.]*(?:gb|fr[ \t]*[0-9a-z]{2})[ \t]*$"
)


def _phone_is_public(
    raw: str,
    digits: str,
    before: str,
    policy: ContactPolicy,
    after: str = "",
    sentence: str = "",
    someone_s: bool = False,
) -> bool:
    if _VAT_NUMBER_BEFORE.search(before):
        return True
    national = national_form(digits, written_international(raw))
    if digits in policy.public_numbers or national in policy.public_numbers:
        return True
    if national.startswith(policy.service_prefixes):
        return True
    # A mobile is usually a person's (a builder's, a club secretary's, the writer's): only an
    # organisation's words make it public ("the careers service text number is 07…"), or the
    # policy's list; a bare "the number for …" makes only a landline public.
    mobile = is_mobile(national)
    if not mobile and _rung_by_the_writer(before, after, someone_s):
        return True
    contexts = (
        [policy.public_context]
        if mobile
        else [
            policy.public_context,
            policy.landline_public_context,
        ]
    )
    # The nearer of the two wins: "I rang the parks team on 0115 …" is the team's line, "the
    # council can call me on 0115 …" the writer's.
    # "My phone line", "my office number", "notre ligne fixe" are the writer's, whatever word
    # follows the possessive.
    near = before[-_PERSONAL_WINDOW:]
    own = [m.end() for m in policy.personal_context.finditer(near)]
    body = [m.end() for context in contexts for m in context.finditer(near)]
    personal = (
        _OWN_LINE.search(near) is not None
        or (bool(own) and (not body or own[-1] > max(body)))
        or _OWN_LINE_RIGHT_AFTER.match(after) is not None
    )
    # A team named after a mobile ("… 06 39 98 77 02 pour le service des eaux") says what the
    # call is about more often than whose line it is: only a landline is made public by it.
    team_after = not mobile and (
        _FOR_A_TEAM_AFTER.match(after) is not None
        or _asked_as_a_service(after)
        or _a_subjects_number(near, after, sentence)
        or _one_of_two_asked(before, after)
    )
    named = any(context.search(before) for context in contexts) or team_after
    rung_after = not mobile and _RANG_AFTER.search(after) is not None
    rung_after = rung_after and _OWN_LINE.search(after) is None
    return not personal and (named or rung_after)


# Two landlines asked about as the one to ring, one or the other ("c'est le 020 … après 17 h,
# ou le 020 … ?", "is it 0117 … at night or 0117 …?"): the writer asks which of a service's
# lines is right, as no one asks about their own (test50, spent). Both numbers in one
# question, joined by "or"/"ou"; read before the first and after the second.
_NUMBER_WORDS = r"\+?\(?\d[\d \t.()/–—-]{6,18}\d"
_FIRST_OF_TWO_AFTER = re.compile(
    r"^[^.!?\n]{0,30}?,?[ \t]+(?:ou|or)[ \t]+(?:(?:bien[ \t]+)?(?:le|the|on)[ \t]+)?"
    + _NUMBER_WORDS
    + r"[^.!\n]{0,40}\?"
)
_SECOND_OF_TWO_BEFORE = re.compile(
    r"\b(?:c['’]est|is[ \t]+it|is[ \t]+that|est-ce)[ \t]+(?:(?:bien|plut[ôo]t)[ \t]+)?"
    r"(?:(?:le|the|on)[ \t]+)?"
    + _NUMBER_WORDS
    + r"[^.!?\n]{0,30}?,?[ \t]+(?:ou|or)[ \t]+(?:(?:bien[ \t]+)?(?:le|the|on)[ \t]+)?$"
)
_QUESTION_CLOSES = re.compile(r"^[^.!\n]{0,40}\?")


def _one_of_two_asked(before: str, after: str) -> bool:
    """Whether the number is one of two asked about as the one to ring (`_FIRST_OF_TWO_AFTER`)."""
    first = _FIRST_OF_TWO_AFTER.match(after) is not None and re.search(
        r"\b(?:c['’]est|is[ \t]+it|is[ \t]+that|est-ce)[ \t]+(?:(?:bien|plut[ôo]t)[ \t]+)?"
        r"(?:(?:le|the|on)[ \t]+)?$",
        before,
    )
    second = (
        _SECOND_OF_TWO_BEFORE.search(before) is not None
        and _QUESTION_CLOSES.match(after) is not None
    )
    question = after.split("?", 1)[0]
    return (bool(first) or second) and _REACHES_THE_WRITER.search(question) is None


def _asked_as_a_service(after: str) -> bool:
    if _ASKED_AS_A_SERVICE_AFTER.match(after) is None:
        return False
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    # "… the Blue Badge team? it's my neighbour's line": a line said to be someone's, later.
    return _REACHES_THE_WRITER.search(clause) is None and _OWN_LINE.search(after) is None


def read_phone_is_public(
    folded: str, start: int, end: int, digits: str, international: bool, policy: ContactPolicy
) -> bool:
    """A phone number read out in words between `start` and `end` of `folded`, judged by the
    words around it as the same number typed would be ("le numéro de l'accueil, c'est bien
    zéro deux zéro …", "is the council tax line oh two oh …"): test29 forms."""
    raw = ("+" if international else "") + digits
    before = folded[max(0, start - _WINDOW_BEFORE) : start]
    after = folded[end : end + _AFTER]
    sentence = _CLAUSE_END.split(folded[max(0, start - _SENTENCE_REACH) : start])[-1]
    return _phone_is_public(raw, digits, before, policy, after, sentence)


# What a mail client or a pasted signature puts right after a number: its own `<tel:…>` link,
# closing quotes, the full stop ending the sentence. A question about the number may follow
# them ("020 … <tel:…>. Is that the right one for …?", "« Tél. : 01 … ». C'est le bon numéro
# pour … ?"): read as if it came right after the number (test32 forms).
_EXTENSION = re.compile(
    r"^[ \t]*[,(]?[ \t]*(?:ext(?:ension)?\.?|x|poste|p\.)[ \t]*\d{1,5}[ \t]*\)?[ \t]*[,;:–—-]?"
)
_TRAILING = re.compile(r"^(?:\s*<?(?:tel|callto):[+\d]+>?)?\s*[»\"”’')\]]?\s*[.!?]?\s*")
_ASKED_IN_THE_NEXT = re.compile(r"(?:is|was)\s+(?:that|this|it)\s+|est-ce\s+|(?=c['’]est\s)")
_A_QUESTION = re.compile(r"[^.!\n]*\?")
# A number's own `<tel:…>` link, right after it: the same number, judged with it.
_OWN_LINK_BETWEEN = re.compile(r"\s*<(?:tel|callto):\+?")


def _after_the_number(after: str) -> str:
    """The words after a number (up to _AFTER of them), past its link, quotes and a full stop
    when a question about it follows them ("is that the right one …?" read as "is the right
    one …?"). `after` reaches further, to the question's mark. An extension right after the
    number ("… ext. 4, is that the right line for …", "… poste 2, c'est bien la ligne de …") is
    passed over: the words after it say whose line it is, as without it (test39, spent)."""
    extension = _EXTENSION.match(after)
    if extension is not None:
        after = after[extension.end() :]
    trailing = _TRAILING.match(after)
    rest = after[trailing.end() :] if trailing is not None else after
    asked = _ASKED_IN_THE_NEXT.match(rest)
    if asked is None or _A_QUESTION.match(rest) is None:
        return after[:_AFTER]
    return (("is " if asked.group(0) else "") + rest[asked.end() :])[:_AFTER]


# A pasted letterhead or signature block, the number on a labelled line of it ("T: 020 …",
# "Tél. : 01 …"): an earlier line of the block naming a council, a service or a team makes a
# landline the organisation's (test32 forms). A block starts after a blank line or "--".
_LABELLED_LINE = re.compile(
    r"(?:^|\n)[ \t>]*(?:t|tel|tél|tél\.|tel\.|phone|telephone|téléphone|telephone|fixe|standard)"
    r"\.?[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
_ORGANISATION_LINE = re.compile(
    r"(?im:^[ \t>]*[^\n]*\b(?:council|borough|department|services?|team|office|town\s+hall"
    r"|city\s+hall|revenues|benefits|library|libraries|mairie|h[ôo]tel\s+de\s+ville|direction"
    r"|p[ôo]le|biblioth[èe]que|m[ée]diath[èe]que|conseil\s+(?:municipal|d[ée]partemental"
    r"|r[ée]gional))\b[^\n]*$)"
)
# A line in the writer's own words is no letterhead ("My details for the council:").
_WRITER_S_WORDS = re.compile(
    r"(?i:\b(?:i|i['’]m|my|me|we|our|us|you|your|je|j['’]|mon|ma|mes|nous|notre|nos|vous"
    r"|votre|please|merci|thanks)\b|[?:])"
)
_BLOCK_START = re.compile(r"\n[ \t>]*(?:--+|__+)?[ \t]*\n")
# Or the paste is opened by the writer's line ending in a colon ("From the letter:", "Recopié du
# courrier :"), and the number's line is labelled by what the line is for, a service's task
# ("Permit renewals: 020 …", "Permis de construire : 01 …"): test34 forms.
_PASTE_OPENED = re.compile(r"(?:^|\n)[^\n]*:[ \t]*\n")
_SERVICE_LABEL_LINE = re.compile(
    r"(?:^|\n)[ \t>]*[^\W\d_][\w'’ -]{1,40}?[ \t]*:[ \t]*$", re.IGNORECASE
)
# A line labelled by a person or a home is that person's, whatever block it stands in
# ("Applicant's daytime phone:", "Domicile :", "Home:"): test34 forms.
_PERSON_S_LABEL = re.compile(
    r"(?i:\b(?:applicant|tenant|resident|claimant|customer|client|patient|occupier|occupant"
    r"|home|domicile|daytime|evening|emergency|next\s+of\s+kin|mobile|personal|private"
    r"|demandeur|demandeuse|locataire|r[ée]sidente?|allocataire|usager|usag[èe]re|portable"
    r"|perso|personnel|priv[ée]|urgence|mr|mrs|ms|mme|mum|mom|dad|mother|father|son|daughter"
    r"|wife|husband|partner|neighbour|maman|papa|m[èe]re|p[èe]re|fils|fille|mari|femme"
    r"|voisine?)\b)"
)


def _labelled_as_a_person_s(text: str, start: int) -> bool:
    """Whether the number's line labels it as a person's or a home's ("Applicant's daytime
    phone: 01 …" under a council's letterhead)."""
    line_start = text.rfind("\n", 0, start) + 1
    label = text[line_start:start]
    return (
        _SERVICE_LABEL_LINE.search(text, max(0, line_start - 1), start) is not None
        and _PERSON_S_LABEL.search(label) is not None
    )


def a_person_s_label(label: str) -> bool:
    """Whether a folded label names a person or a home ("Applicant", "Domicile", "Mum")."""
    return _PERSON_S_LABEL.search(label) is not None


def a_service_named_alone(label: str) -> bool:
    """Whether a folded label is a service's name and nothing else ("school admissions",
    "le standard"), as a list of numbers puts it beside each."""
    return _SERVICE_NAMED_ALONE_AFTER.match(label.strip() + "\n") is not None


def _listed(raw: str, digits: str, policy: ContactPolicy) -> bool:
    """A number public whatever the words around it: the policy's list or a service range."""
    national = national_form(digits, written_international(raw))
    return (
        digits in policy.public_numbers
        or national in policy.public_numbers
        or national.startswith(policy.service_prefixes)
    )


def _in_an_organisation_s_block(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    label = text[line_start:start]
    starts = [m.end() for m in _BLOCK_START.finditer(text, 0, line_start)]
    if _LABELLED_LINE.search(text, max(0, line_start - 1), start) is None:
        if _SERVICE_LABEL_LINE.search(text, max(0, line_start - 1), start) is None:
            return False
        if _WRITER_S_WORDS.search(label.rstrip(" \t:")) is not None:
            return False
        starts += [m.end() for m in _PASTE_OPENED.finditer(text, 0, line_start)]
    if not starts:
        return False
    lines = _ORGANISATION_LINE.finditer(text, max(starts), line_start)
    return any(_WRITER_S_WORDS.search(line.group(0)) is None for line in lines)


# A pasted e-mail's sender line, with the sender's address ("From: "Exampleton Council Tax"
# <counciltax@…>", "De : Mairie <accueil@…>").
_SENDER_LINE = re.compile(
    r"(?im:^[ \t>]*(?:from|sender|de|exp[ée]diteur)[ \t]*:[^\n@]*?<?"
    r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?[ \t]*$)"
)
_FIRST_PERSON_WORDS = re.compile(
    r"(?i:\b(?:i|i['’]m|i['’]ve|my|me|mine|myself|je|j['’]|moi|mon|ma|mes|perso)\b)"
)
_MAIL_REACH = 600


def _in_a_public_mailbox_s_mail(text: str, start: int, policy: ContactPolicy) -> bool:
    """A landline in the body of a pasted e-mail sent from an organisation's mailbox (a public
    domain's or a role's), with no word of the writer's between its sender line and it: the
    sender's line ("Questions? Call 020 …" under "From: … <counciltax@…>"): test37 forms. A
    number after the writer's own words ("my number is …") or from a person's address stays
    found."""
    line_start = text.rfind("\n", 0, start) + 1
    senders = list(_SENDER_LINE.finditer(text, max(0, line_start - _MAIL_REACH), line_start))
    if not senders or not email_is_public(senders[-1].group(1), policy):
        return False
    return _FIRST_PERSON_WORDS.search(text, senders[-1].end(), start) is None


_PUBLIC_MAILBOX_BEFORE = re.compile(
    r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)[ \t]*,?[ \t]+(?:or|and|ou|et)[ \t]+"
    r"(?:(?:phone|call|ring|telephone|tel\.?|appeler|t[ée]l[ée]phoner)[ \t]+"
    r"(?:(?:us[ \t]+)?on[ \t]+|au[ \t]+)?|(?:on|au)[ \t]+)?$"
)


# What a list of numbers, one to a line, puts after each: a symbol or a dash, then the service
# the line reaches and nothing else ("☎️ 020 … ♻️ recycling", "📞 01 … — piscine"): the
# service's line (test34 forms). A line named "home" or "domicile" is no service.
_SERVICE_NAMED_ALONE_AFTER = re.compile(
    r"[^\w\n]*(?:(?:the|la|le|les|l['’])\s*)?(?:[^\W\d_][\w'’-]*\s+){0,2}?"
    r"(?:bins?|waste|recycling|rubbish|refuse|collections?|leisure|pool|swimming|gym|library"
    r"|libraries|parking|permits?|housing|repairs|council\s+tax|planning|licensing|benefits"
    r"|highways|switchboard|reception|enquiries|bookings|registrars?|cemetery|bereavement"
    r"|museum|admissions|pest\s+control|d[ée]chets|encombrants|ordures|tri|piscine"
    r"|m[ée]diath[èe]que|biblioth[èe]que|stationnement|logement|urbanisme|accueil|mairie"
    r"|[ée]tat\s+civil|cantine|mus[ée]e|sports|voirie|propret[ée]|standard)"
    r"[^\w\n]*(?:\n|$)"
)


# A page's call link, its number in the link's target and the service's name as its text
# ('<a href="tel:+44…">Homelessness line</a>', "<a href='tel:01…'>Accueil de la mairie</a>"):
# the line a page prints, an organisation's (issue 12, after test55: the homelessness line's
# link blocked as a phone). A link whose text is the writer's ("my mobile", "Call me") is not.
_TEL_HREF_BEFORE = re.compile(r"\bhref\s*=\s*[\"']?\s*(?:tel|callto):[ \t]*$")
_LINK_TEXT_AFTER = re.compile(r"[\"']?[^<>\n]{0,80}>(?P<label>[^<>\n]{1,60})</a\s*>")


def _a_service_s_link(
    folded: str, start: int, end: int, policy: ContactPolicy, someone_s: bool = False
) -> bool:
    """A page's call link naming a service (`_TEL_HREF_BEFORE`), in a message with no words
    making a number someone's (`someone_s`, as `someone_s_anywhere` reads it)."""
    if someone_s or _TEL_HREF_BEFORE.search(folded, max(0, start - 30), start) is None:
        return False
    link = _LINK_TEXT_AFTER.match(folded, end)
    if link is None:
        return False
    label = link.group("label")
    return (
        policy.personal_context.search(label) is None
        and _OWN_LINE.search(label) is None
        and (
            policy.public_context.search(label) is not None
            or _SERVICE_NAMED_ALONE_AFTER.match(label.strip() + "\n") is not None
        )
    )


def find_phones(text: str, folded: str, policy: ContactPolicy) -> Iterator[PIIFinding]:
    """Personal phone numbers; `folded` is the case-folded text, same offsets as `text`."""
    for start, end, personal in judged_phones(text, folded, policy):
        if personal:
            yield PIIFinding("phone", start, end)


def _national_of(raw: str) -> str:
    return national_form("".join(ch for ch in raw if ch.isdigit()), written_international(raw))


def _said_to_be_one_s_own(
    text: str, folded: str, start: int, end: int, policy: ContactPolicy
) -> bool:
    near = folded[max(0, start - _PERSONAL_WINDOW) : start]
    return (
        _OWN_LINE.search(near) is not None
        or policy.personal_context.search(near) is not None
        or _OWN_LINE_RIGHT_AFTER.match(folded[end : end + _AFTER]) is not None
        or _labelled_as_a_person_s(text, start)
    )


def judged_phones(text: str, folded: str, policy: ContactPolicy) -> Iterator[tuple[int, int, bool]]:
    """(start, end, personal) of each number judged as a phone, the public ones too: a number
    judged an organisation's here is not a person's for being under a "Tel:" label either.

    The same number written again in the message, with other separators or with its country
    code ("… line is 020.7946.0123 — the same as 020 7946 0123?", "0044 20 … from abroad, or
    020 … from a UK phone"), is the same line: a service's wherever one of its writings is
    judged so, unless the words right around it make it the writer's (test51 forms)."""
    judged = list(_judged_each(text, folded, policy))
    services = {_national_of(text[start:end]) for start, end, personal in judged if not personal}
    for start, end, personal in judged:
        same_as_a_service_s = (
            personal
            and _national_of(text[start:end]) in services
            and not _said_to_be_one_s_own(text, folded, start, end, policy)
        )
        yield start, end, personal and not same_as_a_service_s


# A number in a phone's national form (UK 01, 02, 03 or 07 and eleven digits; French 01 to 09
# and ten) after a permit's, an account's or a reference's word, in a message asking to be
# called ("can someone call me back about my permit 01632 …", "rappelez-moi pour mon dossier
# 06 …"): the number to call back, a phone the phone rules and the call-back rule judge, not
# the account's number, whatever the words before it would make of it (issue 12, fixer P8,
# after hol54).
_NATIONAL_PHONE = re.compile(r"0[1237]\d{9}|0[1-9]\d{8}")
_CALL_ME = re.compile(
    r"\b(?:call|ring|phone|bell)[ \t]+(?:me|us)\b|\b(?:call|ring|phone)[ \t]*-?[ \t]*back\b"
    r"|\bcallback\b|\brappel(?:ez|er|le[rz])?[ \t-]+(?:moi|nous)\b|\bappel(?:ez|er)[ \t-]+"
    r"(?:moi|nous)\b|\b(?:me|nous)[ \t]+(?:rappeler|appeler|joindre|t[ée]l[ée]phoner)\b"
    r"|\bm['’]appeler\b"
)


def a_phone_to_call_back(value: str, folded: str) -> bool:
    """Whether `value` is in a phone's national form, grouped or not, in a message asking to
    be called (`_CALL_ME`)."""
    compact = re.sub(r"[ .-]", "", value)
    grouped = re.fullmatch(r"\d+(?:[ .-]\d+)*", value) is not None
    return (
        grouped
        and _NATIONAL_PHONE.fullmatch(compact) is not None
        and _CALL_ME.search(folded) is not None
    )


_ACCOUNT_WORD_BEFORE = re.compile(
    r"\b(?:account|acc|permit|pass|reference|ref|r[eé]f[eé]rence|customer|client|membership"
    r"|tenancy|claim|case|dossier|compte|abonnement|abonn[eé]e?|contrat|carte|card|licen[cs]e"
    r"|permis|stationnement|parking)"
    r"(?:[ \t]+(?:no|number|num[eé]ro|n°|nº|#))?[ \t:.,#n°º-]{0,4}$"
)


def _called_back_after_an_account_word(raw: str, before: str, folded: str) -> bool:
    """A number right after an account's, a permit's or a reference's word that is
    `a_phone_to_call_back`."""
    return _ACCOUNT_WORD_BEFORE.search(before) is not None and a_phone_to_call_back(raw, folded)


def _judged_each(text: str, folded: str, policy: ContactPolicy) -> Iterator[tuple[int, int, bool]]:
    """(start, end, personal) of each number judged as a phone, each on its own words."""
    judged: tuple[int, str, bool] | None = None  # the last number's end, digits and verdict
    someone_s = someone_s_anywhere(text, folded)
    for match in _PHONE.finditer(text):
        raw = match.group(0)
        digits = "".join(ch for ch in raw if ch.isdigit())
        before = folded[max(0, match.start() - _WINDOW_BEFORE) : match.start()]
        if (
            judged is not None
            and _OWN_LINK_BETWEEN.fullmatch(folded, judged[0], match.start())
            and judged[1].endswith(digits[-9:])
        ):
            yield match.start(), match.end(), judged[2]
            continue
        called_back = _called_back_after_an_account_word(raw, before, folded)
        if not _shaped_like_phone(raw, digits, before, policy) or (
            _OBJECT_BEFORE.search(before) and not called_back
        ):
            continue
        after = _after_the_number(folded[match.end() : match.end() + 2 * _AFTER])
        if (
            _PRINTED_ON_AFTER.match(after)
            and _REACHES_THE_WRITER.search(_CLAUSE_END.split(after, maxsplit=1)[0]) is None
        ):
            continue  # an object's number, printed on it
        if _NAMED_AS_NHS_NUMBER.search(before) or _NAMED_AS_NHS_NUMBER.search(
            _CLAUSE_END.split(after, maxsplit=1)[0]
        ):
            continue  # an NHS number, which pii_numbers judges by its check digit
        if _NHS_SHAPED.fullmatch(raw) and _nhs_in_question(folded, before, after):
            continue  # the same, in a message about the NHS (test39, spent)
        sentence = folded[max(0, match.start() - _SENTENCE_REACH) : match.start()]
        sentence = _CLAUSE_END.split(sentence)[-1]
        public = _phone_is_public(raw, digits, before, policy, after, sentence, someone_s)
        # The later readings below are for landlines only: a mobile is judged once.
        mobile = is_mobile(national_form(digits, written_international(raw)))
        if not public and not mobile:
            public = _to_be_rung(folded, match.end(), before) and (
                policy.personal_context.search(before[-_PERSONAL_WINDOW:]) is None
            )
        if not public and not mobile:
            # A landline given in the same breath as an organisation's mailbox ("email
            # libraries@… or phone 020 …"): the same organisation's line (test33 forms).
            mailbox = _PUBLIC_MAILBOX_BEFORE.search(before)
            public = mailbox is not None and email_is_public(mailbox.group(1), policy)
        if not public and not mobile:
            public = _in_an_organisation_s_block(text, match.start())
        if not public and not mobile:
            public = _in_a_public_mailbox_s_mail(text, match.start(), policy)
        if not public and not mobile:
            public = (
                _SERVICE_NAMED_ALONE_AFTER.match(folded, match.end()) is not None
                or (
                    _ON_A_BUSINESS_S_SIGN_AFTER.match(after) is not None
                    and policy.personal_context.search(before[-_PERSONAL_WINDOW:]) is None
                )
                or _a_service_s_link(folded, match.start(), match.end(), policy, someone_s)
            )
        if public and _labelled_as_a_person_s(text, match.start()):
            public = _listed(raw, digits, policy)
        personal = not public or (called_back and not _listed(raw, digits, policy))
        judged = (match.end(), digits, personal)
        yield match.start(), match.end(), personal
