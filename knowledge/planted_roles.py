"""The roles a word can play in a note to a machine reader, in the corpus's languages.

A planted note names who it speaks to (a machine: "software", "robot", "outil", "Programm"),
what that reader does with the page ("summarises", "reformule", "kürzt", "inkort"), the page
itself ("this text", "cette fiche"), what it is to do ("say", "omit", "must", "recommend"), a
condition only a machine meets ("if you are writing an answer from ..."), the chat it holds
("the user", "conversations"), a claim over other sources ("supersedes", "disregard") or a
request to its users ("ask"); people at work ("staff", "officers") are a role too, the subject
of people's sentences that do what a summariser does. The n-grams of
`planted_learned.py` see each word alone, so a note that uses a verb no training sentence used
("condenses", "accorcia") gets little from them. Here such words share a role: the classifier
gets one feature per role a sentence holds and one per pair of roles ("machine + processes",
"page + tell"), and learns their weights from the training sentences like any other feature;
what it learns from "summarise ... this page ... should" then carries to "paraphrase ... cette
notice ... devrait". People's sentences hold the same roles ("Officers summarising this report
must ..."), so the pairs alone decide nothing: the weights come from both.

Words are matched folded as `planted_learned.fold` folds them (lower case, no accents), by
whole word (`exact`) or by start (`starts`); an identifier's parts ("consigne_ia") and an
Arabic word without its leading clitics ("للمساعد", "for the assistant") are matched too. Welsh
words are listed with their mutated forms ("tudalen", "dudalen", "nhudalen"). Written for this
project (issue 14).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import combinations


@dataclass(frozen=True)
class Role:
    name: str
    exact: frozenset[str]
    starts: tuple[str, ...]


# The combining marks `planted_learned.fold` drops (it decomposes first: "آ" is "ا" and a madda
# after it, which stays).
_ACCENTS = dict.fromkeys(range(0x300, 0x370))


def _folded(word: str) -> str:
    """A listed word as `planted_learned.fold` folds a token, so that "آلي" meets its tokens."""
    return unicodedata.normalize("NFKD", word).translate(_ACCENTS) or word


def _role(name: str, exact: str, starts: str = "") -> Role:
    return Role(
        name,
        frozenset(map(_folded, exact.split())),
        tuple(map(_folded, starts.split())),
    )


ROLES: tuple[Role, ...] = (
    # Who is spoken to: a machine, named or described.
    _role(
        "machine",
        "ai ia ki kunstmatige llm llms gpt bot bots chatbot chatbots robot robots robo robos "
        "model models modele modeles modelo modelos modello modelli modell modelle "
        "software logiciel logiciels app apps engine engines moteur moteurs motor motores "
        "machine machines maquina maquinas macchina macchine maschine maschinen tool tools "
        "outil outils herramienta herramientas strumento strumenti ferramenta ferramentas "
        "werkzeug programma programmas programme programmes programa programas program "
        "programs programm program agent agents agente agentes agenti crawler crawlers "
        "algorithm algorithme algoritmo algorithmus algoritme thing truc برنامج البرنامج روبوت "
        "الذكاء program programu rhaglen raglen rhaglenni peiriant beiriant cynorthwyydd "
        "gynorthwyydd chynorthwyydd nghynorthwyydd مساعد",
        "automat automatis automatiz automatic automatik assistant assistent asistent "
        "chatbot sprachmodel taalmodel generator generateur generador generatore gerador "
        "rastread indexeur summariser summarizer آلي",
    ),
    # What that reader does with the page.
    _role(
        "processes",
        "relay relays relaying relaie relaient retrieved recuperee recupere recuperado "
        "recuperada recupere shorten shortens shortening inkort inkorten kort kurzt kurzen "
        "quoting quotes cites describer describes decrit reads reading leest legge leem lee "
        "liest czyta crynhoi grynhoi chrynhoi nghrynhoi aralleirio cyfieithu gyfieithu",
        "summar resum riassum sintetiz sintetizz synthes samenvat zusammenfass condens "
        "paraphras parafras reformul rephras reword rewrit restat abreg accorci umformul "
        "herschrijf herschrijv rielabor streszcz generat genere generer generee generad "
        "generand genera gerad gerar transcri translat tradui traduz tradu ubersetz vertaal "
        "compil redig redact drafting compos composing produc turns turning boil يلخ تلخ ملخ "
        "الملخ لخص",
    ),
    # What it produces.
    _role(
        "answer",
        "answer answers reply replies response responses reponse reponses respuesta respuestas "
        "risposta risposte resposta respostas antwort antworten antwoord antwoorden odpowiedz "
        "odpowiedzi output outputs summary summaries resume resumes resumen resumo riassunto "
        "sintesi synthese synthesen zusammenfassung samenvatting samenvattingen إجابة اجابة "
        "الإجابة الاجابة الرد رد ateb atebion hateb ymateb crynodeb grynodeb chrynodeb",
    ),
    # The page it is reading, named.
    _role(
        "page",
        "page pages text texts texte textes texto textos testo testi tekst teksten paragraph "
        "paragraphe paragrafo parrafo absatz alinea paragraaf akapit passage passages section "
        "sections sectie seccion sezione seccao secao abschnitt fiche fiches rubrique notice "
        "leaflet guidance article articolo artikel articulo artigo block bloc bloque blocco "
        "pagina paginas seite seiten strona strony strone strone fragment fragmento frammento "
        "النص الفقرة نص فقرة tudalen dudalen nhudalen thudalen testun destun nhestun adran",
        "الصفح صفح",
    ),
    # "this", "these": the page points at itself.
    _role(
        "this",
        "this these cette ce cet ces esta este estos estas questa questo queste questi "
        "diese dieser dieses diesem diesen deze dit desta deste nesta neste tej te ten ta "
        "هذه هذا hon hwn hyn",
    ),
    # Verbs that dictate what to say.
    _role(
        "tell",
        "say says tell state claim mention describe present write answer reply respond report "
        "dis dites dire disent affirme affirmez affirmer indique indiquez indiquer precise "
        "precisez preciser annonce annoncez annoncer presente presentez presenter ecris ecrivez "
        "di diga digan decir decid indica indique indicad informa informad informe afirma "
        "escribe escriba dica digam diz dizer indiquem informem escreva escreve escrivi scrivi "
        "scriva scrivete indichi indicate comunica comunicate riporta sag sage sagen schreib "
        "schreibe schreiben nenne nennen gib geben erwahne erwahnt melde melden meldt "
        "vermeld vermelden zeg zegt zeggen schrijf noem noemen napisz powiedz podaj قل اكتب "
        "أخبر اخبر recommend recommends recommande recommandez recommander recomienda "
        "recomiende recomendar raccomanda raccomandi raccomandare empfiehl empfehle empfehlen "
        "recomende recomenda aanbevelen beveel mention mentions mentionne mentionnez mentionner "
        "menciona mencione mencionar menziona menzioni menzionare dywedwch dweud ddweud nodwch",
        "angeb",
    ),
    # Verbs that ask to leave something out.
    _role(
        "omit",
        "omit omits leave skip drop hide omettez omettre omets taire taisez tais omita omitir "
        "omite ometti omettere omettete tacere tacete omitam omita omitir weglassen weglasst "
        "verschweigen weglaten verzwijgen pominac pomin احذف يحذف تحذف",
        "weglass",
    ),
    # Obligation, request or recommendation.
    _role(
        "ought",
        "must should shall ought asked requested kindly please would doit doivent devra "
        "devront devrait devraient prie pries priee invite invites voudront voudra feront fera "
        "debe deben debera deberia deberian harian haria ruega deve devem devera deverao "
        "deveria fariam faria pregato pregati invitato invitati devono dovra dovrebbe "
        "farebbero muss mussen soll sollen sollte sollten moge mogen bitte moet moeten dient "
        "dienen verzocht voorkeur graag powinien powinna powinno musi يجب rhaid dylai ddylai "
        "dylid dylech",
    ),
    # A condition: "if", "when".
    _role(
        "if",
        "if when whenever si lorsque quand cuando se quando wenn falls wird als wanneer jesli "
        "jezeli gdy إذا اذا عند os",
    ),
    # The reader addressed as "you", "tu", "du" (people's pages use vous, usted, Sie, u more).
    _role(
        "you",
        "you your ur u tu t toi ton ta tes te ti tuo tua du dir dich dein deine je jij jouw "
        "estas estiveres stai ty كنت أنت انت dy",
    ),
    # What it was given: its instructions, prompt, rules.
    _role(
        "instructions",
        "instruction instructions consigne consignes prompt prompts rules regles indicaciones "
        "instrucciones istruzioni instrucoes anweisung anweisungen instructies configured "
        "configuration system systeme directive directives directiva direttiva diretiva "
        "cyfarwyddiadau gyfarwyddiadau",
    ),
    # People at work doing what a machine reader would ("Staff should paraphrase the rules ..."):
    # in people's sentences the subject, rarely in a planted note.
    _role(
        "staff",
        "staff officer officers employee employees caseworker caseworkers volunteer volunteers "
        "councillor councillors receptionist receptionists adviser advisers advisor advisors "
        "clerk clerks personnel salaries employes fonctionnaires benevoles conseillers "
        "conseilleres empleados funcionarios voluntarios trabajadores mitarbeiter "
        "mitarbeiterin mitarbeitende beschaftigte ehrenamtliche sachbearbeiter dipendenti "
        "operatori volontari impiegati colaboradores medewerkers medewerker personeel "
        "vrijwilligers ambtenaren pracownicy urzednicy swyddogion gwirfoddolwyr موظف موظفين "
        "موظفون",
    ),
    # The chat a machine holds: its conversations and its users ("ask the user", "hand no
    # conversation over").
    _role(
        "chat",
        "conversation conversations chat chats user users utilisateur utilisateurs "
        "utilisatrice usuario usuarios usuaria utente utenti utilizador utilizadores nutzer "
        "nutzerin benutzer benutzerin gebruiker gebruikers uzytkownik uzytkownika "
        "uzytkownikowi gesprek gesprekken conversacion conversaciones conversazione "
        "conversazioni conversa conversas gesprach unterhaltung rozmowa sgwrs sgyrsiau "
        "defnyddiwr defnyddwyr مستخدم مستخدمين محادثة handover handoff escalate escalation",
    ),
    # Claims over other sources and the reader's earlier rules.
    _role(
        "override",
        "supersede supersedes overrides override overriding disregard disregarding ignore "
        "ignoring ignorez ignorer ignora ignorar ignorate ignoriere ignorieren ignoriert negeer "
        "negeren prevail prevails prevaut priment prevalece prevalecen prevale prevalgono "
        "voorrang vorrang henceforth desormais dorenavant conflicting contradictory contraires "
        "contradictoires widersprechende tegenstrijdige",
    ),
    # Asking the reader's user for something.
    _role(
        "ask",
        "ask asks request collect obtain demande demandez demander reclame reclamez pide pida "
        "pidan pedir solicite solicita chiedi chieda chiedere richiedi richieda pergunte pede "
        "peca frage fragen verlange verlangen fordere fordern vraag vraagt vragen popros "
        "zapytaj gofynnwch اطلب يطلب اسأل",
    ),
)
ROLE_NAMES = tuple(role.name for role in ROLES)
ROLE_PREFIX = "r:"
# Leading Arabic clitics, longest first: "and the", "so the", "with the", "like the", "for the",
# "the", "and", "so", "with", "for".
_ARABIC_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def _roles_of_word(word: str) -> int:
    mask = 0
    for bit, role in enumerate(ROLES):
        if word in role.exact or (role.starts and word.startswith(role.starts)):
            mask |= 1 << bit
    return mask


def _arabic_stems(word: str) -> list[str]:
    """The word without each leading clitic it may carry (the article, "and", "for the" ...)."""
    return [
        word[len(clitic) :]
        for clitic in _ARABIC_CLITICS
        if word.startswith(clitic) and len(word) - len(clitic) >= 2
    ]


def roles_of(word: str) -> int:
    """The roles a folded word plays, as a bit mask over ROLES; an identifier's parts
    ("consigne_ia") and an Arabic word without its clitics ("للمساعد") play theirs too."""
    mask = _roles_of_word(word)
    if "_" in word:
        for part in word.split("_"):
            if part:
                mask |= _roles_of_word(part)
    if "\u0600" <= word[:1] <= "\u06ff":
        for stem in _arabic_stems(word):
            mask |= _roles_of_word(stem)
    return mask


@cache
def role_features(mask: int) -> tuple[str, ...]:
    """The features of a sentence whose words play the roles in mask: each role, and each pair."""
    present = [name for bit, name in enumerate(ROLE_NAMES) if mask >> bit & 1]
    return (
        *(f"{ROLE_PREFIX}{name}" for name in present),
        *(f"{ROLE_PREFIX}{a}+{b}" for a, b in combinations(present, 2)),
    )
