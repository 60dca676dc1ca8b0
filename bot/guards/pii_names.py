"""Names of people in a message, found from the words around them (English and French).

No English name model can be installed here, and a list of names would miss most of the
people a city serves, so a name is recognised by how it is introduced: given as one's own
("my name is", "je m'appelle", "I'm Ann Example"), behind a title ("Mrs Okafor",
"M. Dupont"), behind a record label ("employee: Jane Doe", "nom : Martin"), or as a
relative ("my son Oliver Grant"). Own names, titled names and labelled names are personal
data on their own; a relative's or a third person's name counts with a birth date, an
address or a salary (`find_identity`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from importlib import resources

from bot.guards.pii_headers import LINE_LABELS, SENDER_LABELS, names_a_unit
from bot.guards.pii_spoken import spoken_identifiers
from bot.guards.verdict import PIIFinding

# A capitalised word that can be a name: "Okafor", "O'Neill", "Jean-Luc", "Näidis".
NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:['’-][A-Za-zÀ-ÿ][a-zß-öø-ÿ]+)?|O['’][A-Z][a-z]+"
    r"|Ma?c[A-Z][a-z]+|[A-Z]{2,}(?=[ ,.)]|$))"
)
# A particle, or two that go together ("de la", "van der", "de los"): test49, spent.
# Welsh "ap"/"ab"/"ferch" and Gaelic "Ó", "Ua", "Ní", "Nic", "Mac", "Mhic", "Uí" between a
# given name and the surname are part of the name ("Dafydd ap Iorwerth", "Seán Ó Briain"):
# test53, spent.
_PARTICLE = (
    r"(?:(?:de|van|von|der|den|la|le|del|da|dos|du|bin|ibn|al|el|ap|ab|ferch|verch"
    r"|Ó|Ua|Uí|Ní|Nic|Mac|Mhic)\s"
    r"(?:(?:la|le|der|den|los|las|La|Le)\s)?)"
)
FULL_NAME = rf"({NAME_WORD}(?:[ \t]{_PARTICLE}?{NAME_WORD}){{1,3}})"
_ONE_OR_MORE = rf"({NAME_WORD}(?:[ \t]{_PARTICLE}?{NAME_WORD}){{0,3}})"

# Capitalised words that follow "I'm" or a label but are not names.
_NOT_NAMES = frozenset(
    "The A An And Or But Not Very So Really Just Still Also Only Here There In On At From With"
    " For To Of About Looking Trying Going Writing Calling Asking Worried Confused Unemployed"
    " Disabled Self Employed Retired Pregnant British English French Canadian Irish Scottish"
    " Welsh Universal Credit Child Benefit Pension Housing Council Tax Jobseeker Carer Student"
    " Sorry Please Hello Hi Thanks Thank Yes No Ok Okay Sure Unable Able New Old Single Married"
    " Divorced Widowed Living Currently Now Today Still Le La Les Un Une Des Du De Je Il Elle"
    " Nous Vous Ils Et Ou Mais Pas Plus Tres Très Bien Bonjour Merci Oui Non Madame Monsieur"
    " Gov Government Service Services Department Office Agency Ministry HMRC DWP NHS CAF"
    " January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday Janvier Fevrier Février Mars"
    " Avril Mai Juin Juillet Aout Août Septembre Octobre Novembre Decembre Décembre Bonne"
    " Journée Journee Soirée Soiree Day Week Weekend Evening Morning Afternoon Wishes Regards"
    " Best Kind Warm Again Advance".split()
)

# A count or a day of the week opening a sentence, which the span tagger took for a name
# ("… ? Three Saturdays running and nobody came"): issue 12, after the thirtieth held-out set.
_COUNTED = re.compile(
    r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few"
    r"|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|plusieurs)"
)
_DAYS = re.compile(
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?)"
)

# The people whose name a writer gives as a record's: "the child's name is …".
_KIN = (
    r"(?:enfant|child|son|daughter|fils|fille|b[ée]b[ée]|baby|tenant|locataire|claimant"
    r"|applicant|patient|mother|father|m[èe]re|p[èe]re|husband|wife|mari|femme|partner|mum|dad)"
)
# The name a card, a badge or a form bears ("the name on it is …", "le nom dessus c'est …"):
# the holder's, whom the writer deals for (test22 forms).
_ON_A_CARD = (
    r"(?:the\s+)?name\s+on\s+(?:it|(?:the|my|her|his|their|our)\s+[\w'’-]+(?:\s+[\w'’-]+)?)"
    r"\s+(?:is|says|reads)"
    r"|le\s+nom\s+(?:dessus|inscrit|sur\s+(?:la|le|ma|mon|sa|son)\s+[\w'’-]+"
    r"(?:\s+d[eu]\s+[\w'’-]+)?)\s+(?:c['’]est|est)"
)
_SELF = re.compile(
    r"(?i:\b(?:my\s+(?:full\s+|legal\s+)?name\s+is|my\s+names?(?:'s)?"
    r"|(?<![\w'’])(?:the\s+)?name['’]s|je\s+m['’]\s?appelle|de\s+la\s+part\s+de"
    r"|(?:le\s+nom|le\s+pr[ée]nom|the\s+(?:full\s+)?name)\s+(?:de|du|of)\s+(?:l['’]|la\s+|le\s+"
    r"|the\s+|my\s+|mon\s+|ma\s+|our\s+|notre\s+)?" + _KIN + r"\s+(?:est|is)"
    r"|(?:(?:my|our|the)\s+)?" + _KIN + r"['’]s\s+(?:full\s+)?name\s+is"
    r"|mon\s+nom\s+(?:complet\s+)?(?:est|c'est)|je\s+me\s+nomme|mijn\s+naam\s+is|ich\s+hei(?:ss|ß)e"
    r"|me\s+llamo|minu\s+nimi\s+on|signed|sign[ée]|cordialement|regards|sincerely"
    r"|(?:i'm|i\s+am|i’m)\s+called|on\s+m['’]appelle|they\s+call\s+me|" + _ON_A_CARD + r")\b[:,]?)"
    r"\s+" + _ONE_OR_MORE
)
# Someone else introduced by name, as a writer does for a neighbour, a client or a relative
# they write for ("her name is …", "il s'appelle …", "elle se nomme …"): a full name given
# so, two words at least, is personal on its own (test29 forms).
_THIRD_INTRODUCED = (
    r"(?:her|his|their)\s+(?:full\s+|legal\s+)?name\s+is|(?:she|he)\s+is\s+called"
    r"|(?:she|he)['’]s\s+called|(?:il|elle)\s+s['’]\s?appelle|(?:il|elle)\s+se\s+nomme"
    r"|(?:son|leur)\s+nom\s+(?:complet\s+)?(?:est|c['’]est)"
)
# Or named as the one the writer helps or writes for ("I'm helping Olga Petrenko apply …",
# "j'écris pour Thanh Nguyen …"), written as a name is.
_ACTING_FOR = (
    r"(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+(?:helping|assisting|supporting|writing\s+for"
    r"|filling\s+(?:this|it|the\s+form)\s+in\s+for)|j['’](?:[ée]cris|aide|accompagne)(?:\s+pour)?"
    r"|nous\s+(?:[ée]crivons\s+pour|aidons|accompagnons)"
)
_THIRD = re.compile(r"(?i:\b(?:" + _THIRD_INTRODUCED + r")\b[:,]?)\s+" + FULL_NAME)
_ACTING_FOR_NAME = re.compile(r"(?i:\b(?:" + _ACTING_FOR + r")\b)\s+" + FULL_NAME)
# A person, not a body: said "she" or "he" of after the name ("… apply for her son", "…,
# elle demande …"); a food bank or a school one helps is not.
_SAID_OF_A_PERSON = re.compile(r"(?i:\b(?:she|he|her|his|him|elle|il|lui)\b)")
_PERSON_REACH = 120
_ORGANISATION_END = re.compile(
    r"(?i:\b(?:club|association|society|group|trust|church|charity|ltd|limited|plc|company"
    r"|committee|union|network|foundation|asso|comit[ée]|soci[ée]t[ée]|entreprise|sarl|sas"
    r"|fondation|[ée]glise|paroisse)\b)"
)
# Whose name a home, a bill or an account is in ("c'est au nom de Dubreuil", "the tenancy is in
# the name of Okafor"): the household's surname (test29 forms). Said of a thing held, after a
# verb; "au nom de la mairie" or "in the name of God" opening a sentence is no one's.
_IN_THE_NAME_OF = re.compile(
    r"(?i:\b(?:c['’]est|est|sont|[ée]tait|is|are|was|were|it['’]?s|registered|put|mise?s?"
    r"|enregistr[ée]e?s?)\s+(?:(?:still|all|toujours|tout|encore|only|seulement)\s+)?"
    r"(?:(?:au|en)\s+nom\s+d[eu]|in\s+the\s+name\s+of|under\s+the\s+name(?:\s+of)?"
    # The name may stand in quotes, as copied from the document ("… au nom de « … »"):
    # test46 forms.
    r"|(?<=registered\s)to)\b)\s+(?:[«\"“‘'][ \t]*)?(?:(?:M|Mme|Mr|Mrs|Ms|Madame|Monsieur)\.?\s+)?"
    + _ONE_OR_MORE
)
# What one applied, registered or booked under: a name in full ("I applied in April under …",
# "the booking is listed under …", "inscrit sous le nom de …"): the applicant's (test53,
# spent). A body or a scheme after "under" ("under the Housing Act", "under Universal Credit")
# is no name: the words must be a name in full, and a body's ending is dropped.
_APPLIED_UNDER = re.compile(
    r"(?i:\b(?:applied|registered|booked|signed\s+up|enrolled|listed|filed|put\s+down|entered"
    r"|inscrite?s?|enregistr[ée]e?s?|r[ée]serv[ée]e?s?)\b[^.!?\n]{0,30}?"
    r"\b(?:under|sous)(?:\s+(?:the\s+)?name(?:\s+of)?|\s+le\s+nom\s+d[eu])?)[ 	]+" + FULL_NAME
)
# A title of nobility before a name in full ("le comte Aymeric de …", "la baronne Hélène …",
# "Lady Eleanor …", "Lord Peter …"): a person, as a titled name is (test52, spent). An office
# ("Lord Mayor", "Lady Mayoress", "Lord Lieutenant") or a place ("Lady Margaret Hall") is none.
_NOBLE_TITLED = re.compile(
    r"(?<![\w.])(?:(?i:comte|comtesse|marquis|marquise|baron|baronne|vicomte|vicomtesse|duc"
    r"|duchesse|prince|princesse)|Lord|Lady|Earl|Countess|Baroness|Viscount|Duke|Duchess)"
    r"[ \t]+(?!Mayor|Mayoress|Lieutenant|Chief|Chancellor|Justice|Provost|Chapel)" + FULL_NAME
)
# A sign-off: the message ends with a line (or a closing formula) that is only a name.
_SIGN_OFF = re.compile(
    r"(?:\n|(?i:\b(?:thanks|thank\s+you|regards|best|cheers|yours|sincerely|faithfully"
    r"|bien\s+[àa]\s+vous|cordialement|merci|salutations|amicalement|bonne\s+journ[ée]e)\b)"
    r"[,.!]?[ \t]*(?:\n|,)?)[ \t]*" + FULL_NAME + r"[ \t.!]*$"
)
# After a closing formula, a first name alone signs the message too ("regards - Pam").
_SIGN_OFF_FIRST_NAME = re.compile(
    r"(?i:\b(?:thanks|thank\s+you|regards|best|cheers|sincerely|bien\s+[àa]\s+vous|cordialement"
    r"|merci|amicalement|bises)(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+again|\s+beaucoup"
    r"|\s+infiniment|\s+bien|\s+mille\s+fois|\s+encore|\s+d['’]avance|\s+kindly|\s+warmly)?\b)"
    r"[ \t]*[,.!:–—-]?[ \t]*\n?[ \t]*(" + NAME_WORD + r")[ \t.!]*$"
)
# A greeting then "it's …" / "ici …" at the start of a message introduces the writer. Also after
# "hiya", "coucou", or as "this is …" ("hiya this is rose-marie … here"): issue 12, fixer P10.
_GREETING_SELF = re.compile(
    r"^\W*(?i:(?P<greeting>(?:hi|hiya|heya|hullo|hello|hey|good\s+(?:morning|afternoon|evening)"
    r"|bonjour|bonsoir|salut|coucou|rebonjour|all[oô])\W+)?"
    r"(?:it's|it’s|its|this\s+is|ici|c'est|c’est|moi\s+c'est)\s+(?:me\s+|moi\s+)?)"
    r"([A-Za-zÀ-ÿ][a-zß-öø-ÿ'’-]+\s[A-Za-zÀ-ÿ][A-Za-zß-öø-ÿ'’-]+)"
)
_SELF_PLAIN = re.compile(r"(?i:\b(?:i'm|i’m|i\s+am|im|this\s+is|je\s+suis)\b)\s+" + FULL_NAME)
# After an explicit introduction, names typed in lower case count too ("my name is john smith").
_SELF_LOWER = re.compile(
    r"(?i:\b(?:my\s+(?:full\s+|legal\s+)?name\s+is|my\s+name's|je\s+m['’]\s?appelle"
    r"|mon\s+nom\s+(?:complet\s+)?est|je\s+me\s+nomme|" + _THIRD_INTRODUCED + r")\s+)"
    r"([a-zß-öø-ÿ][a-zß-öø-ÿ'’-]+(?:\s[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]+){0,2})"
)
# Words that end a lower-case name ("my name is john smith and ...").
_BOUNDARY = frozenset(
    "and et i je j'ai how comment what quel quelle from here ici please svp merci thanks so"
    " donc but mais can could peux pourriez who where ou où when quand why pourquoi i'm im"
    " again encore".split()
)
# Words that say what follows "my name is" is not a name ("my name is spelt wrong").
_LOWER_STOP = _BOUNDARY | frozenset(
    "is est my mon ma de du in a à the le la on sur for pour with avec to au or also aussi"
    " not pas calling writing ecris missing wrong spelt spelled incorrect still already being"
    " listed changed different mentioned down right correct on off mal bien pas toujours"
    " deja déjà change changé écrit ecrit faux incorrect orthographie orthographié very really"
    " urgent about regarding concerning me just only too quite important late early been going"
    " an no yes ok okay fine good bad tres très pour par urgente".split()
)
_TITLED = re.compile(
    r"(?<![\w.])(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madame|Monsieur|Mademoiselle|Mme|Mlle"
    r"|Ma[iî]tre|Docteur|MR|MRS|MS|MISS|MME|MLLE|mr|mrs|mme|mlle)\.?|M\.)\s+"
    # A widow's title in French administrative style ("Mme veuve …", "Mme Vve …"): test33.
    r"(?:(?:veuve|Veuve|vve|Vve)\.?\s+)?(?:[A-Z]\.\s?){0,2}" + _ONE_OR_MORE
)
_LABELLED = re.compile(
    r"(?i:\b(?:(?:full\s+|first\s+|last\s+|given\s+|family\s+|legal\s+|maiden\s+)?name|surname"
    r"|forename|nom(?:\s+de\s+(?:famille|naissance|jeune\s+fille))?|pr[ée]noms?|nom\s+complet"
    r"|employee(?:\s+name)?|staff\s+member|worker|tenant|landlord|applicant|claimant|patient"
    r"|client|customer|pupil|student|child|beneficiary|account\s+holder|contact\s+person"
    r"|salari[ée]e?|employ[ée]e?|locataire|propri[ée]taire|demandeu(?:r|se)|b[ée]n[ée]ficiaire"
    r"|allocataire|enfant|[ée]l[èe]ve|titulaire|assur[ée]e?|patiente?|agent|de\s+la\s+part\s+de"
    # Who makes a declaration or a request on a form ("Déclarant : …", "Requérante : …",
    # "Declarant: …"): test45 forms.
    r"|d[ée]clarante?|requ[ée]rante?|d[ée]posante?|signataire|informant"
    r"|signed\s+by)\b)"
    # The value on the next line, unless that line is a field's name alone: a blank form's
    # "Name:" over "Date of birth:" gives no name (test27 forms, tests/bot/guards/
    # test_guard_pii_forms_pii27.py).
    r"[ \t]*[:=][ \t]*(?:\n(?!\s*[^\n]*[:=][ \t]*(?:\n|$))\s*)?" + _ONE_OR_MORE
)
# A pasted calendar invite's or event notice's field naming who organises or hosts it, at a
# line's start ("Organiser: …", "Host: …", "Organisatrice : …"): a private person's name, as
# any labelled name is; a council's officer ("Cllr … (Cabinet Member for …)") or a team named
# there is none (test42, spent).
_EVENT_LABELLED = re.compile(
    r"(?im:^[ \t>*-]*(?:organi[sz]er|organi[sz]ed\s+by|host(?:ed\s+by)?|invited\s+by"
    r"|organisat(?:eur|rice)|organis[ée]e?\s+par|h[ôo]te(?:sse)?|invit[ée]e?\s+par"
    r"|anim[ée]e?\s+par|animat(?:eur|rice))[ \t]*[:=][ \t]*)" + _ONE_OR_MORE
)
# A pasted e-mail's header naming who sent it, anywhere ("> From: …"), or who received it, at
# a line's start ("Cc: …", "À : …"); a value naming a unit or a role is no one's
# (`pii_headers.names_a_unit`).
_SENT_BY = re.compile(r"(?i:\b(?:" + SENDER_LABELS + r")\b)\s*[:=]\s*" + _ONE_OR_MORE)
_SENT_TO = re.compile(r"(?im:^[ \t>]*(?:" + LINE_LABELS + r")[ \t]*:[ \t]*)" + _ONE_OR_MORE)
# The writer's family, by the kin word after "my", "mon" or "ma" (the in-law, great- and
# great-great- forms too); and the other people a writer names the same way.
_FAMILY_EN = (
    r"son|daughter|husband|wife|partner|mum|mom|mother|father|dad|brother|sister|child|baby"
    r"|grandson|granddaughter|grandmother|grandfather|nan|gran|uncle|aunt|nephew|niece|cousin"
    r"|fianc[ée]e?|stepson|stepdaughter|stepmother|stepfather|great[- ]?(?:uncle|aunt|grandmother"
    r"|grandfather|nan|gran)|(?:mother|father|son|daughter|brother|sister)[- ]in[- ]law"
)
_GREAT_FR = r"(?:(?:arri[èe]re-)*grand-|beau-|belle-)?"
_FAMILY_FR_HIS = (
    rf"fils|mari|[ée]poux|{_GREAT_FR}p[èe]re|{_GREAT_FR}fr[èe]re|enfant|compagnon|conjoint"
    rf"|{_GREAT_FR}oncle|neveu|cousin|{_GREAT_FR}fils|petit-fils|arri[èe]re-petit-fils|filleul"
)
_FAMILY_FR_HER = (
    rf"fille|femme|[ée]pouse|{_GREAT_FR}m[èe]re|{_GREAT_FR}s(?:oe|œ)ur|compagne|conjointe"
    rf"|{_GREAT_FR}tante|ni[èe]ce|cousine|{_GREAT_FR}fille|petite-fille|arri[èe]re-petite-fille"
    r"|filleule"
)
_FAMILY_NAMED = re.compile(
    rf"(?i:\b(?:my|our)\s+(?:{_FAMILY_EN})|\b(?:mon|notre)\s+(?:{_FAMILY_FR_HIS})"
    rf"|\b(?:ma|notre)\s+(?:{_FAMILY_FR_HER}))\b,?\s+" + FULL_NAME
)
# A relative introduced by the first name alone ("my son Noah", "ma fille Chloé"): the name
# of someone the message is about, counted with a date of birth beside it (test51 forms). The
# word after the kin word must be a common given name, so "my son Saturday" is none.
_KIN_FIRST_NAME = re.compile(
    rf"(?i:\b(?:my|our)\s+(?:{_FAMILY_EN})|\b(?:mon|notre)\s+(?:{_FAMILY_FR_HIS})"
    rf"|\b(?:ma|notre)\s+(?:{_FAMILY_FR_HER}))\b,?[ \t]+"
    r"([A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?)(?![\w'’-])"
)


def kin_first_names(text: str) -> list[tuple[int, int]]:
    """The spans of first names introduced as the writer's relative (`_KIN_FIRST_NAME`)."""
    names = given_names()
    return [
        match.span(1)
        for match in _KIN_FIRST_NAME.finditer(text)
        if match.group(1).split("-")[0].lower() in names
    ]


_RELATIVE = re.compile(
    rf"(?i:\b(?:my|our)\s+(?:{_FAMILY_EN}|neighbour|neighbor|landlord|tenant|carer|employer|boss"
    r"|colleague|friend|ex)"
    rf"|\b(?:mon|notre)\s+(?:{_FAMILY_FR_HIS}|voisin|propri[ée]taire|employeur|patron|coll[èe]gue"
    r"|ami)"
    rf"|\b(?:ma|notre)\s+(?:{_FAMILY_FR_HER}|voisine|propri[ée]taire|coll[èe]gue|amie)"
    r"|\b(?:patient|account\s+holder|au\s+nom\s+de|a\s+nombre\s+de|made\s+by|claimant|employee"
    r"|tenant|applicant))\b,?\s+" + FULL_NAME
)
# Someone the writer cares for, named in full: "I look after …", "I'm a carer for …", "je suis
# aidante de …", "je m'occupe de …". Personal with another detail (their street, an illness).
_CARED_FOR = re.compile(
    r"(?i:\b(?:i\s+look\s+after|i\s+care\s+for|carer\s+(?:for|of|to)|je\s+m['’]occupe\s+(?:de|d['’])"
    r"|aidante?\s+(?:de|d['’])|je\s+prends\s+soin\s+(?:de|d['’])))\s*" + FULL_NAME
)
# Before a birth date, or a birth date shared ("…, both born …", "… sont toutes les deux nées
# le …": twins, siblings named together): issue 12, after the spent set test30.
_SHARED = (
    r"(?:(?:are|were)\s+)?(?:both|all(?:\s+(?:two|three|four))?|each|(?:sont\s+)?(?:tous|toutes)"
    r"(?:\s+(?:les\s+)?(?:deux|trois|quatre))?|(?:sont\s+)?les\s+deux)\s+"
)
_BEFORE_BIRTH = re.compile(
    FULL_NAME
    + r",?\s*[(,]?\s*(?i:"
    + _SHARED
    + r")?(?i:(?:born|dob|d\.o\.b|date\s+of\s+birth|n[ée]e?s?\s+le|n[ée]e?s?\s+en)\b"
    # A certificate's abbreviations before the date ("…, geb. 11.05.1939", "…, b. 3/9/1940"):
    # test50, spent.
    + r"|geb\.|b\.(?=[ \t]*\d))"
)
_HERE = re.compile(FULL_NAME + r"\s+here\b")


_TITLE_WORDS = frozenset("mr mrs ms miss mx dr m mme mlle madame monsieur".split())
# A word of the writer's own: a name in such a message is someone the writer deals with.
FIRST_PERSON = re.compile(
    r"(?i:\b(?:(?:i|i'm|i've|i'd|me|my|mine|myself|we|we're|our|us|je|moi|mon|ma|mes|nous"
    r"|notre|nos)(?=\W|$)|[jm]['’](?=\w)))"
)
# The surname is in a lookahead so that "Is Mark Carney" is also read from "Mark".
_GIVEN_FULL = re.compile(
    r"(?<![\w'’.-])(?P<given>[A-ZÀ-Þ][a-zß-öø-ÿ'’-]+(?:-[A-ZÀ-Þ][a-zß-öø-ÿ'’]+)*)(?=[ \t]"
    r"(?:(?:de|van|von|le|la|du|al|el|bin|ben|da|di)\s)?"
    # A double-barrelled surname, its second half capitalised ("Marchetti-Doumbia"): test42.
    r"(?P<surname>(?:Mc|O['’])?[A-ZÀ-Þ][a-zß-öø-ÿ'’-]+(?:(?<=-)[A-ZÀ-Þ][a-zß-öø-ÿ'’]+)?"
    r"|[A-Z]{4,})(?![\w'’-]))"
)
# Words beside a name that make it a place's, a building's or a day's, not a person's.
_PLACE_BEFORE = re.compile(
    r"(?i:\b(?:rue|avenue|boulevard|place|quai|all[ée]e|chemin|impasse|lyc[ée]e|coll[èe]ge"
    r"|[ée]cole|h[ôo]pital|m[ée]diath[èe]que|biblioth[èe]que|mus[ée]e|gare|stade|parc|pont"
    r"|centre|salle|institut|fondation|universit[ée]|st|saint|sainte|street|road|school|college"
    r"|hospital|museum|library|station|park|bridge|hall|church|prime minister|president"
    r"|pr[ée]sident|ministre|minister|king|queen|prince|princess|sir|dame|lord|lady|pope|pape"
    r"|general|g[ée]n[ée]ral|mp|mayor|maire|boulangerie|magasin|piscine|gymnase|m[ée]tro|cin[ée]ma"
    r"|restaurant|caf[ée]|pharmacie|clinique|councillor|conseill[èe]re?|senator|s[ée]nateur"
    r"|d[ée]put[ée]e?|cllrs?|clr|alderman|alderwoman|adjointe?(?: au maire| [àa] la maire)?"
    r"|maire-adjointe?)\.?\W{0,3}$)"
)
# A band, a category or a class given by one letter that ends a sentence ("en bande D. Si je
# paie …", "we're in band F. What's …"): the span tagger reads the letter and the next
# sentence's first word as an initial and a surname (issue 12, after the twenty-second
# held-out set). On the text before the span.
_GRADED_BEFORE = re.compile(
    r"\b(?:bande|band|tranche|categorie|catégorie|category|classe|class|grade|niveau|level|tier|"
    r"zone|type|groupe|group|lettre|letter|echelon|échelon|secteur|sector|bloc|block|batiment|"
    r"bâtiment|escalier|stair|plan)\s*$",
    re.IGNORECASE,
)
_LETTER_ENDS_SENTENCE = re.compile(r"[A-Z]\.")

_PLACE_AFTER = re.compile(
    r"(?i:^\W{0,3}(?:street|road|avenue|lane|way|square|college|school|academy|hospital|hospice"
    r"|museum|library|centre|center|station|house|hall|park|bridge|day|prize|trust|foundation"
    r"|institute|university|memorial|stadium|airport|building|court|primary|secondary|high"
    r"|grammar|church|chapel|mosque|temple|theatre|theater|gallery|estate|ward|metro|m[ée]tro"
    r"|tube|film|films|movie|show|concert|exhibition|statue|stadium|arena"
    # A leisure or waterside venue ("Riverside Lido", "Ferry Wharf"): test47 forms.
    r"|lido|baths|leisure|pavilion|marina|harbour|pier|quay|wharf|cemetery|crematorium|zoo"
    r"|cinema|racecourse|piscine|gym"
    # An office named in capitals ("Register Office", "Housing Office"): test23 forms.
    r"|office|offices|registry"
    # An organisation's name ("Exampleton City Council", "Westbrook Borough"): test32 forms.
    r"|council|borough|department|services|authority|association|society|ltd|limited|plc)\b)"
)


@functools.cache
def given_names() -> frozenset[str]:
    """Common given names (bot/guards/data/pii/given_names.txt), lower case."""
    text = resources.files("bot").joinpath("guards", "data", "pii", "given_names.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def _unaccented_given_names() -> frozenset[str]:
    return frozenset(_unaccented(name) for name in given_names())


def _unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _common_given(word: str) -> bool:
    """A common given name, also typed without its accents ("leonie", "helene"), as phones
    and SMS French do (test22 forms). The span tagger's feature keeps the list as it is."""
    word = word.lower()
    return word in given_names() or _unaccented(word) in _unaccented_given_names()


def common_given_name(word: str) -> bool:
    """A common given name, typed with or without its accents ("loic", "helene")."""
    return _common_given(word)


def is_given_name(word: str, names: frozenset[str]) -> bool:
    """A common given name, or a compound that starts with one ("Ellie-Mae", "Lily-Rose"):
    test20. "Saint-Denis" does not."""
    word = word.lower()
    if word in names:
        return True
    parts = word.split("-")
    return len(parts) > 1 and parts[0] in names and all(parts[1:])


def _given_and_surname(text: str) -> Iterator[tuple[int, int]]:
    """A common given name and a surname, in a message where the writer speaks of themself."""
    if FIRST_PERSON.search(text) is None:
        return
    names = given_names()
    for match in _GIVEN_FULL.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        if not is_given_name(given, names) or surname in _NOT_NAMES or given in _NOT_NAMES:
            continue
        end = match.end("surname")
        if _PLACE_AFTER.match(surname) or in_a_title(text, match.start(), end):
            continue
        yield match.start(), end


# A name as the subject of a work, a display or an event ("novels by Ann Example", "une
# exposition sur Marie Example", "the Jane Example centenary"): an author or a figure the
# message asks about, not someone it gives the details of.
_TOPIC_BEFORE = re.compile(
    r"(?i:\b(?:books?|novels?|poems?|poetry|plays?|stories|works?|writings?|films?|songs?"
    r"|music|paintings?|pictures?|biograph(?:y|ies)|exhibitions?|displays?|talks?|lectures?"
    r"|events?|celebrations?|tributes?|readings?|workshops?|festivals?|quotes?|quotations?"
    r")\s+(?:(?:written\s+|painted\s+|sung\s+)?by|about|on)"
    r"|\b(?:romans?|livres?|albums?|[œo]e?uvres?|po[èe]mes?|pi[èe]ces?|films?|chansons?"
    r"|tableaux|biographies?|expositions?|expos?|conf[ée]rences?|ateliers?|lectures?"
    r"|spectacles?|soir[ée]es?|f[êe]tes?|festivals?|citations?|textes?|contes?)"
    r"\s+(?:[ée]crits?\s+par\s+|(?:consacr[ée]e?s?|d[ée]di[ée]e?s?)\s+[àa]\s+|sur\s+"
    r"|autour\s+de\s+|de\s+|d['’]|par\s+|[àa]\s+propos\s+de\s+)"
    r"|\b(?:hommage|tribute)\s+(?:[àa]|to)"
    r")\s*$"
)
_TOPIC_AFTER = re.compile(
    r"(?i:^['’]?s?\s+(?:anniversary|centenary|centennial|bicentenary|bicentennial|birthday"
    r"|day|week|night|festival|season|award|prize|lecture|exhibition|collection|trail"
    r"|anniversaire|centenaire|bicentenaire|festival|exposition)\b)"
)


_PARTICLE_AND_SURNAME = re.compile(rf"[ \t]{_PARTICLE}?{NAME_WORD}(?:[ \t]{NAME_WORD})?")
_PARTICLE_WORDS = frozenset(
    "de van von der den la le del da dos du bin ibn al el ap ab ferch verch Ó Ua Uí Ní Nic Mac"
    " Mhic".split()
)
# How far before a title its office may start, portfolio included.
_OFFICE_REACH = 90


def in_a_title(text: str, start: int, end: int) -> bool:
    """Whether a name is part of a place's or building's name, inside a capitalised title
    ("Queen Elizabeth Grammar", "rue Jean Moulin", "St George's Day"), or the subject of a
    work or an event ("romans de Michel Example", "the Ann Example anniversary")."""
    before = text[max(0, start - _OFFICE_REACH) : start]
    # A colon between a place's word and the name makes the name the value of a label ("Pour
    # l'inscription à l'école : Inès …"), not the place's name (test42, spent).
    labelled = before.rstrip(" \t\u00a0").endswith(":")
    if (
        (not labelled and _PLACE_BEFORE.search(before[-24:]))
        or _PLACE_AFTER.match(text[end : end + 24])
        or _TOPIC_BEFORE.search(before[-40:])
        or _TOPIC_AFTER.match(text[end : end + 24])
    ):
        return True
    # A name read without its particle and surname ("Hugo" or "Hugo du" of "Hugo du Plessis,
    # directeur général adjoint des services"): the office follows the whole name (test52).
    rest = _PARTICLE_AND_SURNAME.match(text, end)
    if rest is not None and rest.group(0).split()[0] not in _PARTICLE_WORDS:
        # Without a particle, only after a span that ends in one ("Hugo du")
        last = text[start:end].split()[-1:]
        rest = rest if last and last[0] in _PARTICLE_WORDS else None
    if rest is not None and office_after(text, rest.end()):
        return True
    if _OFFICE_QUALIFIED.search(before[-40:]) or office_after(text, end):
        # "la conseillère départementale …" (test19 forms), "…, directeur du logement à la
        # mairie" (test27 forms), "…, Head of Housing Services" (test28 forms): the office's
        # holder
        return True
    title = _TITLE_AT_END.search(before)
    # "notre députée, Mme …", and with no title "the mayor of our twin town, …" (test33
    # forms): the office's holder.
    if _OFFICE_BEFORE_TITLE.search(before, 0, title.start() if title else len(before)):
        return True
    before = before[-24:]
    words = before.split()
    if len(words) < 2 or words[-2].endswith((".", "!", "?", ":", ",")):
        return False  # the word before starts a sentence: capitalised anyway
    previous = words[-1]
    titled = previous.lower().rstrip(".") in _TITLE_WORDS
    return previous[:1].isupper() and previous not in ("I", "I'm", "I’m") and not titled


# Particles written with a capital inside a surname ("Mme Le Goff", "Mr De Souza").
_CAPITAL_PARTICLES = frozenset("Le La Les De Du Des Van Von Da Di Del Della Dos".split())
# Offices written with a capital after a title or "je suis" ("Madame La Maire").
_ROLES = frozenset(
    "maire directeur directrice préfet préfète prefet prefete président présidente president"
    " presidente ministre personne responsable juge conseiller conseillère conseillere député"
    " députée depute deputee sénateur sénatrice senateur chef secrétaire secretaire".split()
)


def _real(span_text: str) -> bool:
    words = span_text.replace("\t", " ").split(" ")
    if any(w.lower() in _ROLES for w in words):
        return False  # "Mme La Maire", "Je suis Le Directeur": an office, not a name
    words = [w for i, w in enumerate(words) if not (w in _CAPITAL_PARTICLES and i + 1 < len(words))]
    return bool(words) and not any(w in _NOT_NAMES for w in words[:2])


def _spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    for match in pattern.finditer(text):
        group = match.lastindex or 0
        start, end = match.span(group)
        if _real(match.group(group)) and not _PLACE_AFTER.match(text[end : end + 24]):
            yield start, end


def _closed_name(text: str, start: int, words: list[str]) -> tuple[int, int] | None:
    """The leading name words, if what follows them ends the name (punctuation, end, 'and')."""
    kept: list[str] = []
    for word in words:
        if word.strip("'’") in _LOWER_STOP or word.title() in _NOT_NAMES:
            break
        kept.append(word)
    if not kept:
        return None
    end = start + len(" ".join(kept))
    rest = text[end:].lstrip()
    following = rest.split(maxsplit=1)[0].lower().strip(".,;:!?") if rest else ""
    if rest and rest[0].isalnum() and following not in _BOUNDARY:
        return None
    return start, end


_CALLER_GOES_ON = ("again", "here", "speaking", "calling", "from", "encore", "de nouveau")


def _introduced_so(text: str, span: tuple[int, int], match: re.Match[str]) -> bool:
    """Whether `_GREETING_SELF`'s name introduces the writer: a name in lower case starts with
    a common given name (either half of a hyphenated one: "kerry-ann", "ann-marie"), so "its
    kerbside collection again" names no one; without a greeting, the writer goes on as a
    caller does ("It's Sarah Ng again", "... here", "... speaking")."""
    given = text[span[0] : span[1]].split(maxsplit=1)[0]
    if given.islower() and not any(_common_given(half) for half in given.split("-")):
        return False
    if match.group("greeting") is not None:
        return True
    return text[span[1] :].lstrip().lower().startswith(_CALLER_GOES_ON)


def _lower_case_own_names(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_SELF_LOWER, _GREETING_SELF):
        for match in pattern.finditer(text):
            name = match.group(match.lastindex or 0)
            span = _closed_name(text, match.start(match.lastindex or 0), name.split())
            if span is None:
                continue
            # "It's Christmas Eve, ..." is no introduction: without a greeting, the writer
            # must go on as a caller does ("It's Sarah Ng again", "... here", "... speaking").
            if pattern is _GREETING_SELF and len(text[span[0] : span[1]].split()) < 2:
                continue
            if pattern is _GREETING_SELF and not _introduced_so(text, span, match):
                continue
            yield span


# A full name typed in lower case, introduced ("im kofi example in year 9", "yeah so i'm ann
# example and …") or saying who writes ("ann example speaking", "ann example, that's me").
_LOWER_PAIR = r"([a-zß-öø-ÿ][a-zß-öø-ÿ]+)\s([a-zß-öø-ÿ](?:[a-zß-öø-ÿ]|['’-](?=[a-zß-öø-ÿ])){1,30})"
_LOWER_INTRODUCED = re.compile(
    r"(?:^|(?<=[\s,;:!?.(]))(?:i['’]m|im|i\s+am|this\s+is|it['’]?s\s+me|je\s+suis"
    r"|moi\s+c['’]est|c['’]est)\s+" + _LOWER_PAIR + r"(?=[\s,.;:!?)]|$)"
)
_LOWER_SAYS_WHO = re.compile(
    r"(?:^|(?<=[\s,;:!?.(]))" + _LOWER_PAIR + r",?\s+(?:speaking|here\b(?!\s+(?:is|are|in|at))"
    r"|calling|that['’]s\s+me|it['’]s\s+me|c['’]est\s+moi|qui\s+vous\s+[ée]cri\w*"
    r"|[àa]\s+l['’]appareil)"
)
# A name signed after a colon, in lower case ("je signe comme ça : ann example, locataire").
_LOWER_SIGNED = re.compile(
    r"(?i:\b(?:je\s+signe|signed|signing|sign[ée]e?|signature)\b[^:\n]{0,40}:\s*)"
    + _LOWER_PAIR
    + r"(?=[\s,.;:!?)]|$)"
)
_LOWER_ON_A_CARD = re.compile(
    r"(?i:\b(?:" + _ON_A_CARD + r")\s+)" + _LOWER_PAIR + r"(?=[\s,.;:!?)]|$)"
)
# A relative, a neighbour or someone behind a title named in lower case ("my daughter freya
# example born …", "ma voisine mme josiane example"): test22 forms. The given name must be a
# common one; a relative's name is personal with another detail, a titled one on its own.
_LOWER_KIN = re.compile(
    r"(?:^|(?<=[\s,;:!?.(]))(?:(?:my|our)\s+(?:son|daughter|husband|wife|partner|mum|mom"
    r"|mother|father|dad|brother|sister|child|grandson|granddaughter|grandmother|grandfather"
    r"|nan|gran|nephew|niece|neighbour|neighbor|tenant|lodger|friend|stepson|stepdaughter)"
    r"|(?:mon|notre)\s+(?:fils|mari|p[èe]re|fr[èe]re|enfant|voisin|ami|neveu|petit-fils"
    r"|compagnon|conjoint|locataire)"
    r"|(?:ma|notre)\s+(?:fille|femme|m[èe]re|s(?:oe|œ)ur|voisine|amie|ni[èe]ce|petite-fille"
    r"|compagne|conjointe|locataire)),?\s+" + _LOWER_PAIR + r"(?=[\s,.;:!?)]|$)"
)
_LOWER_TITLED = re.compile(
    r"(?:^|(?<=[\s,;:!?.(]))(?:mr|mrs|ms|miss|mx|dr|mme|mlle|madame|monsieur)\.?\s+"
    + _LOWER_PAIR
    + r"(?=[\s,.;:!?)'’]|$)"
)
# Words after an introduced pair that close it as a name ("… in year 9", "… from no. 12").
_AFTER_LOWER_NAME = _BOUNDARY | frozenset(
    "in from at of speaking here calling again et à de du aged age year if si".split()
)
# Words after a relative's pair that close it as a name ("my son … born …", "… who …", "…
# wants …", "… voudrait …").
_AFTER_KIN_NAME = _AFTER_LOWER_NAME | frozenset(
    "born née nee né ne n'a n'est who qui is was has had est a needs can't cannot"
    " doesn't won't will peut doit wants wanted would asked says said lives lived likes"
    " veut voudrait aimerait demande habite vit".split()
)
# Given names that are also ordinary words, left out of `given_names.txt` (which the span
# tagger reads as a feature): a name only right after a relative's word, as a pair in lower
# case ("my nan olive baker wants …", "ma fille rose lebrun voudrait …"); issue 12, after the
# spent set test30.
_WORD_GIVEN = frozenset(
    "olive hope rose poppy ivy holly faith joy pearl violet iris hazel willow summer autumn"
    " april june florence rowan hunter mason noel noël violette fleur aurore prune capucine"
    " victoire constance clemence clémence patience marguerite blanche pierre".split()
)
# Word endings of verbs and adverbs, which a surname rarely has ("i'm mark leaving", "slowly").
_NOT_SURNAME_ENDINGS = ("ing", "ed", "ly", "ment", "ais", "ait", "ons", "ez")


def _lower_pairs(
    pattern: re.Pattern[str],
    text: str,
    closing: frozenset[str] | None,
    words: frozenset[str] = frozenset(),
) -> Iterator[tuple[int, int]]:
    """A common given name (or one of `words`) and a surname in lower case after `pattern`'s
    words; with `closing`, the word after them (if any) must be one of those."""
    for match in pattern.finditer(text):
        given, surname = match.group(1), match.group(2)
        if not (_common_given(given) or given in words) or surname.strip("'’-") in _LOWER_STOP:
            continue
        if _common_given(surname) or surname.endswith(_NOT_SURNAME_ENDINGS):
            continue
        if surname.title() in _NOT_NAMES:
            continue
        if closing is not None:
            rest = text[match.end(2) :].lstrip()
            word = re.match(r"[\w'’-]+", rest)
            if rest and word is not None and word.group(0).lower() not in closing:
                continue
        yield match.start(1), match.end(2)


def _lower_case_full_names(text: str) -> Iterator[tuple[int, int]]:
    yield from _lower_pairs(_LOWER_SAYS_WHO, text, None)
    for pattern in (_LOWER_INTRODUCED, _LOWER_SIGNED, _LOWER_ON_A_CARD):
        yield from _lower_pairs(pattern, text, _AFTER_LOWER_NAME)
    for start, end in _lower_pairs(_LOWER_TITLED, text, None):
        # "the mayor, mrs …" names the office's holder, a public person.
        title = text.rfind(" ", 0, start - 1) + 1
        if not _OFFICE_BEFORE_TITLE.search(text, max(0, title - _OFFICE_REACH), title):
            yield start, end


# A French council's portfolios, as its councillors' titles name them.
_PORTFOLIOS_FR = (
    r"logements?|culture|sports?|jeunesse|urbanisme|finances|[ée]ducation|affaires\s+scolaires"
    r"|solidarit[ée]s?|environnement|voirie|propret[ée]|transports?|mobilit[ée]s?|s[ée]curit[ée]"
    r"|tranquillit[ée]\s+publique|sant[ée]|commerces?|travaux|[ée]tat\s+civil|espaces\s+verts"
    r"|petite\s+enfance|enfance|seniors|personnes\s+[âa]g[ée]es|handicap|d[ée]chets"
    r"|vie\s+associative|associations|quartiers?|[ée]conomie|emploi|tourisme|patrimoine"
    r"|num[ée]rique|citoyennet[ée]|f[êe]tes|c[ée]r[ée]monies|cimeti[èe]res|march[ée]s"
    r"|[ée]coles|famille|familles|restauration\s+scolaire|personnel|ressources\s+humaines"
)


# A public office, then the title of its holder in apposition: "the mayor, Mrs …", "le maire,
# M. …", "notre députée, Mme …", "the council leader, Dr …". The holder is named as the office's,
# a public person, as "Councillor …" or "Mayor …" right before a name already is.
_OFFICE_BEFORE_TITLE = re.compile(
    r"(?i:\b(?:(?:lord |deputy )?mayor|maire(?:[- ]adjointe?)?|adjointe? (?:au|[àa] la) maire"
    r"|councillor|cllr|council leader|leader of the council|chief executive|mp"
    r"|member of parliament|d[ée]put[ée]e?|s[ée]nat(?:eur|rice)|ministre|minister"
    r"|pr[ée]f[eè]te?|conseill[eè]re? (?:municipale?|d[ée]partementale?|r[ée]gionale?)"
    r"|pr[ée]sidente? (?:du conseil|de la r[ée]gion|du d[ée]partement)|cabinet member"
    r"|conseill[eè]re? municipale? d[ée]l[ée]gu[ée]e?"
    # A statutory officer of the registration service, the coroner's court or the elections
    # (test36, spent): "the Superintendent Registrar, Mrs …", "le coroner d'Exampleton, M. …",
    # "l'officier d'état civil, Mme …", "the Returning Officer, Mr …".
    r"|(?:(?:superintendent|deputy|additional|senior|assistant|area)\s+)?(?:registrar|coroner)"
    r"(?:\s+adjointe?)?|offici(?:er|[eè]re) (?:de l['’]|d['’])\s*[ée]tat civil|returning officer"
    r"|electoral registration officer"
    # A council's services' head (test30): "le directeur des services techniques, M. …", "the
    # head of housing services, Ms …".
    r"|(?:(?:assistant|deputy)\s+)?(?:director|head)\s+of\s+(?:the\s+council['’]s\s+)?"
    r"(?:[\w'’-]+\s+){0,3}services?"
    r"|(?:directeur|directrice|chef|cheffe|responsable)(?:\s+g[ée]n[ée]ral(?:e)?|\s+adjointe?)?"
    r"\s+des\s+services(?:\s+(?:techniques|municipaux|urbains|de\s+la\s+ville))?"
    # A public service's head named by the service (test33 forms): "la responsable des
    # bibliothèques, Mme …", "the head of libraries, Mr …".
    r"|(?:directeur|directrice|chef|cheffe|responsable)\s+(?:des|du|de\s+la|de\s+l['’])\s*"
    r"(?:biblioth[èe]ques?|m[ée]diath[èe]ques?|mus[ée]es?|archives|piscines?|parcs|sports"
    r"|espaces\s+verts|[ée]coles|affaires\s+scolaires|logement|d[ée]chets|propret[ée]|voirie"
    r"|[ée]tat\s+civil|culture|jeunesse)"
    # The service's main building qualified (test38, spent): "le responsable de la
    # bibliothèque centrale, M. …", "la directrice de la médiathèque municipale, Mme …".
    r"(?:\s+(?:centrale?|municipale?|principale?))?"
    # A deputy mayor named by the portfolio alone (test38, spent): "l'adjointe au logement,
    # Mme …", "l'adjoint à la culture, M. …" (a council office; a private "adjoint" has none).
    r"|adjointe?\s+(?:au|aux|[àa]\s+la|[àa]\s+l['’])\s*(?:logement|culture|sports?|jeunesse"
    r"|urbanisme|finances|[ée]ducation|affaires\s+scolaires|solidarit[ée]s?|environnement"
    r"|voirie|propret[ée]|transports?|s[ée]curit[ée]|sant[ée]|commerce|travaux|[ée]tat\s+civil)"
    r"|(?:head|director|manager)\s+of\s+(?:the\s+)?(?:libraries|library\s+service|museums"
    r"|archives|leisure|parks|culture|schools|education|waste|highways)"
    # A councillor named by a council portfolio alone, without "municipal" (test41, spent):
    # "la conseillère chargée du logement, Mme …", "le conseiller délégué aux sports, M. …",
    # "l'élue chargée de la voirie, Mme …". A private adviser ("ma conseillère bancaire", "la
    # conseillère chargée de mon dossier") has no such portfolio.
    # A deputy mayor named so too ("l'adjointe chargée des marchés, Mme …", "l'adjoint délégué
    # aux sports, M. …"): test46 forms.
    r"|(?:conseill[eè]re?|[ée]lue?|adjointe?)\s+(?:charg[ée]e?\s+(?:de\s+la|de\s+l['’]|du|des|de)"
    r"|d[ée]l[ée]gu[ée]e?\s+(?:[àa]\s+la|[àa]\s+l['’]|aux?|[àa]))\s*"
    rf"(?:{_PORTFOLIOS_FR})(?:\s+(?:et|and)\s+[\w'’ -]{{2,40}}?)?)"
    # The office's portfolio between it and its holder (test21 forms): "l'adjoint au maire
    # chargé du logement, M. …", "the councillor responsible for parks, Mrs …".
    r"(?:\s+(?:charg[ée]e? d(?:e la|e l['’]|u|es|e)"
    r"|d[ée]l[ée]gu[ée]e? (?:[àa] la|[àa] l['’]|aux?|[àa])"
    r"|in charge of|responsible for|with responsibility for|for)\s*[\w'’ -]{2,40}?)?"
    # The place the office is of: "le maire d'Exampleton, Mme …", "the Mayor of Exampleton, Mr …".
    r"(?:\s+(?:of(?: the)?|d['’]|de(?: la| l['’])?)\s*[\w'’ -]{2,40}?)?"
    r"\s*[,(–—-]\s*$)"
)
# Any post in the council's staff, the council named with it, then its holder's title in
# apposition ("the council's head of school crossing patrols, Mr …", "the town's lead officer
# for allotments, Ms …", "le responsable des patrouilles scolaires de la ville, M. …", "la
# directrice des sports de la mairie, Mme …"): a public officer named by the post, as with
# the services listed above (test45 forms). A resident's own or a relative's name has no such
# post before it ("my son, …", "I'm the caretaker, …").
_POST_WORD_EN = (
    r"(?:head|director|manager|officer|lead|leader|co-?ordinator|supervisor|chief|administrator"
    r"|superintendent)"
)
_POST_WORD_FR = (
    r"(?:responsable|directeur|directrice|chef|cheffe|coordinat(?:eur|rice)|gestionnaire"
    r"|charg[ée]e?\s+de\s+mission|r[ée]f[ée]rente?|administrat(?:eur|rice))"
)
_COUNCIL_POST_BEFORE_TITLE = (
    r"(?i:\b(?:(?:council|town|city|borough|county|town\s+hall|city\s+hall)['’]s"
    r"\s+(?:(?:acting|interim|deputy|assistant|senior|principal|chief|lead)\s+)?"
    rf"{_POST_WORD_EN}\b[\w'’ &-]{{0,50}}?"
    rf"|{_POST_WORD_EN}(?:\s+(?:of|for)\s+[\w'’ &-]{{2,50}}?)?\s+(?:at|of|for|with|in)\s+"
    r"(?:the\s+)?"
    r"(?:council|town\s+hall|city\s+hall|[\w'’-]+\s+(?:city\s+|borough\s+|county\s+)?council)"
    rf"|{_POST_WORD_FR}(?:\s+adjointe?)?\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’])\s*"
    r"[\w'’ &-]{2,50}?\s+(?:de\s+la\s+ville|de\s+la\s+mairie|de\s+la\s+commune"
    r"|municipa(?:l|le|ux|les)|de\s+la\s+m[ée]tropole|du\s+conseil\s+\w+"
    r"|de\s+l['’]\s*h[ôo]tel\s+de\s+ville|[àa]\s+la\s+mairie|[àa]\s+l['’]\s*h[ôo]tel\s+de\s+ville"
    # A service only a council runs, named after the post ("le responsable des mariages à
    # l'état civil, M. …"): test46 forms.
    r"|(?:[àa]|de)\s+l['’]\s*[ée]tat\s+civil|(?:au|du)\s+service\s+(?:de\s+l['’]\s*)?[ée]tat\s+civil))"
    r"\s*[,(–—]\s*$)"
)
_OFFICE_BEFORE_TITLE = re.compile(
    f"(?:{_OFFICE_BEFORE_TITLE.pattern})|(?:{_COUNCIL_POST_BEFORE_TITLE})"
)


# An elected office with its adjective right before a name ("le conseiller départemental …",
# "les conseillères municipales … et …", "la maire adjointe …"): the office's holder.
_OFFICE_QUALIFIED = re.compile(
    r"(?i:\b(?:conseill[eè]re?s?|d[ée]l[ée]gu[ée]e?s?|[ée]lu(?:e|s|es)?|maires?|adjointe?s?)\s+"
    r"(?:municipa(?:le?s?|ux)|d[ée]partementa(?:le?s?|ux)|r[ée]giona(?:le?s?|ux)"
    r"|communautaires?|adjointe?s?|d['’]arrondissement)\W{0,3}$)"
)
# The holder's office in apposition right after a name: "M. …, directeur du logement à la
# mairie", "Mrs …, Head of Housing", "…, our ward councillor" (test27 forms): a public
# officer named with their role, as "the mayor, Mrs …" before a name already is.
# A signature block puts the post on the line under the name ("…\nHead of Parking Services",
# "…\nResponsable du service Voirie"): the line break stands for the comma (test41, spent).
# Or the office said of the name ("Is Mr … still the Superintendent Registrar?", "Mme … est
# toujours la directrice générale des services"): the office's holder too (test53, spent).
_HOLDER_IS = (
    r"[ \t]+(?:(?:is|was|remains|est(?:-(?:il|elle))?|reste)[ \t]+"
    r"(?:(?:still|now|currently|toujours|encore|actuellement)[ \t]+)?"
    r"|(?:still|now|currently|toujours|encore|actuellement)[ \t]+)"
)
_APPOSED_OFFICE = (
    rf"(?i:(?:[ \t]*(?:[,(–—-]|\n)[ \t]*|{_HOLDER_IS})"
    r"(?:(?:the|our|your|my|notre|votre|le|la|l['’]|who\s+is|qui\s+est)\s+){0,2}"
)
_OFFICE_AFTER = re.compile(
    _APPOSED_OFFICE + r"(?:(?:lord\s+|deputy\s+)?mayor|maire(?:-adjointe?)?|adjointe?\s+au\s+maire"
    r"|(?:ward\s+|county\s+|borough\s+)?councill?or|cllr|cabinet\s+member|council\s+leader"
    r"|leader\s+of\s+the\s+council|chief\s+executive|conseill[eè]re?\s+municipale?"
    r"|d[ée]put[ée]e?|member\s+of\s+parliament|mp"
    r"|(?:(?:superintendent|deputy|additional|senior|assistant|area)\s+)?(?:registrar|coroner)"
    r"|returning\s+officer|officier\s+d['’]\s*[ée]tat\s+civil)\b)"
)
# A post in a council's staff counts with the council named after it ("…, Head of Housing at
# the council", "…, directeur du logement à la mairie"); a firm's director is a private person.
_POST_AFTER = re.compile(
    _APPOSED_OFFICE + r"(?:(?:assistant\s+|deputy\s+)?director|(?:deputy\s+)?head|service"
    r"\s+manager|directeur|directrice|chef|cheffe|responsable)\b)[^.!?\n]{0,60}?\b"
    r"(?i:council|housing|town\s+hall|city\s+hall|exampleton|mairie|h[ôo]tel\s+de\s+ville"
    r"|ville|commune|logement|services?\s+municipa\w+|collectivit[ée])\b"
)


# A council post named by its service before the post's word, as a letter is signed ("…,
# Markets Service Manager", "…, Licensing Team Leader", "…, Parking Services Manager"), or in
# French by the service after it ("…, responsable des marchés"): the post's holder, a public
# officer (test34 forms). A private job ("…, a shop manager", "…, responsable d'un magasin") is
# none.
_PUBLIC_SERVICES_EN = (
    r"markets?|parking|licensing|housing|waste|recycling|planning|highways|revenues?|benefits"
    r"|libraries|library|leisure|environmental(?:\s+health)?|bereavement|registration"
    r"|electoral|elections|trading\s+standards|council\s+tax|street\s+(?:scene|trading|care)"
    r"|parks|cemeteries|building\s+control|regeneration|customer\s+services|neighbourhood"
)
_PUBLIC_SERVICES_FR = (
    r"march[ée]s|stationnement|d[ée]chets|voirie|propret[ée]|urbanisme|logement|biblioth[èe]ques?"
    r"|m[ée]diath[èe]ques?|mus[ée]es?|archives|piscines?|parcs|sports|espaces\s+verts|[ée]coles"
    r"|affaires\s+scolaires|[ée]tat\s+civil|[ée]lections|cimeti[èe]res|taxe\s+locale"
    # A council's directorates ("…, directeur des Finances", "…, directrice de la santé
    # publique", "…, directeur de l'action sociale"): issue 12, after test54 and test55.
    r"|finances?|sant[ée]\s+publique|ressources\s+humaines|affaires\s+sociales|action\s+sociale"
    r"|solidarit[ée]s|culture|jeunesse|[ée]ducation|transports|environnement|travaux"
    r"|services\s+techniques|habitat|citoyennet[ée]"
)
# A firm's or a bank's department after such a post ("…, directeur des finances de la société
# …", "…, directrice de la culture chez …"): a private person's job, no council post.
_PRIVATE_AFTER = (
    r"(?![ \t]+chez\b|[ \t]+(?:de|du|d['’])[ \t]*(?:la[ \t]+|l['’][ \t]*|une?[ \t]+|le[ \t]+)?"
    r"(?:soci[ée]t[ée]|entreprise|groupe|banque|cabinet|sarl|sas|clinique|laboratoire|magasin"
    r"|usine|association)\b)"
)
_SERVICE_TITLE_AFTER = re.compile(
    r"(?i:[ \t]*(?:[,(–—-]|\n)[ \t]*(?:(?:the|our|your|la|le|l['’])\s+)?(?:council['’]s\s+)?"
    r"(?:(?:acting|interim|deputy|assistant|senior|principal)\s+)?"
    rf"(?:{_PUBLIC_SERVICES_EN})\s+(?:(?:services?|team|unit|section|office)\s+)?"
    r"(?:manager|leader|director|officer|lead|supervisor|co-?ordinator|head)\b"
    r"|[ \t]*(?:[,(–—-]|\n)[ \t]*(?:(?:la|le|l['’])\s*)?(?:responsable|directeur|directrice|chef"
    r"|cheffe|adjointe?|gestionnaire)\s+(?:adjointe?\s+)?(?:des|du|de\s+la|de\s+l['’])\s*"
    rf"(?:{_PUBLIC_SERVICES_FR})\b{_PRIVATE_AFTER})"
)


# The same council post before its holder's title, in apposition ("the Licensing Manager, Mr
# …", "the Parking Services Manager, Ms …", "la responsable du service urbanisme, Mme …", "le
# chef du service des cimetières, M. …"): the post's holder, a public officer, as with the post
# after the name (issue 12, fixer P5, after test56: a licensing manager's name blocked). Only
# after "the"/"le"/"la", the post right before the title: "my housing officer, Mrs …" and "the
# licensing manager of the Red Lion, Mr …" (a pub's) are no council post so named.
_SERVICE_POST_BEFORE_TITLE = (
    r"(?i:\b(?:the|le|la|l['’])\s*(?:council['’]s\s+)?"
    r"(?:(?:acting|interim|deputy|assistant|senior|principal)\s+)?"
    rf"(?:{_PUBLIC_SERVICES_EN})\s+(?:(?:services?|team|unit|section|office)\s+)?"
    r"(?:manager|leader|director|officer|lead|supervisor|co-?ordinator|head)"
    r"|\b(?:la|le|l['’])\s*(?:responsable|directeur|directrice|chef|cheffe|adjointe?"
    r"|gestionnaire)\s+(?:adjointe?\s+)?(?:du\s+service\s+(?:de\s+l['’]\s*|des\s+|du\s+"
    r"|de\s+la\s+|d['’]\s*)?|des|du|de\s+la|de\s+l['’])\s*"
    rf"(?:{_PUBLIC_SERVICES_FR})\b{_PRIVATE_AFTER})"
    r"\s*[,(–—]\s*$"
)
_OFFICE_BEFORE_TITLE = re.compile(
    f"(?:{_OFFICE_BEFORE_TITLE.pattern})|(?:{_SERVICE_POST_BEFORE_TITLE})"
)

# A council post asked about, then its holder named ("Who is the council's school catering
# manager now? … it's a Ms …, is that right?", "Qui est la responsable de la restauration
# scolaire à la mairie ? C'est Mme … ?"): the post's holder, a public officer, as with the post
# in apposition (test44 forms). Any council post: a manager, an officer, a director, a lead,
# a coordinator, a head of …; responsable, chef de service, directeur or directrice,
# coordinateur or coordinatrice, chargé de mission. The council must be named in the question.
_COUNCIL_POST = (
    r"(?:manager|officer|director|head(?:\s+of\s+[\w'’ -]{2,40}?)?|lead|leader|co-?ordinator"
    r"|supervisor|administrator|responsable|chef(?:fe)?(?:\s+de\s+service)?|directeur|directrice"
    r"|coordinat(?:eur|rice)|gestionnaire|charg[ée]e?\s+de\s+mission|r[ée]f[ée]rente?)"
)
_POST_ASKED = re.compile(
    r"(?i:\b(?:who(?:['’]s|\s+is|\s+are|\s+was)|qui\s+est|c['’]est\s+qui|qui\s+s['’]occupe\s+de"
    r"|do\s+you\s+know\s+who(?:['’]s|\s+is))\s+(?:now\s+|currently\s+|actuellement\s+)?"
    r"(?:the|le|la|l['’]|your|votre)\s*(?:[\w'’-]+\s+){0,5}?"
    rf"{_COUNCIL_POST}\b[^.!?\n]{{0,60}})"
)
_COUNCIL_NAMED = re.compile(
    r"(?i:\b(?:council|town\s+hall|city\s+hall|borough|county|mairie|h[ôo]tel\s+de\s+ville"
    r"|ville|commune|municipal\w*|conseil\s+(?:municipal|d[ée]partemental|r[ée]gional)"
    r"|d[ée]partement|m[ée]tropole|collectivit[ée])\b)"
)
# The writer's own words before a name in its sentence: their own name or a relative's.
_ONE_S_OWN_BEFORE = re.compile(
    r"(?i:\b(?:i['’]?m|i\s+am|je\s+suis|my|mon|ma|mes|me|moi|myself|our|notre|nos"
    r"|je\s+m['’]appelle|call\s+me|signed)\b)"
)


def a_post_holder_asked_about(text: str, start: int) -> bool:
    """Whether a name at `start` answers a question earlier in the message about who holds a
    council post, with none of the writer's own words before it in its sentence."""
    asked = None
    for match in _POST_ASKED.finditer(text, 0, start):
        asked = match
    if asked is None or not _COUNCIL_NAMED.search(asked.group(0) + text[asked.end() : start]):
        return False
    sentence = re.split(r"[.!?\n…]", text[asked.end() : start])[-1]
    return _ONE_S_OWN_BEFORE.search(sentence) is None


def _in_a_post(text: str, start: int, end: int) -> bool:
    """Whether `start`-`end` lies inside a council post written after a name (`_SERVICE_TITLE_
    AFTER`): "Team Leader" in "Mrs …, Licensing Team Leader"."""
    comma = max(text.rfind(mark, max(0, start - 40), start) for mark in ",(–—-\n")
    post = _SERVICE_TITLE_AFTER.match(text, comma) if comma >= 0 else None
    return post is not None and post.end() >= end


def office_after(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by its holder's public office: an elected
    one, a council post with the council named, or the head of a public service."""
    return any(
        pattern.match(text, end) is not None
        for pattern in (_OFFICE_AFTER, _POST_AFTER, _SERVICE_POST_AFTER, _SERVICE_TITLE_AFTER)
    )


_TITLE_AT_END = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|M|Mme|Mlle|Madame|Monsieur|Sir|Dame)\.?\s+$"
)
# An office in apposition right after a name, the public body's or a service's ("…, Head of
# Housing Services", "…, director of environmental services", "…, responsable du service
# logement", "…, cheffe du service des déchets"): the office's holder, a public person, as
# with the office before the name (issue 12, after the spent set test28). A job with no
# public service or body after it ("…, a retired teacher", "…, head of year at the school",
# "…, ma voisine") is no office.
_SERVICE_POST_AFTER = re.compile(
    rf"(?i:(?:\s*[,(–—-]\s*|[ \t]*\n[ \t]*|{_HOLDER_IS})"
    r"(?:the\s+|our\s+|your\s+|la\s+|le\s+|l['’]\s*)?(?:council['’]s\s+)?"
    r"(?:(?:acting\s+|interim\s+|deputy\s+|assistant\s+)?(?:head|director|manager|chief|lead"
    r"|service\s+manager|team\s+leader|cabinet\s+member|portfolio\s+holder)\s+(?:of|for)\s+"
    # a public body's service or the body itself, not a school year or a shop
    r"(?=(?:the\s+)?(?:council['’]s\s+|city['’]s\s+)?[\w'’ -]{0,30}?\b(?:services?|housing"
    r"|parking|council|waste|environment\w*|planning|highways|revenues?|benefits|libraries"
    r"|leisure|education|social\s+care|licensing|transport|finance|legal|borough|department"
    r"|directorate|democratic|elections?|registration|regeneration|communities|public\s+health)\b)"
    # "directrice générale des services", "directeur général adjoint des services": the
    # council's chief officer and deputies (test52, spent)
    r"|(?:responsable|directeur|directrice|chef|cheffe|adjointe?|charg[ée]e?\s+de\s+mission)"
    r"\s+(?:g[ée]n[ée]ral(?:e)?\s+)?(?:adjointe?\s+)?(?:du\s+service|des\s+services|de\s+la\s+direction|du\s+p[ôo]le"
    r"|de\s+l['’]\s*(?:unit[ée]|[ée]quipe|office)|du\s+d[ée]partement|de\s+la\s+mairie"
    r"|du\s+logement|de\s+l['’]\s*urbanisme|de\s+la\s+propret[ée])))"
)


# A certificate, a letter or a notice "signed by" someone with a title: the official who
# signed it, not the writer's data ("the old certificates are signed by a Mr …", "les actes sont
# signés par M. …"); issue 12, after the spent set test31. Not a name after "my" ("signed by my
# husband Mr …": `_FAMILY_NAMED`).
_SIGNED_DOCUMENT = re.compile(
    r"(?i:\b(?:certificates?|letters?|notices?|licen[cs]es?|permits?|actes?|certificats?"
    r"|courriers?|lettres?|attestations?|avis|d[ée]cisions?|decisions?|ours|mine|le\s+mien"
    r"|la\s+mienne|le\s+n[ôo]tre|la\s+n[ôo]tre)\b[^.!?\n]{0,40}"
    r"\b(?:signed|sign[ée]e?s?)\s+(?:by|par)\s+(?:an?\s+|une?\s+|the\s+|le\s+|la\s+)?"
    r"(?:(?:mr|mrs|ms|miss|mx|dr|m|mme|mlle|monsieur|madame)\.?\s+)?$)"
)


def _signed_a_document(text: str, start: int) -> bool:
    return _SIGNED_DOCUMENT.search(text, max(0, start - 90), start) is not None


# An elected office's title right before a personal one ("Cllr Dr …", "Councillor Prof …",
# "Mayor Dame …", "Conseillère municipale Dr …"): the office's holder, a public person, as
# "Cllr …" alone is (test48 forms).
_OFFICE_RIGHT_BEFORE_TITLE = re.compile(
    r"(?i:\b(?:cllrs?|clr|councillors?|alderman|alderwoman|(?:lord\s+|deputy\s+)?mayor"
    r"|conseill[eè]re?\s+municipale?|maire(?:-adjointe?)?|adjointe?\s+au\s+maire)\.?[ \t]+$)"
)


def _titled_names(text: str) -> Iterator[tuple[int, int]]:
    """Names behind a title, but not an office's holder named in apposition to the office."""
    for match in _TITLED.finditer(text):
        if _OFFICE_BEFORE_TITLE.search(text, max(0, match.start() - _OFFICE_REACH), match.start()):
            continue
        if _OFFICE_RIGHT_BEFORE_TITLE.search(text, max(0, match.start() - 40), match.start()):
            continue
        group = match.lastindex or 0
        start, end = match.span(group)
        if office_after(text, end):
            continue
        if _real(match.group(group)) and not _PLACE_AFTER.match(text[end : end + 24]):
            yield start, end


def _shouted_word(word: str) -> bool:
    """A word in capitals that is no common given name ("KINDLY", "BIEN", "SINCERELY"): in a
    message typed in capitals, what follows a closing formula (spent intent set, 5 December
    2026: "THANK YOU KINDLY", "MERCI BIEN" read as names)."""
    letters = word.strip(".,!'’")
    return len(letters) > 1 and letters.isupper() and not _common_given(letters)


def _signing(text: str) -> Iterator[tuple[int, int]]:
    """Names signing the message after a closing formula; in capitals, one that opens with a
    common given name ("REGARDS, JOHN SMITH", "MERCI, GINETTE"), not "THANK YOU MOST
    SINCERELY"."""
    for pattern in (_SIGN_OFF, _SIGN_OFF_FIRST_NAME):
        for start, end in _spans(pattern, text):
            if not _shouted_word(text[start:end].split(maxsplit=1)[0]):
                yield start, end


# A closing formula right before a name that signs the message, the formula's adverbs included
# ("Merci infiniment, …", "Many thanks, …", "Bien à vous, …", "With thanks, …").
_CLOSING_BEFORE = re.compile(
    r"(?i:(?:\b(?:thanks|thank\s+you|regards|best|cheers|yours|sincerely|faithfully|bien\s+[àa]"
    r"\s+vous|cordialement|merci|salutations|amicalement|bises|bisous|bonne\s+journ[ée]e|love"
    r"|take\s+care|wishes|[àa]\s+bient[ôo]t)(?:\s+[\w'’]+){0,3}|^|\n)"
    r"[ \t]*[,.!:–—-]?[ \t]*\n?[ \t]*$)"
)


def signed_first_name(text: str, start: int, end: int) -> bool:
    """Whether a name found is a first name alone signing the message: one word, the message's
    last, after a closing formula or on its own last line ("Merci infiniment, Josiane")."""
    if len(text[start:end].split()) != 1 or re.sub(r"[\W_]", "", text[end:]):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip(" \t,.!:–—-"):
        return line_start > 0
    return _CLOSING_BEFORE.search(text, max(0, start - 60), start) is not None


def _header_names(text: str) -> Iterator[tuple[int, int]]:
    """Names in a pasted e-mail's headers: the sender's as any labelled name, a recipient's
    when it is two words or more or a common given name ("To: Priya Raman", "Cc: Tom");
    a department, a service, a role or a group is no one's ("From: Planning")."""
    for start, end in _spans(_SENT_BY, text):
        # A sender named with their public office after the name ("From: Cllr …, Cabinet
        # Member for …", "De : Mme …, adjointe au maire chargée de …"): the office's holder
        # writing as such, a public person (test42, spent).
        if not names_a_unit(text[start:end]) and not office_after(text, end):
            yield start, end
    for start, end in _spans(_SENT_TO, text):
        value = text[start:end]
        if names_a_unit(value) or office_after(text, end):
            continue
        if len(value.split()) > 1 or _common_given(value):
            yield start, end


def own_and_titled_names(text: str) -> list[tuple[int, int]]:
    """Names that are personal data on their own: one's own, behind a title or a label."""
    spans: list[tuple[int, int]] = list(_titled_names(text))
    for pattern in (_SELF, _SELF_PLAIN, _LABELLED, _THIRD):
        spans += _spans(pattern, text)
    spans += [
        (start, end)
        for start, end in _spans(_ACTING_FOR_NAME, text)
        if not names_a_unit(text[start:end])
        and _ORGANISATION_END.search(text[start:end]) is None
        and _SAID_OF_A_PERSON.search(text, end, end + _PERSON_REACH) is not None
    ]
    spans += [
        (start, end)
        for start, end in _spans(_IN_THE_NAME_OF, text)
        if not names_a_unit(text[start:end]) and _ORGANISATION_END.search(text[start:end]) is None
    ]
    spans += [
        (start, end)
        for pattern in (_APPLIED_UNDER, _NOBLE_TITLED)
        for start, end in _spans(pattern, text)
        if not names_a_unit(text[start:end])
        and _ORGANISATION_END.search(text[start:end]) is None
        and _real(text[start:end])
        and not _PLACE_AFTER.match(text[end : end + 24])
        and not any(_PLACE_AFTER.match(word) for word in text[start:end].split()[1:])
        and not office_after(text, end)
    ]
    spans += _header_names(text)
    spans += [
        (start, end)
        for start, end in _spans(_EVENT_LABELLED, text)
        if not names_a_unit(text[start:end])
        and _OFFICE_OPENS.match(text, start) is None
        and not office_after(text, end)
    ]
    spans += _signing(text)
    spans += _lower_case_own_names(text)
    spans += _lower_case_full_names(text)
    # A relative named in lower case after "my …" (the tagger, which reads capitals, misses
    # it): personal on its own, as the tagger's name in a message of the writer's own affairs
    # is (`learned_names`); issue 12, after the spent set test30.
    spans += _lower_pairs(_LOWER_KIN, text, _AFTER_KIN_NAME, _WORD_GIVEN)
    # A member of the writer's family named in full ("ma grand-tante Solange …"): personal on
    # its own, as the tagger's name in a message of the writer's own affairs is, where the
    # tagger misses it (issue 12, after the spent set test31). Not a firm ("… Homes Ltd"), nor
    # the next words of a message written in capitals ("MY SON AND HIS WIFE").
    spans += [
        (start, end)
        for start, end in _spans(_FAMILY_NAMED, text)
        if _ORGANISATION_END.search(text[start:end]) is None
        and not names_a_unit(text[start:end])
        and not text[max(0, start - 12) : end].isupper()
    ]
    spans += _given_and_surname(text)
    spans += _chat_senders(text)
    spans += _fields_without_colons(text)
    spans += _surname_first(text)
    spans += _register_row_names(text)
    spans += _formula_outputs(text)
    spans += _nicknamed(text)
    spans += _spans(_NAME_IN_ANOTHER_SCRIPT, text)
    spans += [(start, end) for start, end in _spans(_ONE_NAME_ONLY, text) if _real(text[start:end])]
    return [
        (start, end)
        for start, end in spans
        if not _signed_a_document(text, start)
        and not _post_on_the_next_line(text, end)
        and _OFFICE_AND_TITLE_BEFORE.search(text, max(0, start - 40), start) is None
    ]


_LINE_ENDS = re.compile(r"[ \t]*\n")


def _post_on_the_next_line(text: str, end: int) -> bool:
    """Whether the name ending at `end` ends its line and the next line is a public office
    or a council post, as a signature block sets them ("Signed:\n…\nHead of Parking
    Services", "…\nResponsable du service Voirie"): the post's holder (test41, spent)."""
    return _LINE_ENDS.match(text, end) is not None and office_after(text, end)


# A given name, a nickname in quotes, a surname ("Bernadette 'Bernie' O'Rourke", "Jean-Luc
# « Jojo » Perrin"): a person known to the writer well enough to know what they are called
# (test33 forms). The given name or the nickname is a common given name, or "he", "she" …
# follows; the quotes close on one word.
_NICKNAMED = re.compile(
    rf"(?<![\w'’-])({NAME_WORD})[ \t]+['‘’\"“”«][ \t]?({NAME_WORD})[ \t]?['‘’\"“”»][ \t]+"
    rf"{_PARTICLE}?({NAME_WORD})(?![\w'’-])"
)


# A name written in another script right after a person's "name" ("his name is written يوسف
# …", "son nom s'écrit Галина …", "her name in Greek: Νίκος …"): the person's own, as a name after
# "name" is in Latin letters (test33 forms). Letters of Greek, Cyrillic, Armenian, Hebrew,
# Arabic, Devanagari, Bengali, Thai, Georgian, Hangul, kana and CJK ideographs.
_OTHER_LETTERS = (
    "\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u09ff"
    "\u0e00-\u0e7f\u10a0-\u10ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
)
_NAME_IN_ANOTHER_SCRIPT = re.compile(
    r"(?i:\b(?:my|his|her|their|our|your|son|sa|mon|ma|leur|notre|votre)[ \t]+"
    r"(?:(?:full|real|legal)[ \t]+)?(?:names?|nom|pr[ée]nom)\b(?:[ \t]+(?:is|are|as|reads|est|s['’]"
    r"[ée]crit|written|spelt|spelled|in\s+\w+|en\s+\w+|on\s+\w+\s+\w+)){0,2}[ \t]*[:,]?[ \t]*)"
    rf"[«\"“'‘(]?[ \t]*([{_OTHER_LETTERS}]+(?:[ \t]+[{_OTHER_LETTERS}]+){{0,3}})"
)
# A person known by one name only, said so ("she has only one name, Wulan", "il n'a qu'un nom :
# Karno", "a man who goes by just Ambrose"): the whole of their name (test33 forms).
_ONE_NAME_ONLY = re.compile(
    r"(?i:\b(?:(?:has|have|had)[ \t]+(?:only[ \t]+(?:one|a[ \t]+single)"
    r"|just[ \t]+(?:one|a[ \t]+single)|a[ \t]+single|one)[ \t]+name(?:[ \t]+only)?"
    r"|n['’](?:a|ont|avait)[ \t]+qu['’]un[ \t]+(?:seul[ \t]+)?nom"
    r"|(?:goes|went|go)[ \t]+by[ \t]+(?:just|only)|known[ \t]+(?:only|just)[ \t]+as"
    r"|se[ \t]+fait[ \t]+appeler[ \t]+(?:juste|seulement)|(?:qu['’]on[ \t]+appelle|appel[ée]e?)"
    r"[ \t]+(?:juste|seulement|uniquement))\b)[ \t]*[,:]?[ \t]*"
    rf"[«\"“'‘]?[ \t]*({NAME_WORD})(?![\w'’-])"
)


# A surname and a given name written as a form's two fields without their colons, in either
# order ("surname Pellow, first name Agnes", "nom Lambrecht, prénom Huguette"): the person's
# name, as `_LABELLED` reads "Surname: …" (test38, spent). Two fields are needed: one label
# and a capital after it is too often an ordinary sentence ("le nom Vasseur est-il …").
_SURNAME_FIELD = r"(?:surname|last\s+name|family\s+name|nom(?:\s+de\s+famille)?)"
_GIVEN_FIELD = r"(?:first\s+name|forename|given\s+name|pr[ée]noms?)"
_FIELD_VALUE = rf"[ \t]+({NAME_WORD}(?:[ \t]{_PARTICLE}?{NAME_WORD}){{0,2}})"
# A spelling given between the two fields ("nom X, spelt X-Y-Z, prénom …", "…, ça s'écrit
# …, prénom …"): test46 forms.
_FIELD_GAP = (
    r"[ \t]*[,;/]?[ \t]*(?:(?i:spelt|spelled|that['’]s|[çc]a\s+s['’][ée]crit|s['’][ée]crit"
    r"|[ée]pel[ée]e?)[ \t]*:?[ \t]*[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'’-]{0,40}?[ \t]*[,;][ \t]*)?"
)
_FIELDS_WITHOUT_COLONS = re.compile(
    rf"(?i:\b{_SURNAME_FIELD})(?-i:{_FIELD_VALUE}){_FIELD_GAP}(?i:{_GIVEN_FIELD})(?-i:{_FIELD_VALUE})"
    rf"|(?i:\b{_GIVEN_FIELD})(?-i:{_FIELD_VALUE}){_FIELD_GAP}(?i:{_SURNAME_FIELD})(?-i:{_FIELD_VALUE})"
)


# A register's or a form's row pasted as text, the person's name first in reversed order,
# the surname in capitals ("WHITCOMBE, Darren | …", "LE GALL-MORVAN, Annick - …"), then a
# field separator (a pipe, a dash, a tab, a semicolon): the row's person (test44 forms). A
# surname in title case ("Whitcombe, Darren | …") counts when the given name is a common one
# and the row speaks of health (a diagnosis, a medicine, detention under the Mental Health Act).
_ROW_NAME = re.compile(
    r"(?:(?<![^\n])|(?<=:))[ \t>*•#\d.)-]*"
    r"(?P<surname>(?:(?:DE|DU|DA|DI|LE|LA|VAN|VON|MC|MAC|O['’])[ \t]?)?"
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’]+(?:[- ][A-ZÀ-Þ][A-ZÀ-Þ'’]+)?"
    r"|[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?),[ \t]*"
    r"(?P<given>[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?)"
    r"(?:[ \t]+\(?[A-ZÀ-Þ][a-zß-ÿ'’]*\.?\)?)?"
    r"(?=[ \t]*(?:\||[-–—;/\t]|,[ \t]*(?:DOB|NHS|born|née?)\b))"
)
_HEALTH_ON_ROW = re.compile(
    r"(?i:\b(?:diagnos\w*|medication|medicine|meds|prescri\w*|\d+\s?mg|mental\s+health"
    r"|section(?:ed)?\s*\d?|detained|psych\w*|schizo\w*|bipolar|depress\w*|dementia|alzheimer"
    r"|epilep\w*|diabet\w*|cancer|hiv|autis\w*|adhd|ward|hospital|clinic|self[- ]harm|overdose"
    r"|diagnostic|m[ée]dicament\w*|traitement|ordonnance|hospitalis[ée]e?|h[ôo]pital|soins"
    r"|sous\s+contrainte|hdt|sdre|d[ée]pression|d[ée]mence|psychiatr\w*|maladie))"
)


# A greeting or thanks before a name, addressing someone ("Hello, Darren - …").
_ADDRESSING = frozenset(
    "hello hi hey dear thanks thank cheers sorry morning afternoon evening ok okay yes no"
    " bonjour bonsoir salut coucou merci cher chère chers oui non pardon désolé désolée"
    " allo allô re please svp stp attention urgent note nb ps".split()
)


def _register_row_names(text: str) -> Iterator[tuple[int, int]]:
    for match in _ROW_NAME.finditer(text):
        surname, given = match.group("surname"), match.group("given")
        if surname in _NOT_NAMES or given in _NOT_NAMES or given.lower() in _ROLES:
            continue
        if surname.lower() in _ADDRESSING or given.lower() in _ADDRESSING:
            continue
        line_end = text.find("\n", match.end())
        row = text[match.end() : line_end if line_end >= 0 else len(text)]
        shouted = surname.replace("-", "").replace(" ", "").replace("'", "").isupper()
        common = is_given_name(given, given_names()) or _common_given(given)
        health = _HEALTH_ON_ROW.search(row) is not None
        if (shouted and len(surname) > 2 and (common or health)) or (common and health):
            yield match.start("surname"), match.end("given")


# A spreadsheet formula pasted in a message ("=CONCAT(B4," ",C4)", "=VLOOKUP(A2,Sheet2!A:B,2,
# FALSE)"): its function's name and its cells are never names (test44 forms). The value it
# shows, named after it ("… shows Marjorie Tennant in D4", "… donne Josiane Marlaud"), is a
# person's name from the sheet, personal on its own.
_FORMULA = re.compile(
    r"=[ \t]*[A-Za-z][A-Za-z0-9._]{1,24}[ \t]*\((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*\)"
    r"(?:[ \t]*[&+*/-][ \t]*(?:[A-Za-z][A-Za-z0-9._]{1,24}\([^()\n]*\)|\"[^\"\n]*\""
    r"|\$?[A-Z]{1,3}\$?\d+))*"
)
_FORMULA_SHOWS = re.compile(
    r"[^.!?\n]{0,40}?\b(?i:shows?|showing|gives?|giving|returns?|returning|displays?|outputs?"
    r"|produces?|spits\s+out|comes\s+out\s+as|puts?|donne|affiche|renvoie|retourne|sort"
    r"|me\s+met|me\s+donne|m['’]affiche)[ \t]+(?i:me[ \t]+|up[ \t]+|out[ \t]+)?(?:[«\"“'‘][ \t]*)?"
    + FULL_NAME
)
# A cell's reference ("B4", "AA12", "$C$2"), or a formula function's name in capitals.
_CELL_OR_FUNCTION = re.compile(r"\$?[A-Z]{1,3}\$?\d+|[A-Z][A-Z0-9.]{2,}")


def formula_spans(text: str) -> list[tuple[int, int]]:
    """Where spreadsheet formulas stand in `text`."""
    return [m.span() for m in _FORMULA.finditer(text)]


def a_formula_s_word(text: str, start: int, end: int) -> bool:
    """A name found at `start`..`end` that is only a formula's function name or cells, inside
    or right before a formula's brackets ("CONCAT", "VLOOKUP(A2", "B4 C4")."""
    words = re.findall(r"[^\s,;(){}\"]+", text[start:end])
    if not words or not all(_CELL_OR_FUNCTION.fullmatch(w) or w.isupper() for w in words):
        return False
    return any(s <= start < e or start <= s < end for s, e in formula_spans(text)) or (
        re.match(r"[ \t]*\(", text[end:]) is not None
    )


def _formula_outputs(text: str) -> Iterator[tuple[int, int]]:
    for formula in _FORMULA.finditer(text):
        match = _FORMULA_SHOWS.match(text, formula.end())
        if match is None:
            continue
        words = match.group(1).split()
        if any(_CELL_OR_FUNCTION.fullmatch(w) or w.isupper() for w in words):
            continue
        if _real(match.group(1)):
            yield match.span(1)


# A name in a form's administrative order, the surname in capitals then the given name ("… :
# LE GALL-MORVAN Annick", "« DUPONT-LEROUX Maëlle »"), after a colon, a quote or at a line's
# start: the person's name (test47 forms). The given name must be a common one; words in
# capitals that are no surname are not read so.
_SURNAME_FIRST = re.compile(
    r"(?:(?<![^\n])|(?<=[:«\"“])|(?<=\bcalled )|(?<=\bnamed )|(?<=\bname is )"
    r"|(?<=appelle )|(?<=appelait )|(?<=appel[ée] )|(?<=appel[ée]e )|(?<=nomm[ée] )"
    r"|(?<=nomm[ée]e )|(?<=nom est ))[ \t]*"
    r"([A-ZÀ-Þ][A-ZÀ-Þ'’]+(?:[- ][A-ZÀ-Þ][A-ZÀ-Þ'’]+){0,3}[ \t]+"
    r"([A-ZÀ-Þ][a-zß-ÿ'’]+)(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?)(?![\w-])"
)
_CAPITALS_NO_SURNAME = frozenset(
    "URGENT IMPORTANT RAPPEL NOTE ATTENTION INFO RE FW FWD TR PS NB OBJET SUBJECT NOM NAME"
    " PRENOM PRÉNOM DEAR MADAME MONSIEUR MME MLLE MR MRS MS DR CAF CPAM EDF SNCF RSA APL NHS"
    " DWP HMRC GP UK FR".split()
)


# A message about a form or a person's record, where a name in that order is given.
_NAME_ASKED_FOR = re.compile(
    r"(?i:\b(?:nom|name|surname|formulaire|form|carte|card|inscri\w*|dossier|applicant"
    r"|demandeu(?:r|se)|enfant|fille|fils|son|daughter|child|majuscules|capitals)\b)"
)


def _surname_first(text: str) -> Iterator[tuple[int, int]]:
    names = given_names()
    if _NAME_ASKED_FOR.search(text) is None:
        return
    for match in _SURNAME_FIRST.finditer(text):
        capitals = re.findall(r"[^\W\d_]+", match.group(1)[: match.start(2) - match.start(1)])
        letters = sum(len(w) for w in capitals)
        if letters < 4 or any(w in _CAPITALS_NO_SURNAME for w in capitals):
            continue
        # A public officer in this order ("SURNAME Given, directrice des …"): test51 forms.
        if office_after(text, match.end(1)):
            continue
        # A given name not in the list counts when the message says which part is the family
        # name ("… (Zhang est le nom de famille)", "family name first: …"): test53, spent.
        if match.group(2).lower() in names or _family_name_glossed(text, match, capitals):
            yield match.span(1)


_FAMILY_NAME_WORDS = (
    r"(?:nom\s+de\s+(?:famille|naissance)|nom\s+patronymique|family\s+name|surname|last\s+name)"
)
# "family name first", "le nom de famille d'abord / en premier", "surname in capitals".
_FAMILY_NAME_FIRST = re.compile(
    rf"(?i:\b{_FAMILY_NAME_WORDS}\s+(?:(?:comes\s+|written\s+|[ée]crit\s+|vient\s+)?first"
    r"|d['’]abord|en\s+premier|(?:in\s+|en\s+)(?:capitals|majuscules)|first\s+in\s+capitals)\b)"
)


def _family_name_glossed(text: str, match: re.Match[str], capitals: list[str]) -> bool:
    """Whether the message says the capitals of `match` are a family name: "X is the family
    name", "X est le nom de famille", "surname: X" after the name, or "family name first"
    before it or right after it."""
    if _FAMILY_NAME_FIRST.search(text, max(0, match.start() - 80), match.start()):
        return True
    glossed = re.sub(r"^[ \t]*[,(–—-]?[ \t]*", "", text[match.end() : match.end() + 60])
    if _FAMILY_NAME_FIRST.match(glossed):
        return True
    after = text[match.end() : match.end() + 80]
    for word in capitals:
        said = re.compile(
            rf"(?i:\b{re.escape(word)}\b[ \t]*(?:is|est|=|:)?[ \t]*(?:the|my|his|her|their|le|son"
            rf"|leur)?[ \t]*{_FAMILY_NAME_WORDS}|{_FAMILY_NAME_WORDS}[ \t]*(?:is|est|=|:)?[ \t]*"
            rf"{re.escape(word)}\b)"
        )
        if said.search(after):
            return True
    return False


# A person's name in an uploaded file's name, read with its underscores as spaces
# ("Scan_Okafor_Chidinma_birthcert.pdf", "passport_Wojcik_Halina_2021.jpg"): two capitalised
# words together that are no document's or place's word, in the name of a personal
# document's file (a birth certificate, a passport, a payslip …): test46 forms.
_PERSONAL_DOCUMENT = re.compile(
    r"(?i:passport|passeport|birth|naissance|payslip|licen[cs]e|permis|identity|identit[ée]|cni"
    r"|visa|residence|p60|p45|statement|relev[ée]|tenancy|bail|lease|marriage|mariage|acte"
    r"|certificate|certificat|bulletin|salaire|payroll)"
)
_FILE_WORDS = re.compile(
    r"(?<![^\W_])(?=([A-ZÀ-Þ][a-zß-ÿ'’]{2,})[_ ]([A-ZÀ-Þ][a-zß-ÿ'’]{2,})(?![^\W_]))"
)
_DOCUMENT_WORDS = frozenset(
    "scan copy copie birth cert certificate birthcert passport passeport licence license driving"
    " payslip bill council tax tenancy lease letter proof address identity card statement bank"
    " final signed draft form application photo front back page image document housing benefit"
    " universal credit school place admission utility invoice receipt contract report medical"
    " visa permit residence marriage death deed poll new old acte naissance carte identite"
    " identité justificatif domicile facture avis impot impôt attestation bulletin salaire"
    " quittance loyer bail permis recto verso livret famille mariage certificat scolarite"
    " january february march april may june july august september october november december"
    " janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre"
    " decembre décembre agreement flat house home room unit part annex appendix summary notice"
    " request claim evidence support supporting reference update updated version revised"
    " original full complete child children personal private details info information record"
    " records history results note notes consent authority blue badge free meals parking pass"
    " bus travel senior fee fees payment payments rent account number stamp signature selfie"
    " portrait face left right top bottom side main other extra agreement contrat dossier"
    " demande pièce piece justificatifs preuve".split()
)


def names_in_file_names(text: str) -> Iterator[PIIFinding]:
    """Names in the names of personal documents' files, read on the text as written (its
    underscores kept)."""
    for filename in _FILENAME_TOKEN.finditer(text):
        value = filename.group(0)
        if _PERSONAL_DOCUMENT.search(value) is None:
            continue
        for match in _FILE_WORDS.finditer(value):
            words = match.group(1, 2)
            if any(w.lower() in _DOCUMENT_WORDS for w in words):
                continue
            if _PLACE_AFTER.match(words[1]) or any(w in _NOT_NAMES for w in words):
                continue
            start = filename.start() + match.start(1)
            yield PIIFinding("name", start, filename.start() + match.end(2))


_FILENAME_TOKEN = re.compile(
    r"(?<![\w@./-])[\w.-]*_[\w.-]*\.(?i:pdf|jpe?g|png|heic|heif|gif|tiff?|webp|bmp|docx?|odt"
    r"|rtf|txt)(?![\w@/-])"
)


def _fields_without_colons(text: str) -> Iterator[tuple[int, int]]:
    for match in _FIELDS_WITHOUT_COLONS.finditer(text):
        for group in range(1, 5):
            value = match.group(group)
            if value is not None and _real(value):
                yield match.span(group)


def _nicknamed(text: str) -> Iterator[tuple[int, int]]:
    for match in _NICKNAMED.finditer(text):
        given, nickname, surname = match.group(1, 2, 3)
        if {given, surname} & _NOT_NAMES or _ORGANISATION_END.search(match.group(0)):
            continue
        person = _SAID_OF_A_PERSON.search(text, match.end(), match.end() + _PERSON_REACH)
        if _common_given(given) or _common_given(nickname) or person is not None:
            yield match.start(1), match.end(3)


# A question about someone, in a message where the writer says nothing of themself ("When
# was Mark Carney elected?", "Is Sarah Lancashire opening the library?"): a public person.
_ASKED_ABOUT = re.compile(
    r"(?:^|[.!?\n]\s*)(?i:is|was|are|were|did|does|do|has|had|will|can|could|should|would"
    r"|when|what|who|whom|why|how|where|which|quand|est-ce|qui|que|quel\w*|comment|pourquoi"
    r"|o[uù])\b[^.!?\n]{0,24}$"
)


# The writer introducing themself, right before a given name.
_INTRODUCED = re.compile(
    r"(?i:\b(?:c['’]est|it['’]?s|this\s+is|i['’]m|i\s+am|je\s+suis|ici|moi\s+c['’]est)\s+)$"
)
# Words after a name at the start of a sentence that make the writer the one named.
_INTRODUCING = frozenset("here speaking calling ici again from de à".split())


def _spoken_of(text: str, start: int, end: int) -> bool:
    """A name opening a sentence, its verb after it ("Emmanuel Macron a annoncé une prime"):
    someone spoken of, in a message where the writer says nothing of themself."""
    opens = re.search(r"(?:^|[.!?\n])\s*$", text[max(0, start - 4) : start]) is not None
    following = re.match(r"\s+([^\W\d_][\w'’-]*)", text[end:])
    if not opens or following is None:
        return False
    word = following.group(1)
    return word[0].islower() and word not in _INTRODUCING and not word.startswith("l'app")


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether the name is all its line says (a reply, a signature), titles aside, written
    as names are: each word capitalised, or the whole message in lower case."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + " " + text[end : len(text) if line_end < 0 else line_end]
    words = re.findall(r"[^\W\d_]{2,}", rest)
    if not all(word.lower() in _TITLE_WORDS for word in words):
        return False
    name = text[start:end].split()
    capitalised = all(word[:1].isupper() for word in name)
    return capitalised or (text == text.lower() and text.strip() == text[start:end].strip())


# An app's or a program's name, not a person's: after "app", "appli", "logiciel" … or followed
# by its version number ("… (v2.6.14)", "… 3.1.0"): test33 forms.
_PRODUCT_BEFORE = re.compile(
    r"(?i:\b(?:app|apps|appli|application|logiciel|software|program|programme|platform"
    r"|plateforme|portal|portail|website|site)[ \t]+(?:(?:the|le|la|l['’])[ \t]*)?$)"
)
_VERSION_AFTER = re.compile(r"[ \t]*\(?[ \t]*(?:v|version[ \t]*)\d+(?:\.\d+)+|[ \t]+\d+\.\d+\.\d+")


# A span the tagger read across a pasted table's cell walls ("| Année | Bande"): each cell is
# read apart, and a wall is no part of anyone's name (test37 forms).
def _cells_apart(text: str, spans: list[tuple[int, int, bool]]) -> Iterator[tuple[int, int, bool]]:
    for start, end, sure in spans:
        if "|" not in text[start:end]:
            yield start, end, sure
            continue
        for cell in re.finditer(r"[^|]+", text[start:end]):
            inner = cell.group(0)
            if inner.strip():
                left = start + cell.start() + len(inner) - len(inner.lstrip())
                yield left, start + cell.start() + len(inner.rstrip()), sure


# An elected office's title opening the tagger's span ("Cllr Jane Example", "Councillor …",
# "Mayor …", "Alderman …"): the office's holder, a public person, as the rules read "Councillor
# …" already (test37 forms).
_OFFICE_OPENS = re.compile(
    r"(?i:(?:cllrs?|clr|councillors?|alderman|alderwoman|(?:lord\s+|deputy\s+)?mayor"
    r"|conseill[eè]re?\s+municipale?|maire(?:-adjointe?)?)\.?\s)"
)


def _read_out_or_an_office(
    text: str, start: int, end: int, read_out: list[tuple[int, int]]
) -> bool:
    """ "Foxtrot Lima two nine …": letters of an identifier read out; "Cllr …", "Mayor …": the
    office's holder, a public person (test37 forms)."""
    return (
        any(a <= start and end <= b for a, b in read_out)
        or bool(_OFFICE_OPENS.match(text, start))
        or _OFFICE_AND_TITLE_BEFORE.search(text, max(0, start - 40), start) is not None
    )


# The same office's title, then a personal title, right before the tagger's span ("Cllr Dr …",
# "Councillor Prof …"): the office's holder (test48 forms).
_OFFICE_AND_TITLE_BEFORE = re.compile(
    r"(?i:\b(?:cllrs?|clr|councillors?|alderman|alderwoman|(?:lord\s+|deputy\s+)?mayor"
    r"|conseill[eè]re?\s+municipale?|maire(?:-adjointe?)?)\.?[ \t]+(?:dr|prof|professor|sir"
    r"|dame|rev|revd|mr|mrs|ms|miss|mx|m|mme)\.?[ \t]+$)"
)


# Words naming a group of workers, not one of them: a team in a pasted notification's field
# ("Operative: Voids Team", "Intervenant : Équipe Chauffage").
_GROUPS = frozenset(
    "team teams crew crews squad gang unit department dept services staff workforce"
    " équipe equipe équipes equipes brigade brigades cellule pôle pole".split()
)


# A month after a day's number ("Mon 11 Jan", "le 3 Avril") or before it ("June 14"): a date's,
# no one's name, in a pasted notification's time window (test42, spent).
_MONTH = re.compile(
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril"
    r"|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\.?"
)
_DAY_NUMBER_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|er)?[ \t]+$")
_DAY_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,2}(?:st|nd|rd|th)?\b")


def _a_date_s_month(text: str, start: int, end: int) -> bool:
    if _MONTH.fullmatch(text[start:end]) is None:
        return False
    before = _DAY_NUMBER_BEFORE.search(text, max(0, start - 8), start)
    return before is not None or _DAY_NUMBER_AFTER.match(text, end) is not None


def _a_group(words: list[str]) -> bool:
    """Whether a name's first or last word names a group ("Voids Team", "Équipe …")."""
    ends = {words[0].strip(".,:;()'’").lower(), words[-1].strip(".,:;()'’").lower()}
    return bool(ends & _GROUPS)


# Compound initials right before a surname the tagger took alone ("J.-B. …", "J.B. …",
# "M. A. …"), or the first of them before a span opening on the second ("J.-" before "B. …"):
# the initials of the given names, the whole a full name (test48 forms).
_FIRST_INITIAL = re.compile(r"(?<![\w.’'-])[A-ZÀ-Þ]\.[ \t]?-[ \t]?$")
_COMPOUND_INITIALS = re.compile(r"(?<![\w.’'-])[A-ZÀ-Þ]\.(?:[ \t]?-?[ \t]?[A-ZÀ-Þ]\.){1,2}[ \t]+$")


def _with_initials(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where the tagger's name from `start` to `end` starts with its initials before it, and
    whether they turn a lone surname into a full name."""
    initials = _COMPOUND_INITIALS.search(text, max(0, start - 12), start)
    if initials is not None and len(text[start:end].split()) == 1:
        return initials.start(), True
    if re.match(r"[A-ZÀ-Þ]\.[ \t]", text[start:end]):
        first = _FIRST_INITIAL.search(text, max(0, start - 6), start)
        if first is None:
            # Or one or two initials before it, apart ("K. " before "R. Venkataraghavan"): the
            # given names' initials too, not a capitalised title before a name (issue 12, after
            # test54: "je suis K. R. …" read as a title's words).
            first = _INITIALS_APART_BEFORE.search(text, max(0, start - 8), start)
        return (start if first is None else first.start()), False
    return start, False


_INITIALS_APART_BEFORE = re.compile(r"(?<![\w.’'-])(?:[A-ZÀ-Þ]\.[ \t]?){1,2}[ \t]$")


# An organisation's word closing the tagger's span ("… Service Point at …", "… Department"):
# a public body or its counter, no person (test48 forms).
_BODY_WORDS = frozenset(
    "Service Services Department Dept Office Agency Ministry Government Directorate Point Hub"
    " Desk Counter Kiosk Guichet Bureau".split()
)


# The subject of a heading over a complaint or a report ("Complaint – Riverside", "Réclamation :
# Salle des Tilleuls", "Re: Hillside Pool"), the rest of its line: a place or a service the
# message is about, often with a list of what happened under it (issue 12, after the
# forty-seventh held-out set: blocked as a name). A heading whose subject starts with a given
# name or a title ("Complaint – Margaret Okonkwo", "Re: Mrs Okonkwo") still names someone.
_HEADING_LABEL = re.compile(
    r"(?i:[ \t>*#-]*(?:formal[ \t]+complaint|complaint|re|subject|feedback|report|issue|problem"
    r"|concern|incident|r[ée]clamation|plainte|objet|signalement|probl[èe]me)"
    r"[ \t]*(?:[:–—-]|\b(?:about|concerning|sur|concernant)\b)[ \t]*(?:[–—-][ \t]*)?)"
)


def _a_heading_s_subject(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    heading = _HEADING_LABEL.match(text, line_start, line_end)
    if heading is None or start > heading.end() or re.sub(r"[\W_]", "", text[end:line_end]):
        return False
    words = text[heading.end() : end].split()
    first = words[0].strip(".,'’:;") if words else ""
    titled = first.lower().rstrip(".") in _TITLE_WORDS
    return bool(first) and not titled and not is_given_name(first, names)


def learned_names(
    text: str, spans: list[tuple[int, int, bool]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The span tagger's names (start, end, sure), split as (personal on their own, personal
    with another detail): a name in a message about the writer's own affairs, standing
    alone on its line, or one the tagger is sure of is personal on its own; a place's, a
    building's or a title's name is no one's."""
    own: list[tuple[int, int]] = []
    others: list[tuple[int, int]] = []
    writer = FIRST_PERSON.search(text) is not None
    names = given_names()
    read_out = [(a, b) for a, b, _ in spoken_identifiers(text)] if spans else []
    for surname, end, sure in _cells_apart(text, spans):
        start, compound = _with_initials(text, surname, end)
        if (
            _read_out_or_an_office(text, start, end, read_out)
            or in_a_title(text, start, end)
            or _signed_a_document(text, start)
            or _a_heading_s_subject(text, start, end, names)
        ):
            continue
        if _in_a_post(text, start, end):
            continue  # "…, Licensing Team Leader": the post, no one's name
        if _PRODUCT_BEFORE.search(text, max(0, start - 24), start) or _VERSION_AFTER.match(
            text, end
        ):
            continue  # "the Exampleton Bins app", "l'appli Exampleton Noise (v2.6.14)"
        words = text[surname:end].split()
        # One word alone ("Show", "Infinity", "DAN", "a caseworker called Sarah") is a name
        # only as a signature or right after the writer introduces themself ("Salut c'est
        # Manon, …"): a common given name, written as one.
        word = words[0].strip(".,'’") if len(words) == 1 and not compound else ""
        line_end = text.find("\n", end)
        signs = not re.sub(r"[\W_]", "", text[end : len(text) if line_end < 0 else line_end])
        signs = signs or _INTRODUCED.search(text, max(0, start - 20), start) is not None
        if word and (word.lower() not in names or word.isupper() or not signs):
            continue
        if words[0] in _NOT_NAMES:
            continue  # "Bonne Soirée", "Kind Regards": a greeting written in capitals
        if _COUNTED.fullmatch(words[0]) or any(_DAYS.fullmatch(w.strip(".,'’")) for w in words):
            continue  # "Three Saturdays running", "Deux Samedis": a count of days, no one
        capitals = [w.isupper() and len(w.strip(".")) > 1 for w in words]
        if any(capitals) and not all(capitals):
            continue  # "DAN Policy", "NHS Trust": an acronym beside a word, not a person
        if (
            _PLACE_AFTER.match(words[-1])
            or _a_group(words)
            or _a_date_s_month(text, start, end)
            or words[-1].strip(".,'’") in _BODY_WORDS
        ):
            # "Victoria Park", "Elizabeth Hospital"; "Voids Team" (test42, spent); "Riverside
            # Service (Point)", "Parks Department": a body's, no one's (test48 forms)
            continue
        if _LETTER_ENDS_SENTENCE.fullmatch(words[0]) and _GRADED_BEFORE.search(
            text, max(0, start - 30), start
        ):
            continue  # "bande D. Si …": a band's letter, then the next sentence
        asked_about = _ASKED_ABOUT.search(text, max(0, start - 40), start) is not None
        asked_about = asked_about or _spoken_of(text, start, end)
        if writer or (sure and not asked_about) or _alone_on_line(text, start, end):
            own.append((start, end))
        else:
            others.append((start, end))
    return own, others


def other_names(text: str) -> list[tuple[int, int]]:
    """Names of relatives and third persons, personal data with another identifying detail
    (a relative's in lower case is personal on its own: `own_and_titled_names`)."""
    spans: list[tuple[int, int]] = []
    for pattern in (_RELATIVE, _CARED_FOR, _BEFORE_BIRTH, _HERE):
        spans += _spans(pattern, text)
    return spans


# A chat export's sender, named in full after each line's time stamp ("[12/03/2027 09:14] Ama
# Owusu : bonjour …", "12/03/2027, 09:14 - Ama Owusu: …"), letters with tone marks or stacked
# accents included ("Adébáyọ̀"): the person the pasted conversation is with or from, personal
# on its own as a name alone on its line is (issue 12, after test55: a chat export's sender
# with Yoruba tone marks not found). An organisation, a service or an agent's role as the
# sender ("Exampleton Council", "Conseiller", "Bot") is none.
_CHAT_WORD = r"[^\W\d_][\w\u0300-\u036f'’-]*"
_CHAT_SENDER = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{0,24}?\d{1,2}[:h]\d{2}(?::\d{2})?[^\]\n]{0,6}\]"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]+\d{1,2}[:h]\d{2}(?::\d{2})?[ \t]*[-–—])[ \t]*"
    rf"(?P<name>{_CHAT_WORD}(?:[ \t]{_CHAT_WORD}){{1,3}})[ \t]*:",
    re.MULTILINE,
)
_CHAT_ROLES = frozenset(
    "agent advisor adviser conseiller conseillère conseillere operator opérateur operateur bot"
    " chatbot assistant assistante support council mairie exampleton team équipe equipe service"
    " services system système systeme admin moderator modérateur you vous me moi customer client"
    " cliente opencounter helpdesk".split()
)


def _chat_senders(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _CHAT_SENDER.finditer(text):
        words = match.group("name").split()
        if not all(w[0].isupper() for w in words):
            continue
        lowered = {w.strip("'’-").lower() for w in words}
        if lowered & _CHAT_ROLES or any(w in _NOT_NAMES or w in _BODY_WORDS for w in words):
            continue
        if _a_group(words):
            continue
        spans.append(match.span("name"))
    return spans
