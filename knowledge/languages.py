"""Per-language text analysis for the lexical index: tokens, stop words and stemming."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import Stemmer
from bm25s import stopwords as bm25s_stopwords

# ISO 639-1 code -> (Snowball stemmer, stop-word list shipped with bm25s).
_LANGUAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": ("english", bm25s_stopwords.STOPWORDS_EN),
    "fr": ("french", bm25s_stopwords.STOPWORDS_FRENCH),
    "de": ("german", bm25s_stopwords.STOPWORDS_GERMAN),
    "es": ("spanish", bm25s_stopwords.STOPWORDS_SPANISH),
    "it": ("italian", bm25s_stopwords.STOPWORDS_ITALIAN),
    "nl": ("dutch", bm25s_stopwords.STOPWORDS_DUTCH),
    "pt": ("portuguese", bm25s_stopwords.STOPWORDS_PORTUGUESE),
    "da": ("danish", bm25s_stopwords.STOPWORDS_DANISH),
    "sv": ("swedish", bm25s_stopwords.STOPWORDS_SWEDISH),
    "no": ("norwegian", bm25s_stopwords.STOPWORDS_NORWEGIAN),
}

# Elided articles and pronouns ("l'", "qu'") become one-letter tokens once split on the
# apostrophe; the bm25s French list lacks some of them.
_EXTRA_STOPWORDS: dict[str, tuple[str, ...]] = {
    "fr": ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"),
}

# The words a citizen asks with, which say nothing about what is asked: interrogatives, auxiliary
# and modal verbs, pronouns and possessives, greetings, courtesy and emphasis ("what exactly",
# "c'est quoi au juste", "pourriez-vous"); not the verbs that can carry what is asked ("faire
# croire", "sans le dire", "nobody would know", "tell anyone"), nor "rien", "tout", "chose".
# They stay in the BM25 ranking (stop words above only) but not in the lexical-only
# confidence's coverage (`Analyzer.content_terms`, knowledge/search.py): a small site's pages
# rarely hold them, so each weighed as the rarest term there is, and a question the pages
# answer word for word was refused as not covered for the way it was asked.
_ASKING_WORDS: dict[str, tuple[str, ...]] = {
    "en": tuple(
        # interrogatives
        "what whats which who whom whose when where why how whether much many "
        # auxiliaries and modals, with the pieces of their contractions
        "am been being were do does did doing done don doesn didn have has had having can "
        "cannot could couldn would wouldn should shouldn shall may might must s t ll re ve d m "
        "isn aren wasn won ain gonna wanna "
        # pronouns and possessives
        "i im ive me my mine myself you your yours yourself u ur we us our ours he him his she "
        "her hers its them theirs anyone anybody someone somebody something anything "
        # greetings, courtesy, emphasis and fillers
        "hi hello hey hiya please pls plz thanks thank cheers dear just really actually "
        "exactly quite very so too also ok okay well here now wondering wonder curious quick "
        "question any some about".split()
    ),
    "fr": tuple(
        # interrogatives
        "quoi quel quelle quels quelles lequel laquelle lesquels lesquelles comment combien "
        "quand où pourquoi est ce "
        # auxiliary and modal verbs, the usual forms a question takes
        "a avoir être peux peut peuvent pouvez pouvons pourrais pourrait pourriez puis dois "
        "doit doivent devez devons faut faudrait veux veut voulez voudrais voudrait voudrions "
        "aimerais aimerait "
        # pronouns and demonstratives
        "ça cela ceci celui celle ceux celles là ici voici voilà "
        # greetings, courtesy, emphasis and fillers
        "bonjour bonsoir salut allô svp stp plaît plait merci madame monsieur oui non si alors "
        "donc bien très trop aussi encore exactement vraiment juste question".split()
    ),
}

_WORD = re.compile(r"\w+", re.UNICODE)


def supported_languages() -> tuple[str, ...]:
    """Language codes with a stemmer and stop words; others are indexed without either."""
    return tuple(_LANGUAGES)


def stemmer(lang: str, fallback: str = "en") -> Callable[[list[str]], list[str]]:
    """A Snowball stemmer for `lang` (else `fallback`'s): the one map from language to stemmer.

    Each call makes its own: PyStemmer's stemmers keep a cache and are not shared by threads.
    """
    name = (_LANGUAGES.get(lang) or _LANGUAGES[fallback])[0]
    stem: Callable[[list[str]], list[str]] = Stemmer.Stemmer(name).stemWords
    return stem


def fold_accents(text: str) -> str:
    """Drop diacritics so that "élève" and "eleve" (a common way to type it) match."""
    if text.isascii():
        return text  # nothing to decompose (most terms: this is most of an index build)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class Analyzer:
    """Turns text into index terms for one language: lower-case, stop words out, stemmed."""

    lang: str
    _stemmer: Stemmer.Stemmer | None = field(init=False, repr=False)
    _stopwords: frozenset[str] = field(init=False, repr=False)
    _asking: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        known = _LANGUAGES.get(self.lang)
        self._stemmer = Stemmer.Stemmer(known[0]) if known else None
        words = (known[1] if known else ()) + _EXTRA_STOPWORDS.get(self.lang, ())
        self._stopwords = frozenset(words) | frozenset(fold_accents(w) for w in words)
        asking = _ASKING_WORDS.get(self.lang, ())
        self._asking = frozenset(asking) | frozenset(fold_accents(w) for w in asking)

    def terms(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(text.lower()) if w not in self._stopwords]
        return self._stemmed(words)

    def content_terms(self, text: str) -> list[str]:
        """The terms of what a question asks about: `terms` without the words it is asked
        with (interrogatives, modal verbs, pronouns, courtesy), which the pages need not hold."""
        words = [w for w in _WORD.findall(text.lower()) if w not in self._stopwords]
        asking = self._asking
        return self._stemmed(
            [w for w in words if w not in asking and fold_accents(w) not in asking]
        )

    def _stemmed(self, words: list[str]) -> list[str]:
        if self._stemmer is not None:
            words = self._stemmer.stemWords(words)
        # Folding after stemming: the Snowball stemmers expect the accents to be there.
        return [fold_accents(w) for w in words]


def guess_language(text: str, candidates: tuple[str, ...] = ("en", "fr")) -> str:
    """The candidate whose stop words are most frequent in the text; the first one on a tie."""
    words = _WORD.findall(text.lower()[:20_000])
    best, best_hits = candidates[0], -1
    for lang in candidates:
        known = _LANGUAGES.get(lang)
        if known is None:
            continue
        stop = frozenset(known[1])
        hits = sum(1 for w in words if w in stop)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best
