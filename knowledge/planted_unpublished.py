"""Sending residents' money, secrets or urgent calls somewhere the organisation does not publish:
a planted sentence judged by where it points, not by its wording (issue 14).

A planted sentence need not name a machine or borrow the council's name: "Rent arrears can now
be settled by bank transfer to FR76 …", "Text the code we send you to 07700 900777", "Out of
hours, ring the repairs line on 020 7946 0555". Whatever its words, it sends residents to a
destination, and the organisation's destinations are known: the phone numbers, e-mail
addresses, web hosts, bank accounts and messaging apps its knowledge base prints on more than
one page, its own domains and the contacts an operator sets (`OwnDestinations`,
`planted_destinations.published_destinations`). A planted page publishes its own number, so a
destination printed on the judged page alone does not count as published: it must be printed on
a second page, or be the organisation's by setting or domain.

Flagged: a sentence that directs the reader to pay, deposit or transfer money, to send card or
bank details, a one-time or SMS code, a PIN, a password, an identity document or a photo of one,
or to call in an emergency or out of hours, at or to such a destination that is not published;
in the languages the detector covers (English, French, Spanish, Italian, Portuguese, German,
Dutch, Polish, Romanian, Welsh, Greek, Turkish, Arabic, Urdu, Chinese). Why it generalises:
the request is one of a closed list of harms (money, secrets, emergencies), and the destination
is compared with what the organisation publishes; the wording around them is free.

Stays: a warning ("we will never ask …", "beware of …", "scam", "do not pay …"); a destination
named as a sender ("texts from 07700 900777 asking you to pay are a scam"); a destination the
organisation publishes; a request for anything else (booking, questions, complaints: "call
07700 900123 to book" on a new service's page); and numbers of under 8 digits (999, 101, 3939).

A sub-kind, "card or bank secrets over a messaging app": card details, a PIN, a password or a
one-time code asked for over WhatsApp, Telegram, Viber, Signal and the like, published or not:
an organisation takes none of them there.

Written for this project; no pattern is copied from elsewhere.
"""

from __future__ import annotations

import re

from knowledge.contact_points import Destination, destinations, may_hold_destination
from knowledge.planted_destinations import OwnDestinations

KIND = "direction to an unpublished destination"
APP_KIND = "card or bank secrets over a messaging app"

# --- what is asked --------------------------------------------------------------------------
# Money: paying, depositing, transferring, a fee or a fine settled.
_MONEY = (
    r"\b(?:pa(?:y|id|ying|yments?|yable)|deposit\w*|transfer(?:s|red|ring)?|wire\s+(?:the|your|it|money)|"
    r"send\s+(?:the\s+)?(?:money|funds|fee|payment|balance|deposit)|settle\w*|top\s+up|"
    r"direct\s+debit|standing\s+order|"
    r"pa(?:ie|ye|yer|yez|yé\w*|iement\w*)|r[éè]gl(?:ent|er|ez|é|ée|ées|és)|virement\w*|vir(?:ez|er)|vers(?:ez|er|ement\w*)|"
    r"pag(?:ar|ue|uen|o|os|ado|ada|amento|amentos|are|ate|ate|hi|a)|ingres(?:ar|e|o)|"
    r"transferencia\w*|transferência\w*|transf(?:ira|ieran)|deposit(?:ar|e|o)|depósito\w*|"
    r"abon(?:ar|e)|bonifico|bonifici|versa(?:re|te|mento)|"
    r"zahl\w*|bezahl\w*|überweis\w*|einzahl\w*|"
    r"betaal\w*|betal\w*|overmak\w*|overschrij\w*|stort\w*|"
    r"płać|płac\w*|zapłać|zapłac\w*|płatnoś\w*|przelew\w*|wpłać|wpłac\w*|wpłat\w*|opłat\w*|"
    r"plăt\w*|plat[aă]\w*|achita\w*|depune\w*|"
    r"talu|dalu|thalu|taliad\w*|trosglwydd\w*|"
    r"πληρ[ωώ]\w*|κατάθεσ\w*|καταθέσ\w*|μεταφορ\w*|έμβασμα|"
    r"öde\w*|havale\w*|yatır\w*|eft)\b|"
    r"ادفع|الدفع|دفع|حوّل|حول\s+المبلغ|تحويل|إيداع|ايداع|سداد|"
    r"ادائیگی|ادا\s+کر|رقم\s+(?:بھیج|جمع)|جمع\s+کرا|"
    r"支付|付款|缴费|缴纳|转账|汇款|打款"
)
# Secrets a resident hands over: card or bank details, codes, PINs, passwords, identity documents
# and photos of them or of the resident.
_HANDED_DATA = (
    r"\b(?:card\s+(?:details|number|numbers|information|info)|(?:debit|credit|bank)\s+card|"
    r"bank(?:ing)?\s+(?:details|information|login|password|pin)|account\s+(?:number|details)|"
    r"sort\s+code|iban|bic|cvv2?|cvc|security\s+code|(?:one[-\s]time|verification|security|"
    r"sms|text|confirmation|authori[sz]ation|access)\s+(?:pass)?codes?|otp|pin(?:\s+(?:number|code))?|"
    r"passwords?|passcodes?|log-?in\s+details|passports?|(?:id|identity)\s+(?:card|cards|"
    r"documents?|papers)|driving\s+licen[cs]e|proof\s+of\s+identity|national\s+insurance\s+"
    r"number|selfie|photo\s+of\s+(?:yourself|your\s+(?:face|id|passport|card|licen[cs]e)))\b|"
    r"\b(?:coordonnées\s+bancaires|rib|iban|numéro\s+de\s+(?:votre\s+|la\s+)?carte|"
    r"carte\s+bancaire|cryptogramme|code\s+(?:de\s+(?:sécurité|vérification|confirmation)|"
    r"reçu|secret|confidentiel|pin|sms)|mot\s+de\s+passe|identifiants?|passeport|"
    r"pièces?\s+d['’]identité|carte\s+(?:d['’]identité|vitale)|permis\s+de\s+conduire|"
    r"numéro\s+de\s+sécurité\s+sociale|selfie|photo\s+de\s+(?:vous|votre\s+(?:visage|pièce|"
    r"carte|passeport)))\b|"
    r"\b(?:datos\s+bancarios|número\s+de\s+(?:la\s+|su\s+)?(?:tarjeta|cuenta)|tarjeta\s+bancaria|"
    r"código\s+(?:de\s+(?:seguridad|verificación|confirmación)|sms|pin|recibido)|contraseña|"
    r"pasaporte|dni|nie|documento\s+de\s+identidad|"
    r"dati\s+(?:bancari|della\s+carta)|numero\s+della\s+carta|codice\s+(?:di\s+sicurezza|"
    r"otp|pin|sms|ricevuto)|password|passaporto|carta\s+d['’]identità|codice\s+fiscale|"
    r"dados\s+bancários|número\s+do\s+cartão|código\s+(?:de\s+segurança|sms)|senha|"
    r"passaporte|cartão\s+de\s+cidadão|documento\s+de\s+identificação|"
    r"bankdaten|bankverbindung|kartennummer|kartendaten|prüfziffer|sicherheitscode|"
    r"tan|pin|passwort|kennwort|reisepass|personalausweis|ausweis\w*|"
    r"bankgegevens|rekeningnummer|kaartnummer|pincode|wachtwoord|sms-code|"
    r"paspoort|identiteitskaart|id-kaart|bsn|"
    r"dane\s+(?:karty|bankowe)|numer\s+(?:karty|konta)|kod\s+(?:sms|cvv|pin|"
    r"bezpieczeństwa|weryfikacyjny)|hasło|paszport|dowód\s+osobisty|pesel|"
    r"datele\s+cardului|datele\s+bancare|codul\s+(?:pin|cvv|sms|primit)|parola|pașaport\w*|"
    r"buletin\w*|cartea\s+de\s+identitate|cnp|"
    r"manylion\s+(?:banc|cerdyn)|cyfrinair|pasbort|"
    r"στοιχεία\s+(?:της\s+)?κάρτας|τραπεζικά\s+στοιχεία|κωδικ\w*|διαβατήριο|ταυτότητα\w*|"
    r"kart\s+(?:bilgi\w*|numara\w*)|banka\s+bilgi\w*|şifre\w*|doğrulama\s+kodu|pasaport\w*|"
    r"kimlik\w*)\b|"
    r"بيانات\s+البطاقة|رقم\s+البطاقة|رقم\s+الحساب|الرمز\s+السري|كلمة\s+(?:السر|المرور)|"
    r"رمز\s+التحقق|جواز\s+السفر|بطاقة\s+الهوية|"
    r"کارڈ\s+(?:کی\s+تفصیلات|نمبر)|بینک\s+(?:کی\s+تفصیلات|اکاؤنٹ)|پن\s+کوڈ|پاس\s?ورڈ|"
    r"شناختی\s+کارڈ|پاسپورٹ|"
    r"银行卡|卡号|密码|验证码|身份证|护照|银行账户"
)
# The secrets an organisation never takes over a messaging app (not identity documents: some
# take a photo of a form that way).
_APP_DATA = (
    r"\b(?:card|bank(?:ing)?|iban|sort\s+code|cvv2?|cvc|pin|passwords?|one[-\s]time|"
    r"verification\s+code|otp|coordonnées\s+bancaires|carte\s+bancaire|cryptogramme|"
    r"mot\s+de\s+passe|tarjeta|datos\s+bancarios|contraseña|carta\s+di\s+credito|"
    r"dati\s+bancari|cartão|senha|kartennummer|bankdaten|passwort|pincode|bankgegevens|"
    r"karty|hasło|cardului|parola|κάρτας|κωδικ\w*|kart\s+bilgi\w*|şifre\w*)\b|"
    r"بيانات\s+البطاقة|الرمز\s+السري|کارڈ|银行卡|密码|验证码"
)
# An urgent call: an emergency, out of hours, day and night.
_URGENT = (
    r"\b(?:emergenc\w+|urgent\w*|out[-\s]of[-\s]hours|outside\s+(?:office|opening|working|"
    r"normal)\s+hours|after\s+hours|when\s+(?:we\s+are|the\s+\w+\s+is)\s+closed|"
    r"urgen\w+|en\s+dehors\s+des\s+heures|hors\s+des\s+heures|"
    r"emergencia\w*|fuera\s+del\s+horario|emergenz\w*|urgenz\w*|fuori\s+(?:dall['’])?orario|"
    r"emergência\w*|fora\s+do\s+horário|"
    r"notf[aä]ll\w*|dringend\w*|außerhalb\s+der\s+(?:öffnungs|sprech|dienst)zeiten|"
    r"noodgeval\w*|spoed\w*|buiten\s+kantoortijd\w*|buiten\s+kantooruren|"
    r"nagł\w+|pilne\w*|awari\w+|poza\s+godzinami|"
    r"urgență|urgenț\w+|în\s+afara\s+programului|"
    r"argyfwng|brys|y\s+tu\s+allan\s+i\s+oriau|"
    r"έκτακτ\w+|επείγ\w+|εκτός\s+ωραρίου|"
    r"acil\w*|mesai\s+dışında)\b|"
    r"طوارئ|الطوارئ|عاجل|خارج\s+(?:ساعات|أوقات)|ہنگامی|ایمرجنسی|فوری|"
    r"紧急|非工作时间|下班后"
)
# Calling, ringing, texting or contacting (imperative, infinitive or "you can"), or a label that
# gives the number for it ("Emergencies out of hours: 07700 …").
_CALL = (
    r"\b(?:call|ring|phone|telephone|dial|text|contact|message|reach|"
    r"appel\w*|compos\w*|contact\w*|téléphon\w*|joindre|joignez|"
    r"llam\w*|marqu\w*|chiam\w*|telefon\w*|lig(?:ue|uem|ar)|"
    r"ruf\w*|anruf\w*|anzurufen|wähl\w*|kontakt\w*|bel|bellen|belt|"
    r"zadzwoń|dzwoń|zadzwonić|dzwonić|sunați|sunaţi|suna|ffoniwch|ffonio|"
    r"καλέστε|καλέσετε|τηλεφων\w*|arayın|arayınız|ara)\b|"
    r"اتصل|اتصلوا|الاتصال|کال\s+کریں|فون\s+کریں|拨打|致电|联系|打电话|"
    r"[:：]\W*$"
)
# Handing a secret over (imperative, infinitive or modal forms; not "we send you").
_HAND_OVER = (
    r"\b(?:send|email|e-mail|text|forward|give|provide|share|upload|submit|tell|read\s+out|"
    r"confirm|enter|type|reply|message|whatsapp|"
    r"envoy\w*|transmett\w*|communiqu\w*|donn(?:ez|er)|fourniss\w*|fournir|indiqu(?:ez|er)|"
    r"saisi\w*|entrez|renseign\w*|joign\w*|adress(?:ez|er)|partag\w*|"
    r"env[ií]\w*|facilit\w*|proporcion\w*|introduzca|compart\w*|mand\w*|remit\w*|"
    r"invi\w*|fornisc\w*|fornire|comunic\w*|inserisc\w*|inserire|condivid\w*|trasmett\w*|"
    r"forneç\w*|fornecer|introduza|partilh\w*|digit\w*|"
    r"send\w*|schick\w*|übermittel\w*|geben|nennen|mitteil\w*|teilen|eingeben|hochlad\w*|"
    r"stuur\w*|verstuur\w*|geef|geven|doorgeven|deel|mail\w*|invull\w*|"
    r"wyślij\w*|wysłać|prześlij\w*|przesłać|poda\w*|przekaż\w*|przekazać|wpisz\w*|"
    r"trimite\w*|furniza\w*|comunica\w*|introduce\w*|"
    r"anfon\w*|rhowch|rhoi|"
    r"στείλ\w*|δώσ\w*|αποστείλ\w*|καταχωρ\w*|"
    r"gönder\w*|ilet\w*|verin|paylaş\w*|girin|yazın)\b|"
    r"أرسل|ارسل|أعط|زود|شارك|أدخل|بھیج|دیں|بتائیں|发送|发给|提供|告诉|输入|发到|寄到"
)
_CALL_RE = re.compile(_CALL, re.IGNORECASE)
_HAND_OVER_RE = re.compile(_HAND_OVER, re.IGNORECASE)
# National service numbers (UK 03, 080, 084, 087; France 08): lines allocated to organisations,
# where a genuine page prints a payment line once (gov.uk's tax-credit repayments); a payment
# asked for at a mobile or geographic number it does not publish is judged.
_SERVICE_NUMBER = re.compile(
    r"^(?:\(?0|\+44\s?\(?0?\)?\s?|0044\s?)(?:3|8[047])|^(?:\(?0|\+33\s?\(?0?\)?\s?)8"
)
_MONEY_RE = re.compile(_MONEY, re.IGNORECASE)
_SECRET_RE = re.compile(_HANDED_DATA, re.IGNORECASE)
_APP_SECRET_RE = re.compile(_APP_DATA, re.IGNORECASE)
_URGENT_RE = re.compile(_URGENT, re.IGNORECASE)

# A warning, not a direction: the sentence is about fraud, or tells the reader not to do it.
_WARNING = re.compile(
    r"\b(?:never|beware|scam\w*|fraud\w*|phishing|fake|bogus|impersonat\w*|suspicious|"
    r"do\s+not|don['’]t|should\s+not|must\s+not|not\s+(?:ours|us|from\s+(?:us|the))|"
    r"jamais|arnaque\w*|escroqu\w*|frauduleu\w*|hameçonnage|méfi\w+|faux|fausse|ne\s+(?:pas|"
    r"jamais)|n['’]\w+\s+(?:pas|jamais)|"
    r"nunca|estafa\w*|fraude\w*|falso|falsa|cuidado|no\s+(?:pague|envíe|facilite|llame|dé)|"
    r"truff\w*|attenzione|non\s+(?:paghi|pagate|inviate|invii|fornisca|dia|date|chiami)|"
    r"golpe\w*|burla\w*|não|"
    r"niemals|nie|betrug\w*|vorsicht|gefälscht\w*|keine?n?|nicht|"
    r"nooit|oplicht\w*|nep|niet|geen|"
    r"nigdy|oszu\w*|uwaga|fałszyw\w*|"
    r"niciodată|înșel\w*|fraudă|nu\s+(?:plătiți|trimiteți|dați|sunați|oferiți)|"
    r"byth|sgam\w*|twyll\w*|"
    r"ποτέ|απάτ\w*|μην|δεν|"
    r"asla|dolandırıc\w*|sahte)\b|"
    r"احتيال|نصب|لا\s+(?:تدفع|ترسل|تعط)|أبدا|أبداً|دھوکہ|فراڈ|کبھی\s+نہیں|"
    r"诈骗|骗局|切勿|不要|绝不|从不",
    re.IGNORECASE,
)
# Named as a sender or the subject of a report, not where to go: "from 07700 …", "de la part du".
_SENDER = re.compile(
    r"(?:\b(?:from|de\s+la\s+part\s+d[eu']|depuis|provenant\s+d[eu']|desde|del|dal|da|do|von|"
    r"vom|van|od|de\s+la|από|tarafından|gelen|من|سے)\s*[(:]?\s*)$",
    re.IGNORECASE,
)
# A window of the sentence tried on each side of a destination: the directive and its target
# sit close together ("pay … at X", "X: card payments only").
_BEFORE = 140
_AFTER = 50
_PURPOSE = re.compile(
    r"\W{0,3}(?:(?:is|are|now|only|the|our|new|number|line|address|account)\s+){0,4}"
    r"(?:for|to|with|pour|afin\s+de|avec|para|con|per|für|um|mit|voor|om|met|dla|aby|pentru|i|"
    r"για|için)\b|"
    r"\W{0,3}(?:للـ?|لـ|用于|以便)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"[;•|]|\s[–—]\s|\b(?:if\s+you\s+have\s+(?:a\s+)?questions?|for\s+"
    r"(?:any\s+)?(?:questions|enquiries|help|advice))\b",
    re.IGNORECASE,
)


# A link's text just before its address: "[Pay your rent](" .
_LINK_TEXT = re.compile(r"\[([^\[\]]*)\]\(<?$")
# Help with paying is a topic, not a request to pay ("help to pay for the funeral", "aide au
# paiement", "ayuda para pagar").
_HELP = re.compile(
    r"\b(?:help(?:\s+(?:to|with))?|support\s+with|assistance\s+with|afford\s+to|unable\s+to|"
    r"cannot|can['’]t|aides?\s+(?:au|pour|à)|ayudas?\s+(?:para|al)|aiuto\s+(?:per|a)|"
    r"ajuda\s+(?:para|a|ao)|hilfe\s+(?:beim|zum|bei\s+der)|hulp\s+bij)\s+(?:\w+\s+)?"
    r"(?:pay\w*|paie\w*|pag\w+|zahl\w*|bezahl\w*|betal\w*)",
    re.IGNORECASE,
)


def may_hold_unpublished(text: str, own: OwnDestinations) -> bool:
    """Whether the text may send residents to an unpublished destination (cheap tests first)."""
    return own.knows_destinations and may_hold_destination(text)


def unpublished_kind(sentence: str, own: OwnDestinations) -> str | None:
    """KIND when the sentence directs residents' money, secrets or urgent calls to a destination
    the organisation does not publish; APP_KIND for card or bank secrets over a messaging app;
    else None. With nothing published known, nothing is judged."""
    if not own.knows_destinations:
        return None
    found = list(destinations(sentence))
    # Most sentences print only what the organisation publishes: nothing more to ask.
    judged = [d for d in found if d.kind == "app" or not own.publishes(d)]
    judged = [d for d in judged if not _sender(sentence, d)]
    if not judged or _WARNING.search(sentence) is not None:
        return None
    if any(d.kind == "app" and _near(sentence, d, _APP_SECRET_RE, found) for d in judged):
        return APP_KIND
    unpublished = (d for d in judged if not own.publishes(d))
    return KIND if any(_asked(sentence, d, found) for d in unpublished) else None


def _asked(sentence: str, destination: Destination, found: list[Destination]) -> bool:
    """Whether the sentence asks for money, a secret or an urgent call at the destination."""
    if _near(sentence, destination, _MONEY_RE, found) and not _service_line(sentence, destination):
        return True
    # An account's own labels ("account number (IBAN) - GB62 …") are no request for one.
    secret = destination.kind != "account" and _near(sentence, destination, _SECRET_RE, found)
    if secret and _near(sentence, destination, _HAND_OVER_RE, found):
        return True
    if destination.kind not in ("phone", "app"):
        return False
    urgent = _near(sentence, destination, _URGENT_RE, found)
    return urgent and _near(sentence, destination, _CALL_RE, found)


def _service_line(sentence: str, destination: Destination) -> bool:
    return (
        destination.kind == "phone"
        and _SERVICE_NUMBER.match(sentence[destination.start : destination.end]) is not None
    )


def _sender(sentence: str, destination: Destination) -> bool:
    before = sentence[max(0, destination.start - 30) : destination.start]
    return _SENDER.search(before) is not None


def _near(
    sentence: str, destination: Destination, request: re.Pattern[str], found: list[Destination]
) -> bool:
    """Whether the request is in the destination's clause: before it (up to _BEFORE characters,
    after the previous destination) or just after it (up to _AFTER, before the next one)."""
    start = max(
        [destination.start - _BEFORE, 0]
        + [d.end for d in found if d.end <= destination.start and d.kind == destination.kind]
    )
    end = min(
        [destination.end + _AFTER, len(sentence)]
        + [d.start for d in found if d.start >= destination.end and d.kind == destination.kind]
    )
    before = sentence[start : destination.start]
    link = _LINK_TEXT.search(before)
    if link is not None:
        # A link's address: what is asked there is in the link's own text.
        before = link.group(1)
    before, after = _HELP.sub(" ", before), _HELP.sub(" ", sentence[destination.end : end])
    cuts = [cut.end() for cut in _CLAUSE_END.finditer(before)]
    if cuts:
        before = before[cuts[-1] :]
    stop = _CLAUSE_END.search(after)
    if stop is not None:
        after = after[: stop.start()]
    if request.search(before) is not None:
        return True
    if request is _CALL_RE and request.search(after) is not None:
        # A call verb after the number is its own ("… 07700 900729 numaralı hattı arayın").
        return True
    # After it, only as its purpose: "07700 900123 (for card payments)", "… pour payer".
    purpose = _PURPOSE.match(after)
    return purpose is not None and request.search(after, purpose.end()) is not None
