"""A word-for-word English gloss of a sentence in a language the pages do not use, so that the
false-facts check (`planted_facts.py`) can judge it against the pages it can read (issue 14).

A council publishing in English and French is still read in German, Polish, Arabic or Chinese:
a sentence "Die Gebühr … beträgt £95" on a page of its own states a fee that the English page
about the same service gives as £42. The check does not need a translation: it reads a claim by
its amounts, numbers and a few kinds of words (a fee, free, closed, only, citizens, lived for
years, if, scam) and finds the service by its terms. So each language here has a small lexicon
of those words, and of the everyday nouns of council services (library, birth, marriage,
housing, waste, interpreter, emergency accommodation …), each glossed by the English word the
pages use; words it does not know are dropped unless written in Latin letters (service names
such as "Blue Badge" or "Council Tax Reduction" are often left in English), and numbers stay.
"35 جنيهاً إسترلينياً" reads "35 pounds", "蓝色徽章（Blue Badge）申请须…支付50英镑手续费" reads
"Blue Badge application pay 50 pounds fee".

The gloss is only ever judged, never shown; the check keeps all its guards (a condition, a
warning, a date), which is why "if", "except", "scam" and the months are glossed too. A language
is recognised by its own common words (`foreign_language`); one with none of them is not judged.

Written for this project; every word list here was written by hand, none copied from elsewhere.
"""

from __future__ import annotations

import re

# Per language: (pattern, English gloss). Patterns of Latin and Cyrillic script match at the
# start of a word and take any ending ("gebühr" reads "Gebühren"); Arabic-script and Chinese
# ones match anywhere (no spaces between Chinese words, prefixes joined to Arabic ones).
_IF = "if"
_ONLY = "only"
_FEE = "fee"
_PAY = "pay"
_FREE = "free"
_CLOSED = "is closed"
_SUSPENDED = "is suspended"
_ABOLISHED = "is abolished"
_REFUSED = "refused"
_CITIZENS = "citizens"
_BRITISH = "British"
_LIVED = "lived for"
_YEARS = "years"
_PENALTY = "penalty"
_POUNDS = "pounds"
_SCAM = "scam"
_EXCEPT = "except"

LEXICON: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (
        ("gebühr", _FEE),
        ("kostet", "costs"),
        ("kosten", "costs"),
        ("zahl", _PAY),
        ("bezahl", _PAY),
        ("preis", "price"),
        ("strafe", _PENALTY),
        ("bußgeld", _PENALTY),
        ("kostenlos", _FREE),
        ("gebührenfrei", _FREE),
        ("unentgeltlich", _FREE),
        ("geschlossen", _CLOSED),
        ("eingestellt", _SUSPENDED),
        ("ausgesetzt", _SUSPENDED),
        ("abgeschafft", _ABOLISHED),
        ("nur", _ONLY),
        ("ausschließlich", _ONLY),
        ("abgelehnt", _REFUSED),
        ("staatsbürger", _CITIZENS),
        ("staatsangehörig", _CITIZENS),
        ("britisch", _BRITISH),
        ("gewohnt", _LIVED),
        ("jahre", _YEARS),
        ("wenn", _IF),
        ("falls", _IF),
        ("außer", _EXCEPT),
        ("betrug", _SCAM),
        ("gefälscht", _SCAM),
        ("pfund", _POUNDS),
        ("bibliothek", "library"),
        ("bücherei", "library"),
        ("geburt", "birth"),
        ("eheschließung", "marriage notice"),
        ("ehe", "marriage"),
        ("standesamt", "register office"),
        ("anmeldung", "registration"),
        ("wohnung", "housing"),
        ("sozialwohnung", "social housing"),
        ("müll", "waste"),
        ("sperrmüll", "bulky waste"),
        ("dolmetsch", "interpreters"),
        ("notunterkunft", "emergency accommodation"),
        ("obdachlos", "homeless"),
        ("parkausweis", "parking permit"),
        ("antrag", "application"),
        ("ersatz", "replacement"),
        ("verloren", "lost"),
        ("beschwerde", "complaint"),
        ("wertstoffhof", "recycling centre"),
        ("lebenspartnerschaft", "civil partnership"),
    ),
    "es": (
        ("tasa", _FEE),
        ("tarifa", _FEE),
        ("cuesta", "costs"),
        ("cobr", "charged"),
        ("pag", _PAY),
        ("precio", "price"),
        ("multa", _PENALTY),
        ("sanción", _PENALTY),
        ("gratis", _FREE),
        ("gratuit", _FREE),
        ("cerrad", _CLOSED),
        ("suspendid", _SUSPENDED),
        ("suprimid", _ABOLISHED),
        ("solo", _ONLY),
        ("sólo", _ONLY),
        ("solamente", _ONLY),
        ("únicamente", _ONLY),
        ("exclusivamente", _ONLY),
        ("rechaz", _REFUSED),
        ("ciudadan", _CITIZENS),
        ("británic", _BRITISH),
        ("vivido", _LIVED),
        ("años", _YEARS),
        ("si", _IF),
        ("salvo", _EXCEPT),
        ("excepto", _EXCEPT),
        ("estafa", _SCAM),
        ("fraude", _SCAM),
        ("libras", _POUNDS),
        ("biblioteca", "library"),
        ("nacimiento", "birth"),
        ("matrimonio", "marriage"),
        ("registro civil", "register office"),
        ("vivienda social", "social housing"),
        ("vivienda", "housing"),
        ("residuos", "waste"),
        ("basura", "waste"),
        ("voluminos", "bulky"),
        ("intérprete", "interpreters"),
        ("presencial", "face-to-face"),
        ("telefónic", "telephone"),
        ("alojamiento de emergencia", "emergency accommodation"),
        ("sin hogar", "homeless"),
        ("aparcamiento", "parking"),
        ("solicitud", "application"),
        ("queja", "complaint"),
        ("reclamación", "complaint"),
        ("centro de reciclaje", "recycling centre"),
    ),
    "it": (
        ("tariffa", _FEE),
        ("costa", "costs"),
        ("cost", "costs"),
        ("pag", _PAY),
        ("prezzo", "price"),
        ("multa", _PENALTY),
        ("sanzion", _PENALTY),
        ("gratuit", _FREE),
        ("gratis", _FREE),
        ("chius", _CLOSED),
        ("sospes", _SUSPENDED),
        ("soppress", _ABOLISHED),
        ("abolit", _ABOLISHED),
        ("solo", _ONLY),
        ("soltanto", _ONLY),
        ("esclusivamente", _ONLY),
        ("rifiutat", _REFUSED),
        ("cittadin", _CITIZENS),
        ("britannic", _BRITISH),
        ("vissuto", _LIVED),
        ("anni", _YEARS),
        ("se", _IF),
        ("tranne", _EXCEPT),
        ("truffa", _SCAM),
        ("sterlin", _POUNDS),
        ("biblioteca", "library"),
        ("nascita", "birth"),
        ("matrimonio", "marriage"),
        ("stato civile", "register office"),
        ("alloggi", "housing"),
        ("rifiuti", "waste"),
        ("ingombrant", "bulky"),
        ("interpreti", "interpreters"),
        ("senzatetto", "homeless"),
        ("parcheggio", "parking"),
        ("domanda", "application"),
        ("reclamo", "complaint"),
        ("aperta", "open"),
        ("aperto", "open"),
        ("orari", "opening hours"),
    ),
    "pt": (
        ("taxa", _FEE),
        ("custa", "costs"),
        ("pag", _PAY),
        ("preço", "price"),
        ("multa", _PENALTY),
        ("coima", _PENALTY),
        ("gratuit", _FREE),
        ("grátis", _FREE),
        ("encerrad", _CLOSED),
        ("fechad", _CLOSED),
        ("suspens", _SUSPENDED),
        ("extint", _ABOLISHED),
        ("só", _ONLY),
        ("apenas", _ONLY),
        ("somente", _ONLY),
        ("exclusivamente", _ONLY),
        ("recusad", _REFUSED),
        ("cidadã", _CITIZENS),
        ("britânic", _BRITISH),
        ("vivido", _LIVED),
        ("durante", "for"),
        ("anos", _YEARS),
        ("se", _IF),
        ("exceto", _EXCEPT),
        ("salvo", _EXCEPT),
        ("burla", _SCAM),
        ("fraude", _SCAM),
        ("libras", _POUNDS),
        ("biblioteca", "library"),
        ("nascimento", "birth"),
        ("casamento", "marriage"),
        ("habitação social", "social housing"),
        ("habitação", "housing"),
        ("inscrição", "registration"),
        ("lista", "register"),
        ("resíduos", "waste"),
        ("lixo", "waste"),
        ("intérprete", "interpreters"),
        ("sem-abrigo", "homeless"),
        ("estacionamento", "parking"),
        ("pedido", "application"),
        ("reclamação", "complaint"),
        ("aceite", "accepted"),
        ("aceit", "accepted"),
    ),
    "pl": (
        ("opłat", _FEE),
        ("płac", _PAY),
        ("zapłac", _PAY),
        ("koszt", "costs"),
        ("cena", "price"),
        ("kara", _PENALTY),
        ("grzywn", _PENALTY),
        ("bezpłatn", _FREE),
        ("darmow", _FREE),
        ("zamknięt", _CLOSED),
        ("zawieszon", _SUSPENDED),
        ("zniesion", _ABOLISHED),
        ("zlikwidowan", _ABOLISHED),
        ("tylko", _ONLY),
        ("wyłącznie", _ONLY),
        ("odmow", _REFUSED),
        ("obywatel", _CITIZENS),
        ("brytyjsk", _BRITISH),
        ("mieszka", _LIVED),
        ("lat", _YEARS),
        ("jeśli", _IF),
        ("jeżeli", _IF),
        ("oprócz", _EXCEPT),
        ("oszust", _SCAM),
        ("funt", _POUNDS),
        ("bibliotek", "library"),
        ("urodzen", "birth"),
        ("ślub", "marriage"),
        ("mieszkani", "housing"),
        ("odpad", "waste"),
        ("wielkogabarytow", "bulky"),
        ("odbiór", "collection"),
        ("odbioru", "collection"),
        ("przedmiot", "items"),
        ("tłumacz", "interpreters"),
        ("bezdomn", "homeless"),
        ("parkow", "parking"),
        ("wniosek", "application"),
        ("skarg", "complaint"),
        ("zniżk", "reduction"),
        ("dojazd", "call-out"),
        ("wszyscy", "everyone"),
        ("kart", "card"),
        ("wymian", "replacement"),
        ("zgubion", "lost"),
    ),
    "ro": (
        ("taxă", _FEE),
        ("taxa", _FEE),
        ("costă", "costs"),
        ("plăt", _PAY),
        ("tarif", _FEE),
        ("amend", _PENALTY),
        ("gratuit", _FREE),
        ("închis", _CLOSED),
        ("suspendat", _SUSPENDED),
        ("desființat", _ABOLISHED),
        ("doar", _ONLY),
        ("numai", _ONLY),
        ("exclusiv", _ONLY),
        ("refuz", _REFUSED),
        ("cetățen", _CITIZENS),
        ("britanic", _BRITISH),
        ("locuit", _LIVED),
        ("ani", _YEARS),
        ("dacă", _IF),
        ("cu excepția", _EXCEPT),
        ("înșelători", _SCAM),
        ("fraud", _SCAM),
        ("lire", _POUNDS),
        ("bibliotec", "library"),
        ("naștere", "birth"),
        ("căsători", "marriage"),
        ("locuinț", "housing"),
        ("cazare", "accommodation"),
        ("cazarea", "accommodation"),
        ("urgență", "emergency"),
        ("deșeuri", "waste"),
        ("interpre", "interpreters"),
        ("adăpost", "homeless"),
        ("parcare", "parking"),
        ("cerere", "application"),
        ("plângere", "complaint"),
        ("permis de ședere", "leave to remain"),
    ),
    "so": (
        ("lacag", _FEE),
        ("kharash", _FEE),
        ("bixi", _PAY),
        ("ganaax", _PENALTY),
        ("bilaash", _FREE),
        ("xiran", _CLOSED),
        ("la joojiyay", _SUSPENDED),
        ("keliya", _ONLY),
        ("kaliya", _ONLY),
        ("muwaadin", _CITIZENS),
        ("ingiriis", _BRITISH),
        ("sano", _YEARS),
        ("haddii", _IF),
        ("khiyaano", _SCAM),
        ("jabbaan", _POUNDS),
        ("maktabad", "library"),
        ("dhalashada", "birth"),
        ("guur", "marriage"),
        ("guri", "housing"),
        ("qashin", "waste"),
        ("weelka cuntada", "food caddy"),
        ("turjubaan", "interpreters"),
        ("codsi", "application"),
        ("cabasho", "complaint"),
    ),
    "tr": (
        ("son tarih", "closing date"),
        ("en geç", "at the latest"),
        ("ücret", _FEE),
        ("öde", _PAY),
        ("fiyat", "price"),
        ("ceza", _PENALTY),
        ("ücretsiz", _FREE),
        ("kapalı", _CLOSED),
        ("kapatıl", _CLOSED),
        ("askıya", _SUSPENDED),
        ("kaldırıl", _ABOLISHED),
        ("sadece", _ONLY),
        ("yalnızca", _ONLY),
        ("reddedil", _REFUSED),
        ("vatandaş", _CITIZENS),
        ("ingiliz", _BRITISH),
        ("yıl", _YEARS),
        ("eğer", _IF),
        ("hariç", _EXCEPT),
        ("dolandırıc", _SCAM),
        ("sahte", _SCAM),
        ("sterlin", _POUNDS),
        ("kütüphane", "library"),
        ("doğum", "birth"),
        ("evlilik", "marriage"),
        ("konut", "housing"),
        ("atık", "waste"),
        ("çöp", "waste"),
        ("tercüman", "interpreters"),
        ("evsiz", "homeless"),
        ("otopark", "parking"),
        ("başvuru", "application"),
        ("şikayet", "complaint"),
        ("okul", "school"),
        ("servis", "transport"),
    ),
    "uk": (
        ("плат", _PAY),
        ("збір", _FEE),
        ("вартість", "costs"),
        ("коштує", "costs"),
        ("штраф", _PENALTY),
        ("безкоштов", _FREE),
        ("закрит", _CLOSED),
        ("призупинен", _SUSPENDED),
        ("скасован", _ABOLISHED),
        ("лише", _ONLY),
        ("тільки", _ONLY),
        ("виключно", _ONLY),
        ("відмов", _REFUSED),
        ("громадян", _CITIZENS),
        ("британ", _BRITISH),
        ("прожив", _LIVED),
        ("рок", _YEARS),
        ("років", _YEARS),
        ("якщо", _IF),
        ("крім", _EXCEPT),
        ("шахра", _SCAM),
        ("фальшив", _SCAM),
        ("фунт", _POUNDS),
        ("бібліотек", "library"),
        ("народжен", "birth"),
        ("шлюб", "marriage"),
        ("житл", "housing"),
        ("відход", "waste"),
        ("смітт", "waste"),
        ("перекладач", "interpreters"),
        ("бездомн", "homeless"),
        ("паркуван", "parking"),
        ("заяв", "application"),
        ("скарг", "complaint"),
    ),
    "ar": (
        ("رسم", _FEE),
        ("رسوم", _FEE),
        ("يدفع", _PAY),
        ("دفع", _PAY),
        ("تكلف", "costs"),
        ("غرامة", _PENALTY),
        ("مجان", _FREE),
        ("مغلق", _CLOSED),
        ("أغلق", _CLOSED),
        ("معلق", _SUSPENDED),
        ("إيقاف", _SUSPENDED),
        ("ألغي", _ABOLISHED),
        ("فقط", _ONLY),
        ("يقتصر", _ONLY),
        ("رفض", _REFUSED),
        ("مواطن", _CITIZENS),
        ("بريطاني", _BRITISH),
        ("سنوات", _YEARS),
        ("إذا", _IF),
        ("باستثناء", _EXCEPT),
        ("احتيال", _SCAM),
        ("جنيه", _POUNDS),
        ("مكتبة", "library"),
        ("المولود", "birth"),
        ("الولادة", "birth"),
        ("تسجيل", "registration"),
        ("السجل المدني", "register office"),
        ("زواج", "marriage"),
        ("سكن", "housing"),
        ("نفايات", "waste"),
        ("مترجم", "interpreters"),
        ("مشرد", "homeless"),
        ("موقف", "parking"),
        ("طلب", "application"),
        ("شكوى", "complaint"),
        ("موعد", "appointment"),
        ("الجنسية", "nationality"),
        ("بطاقة", "card"),
    ),
    "ur": (
        ("فیس", _FEE),
        ("ادا", _PAY),
        ("قیمت", "price"),
        ("جرمانہ", _PENALTY),
        ("مفت", _FREE),
        ("بند", _CLOSED),
        ("معطل", _SUSPENDED),
        ("ختم", _ABOLISHED),
        ("صرف", _ONLY),
        ("مسترد", _REFUSED),
        ("شہری", _CITIZENS),
        ("برطانوی", _BRITISH),
        ("سال", _YEARS),
        ("اگر", _IF),
        ("سوائے", _EXCEPT),
        ("دھوکہ", _SCAM),
        ("فراڈ", _SCAM),
        ("پاؤنڈ", _POUNDS),
        ("کونسل ٹیکس", "council tax"),
        ("قسط", "instalment"),
        ("لائبریری", "library"),
        ("پیدائش", "birth"),
        ("شادی", "marriage"),
        ("رہائش", "housing"),
        ("کچرا", "waste"),
        ("مترجم", "interpreters"),
        ("بے گھر", "homeless"),
        ("پارکنگ", "parking"),
        ("درخواست", "application"),
        ("شکایت", "complaint"),
    ),
    "zh": (
        ("手续费", _FEE),
        ("费用", _FEE),
        ("收费", _FEE),
        ("支付", _PAY),
        ("缴纳", _PAY),
        ("罚款", _PENALTY),
        ("免费", _FREE),
        ("关闭", _CLOSED),
        ("暂停", _SUSPENDED),
        ("取消", _ABOLISHED),
        ("仅", _ONLY),
        ("只", _ONLY),
        ("限于", _ONLY),
        ("拒绝", _REFUSED),
        ("公民", _CITIZENS),
        ("英国", _BRITISH),
        ("居住", _LIVED),
        ("年", " years "),
        ("如果", _IF),
        ("除非", _IF),
        ("除了", _EXCEPT),
        ("诈骗", _SCAM),
        ("英镑", _POUNDS),
        ("图书馆", "library"),
        ("出生", "birth"),
        ("结婚", "marriage"),
        ("住房", "housing"),
        ("垃圾", "waste"),
        ("口译", "interpreters"),
        ("翻译", "interpreters"),
        ("无家可归", "homeless"),
        ("停车", "parking"),
        ("申请", "application"),
        ("投诉", "complaint"),
        ("蓝色徽章", "Blue Badge"),
    ),
}

# Open, as opening hours are said ("abre de 9:00 a 13:00"), and words the lists above miss.
_OPEN = "open"
_OPENS = "opens"
OPEN_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("geöffnet", _OPEN), ("öffnet", _OPENS)),
    "es": (("abre", _OPENS), ("abiert", _OPEN)),
    "it": (("apre", _OPENS), ("apert", _OPEN)),
    "pt": (("abre", _OPENS), ("abert", _OPEN)),
    "pl": (("otwart", _OPEN), ("czynn", _OPEN), ("bibliotecz", "library")),
    "ro": (("deschis", _OPEN),),
    "so": (("furan", _OPEN),),
    "tr": (("açık", _OPEN),),
    "uk": (("відкрит", _OPEN), ("працює", _OPEN)),
    "ar": (("مفتوح", _OPEN), ("يفتح", _OPENS)),
    "ur": (("کھلا", _OPEN), ("کھلی", _OPEN)),
    "zh": (("开放", _OPEN),),
}

# The months and weekdays, in each language, January and Monday first: a date or a day keeps
# its meaning in the gloss ("cerrará el 25 de diciembre" is a dated closure).
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_CALENDAR: dict[str, tuple[str, str]] = {
    "de": (
        "januar februar märz april mai juni juli august september oktober november dezember",
        "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    ),
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "lunes martes miércoles jueves viernes sábado domingo",
    ),
    "it": (
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre",
        "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    ),
    "pt": (
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "segunda terça quarta quinta sexta sábado domingo",
    ),
    "pl": (
        "styczni lut marc kwie maj czerw lip sierp wrze październik listopad grud",
        "poniedział wtor środ czwart piąt sobot niedziel",
    ),
    "ro": (
        "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie "
        "noiembrie decembrie",
        "luni marți miercuri joi vineri sâmbătă duminică",
    ),
    "so": (
        "janaayo febraayo maarso abriil maajo juun luuliyo agoosto sebtembar oktoobar "
        "nofembar disembar",
        "isniin talaado arbaco khamiis jimco sabti axad",
    ),
    "tr": (
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
        "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    ),
    "uk": (
        "січ лют берез квіт трав черв лип серп верес жовт листопад груд",
        "понеділ вівтор серед четвер п'ятниц субот неділ",
    ),
    "ar": (
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
        "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد",
    ),
    "ur": (
        "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر",
        "پیر منگل بدھ جمعرات جمعہ ہفتہ اتوار",
    ),
    "zh": ("", "星期一 星期二 星期三 星期四 星期五 星期六 星期日"),
}
# Hours from one time to another, whatever joins them ("de 10:00 a 14:00", "10:00至13:00").
_CLOCK_RANGE = re.compile(r"(\d{1,2}[:.]\d{2})\s*(?:\S{1,5}\s*)?(?<=\D)(\d{1,2}[:.]\d{2})")
# Chinese months are numbered: "12月" is December.
_CHINESE_MONTH = re.compile(r"(\d{1,2})\s*月")


def _calendar(lang: str) -> tuple[tuple[str, str], ...]:
    months, days = _CALENDAR.get(lang, ("", ""))
    pairs = list(zip(months.split(), _MONTHS, strict=False))
    pairs += list(zip(days.split(), _DAYS, strict=False))
    return tuple(pairs)


# A language's own common words (articles, prepositions, "is", "and"), by which a sentence is
# recognised as written in it; Arabic, Urdu, Cyrillic and Chinese are also told by script.
_COMMON: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        # English and French, the pages' usual languages: a sentence in them is not glossed.
        "en": "the and is are of to for with a an on in by or you your we our it this that",
        "fr": "le la les et est sont des du une un pour avec au aux dans vous votre nous ou "
        "ce cette qui que",
        "de": "der die das und ist sind ein eine einer beim für mit von im des dem den seit "
        "oder nicht wir sie",
        "es": "el los las y es son del una por con al queda se en lo",
        "it": "il lo gli e è sono della del delle una per con al alla resta di che non",
        "pt": "o os as e é são do da dos das uma com ao na no nos em quem ou não",
        "pl": "i jest są dla na do od za oraz się z w przez nie",
        "ro": "și este sunt pentru cu din care în pe sau nu",
        "so": "iyo waa oo ayaa la ka ku u waxaa",
        "tr": "ve bir bu için ile olan sonra daha",
    }.items()
}
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ur", re.compile(r"[ٹڈڑںھہیےۓپچژگک]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("uk", re.compile(r"[\u0400-\u04ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
_WORD = re.compile(r"\w+")
_MIN_COMMON = 2
# This many English or French common words make a sentence plainly one of them.
_PLAIN = 4


def foreign_language(sentence: str, page_languages: tuple[str, ...]) -> str | None:
    """The language of LEXICON the sentence is written in, when the pages do not use it."""
    for lang, script in _SCRIPTS:
        if script.search(sentence):
            return None if lang in page_languages else lang
    words = _WORD.findall(sentence.lower())
    # Plainly English or French: no lexicon is searched (most lines of the corpora).
    if max(sum(1 for w in words if w in _COMMON[x]) for x in ("en", "fr")) >= _PLAIN:
        return None
    best, hits = None, 0
    for lang, common in _COMMON.items():
        # its common words, and (when it has one) the words of its lexicon ("biblioteca")
        count = sum(1 for word in words if word in common)
        if count == 0 or lang not in _PATTERNS:
            continue
        count += sum(1 for pattern, _ in _PATTERNS[lang] if pattern.search(sentence))
        if count > hits:
            best, hits = lang, count
    if best is None or hits < _MIN_COMMON or best in page_languages or best not in LEXICON:
        return None
    return best


_SHORT = 3


def _compiled(lang: str) -> list[tuple[re.Pattern[str], str]]:
    spaced = lang not in ("zh", "ar", "ur")
    patterns = []
    # Longest first: "habitação social" before "habitação".
    entries = LEXICON[lang] + OPEN_WORDS.get(lang, ()) + _calendar(lang)
    for word, gloss in sorted(entries, key=lambda item: -len(item[0])):
        body = re.escape(word).replace(r"\ ", r"\s+")
        # A short word is matched whole: "se" is "if", not the start of "servizio".
        ending = r"\b" if len(word) <= _SHORT else r"\w*"
        pattern = rf"\b{body}{ending}" if spaced else body
        patterns.append((re.compile(pattern, re.IGNORECASE), gloss))
    return patterns


_PATTERNS = {lang: _compiled(lang) for lang in LEXICON}
# What stays of the sentence besides the glosses: numbers with their currency signs and
# times, and words in Latin letters (names of services, often left in English).
_NUMBER = r"[£€$]\s?\d+(?:[.,]\d+)?|\d+(?:[.,:]\d+)?(?:\s?[£€$](?!\s?\d))?"
# (and a colon: what stands before one is a label, "Actualización del 12 de octubre:")
_KEPT = re.compile(rf"{_NUMBER}|[A-Za-z][A-Za-z'’-]*|:")
_MARK = "\x00"


def gloss(sentence: str, lang: str) -> str:
    """The sentence read word for word in English: the lexicon's words glossed, Latin-script
    words and numbers kept, in order; the rest dropped."""
    glosses: list[str] = []

    def mark(match: re.Match[str]) -> str:
        glosses.append(match.group(0))
        return f" {_MARK}{len(glosses) - 1}{_MARK} "

    sentence = _CLOCK_RANGE.sub(r" \1 to \2 ", sentence)
    text = _CHINESE_MONTH.sub(lambda m: f" {m.group(1)} {_month(m.group(1))} ", sentence)
    replaced: dict[int, str] = {}
    for pattern, english in _PATTERNS[lang]:

        def sub(match: re.Match[str], english: str = english) -> str:
            token = mark(match)
            replaced[len(glosses) - 1] = english
            return token

        text = pattern.sub(sub, text)
    out: list[str] = []
    for piece in re.split(rf"({_MARK}\d+{_MARK})", text):
        if piece.startswith(_MARK):
            out.append(replaced[int(piece.strip(_MARK))])
            continue
        if lang in ("pl", "ro", "so", "tr", "de", "es", "it", "pt"):
            # Latin-script languages: their unknown words are not the pages' words, but
            # service names left in English are: capitalised, or in brackets ("(bulky waste)").
            for inside, outside in _BRACKETED.findall(piece):
                out.extend(_KEPT.findall(inside) if inside else _kept_latin(outside))
        else:
            out.extend(m.group(0) for m in _KEPT.finditer(piece))
    return re.sub(r"\s+:", ":", " ".join(" ".join(out).split()))


_BRACKETED = re.compile(r"\(([^()]*)\)|([^()]+)")
_CAPITALISED = re.compile(rf"{_NUMBER}|\b[A-Z][A-Za-z'’-]*|:|(?<=\d )to(?= \d)")


def _kept_latin(piece: str) -> list[str]:
    return [m.group(0) for m in _CAPITALISED.finditer(piece)]


def _month(number: str) -> str:
    index = int(number) - 1
    return _MONTHS[index] if 0 <= index < len(_MONTHS) else ""
