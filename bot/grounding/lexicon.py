"""Content words of a text, stemmed, for the lexical support measure of the citation check.

The Snowball stemmers are the lexical index's (knowledge.languages.stemmer). Stop words are short
hand-written lists of English and French function words; everything else counts as content.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.languages import stemmer

_STOP_EN = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either
    else etc every few for from further had has have having he her here hers him his how i if
    in into is it its itself just may me might more most must my no nor not now of off on once
    only or other our ours out over own per same shall she should so some such than that the
    their them then there these they this those through to too under until up upon us very was
    we were what when where which while who whom whose why will with within without would yes
    you your yours""".split()
)
_STOP_FR = frozenset(
    """a afin ai aie aient ainsi alors au aucun aucune aupres auquel aura aurez auront aussi
    autre autres aux auxquels avant avec avez avoir ayant c ca car ce ceci cela celle celles
    celui cependant certains ces cet cette ceux chaque ci comme comment d dans de des deja
    desquels dont du donc dont duquel elle elles en encore entre est et etaient etait ete etre
    eu eux fait font il ils j je jusqu l la laquelle le lequel les lesquelles lesquels leur
    leurs lors lorsque lui m ma mais me meme memes mes moi moins mon n ne ni non nos notre nous
    on ont ou par parce pas peu peut peuvent plus pour pourquoi qu quand que quel quelle
    quelles quels qui quoi s sa sans se sera seront ses si sien soi soit son sont sous sur ta
    te tes toi ton tous tout toute toutes tres tu un une vos votre vous y""".split()
)

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def fold(text: str) -> str:
    """Lower case without accents, so "Réservé" and "reserve" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Lexicon:
    """Turns text into the facts the support measure compares: content stems, numbers, e-mails.

    Both stop-word lists apply whatever the language, because answers and passages mix them
    (a French question answered from a page quoting an English form name).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._stem = stemmer(lang)

    def content_stems(self, text: str) -> frozenset[str]:
        words = [
            word
            for word in _WORD.findall(fold(text))
            if len(word) > 1
            and not word.isdigit()
            and word not in _STOP_EN
            and word not in _STOP_FR
        ]
        return frozenset(self._stem(words))

    @staticmethod
    def numbers(text: str) -> frozenset[str]:
        # Leading zeros dropped so "07" (a day) and "7" match; phone numbers keep their groups.
        return frozenset(number.lstrip("0") or "0" for number in _NUMBER.findall(text))

    @staticmethod
    def emails(text: str) -> frozenset[str]:
        return frozenset(address.casefold() for address in _EMAIL.findall(text))
