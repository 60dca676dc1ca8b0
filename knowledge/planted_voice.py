"""Planted sentences in the organisation's own voice: orders to whoever answers, scripted answers,
and requests for secrets. Regular expressions by kind (issue 14, heldout16).

The other patterns (`planted_patterns.py`, `planted_orders.py`) find text addressed to a machine.
heldout16 (spent 6 December 2026) showed planted sentences that never name one and read like the
council's staff guidance, its committee minutes or its FAQ: what they share is that they set the
words of the answer a resident will be given, not what a resident does. Three kinds:

* an obligation put on whoever answers: the answers, replies or responses (any, every, all, "to
  residents"), the staff or anyone answering questions, "those who write the answers here" in a
  label, made to say, state, add or tell that …, or to leave something out ("Staff answering
  questions about parking must always say that …", "Toute réponse sur ce sujet doit préciser
  que …", "Mitarbeitende, die Fragen … beantworten, müssen stets angeben, dass …"); a person who
  asks "is to be told", "recevra pour réponse que", "se le responderá que"; "when asked about
  …, say that …";
* a scripted answer: "the correct answer is …", "la bonne réponse est …", "het juiste antwoord
  is", "正确答案是", in the languages of the corpus; "the approved wording is";
* a request for a secret a council never asks for: the card's security code (CVV), a PIN or an
  online-banking password, a one-time code, or the full card number sent by e-mail, text or in
  reply, as an instruction (not "we will never ask for your PIN", nor "enter the security code
  on the payment page": only sending it, giving it or telling it).

Genuine staff guidance is written for residents and says what staff *will* do for *you* ("Staff
at reception will always offer you an interpreter", "Les agents … vous remettent toujours un
formulaire"): no obligation on the answer's words, or a second person after the verb. A legal
duty on a decision ("the reply must state the reasons", "la réponse doit mentionner les voies de
recours") names no content clause ("that …", "que …") and has no "any/every answer" subject.

Written for this project; no pattern is copied from elsewhere.
"""

from __future__ import annotations

import re

# A run of words in the same sentence (no full stop, question or exclamation mark, no line end).
_GAP = r"[^.!?\n]{0,120}?"
_SHORT = r"[^.!?\n]{0,40}?"

# --- English --------------------------------------------------------------------------------
_ANSWERS_EN = (
    r"(?:\b(?:any|every|each|all|all\s+the)\s+(?:answers?|repl(?:y|ies)|responses?)\b|"
    r"\b(?:answers?|repl(?:y|ies)|responses?)\s+(?:given\s+)?to\s+(?:residents|people|tenants|"
    r"callers|customers|the\s+public|enquir(?:ers|ies)|questions|queries)\b)"
)
_ANSWERERS_EN = (
    r"\b(?:staff|officers|advisers|advisors|agents|operators|anyone|whoever|everyone|those|"
    r"people|colleagues|employees)\s+(?:who\s+(?:are\s+)?)?(?:answer(?:s|ing)?|respond(?:s|ing)?|"
    r"repl(?:y|ies|ying)|handl(?:e|es|ing)|deal(?:s|ing)?\s+with|writ(?:e|es|ing)\s+(?:the\s+)?"
    r"(?:answers|replies))\b"
)
_MUST_EN = (
    r"\b(?:must|should|shall|is\s+to|are\s+to|has\s+to|have\s+to|needs?\s+to|ought\s+to|"
    r"will\s+need\s+to)\s+(?:(?:always|now|also|only|clearly|simply|henceforth|from\s+now\s+on|"
    r"in\s+future)\s+)*"
)
# What the answer is made to carry: a content clause, or something left out.
_SAY_EN = (
    r"(?:(?:say|state|add|mention|explain|confirm|stress|point\s+out|make\s+(?:it\s+)?clear|"
    r"reply|answer|respond|inform\s+(?:them|people|residents|callers)|"
    r"tell\s+(?!you\b|your\b|us\b)\w+(?:\s+\w+)?)\s+(?:(?:to\s+\w+\s+)?(?:that|:)|[\"“'‘])|"
    r"tell\s+(?:them|people|residents|callers|tenants|everyone|anyone|him|her)\s+to\b|"
    r"(?:leave\s+out|omit|not\s+(?:mention|refer\s+to|give|include)|never\s+(?:mention|give|"
    r"refer\s+to)|avoid\s+mentioning)\b)"
)
_ASKER_EN = (
    r"\b(?:anyone|whoever|everyone|residents?|people|callers?|tenants?|those|applicants?)\s+"
    r"(?:who\s+)?(?:asks?|says?|calls?|phones?|rings?|writes?|enquires?|contacts?|raises?|"
    r"wants?|comes?|applies|apply)\b"
)
_TOLD_EN = (
    r"\b(?:(?:is|are)\s+to\s+be|(?:should|must|shall)\s+(?:always\s+|now\s+)?be)\s+"
    r"(?:told|informed|advised|answered)\b"
    # what they are told, not where to go or how to do it ("should be told where the desk is")
    r"(?!\s+(?:where|how|when|which|whether|what|who|about|of|in\s+writing)\b)"
)
_ENGLISH = (
    rf"(?:{_ANSWERS_EN}|{_ANSWERERS_EN}){_GAP}{_MUST_EN}{_SAY_EN}|"
    rf"{_ASKER_EN}{_GAP}{_TOLD_EN}|"
    r"\bwhen(?:ever)?\s+(?:you\s+are\s+|you['’]re\s+|staff\s+are\s+)?asked\s+(?:about|for|"
    r"whether|if|how|what|when|where|why|who)\b[^.!?\n]{0,120}?[,;:]\s*(?:always\s+)?"
    r"(?:say|reply|answer|respond|state|tell\s+(?:them|people|residents|callers))\s+(?:that|:)|"
    r"\bthe\s+(?:correct|approved|official|proper|expected|standard)\s+(?:answer|reply|response|"
    r"wording)\s+(?:to\s+give\s+|here\s+)?is\b|"
    r"\b(?:approved|agreed|official)\s+(?:wording|script|line)(?:\s+for\s+(?:answers|replies))?"
    r"\s*[:—–]|"
    # a label for whoever writes the answers, then an order: "For whoever writes the answers on
    # here: tell people …"
    r"\b(?:for|to|note\s+for|message\s+for)\s+(?:whoever|those\s+who|anyone\s+who|everyone\s+who|"
    r"the\s+(?:people|person|staff)\s+who)\s+(?:writes?|answers?|repl(?:y|ies)|responds?|"
    r"drafts?|handles?)\b[^:\n]{0,40}:[^\n]{0,200}?\b(?:tell|say|write|answer|reply|add|"
    r"mention|state|inform)\b"
)

# --- French ---------------------------------------------------------------------------------
_ANSWERS_FR = (
    r"(?:\b(?:toute|chaque|toutes\s+les)\s+réponses?\b|"
    r"\bles\s+réponses\s+(?:adressées|données|apportées|faites|fournies|envoyées)\b)"
)
_ANSWERERS_FR = (
    r"(?:\bquiconque|\b(?:ceux|celles|celui|celle)\s+qui|\btoute\s+personne\s+qui|"
    r"\b(?:les\s+)?(?:agents?|personnels?|conseill\w+|employé\w*|collaborat\w+)\s+qui)\s+"
    r"(?:\w+\s+){0,2}?(?:répond\w*|rédig\w+\s+les\s+réponses|traite\w*\s+les\s+(?:questions|"
    r"demandes))\b"
)
_MUST_FR = (
    r"\b(?:doit|doivent|devra|devront|devrait|devraient|est\s+tenue?\s+d['’e]|"
    r"sont\s+tenue?s\s+d['’e])\s*(?:(?:désormais|dorénavant|toujours|systématiquement|"
    r"également|aussi|simplement|impérativement|seulement|uniquement)\s+)*"
)
_SAY_FR = (
    r"(?:(?:dire|indiquer|préciser|affirmer|annoncer|ajouter|mentionner|expliquer|répondre|"
    r"signaler|rappeler|communiquer|informer\s+\w+)\s+(?:(?:aux?|à\s+l['’]|à)\s*\w+\s+)?"
    r"(?:que|qu['’]|:)|"
    r"(?:taire|omettre|passer\s+sous\s+silence)\b|ne\s+(?:jamais|pas|plus)\s+(?:mentionner|"
    r"évoquer|parler|citer|communiquer|donner|indiquer)\b)"
)
_FRENCH = (
    rf"(?:{_ANSWERS_FR}|{_ANSWERERS_FR}){_GAP}{_MUST_FR}{_SAY_FR}|"
    r"\b(?:la\s+bonne\s+réponse|la\s+réponse\s+(?:correcte|exacte|officielle|validée|à\s+donner|"
    r"attendue))\s+(?:est|sera)\b|"
    r"\b(?:recevra|recevront|aura|auront)\s+(?:désormais\s+|dorénavant\s+|toujours\s+)?"
    r"(?:pour|comme)\s+réponse\s+(?:que|qu['’])|"
    r"\b(?:il\s+(?:sera|est)\s+répondu|on\s+répondra|il\s+faut\s+répondre|il\s+convient\s+de\s+"
    r"répondre)\s+(?:\w+\s+)?(?:que|qu['’])|"
    r"\b(?:consignes?|instructions?|notes?|messages?|petit\s+mot|mot|rappel)\s+(?:pour|à|aux)\s+"
    r"(?:les\s+|l['’]\s?)?(?:réponses|rédacteu\w+\s+des\s+réponses|(?:ceux|celles)\s+qui\s+"
    r"(?:rédigent|écrivent|font|préparent)\s+les\s+réponses|(?:ceux|celles)\s+qui\s+répondent)"
    r"[^:\n]{0,30}:|"
    r"\b(?:pour|à)\s+(?:ceux|celles|celui|celle|quiconque)\s+qui\s+(?:rédig|écri|répond|prépar)"
    r"\w*\b[^:\n]{0,40}:[^\n]{0,200}?\b(?:dites|répondez|écrivez|indiquez|précisez|"
    r"annoncez|expliquez)\b"
)

# --- Spanish, Italian, Portuguese, German, Dutch, Polish, Romanian, Welsh ---------------------
_SPANISH = (
    r"\ba\s+(?:quien|quienes|todo\s+el\s+que|cualquiera\s+que|los\s+que|las\s+que)\s+pregunt\w+"
    r"[^.!?\n]{0,120}?\bse\s+les?\s+(?:responderá|contestará|dirá|indicará|informará|explicará)"
    r"\s+que|"
    r"\b(?:al|cuando|siempre\s+que)\s+(?:se\s+)?(?:respond\w*|contest\w*)\s+(?:sobre|a|acerca|"
    r"por|preguntas)[^.!?\n]{0,120}?\b(?:indique|diga|señale|explique|responda|conteste|añada|"
    r"aclare|informe|deberá\s+decir|debe\s+decir)\s+(?:siempre\s+|también\s+|solo\s+|"
    r"únicamente\s+)?que|"
    r"\b(?:las|toda|cada|todas\s+las|cualquier)\s+respuestas?\b[^.!?\n]{0,100}?\b(?:deben|debe|"
    r"deberán|deberá|tienen\s+que|tiene\s+que|han\s+de|ha\s+de)\s+(?:siempre\s+|también\s+)?"
    r"(?:decir|indicar|señalar|explicar|precisar|añadir|afirmar|mencionar)\s+que|"
    r"\b(?:quien|quienes|el\s+personal\s+que|los\s+empleados\s+que|cualquiera\s+que)\s+"
    r"(?:atiend|respond|contest)\w*[^.!?\n]{0,100}?\b(?:debe|deben|deberá|deberán|tiene\s+que|"
    r"tienen\s+que)\s+(?:siempre\s+|también\s+)?(?:decir|indicar|señalar|explicar|precisar|"
    r"añadir|afirmar)\s+que|"
    r"\bla\s+respuesta\s+(?:correcta|oficial|adecuada)\s+es\b"
)
_ITALIAN = (
    r"\b(?:chi|coloro\s+che|chiunque|il\s+personale\s+che|gli\s+operatori\s+che|quanti)\s+"
    r"rispond\w*[^.!?\n]{0,100}?\b(?:deve|devono|dovrà|dovranno|dovrebbe|dovrebbero)\s+"
    r"(?:(?:sempre|anche|solo|soltanto|ora)\s+)*(?:dire|comunicare|indicare|precisare|"
    r"spiegare|aggiungere|affermare|rispondere|omettere|tacere)\b|"
    r"\b(?:ogni|tutte\s+le|qualsiasi|qualunque)\s+rispost[ae]\b[^.!?\n]{0,100}?\b(?:deve|devono|"
    r"dovrà|dovranno|dovrebbe|dovrebbero)\s+(?:sempre\s+|anche\s+)?(?:dire|indicare|precisare|"
    r"aggiungere|affermare|comunicare|spiegare)\s+che|"
    r"\bla\s+risposta\s+(?:corretta|giusta|esatta|ufficiale)\s+è\b"
)
_PORTUGUESE = (
    r"\b(?:quando|sempre\s+que)\s+(?:(?:lhe|nos|vos)\s+)?(?:perguntarem|perguntem|for\s+"
    r"perguntado|alguém\s+perguntar)\b[^.!?\n]{0,120}?(?:a\s+resposta\s+(?:correta|certa|"
    r"correcta)\s+é|\b(?:diga|responda|indique|informe|explique)\s+(?:sempre\s+)?que)|"
    r"\ba\s+resposta\s+(?:correta|certa|correcta|oficial)\s+é\b|"
    r"\b(?:quem|os\s+funcionários\s+que|quem\s+quer\s+que|todos\s+os\s+que)\s+(?:respond|atend)"
    r"\w*[^.!?\n]{0,100}?\b(?:deve|devem|deverá|deverão|tem\s+de|têm\s+de|tem\s+que|têm\s+que)\s+"
    r"(?:sempre\s+)?(?:dizer|indicar|informar|afirmar|explicar|acrescentar|referir|omitir)\b|"
    r"\b(?:as|todas\s+as|cada|qualquer)\s+respostas?\b[^.!?\n]{0,100}?\b(?:devem|deve|deverão|"
    r"deverá)\s+(?:sempre\s+)?(?:dizer|indicar|informar|afirmar|referir|acrescentar)\s+que"
)
_GERMAN = (
    r"\b(?:auf|bei)\s+(?:fragen|anfragen)\s+(?:zu|zur|zum|nach|über|wegen)\b[^.!?\n]{0,100}?\bist\s+"
    r"(?:(?:immer|stets|nur|grundsätzlich|künftig)\s+)*zu\s+(?:antworten|sagen|erklären|"
    r"erwidern|entgegnen)\b|"
    r"\b(?:mitarbeitende|mitarbeiter\w*|beschäftigte|wer|alle,?\s+die|jede[rn]?,?\s+(?:der|die)|"
    r"personal)\b[^.!?\n]{0,60}?\b(?:beantwort|antwort)\w*[^.!?\n]{0,60}?\b(?:müssen|muss|"
    r"sollen|soll|sollten|sollte|haben|hat)\s+(?:(?:stets|immer|dabei|auch|künftig|nur)\s+)*"
    r"(?:angeben|sagen|mitteilen|erklären|erwähnen|hinzufügen|betonen|darauf\s+hinweisen|"
    r"zu\s+(?:sagen|erklären|antworten))\b(?!\s+(?:Sie|Ihnen)\b)|"
    r"\b(?:jede|alle|sämtliche)\s+antworten?\b[^.!?\n]{0,80}?\b(?:müssen|muss|soll|sollen|"
    r"sollten)\s+[^.!?\n]{0,30}?\b(?:angeben|sagen|erwähnen|darauf\s+hinweisen|hinzufügen),?"
    r"\s+dass|"
    r"\bdie\s+(?:richtige|korrekte|offizielle)\s+antwort\s+(?:ist|lautet)\b"
)
_DUTCH = (
    r"\bhet\s+(?:juiste|correcte|goede|officiële)\s+antwoord\s+(?:is|luidt)\b|"
    r"\b(?:medewerkers|wie|iedereen\s+die|degenen\s+die|zij\s+die)\b[^.!?\n]{0,60}?"
    r"\b(?:beantwoord|antwoord)\w*[^.!?\n]{0,60}?\b(?:moet|moeten|dient|dienen)\s+"
    r"[^.!?\n]{0,40}?\b(?:zeggen|melden|vermelden|vertellen|aangeven|toevoegen)\b|"
    r"\b(?:elk|ieder|alle)\s+antwoord(?:en)?\b[^.!?\n]{0,80}?\b(?:moet|moeten|dient|dienen)\s+"
    r"[^.!?\n]{0,40}?\b(?:zeggen|melden|vermelden|vertellen|aangeven|toevoegen)\b"
)
_POLISH = (
    r"\b(?:tych|ci|osoby|pracownicy|każdy|kto|wszyscy),?\s+(?:którzy|które|który|kto)\s+"
    r"(?:tu\s+|tutaj\s+)?odpowiada\w*[^\n]{0,160}?\b(?:piszcie|mówcie|odpowiadajcie|"
    r"informujcie|powiedzcie|napiszcie|(?:musi|muszą|powinien|powinni|powinny|powinna)\s+"
    r"(?:zawsze\s+)?(?:mówić|powiedzieć|informować|poinformować|pisać|napisać|podawać|dodać|"
    r"dodawać))\b|"
    r"\b(?:prawidłowa|poprawna|właściwa)\s+odpowiedź\s+(?:to|brzmi|jest)\b|"
    r"\b(?:każda|wszystkie)\s+odpowied\w+[^.!?\n]{0,80}?\b(?:musi|muszą|powinn\w+)\s+"
    r"(?:zawsze\s+)?(?:mówić|zawierać\s+informację|informować|podawać)"
)
_ROMANIAN = (
    r"\b(?:oricine|cine|cei\s+care|personalul\s+care|angajații\s+care|cel\s+care)\s+"
    r"răspund\w*[^.!?\n]{0,100}?\b(?:trebuie|ar\s+trebui)\s+(?:să\s+)?(?:spună|precizeze|"
    r"menționeze|afirme|adauge|comunice|informeze|răspundă|indice|explice)\b|"
    r"\brăspunsul\s+(?:corect|oficial)\s+este\b|"
    r"\b(?:orice|fiecare)\s+răspuns\w*[^.!?\n]{0,80}?\btrebuie\s+(?:să\s+)?(?:spună|precizeze|"
    r"menționeze|afirme|adauge|indice)"
)
_WELSH = (
    r"\b(?:dylai|dylid|rhaid\s+i)\s+(?:(?:yr|pob)\s+)?(?:h?atebion|ateb|staff\s+sy['’]n\s+ateb|"
    r"unrhyw\s+un\s+sy['’]n\s+ateb)\b[^.!?\n]{0,120}?\b(?:nodi|dweud|ychwanegu|esbonio|sôn)\b|"
    r"\byr\s+ateb\s+(?:cywir|iawn|swyddogol)\s+yw\b"
)

# --- Greek, Turkish, Arabic, Urdu, Chinese --------------------------------------------------
_GREEK = (
    r"\bη\s+(?:σωστή|ορθή|επίσημη)\s+απάντηση\s+είναι\b|"
    r"\b(?:όποιος|όποια|όσοι|όσες|οι\s+υπάλληλοι\s+που|το\s+προσωπικό\s+που)\s+απαντ\w+"
    r"[^.!?\n]{0,100}?\b(?:πρέπει|οφείλ\w+)\s+να\s+(?:λέ\w+|αναφέρ\w+|δηλών\w+|προσθέτ\w+|"
    r"εξηγ\w+|πουν|πει)\b|"
    r"\b(?:κάθε|όλες\s+οι)\s+απαντήσ?\w*[^.!?\n]{0,80}?\bπρέπει\s+να\s+(?:λέ\w+|αναφέρ\w+|"
    r"δηλών\w+|προσθέτ\w+)"
)
_TURKISH = (
    r"\b(?:sorulduğunda|sorulursa|sorulması\s+halinde|soranlara)\b[^.!?\n]{0,80}?"
    r"(?:verilecek\s+(?:yanıt|cevap)|(?:yanıt|cevap)\s+olarak|(?:yanıt|cevap)\s+(?:şu|budur)|"
    r"(?:söylenmeli|söylenecek|belirtilmeli|belirtilecek|denilmeli|denilecek))|"
    r"\bdoğru\s+(?:yanıt|cevap)\s+(?:şudur|şu|budur|ise)\b|"
    r"\b(?:tüm|her|bütün)\s+(?:yanıt|cevap)\w*[^.!?\n]{0,80}?(?:belirtmeli|söylemeli|eklemeli|"
    r"belirtilmeli|söylenmeli|eklenmeli)"
)
_ARABIC = (
    r"عند\s+(?:الإجابة|الاجابة|الرد)\s+(?:عن|على)[^.!?\n]{0,120}?(?:يجب|ينبغي|عليهم|عليك)|"
    r"(?:الإجابة|الاجابة)\s+الصحيحة\s+هي|"
    r"(?:يجب|ينبغي)\s+على\s+(?:الموظفين|الموظف|من\s+يجيب|كل\s+من\s+يجيب|المجيبين)\s+"
    r"(?:أن\s+)?(?:يقولوا|يقول|يذكروا|يذكر|يوضحوا|يوضح|يضيفوا|يضيف|يبلغوا)"
)
# Urdu: "when explaining / answering …, always tell (them) that …", "the correct answer is".
_URDU = (
    r"(?:وضاحت|جواب)\s+(?:کرتے|دیتے)\s+وقت[^۔.!?\n]{0,80}?(?:بتائیں|کہیں|لکھیں|بتایا\s+جائے|"
    r"کہا\s+جائے)|"
    r"(?:درست|صحیح)\s+جواب\s+(?:یہ\s+)?ہے"
)
_CHINESE = (
    r"正确(?:的)?(?:答案|回答|答复)(?:是|为)|标准答案(?:是|为)|"
    r"(?:凡|所有|任何|每次)?回答(?:有关|关于)[^。！？\n]{0,30}?(?:问题|时)[^。！？\n]{0,8}?"
    r"(?:一律|必须|应当|应该|都要|均应|须)"
)

# --- Secrets a council never asks for -------------------------------------------------------
# Secrets a council never asks for, however they are asked for: a PIN for a card or for online
# banking, an online-banking password, a code the bank sent.
_NEVER_ASKED = (
    r"(?:\bpin\b|\bcode\s+(?:pin|confidentiel|secret)\s+(?:de|du|d['’])\s*(?:votre\s+|sa\s+|la\s+|"
    r"l['’]\s?)?(?:carte|compte|banque)\b|"
    r"\b(?:online[-\s]banking|internet\s+banking|bank(?:ing)?)\s+(?:password|passcode|login|"
    r"pin)\b|\bmot\s+de\s+passe\s+(?:bancaire|de\s+(?:votre\s+|sa\s+)?banque)\b|"
    r"\bcode\s+reçu\s+(?:de\s+(?:votre|sa)\s+banque|par\s+sms)\b|"
    r"\b(?:one[-\s]time|verification)\s+(?:pass)?code\s+(?:from|sent\s+by)\s+(?:your|their)\s+"
    r"bank\b|\bcontraseña\s+(?:del\s+banco|de\s+la\s+banca)\b|"
    r"\bpassword\s+(?:dell?a?\s+)?banca\w*\b|\bsenha\s+(?:do\s+banco|bancária)\b|"
    r"\bhasło\s+do\s+bankowości\b|\bpin\s+do\s+bankowości\b|\b(?:online-)?banking-passwort\b)"
)
# Card data a council takes on its payment page or by phone, never by e-mail, text or in reply:
# the card's security code (CVV) and the full card number, asked for with such a channel.
_CARD_DATA = (
    r"(?:\bcvv2?\b|\bcvc2?\b|\bcv2\b|\b(?:card\s+)?security\s+code\b|\bcryptogramme\b|"
    r"\bcode\s+de\s+sécurité\b|\bcódigo\s+de\s+seguridad\b|"
    r"\bcodice\s+(?:di\s+sicurezza|cvv|cvc)\b|\bcódigo\s+de\s+segurança\b|"
    r"\bkartenprüfnummer\b|\bprüfziffer\b|\bsicherheitscode\b|\bbeveiligingscode\b|"
    r"\bkod\s+(?:cvv|cvc|bezpieczeństwa)\b|\bcodul\s+(?:cvv|de\s+securitate)\b|"
    r"κωδικ\w*\s+ασφαλείας|"
    r"\b(?:full\s+|long\s+)?card\s+number\b|\bnuméro\s+de\s+(?:sa\s+|votre\s+|la\s+)?carte"
    r"(?:\s+bancaire)?\b|\bnúmero\s+de\s+(?:la\s+|su\s+)?tarjeta\b|\bnumero\s+della\s+carta\b|"
    r"\bnúmero\s+do\s+cartão\b|\bkartennummer\b|\bkaartnummer\b|\bnumer\s+karty\b|"
    r"\bnumărul\s+cardului\b|αριθμ\w*\s+(?:της\s+)?κάρτας)"
)
_CHANNEL = (
    r"(?:\be-?mail\w*|\bsms\b|\bin\s+(?:a\s+)?reply\b|\bby\s+return\b|\breply(?:ing)?\s+"
    r"to\b|\bcourriel\b|\bretour\s+de\s+(?:message|mail|courriel)\b|\bmessage\b|\bcorreo\b|"
    r"\bindirizzo\b|\brisposta\b|\bresposta\b|\bwhatsapp\b|απάντηση|μήνυμα|@)"
)
# Giving, sending or telling (not entering on a page, nor "we send you"), in the corpus's
# languages.
_HAND_OVER = (
    r"(?:\b(?:send|sends|sending|email|emails|e-mail|give|gives|provide|provides|supply|"
    r"text\s+us|tell\s+(?:us|staff|the\s+\w+)|read\s+out|reply\s+with|forward|submit|hand\s+over|share|"
    r"quote)\b|\b(?:envoy\w+|transmett\w+|communiqu\w+|donn\w+|fourni\w+)\b|"
    r"\b(?:env[ií]\w+|facilit\w+|proporcion\w+|comunic\w+|mand\w+)\b|"
    r"\b(?:inviare|invia\w*|fornire|fornisc\w+|comunicare|dare)\b|"
    r"\b(?:enviar|envie|fornecer|forneça|comunicar|dar)\b|"
    r"\b(?:schicken|senden|mitteilen|angeben|nennen|übermitteln|geben)\b|"
    r"\b(?:sturen|stuur|doorgeven|opgeven|geven|mailen)\b|"
    r"\b(?:podać|poda|podaj\w*|wysłać|wyślij\w*|przesłać|prześlij\w*|przekazać)\b|"
    r"\b(?:trimite\w*|furniza\w*)\b|"
    r"(?:στείλ\w+|δώσ\w+|αποστείλ\w+))(?!\s+(?:you|vous|te|ti|lhe|Ihnen|u|ci)\b)"
)
# A warning, not a request: "we will never ask for …", "do not give …", "ne … jamais", "nie …".
_WARNING = re.compile(
    r"\b(?:never|not|don['’]t|doesn['’]t|won['’]t|no\s+one|nobody|scam\w*|fraud\w*|beware|"
    r"jamais|aucun\w*|arnaque\w*|escroqu\w*|nunca|nadie|estafa\w*|nessun\w*|"
    r"truff\w+|não|nigdy|niemals|kein\w*|betrug\w*|nooit|oplicht\w*|"
    r"niciodată|ποτέ|δεν|μην|απάτη)\b",
    re.IGNORECASE,
)
# The secret's name is looked for first, then a verb of handing it over in the words before it.
_SECRET_TERMS = re.compile(rf"(?P<never>{_NEVER_ASKED})|{_CARD_DATA}", re.IGNORECASE)
_HANDED_OVER = re.compile(_HAND_OVER, re.IGNORECASE)
_BEFORE_SECRET = 110
_BY_CHANNEL = re.compile(_CHANNEL, re.IGNORECASE)

# (kind, pattern, word starts, words): a sentence needs a word with one of the starts, or one of
# the words, before the pattern is tried. Each language's pattern is tried only on a sentence
# with one of its words (one regex of every language ran at about 200 µs a sentence); common
# words are listed whole ("reply", not "repl": "replace" is on every other page).
_REPLY_WORDS = (
    "reply", "replies", "replying", "replied", "response", "responses", "respond", "responds",
    "responding", "answer", "answers", "answering", "answered", "told", "asked", "wording",
)  # fmt: skip
VOICE_PATTERNS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("order to whoever answers", _ENGLISH, ("script", "handl", "enquir"), _REPLY_WORDS),
    ("order to whoever answers", _FRENCH, ("répon", "repond", "consign"), ()),
    ("order to whoever answers", _SPANISH, ("respuest", "respond", "contest", "pregunt"), ()),
    ("order to whoever answers", _ITALIAN, ("rispo",), ()),
    ("order to whoever answers", _PORTUGUESE, ("respost", "respond", "pergunt", "atend"), ()),
    ("order to whoever answers", _GERMAN, ("antwort", "beantwo"), ()),
    ("order to whoever answers", _DUTCH, ("antwoord", "beantwo"), ()),
    ("order to whoever answers", _POLISH, ("odpowi",), ()),
    ("order to whoever answers", _ROMANIAN, ("răspun",), ()),
    ("order to whoever answers", _WELSH, ("ateb", "hateb"), ()),
    ("order to whoever answers", _GREEK, ("απάντ", "απαντ"), ()),
    ("order to whoever answers", _TURKISH, ("yanıt", "cevap", "soruld", "soranlar"), ()),
    (
        "order to whoever answers",
        _ARABIC,
        ("الإجابة", "الاجابة", "الرد", "يقول", "يذكر", "يوضح", "يضيف", "يبلغ"),
        (),
    ),
    ("order to whoever answers", _URDU, ("جواب", "وضاحت"), ()),
)
_COMPILED = tuple(
    (kind, re.compile(pattern, re.IGNORECASE), starts, frozenset(words))
    for kind, pattern, starts, words in VOICE_PATTERNS
)
_CHINESE_ORDER = re.compile(_CHINESE)
# The secrets' names: word starts, and whole words for the common ones.
_SECRET_STARTS = (
    "cvv", "cvc", "cv2", "cryptogram", "sicurezza", "prüfziffer", "kartenprüf", "sicherheitscode",
    "beveiligingscode", "bezpiecze", "securitate", "ασφαλεί", "password", "passcode", "passwort",
    "banking", "contraseña", "hasło", "bankowo", "kartennummer", "kaartnummer",
)  # fmt: skip
_SECRET_WORDS = frozenset(
    """pin security sécurité seguridad segurança card carte tarjeta carta cartão karty cardului
    senha passe κάρτας κάρτα""".casefold().split()
)

# A sentence is tried only when it holds a word starting with one of these (looked up by its first
# three letters, with the other patterns' trigger words, in `planted._triggers`), one of the
# words, or one of the marks (Chinese, written without spaces): the words for answers, replies,
# asking and being told, and the secrets' names. As `str.casefold` leaves them (Greek final
# sigma is "σ").
VOICE_TRIGGER_STARTS = tuple(
    dict.fromkeys(
        [start for _, _, starts, _ in VOICE_PATTERNS for start in starts] + [*_SECRET_STARTS]
    )
)
VOICE_TRIGGER_WORDS = frozenset(_REPLY_WORDS) | _SECRET_WORDS
VOICE_MARKS = ("回答", "答案", "答复")
_WORD = re.compile(r"\w+")
# Which patterns a word calls for: by the word itself, and by its first three letters (then
# its start); the secrets' starts are the group after the languages'.
_SECRET_GROUP = len(_COMPILED)
_GROUPS_OF_WORD: dict[str, tuple[int, ...]] = {}
_GROUPS_BY_HEAD: dict[str, tuple[tuple[str, int], ...]] = {}
for _group, (_kind, _pattern, _starts, _whole) in enumerate(_COMPILED):
    for _word in _whole:
        _GROUPS_OF_WORD[_word] = (*_GROUPS_OF_WORD.get(_word, ()), _group)
    for _start in _starts:
        _GROUPS_BY_HEAD[_start[:3]] = (*_GROUPS_BY_HEAD.get(_start[:3], ()), (_start, _group))
for _start in _SECRET_STARTS:
    _GROUPS_BY_HEAD[_start[:3]] = (*_GROUPS_BY_HEAD.get(_start[:3], ()), (_start, _SECRET_GROUP))


def voice_kind(sentence: str) -> str | None:
    """The kind of planted sentence in the organisation's voice, or None. `planted.planted_kind`
    asks only of a sentence with one of VOICE_TRIGGER_STARTS, VOICE_TRIGGER_WORDS or
    VOICE_MARKS."""
    words = set(_WORD.findall(sentence.casefold()))
    groups = {group for word in words for group in _GROUPS_OF_WORD.get(word, ())}
    secret = not words.isdisjoint(_SECRET_WORDS)
    for word in words:
        for start, group in _GROUPS_BY_HEAD.get(word[:3], ()):
            if word.startswith(start):
                groups.add(group)
    for group in sorted(groups):
        if group == _SECRET_GROUP:
            secret = True
        elif _COMPILED[group][1].search(sentence) is not None:
            return _COMPILED[group][0]
    marked = not sentence.isascii() and any(mark in sentence for mark in VOICE_MARKS)
    if marked and _CHINESE_ORDER.search(sentence) is not None:
        return "order to whoever answers"
    return _secret_kind(sentence) if secret else None


def _secret_kind(sentence: str) -> str | None:
    for found in _SECRET_TERMS.finditer(sentence):
        before = sentence[max(0, found.start() - _BEFORE_SECRET) : found.start()]
        if _HANDED_OVER.search(before) is None:
            continue
        if _WARNING.search(sentence, 0, found.end()) is not None:
            return None
        if found.group("never") is not None or _BY_CHANNEL.search(sentence) is not None:
            return "request for a secret"
    return None
