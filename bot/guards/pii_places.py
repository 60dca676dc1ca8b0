"""Postal codes that locate a person: UK postcodes, Canadian postal codes, French codes postaux.

A full UK postcode covers about fifteen homes and a Canadian one a street side, so either
one points at a household when the citizen gives it as theirs or as where to send things.
The same code in a question about an area ("which council covers SW1A 1AA?") locates no
one. A district alone ("SW1A", "75011") is never personal data. A French code postal is
five digits like many other numbers, so it counts only inside a postal address (a street
before it, or the citizen saying it is where they live).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.guards.verdict import PIIFinding

# Royal Mail format: outward code (area letters, district) and inward code (sector digit,
# unit letters; the unit never uses C, I, K, M, O or V). Ordinals ("ww2 1st") are not units,
# but letters that only look like an ordinal's ending are ("EX2 7RD": test22 forms).
# Its halves may be parted by a dot ("EX1.9RB": test41, spent), but not when the inward code
# reads as a size ("2.5GB").
UK_POSTCODE = re.compile(
    r"(?<![\w-])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)(?:[ -]{0,2}|\.(?!\d[GTPK]B\b))\d"
    r"(?!(?<=1)st|(?<=2)nd|(?<=3)rd|(?<=[04-9])th)"
    r"[ABD-HJLNP-UW-Z]{2}(?![\w-])",
    re.IGNORECASE,
)
# A UK postcode typed one character at a time ("e x 2  7 h d"), read as the code its
# characters make; one more lone character after it makes it something else (test19 forms).
_UK_SPACED = re.compile(
    r"(?<![\w-])[a-z](?: {1,2}[a-z])? {1,2}\d(?: {1,2}[a-z\d])? {1,3}\d {1,2}[a-z] {1,2}[a-z]"
    r"(?![\w-])(?! {1,2}[a-z\d](?![\w-]))",
    re.IGNORECASE,
)
# Canada Post: letter-digit-letter digit-letter-digit; D, F, I, O, Q, U never appear and
# W, Z never start a code.
CA_POSTAL_CODE = re.compile(
    r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]{0,2}\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])",
    re.IGNORECASE,
)
# An Irish Eircode: a routing key (a letter and two digits, or D6W) and a unique identifier of
# four letters and digits, one per address (issue 12, after the spent set test28). Its shape is
# common among references, so it counts only named as an Eircode or beside an Irish place.
IE_EIRCODE = re.compile(
    r"(?<![\w-])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ -]?[0-9AC-FHKNPRTV-Y]{4}(?![\w-])", re.IGNORECASE
)
_IRISH = re.compile(
    r"\b(?:eircode|ireland|irlande|irish|irlandais\w*|eire|co\.? [a-z]+|county [a-z]+"
    r"|dublin|cork|galway|limerick|waterford|kilkenny|sligo|kerry|donegal|wexford|wicklow"
    r"|mayo|clare|tipperary|athlone|drogheda|dundalk)\b"
)
_IRISH_REACH = 80
_EIRCODE_ASKED = re.compile(r"\b(?:what|which|how|quel\w*|comment)\b[^.!?\n]{0,30}$")

# French departments 01-95 (20 for Corsica) and overseas 97x; a city name follows.
FR_POSTAL_CODE = re.compile(r"(?<![\w,.-])(?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3}(?= ?[A-Za-zÀ-ÿ]{2})")
# A French code postal after its town, in apposition ("à Villeurbanne, 69100", "Bron (69500)"):
# test24 forms; the writer's when they say they live there.
_FR_CODE_AFTER_TOWN = re.compile(
    r"(?<![\w'’-])[A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]{1,40}(?:,[ \t]?|[ \t]?\([ \t]?)"
    r"((?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3})(?![\w-])"
)
_LIVES_THERE = re.compile(
    r"\b(?:j'habite|habite|i live|we live|domicil\w*|my address|mon adresse|je vis|nous vivons"
    r"|je r[ée]side|nous r[ée]sidons|residing|i'?m living|we'?re living|i am living"
    # Said other ways (test21 forms): "je demeure à", "demeurant à", "je loge à", Québec "on
    # reste à" and Scots "we stay in" for where one lives.
    r"|(?:je|j'|on|nous|il|elle) (?:demeur\w*|loge|logeons)|demeurant"
    r"|(?:je|on|nous) rest(?:e|ons) (?:a|à|au|dans)(?=\s*(?:\d|$))"
    r"|(?:i|we) stay (?:in|at)"
    r"|(?:my|our|mon|notre) (?:code postal|postcode|post code|postal code))\b"
)
# Said after an address or a code to make it the writer's home ("..., that's my house",
# "... pour mon adresse", "..., c'est chez moi"); `.match`ed on the folded text from its end.
_OWN_WORDS = (
    r"\b(?:(?:that|this|it|which)(?:'s| is) (?:my|our) (?:house|home|flat|address|place)"
    r"|(?:it's|that's|this is|which is) where (?:i|we) live"
    r"|c'est (?:chez (?:moi|nous)|mon adresse|mon domicile|ma maison|mon appartement)"
    r"|(?:pour|de) (?:mon|notre) (?:adresse|domicile)"
    r"|for (?:my|our) (?:home |current |new )?address|(?:la )?ou (?:j'habite|nous habitons"
    r"|je vis|on habite)"
    # The code named after it as the writer's, an adverb between ("…, c'est bien mon code
    # postal à la maison", "…, that's definitely my home postcode"): test44 forms.
    r"|(?:c'est|c’est|that's|that is|it's|it is|which is|qui est|is|est)"
    r" (?:(?:bien|bel et bien|vraiment|definitely|actually|really|indeed|exactly) )?"
    r"(?:my|our|mon|notre) (?:(?:home|own|house|current|actual) )?"
    r"(?:code postal|postcode|post code|postal code|zip code|zip))\b"
)
# Anywhere in the message, and within the same sentence after an address or a code.
OWN_SAID = re.compile(_OWN_WORDS)
OWN_AFTER = re.compile(r"[^.?!\n]{0,50}?" + _OWN_WORDS)
_NAMED_CODE = re.compile(
    r"\b(?:code postal|postal code|post ?code|zip(?: ?code)?|cp)\W{0,3}(?:(?:is|est)\W{1,3})?"
    r"((?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3})\b"
)

_OWN_CODE_POSTAL = re.compile(
    r"\b(?:my|our|mon|notre) (?:code postal|postal code|zip code)\W{0,4}"
    r"(?:(?:is|est|c'est)\W{1,3})?(?:le |l'|the )?((?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3})\b"
)
# A code given after a label or said to be one's own, in any of the three countries' shapes,
# spaced as people type them ("H 2 X 1 Y 4"): "CP : 75011", "code postal de mon domicile :
# 13005", "new zip is 98109", "my postcode is LS6" (an outward code alone, said to be theirs).
_CODE_WORD = (
    r"(?:code postal|postal code|post ?code|zip(?: ?code)?|cp|c\.p\.)"
    r"(?: (?:de|du|des|of|for) [^:=?\n]{1,30}?)?"
)
_OWN_CODE_WORD = re.compile(
    rf"\b(?:my|our|mon|notre|new|nouveau|home|mailing) {_CODE_WORD}\W{{0,3}}"
    r"(?:(?:is|est|c'est|was|now)\W{1,3}){0,2}(?:le |l'|the )?$"
)
# "the postcode of our flat is …", "le code postal de ma résidence principale est …".
_CODE_OF_OWN_PLACE = re.compile(
    r"\b(?:code postal|postal code|post ?code|zip(?: ?code)?) (?:de|du|of|for|at) "
    r"(?:ma|mon|mes|notre|nos|my|our) [^:=?.\n]{1,30}? (?:is|est|c'est|was|now)\W{1,3}"
    r"(?:le |l'|the )?$"
)
_CODE_LABEL = re.compile(rf"(?<![\w'’]){_CODE_WORD} ?[:=] ?$")
# A label opening its sentence, as on a form, without a colon ("... chez nous ? Code postal
# EX9 9XX."); a code that the sentence goes on to ask about is an area's.
# Or with "is" / "est" after it ("… band query. Postcode is EX4 …", "Code postal : …"): test41,
# spent.
_CODE_LABEL_OPENING = re.compile(
    r"(?:^|[.!?\n]\s*)(?:code postal|postal code|post ?code|zip(?: ?code)?|cp|c\.p\.)"
    r"(?: (?:is|est|c'est))? ?$"
)
_ANY_CODE = re.compile(
    r"[a-z] ?\d ?[a-z] ?\d ?[a-z] ?\d(?![\w-])"  # Canadian, spaced or not
    r"|(?:[a-pr-uwyz][a-hk-y]?\d[a-z\d]?)(?:(?:[ -]{0,2}|\.)\d[abd-hjlnp-uw-z]{2})?(?![\w-])"
    r"|\d{5}(?:-\d{4})?(?![\w-])"  # French code postal, US ZIP
)
_CODE_HINT = re.compile(r"code|zip|\bc\.?p\b")
# A French code postal written as a form's field, its town after it ("35000, ville Rennes").
_CODE_THEN_TOWN = re.compile(r"\bcode postal\W{0,3}(\d{5}),? (?:ville|commune)\b")
_PERSONAL = re.compile(
    r"\b(?:my|mine|our|home|live|living|lives|reside\w*|mon|ma|mes|notre|nos|habite\w*"
    r"|domicil\w*|vis|vivons|address|adresse|deliver\w*|livr\w*|send|sent|mail|post|envoy\w*"
    r"|write to|ecrire a|ecrivez|i'm at|we're at|i am at|we are at|moved to|move to|demenag\w*)\b"
)
_AREA_BEFORE = re.compile(
    r"\b(?:near|nearby|close to|around|cover\w*|serve\w*|area"
    r"|council|borough|district|ward|constituency|office|arrondissement|quartier|commune|zone"
    r"|secteur|pres de|autour)\b"
)
# A question word before a code: asked about, unless the message says the writer lives there
# ("what day is the caddy collected for XX1 1XX? we only moved in on Saturday").
# "Which" opening a relative clause after a comma ("the insurer's letter, which has it the
# other way round: …") asks nothing (test43, spent); ", which bin day is it for …?" still asks.
_ASKING_BEFORE = re.compile(
    r"\b(?:which(?<!, which)|, which(?! (?:has|had|have|is(?! it)|was(?! it)|says|said|shows"
    r"|showed|prints|printed|gives|gave|lists|listed|reads|read|puts|put|writes|wrote)\b)"
    r"|what|where|quel\w*|ou|où)\b"
)
_HOME_SAID = re.compile(
    r"\b(?:(?:we|i)(?:'ve| have)?(?: only| just)? moved in|(?:we|i)(?:'ve| have)? just moved"
    # Said without a subject, as in a text ("just moved in", "only moved here last week"), or
    # by the people who lived there before ("the old owners took the calendar").
    r"|(?:just|only|recently) moved (?:in|here)|moved in (?:last|this|on|yesterday)"
    r"|the (?:previous|old|last|former) (?:owners?|tenants?|occupants?|occupiers?)(?! of)"
    r"|les anciens (?:propri[ée]taires|locataires|occupants)(?! d)"
    r"|(?:our|my) (?:new )?(?:house|home|flat|street|road|place|bungalow|cottage)"
    r"|on habite|nous habitons|j'habite|chez (?:nous|moi)|(?:on|nous|je) (?:vient|venons|viens)"
    r" d'emm[ée]nager|emm[ée]nag\w*"
    r"|(?:notre|ma|mon) (?:maison|appartement|logement|rue|domicile)"
    # Staying there for a while, as a seasonal worker or a lodger says it ("I'm staying in a
    # shared house", "je suis logée dans un studio"): test36, spent.
    r"|(?:i'?m|i am|we'?re|we are)(?: [^.?!\n]{0,60}? and)? (?:staying|lodging|renting|living)"
    r" (?:in|at)"
    r"|(?:je suis|nous sommes|on est) (?:log[ée]e?s?|h[ée]berg[ée]e?s?) (?:dans|chez|[àa]|au)"
    r"|(?:je|nous|on) (?:loge|logeons) (?:dans|chez|[àa]|au))\b"
)
_AREA_AFTER = re.compile(
    r"\s*(?:is |est )?(?:in|inside|within|outside|part of|covered|served|near|dans|fait partie"
    r"|c'est|c’est|,? c'est)\b",
    re.IGNORECASE,
)
# Where a clause ends: a full stop, a question or exclamation mark or a semicolon before a space
# or the end, or a line break (the address, file and venue readers all cut their windows here).
CLAUSE_END = re.compile(r"[.?!;](?:\s|$)|\n")
# The kinds that place someone: an address, a postcode, or a name, date of birth and address.
PLACED_KINDS = frozenset({"address", "postcode", "name_dob_address"})
# Words saying the address is a public building's, not a home's.
# "Council tax", a "council house" or "council flat" name no building (the lead, 7 December 2026).
PUBLIC_PLACE = re.compile(
    r"\b(?:town hall|city hall|hall|h[ôo]tel de ville|office|offices|mairie"
    r"|council(?!\s+(?:tax|house|houses|flat|flats|estate|estates|tenant|tenants|tenancy|home"
    r"|homes|rent)\b)"
    r"|pr[ée]fecture|centre|center"
    r"|library|biblioth[èe]que|m[ée]diath[èe]que|jobcentre|hospital|h[ôo]pital|school|[ée]cole|station|court"
    r"|tribunal|embassy|consulate|ambassade|consulat|museum|mus[ée]e|caf|cpam|service|agency"
    r"|agence|headquarters|si[èe]ge|branch|bank|post office|la poste|police|gendarmerie|located"
    r"|situ[ée]e?|opening|open|ouvert\w*|guichet|desk|clinic|surgery|pharmacy|pharmacie"
    # The tip, as a French writer names it ("La déchèterie, Foundry Lane, …"): test40 forms.
    r"|d[ée]ch[eè]t+erie|d[ée]chetterie"
    # A leisure venue ("Is Riverside Lido, … EX4 2QL open …"): test47 forms.
    r"|lido|swimming\s+pool|baths|piscine|stadium|stade|theatre|th[ée][âa]tre|cinema|cin[ée]ma"
    # An event's venue, published on its poster ("gives the venue as …", "held at …", "se
    # tiendra à …"): a public place (test33 forms).
    r"|venues?|held\s+at|takes\s+place\s+at|se\s+tiendra|se\s+d[ée]roulera|aura\s+lieu)\b"
)
# A shop, a café or another business named right before an address, as its sign or listing
# gives it ("La boulangerie « … », 5 …", "the bakery 'Crust & Crumb', 41 …"): its premises
# (test34 forms). Not when a word before the business places a home beside it ("the flat
# above the bakery, 41 …", "au-dessus de la boulangerie"); not "store", which is as often a
# block's bin or cycle store as a shop, nor "garage" or "salon" (a home's garage, a living
# room).
_BUSINESS = re.compile(
    r"\b(?:shop|bakery|baker['’]s|butcher['’]s|caf[ée]|restaurant|pub|takeaway|boutique"
    r"|florist['’]?s?|newsagent['’]?s?|pharmacy|chemist['’]?s?|boulangerie"
    r"|p[âa]tisserie|boucherie|charcuterie|magasin|commerce|[ée]picerie|librairie|papeterie"
    r"|fleuriste|brasserie|traiteur|quincaillerie|pressing)\b"
)
_BESIDE_A_BUSINESS = re.compile(
    r"\b(?:above|over|upstairs|behind|beside|next\s+(?:door\s+)?to|opposite|near|facing"
    r"|au-?\s?dessus|en\s+face|[àa]\s+c[ôo]t[ée]|derri[èe]re|pr[èe]s|flat|appartement|chez)\b"
)


def a_business_s(before: str) -> bool:
    """Whether the words right before an address (folded) name a business it is the premises
    of, no home beside it."""
    names = list(_BUSINESS.finditer(before))
    return bool(names) and _BESIDE_A_BUSINESS.search(before, 0, names[-1].start()) is None


_WINDOW = 50
_SENTENCE_START = re.compile(r"[.?!;\n]")


# The writer's postcode named earlier in the sentence, further back than `_WINDOW` ("mon code
# postal a été coupé par le copier-coller :⏎EX2⏎8LQ"): theirs (test47 forms). A line break
# after a colon does not end the sentence.
_OWN_CODE_NAMED = re.compile(
    r"\b(?:my|our|mon|notre) (?:code postal|postcode|post code|postal code)\b[^.?!;]*$"
)
_OWN_CODE_REACH = 120


def _own_code_named(folded: str, start: int) -> bool:
    before = folded[max(0, start - _OWN_CODE_REACH) : start]
    before = re.sub(r":[ \t]*\r?\n", ": ", before).split("\n")[-1]
    return _OWN_CODE_NAMED.search(before) is not None


def _locates_someone(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - _WINDOW) : start]
    if _PERSONAL.search(before):
        return True
    # Said after it to be the writer's, even after ", c'est" (which otherwise asks where the
    # code lies: "EX1 8RW, c'est dans quel secteur ?"): test44 forms.
    if OWN_AFTER.match(folded, end):
        return True
    if _AREA_BEFORE.search(before) or _AREA_AFTER.match(folded, end):
        return False
    if PUBLIC_PLACE.search(before):
        return False
    return _ASKING_BEFORE.search(before) is None or _HOME_SAID.search(folded) is not None


# A house number with no street, then a postcode, given as where the writer is ("je suis au
# n°23, 59160, …", "on est au numéro 112, 31400", "we're at number 7, M14 5RT"): one home
# (issue 12, fixer P10, after test62). Not a case or an invoice number beside a count or an
# amount ("dossier n°23, 59160 habitants", "facture n°12, 45000 euros").
_NUMBER_THEN_CODE = re.compile(
    r"(?i:\b(?:je\s+suis|j['’]suis|chuis|on\s+est|nous\s+sommes|moi\s+c['’]est|j['’]habite"
    r"|i['’]m|im|i\s+am|we['’]re|we\s+are|(?:i|we)\s+live)"
    r"\s+(?:au|at|à|le|in)?\s*(?:the\s+|le\s+)?(?:n°|nº|no\.?|num[ée]ro|num\.?|number|#)\s*"
    r"(\d{1,4}(?:\s?(?:bis|ter|[a-d]))?)\s*,?\s+)"
    rf"((?:0[1-9]|[1-8]\d|9[0-5]|97)\d{{3}}|{UK_POSTCODE.pattern})(?![\w-])"
    r"(?!\s*(?i:habitants|euros?|€|personnes|people|residents|pounds|£))"
)


# A house number with no street, then a postcode, named as the place a service is to come to or
# asked about ("les encombrants passent-ils au 17 dans le 59160 ?", "devant le 5 bis, 44000",
# "which day at number 8, EX4 6HN?", "… reach 63, EX3 4NW?"): one home, whoever asks (issue
# 12, fixer X, after test63: a French code after "au <n°> dans le" let through). The number
# is said as a house's ("au", "au numéro", "devant le", "number", "no.", or "at", "to", "from",
# "outside" before a UK postcode); a French code needs "au"/"devant le" or a number's word.
# Not a public building's or a shop's address (named before it, or after it in its clause),
# nor a range of days or numbers ("du 3 au 17 dans le 69003", "jusqu'au 15"), nor a count
# or an amount after the code ("45000 euros", "31400 habitants").
_HOUSE_NUMBER = r"(\d{1,4}(?:[ \t]?(?:bis|ter|[a-dA-D]))?)"
_HOUSE_THEN_CODE = re.compile(
    r"(?i:(?:\b(?:au|devant[ \t]+le|chez[ \t]+le)[ \t]+(?:(?:n°|nº|no\.?|num[ée]ro|num\.?)[ \t]*)?"
    r"|\b(?:number|no\.|n°)[ \t]*)"
    + _HOUSE_NUMBER
    + r"(?:[ \t]*,[ \t]*|[ \t]+(?:dans[ \t]+le|in)[ \t]+|[ \t]+))"
    r"((?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3})(?![\w-]|[.,]\d)"
    r"(?![ \t]*(?i:habitants|euros?|€|personnes|people|residents|pounds|£|m2|m²|km|pence|p\b))"
)
_HOUSE_THEN_UK_CODE = re.compile(
    r"(?i:\b(?:at|to|from|outside|reach|reaches|collect[ \t]+from)[ \t]+"
    r"(?:(?:number|no\.?|n°|#)[ \t]*)?|\b(?:au|devant[ \t]+le)[ \t]+"
    r"(?:(?:n°|nº|no\.?|num[ée]ro)[ \t]*)?|\b(?:number|no\.|n°)[ \t]*)"
    + _HOUSE_NUMBER
    + r"(?i:[ \t]*,[ \t]*|[ \t]+(?:dans[ \t]+le|in)[ \t]+|[ \t]+)"
    + rf"({UK_POSTCODE.pattern})(?![\w-])"
)
_A_RANGE_BEFORE = re.compile(r"(?:\b(?:du|de|from|between|entre)[ \t]+\d{1,4}[ \t]+|jusqu['’])$")
# What a number's word numbers when it is no house's ("route no. 12, 31400 side", "ligne n° 4,
# 69003", "invoice no. 7, 45000"): test62's look-alikes.
_NOT_A_HOUSE_BEFORE = re.compile(
    r"\b(?:route|bus|line|ligne|platform|quai|bay|gate|stand|room|salle|bureau|desk|guichet"
    r"|case|dossier|file|facture|invoice|ticket|ref\w*|account|compte|client|order|commande"
    r"|exit|sortie|junction|flight|vol|train|tram|pitch|plot|stall|emplacement|lot|table|seat"
    r"|car|voiture|badge|permit|pcn|item|article|question|step|etape|[ée]tape|version)[ \t]*$"
)


def _houses_with_codes(text: str, folded: str) -> Iterator[PIIFinding]:
    """`_HOUSE_THEN_CODE`'s and `_HOUSE_THEN_UK_CODE`'s house number and postcode, one
    finding, but a public place's or a business's, or a range's end."""
    for pattern in (_HOUSE_THEN_CODE, _HOUSE_THEN_UK_CODE):
        for match in pattern.finditer(text):
            if _A_RANGE_BEFORE.search(folded, max(0, match.start() - 16), match.start()):
                continue
            if _NOT_A_HOUSE_BEFORE.search(folded, max(0, match.start() - 16), match.start()):
                continue
            before = _SENTENCE_START.split(folded[max(0, match.start() - 80) : match.start()])[-1]
            after = CLAUSE_END.split(folded[match.end() : match.end() + 60], maxsplit=1)[0]
            if PUBLIC_PLACE.search(before) or a_business_s(before):
                continue
            if PUBLIC_PLACE.search(after) or _BUSINESS.search(after):
                continue
            yield PIIFinding("postcode", match.start(1), match.end(2))


def find_postcodes(
    text: str,
    folded: str,
    street_ends: tuple[int, ...],
    public_ends: tuple[int, ...] = (),
) -> Iterator[PIIFinding]:
    """Postal codes given as the citizen's own or as part of a postal address.

    `street_ends` are the offsets where street addresses found in the text end: a code
    right after one completes a postal address, whoever's it is. `public_ends` are where a
    public building's addresses end: a code right after one (and after no home's) is the
    building's ("the Town Hall, 1 Market Square, Exampleton EX1 1AA").
    """
    for pattern in (UK_POSTCODE, CA_POSTAL_CODE):
        for match in pattern.finditer(text):
            start, end = match.span()
            after_street = any(0 <= start - e <= 40 for e in street_ends)
            if not after_street and any(0 <= start - e <= 40 for e in public_ends):
                continue
            if (
                after_street
                or _locates_someone(folded, start, end)
                or _own_code_named(folded, start)
            ):
                yield PIIFinding("postcode", start, end)
    yield from _spaced_postcodes(text, folded, street_ends)
    yield from _eircodes(text, folded)
    for match in FR_POSTAL_CODE.finditer(text):
        start, end = match.span()
        after_street = any(0 <= start - e <= 40 for e in street_ends)
        before = folded[max(0, start - _WINDOW) : start]
        if after_street or _LIVES_THERE.search(before):
            yield PIIFinding("postcode", start, end)
    for match in _FR_CODE_AFTER_TOWN.finditer(text):
        start, end = match.span(1)
        sentence = _SENTENCE_START.split(folded[max(0, match.start() - _WINDOW) : start])[-1]
        if _LIVES_THERE.search(sentence):
            yield PIIFinding("postcode", start, end)
    # A code named as one and said to be the writer's after it ("cp 69003 c'est chez moi"), or
    # earlier in its sentence ("mon domicile principal reste en France, code postal 23160").
    for match in _NAMED_CODE.finditer(folded):
        sentence = _SENTENCE_START.split(folded[: match.start()])[-1]
        if OWN_AFTER.match(folded, match.end(1)) or _LIVES_THERE.search(sentence):
            yield PIIFinding("postcode", *match.span(1))
    # "mon code postal est le 06000": said to be one's own, no city needed.
    for match in _OWN_CODE_POSTAL.finditer(folded):
        yield PIIFinding("postcode", *match.span(1))
    for match in _CODE_THEN_TOWN.finditer(folded):
        yield PIIFinding("postcode", *match.span(1))
    yield from _labelled_codes(folded)
    yield from _codes_after_house_numbers(text)
    yield from _houses_with_codes(text, folded)


def _codes_after_house_numbers(text: str) -> Iterator[PIIFinding]:
    """`_NUMBER_THEN_CODE`'s house number and postcode, one finding."""
    for match in _NUMBER_THEN_CODE.finditer(text):
        yield PIIFinding("postcode", match.start(1), match.end(2))


def _eircodes(text: str, folded: str) -> Iterator[PIIFinding]:
    """Irish Eircodes named as such or beside an Irish place, given as where someone is."""
    for match in IE_EIRCODE.finditer(text):
        start, end = match.span()
        if UK_POSTCODE.fullmatch(match.group(0)) or CA_POSTAL_CODE.fullmatch(match.group(0)):
            continue
        around = folded[max(0, start - _IRISH_REACH) : end + _IRISH_REACH]
        asked = _EIRCODE_ASKED.search(folded, max(0, start - 40), start) is not None
        if _IRISH.search(around) and not asked and _locates_someone(folded, start, end):
            yield PIIFinding("postcode", start, end)


def _spaced_postcodes(text: str, folded: str, street_ends: tuple[int, ...]) -> Iterator[PIIFinding]:
    """UK postcodes typed one character at a time, judged as the same code typed whole."""
    for match in _UK_SPACED.finditer(text):
        start, end = match.span()
        characters = match.group(0).replace(" ", "")
        if not UK_POSTCODE.fullmatch(f"{characters[:-3]} {characters[-3:]}"):
            continue
        if any(0 <= start - e <= 40 for e in street_ends) or _locates_someone(folded, start, end):
            yield PIIFinding("postcode", start, end)


def _labelled_codes(folded: str) -> Iterator[PIIFinding]:
    """A code right after a label or the writer's own code word; questions about a code
    ("what is the postcode for the town hall?") name no code of the writer's."""
    if _CODE_HINT.search(folded) is None:
        return
    for match in _ANY_CODE.finditer(folded):
        start = match.start()
        if start > 0 and folded[start - 1].isalnum():
            continue
        before = folded[max(0, start - 48) : start]
        public = PUBLIC_PLACE.search(folded, max(0, start - 80), start) is not None
        labelled = _CODE_LABEL.search(before) is not None and not public
        own = _OWN_CODE_WORD.search(before) or _CODE_OF_OWN_PLACE.search(before)
        if labelled or own is not None or _opens_a_form_line(folded, before, match.end()):
            yield PIIFinding("postcode", start, match.end())


def _opens_a_form_line(folded: str, before: str, end: int) -> bool:
    """A code right after a label that opens its sentence, in a sentence that asks nothing
    about it."""
    if _CODE_LABEL_OPENING.search(before) is None or _AREA_AFTER.match(folded, end):
        return False
    stop = re.search(r"[.!?\n]", folded[end:])
    return stop is None or stop.group(0) != "?"
