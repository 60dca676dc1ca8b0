"""The input guard: what happens to a citizen's message before any model sees it.

Order: hidden characters stripped; personal data looked for; crisis (before personal data
is blocked, so that a person in danger who gives a phone number still gets help, with every
piece of personal data replaced in the verdict's text); personal data blocked or redacted;
a request for a person or a complaint; injection, extraction, role-play, political opinion,
harmful requests and disguised text; otherwise the message is allowed.

Within each step the precise rules speak first; the learned intent classifier (when one is
given) decides what no rule matched: crisis right after the crisis rules, the other classes
after all the rules, except that the policy's in-scope rules (a question about the assistant
itself) overrule its request for a person, out of scope or injection, and an in-scope rule
marked `read_without` (a question about the chat's record) overrules any class when its
question is the whole message. The verdict's `layer` says which layer decided.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from bot.guards.hidden import unhide
from bot.guards.intent_decision import IN_SCOPE, RECALL_FIRST, IntentClassifierLike, IntentDecision
from bot.guards.model_check import ModelIntentCheck
from bot.guards.normalise import fold
from bot.guards.pii import find_pii, redact
from bot.guards.pii_contact import national_form, written_international
from bot.guards.pii_spans import SpanTagger, shipped_span_tagger
from bot.guards.pii_spoken import spoken_identifiers
from bot.guards.policy import GuardPolicy, localised
from bot.guards.respell import devowelled_copies, respelled
from bot.guards.rules import Category, Rule
from bot.guards.variants import Variants, variants_of
from bot.guards.verdict import GuardAction, GuardLayer, GuardVerdict, PIIFinding
from knowledge.published import PublishedContacts, plain_address

PIIMode = Literal["block", "redact"]
# The kinds of personal data that say how to reach the writer, or where help must go: kept for
# the person a message is escalated to (`GuardVerdict.contact`), so that someone who asks to be
# rung or written back can be, and a caseworker knows where a person in danger is.
CONTACT_KINDS = frozenset({"phone", "email", "address", "postcode", "name", "first_name"})
# The kinds of personal data by which a writer asking for a person can be reached back: with
# one of them, the classifier's request for a person goes to one before the data is blocked.
_REACHED_ON = frozenset({"phone", "email"})
# A placeholder for personal data in a message (`redact`), folded: "[phone]".
_PLACEHOLDER = re.compile(r"\[[a-z_]+\]")
# The words that label a number or an address given alone ("my mobile: …", "mon portable :
# …", "tél. fixe …"): a message with no other word asks nothing (`_reach_left`).
_LABELS_OF_DATA = frozenset(
    "my mon ma mes our notre his her son sa mobile portable cell cellphone phone tel telephone"
    " landline fixe number numero num no n email e mail courriel adresse address is it s c est"
    " here voici voila the le la l new nouveau nouvelle".split()
)
# A closing formula that opens a sign-off line ("Regards", "Kind regards,", "Yours faithfully",
# "Cordialement", "Bien à vous"), folded: the writer's own name, post and pronouns follow it.
_CLOSING = re.compile(
    r"(?m)^[ \t]*(?:(?:kind|best|warm|many|with)\s+(?:regards|wishes|thanks)|regards|thanks"
    r"|thank\s+you|cheers|yours(?:\s+(?:sincerely|faithfully|truly))?|sincerely|cordialement"
    r"|bien\s+a\s+vous|(?:sinceres\s+)?salutations|merci(?:\s+d'avance)?|amicalement)\b"
)
# The kinds of personal data a sign-off holds: the writer's name.
_SIGNED_WITH = frozenset({"name", "first_name"})
# The kinds of personal data a request for a person or a complaint may name beside what it
# asks (`_named_beside_asking`): a name, a street address, a postcode; never an identity
# (a name with a date of birth and an address), a number or an account.
_NAMED_BESIDE = frozenset({"name", "first_name", "address", "postcode"})
# A placeholder `redact` writes for one of those kinds, on folded text: "[name]", "[address]".
_NAMED = r"\[(?:name|first_name|address|postcode)\]"
_TITLE = r"(?:(?:mr|mrs|ms|miss|mx|dr|m|mme|mlle|monsieur|madame|mademoiselle)\.?\s+)?"
# The words a message opens with to greet whom it is addressed to ("Dear …,", "Cher …,").
_GREETING = r"dear|cher|chere|hello|hi|hey|bonjour|bonsoir|salut|to"
_GREETED = re.compile(r"^\W*(?:" + _GREETING + r")\s")
# A message that opens with a placeholder and a comma: the greeting was taken in with the
# name ("Cher Ordi," found as a name), read with the message as written (`_GREETED`).
_OPENS_WITH_NAME = re.compile(r"^\W*" + _NAMED + r"\s*[,:!]")
# Whom a writer may be to the one they write for: a relative, a carer, a representative.
_KIN_WORDS = (
    r"grand-?(?:pere|mere|father|mother|son|daughter|dad|mum)|granddaughter|grandson|"
    r"petit-fils|petite-fille|fils|fille|son|daughter|mother|father|mum|mom|dad|mere|pere|"
    r"brother|sister|frere|soeur|husband|wife|partner|mari|femme|epoux|epouse|nephew|niece|"
    r"neveu|oncle|uncle|aunt|tante|carer|aidante?|guardian|tut(?:eur|rice)|curat(?:eur|rice)|"
    r"support\s+worker|key\s+worker|social\s+worker|advocate|solicitors?|avocate?|"
    r"representative|representante?|"
    # Paid carers and the professionals who visit someone at home and write for them (issue
    # 12, fixer S, after the fifty-first held-out set: a home carer's request for a call back
    # for the man she cares for, naming him, was blocked as personal data).
    r"home\s+(?:help|carer|care\s+worker)|care\s+(?:worker|assistant)|caregiver|"
    r"personal\s+assistant|district\s+nurse|community\s+nurse|nurse|"
    r"auxiliaire\s+de\s+vie(?:\s+sociale)?|aide\s+(?:a|au)\s+domicile|aide[- ]soignante?|"
    r"aide\s+menagere|infirmiere?(?:\s+(?:liberale?|a\s+domicile))?|"
    r"assistante?\s+sociale?|travailleu(?:r|se)\s+sociale?|educat(?:eur|rice)(?:\s+specialisee?)?|"
    r"mandataire(?:\s+judiciaire)?"
)
_KIN = "(?:" + _KIN_WORDS + ")"
# How a request for a person or a complaint names someone or somewhere without handing over
# personal data, on folded text with the data replaced (issue 12, after the fiftieth held-out
# set): the one the message is addressed to, at its opening ("Dear [name],", "Cher [name],");
# the writer introducing themselves ("I'm [name]", "moi c'est [name]"); the one the writer
# acts or writes for, or is a relative or carer of ("we act for Mr [name]", "on behalf of
# [name]", "je suis le grand-père de [name]", "I'm [name]'s carer"); and the place of a
# fault, after a word of where ("the pothole outside number [address]", "devant le
# [address]"). Someone else named as the subject ("my neighbour [name] keeps …") or one's own
# address given ("I live at [address]") is none of these.
_NAMED_HOW = (
    re.compile(r"^\W*(?:" + _GREETING + r")\s+" + _TITLE + _NAMED + r"\s*[,:!]"),
    re.compile(
        r"\b(?:my\s+name\s+is|i\s+am|i'm|this\s+is|je\s+suis|je\s+m'appelle|moi\s+c'est)"
        r"\s+" + _TITLE + _NAMED + r"(?!'s)"
    ),
    re.compile(
        r"\b(?:act(?:s|ing)?\s+for|(?:are|am|is)\s+instructed\s+by|represent(?:s|ing)?|"
        r"(?:writ(?:e|ing)|act(?:s|ing)?|contact(?:ing)?|e-?mail(?:ing)?|messag(?:e|ing)|"
        r"enquir(?:e|ing)|here)\s+(?:to\s+you\s+)?(?:on\s+behalf\s+of|for)|(?:ecri[st]|"
        r"ecrivons|m'adresse|agis|agissons|interviens|intervenons|contacte)\s+(?:\w+\s+){0,2}?"
        r"(?:de\s+la\s+part\s+de|pour\s+le\s+compte\s+de|au\s+nom\s+de|pour)|"
        r"(?:je|nous)\s+represent(?:e|ons)|(?:je\s+suis|i\s+am|i'm|we\s+are)\s+(?:le|la|l'|"
        r"the|his|her|their|a|an|un|une)?\s*"
        + _KIN
        + r"\s+(?:de|d'|of|to|for))\s*(?:(?:my|our|mon|ma|"
        r"notre)\s+(?:client|cliente|" + _KIN_WORDS + r")\s*,?\s*)?" + _TITLE + _NAMED
    ),
    re.compile(r"\b(?:i\s+am|i'm|we\s+are)\s+" + _TITLE + _NAMED + r"'s\s+" + _KIN + r"\b"),
    re.compile(
        r"\b(?:outside|opposite|in\s+front\s+of|next\s+to|near|by|behind|beside|across\s+from|"
        r"(?:at|on)\s+the\s+(?:end|corner|bottom|top)\s+of|devant|en\s+face\s+(?:du|de|des)|"
        r"pres\s+(?:du|de|des)|a\s+cote\s+(?:du|de|des)|derriere|au\s+(?:bout|coin|niveau)\s+"
        r"(?:du|de|des))\s+(?:number\s+|no\.?\s*|numero\s+|n°\s*|the\s+|le\s+|la\s+|l')?"
        r"\[(?:address|postcode)\]"
    ),
)
# Fewer words beside the data than this, and a message asks nothing (`_named_beside_asking`).
_FEWEST_WORDS_BESIDE = 5
# Input beyond this multiple of max_chars is not even scanned for hidden characters.
_SCAN_FACTOR = 4
# Fewer digits than any phone number: a phone found with fewer was read out in words.
_SHORTEST_PHONE = 7
# The classifier's classes an in-scope rule of the policy overrules (`GuardPolicy.in_scope`),
# a request for a person only when decided in doubt (`IntentDecision.sure`): never a crisis
# or a complaint, whose misses hurt someone.
_OVERRULED = frozenset({"human_request", "out_of_scope", "injection"})
# The words a question about the chat is framed in, once its patterns are taken out ("could
# you tell me …", "… ici, ou pas ?"): a message with any other word left is not that question
# alone, and the classifier's call on it stands (`InputGuard._asked_alone`).
_FRAME = frozenset(
    "a also an and any anywhere are as at be but by can chat confirm content conversation "
    "could curious do does for here how i if in is it just kindly know long may me messages "
    "might my not of ok on or our please question quick so somewhere still system tell that "
    "the there these this to u us wondering we well what whether will would write wrote "
    "type typed say said put send sent you your ecris ecrit tape dis mets envoie when other "
    "departments after log off close window session "
    "services talk chatting autres departements discute parle echanges donnees informations "
    "qui apres fermer ferme fenetre "
    "alors apprendre au aussi avec bien c ce ces mais cette chat combien conversation d dans de "
    "des dire donc du elle en encore est et genre ici il j je l la le les m ma me mes mon "
    "nos notre nous on ou par pas pendant pour pourriez pouvez preciser qu que quand question "
    "si savoir sur t temps tu un une vos votre vous y "
    # Particles and tags that address the assistant or fill the sentence ("Coudonc, tu gardes
    # mes messages combien de temps, toi ?", "say, do you keep …, eh?"): issue 12, after the
    # twenty-fourth held-out set.
    "toi coudonc dis dites donc moi hein eh ben bah beh bon ouais oui allo say hey hi yo ok "
    "okay right then eh huh anyway mate buddy".split()
)
_WORD = re.compile(r"[a-z0-9]+")
# Words beyond the frame that make a question of their own beside the words a `beside` rule
# sets aside ("what time does the town hall shut": town, hall, shut, thursday): fewer, and the
# rest is no question, and the classifier's call on the whole stands.
_BESIDE_WORDS = 2
# Greetings and closings, which are no remainder of their own ("Thank you.", "Bien à vous.":
# the classifier reads "Je vous remercie." alone as a request for a person), on folded text.
_COURTESY = re.compile(
    r"\b(?:hello|hi|hiya|hey|good\s+(?:morning|afternoon|evening)|dear\s+(?:sir\s+or\s+madam|"
    r"sir|madam|council|team)|many\s+thanks|thank\s+you(?:\s+(?:very\s+much|kindly|in\s+advance))?|"
    r"thanks(?:\s+(?:a\s+lot|in\s+advance))?|cheers|(?:kind|best|warm)\s+regards|regards|"
    r"best\s+wishes|yours\s+(?:faithfully|sincerely)|please|bonjour|bonsoir|salut|madame|monsieur|"
    r"merci(?:\s+(?:beaucoup|bien|d'avance|par\s+avance))?|je\s+vous\s+remercie(?:\s+(?:d'avance|"
    r"par\s+avance))?|avec\s+mes\s+remerciements|(?:bien\s+)?cordialement|bien\s+a\s+vous|"
    r"(?:sinceres\s+)?salutations|s'il\s+vous\s+plait|svp)\b"
)
# What a question about the chat is prefaced or closed with, on folded text: an apology for
# asking, a wish to know first, "seriously" ("Pardonnez ma question, mais …", "before I go any
# further, may I ask …", "je préfère le savoir avant d'aller plus loin"). No remainder of their
# own for `_asked_alone`; a fact, a feeling or a request left beside them still is (issue 12,
# after the twenty-first held-out set).
_HEDGES = re.compile(
    r"\b(?:sorry\s+to\s+ask|(?:forgive|excuse|pardon)\s+(?:me|my\s+(?:asking|question))"
    r"(?:\s+for\s+asking)?|(?:may|can|could|might)\s+i\s+ask(?:\s+you)?|before\s+(?:i|we)\s+"
    r"(?:go\s+(?:any\s+)?further|start|begin|carry\s+on|continue)|out\s+of\s+curiosity|"
    r"just\s+(?:curious|wondering|checking)|honestly|seriously|i(?:'d|\s+would)\s+(?:rather|like\s+"
    r"to)\s+know(?:\s+first)?|(?:pardonnez|excusez)(?:-moi)?(?:\s+(?:de\s+(?:demander|vous\s+"
    r"demander|poser\s+la\s+question)|(?:de\s+)?(?:ma|cette)\s+question))?|pardon|avant\s+"
    r"(?:d'aller\s+plus\s+loin|de\s+(?:commencer|continuer))|je\s+(?:prefere|prefererais|"
    r"voudrais|aimerais)\s+le\s+savoir|par\s+curiosite|juste\s+pour\s+savoir|(?:non\s+mais\s+)?"
    r"serieux(?:ement)?|franchement|honnetement)\b"
    # What the writer means to tell once they know ("if I describe my circumstances in here",
    # "avant de vous raconter ma situation"), a doubt about the answer before ("the last one
    # looked odd to me", "la précédente m'a semblé bizarre") and a wish to check before acting
    # on it ("I'd rather double-check before I send the form", "je préfère vérifier avant de
    # payer"): issue 12, after the twenty-second held-out set.
    r"|\b(?:if|when|before)\s+i\s+(?:explain|describe|tell\s+you(?:\s+about)?|write\s+(?:about|out)|"
    r"share|set\s+out|go\s+into|type\s+out)\s+(?:all\s+)?(?:my|our)\s+(?:\w+\s+)?(?:situation|"
    r"circumstances|case|story|problems?|background|issues?)(?:\s+(?:in\s+)?here)?\b"
    r"|\b(?:si|quand|avant\s+(?:de|d'))\s*(?:je\s+)?(?:vous\s+|te\s+|t')?(?:explique|raconte|decris|"
    r"expose|detaille|expliquer|raconter|decrire|exposer|detailler)\s+(?:toute\s+|tout\s+)?(?:ma|mon|"
    r"mes|notre|nos)\s+(?:situation|cas|histoire|problemes?|vie)(?:\s+ici)?\b"
    r"|\b(?:the|your)\s+(?:last|previous|earlier|first|other)\s+(?:one|answer|reply)\s+(?:looked|"
    r"seemed|sounded|read|felt|was)\s+(?:a\s+(?:bit|little)\s+|rather\s+|quite\s+|really\s+|kind\s+of\s+|"
    r"very\s+)?(?:odd|strange|weird|off|funny|unclear|confusing)(?:\s+to\s+me)?\b"
    r"|\b(?:la|votre)\s+(?:derniere|precedente|premiere|reponse\s+d'avant)(?:\s+reponse)?\s+(?:m'a|"
    r"m'avait)\s+(?:paru|semble)\s+(?:un\s+peu\s+|assez\s+|tres\s+|bien\s+)?(?:bizarre|etrange|"
    r"louche|curieuse|floue)\b"
    r"|\b(?:i'?d|i\s+would)\s+(?:rather|prefer\s+to|like\s+to)\s+(?:double[- ]?check|check|verify|"
    r"make\s+sure)(?:\s+(?:first|it|that))?(?:\s+before\s+(?:i\s+)?(?:send|submit|pay|post|sign|"
    r"apply|sending|submitting|paying|posting|signing|applying)(?:\s+(?:off\s+)?(?:the|my|it|in)"
    r"(?:\s+(?:form|file|application|papers|documents|claim))?)?)?"
    r"|\bje\s+(?:prefere|voudrais|prefererais|aimerais)\s+(?:verifier|m'en\s+assurer|etre\s+sure?)"
    r"(?:\s+avant\s+(?:de\s+|d')\s*(?:envoyer|payer|signer|deposer|poster|valider)(?:\s+(?:mon|ma|"
    r"mes|le|la|les)\s+(?:dossier|demande|formulaire|papiers|documents))?)?"
    # What the writer told the chat before and a worry about its being kept, after the question
    # what the chat keeps ("I told you about my situation last week and that worries me", "je
    # vous ai raconté ma situation hier et ça m'inquiète"): issue 12, after the twenty-seventh
    # held-out set. A fear of someone, or anything else told, is still a remainder.
    r"|\b(?:je\s+vous\s+ai|je\s+t'ai|j'ai)\s+(?:tout\s+)?(?:raconte|explique|decrit|dit|parle\s+de)"
    r"\s+(?:toute\s+)?(?:ma|mon|mes|notre|nos)\s+(?:situation|cas|histoire|problemes?|vie)(?:\s+"
    r"(?:hier|ici|avant-hier|la\s+derniere\s+fois|l'autre\s+jour|la\s+semaine\s+derniere|"
    r"ce\s+matin))?\b"
    r"|\b(?:i\s+(?:told|gave)\s+you|i\s+(?:explained|described|shared|wrote\s+about)|i'?ve\s+"
    r"(?:told\s+you|explained|described|shared))\s+(?:a\s+lot\s+about\s+|all\s+about\s+|about\s+)?"
    r"(?:all\s+)?(?:my|our)\s+(?:situation|circumstances|case|story|problems?|background|issues?)"
    r"(?:\s+(?:in\s+)?here)?(?:\s+(?:yesterday|last\s+(?:week|time|night)|earlier|before|"
    r"this\s+morning|the\s+other\s+day))?\b"
    r"|\b(?:et\s+)?(?:ca|cela)\s+m'inquiete(?:\s+(?:un\s+peu|beaucoup))?\b"
    r"|\b(?:and\s+)?(?:that|it|this)\s+(?:worries|bothers|concerns)\s+me(?:\s+(?:a\s+bit|"
    r"a\s+little|slightly|a\s+lot))?\b"
)


class InputGuard:
    """Inspects one message at a time; holds only its policy and its (immutable) intent
    classifier, so it is safe to share."""

    def __init__(
        self,
        policy: GuardPolicy,
        pii_mode: PIIMode = "block",
        intents: IntentClassifierLike | None = None,
        model_check: ModelIntentCheck | None = None,
        pii_tagger: SpanTagger | Literal["shipped", "none"] = "shipped",
        published: Callable[[], PublishedContacts] | None = None,
    ) -> None:
        if pii_mode not in ("block", "redact"):
            raise ValueError(f"pii_mode must be 'block' or 'redact', not {pii_mode!r}")
        self.policy = policy
        # Names and addresses no rule introduced: the shipped span model unless told
        # otherwise ("none" measures the rules alone); a missing model file stops the start
        # with SpanModelUnavailable, never a silent fallback to the rules.
        self.pii_tagger: SpanTagger | None = (
            shipped_span_tagger()
            if pii_tagger == "shipped"
            else None
            if pii_tagger == "none"
            else pii_tagger
        )
        self.pii_mode: PIIMode = pii_mode
        self.intents = intents
        # Asked only about messages the classifier let through with a sign of distress.
        self.model_check = model_check
        # The phone numbers and e-mail addresses the organisation prints in its pages (the
        # current knowledge-base build's): a citizen quoting one gives no personal data.
        self.published = published

    def _categories(self, action: GuardAction) -> tuple[Category, ...]:
        return tuple(c for c in self.policy.categories if c.action == action)

    def _match(
        self,
        action: GuardAction,
        texts: tuple[str, ...],
        signals: frozenset[str] = frozenset(),
        *,
        data_held: bool = False,
    ) -> tuple[Category, str] | None:
        """The first category of `action` with a matching rule or signal, and the reason; with
        `data_held`, not the refusals that wait for the block of personal data."""
        for category in self._categories(action):
            if data_held and category.after_the_block:
                continue
            reason = category.first_match(texts) or category.signalled(signals)
            if reason is not None:
                return category, reason
        return None

    def inspect(self, text: str, lang: str) -> GuardVerdict:
        """Decide what to do with one message in the conversation's language."""
        limit = self.policy.max_chars
        unhidden = unhide(text[: limit * _SCAN_FACTOR])
        clean, hidden = unhidden.text, unhidden.hidden
        if not clean.strip():
            return self._fixed("refuse", "input.empty", lang, clean, hidden)
        head = clean[:limit]
        too_long = len(text) > limit * _SCAN_FACTOR or len(clean) > limit
        findings = self._not_published(head, find_pii(head, self.policy.pii, self.pii_tagger))
        removed = tuple(f for f in findings if self.pii_action(f.kind) == "redact")
        downstream = redact(clean, removed) if removed else clean

        seen = variants_of(head, unhidden.tag_text)
        # A person in danger is escalated whatever else the message holds; what a caseworker
        # reads and what is kept has every piece of personal data found replaced, whether
        # its kind is blocked or redacted (nothing goes to a model or the pages on a crisis).
        withheld = redact(clean, findings) if findings else clean
        crisis = self._match("crisis", seen.everyday)
        if crisis is not None:
            verdict = self._verdict(*crisis, lang, withheld, hidden, findings)
            return _reachable(self._told(verdict, findings, lang), head)
        # The classifier judges what the message asks, not whose name or street it holds: it
        # reads the text with the personal data found replaced by placeholders (names and
        # street names in its input made it call ordinary messages crises).
        said = redact(head, findings) if findings else head
        intent = self.intents.classify(said) if self.intents is not None else None
        intent = self._read_by_ear(said, lang, intent)
        intent = self._distress_set_aside(said, intent)
        unsaid = variants_of(said, unhidden.tag_text) if findings else seen
        alone = (
            self._asked_alone(said, intent)
            or self._set_aside(said, intent, lang)
            or self._doubt_set_aside(said, intent)
        )
        relayed = _relayed(head, findings)
        first = self._before_the_block(
            variants_of(_unquoted(head), unhidden.tag_text) if relayed else seen,
            unsaid,
            None if alone else intent,
            lang,
            withheld,
            hidden,
            findings,
            said,
            head,
            relayed=relayed,
        )
        if first is not None:
            return _reachable(self._told(first, findings, lang), head)
        if too_long:
            # What is kept of it for reviewers has every piece of personal data found replaced,
            # whatever its kind's action, and the findings go with it so the engine keeps this
            # text and not the message as sent.
            refused = self._fixed("refuse", "input.too_long", lang, withheld[:limit], hidden)
            return replace(refused, findings=findings)
        if len(removed) < len(findings):
            return self._blocked(lang, clean, hidden, findings)
        verdict = self._after_pii(unsaid, lang, downstream, hidden, findings, intent, alone)
        return _reachable(self._told(verdict, removed, lang), head)

    def _read_by_ear(
        self, said: str, lang: str, intent: IntentDecision | None
    ) -> IntentDecision | None:
        """The classifier's call on the message with its words spelt by ear read as the
        team's ("can sum one fone me bak" -> "… phone me …", `bot.guards.respell`) when that
        call sends the message to a person and the call on the message as written did not;
        otherwise the call as written. A copy never refuses and never lets a message through
        that the words as written sent to a person (issue 12, after the twenty-first held-out
        set: requests for a call back in phonetic English and French refused as not covered).
        A message written without vowels ("pvz m rpplr", "cll m bck") is read the same way with
        its words restored by their consonants, in each language (`respell.devowelled`; issue 12,
        after the forty-sixth held-out set: a complaint and a call back so written refused as
        not covered)."""
        if self.intents is None or intent is None or intent.intent in RECALL_FIRST:
            return intent
        for copy in (respelled(said, lang), *devowelled_copies(said, lang)):
            if copy is None:
                continue
            again = self.intents.classify(copy)
            if again.intent in RECALL_FIRST:
                return again
        return intent

    def _distress_set_aside(
        self, said: str, intent: IntentDecision | None
    ) -> IntentDecision | None:
        """The classifier's in-scope call without its sign of distress when that sign stood
        only on words an in-scope rule read `beside` a crisis takes out (a card "toute
        abîmée", "dead on my feet after the move"): the rest is read again and the sign
        kept if the rest still gives it. Issue 12, after the thirty-sixth held-out set (a
        worn-out card's renewal sent to a person as not covered with a sign of distress).
        The rules' `unless` words (not coping, dying) keep the sign as it was."""
        if intent is None or self.intents is None or intent.intent != IN_SCOPE:
            return intent
        if not intent.distress:
            return intent
        folded = fold(said)
        rest = folded
        for rule in self.policy.in_scope:
            taken = _taken_out(rule, rest) if "crisis" in rule.beside else None
            if taken is None:
                continue
            if any(p.search(folded) for p in rule.unless):
                return intent
            rest = taken
        if rest == folded:
            return intent
        again = self.intents.classify(rest)
        if again.intent != IN_SCOPE or again.distress:
            return intent
        return replace(intent, distress=False)

    def _asked_alone(self, said: str, intent: IntentDecision | None) -> str | None:
        """The reason of the first in-scope rule marked `read_without` whose question is the
        whole message, when the classifier called it something else: "how long do you keep what
        I write here?" read as a crisis. The words the rule's patterns match are taken out, then
        greetings, closings and the words such a question is framed in (`_FRAME`); any other
        word left (a crisis, a complaint or a request told beside the question, even in the same
        sentence) and the classifier's call stands (issue 12, after the spent held-out sets)."""
        if intent is None or intent.intent == IN_SCOPE or self.intents is None:
            return None
        folded = fold(said)
        rules = [r for r in self.policy.in_scope if not any(p.search(folded) for p in r.unless)]
        asked = [r for r in rules if r.read_without and _taken_out(r, folded) is not None]
        if not asked:
            return None
        # Every such question is taken out, and a question about the assistant set aside beside
        # one ("is anyone there or is it a machine? and how long do you keep this?"); asked
        # without one, that question stays the classifier's call (`_set_aside`).
        rest = folded
        for rule in (*asked, *(r for r in rules if r.beside)):
            rest = _taken_out(rule, rest) or rest
        rest = _HEDGES.sub(" ", _COURTESY.sub(" ", rest))
        if all(word in _FRAME for word in _WORD.findall(rest)):
            return asked[0].reason
        return None

    def _doubt_set_aside(self, said: str, intent: IntentDecision | None) -> str | None:
        """The reason of the first in-scope rule marked `before_doubtful_crisis` (and `beside` a
        crisis) that matches a message the classifier called a crisis only in doubt: its words
        say what the message is (a payment that still shows as unpaid), and the doubtful crisis
        is set aside without reading the rest again. Never beside the rule's `unless` words (the
        policy's distress words); a crisis the classifier is sure of, and the crisis rules,
        stand (issue 12, fixer P5, after test56)."""
        if intent is None or intent.intent != "crisis" or intent.sure:
            return None
        folded = fold(said)
        for rule in self.policy.in_scope:
            if rule.before_doubtful_crisis and "crisis" in rule.beside and rule.matches(folded):
                return rule.reason
        return None

    def _set_aside(self, said: str, intent: IntentDecision | None, lang: str) -> str | None:
        """The reason of the first in-scope rule marked `beside` whose words stand beside a
        question in scope, when the classifier called the whole one of the rule's classes: a
        complaint disclaimed ("no complaint, I only wonder …"), a question about the assistant
        asked beside a service question ("are you a robot? anyway, …").

        The rule's words are taken out and the words its `renamed` patterns match (the
        complaint named as the topic) replaced by a neutral word; the classifier then reads
        the rest. It overrules only when the rest holds a question of its own (`_BESIDE_WORDS`
        words beyond greetings and the chat's framing) that it finds in scope: what the
        disclaimer or the question about the assistant says is set aside, what the rest says
        is not ("not a complaint, but nobody has answered me in a month" stays a complaint).
        Issue 12, after the twentieth held-out set. When no rule's rest alone is in scope and
        two or more rules matched, their words are taken out together and the rest read once
        ("not to complain: how do I pass on a compliment? they are always lovely", a disclaimer
        and praise; issue 12, after the twenty-fourth held-out set)."""
        if intent is None or self.intents is None:
            return None
        folded = fold(said)
        matched: list[Rule] = []
        for rule in self.policy.in_scope:
            if intent.intent not in rule.beside or any(p.search(folded) for p in rule.unless):
                continue
            # A rule that sets aside a doubtful crisis does so by its match alone
            # (`_doubt_set_aside`), never a crisis the classifier is sure of (fixer P6).
            if rule.before_doubtful_crisis and intent.intent == "crisis":
                continue
            rest = _taken_out(rule, folded)
            if rest is None:
                continue
            matched.append(rule)
            if _rest_in_scope(self.intents, rest, (rule,), lang):
                return rule.reason
        if len(matched) < 2:
            return None
        rest = folded
        for rule in matched:
            rest = _taken_out(rule, rest) or rest
        return (
            matched[0].reason if _rest_in_scope(self.intents, rest, tuple(matched), lang) else None
        )

    def _before_the_block(
        self,
        seen: Variants,
        unsaid: Variants,
        intent: IntentDecision | None,
        lang: str,
        withheld: str,
        hidden: tuple[str, ...],
        findings: tuple[PIIFinding, ...],
        said: str = "",
        head: str = "",
        *,
        relayed: bool = False,
    ) -> GuardVerdict | None:
        """What is decided before personal data is blocked, with the data withheld: a crisis
        the classifier finds; then, when the message holds personal data, a person asked for by
        a rule (a call back, most often with the number to ring, a complaint), and a refusal
        rule's match (injection, fraud, finding someone) on the message with its data replaced
        (`unsaid`). Blocking would answer someone who asked for a human with "do not share
        personal data", and would invite an attacker to send the same request again without
        it. Rules, then the classifier's request for a person beside a phone number or an
        e-mail address to reach the writer on (`_reach_left`), a complaint it is sure of signed
        with the writer's name (`_signed_complaint`), or a request for a person or a complaint
        that names only its addressee, its writer, whom it is written for or the place of a
        fault (`_named_beside_asking`; `head` is the message as written, for a greeting taken
        in with a name): the classifier calls too many ordinary messages with personal data a
        complaint.

        With `relayed`, every phone number and e-mail address in the message stands in someone
        else's message quoted (`_relayed`), and `seen` is the message without its quotations:
        the escalation rules read only the writer's own words, and the classifier's request for
        a person has no way left to reach the writer (issue 12, fixer P5, after test56: a
        forwarded "call me on …" sent a relative's or a neighbour's number to a person).

        A refusal of a category marked `after_the_block` in the policy (out of scope) is not
        decided here when the message holds data of a blocked kind: the block answers it, and
        a crisis the classifier found beside such a refusal's words is not taken either (those
        rules stand before a classified crisis because the classifier mistakes them for
        one)."""
        data_held = self._holds_data(findings, head)
        if intent is not None and intent.intent == "crisis":
            if not intent.sure:
                grievance = self._grievance_before_a_doubtful_crisis(seen)
                if grievance is not None:
                    return self._verdict(*grievance, lang, withheld, hidden, findings)
            refused = self._refused_before_a_crisis(unsaid)
            if refused is not None and not (data_held and refused[0].after_the_block):
                return self._verdict(*refused, lang, withheld, hidden, findings)
            if refused is None:
                classified = self._classified(intent, lang, withheld, hidden, findings)
                if classified is not None:
                    return classified
        if findings:
            decided = self._match("escalate", seen.everyday) or self._match(
                "refuse", unsaid.every, unsaid.signals, data_held=data_held
            )
            if decided is not None:
                return self._verdict(*decided, lang, withheld, hidden, findings)
            if intent is not None and (
                (not relayed and _reach_left(intent, findings, said))
                or _signed_complaint(intent, findings, said)
                or _named_beside_asking(intent, findings, said, head)
            ):
                return self._classified(intent, lang, withheld, hidden, findings)
        return None

    def _holds_data(self, findings: tuple[PIIFinding, ...], head: str) -> bool:
        """Whether the message holds data of a blocked kind that says who the writer is: not
        a name of one word alone ("moi c'est Kévin", "I'll call you Colin"), which names no
        one and may not even be the writer's (fixer P9: an out-of-scope refusal waits for the
        block only beside such data, `Category.after_the_block`)."""
        return any(
            self.pii_action(f.kind) == "block"
            and not (f.kind in _SIGNED_WITH and len(head[f.start : f.end].split()) < 2)
            for f in findings
        )

    def _grievance_before_a_doubtful_crisis(self, seen: Variants) -> tuple[Category, str] | None:
        """The first escalation rule marked `before_doubtful_crisis` that matches a message
        the classifier called a crisis only in doubt (the recall-first classes' sum, not the
        crisis score alone): anger about a service said of oneself ("the bins have been missed
        for three weeks and I'm furious") goes to a person as a complaint, not with the crisis
        helplines. Those rules never match beside the policy's distress words, and a crisis the
        classifier is sure of, or any crisis rule, still decides first (fixer R, after the
        retrained classifier of 827ddf4)."""
        for category in self._categories("escalate"):
            reason = category.first_match(
                seen.everyday, only=lambda rule: rule.before_doubtful_crisis
            )
            if reason is not None:
                return category, reason
        return None

    def _refused_before_a_crisis(self, seen: Variants) -> tuple[Category, str] | None:
        """The first refusal rule the policy decides before a crisis the classifier found
        (`before_classified_crisis`): a trap so that teenagers slip, a dog to be silenced for
        good, a dead relative's badge kept, a note planted for the assistant. Issue 12, after
        the seventeenth held-out set; the broad rules ("kill them") are not among them, as a
        threat someone reports is a crisis."""
        for category in self._categories("refuse"):
            reason = category.first_match(
                seen.every, only=lambda rule: rule.before_classified_crisis
            )
            if reason is not None:
                return category, reason
        return None

    def _not_published(self, text: str, findings: tuple[PIIFinding, ...]) -> tuple[PIIFinding, ...]:
        if self.published is None or not findings:
            return findings
        contacts = self.published()
        return tuple(f for f in findings if not _published(text[f.start : f.end], f.kind, contacts))

    def pii_action(self, kind: str) -> PIIMode:
        """Block or redact this kind: the policy file's word for it, else the global mode."""
        return "redact" if self.policy.pii.actions.get(kind, self.pii_mode) == "redact" else "block"

    def _told(
        self, verdict: GuardVerdict, removed: tuple[PIIFinding, ...], lang: str
    ) -> GuardVerdict:
        """The verdict with a notice naming what was removed from the message, if anything."""
        if not removed:
            return verdict
        notice = localised(self.policy.pii.redacted_notice, lang)
        return replace(verdict, notice=notice.replace("{kinds}", self._labels(removed, lang)))

    def _labels(self, findings: tuple[PIIFinding, ...], lang: str) -> str:
        kinds: list[str] = []
        for finding in findings:
            if finding.kind not in kinds:
                kinds.append(finding.kind)
        return ", ".join(localised(self.policy.pii.kinds[kind], lang) for kind in kinds)

    def _after_pii(
        self,
        seen: Variants,
        lang: str,
        text: str,
        hidden: tuple[str, ...],
        findings: tuple[PIIFinding, ...],
        intent: IntentDecision | None = None,
        alone: str | None = None,
    ) -> GuardVerdict:
        decided = self._match("escalate", seen.everyday) or self._match(
            "refuse", seen.every, seen.signals
        )
        if decided is not None:
            return self._verdict(*decided, lang, text, hidden, findings)
        if intent is not None:
            # An in-scope rule's question, or one alone in the message (`_asked_alone`).
            asked = self._in_scope(intent, seen) or alone
            if asked is not None:
                # Answered from the pages; a person still takes it if they cannot answer, as
                # the classifier's call (a crisis, a complaint, a request for a person, even
                # in doubt) is kept as a sign of distress.
                distress = intent.distress or intent.intent in RECALL_FIRST
                return GuardVerdict(
                    "allow", asked, None, text, hidden, findings, layer="rules", distress=distress
                )
            classified = self._classified(intent, lang, text, hidden, findings)
            if classified is not None:
                return classified
            said = (
                self.model_check.classify(text)
                if intent.distress and self.model_check is not None
                else None
            )
            if said is not None:
                checked = IntentDecision(said, intent.score, intent.scores)
                classified = self._classified(checked, lang, text, hidden, findings, "model")
                if classified is not None:
                    return classified
        reason = "pii.redacted" if findings else "ok"
        layer: GuardLayer = "pii" if findings else "none"
        distress = intent is not None and intent.distress
        return GuardVerdict(
            "allow", reason, None, text, hidden, findings, layer=layer, distress=distress
        )

    def _in_scope(self, intent: IntentDecision, seen: Variants) -> str | None:
        """The reason of the policy's first in-scope rule matching a message the classifier
        would refuse as out of scope or an injection, or send to a person as a request for one
        in doubt. A request for a person the classifier is sure of stays one: the team's
        labelled messages count some bare questions ("am I talking to an actual person?") as
        requests, and when in doubt, a person."""
        if intent.intent not in _OVERRULED or (intent.intent == "human_request" and intent.sure):
            return None
        for rule in self.policy.in_scope:
            # A rule read without or beside decides by `_asked_alone` or `_set_aside` alone.
            if rule.read_without or rule.beside:
                continue
            if any(rule.matches(text) for text in seen.everyday):
                return rule.reason
        return None

    def _classified(
        self,
        intent: IntentDecision,
        lang: str,
        text: str,
        hidden: tuple[str, ...],
        findings: tuple[PIIFinding, ...],
        layer: GuardLayer = "classifier",
    ) -> GuardVerdict | None:
        """The verdict of the category the policy gives the classifier's class, if any."""
        category = self.policy.intent_category(intent.intent)
        if category is None:
            return None
        reply = localised(category.reply, lang)
        reason = f"{intent.intent}.{layer}"
        return GuardVerdict(category.action, reason, reply, text, hidden, findings, layer=layer)

    def _verdict(
        self,
        category: Category,
        reason: str,
        lang: str,
        text: str,
        hidden: tuple[str, ...],
        findings: tuple[PIIFinding, ...],
    ) -> GuardVerdict:
        reply = localised(category.reply, lang)
        # A reason given by a disguise signal was found while normalising, not by a pattern.
        layer: GuardLayer = "normalisation" if reason in category.signals.values() else "rules"
        return GuardVerdict(category.action, reason, reply, text, hidden, findings, layer=layer)

    def _fixed(
        self, action: GuardAction, reason: str, lang: str, text: str, hidden: tuple[str, ...]
    ) -> GuardVerdict:
        key = reason.removeprefix("input.")
        return GuardVerdict(action, reason, self.policy.reply(key, lang), text, hidden)

    def _blocked(
        self, lang: str, text: str, hidden: tuple[str, ...], findings: tuple[PIIFinding, ...]
    ) -> GuardVerdict:
        first = next(f.kind for f in findings if self.pii_action(f.kind) == "block")
        reply = localised(self.policy.pii.reply, lang).replace(
            "{kinds}", self._labels(findings, lang)
        )
        return GuardVerdict("block_pii", f"pii.{first}", reply, text, hidden, findings, layer="pii")


def _published(value: str, kind: str, contacts: PublishedContacts) -> bool:
    """A phone number, e-mail address, street address or postcode found in a message that the
    pages print too (an office's: "is 1 Market Square open on Saturdays?")."""
    if kind == "email":
        return value.lower() in contacts.emails
    if kind in ("address", "postcode"):
        return plain_address(value) in contacts.addresses
    if kind != "phone":
        return False
    # Full-width or other compatibility digits ("０２０ ７９４６ …") are the printed number's
    # digits: compared after NFKC, as the finders read them (test42, spent).
    value = unicodedata.normalize("NFKC", value)
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < _SHORTEST_PHONE:  # read out in words: "oh two oh, seven nine four six, …"
        digits = "".join(
            ch for _, _, read in spoken_identifiers(value) for ch in read if ch.isdigit()
        )
    # With its country code, "+" or "00" or bare ("44 20 7946 …" on a poster, test44 forms).
    international = written_international(value.lstrip())
    return digits in contacts.phones or national_form(digits, international) in contacts.phones


def _reach_left(intent: IntentDecision, findings: tuple[PIIFinding, ...], said: str) -> bool:
    """Whether the classifier's call sends a message with personal data to a person before
    the data is blocked: a request for a person (a call back most often) that leaves a phone
    number or an e-mail address to be reached on ("quelqu'un peut nous rappeler au 07…",
    "could someone get back to me, 07…"). Telling them not to share personal data would
    answer a request for a human with a refusal (issue 12, after the thirtieth held-out set).
    Only a request for a person, and only beside a way to reach the writer: the classifier
    calls too many ordinary messages with a name or an address a complaint or a request, and
    a plain question with a number in it ("my number is 07…, can you update it?") is still
    blocked, as the rules decide it before (a person asked by a rule) or not at all. A number
    or an address given with nothing else said ("mon portable : 06…", `said` holding only the
    words that label it) asks nothing of a person and stays blocked."""
    if intent.intent != "human_request" or not any(f.kind in _REACHED_ON for f in findings):
        return False
    rest = _PLACEHOLDER.sub(" ", fold(said))
    return any(word not in _LABELS_OF_DATA for word in _WORD.findall(rest))


# A quotation: between French, English or German quotation marks, or straight double quotes
# on one line.
_QUOTATION = re.compile(r"«[^«»]{1,800}»|“[^“”]{1,800}”|„[^“”]{1,800}“|\"[^\"\n]{1,800}\"")
# The writer's own words quoted: their own speech verb right before the quotation ("I told them
# "…"", "j'ai écrit : « … »").
_OWN_SPEECH_BEFORE = re.compile(
    r"(?i:\b(?:i|we)\s+(?:(?:already|just|then|also)\s+)?(?:said|told|wrote|texted|asked|put"
    r"|sent|replied|typed|emailed|e-mailed)\b[^.!?\n]{0,40}$"
    r"|\b(?:j['’]ai|nous\s+avons|on\s+a)\s+(?:(?:d[ée]j[àa]|bien|aussi)\s+)?(?:dit|[ée]crit"
    r"|r[ée]pondu|envoy[ée]|mis|demand[ée]|tap[ée])\b[^.!?\n]{0,40}$)"
)
# Words a quotation must hold besides the data for it to be someone's message, not a value
# quoted alone ("my number is "07700 …"").
_QUOTED_WORDS = 3


def _someone_s_quotations(text: str) -> list[tuple[int, int]]:
    """The spans of quotations of someone else's message in `text`: a quotation holding
    words, not opened by the writer's own speech verb."""
    spans: list[tuple[int, int]] = []
    for match in _QUOTATION.finditer(text):
        words = re.findall(r"[^\W\d_]{2,}", match.group(0))
        before = text[max(0, match.start() - 60) : match.start()]
        if len(words) >= _QUOTED_WORDS and _OWN_SPEECH_BEFORE.search(before) is None:
            spans.append(match.span())
    return spans


def _relayed(text: str, findings: tuple[PIIFinding, ...]) -> bool:
    """Whether every phone number and e-mail address found stands inside a quotation of
    someone else's message (a forwarded text, a neighbour's WhatsApp): theirs, relayed, not a
    way to reach the writer."""
    reach = [f for f in findings if f.kind in _REACHED_ON]
    if not reach:
        return False
    spans = _someone_s_quotations(text)
    return all(any(a <= f.start and f.end <= b for a, b in spans) for f in reach)


def _unquoted(text: str) -> str:
    """`text` with each quotation of someone else's message blanked (same length)."""
    for start, end in _someone_s_quotations(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _signed_complaint(intent: IntentDecision, findings: tuple[PIIFinding, ...], said: str) -> bool:
    """Whether the classifier is sure a message is a complaint whose only personal data is the
    writer's own sign-off: names after a closing formula that opens a line near the end ("…
    still there.\n\nRegards\nM. Jones\nParish Clerk (he/him)"), with nothing found before
    it. A complaint goes to a person, its sign-off withheld from what is kept, as for a crisis;
    blocking it would answer a grievance with "do not share personal data" (issue 12, after the
    forty-eighth held-out set). A question signed so is still blocked (the classifier does not
    call it a complaint), as is a complaint with data in its body."""
    if intent.intent != "complaint" or not intent.sure or not findings:
        return False
    if any(f.kind not in _SIGNED_WITH for f in findings):
        return False
    folded = fold(said)
    closings = list(_CLOSING.finditer(folded))
    if not closings:
        return False
    closing = closings[-1].start()
    placeholders = [m.start() for m in _PLACEHOLDER.finditer(folded)]
    return bool(placeholders) and min(placeholders) > closing and closing > len(folded) // 3


def _named_beside_asking(
    intent: IntentDecision, findings: tuple[PIIFinding, ...], said: str, head: str
) -> bool:
    """Whether a request for a person or a complaint (the classifier's call, when it is sure)
    names only whom it is addressed to, its writer, the one they act or write
    for, or the place of a fault (`_NAMED_HOW`), with a name, an address or a postcode as its
    only personal data: it goes to a person with the data withheld, as a call back does with
    its number (`_reach_left`). Issue 12, after the fiftieth held-out set: a grandfather's
    request typed to "Cher Ordi", a solicitor's for a named client and a pothole outside a
    numbered house were blocked as personal data. Each piece found must be so named: someone
    else named as the subject ("my neighbour [name] keeps …"), one's own address given ("I
    live at …"), an identity (name, birth date and address) or any number is still blocked,
    as is a message with hardly a word beside the data."""
    if intent.intent not in ("human_request", "complaint") or not findings:
        return False
    if not intent.sure:
        return False
    if any(f.kind not in _NAMED_BESIDE for f in findings):
        return False
    folded = fold(said)
    named = {
        p.start()
        for how in _NAMED_HOW
        for m in how.finditer(folded)
        for p in _PLACEHOLDER.finditer(folded, m.start(), m.end())
    }
    greeted = _OPENS_WITH_NAME.match(folded)
    if greeted is not None and _GREETED.match(fold(head)):
        named.add(folded.index("["))
    if any(p.start() not in named for p in _PLACEHOLDER.finditer(folded)):
        return False
    words = _WORD.findall(_PLACEHOLDER.sub(" ", folded))
    return len(words) >= _FEWEST_WORDS_BESIDE


def _reachable(verdict: GuardVerdict, head: str) -> GuardVerdict:
    """The verdict with the contact details its message gave, when it goes to a person.

    `head` is the text the findings index. Only escalations keep them (a crisis, a request for
    a person or a call back, a complaint): the person who takes the conversation can then ring
    or write back; everywhere else, the data stays withheld."""
    if verdict.action not in ("escalate", "crisis"):
        return verdict
    # Spans that overlap or are apart by a comma or a space (an address and its postcode) are
    # given as one, as written.
    spans: list[list[int]] = []
    for finding in sorted(verdict.findings, key=lambda f: (f.start, f.end)):
        if finding.kind not in CONTACT_KINDS:
            continue
        if spans and not head[spans[-1][1] : finding.start].strip(" ,;"):
            spans[-1][1] = max(spans[-1][1], finding.end)
        else:
            spans.append([finding.start, finding.end])
    given: list[str] = []
    for start, end in spans:
        value = head[start:end].strip(" ,;")
        if value and value not in given:
            given.append(value)
    return replace(verdict, contact="; ".join(given)) if given else verdict


def _taken_out(rule: Rule, folded: str) -> str | None:
    """`folded` with the words of the rule's patterns taken out, or None when it holds none."""
    rest = folded
    for pattern in rule.any:
        rest = pattern.sub(" ", rest)
    return rest if rest != folded else None


def _rest_in_scope(
    intents: IntentClassifierLike, rest: str, rules: tuple[Rule, ...], lang: str
) -> bool:
    """Whether what is left once `rules` took out their words holds a question of its own
    (`_BESIDE_WORDS` words beyond greetings and the chat's framing) that the classifier
    finds in scope, with the words the rules' `renamed` patterns match made neutral."""
    words = _WORD.findall(_COURTESY.sub(" ", rest))
    if sum(word not in _FRAME for word in words) < _BESIDE_WORDS:
        return False
    for rule in rules:
        if rule.renamed:
            neutral = f" {localised(rule.neutral, lang)} "
            for pattern in rule.renamed:
                rest = pattern.sub(neutral, rest)
    return intents.classify(rest).intent == IN_SCOPE
