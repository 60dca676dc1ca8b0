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
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class Analyzer:
    """Turns text into index terms for one language: lower-case, stop words out, stemmed."""

    lang: str
    _stemmer: Stemmer.Stemmer | None = field(init=False, repr=False)
    _stopwords: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        known = _LANGUAGES.get(self.lang)
        self._stemmer = Stemmer.Stemmer(known[0]) if known else None
        words = (known[1] if known else ()) + _EXTRA_STOPWORDS.get(self.lang, ())
        self._stopwords = frozenset(words) | frozenset(fold_accents(w) for w in words)

    def terms(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(text.lower()) if w not in self._stopwords]
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
