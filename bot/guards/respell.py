"""Words spelt as they sound, read as the team's own words: "can sum one fone me bak".

People who find writing hard spell by ear ("fone", "bak", "houseing", "m'apelé", "dosier"), and
the guards' rules and classifier read letters: "can someone phone me back" is a sure request
for a person (0.95), "can sum one fone me bak" was in scope (0.19) and refused as not covered
(issue 12, the twenty-first held-out set). This module gives the guards a copy of the message in
which each word the team's own messages never use is replaced by the word of theirs that sounds
the same: the same key after a rough folding of how English and French are spelt (ph/f, ck/k,
qu/k, c before a/o/u, doubled letters, a silent final e, French final -er/-ez/-é). The
vocabulary is the labelled training messages of the message's language (bot/guards/data): a
word any of them uses is left as written, and an unknown word is only read as a word that tells
of a person to reach (`Respeller`); among those that sound the same, the one the team wrote
most is taken. Short words (under four letters), numbers and anything not a plain word are left
as written, so most messages have no copy at all.

The copy only adds a reading: the rules read it beside the message (`variants_of`), and the
pipeline asks the classifier about it only to send a person to a person (never to refuse).

A message written without its vowels, SMS style ("pvz m rpplr", "cll m bck"), gets a copy the
same way (`devowelled`): each word with no vowel is read as the team's word with the same
consonants (doubled letters once), a word of the messages sent to a person first, else the
word the team wrote most; only when most of the message's words have no vowel, so "asap",
"pls" or "rdv" in an ordinary sentence give no copy (issue 12, after the forty-sixth held-out
set).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from bot.guards.intent_data import TRAIN_FILE, data_dir
from bot.guards.intent_decision import RECALL_FIRST
from bot.guards.normalise import fold

_WORD = re.compile(r"[a-z]+")
_VOWEL = re.compile(r"[aeiouy]")
# Words written without vowels are read again only when at least this share of a message's
# words (of two letters or more) have none and there are at least `DEVOWELLED_WORDS` of them:
# "asap pls" or "rdv" in an ordinary sentence is no message written without vowels.
DEVOWELLED_SHARE = 0.6
DEVOWELLED_WORDS = 3
# Skeletons shorter than this are neither read nor read as ("m", "l": too many words share them).
SKELETON_SHORTEST = 2
# A word tells of a person to reach once this many of the team's messages sent to a person use
# it, this many times as often as the others do.
TELLING_AT = 3
TELLING_RATIO = 2
# Words shorter than this are neither read nor read as ("pa", "mi", "pas", "not": too many sound
# the same, and the short words that tell are the common ones).
SHORTEST = 4
# The languages of the training messages.
SPELLING_LANGUAGES = ("en", "fr")


def sound_key(word: str) -> str:
    """A rough key of how a folded (lower-case, unaccented) word sounds."""
    key = word
    key = re.sub(r"^wr", "r", key)
    key = key.replace("ph", "f").replace("ck", "k").replace("qu", "k")
    key = re.sub(r"c(?=[aou]|$)", "k", key)
    key = re.sub(r"c(?=[eiy])", "s", key)
    key = key.replace("ee", "i").replace("ea", "i")
    key = re.sub(r"(?:er|ez)$", "e", key)
    key = re.sub(r"(?<=.)e$", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


class Respeller:
    """The words of one language's training messages, by how they sound.

    `words` are every word of the team's messages (a message and its variants once), `telling`
    those of the messages sent to a person (crisis, a request for a person, a complaint). A
    word is only ever read as one that tells: used in at least `TELLING_AT` such messages and
    at least `TELLING_RATIO` times as often there as in all the others ("phone", "back",
    "someone", "rappeler", "quelqu'un"), so an everyday word spelt by ear is left as written
    and no reading turns "sundays" into "sunday" or "ground" into "round"."""

    def __init__(self, words: Iterable[str], telling: Iterable[str] = ()) -> None:
        counts = Counter(words)
        told = Counter(telling)
        self.known = frozenset(counts)
        by_key: dict[str, list[str]] = defaultdict(list)
        for word, n in told.items():
            others = counts[word] - n
            if len(word) >= SHORTEST and n >= TELLING_AT and n >= TELLING_RATIO * max(others, 1):
                by_key[sound_key(word)].append(word)
        self._by_key = {k: max(ws, key=lambda w: (counts[w], w)) for k, ws in by_key.items()}
        self._by_skeleton = _by_skeleton(counts, told)

    def word(self, word: str) -> str:
        """The team's word that `word` is spelt for, or `word` itself."""
        if word in self.known or len(word) < SHORTEST:
            return word
        found = self._by_key.get(sound_key(word))
        if found is not None and found != word and abs(len(found) - len(word)) <= 2:
            return found
        return word

    def respell(self, folded: str) -> str:
        """The folded message with each unknown word replaced by the word that tells which it
        sounds like; the same string when nothing changed."""
        return _WORD.sub(lambda m: self.word(m.group(0)), folded)

    def restore(self, word: str) -> str:
        """The team's word whose consonants `word` (written without vowels) has, or `word`."""
        if _VOWEL.search(word) or len(word) < SKELETON_SHORTEST:
            return word
        return self._by_skeleton.get(consonant_skeleton(word), word)

    def revowel(self, folded: str) -> str:
        """The folded message with each word written without vowels read as the team's word
        with the same consonants; the same string when nothing changed."""
        return _WORD.sub(lambda m: self.restore(m.group(0)), folded)


def _by_skeleton(counts: Counter[str], told: Counter[str]) -> dict[str, str]:
    """Each consonant skeleton's word: the one of the messages sent to a person they use most
    (a word that tells wins over a commoner one), else the word the team wrote most."""
    best: dict[str, tuple[int, int, str]] = {}
    for word, n in counts.items():
        if not _VOWEL.search(word):
            continue
        key = consonant_skeleton(word)
        if len(key) < SKELETON_SHORTEST:
            continue
        rank = (told[word], n, word)
        if key not in best or rank > best[key]:
            best[key] = rank
    return {key: rank[2] for key, rank in best.items()}


def consonant_skeleton(word: str) -> str:
    """A folded word's consonants, doubled letters once: "rappeler" and "rpplr" -> "rplr"."""
    return re.sub(r"(.)\1+", r"\1", _VOWEL.sub("", word))


@cache
def respeller(lang: str) -> Respeller:
    """The respeller of one language, from the packaged training messages (read once)."""
    groups: dict[str, set[str]] = defaultdict(set)
    to_a_person: set[str] = set()
    path = data_dir() / TRAIN_FILE
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("lang") == lang:
            # A written message and its rewritings share a group: a word counts once per group.
            group = str(record.get("group") or record.get("id"))
            groups[group].update(_WORD.findall(fold(str(record.get("text", "")))))
            if record.get("label") in RECALL_FIRST:
                to_a_person.add(group)
    return Respeller(
        (word for words in groups.values() for word in words),
        (word for group in to_a_person for word in groups[group]),
    )


def respelled(text: str, lang: str) -> str | None:
    """The folded copy of `text` with words spelt by ear read as the team's, or None when no
    word changed (or the language has no training messages)."""
    plain = fold(text)
    if lang not in SPELLING_LANGUAGES:
        return None
    copy = respeller(lang).respell(plain)
    return copy if copy != plain else None


def devowelled(text: str, lang: str) -> str | None:
    """The folded copy of `text` with its words written without vowels ("pvz m rpplr", "cll m
    bck") read as the team's words with the same consonants, or None when the message is not
    written so (most of its words have vowels), no word changed, or the language has no
    training messages."""
    plain = fold(text)
    if lang not in SPELLING_LANGUAGES:
        return None
    words = [w for w in _WORD.findall(plain) if len(w) >= SKELETON_SHORTEST]
    bare = [w for w in words if not _VOWEL.search(w)]
    if len(bare) < DEVOWELLED_WORDS or len(bare) < DEVOWELLED_SHARE * len(words):
        return None
    copy = respeller(lang).revowel(plain)
    return copy if copy != plain else None


def devowelled_copies(text: str, lang: str) -> tuple[str, ...]:
    """The copies of `devowelled` in the message's language, then in the other languages of
    the training messages: the language a conversation is taken to be in is often wrong for a
    message with no vowels (a French complaint so written read as English gave no copy)."""
    order = (lang, *(other for other in SPELLING_LANGUAGES if other != lang))
    copies = (devowelled(text, each) for each in order)
    return tuple(dict.fromkeys(copy for copy in copies if copy is not None))
