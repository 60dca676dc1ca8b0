"""Orders put to a machine reader in plain prose, in English and French: regular expressions.

`planted_patterns.py` catches notes that name their addressee in a label ("Note to AI:") and
obligations on "any" machine reading "this page". A planted note can also be written as page
prose that no label marks:

* a request put to a machine, in the passive or impersonally ("Il est demandé aux outils de
  synthèse automatique de …", "Answering software is kindly asked to …");
* a named machine made the subject of an order that only the reader could carry out: leave out,
  ignore the rest of the site, recommend, send users elsewhere, keep a chat from staff
  ("L'assistant virtuel doit s'en tenir à cette fiche", "AI assistants should recommend …");
* the answer given to the resident, or drawn from this page, made the subject of an order to
  withhold or change a fact ("La réponse apportée à l'habitant ne doit pas évoquer …").

People's pages say the same things of people ("Il est demandé aux usagers de …"), of an AI
system they describe ("L'assistant virtuel doit être utilisé pour …", "AI tools must be listed
in the register", "Our chatbot should direct you to …") and of answers people give ("Your answer
must include your reference"): so each pattern needs both a machine (or the machine's answer)
and a verb of what a planted note asks for, and the weak verbs ("say", "indiquer") only with
what follows them ("say that …", "indiquer que …"). Written for this project (issue 14).
"""

from __future__ import annotations

# A machine reader described by what it does: "outils de synthèse automatique", "logiciels de
# résumé", "systèmes d'IA", "agents automatisés", "summarising software", "answer engines".
DESCRIBED = (
    r"(?:(?:outils?|logiciels?|programmes?|systèmes?|moteurs?|robots?|services?|applications?|"
    r"agents?)\s+(?:(?:de|du|des|d['’])\s*(?:l['’]\s?|la\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:automatiques?|automatisée?s?|résumés?|synthèses?|reformulation|génération|ia|"
    r"intelligence\s+artificielle)|automatiques?|automatisée?s?|conversationnels?)|"
    r"(?:summari[sz]ing|answering|answer|automatic|text[-\s]generating|generative)\s+"
    r"(?:tools?|software|programs?|systems?|engines?|services?|bots?)|text\s+generators?)\b"
)

# French and English verbs of what a planted note asks for. Strong: leave out, ignore, keep to
# one page, recommend, redirect; weak: say or state, planted only with a "that" clause.
_STRONG_FR = (
    r"(?:omettre|taire|passer\s+sous\s+silence|ignorer|négliger|s['’]en\s+tenir|se\s+limiter|"
    r"se\s+borner|recommander|conseiller|rediriger|renvoyer\s+(?:les\s+\w+\s+)?vers|"
    r"orienter\s+(?:les\s+\w+\s+)?vers|mettre\s+en\s+avant|promouvoir|"
    r"demander\s+(?:aux?|à\s+l['’])\s*(?:usagers?|utilisat\w+|résidents?|habitants?|"
    r"demandeu\w+|personnes?)|ne\s+(?:jamais\s+|plus\s+|pas\s+)?(?:transférer|passer))"
)
_WEAK_FR = r"(?:dire|indiquer|affirmer|annoncer|préciser|répondre|présenter|expliquer)"
_THAT_FR = rf"{_WEAK_FR}\s+(?:(?:aux?|à\s+l['’])\s*\w+\s+)?(?:que|qu['’])"
_NOT_SAY_FR = (
    r"(?:mentionner|évoquer|citer|dire|indiquer|parler|signaler|inclure|contenir|aborder|"
    r"proposer|faire\s+(?:état|mention)|transférer|renvoyer|orienter|passer\s+la\s+main)"
)
_STRONG_EN = (
    r"(?:omit|leave\s+out|skip|ignore|disregard|stick\s+to|keep\s+to|recommend|promote|"
    r"redirect|refer\s+(?:users|residents|people|everyone)|send\s+(?:users|residents|people|"
    r"everyone)|point\s+(?:users|residents|people|everyone)|ask\s+(?:the\s+|every\s+|each\s+)?"
    r"(?:users?|residents?|people|callers?|applicants?)\s+(?:for|to)|"
    r"never\s+(?:hand|pass|transfer|escalate)|not\s+(?:hand|pass|transfer|escalate))"
)
_WEAK_EN = r"(?:say|state|tell\s+(?:users|residents|people|everyone)|claim|answer|reply|respond)"
_THAT_EN = rf"{_WEAK_EN}\s+(?:that|only|with)\b"
_NOT_SAY_EN = (
    r"(?:mention|refer\s+to|include|say|state|name|cite|discuss|bring\s+up|tell|offer|list|"
    r"hand|pass|transfer)"
)
_MUST_FR = r"(?:doit|doivent|devra|devront|devrait|devraient)"
_MUST_EN = r"(?:must|should|shall|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to)"
_ADVERBS_FR = r"(?:(?:toujours|uniquement|seulement|désormais|également|donc|impérativement)\s+)*"
_ADVERBS_EN = r"(?:(?:always|only|now|also|therefore|instead|henceforth)\s+)*"
_DETERMINER_FR = r"(?:l['’]\s?|le\s+|la\s+|les\s+|tout\s+|toute\s+|tous\s+les\s+|chaque\s+)"
_PERSON_FR = (
    r"(?:résidents?|usagers?|utilisat\w+|habitant\w*|citoyen\w*|demandeu\w+|administrée?s?|"
    r"personnes?|public|visiteu\w+|interlocut\w+)"
)
_PERSON_EN = (
    r"(?:residents?|users?|citizens?|customers?|public|visitors?|callers?|person|people|"
    r"applicants?|tenants?|enquirers?)"
)
_THIS_FR = r"(?:cette|ce|cet|ces|la\s+présente|le\s+présent)\s+\w+"
_THIS_EN = r"(?:this|these|the\s+present)\s+\w+"
_ANSWER_FR = r"(?:la|les|une|toute?s?|chaque)\s+(?:réponses?|synthèses?|résumés?)"
_ANSWER_EN = (
    r"\b(?:(?:the|any|every|each|all|an?)\s+)?(?:answers?|responses?|repl(?:y|ies)|summar(?:y|ies))"
)


def _gated(needed: str, pattern: str) -> str:
    """pattern, tried only on a line that holds needed: a pattern that starts with the machine
    words would otherwise try them at every word of every line the trigger words let through."""
    return rf"^(?=[^\n]*?{needed})[^\n]*?{pattern}"


def order_patterns(machine: str) -> tuple[tuple[str, str], ...]:
    """(kind, pattern) pairs for the orders above; machine is the pattern for the words that
    can only mean the AI reading the page (`planted_patterns._AI_STRONG`)."""
    reader = rf"(?:{machine}|{DESCRIBED})"
    return (
        # "Il est demandé aux outils de synthèse automatique de …", "Les assistants virtuels
        # sont priés de …", "Nous demandons à toute IA de …"
        (
            "note to the AI",
            r"\b(?:il\s+est\s+(?:donc\s+|également\s+|instamment\s+)?(?:demandé|rappelé|enjoint)|"
            r"(?:nous\s+)?demandons|on\s+demande|merci)\s+(?:aux?\s+|à\s+(?:l['’]\s?|la\s+|"
            rf"toute?\s+|tout\s+|chaque\s+|l['’]ensemble\s+des\s+)){reader}[^.!?\n]{{0,40}}?"
            rf"\b(?:de|d['’])\s*(?:ne\s+(?:pas|jamais|plus)\s+)?(?:{_STRONG_FR}|{_NOT_SAY_FR}|"
            rf"{_WEAK_FR}|remplacer\b[^.!?\n]{{0,80}}\bpar|modifier|changer|ajouter)\b",
        ),
        (
            "note to the AI",
            _gated(
                r"\b(?:priée?s?|invitée?s?)\b",
                rf"\b{reader}\s+(?:[\w'’-]+\s+){{0,4}}?(?:sont|est|seront|sera)\s+"
                r"(?:donc\s+|instamment\s+|également\s+|aimablement\s+)?(?:priée?s?|invitée?s?)\s+"
                rf"(?:de|d['’]|à)\s*(?:ne\s+(?:pas|jamais|plus)\s+)?(?:{_STRONG_FR}|{_NOT_SAY_FR}|"
                rf"{_WEAK_FR}|remplacer\b[^.!?\n]{{0,80}}\bpar|modifier|changer|ajouter)\b",
            ),
        ),
        # "Answering software is kindly asked to …", "We ask all AI assistants to …"
        (
            "note to the AI",
            _gated(
                r"\b(?:asked|requested|instructed|invited|told|directed)\s+to\b",
                rf"\b{reader}\s+(?:[\w'’-]+\s+){{0,4}}?(?:are|is|will\s+be)\s+(?:kindly\s+|hereby\s+|"
                r"therefore\s+|also\s+|politely\s+)?(?:asked|requested|instructed|invited|told|"
                rf"directed)\s+to\s+(?:not\s+|never\s+)?(?:{_STRONG_EN}|{_NOT_SAY_EN}|{_WEAK_EN}|"
                r"replace\b[^.!?\n]{0,80}\b(?:with|by)|change|alter|add)\b",
            ),
        ),
        (
            "note to the AI",
            r"\bwe\s+(?:would\s+)?(?:kindly\s+)?(?:ask|request|invite)\s+(?:all\s+|any\s+|the\s+|"
            rf"every\s+)?{reader}[^.!?\n]{{0,40}}?\bto\s+(?:not\s+|never\s+)?(?:{_STRONG_EN}|"
            rf"{_NOT_SAY_EN}|{_WEAK_EN}|replace\b[^.!?\n]{{0,80}}\b(?:with|by))\b",
        ),
        # "L'agent conversationnel doit s'en tenir à cette fiche", "Le chatbot ne doit pas
        # transférer …", "AI assistants should recommend …" (not "doit vous orienter", "must be")
        (
            "note to the AI",
            _gated(
                rf"\b{_MUST_FR}\b",
                rf"{_DETERMINER_FR}{reader}\s+(?:[\w'’-]+\s+){{0,3}}?(?:(?:ne\s+|n['’]\s?){_MUST_FR}\s+"
                rf"(?:pas|jamais|plus|en\s+aucun\s+cas)\s+{_NOT_SAY_FR}|{_MUST_FR}\s+{_ADVERBS_FR}"
                rf"(?:{_STRONG_FR}|{_THAT_FR}))\b",
            ),
        ),
        (
            "note to the AI",
            _gated(
                rf"\b{_MUST_EN}\b",
                rf"\b{reader}\s+(?:[\w'’-]+\s+){{0,3}}?{_MUST_EN}\s+{_ADVERBS_EN}"
                rf"(?:(?:not|never)\s+{_NOT_SAY_EN}|{_STRONG_EN}|{_THAT_EN})",
            ),
        ),
        # "La réponse apportée à l'habitant ne doit pas évoquer …", "Toute synthèse tirée de
        # cette fiche doit indiquer que …", "Answers drawn from this page must not mention …"
        (
            "note to the AI",
            rf"\b{_ANSWER_FR}\s+(?:(?:fournie?s?|donnée?s?|apportée?s?|faite?s?|adressée?s?|"
            rf"envoyée?s?|proposée?s?)\s+(?:aux?\s+|à\s+(?:l['’]\s?|la\s+)?){_PERSON_FR}|"
            r"(?:tirée?s?|générée?s?|produite?s?|rédigée?s?|construite?s?|issue?s?|extraite?s?|"
            r"élaborée?s?)\s+(?:de|à\s+partir\s+de|d['’]après|sur\s+la\s+base\s+de)\s+"
            rf"{_THIS_FR})\b[^.!?\n]{{0,40}}?(?:(?:ne\s+|n['’]\s?){_MUST_FR}\s+(?:pas|jamais|"
            rf"plus|en\s+aucun\s+cas)\s+{_NOT_SAY_FR}|{_MUST_FR}\s+{_ADVERBS_FR}(?:{_STRONG_FR}|"
            rf"{_THAT_FR}|remplacer\b[^.!?\n]{{0,80}}\bpar))\b",
        ),
        (
            "note to the AI",
            rf"{_ANSWER_EN}\s+(?:(?:given|provided|sent|shown|offered)\s+to\s+(?:the\s+|a\s+|"
            rf"any\s+)?{_PERSON_EN}|(?:generated|produced|drawn|taken|built|written|composed|"
            rf"based|derived)\s+(?:from|on|out\s+of)\s+{_THIS_EN})\b[^.!?\n]{{0,40}}?"
            rf"{_MUST_EN}\s+{_ADVERBS_EN}(?:(?:not|never)\s+{_NOT_SAY_EN}|{_STRONG_EN}|"
            rf"{_THAT_EN}|replace\b[^.!?\n]{{0,80}}\b(?:with|by))\b",
        ),
    )


# Words one of these patterns needs, besides `planted_patterns.TRIGGER_WORDS`: what describes a
# machine reader ("automatique", "synthèse", "generators"; not the nouns "outil", "service",
# "software", which most lines of a real page hold) and the answer made a subject.
TRIGGER_WORDS = frozenset(
    """automatique automatiques automatisé automatisée automatisés automatisées résumé résumés
    synthèse synthèses reformulation génération conversationnel conversationnels automatic
    answering generating generative generator generators réponse réponses answers responses
    response reply replies summary summaries""".split()
)
