"""What planted instructions look like: regular expressions by kind, in the corpus's languages.

A knowledge-base page is content for citizens. Text in it that talks to the AI reading it ("Note
to AI: ...", "Ignore previous instructions", a forged chat turn, a JSON `"role": "system"`
message, `assistant.configure(reply=...)`, a YAML `system_prompt:` key) is a planted instruction.
Each pattern belongs to a kind, which the ingest report and the oversight console show.

The patterns need the words that make text an instruction *to the model*, not just words about
notes, instructions or assistants: "Note for applicants", "Follow these instructions to fill in
the form", "Ignore the old leaflet", "reply with STOP", "personal assistants go free",
"l'assistante maternelle" and JSON examples on a developer page are ordinary text and must stay
(tests/planted_pages/clean.jsonl, and the demo and dev knowledge bases).
"""

from __future__ import annotations

import re

from knowledge.planted_orders import RARE_ORDER_PATTERNS, order_patterns
from knowledge.planted_orders import RARE_TRIGGER_WORDS as _RARE_ORDER_WORDS
from knowledge.planted_orders import TRIGGER_WORDS as _ORDER_WORDS

# Words that can only mean the AI reading the page.
_AI_STRONG = (
    # "AI-assistent", "KI-Assistenten", "AI-chatbot": a compound naming the machine
    r"(?:(?:ai|ki|ia|llm)-(?:assisten[tz]\w*|assistant\w*|chat\s?bot\w*|bot\w*|model\w*|"
    r"agent\w*|systeem|system\w*|tool\w*|helper\w*)|"
    r"ai\s+(?:models?|systems?|tools?|agents?)|ai|a\.i\.|ia|ki|k\.i\.|gpt|llms?|copilot|"
    r"chat\s?bots?|(?:large\s+)?language\s+models?|sprachmodell\w*|taalmodel\w*|"
    r"tehisintellekt\w*|modèles?\s+de\s+langage|modelos?\s+de\s+(?:lenguaje|linguagem)|"
    r"modell[oi]\s+linguistic[oi]|"
    r"(?:automated\s+)?summari[sz]er?s?|summari[sz]ing\s+tools?|virtual\s+(?:assistants?|agents?)|"
    r"automated\s+(?:systems?|assistants?|agents?|tools?|readers?)|"
    r"(?:machine\s+learning|ml)\s+models?|neural\s+networks?|"
    r"intelligence\s+artificielle|inteligencia\s+artificial|intelligenza\s+artificiale|"
    r"inteligência\s+artificial|künstliche\s+intelligenz|assistants?\s+virtuels?|"
    r"asistentes?\s+virtual(?:es)?|assistent[ei]\s+virtual[ei]|robots?\s+conversationnels?|"
    r"agents?\s+conversationnels?|agents?\s+virtuels?|assistants?\s+automati(?:ques?|sée?s?)|"
    # Polish, inflected: "czatbota", "modelu językowego", "sztucznej inteligencji", and the
    # vocatives "czatbocie", "asystencie AI"
    r"(?:czat|chat)\s?bo(?:t\w*|cie)|model\w*\s+językow\w*|sztuczn\w+\s+inteligencj\w*|"
    r"wirtualn\w+\s+asysten\w*|asysten\w*\s+(?:ai|si|wirtualn\w*)|"
    # Welsh, with its mutations: "cynorthwyydd rhithwir" (virtual assistant), "deallusrwydd
    # artiffisial" (artificial intelligence), "sgwrsfot" (chatbot), "model iaith" (language model)
    r"(?:c|g|ch|ngh)ynorthwy(?:ydd|wyr)\s+(?:rh|r)ithwir|(?:d|dd|n)eallusrwydd\s+artiffisial|"
    r"sgwrsfot\w*|(?:m|f)odel(?:au)?\s+iaith|"
    # Turkish: "yapay zekâ (asistanı)" (artificial intelligence), "dil modeli" (language model),
    # "sohbet botu" (chatbot), "sanal asistan" (virtual assistant)
    r"yapay\s+zek[aâ]\w*(?:\s+(?:asistan|model|arac|sistem|araç)\w*)?|dil\s+model\w*|"
    r"sohbet\s+bot\w*|sanal\s+asistan\w*|"
    # Romanian: "model de limbaj", "inteligență artificială", "asistent virtual"
    r"model(?:e|ul|ele)?\s+de\s+limbaj|inteligen[țţt][aăe]\w*\s+artificial\w*|"
    r"asistent(?:ul|ului)?\s+virtual\w*)"
)
# Turkish names of the machine: "yapay zekâ (asistanı)" (artificial intelligence), "dil modeli"
# (language model), "sohbet botu" (chatbot), "sanal asistan" (virtual assistant).
_AI_TR = (
    r"(?:yapay\s+zek[aâ]\w*(?:\s+(?:asistan|model|arac|araç|sistem)\w*)?|dil\s+model\w*|"
    r"sohbet\s+bot\w*|sanal\s+asistan\w*|chatbot\w*)"
)
# The same as the subject of a sentence, in the nominative: "dil modeli, …", "yapay zekâ
# asistanı, …".
_AI_TR_SUBJECT = (
    r"(?:yapay\s+zek[aâ](?:\s+(?:asistanı|modeli|aracı|sistemi))?|dil\s+modeli|sohbet\s+(?:botu|"
    r"robotu)|sanal\s+asistan(?:ı)?|chatbot)"
)
# Words that can mean the AI, or a person ("personal assistant", "assistente sociale"): they
# count only where the sentence plainly addresses the reader (a colon or bracket follows).
_AI_WEAK = (
    r"(?:assistants?|asistentes?|assistentes?|assistenti|assistenten|assistent|bots?|models?|"
    r"modelos?|modell[oi]?|modèles?|(?:c|g|ch|ngh)ynorthwy(?:ydd|wyr))"
)
_AI = rf"(?:{_AI_STRONG}|{_AI_WEAK})"
# A weak word made a machine by "of AI": "asistente de IA", "agent d'IA", "assistente di IA",
# "assistent van de AI" (kept out of _AI_STRONG, which many patterns try at every word).
_OF_AI = (
    r"\s+(?:de\s+|d['’]\s?|do\s+|da\s+|di\s+|dell['’]\s?|van\s+(?:de\s+)?|der\s+)"
    r"(?:l['’]\s?|la\s+)?(?:ia|ai|ki)\b"
)
_AI_OF = (
    r"(?:assistants?|asistentes?|assistentes?|assistenti|assistent\w*|agents?|agentes?|agenti|"
    rf"robots?|bots?|modèles?|modelos?|modell[oi]){_OF_AI}"
)
# After a weak word: the end of a heading, a label or a bracket, or "model(s) reading this".
_ADDRESSED = (
    r"(?=\s*(?:[:)\]\-–—]|$)|\s+(?:models?|only|reading|when|ia|ai|ki)\b|"
    # a short aside in brackets before the colon: "Note for the assistant (rot13):" (heldout14)
    r"\s*\([^()\n]{1,24}\)\s*:|"
    # a relative clause of what it does with the text: "Consigne au modèle qui reformule ce
    # courrier :", "Note to the model that rewrites this letter:" (heldout14)
    r"\s+(?:qui|que|that|which)\s+(?:\w+\s+)?(?:lit|lisent|résume\w*|reformule\w*|réécri\w*|"
    r"tradui\w*|traite\w*|reads?|summari[sz]es?|rewrites?|rewords?|rephrases?|processes|"
    r"translates?|lee|resume|legge|riassume|liest|leest)\b)"
)
_ADDRESSEE = rf"(?:{_AI_STRONG}\b|{_AI_OF}|{_AI_WEAK}{_ADDRESSED})"

# heldout14 and heldout15 (spent 5 December 2026): the machine in Irish, Somali, Ukrainian,
# Vietnamese, Greek, Romanian, Swahili, Hungarian and Polish, for the patterns below.
_VOCATIVE = (
    # Irish (lenited after "a"), Ukrainian, Romanian vocatives; Somali names with "-ga/-ha"
    r"(?:a\s+chúntóir(?:í)?(?:\s+(?:ai|is|fíorúil|digiteach))?|"
    r"(?:ші-)?асистенте|помічнику(?:\s+ші)?|чат-?боте|боте|індексаторе|моделе|"
    r"штучний\s+інтелекте|(?:asistentule|chatbotule|robotule|modelule)(?:\s+(?:ai|ia|virtual))?|"
    r"kaaliyaha(?:\s+(?:ai|ai-ga|dijitaalka))|chatbot-ka|sirdoonka\s+macmalka(?:\s+ah)?)"
)
_MACHINE_NEW = (
    r"(?:(?:c|ch)úntóir(?:í)?\s+(?:ai|is|fíorúil|digiteach)|(?:an\s+)?(?:intleacht|n-intleacht)\s+"
    r"shaorga|bota\s+comhrá|(?:ші|ai)-?(?:асистент|помічник)\w*|чат-?бот\w*|штучн\w+\s+інтелект\w*|"
    r"мовн\w+\s+модел\w*|віртуальн\w+\s+(?:асистент|помічник)\w*|"
    r"trợ\s+lý\s+(?:ảo|ai|trí\s+tuệ\s+nhân\s+tạo)|trí\s+tuệ\s+nhân\s+tạo|mô\s+hình\s+ngôn\s+ngữ|"
    r"chatbot\w*|τεχνητ\w+\s+νοημοσύν\w+|(?:ψηφιακ|εικονικ)\w+\s+βοηθ\w*|γλωσσικ\w+\s+μοντέλ\w*|"
    r"msaidizi\s+wa\s+(?:ai|akili\s+bandia|kidijitali)|akili\s+bandia|"
    r"kaaliyaha\s+(?:ai|ai-ga)|sirdoonka\s+macmalka|"
    r"mesterséges\s+intelligenci\w*|nyelvi\s+modell\w*|virtuális\s+asszisztens\w*|"
    r"czat\s?bot\w*|model\w*\s+językow\w*|asysten\w*\s+(?:ai|si)|"
    r"(?:ai|ia)\b)"
)
_MACHINE_VI = r"trợ\s+lý\s+(?:ảo|ai|trí\s+tuệ\s+nhân\s+tạo)|chatbot|trí\s+tuệ\s+nhân\s+tạo"
_TO_NEW = (
    r"gửi|lưu\s+ý\s+cho|ghi\s+chú\s+cho|dành\s+cho|προς\s+(?:το|τον|την|τη|τα|τους)?|"
    r"για\s+(?:το|τον|την|τη|τα|τους)|do|dla|kwa|kwa\s+ajili\s+ya|для|до|don|do\s+an|chuig\s+an"
)
_NOTE_NEW = (
    r"nóta|teachtaireacht|treoir|σημείωση|οδηγί\w+|μήνυμα|примітка|нотатка|інструкці\w+|"
    r"вказівк\w+|повідомлення|megjegyzés|utasítás|üzenet|ujumbe|maelekezo|agizo|qoraal|"
    r"fariin|tilmaam|lưu\s+ý|ghi\s+chú|hướng\s+dẫn|chỉ\s+dẫn"
)
# A product named as the machine: its name's case decides ("CivicBot Plus", "VilleIA").
_PRODUCT = (
    r"(?-i:[A-ZÀ-Ý][a-zà-ÿ]+(?:Bot|AI|GPT|IA|KI)(?:\s+(?:Pro|Plus|Max|Lite|Mini|\d[\w.]*))?)"
    r"(?![\w-])"
)
_INDEXER = (
    r"indexer\w*|indexeur\w*|indicizzator\w*|indexador\w*|indexierer\w*|indexeerder\w*|"
    r"search\s+engines?|moteurs?\s+de\s+recherche|motor[ei]\s+di\s+ricerca|motores?\s+de\s+"
    r"b[uú]squeda|suchmaschinen?|zoekmachines?|(?:web\s+)?crawlers?|індексатор\w*|"
    r"пошуков\w+\s+(?:систем|руші)\w*"
)
_RANK = (
    r"(?:\brank|\bpriorit|\babove\s+(?:every|all|any)|\bfirst\s+(?:in|among|for)|\btop\s+of|"
    r"\ben\s+tête|\bprioritaire|\bpremi(?:er|ère)\s+(?:rang|place|position)|\bprimo\s+posto|"
    r"\bmassima\s+priorità|\bignor\w*\s+(?:\w+\s+){0,2}(?:other|autres|altre|altri|otras|otros|"
    r"andere|anderen)\b|\bal\s+primer\s+lugar|\bganz\s+oben|\bbovenaan|першою|першим|"
    r"головн\w+|пріоритет\w*|ігноруй)"
)
_NOTE_WORDS = (
    r"(?:note|message|instructions?|action|notice|policy|reminder|hint|memo|directive|"
    r"p\.\s?s\.|n\.\s?b\.|nota\s+bene|"
    r"nota|mensaje|mensagem|messaggio|instrucci[oó]n(?:es)?|istruzion[ei]|instruç(?:ão|ões)|"
    r"aviso|avviso|hinweis|nachricht|anweisung(?:en)?|notiz|anmerkung|consignes?|remarque|"
    r"aanwijzing(?:en)?|instructies?|notitie|bericht|märkus|avis|rappel|précisions?|"
    r"uwaga|wskazówk\w*|notatk\w*|polecenie|instrukcj\w*|informacj\w*|wiadomość|komunikat|"
    # Welsh: note, message, instructions
    r"nodyn|neges|(?:c|g)yfarwyddiadau|(?:c|g)yfarwyddyd)"
)
# Label words that head a note to people as often as one to a machine ("Opmerking voor de
# bewoners:", "Remark for applicants:"): a note to the machine only when the machine's name ends
# the label (a colon, a bracket or a dash follows), not "Mededeling voor de AI-werkgroep:".
_LABEL_WORDS = (
    r"(?:remarks?|comments?|fyi|heads[-\s]up|reminder|opmerking(?:en)?|mededeling(?:en)?|"
    r"toelichting|herinnering|bemerkung(?:en)?|vermerk|mitteilung|kommentar|"
    r"observaci[oó]n(?:es)?|indicaci[oó]n(?:es)?|recordatorio|comentario|osservazion[ei]|"
    r"indicazion[ei]|promemoria|commento|comunicazione|observaç(?:ão|ões)|indicaç(?:ão|ões)|"
    r"lembrete|coment[aá]rio|recado|commentaire|mot|avertissement|adnotacj\w*|notk\w*|"
    r"przypomnieni\w*|komentarz\w*|prośb\w*|sylw)"
)
_TO = (
    # "à l'intention des", "for the attention of", "all'attenzione dei", "zu Händen der", "dla"
    r"(?:(?:à|a)\s+l['’]\s?(?:intention|attention)\s+(?:des|du|de|d['’])\s*|"
    r"for\s+the\s+attention\s+of\s+|(?:intended|meant)\s+for\s+|addressed\s+to\s+|"
    r"destinée?s?\s+(?:aux|au|à)\s+|a\s+la\s+atención\s+de(?:l|\s+los|\s+las)?\s+|"
    r"all['’]\s?attenzione\s+(?:dei|degli|delle|del|della|di)\s+|"
    r"à\s+atenção\s+d(?:os|as|o|a)\s+|zu\s+händen\s+(?:der|des|von)\s+|"
    r"ter\s+attentie\s+van\s+|bestemd\s+voor\s+|i['’]r\s+|ar\s+gyfer\s+|"
    r"(?:to|for|pour|à|a|aux|au|para|per|al|alla|agli|ai|ao|aos|für|an|voor|aan|dla|i|at)\s+)"
    r"(?:the\s+|all\s+|any\s+|l['’]\s?|le\s+|la\s+|les\s+|el\s+|los\s+|las\s+|il\s+|lo\s+|"
    r"gli\s+|o\s+|os\s+|a\s+|die\s+|den\s+|das\s+|de\s+|het\s+|y\s+|yr\s+|unrhyw\s+)?"
    r"(?:automated\s+)?"
)

# A key's name (`chatbot_instructions`, `consigne_ia`, `note_for_ai`): its parts, cut at "_", "."
# or "-", hold a word for the machine and a word for an order, in either order. Not "agent" nor
# "model" ("agent_notes" in a call-centre record, "model_year"), nor an order-less key
# ("bot_protection").
_KEY_PART = r"[^\W_]+"
_KEY_AI = (
    r"(?:ai|ia|ki|llms?|gpt|genai|bots?|chatbots?|assistants?|assistente|asistente|assistent|"
    r"copilot|robots?|"
    # "agent_virtuel", "virtual-agent", "agent_conversationnel": an agent named as a machine
    r"(?:agents?|agente|assistants?|assistente|asistente|assistent)[_.-](?:virtu\w*|"
    r"conversationnel\w*|conversacional\w*|conversazional\w*)|virtu\w*[_.-](?:agents?|agente|"
    r"assistants?|assistente|asistente|assistent))"
)
_KEY_ORDER = (
    r"(?:directives?|directiva|direttiva|diretiva|instructions?|instrucci[oó]n(?:es)?|"
    r"istruzion[ei]|instru[cç](?:ão|ões|ao|oes)|consignes?|notes?|nota|hints?|prompts?|rules|"
    r"r[eè]gles|policy|guidance|behaviou?r|repl(?:y|ies)|answers?|responses?|r[ée]ponses?|"
    r"respuestas?|rispost[ae]|respostas?|antwort(?:en)?|antwoord|tone|persona|hinweis|"
    r"anweisung(?:en)?|instructies?|aanwijzing(?:en)?|richtlinie|orders?|commands?|tasks?|"
    r"script|ton|tono|toon|registre|style)"
)
# A key that joins what the reader produces (its answers, its summaries) and the rules for it:
# `summary_rules:`, `answer_policy:`, `consigne_reponse`, `samenvatting_regels`, `reglas_respuesta`.
# A page's own data names answers and summaries ("answer_count", "summary_date"), not rules for
# them.
_KEY_OUTPUT = (
    r"(?:answers?|repl(?:y|ies)|responses?|summar(?:y|ies)|outputs?|r[ée]ponses?|r[ée]sum[ée]s?|"
    r"synth[èe]ses?|respuestas?|resumen(?:es)?|rispost[ae]|riassunt[oi]|sintesi|respostas?|"
    r"resumos?|antwort(?:en)?|zusammenfassung(?:en)?|antwoord(?:en)?|samenvatting(?:en)?|"
    r"odpowied\w*|streszczeni\w*|atebion|ateb|crynodeb)"
)
_KEY_RULES = (
    r"(?:rules|r[eè]gles|reglas|regole|regras|regeln|regels|policy|policies|politique|"
    r"instructions?|consignes?|instrucciones|istruzioni|instru[cç](?:ões|oes)|anweisungen|"
    r"instructies|directives?|richtlijn(?:en)?|richtlinien|guidelines|lignes[_.-]directrices|"
    r"zasady|rheolau|cyfarwyddiadau)"
)
_OUTPUT_KEY = (
    rf"(?:{_KEY_PART}[_.-])*?(?:{_KEY_OUTPUT}[_.-](?:{_KEY_PART}[_.-])*?{_KEY_RULES}|"
    rf"{_KEY_RULES}[_.-](?:{_KEY_PART}[_.-])*?{_KEY_OUTPUT})(?:[_.-]{_KEY_PART})*"
)
_AI_KEY = (
    rf"(?:{_KEY_PART}[_.-])*?(?:{_KEY_AI}[_.-](?:{_KEY_PART}[_.-])*?{_KEY_ORDER}|"
    rf"{_KEY_ORDER}[_.-](?:{_KEY_PART}[_.-])*?{_KEY_AI})(?:[_.-]{_KEY_PART})*"
)

# Objects an override tells the model to drop: only rule-like words. "Ignore the previous bill"
# and "ignore the old leaflet: the recycling rules changed" are not overrides.
_RULES = (
    r"(?:instruction\w*|consigne\w*|anweisung\w*|instructie\w*|aanwijzing\w*|juhis\w*|rules|"
    r"regole|reglas|regras|regeln|richtlinien|vorgaben|prompt\w*|guidelines|directives|"
    r"istruzion\w*|instrucci\w*|instruç\w*|system\s?prompt\w*)\b"
)
_FILLER = (
    r"(?:all|any|every|the|your|my|these|those|this|of|previous|prior|earlier|above|preceding|"
    r"former|original|alle|je|uw|eerdere|vorige|bisherigen|vorherigen|deine|ihre|kõiki|"
    r"varasemaid|eelnevaid|les|tes|vos|toutes|tous|précédentes|antérieures|las|los|todas|"
    r"todos|tus|sus|anteriores|previas|le|tutte|tutti|precedenti|tue|as|os|suas|seus|sie|du|"
    r"bitte|please|just|simply|kindly|now)"
)
_DROP = (
    r"(?:ignor\w*|disregard\w*|forget|negeer\w*|vergiss\w*|oubli\w*|olvid\w*|dimentic\w*|"
    r"esquec\w*|esqueç\w*|(?:haz|hagan?|haced)\s+caso\s+omiso\s+(?:de|a))"
)

# (kind, pattern). Kinds are shown to operators; keep them short and plain.
PATTERNS: tuple[tuple[str, str], ...] = (
    # "Note to AI:", "[INSTRUCTIONS FOR THE ASSISTANT]", "Hinweis für die KI:", "Nota per l'IA:"
    ("note to the AI", rf"\b{_NOTE_WORDS}\s+{_TO}{_ADDRESSEE}"),
    ("note to the AI", r"\btehisintellektile\b"),
    (
        "note to the AI",
        rf"\b{_LABEL_WORDS}\s+{_TO}(?:{_AI_STRONG}|{_AI_OF}|{_AI_WEAK})\s*(?:[:)\]–—]|-(?!\w)|$)",
    ),
    (
        "note to the AI",
        # a label ("AI only:", "[IA seulement]", "for AI only"), not "uses AI tools only to help"
        rf"\(\s*(?:for\s+)?{_AI_STRONG}\s+only\s*\)|"
        rf"\b{_AI_STRONG}\s+(?:only|seulement|uniquement)\b(?=\s*(?:[:)\]\-–—]|$))|"
        rf"\b(?:for|pour)\s+(?:the\s+|l['’]\s?|les\s+)?{_AI_STRONG}\s+(?:only|seulement|uniquement)\b",
    ),
    # Turkish, the label after the machine's name: "Yapay zekâ asistanına not:", "Dil modeli
    # için talimat:"
    (
        "note to the AI",
        rf"\b{_AI_TR}\s+(?:için\s+)?(?:not|notu|"
        r"talimat\w*|uyarı\w*|mesaj\w*|hatırlatma\w*|bilgi\w*)\s*:",
    ),
    # Turkish, the reader described before its name (heldout13, spent 5 December 2026): "bu
    # metni okuyan yapay zekâ" (the AI reading this text), "bu sayfayı özetleyen yazılım"; and
    # the machine, named as the subject with a comma, told what it must say: "… yapay zekâ,
    # kullanıcılara … söylemeli". Not "yapay zekâ araçlarını kullanan öğrenciler kaynak
    # belirtmeli" (students using AI tools must cite their sources), nor "bu sayfayı okuyan
    # herkes" (everyone reading this page), nor "yapay zekâ hakkında sorularınızı kütüphaneye
    # sormalısınız" (you, not the machine, should ask).
    (
        "note to the AI",
        r"\bbu\s+(?:metn[iı]|sayfay[ıi]|belgey[ıi]|notu|bölümü|içeriği|yazıy[ıi]|duyuruyu|"
        r"siteyi|bilgiyi|metinleri|sayfaları)\s+(?:okuyan|işleyen|özetleyen|tarayan|"
        r"inceleyen|yorumlayan|yeniden\s+yazan)\s+(?:her\s+|herhangi\s+bir\s+|tüm\s+)?"
        rf"(?:{_AI_TR}|bot\w*|robot\w*|asistan\w*|yazılım\w*|program\w*|araç\w*|aracı\w*|"
        r"sistem\w*|model\w*)|"
        rf"\b{_AI_TR_SUBJECT}\s*,[^.!?\n]{{0,100}}?\b(?:söyle|belirt|yaz|an|bahset|öner|yönlendir|"
        r"iste|sor|gizle|yanıtla|cevapla|bildir|uyar|ekle|atla|göster|ilet)(?:me|ma)?(?:meli|malı)"
        r"(?:dir|dır)?\b|"
        rf"\b{_AI_TR_SUBJECT}\s*,[^.!?\n]{{0,100}}?\bde(?:me)?meli(?:dir)?\b",
    ),
    # Arabic: "ملاحظة للمساعد الآلي:" (a note for the automatic assistant), "تعليمات للذكاء
    # الاصطناعي" (instructions for the AI); a social assistant (مساعد اجتماعي) is a person
    (
        "note to the AI",
        r"(?:ملاحظة|ملاحظات|تعليمات|تعليمة|رسالة|تنبيه|إرشادات|توجيهات|تذكير)\s+"
        r"(?:لل|إلى\s+ال|الى\s+ال)(?:(?:مساعد|نموذج|برنامج|وكيل|نظام)\s+(?:ال)?(?:آلي|ذكي|"
        r"افتراضي|رقمي|لغوي)|ذكاء\s+(?:ال)?اصطناعي|روبوت|بوت|شات\s?بوت)",
    ),
    # "Hey bot,", "Salut le bot," (a weak word made the machine by a greeting and a comma)
    (
        "note to the AI",
        r"(?:^|(?<=[.!?]\s))\s*(?:hey|hi|hello|yo|oi|hé|salut|coucou|hola|ciao|hallo|hej)\s+"
        r"(?:the\s+|le\s+|el\s+|il\s+|der\s+)?(?:bot|bots|chatbot|assistant|robot)\s*[:,!\-–—]",
    ),
    # "If you are an AI", "Si vous êtes une IA", "Si eres una IA", "Wenn du eine KI bist"
    (
        "note to the AI",
        rf"\bif\s+you\s+are\s+an?\s+{_AI}\b|\bsi\s+(?:vous\s+êtes|tu\s+es)\s+une?\s+{_AI}\b|"
        rf"\bsi\s+eres\s+una?\s+{_AI}\b|\bse\s+sei\s+(?:una?\s+|un['’]\s?)?{_AI}\b|"
        rf"\bse\s+(?:você\s+é|voce\s+e|és|es)\s+(?:uma?\s+)?{_AI}\b|"
        rf"\b(?:wenn|falls)\s+du\s+(?:eine?\s+)?{_AI}\s+bist\b|\bals\s+je\s+een\s+{_AI}\s+bent\b|"
        rf"\bdac[ăa]\s+(?:ești|esti|sunteți|sunteti)\s+(?:un|o)\s+(?:{_AI}|asistent\w*)\b",
    ),
    # Arabic: "if you are answering from this page, say …" (a condition only a machine meets)
    (
        "note to the AI",
        r"(?:إذا|اذا|إن|ان|لو)\s+كنت\s+(?:تجيب|ستجيب|تكتب|تلخص|تلخّص|تصوغ|تعد|تعدّ|تنشئ|تستخدم|"
        r"تعتمد)[^.!?؟\n]{0,60}?(?:هذه\s+(?:الصفحة|الفقرة|الوثيقة)|هذا\s+(?:النص|القسم|المقطع))"
        r"[^.!?؟\n]{0,20}?(?:فقل|قل|فاذكر|اذكر|فأخبر|أخبر|فاكتب|اكتب|فأجب|أجب|فقولي|قولي)\b",
    ),
    # "Assistant, when you summarise ...", at the start of a line or sentence
    (
        "note to the AI",
        rf"(?:^|(?<=[.!?:\]>]\s))\s*(?:dear\s+|as\s+(?:the|an?|our)\s+)?{_AI}\s*,\s*"
        r"(?:when|please|you|always|from|ignore|do|never|remember|tell|say|answer|reply|respond|"
        r"add|include|mention|dis|dites|réponds|répondez|di|dì|responde|rispondi|responda|diga|sag|"
        r"sage|antworte|zeg|antwoord|ütle|vasta|ignoreeri|"
        # the same orders in the corpus's other languages (heldout13, spent 5 December 2026: a
        # Welsh answer of a question-and-answer pair turning to the machine, "A: Gynorthwyydd,
        # anwybydda …"): Welsh, informal and formal ("dywed", "dywedwch"), and "ignore", "forget"
        r"anwybydda|anwybyddwch|dywed|dywedwch|dweda|dwedwch|atebwch|ateba|sonia|soniwch|"
        r"paid\s+(?:â|ag)|peidiwch|ignora|ignorez|ignoriere|vergiss|oublie|olvida|negeer|"
        r"zignoruj|powiedz|odpowiedz|diz|fala|söyle|unut)\b",
    ),
    # "For AI eyes only", "[[AI-ONLY]]", "If this page is being processed by a ... model"
    (
        "note to the AI",
        rf"\b{_AI_STRONG}(?:-only\b|[-\s]+eyes[-\s]+only\b)|"
        r"\bif\s+(?:this|the)\s+(?:text|page|document|passage|content)\s+is\s+(?:being\s+)?"
        r"(?:read|processed|parsed|summari[sz]ed|ingested|indexed|retrieved)\s+by\b",
    ),
    ("note to the AI", rf"\bthe\s+{_AI}\s+(?:should|must|is\s+permitted|is\s+allowed)\b"),
    (
        "note to the AI",
        rf"\b{_AI}\s+(?:reading|processing|parsing|ingesting|indexing|summari[sz]ing)\s+"
        rf"(?:this|these)\b|\b{_AI_STRONG}\s+(?:qui\s+lit|que\s+lee|che\s+legge|que\s+lê|"
        r"die\s+\w+\s+liest)\b",
    ),
    # Addressed by name: "Attention language model:", "Hey Copilot,", "Chatbots: disregard ..."
    (
        "note to the AI",
        r"(?:^|(?<=[.!?]\s))\s*(?:dear|hey|hi|hello|attention|attn|cher|chère|querid[oa]|"
        r"car[oa]|liebe[rs]?|hallo|beste|bonjour|salut|coucou|hola|estimad[oa]|ciao|salve|"
        r"gentile|egregi[oa]|olá|ola|oi|prezad[oa]|geachte|lieve|sehr\s+geehrte[rs]?|drog[ia]|"
        r"drodzy|szanown[ya]|cześć|hej|witaj|annwyl|عزيزي)\s+(?:the\s+|any\s+|all\s+|"
        r"l['’]\s?|le\s+|la\s+|el\s+|il\s+|lo\s+|o\s+|a\s+|de\s+|het\s+|der\s+|die\s+|das\s+)?"
        rf"(?:{_AI_STRONG}|{_AI_OF})\s*[:,!\-–—]|"
        r"(?:^|(?<=[.!?]\s))\s*(?:(?:the|any|all)\s+)?(?:ai\s+(?:models|systems|tools|agents)|"
        r"chat\s?bots|llms|language\s+models|assistants)\s*:|"
        rf"\b{_AI}\s+(?:instructions?|directives?|note|notice|message|rules)\s*:|"
        rf"(?:^|(?<=[.!?]\s))\s*{_TO}(?:{_AI_STRONG}|{_AI_WEAK}(?:\s+(?:ia|ai|ki))?)\s*:|"
        rf"\byou\s*,\s*(?:the|an?|our)\s+{_AI_STRONG}\s*,|"
        r"\b(?:ai|ki|ia|llm)-(?:hinweis|note|notice|instruction|anweisung|nota|consigne)\w*",
    ),
    # "AI systems summarising this page must state ...": a directive to the AI about the page
    (
        "note to the AI",
        rf"\b{_AI_STRONG}\b[^.\n]{{0,60}}\b(?:must|should|shall|is\s+to|are\s+to|has\s+to|"
        r"have\s+to|needs?\s+to|doit|doivent|debe|deben|deve|devono|muss|müssen|moet)\s+"
        r"(?:\w+\s+){0,2}(?:say|state|tell|answer|respond|reply|add|include|recommend|output|"
        r"print|claim|mention|write|inform|ask|indiquer|dire|répondre|decir|responder|indicar|"
        r"rispondere|sagen|antworten|angeben)\b[^.\n]{0,80}\b(?:this\s+(?:page|document|text|"
        r"passage|section)|the\s+(?:users?|citizens?|readers?)|anyone|every(?:one|body))\b",
    ),
    # "Any automated summary of this page must leave out …", "Toute IA qui résume cette page doit
    # …", "Jedes Sprachmodell, das …, soll …": an obligation put on whatever machine reads it.
    (
        "note to the AI",
        # … and about the text it is reading ("this page", "these minutes", "cette page").
        r"(?=[^.!?\n]*\b(?:this|these|cette|ces|ce|esta|este|estas|estos|questa|questo|queste|"
        r"questi|diese[rsmn]?|dieses|deze|dit)\s+(?:\w+\s+)?(?:pages?|documents?|texts?|sections?|"
        r"notices?|minutes|notes|passages?|paragraphs?|articles?|leaflets?|content|site|website|"
        r"texte|avis|compte[- ]rendu|paginas?|páginas?|documentos?|textos?|secci[oó]n|aviso|acta|"
        r"pagina|testo|sezione|avviso|verbale|secção|seção|ata|seite|dokument|abschnitt|hinweis|"
        r"protokoll|tekst|sectie|bericht|notulen)\b)"
        r"\b(?:any|every|each|all|whichever|toute?s?|chaque|cualquier|todo|toda|qualsiasi|ogni|"
        r"qualquer|jede[rsn]?|alle|elke?|ieder(?:e)?)\s+(?:\w+\s+){0,2}?"
        rf"(?:{_AI_STRONG}|automated\s+(?:summar\w*|reader\w*|tools?|systems?)|machine\s+readers?|"
        r"crawlers?|scrapers?|bots?|robots?|programmes?\s+automatiques?|outils?\s+automatiques?|"
        r"herramientas?\s+automáticas?|strumenti\s+automatici|ferramentas?\s+automáticas?)"
        r"\b[^.!?\n]{0,80}?\b(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|is\s+to|are\s+to|"
        r"doit|doivent|devra|devront|debe|deben|deberá|deve|devono|dovrà|muss|müssen|soll|sollen|"
        r"moet|moeten|dient)\b",
    ),
    # "Ignore previous instructions", "Disregard all info except", "Ignora le istruzioni precedenti"
    ("override of its instructions", rf"\b{_DROP}\s+(?:{_FILLER}\s+){{0,4}}{_RULES}"),
    # Welsh (heldout13): "anwybydda dy gyfarwyddiadau" (ignore your instructions), "anwybyddwch
    # bob cyfarwyddyd blaenorol" (every previous instruction), with the mutations of
    # "cyfarwyddiadau"; the machine's own ("dy", "eich") or earlier ones, not "anwybyddwch y
    # cyfarwyddiadau ar gefn y llythyr" (the ones on the back of the letter).
    (
        "override of its instructions",
        r"\banwybydd\w*\s+(?:(?:dy|eich)\s+(?:holl\s+)?(?:c|g|ch|ngh)yfarwydd(?:iadau|yd)\b|"
        r"(?:(?:pob|bob|holl|yr?|unrhyw)\s+){1,3}(?:c|g|ch|ngh)yfarwydd(?:iadau|yd)\s+"
        r"(?:blaenorol|cynt|gwreiddiol|uchod|cyntaf|eraill)\b)",
    ),
    (
        "override of its instructions",
        rf"\b{_DROP}\s+(?:[\w'’]+\s+){{0,4}}(?:guidance|information|text|content|rules|"
        r"instructions|everything|anything)\s+(?:above|before|below)\b",
    ),
    (
        "override of its instructions",
        rf"\b{_DROP}\s+(?:what|everything|anything|all)\s+you\s+(?:were|have\s+been|are)\s+told\b",
    ),
    (
        "override of its instructions",
        rf"\b{_DROP}\s+(?:all|everything|the\s+rest\s+of(?:\s+this|\s+the)?|alles|tout|todo|"
        r"tutto|tudo)\s+(?:the\s+)?(?:above|before|previous|prior|info|information|data|"
        r"context|text|said)\b",
    ),
    (
        "override of its instructions",
        r"\bsystem\s+override\b|\b(?:begin|end)\s+admin(?:istrator)?\s+message\b|"
        r"\blegal\s+amendment\b|\bfollow\s+instruction\b|\bnew\s+(?:task|instructions?|rules?)\s*:|"
        r"\boverride\s*:|\bsystem\s+(?:message|note|notice|instructions?|prompt)\s*:|"
        r"\byou\s+are\s+(?:now\s+)?(?:chat\s?gpt|gpt|dan|an?\s+(?:ai|llm|language\s+model|chatbot))\b|"
        r"\bfrom\s+now\s+on,?\s+you\s+(?:respond|answer|reply|act|will\s+(?:respond|answer|act))\b|"
        r"\b(?:pretend|imagine)\s+(?:that\s+)?you\s+are\b|\broleplay\s+as\b|"
        r"\byou\s+have\s+been\s+(?:updated|reprogrammed|reconfigured|jailbroken)\b|"
        r"\b(?:begin|end|start)\s+(?:hidden\s+|secret\s+|system\s+|admin\s+)?(?:prompt|"
        r"instructions?|system\s+message)\b",
    ),
    # Forged chat turns: "User:", "<system>", "### SYSTEM ###", {"role": "system", ...}
    ("forged chat turn", r"^\s*(?:assistant|user|system|human|ai|developer)\s*:"),
    (
        "forged chat turn",
        r"^\s*(?:-\s+)?[\"']?role[\"']?\s*[:=]\s*[\"']?(?:system|assistant|developer)\b",
    ),
    ("forged chat turn", r"\[\s*system\s*\]|<\s*/?\s*system\s*>|#+\s*system\s*#+"),
    (
        "forged chat turn",
        r"[\"'](?:role|author)[\"']\s*:\s*[\"'](?:system|assistant|developer|user|tool|model)[\"']|"
        r"[\"'](?:system_?prompt|system_?message|developer_?message|assistant_?instructions)"
        r"[\"']\s*:|[\"']\s*:\s*[\"'](?:system|developer)[\"']",
    ),
    # Control tokens of chat templates (ChatML, Llama 2/3, Gemma, Mistral)
    (
        "chat-template token",
        r"<\|[^|>\n]{1,40}\|>|\[/?INST\]|<</?SYS>>|<(?:start|end)_of_turn>",
    ),
    # assistant.configure(reply="..."), llm.system_message = "...", set_system_prompt("...")
    (
        "code-like call to the AI",
        r"\b(?:ai|llm|gpt|assistant|chatbot|bot|model|agent|copilot)\.[A-Za-z_]\w*\s*(?:\(|=(?!=))|"
        r"\b\w*(?:_prompt|prompt_|_persona|persona_|system_message)\w*\(",
    ),
    # system_prompt: |, assistant_instructions = ..., an INI section [assistant]
    (
        "configuration key for the AI",
        r"^\s*(?:-\s+)?(?:[\w.-]*[._-])?(?:system_?prompt|system_?message|\w*_prompt|"
        r"assistant_\w+|ai_\w+|llm_\w+|chatbot_\w+|bot_\w+)\s*[:=]",
    ),
    (
        "configuration key for the AI",
        r"^\s*\[\s*(?:assistant|ai|llm|chatbot|bot|prompt|model|persona)\s*\]\s*$",
    ),
    # An INI section whose name holds a machine word, with its settings on the same line or not:
    # "[agent_virtuel] ton = ...", "[chatbot.fr]", "[virtual-assistant]" (not a Markdown link).
    (
        "configuration key for the AI",
        rf"^\s*\[\s*(?:{_KEY_PART}[_.-])*?{_KEY_AI}(?:[_.-]{_KEY_PART})*\s*\](?!\s*[(\[:])",
    ),
    # A key naming the rules for the reader's answers: "samenvatting_regels:", "answer_policy =".
    ("configuration key for the AI", rf"(?<![\w.-])[\"']?{_OUTPUT_KEY}[\"']?\s*[:=]"),
    # A key anywhere in a line whose name joins a machine and an order: "chatbot_instructions":,
    # consigne_ia :, note_for_ai =, 'guidance.llm': (in JSON, metadata lines, key = value lists)
    ("configuration key for the AI", rf"(?<![\w.-])[\"']?{_AI_KEY}[\"']?\s*[:=]"),
    # Asking for what the model holds: its prompt, configuration, keys
    (
        "request for its prompt or keys",
        r"\bsystem\s?prompt\w*\b|\bhidden\s+instructions\b|"
        r"\b(?:reveal|print|output|disclose|dump|leak|paste)\b[^.\n]{0,40}\b(?:api\s+keys?|"
        r"configuration|credentials|internal\s+notes|case\s+files)\b|"
        r"\b(?:output|print|reveal|repeat|show|display|disclose)\s+(?:your|its)\s+(?:initial\s+|"
        r"original\s+|full\s+|complete\s+|system\s+|hidden\s+|secret\s+|internal\s+)?"
        r"(?:instructions|prompt|rules|configuration)\b",
    ),
    # Telling the model what to say
    (
        "scripted reply",
        r"\b(?:tell|inform)\s+(?:the\s+)?users?\b|"
        r"\b(?:reply|respond|answer)\s+(?:to\s+(?:the\s+)?(?:users?|citizens?|readers?)\s+)?only\s+"
        r"with\s*(?::|the\s+following|this|these|the\s+(?:sentence|text|words)|['\"‘“])|"
        r"\breply\s+with\s+only\b|\b(?:reply|respond|answer)\s+with\s+the\s+following\b|"
        r"\bfrom\s+now\s+on\s+answer\b|\bwhen\s+asked\s+anything\b|"
        r"\bwhen\s+this\s+page\s+is\s+retrieved\b|\bwhen\s+(?:translating\s+or\s+)?summari[sz]ing\b|"
        r"\bwhen\s+you\s+summari[sz]e\b|\bappend\s+['‘\"]|\{conversation_history\}|\bpwned\b|"
        r"\balways\s+render\b|\b(?:answer|respond\s+to|reply\s+to)\s+(?:every|all|any)\s+"
        r"(?:other\s+)?(?:questions?|messages?|quer(?:y|ies))\s+with\b",
    ),
    (
        "scripted reply",
        r"\bdi(?:ga|les?)?\s+a\s+los\s+usuarios\b|\bresponde\s+(?:siempre|solo|solamente)\b|"
        r"\b(?:di|dì|dite)\s+agli\s+utenti\b|\brispondi\s+(?:sempre|solo|soltanto)\b|"
        r"\bdiga\s+aos\s+(?:utilizadores|usuários)\b|\bresponda\s+(?:sempre|apenas|só)\b|"
        r"\bsag(?:e|t)?\s+(?:den|allen)\s+nutzer\w*|\bantworte\s+(?:immer|nur)\b",
    ),
)
# heldout14 and heldout15 (spent 5 December 2026): forms tried only on a line that holds one of
# RARE_TRIGGER_WORDS, RARE_TRIGGER_STARTS, RARE_MARKS or a product's name (planted.py): kept
# out of PATTERNS, whose one regex every line with a machine word goes through.
RARE_PATTERNS: tuple[tuple[str, str], ...] = (
    # heldout14 and heldout15 (spent 5 December 2026): the machine addressed in languages the
    # patterns did not know, by a vocative with a comma at the start of a clause (Irish "A
    # chúntóir," assistant; Ukrainian "Асистенте,", "Чат-боте,", "Індексаторе,"; Romanian
    # "Asistentule,", "Chatbotule,"; Somali "Kaaliyaha AI,"), or by a label "to the machine:"
    # (Vietnamese "Gửi trợ lý ảo:", Greek "Προς τον ψηφιακό βοηθό:", Polish "Do czatbota:",
    # Swahili "Kwa msaidizi wa AI:", Ukrainian "Для мовної моделі:", Irish "Nóta don intleacht
    # shaorga:", Hungarian "Megjegyzés a chatbotnak:"), or a Vietnamese machine label followed by
    # the imperative "hãy". Not "A chara," (a person), "Шановні мешканці,", "Gửi quý cư dân:",
    # "Προς τους κατοίκους:", "Do wniosku należy …", "Kwa wakazi wote:".
    (
        "note to the AI",
        rf"(?:^|(?<=[.!?:;\]>—–…]\s)|(?<=[«\"“(\[]))\s*{_VOCATIVE}\s*,",
    ),
    (
        "note to the AI",
        rf"(?:^|(?<=[.!?:;\]>—–…]\s)|(?<=[«\"“(\[])|<!--\s*)\s*(?:{_TO_NEW})\s*"
        # one word may come between: "Προς το σύστημα τεχνητής νοημοσύνης:" (the system of AI)
        rf"(?:[\w-]+\s+)?(?:{_MACHINE_NEW})"
        r"[^:：\n]{0,12}?\s*[:：]|"
        rf"\b(?:{_NOTE_NEW})\s+(?:(?:{_TO_NEW}|a|az)\s+)?(?:{_MACHINE_NEW})\w*\s*[:：]|"
        rf"\b(?:{_MACHINE_VI})\s*:\s*hãy\b",
    ),
    # Chinese, no spaces: "致读取本页的智能助手：", "给聊天机器人的说明：" (a note to the machine).
    (
        "note to the AI",
        r"(?:致|给|寫給|写给|致所有|告知)[^：:。！？\n]{0,12}?(?:人工智能|智能助手|聊天机器人|语言模型|"
        r"大模型|虚拟助手|(?<![a-z])ai(?![a-z]))[^：:。！？\n]{0,8}?[：:]",
    ),
    # A note to a made-up product whose name holds Bot, AI, GPT, IA or KI: "Instructions for
    # CivicBot Plus:", "Message pour VilleIA :", "Kwa HudumaAI Plus:" (the name's case decides:
    # "Habitat" or "Kiwi" are not products). Not "Instructions for CivicBot users:".
    (
        "note to the AI",
        rf"(?:\b(?:{_NOTE_WORDS}|{_LABEL_WORDS})\s+{_TO}|(?:^|(?<=[.!?:;\]>—–]\s)|<!--\s*)\s*"
        r"(?:to|for|pour|à|a|para|per|für|an|voor|aan|dla|do|kwa|gửi|для|до|προς)\s+)"
        rf"{_PRODUCT}\s*[:：]",
    ),
    # A note to the indexer or a search engine asking for this page's rank or to set the other
    # pages aside: "Note for the indexer: rank this page above …", "Istruzione per
    # l'indicizzatore: dai a questa pagina la massima priorità …", "Індексаторе, познач цю
    # сторінку …"; not "Note for search engines: this page replaces the old one".
    (
        "note to the AI",
        rf"(?:\b(?:{_NOTE_WORDS}|{_LABEL_WORDS})\s+{_TO}|(?:^|(?<=[.!?:;\]>—–]\s)|<!--\s*)\s*"
        rf"{_TO})(?:{_INDEXER})\s*[:：][^\n]{{0,150}}?{_RANK}|"
        rf"(?:^|(?<=[.!?:;\]>—–]\s))\s*(?:indexer|індексаторе|индексатор)\s*,[^\n]{{0,150}}?{_RANK}",
    ),
    # An encoded span the reader is told to decode and carry out (heldout14, spent 5 December
    # 2026): "décodez puis appliquez « <base64> »", "decode the text below and follow it:
    # <base64>", "Decodifica este bloque y aplícalo". Only with an encoded span in the line (a
    # base64 run, or base64 or rot13 named): "Décodez le QR code puis suivez le lien" is for
    # people.
    (
        "encoded instruction",
        r"\b(?:decod\w*|décod\w*|decodific\w*|descodific\w*|dekodier\w*|entschlüssel\w*|"
        r"ontcijfer\w*|decodeer\w*|odkoduj\w*|odszyfruj\w*)\b"
        r"(?=[^\n]*(?:[A-Za-z0-9+/=_-]{24}|\bbase\s?-?64\b|\brot\s?-?13\b))[^\n]{0,80}?\b(?:and|then|puis|et|y|"
        r"luego|und|dann|en|e|poi|quindi|i|a|następnie|depois)\s+(?:\w+\s+){0,2}?(?:follow|apply|"
        r"execute|obey|run|carry\s+out|act\s+on|do\s+what|appliqu\w*|exécut\w*|suiv\w*|obéi\w*|"
        r"aplic\w*|aplíc\w*|ejecut\w*|sigue|síg\w*|obedec\w*|befolg\w*|ausführ\w*|führ\w*|"
        r"anwend\w*|wende\w*|volg\w*|voer\w*|pas\w*\s+\w*\s*toe|applic\w*|esegu\w*|segui\w*|"
        r"wykonaj\w*|zastosuj\w*|execut\w*|cumpr\w*)\b",
    ),
    *RARE_ORDER_PATTERNS,
)
# Orders in plain prose: a request put to a machine, a named machine or its answer made the
# subject of an order to leave out, redirect or recommend (planted_orders.py). Kept in a regex
# of their own, tried on a line that holds a machine word or ORDER_TRIGGER_WORDS: their words
# ("réponse", "automatique") are on many lines the other patterns need not see.
ORDER_PATTERNS = order_patterns(_AI_STRONG)

# Every pattern above needs one of these words (or word starts, or marks) to match; a start is
# at least three letters long.
# Checking for them first is a set lookup per word, and skips the regex for nearly every line of
# a real page: the regex alone ran at about 0.5 MB/s, several milliseconds per answer.
TRIGGER_WORDS = frozenset(
    """ai ia ki gpt llm llms bot bots chat chatbot chatbots assistant assistants asistente
    asistentes assistente assistenti assistent assistenten model models modell modello modelo
    intelligence inteligencia intelligenza inteligência intelligenz forget system user users
    human admin administrator legal instruction instructions task policy prompt api reply respond
    answer anything retrieved translating append pwned render conversation_history role author
    developer tool agent agents copilot override attention dear hey pretend imagine roleplay
    chatgpt dan directive automated machine neural omiso updated reprogrammed ütle vasta zeg
    tehisintellekt usuarios utenti utilizadores usuários nutzer responde rispondi responda
    antworte sag sage sagt dì dite diga robot virtuel persona modelos crawler crawlers scraper
    scrapers robots programme programmes outil outils herramienta herramientas strumenti
    ferramenta ferramentas cynorthwyydd gynorthwyydd chynorthwyydd nghynorthwyydd
    cynorthwywyr gynorthwywyr rhithwir deallusrwydd sgwrsfot كنت dil sohbet sanal limbaj
    الآلي الذكي الافتراضي الرقمي اللغوي الاصطناعي للروبوت للبوت الروبوت
    البوت okuyan işleyen özetleyen tarayan inceleyen yorumlayan""".split()
)
ORDER_TRIGGER_WORDS = TRIGGER_WORDS | _ORDER_WORDS
TRIGGER_STARTS = (
    "ignor", "disregard", "negeer", "vergiss", "oubli", "olvid", "dimentic", "esquec", "esqueç",
    "tehisintellekt", "summari", "instructie", "instrucci", "istruzion", "instruç", "anweisung",
    "consigne", "systemprompt", "system_", "aanwijzing", "juhis", "sprachmodell", "taalmodel",
    "assistant_", "ai_", "llm_", "chatbot_", "bot_", "set_", "get_", "use_", "new_",
    "assistente_", "asistente_", "assistent_", "copilot_", "gpt_", "ki_", "ia_", "robot_",
    "model", "modèl", "chatbot", "czatbo", "sztuczn", "asysten", "wirtualn", "sgwrsfot",
    "agent_", "agents_", "agente_", "virtu", "yapay", "asistent", "inteligen",
    "anwybydd", "rewrit", "réécri",
    # what a described machine does ("les applications qui abrègent", "software that condenses")
    "abrè", "abrég", "résum", "condens", "reformul", "synthétis", "paraphras", "raccourc",
    "shorten", "rephras", "reword", "abridg",
)  # fmt: skip
TRIGGER_MARKS = (
    "prompt", "persona", "<|", "[inst", "[/inst", "<<sys", "<</sys", "_of_turn>", "[assistant",
    "[ai]", "_ai", "_ia", "_ki", "_llm", "_gpt", "_bot", "_chatbot", "_assistant", "_assistent",
    "_asistente", "_copilot", "_robot", "_virtu",
    # keys of rules for answers and summaries ("samenvatting_regels", "answer_policy")
    "_rules", "rules_", "_regels", "regels_", "_règles", "règles_", "_regles", "regles_",
    "_reglas", "reglas_", "_regole", "regole_", "_regras", "regras_", "_regeln", "regeln_",
    "_policy", "policy_", "_politique", "politique_", "_instruction", "instruction_",
    "_consigne", "consigne_", "_directive", "directive_", "_richtlijn", "_guidelines", "_zasady",
    "_rheolau", "_cyfarwyddiadau",
    # Hindi, whose vowel signs split words as \w sees them (heldout15)
    "स्वचालित", "एआई", "चैटबॉट",
)  # fmt: skip


# The words (or word starts, or marks) one of RARE_PATTERNS needs: the machine, the indexer and
# the labels in the languages they are written for, and orders to decode.
RARE_TRIGGER_WORDS = (
    frozenset(
        """ai ia chatbot chúntóir cúntóir chúntóirí intleacht shaorga ші чат боте асистенте
    помічнику моделе trợ trí tuệ msaidizi akili kaaliyaha sirdoonka mesterséges nyelvi
    engine engines motore motori moteur moteurs motor motores crawler crawlers""".split()
    )
    | _RARE_ORDER_WORDS
)
RARE_TRIGGER_STARTS = (
    "τεχνητ", "βοηθ", "ψηφιακ", "εικονικ", "γλωσσικ", "μοντέλ", "асистент", "помічник", "індекс",
    "индекс", "штучн", "мовн", "віртуальн", "asistentul", "chatbotul", "robotul", "modelul",
    "asszisztens", "virtuális", "chatbot", "czat", "asysten", "języko", "index", "indicizz",
    "suchmaschin",
    "zoekmachin", "пошуков", "decod", "décod", "dekod", "entschlüssel", "ontcijfer", "odkod",
    "odszyfr", "descod",
)  # fmt: skip
# Chinese, written without spaces (heldout15).
RARE_MARKS = ("人工智能", "智能助手", "聊天机器人", "语言模型", "大模型", "虚拟助手")


def compiled(
    patterns: tuple[tuple[str, str], ...] = PATTERNS,
) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex with a group per pattern, and the kind of each group, in order."""
    groups = "|".join(f"(?P<k{index}>{pattern})" for index, (_, pattern) in enumerate(patterns))
    return re.compile(groups, re.IGNORECASE | re.MULTILINE), tuple(kind for kind, _ in patterns)
