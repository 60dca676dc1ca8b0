"""A guide's, a form's or a tutorial's example person, quoted by someone asking how to fill it in.

Issue 12, fixer P6, after test57: a how-to question quoting the sample a council guide, a form
or a video shows ("the leaflet's worked example reads 'Mr A Specimen, 2 Sample Row …'", "la
capture d'écran de l'aide montre « N° 0000000 – Mme Fictive »") was blocked as a name, a date
of birth, an address or an account. Such a sample is nobody's data. It is read as one only when
all of these hold, so that real data quoted beside it is still found:

- it stands in quotation marks, or after a colon to the end of its sentence;
- in its sentence, before it, a word names what shows it (a guide, a form, a template, a video,
  a screenshot, an example), with none of the writer's own words ("I", "my", "je", "mon")
  in that sentence before the quotation (only after the word, when it is "example" or
  "sample": "I see an example: …"), nor inside the quotation;
- it is said to be an example right before it ("an example person, '…'", "exemple : « … »"),
  or it holds a placeholder: an example word ("Sample Street", "rue Fictive"), a name that
  stands for anyone ("Doe", "Bloggs", "Dupont"), or a run of one repeated digit or of X's
  ("9999999999", "EX0 0XX"). The first of January is no placeholder: it is the date of birth
  many people were given. A field's format or blank is one too (issue 12, fixer P9, after
  test61): a date's format ("JJ/MM/AAAA", "DD/MM/YYYY"), underscores or dots, "[your name]",
  "Nom Prénom", a template's "né(e)"; a template's own "Je soussigné(e)" is not the writer's.
- A sample that runs to its sentence's end after a colon, or introduced in words, ends at the
  last comma or dash before the writer's own words ("…, je dois tout remplacer ?"); when those
  words claim it ("…, c'est moi", "that's me"), it is no sample.

A street or a town named so ("4 Sample Close, Exampleton") given as one's own ("I live at …")
or typed by the writer into a form has no such introduction, and stays found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.guards.verdict import PIIFinding

# A quotation on one line: French, English or German marks, straight double quotes, or single
# quotes that are not apostrophes (no letter right outside them).
_QUOTED = re.compile(
    r"«[^«»\n]{3,300}»|“[^“”\n]{3,300}”|‘[^‘’\n]{3,300}’|„[^“”\n]{3,300}“"
    r"|\"[^\"\n]{3,300}\"|(?<![\w'])'[^'\n]{3,300}'(?![\w])"
)
# What follows a colon, to the end of its sentence or line ("the worked example: Jane …").
_AFTER_A_COLON = re.compile(
    r":[ \t]*([^\n]{3,300}?)(?=(?<!\be\.g)(?<!\bex)(?<!\bp)[.?!](?:\s|$)|\n|$)"
)
# What shows a sample, on folded text (lower case, accents kept by position): a guide, a form,
# a template, a tutorial, a video, a screenshot, an example.
_SHOWN_BY = re.compile(
    r"\b(?:guides?|guidance|leaflets?|booklets?|brochures?|flyers?|forms?|templates?|tutorials?"
    r"|videos?|screenshots?|screen\s+shots?|help\s+(?:page|text|notes)|instructions|notes\s+for"
    r"|walk-?through|demo|demonstration|worked\s+example|examples?|samples?|specimens?"
    r"|tuto(?:riel)?s?|vid[ée]os?|captures?(?:\s+d['’][ée]cran)?|notices?|formulaires?"
    r"|mod[èe]les?|fiches?|d[ée]pliants?|plaquettes?|page\s+d['’]aide|aide\s+en\s+ligne"
    r"|gabarits?|trames?"
    r"|d[ée]monstration|exemples?|sp[ée]cimens?)\b"
)
# The writer's own words: whatever stands after them is theirs ("I typed '…'", "mon adresse").
_OWN = re.compile(
    r"(?:\b(?:i|i'm|i've|i'd|my|mine|me|myself|our|ours|we|je|j['’]|moi|mon|ma|mes|notre|nos"
    r"|nous)(?![\w-]))"
)
# An example word right before the quotation: "an example person, '…'", "exemple : « … »",
# "e.g. '…'", "le spécimen « … »".
_SAID_EXAMPLE_BEFORE = re.compile(
    r"(?:\b(?:examples?|samples?|specimens?|dummy|fictional|fictitious|made-up|exemples?"
    r"|sp[ée]cimens?|fictifs?|fictives?)\b|\be\.g\.|\bp\.\s?ex\.|\bpar\s+ex(?:emple|\.))"
    r"(?:[ \t]+[\w'’-]+){0,2}[ \t]*[:,(-]?[ \t]*$"
)
# A placeholder inside the quotation, on folded text.
_PLACEHOLDER = re.compile(
    # An example word as a word ("Sample Street", "rue Fictive"; not "Exampleton", "example.com").
    r"(?<![\w@./-])(?:examples?|samples?|specimens?|dummy|fictional|fictitious|placeholder"
    r"|exemples?|sp[ée]cimens?|fictifs?|fictives?|factices?)(?![\w@/-]|\.\w)"
    # A name that stands for anyone.
    r"|\b(?:doe|bloggs|bloggins|mustermann|musterfrau|dupont|dupond|lambda)\b"
    # One digit repeated, or X's standing for characters.
    r"|(?<!\d)(\d)\1{5,}(?!\d)|(?<![^\W\d_])[0-9a-z]*xxx*[0-9a-z]*(?![^\W\d_])"
    # A field's format or blank standing for its value (issue 12, fixer P9, after test61): a
    # date's format ("JJ/MM/AAAA", "DD-MM-YYYY", "MM/AAAA"), a blank of underscores or dots, a
    # name's placeholder ("Nom Prénom", "Firstname Lastname", "[your name]", "<nom>", "your
    # name here"), a French template's mark for either gender ("né(e)", "soussigné(e)").
    r"|(?<![\w/])(?:jj|dd|mm)[/.-](?:mm|jj|dd)(?:[/.-](?:aaaa|aa|yyyy|yy))?(?![\w/])"
    r"|(?<![\w/])(?:mm|jj|dd)[/.-](?:aaaa|yyyy)(?![\w/])|_{3,}|\.{5,}"
    r"|[\[<{(][ \t]*(?:(?:your|votre|vos|the|le|la|ton|ta)[ \t]+)?(?:(?:full|first|last)[ \t]+)?"
    r"(?:name|surname|first[ \t]?name|last[ \t]?name|nom|pr[ée]nom|address|adresse|dob|date[ \t]+"
    r"(?:of[ \t]+birth|de[ \t]+naissance)|signature|town|ville|postcode|code[ \t]+postal)"
    r"(?:[ \t]+(?:here|ici|de[ \t]+famille|complet|compl[èe]te|et[ \t]+pr[ée]nom))?[ \t]*[\]>})]"
    r"|\b(?:nom[ \t]+pr[ée]nom|pr[ée]nom[ \t]+nom|first[ \t]?name[ \t]+(?:last[ \t]?name|surname)"
    r"|(?:your|votre)[ \t]+(?:full[ \t]+)?(?:name|nom)[ \t]+(?:here|ici))\b(?![ \t]*:)"
    r"|\b[a-z]+[ée]\(e\)"
)
# An example word naming what shows the sample: the writer's own words before it ("I see an
# example: …") do not make the sample theirs, as they do before a form ("I filled in the form:
# …").
_AN_EXAMPLE = re.compile(r"(?:worked\s+)?(?:examples?|samples?|specimens?|exemples?|sp[ée]cimens?)")
# Where a clause of the writer's own begins after a sample that runs to its sentence's end
# ("… né le JJ/MM/AAAA, je dois tout remplacer ?", "… DOB: dd/mm/yyyy - is that what I copy?"):
# the last comma, semicolon or dash before the writer's first own word. The sample ends there,
# and what follows is read as the writer's (issue 12, fixer P9, after test61).
_CLAUSE_BREAK = re.compile(r"[,;]|[ \t][\u2013\u2014-](?=[ \t])")
# How far before a quotation the word naming what shows it may stand, in its sentence.
_REACH = 160
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bex)(?<!\bp)[.?!](?:\s|$)|\n")


# Or introduced as the example in words, with no quotation marks or colon ("l'exemple c'est
# …", "par exemple …", "dans l'exemple du formulaire, …", "the example is …"), to the end of
# its clause (a dash or a semicolon ends it too, before the writer's question): issue 12, fixer
# P7, after test59. Read so only when a guide, a form or a video is named before the example
# word in its sentence: "mes voisins, par exemple …" names real people.
_INTRODUCED = re.compile(
    r"(?:\bl['’]exemple(?:\s+(?:donn[ée]|montr[ée]|propos[ée]))?\s+(?:c['’]\s*est|est|montre"
    r"|donne)|\bpar\s+exemple|\bdans\s+l['’]exemple(?:\s+(?:du|de\s+la|de\s+l['’]|des)\s*"
    r"[\w'’-]+)?|\bthe\s+(?:worked\s+)?example(?:\s+(?:given|shown))?\s+(?:is|shows|reads|says)"
    r"|\bfor\s+example|\bin\s+the\s+example)[ \t]*[:,]?[ \t]*"
    r"([^\n]{3,200}?)(?=(?<!\be\.g)(?<!\bex)(?<!\bp)[.?!](?:\s|$)|[ \t][\u2013\u2014-][ \t]|;|\n|$)"
)


def _introduced(folded: str) -> Iterator[tuple[int, int]]:
    """The spans introduced as the example in words, after a guide or a form named."""
    for match in _INTRODUCED.finditer(folded):
        # The guide may be named in the introduction itself ("dans l'exemple du formulaire").
        before = folded[max(0, match.start(1) - _REACH) : match.start(1)]
        ends = list(_SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]
        shown = [m for m in _SHOWN_BY.finditer(before) if not _AN_EXAMPLE.fullmatch(m.group(0))]
        # "For example" and "par exemple" may bring in a real case ("in the form's table, for
        # example, …"): the sample must then hold a placeholder.
        a_case = re.search(r"\b(?:par|for)\s+exemp?le", match.group(0)) is not None
        if shown and (not a_case or _PLACEHOLDER.search(match.group(1))):
            yield match.span(1)


# A template's first person, written for either gender or as a formula ("Je soussigné(e) …",
# "I, the undersigned, …"): the template's voice, not the writer's (issue 12, fixer P9).
_TEMPLATE_VOICE = re.compile(r"\bje[ \t]+soussign[ée]\(e\)s?|\bi,?[ \t]+the[ \t]+undersigned\b")
# The writer's clause claiming the values before it ("…, c'est moi", "…, that's my name"): no
# sample then, whatever it holds.
_CLAIMED = re.compile(
    r"\b(?:c['’]est[ \t]+(?:moi|mon[ \t]+nom|le[ \t]+mien|la[ \t]+mienne)|(?:that|it|this)['’]?s?"
    r"[ \t]+(?:is[ \t]+)?(?:me|my[ \t]+name|mine)|(?:is|are)[ \t]+(?:me|mine|my[ \t]+name))\b"
)


def _to_own_clause(folded: str, start: int, end: int) -> tuple[int, int]:
    """The span cut where a clause of the writer's own begins in it (`_CLAUSE_BREAK`); nothing of
    it when that clause claims the values as the writer's (`_CLAIMED`)."""
    own = _OWN.search(folded, start, end)
    if own is None:
        return start, end
    breaks = list(_CLAUSE_BREAK.finditer(folded, start, own.start()))
    if not breaks:
        return start, end
    cut = breaks[-1].start()
    if _CLAIMED.search(folded, cut, end):
        return start, start
    return start, cut


def _samples(folded: str) -> Iterator[tuple[int, int]]:
    """The spans of the samples a guide, a form or a video shows, quoted in `folded`."""
    spans = [m.span() for m in _QUOTED.finditer(folded)]
    spans += [_to_own_clause(folded, *m.span(1)) for m in _AFTER_A_COLON.finditer(folded)]
    spans += (_to_own_clause(folded, *span) for span in _introduced(folded))
    for start, end in spans:
        before = folded[max(0, start - _REACH) : start]
        ends = list(_SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]
        shown = list(_SHOWN_BY.finditer(before))
        if not shown:
            continue
        inside = folded[start:end]
        said = shown[-1]
        owned = before[said.end() :] if _AN_EXAMPLE.fullmatch(said.group(0)) else before
        if _OWN.search(owned) or _OWN.search(_TEMPLATE_VOICE.sub(" ", inside)):
            continue
        if _SAID_EXAMPLE_BEFORE.search(before) or _PLACEHOLDER.search(inside):
            yield start, end


def in_a_shown_sample(finding: PIIFinding, spans: list[tuple[int, int]]) -> bool:
    """Whether `finding` lies wholly inside one of `spans` (`samples_shown`)."""
    return any(start <= finding.start and finding.end <= end for start, end in spans)


def samples_shown(folded: str) -> list[tuple[int, int]]:
    """The spans of `folded` (the message folded, offsets kept) that quote a guide's, a form's
    or a video's example person: what is found inside them is nobody's data."""
    return list(_samples(folded))
