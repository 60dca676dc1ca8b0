"""Tells English from French in a citizen's question, so the answer comes in the same language."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ']+")
_FRENCH = frozenset(
    "le la les un une des du de au aux et est sont je tu il elle nous vous ils elles mon ma mes "
    "votre vos notre nos pour dans sur avec sans par pas que qui quoi quel quelle quels quelles "
    "comment combien pourquoi où quand faut dois peux puis suis ai avez êtes est-ce ce cette ces "
    "mairie demande carte faire mon-enfant déclarer inscrire être avoir".split()
)
_ENGLISH = frozenset(
    "the a an and is are i you he she we they my your our for in on with without by not that "
    "which what who how much why where when can do does did have has should must will would "
    "to of get apply need".split()
)


def detect_language(text: str, default: str = "en") -> str:
    """Return "fr" or "en" by counting function words; accents tip a tie towards French."""
    words = _WORD.findall(text.lower())
    fr = sum(1 for w in words if w in _FRENCH or w.startswith(("l'", "d'", "qu'", "j'", "n'")))
    en = sum(1 for w in words if w in _ENGLISH)
    if fr > en:
        return "fr"
    if en > fr:
        return "en"
    if re.search(r"[àâçéèêëîïôûùüÿœ]", text.lower()):
        return "fr"
    return default
