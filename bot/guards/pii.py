"""All personal data in a message, without overlaps, and the text with it redacted."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from bot.guards import checksums
from bot.guards.normalise import fold_aligned, lower_aligned
from bot.guards.pii_boxes import find_in_boxes
from bot.guards.pii_contact import (
    a_person_s_label,
    a_service_named_alone,
    find_emails,
    find_phones,
)
from bot.guards.pii_corrections import corrected_values
from bot.guards.pii_encoded import (
    find_across_fillers,
    find_dates_in_english_words,
    find_dates_in_french_words,
    find_in_link_values,
    find_keypad_phones,
    find_machine_readable_lines,
    find_names_in_handles,
    find_postcodes_in_lower_case_alphabet,
    find_spelt_names,
    find_spelt_postcodes,
)
from bot.guards.pii_fields import (
    find_in_fields,
    in_a_public_place_s_row,
    in_a_table_s_header,
    the_organisation_s,
)
from bot.guards.pii_files import filenames_as_words, find_file_references
from bot.guards.pii_identity import (
    find_credentials_and_documents,
    find_identity,
    private_street_ends,
    public_street_ends,
)
from bot.guards.pii_names import a_formula_s_word, names_in_file_names
from bot.guards.pii_national import find_national_numbers
from bot.guards.pii_network import (
    find_account_numbers_in_links,
    find_disguised_emails,
    find_ip_addresses,
    find_names_in_links,
    find_own_websites,
)
from bot.guards.pii_numbers import (
    SHOWN_NOT_GIVEN,
    find_digit_identifiers,
    find_ibans,
    find_lettered_identifiers,
    iban_shaped_spans,
    rejected_failing_card,
    rejected_failing_number,
)
from bot.guards.pii_places import find_postcodes
from bot.guards.pii_rib import find_french_ribs
from bot.guards.pii_samples import in_a_shown_sample, samples_shown
from bot.guards.pii_separators import find_across_separators
from bot.guards.pii_slips import find_with_slips
from bot.guards.pii_spans import SpanTagger
from bot.guards.pii_spoken import find_spoken_phones, spoken_identifiers
from bot.guards.pii_vehicles import find_vehicle_plates
from bot.guards.pii_venues import at_a_community_venue
from bot.guards.policy import PIIPolicy
from bot.guards.replaced import replace_runs
from bot.guards.verdict import PIIFinding


def _without_overlaps(findings: Iterable[PIIFinding]) -> tuple[PIIFinding, ...]:
    """Earlier detectors win: checksummed identifiers before contacts before identity.

    A later finding that overlaps kept ones gives them its extent, not its kind: "14 Elm Rise
    EX4" (an address) and "EX4 7QT" (a postcode) are one address to redact, never leaving
    "7QT" behind in what is kept."""
    kept: list[PIIFinding] = []
    for finding in findings:
        touched = [o for o in kept if not (finding.end <= o.start or finding.start >= o.end)]
        if not touched:
            kept.append(finding)
            continue
        first = touched[0]
        start = min(finding.start, *(o.start for o in touched))
        end = max(finding.end, *(o.end for o in touched))
        kept = [o for o in kept if o not in touched]
        kept.append(PIIFinding(first.kind, start, end))
    return tuple(sorted(kept, key=lambda f: (f.start, f.end)))


_WORDY = frozenset({"name", "first_name", "address", "name_dob_address"})


_NAMES = frozenset({"name", "first_name", "name_dob_address"})
# A surname's particles, then its capitalised word: what follows a name found only in part
# ("Thibault" of "Thibault de la Rochère-Mensah", "Cécile Van" of "Cécile Van Damme-Lambert")
# is the rest of it, redacted with it (issue 12, after the spent set test28).
_PARTICLES = (
    r"(?:de|du|des|della|del|da|dos|das|di|van|von|der|den|ter|ten|la|le|bin|ibn|al|el|ap|ab"
    r"|ferch|verch|ó|ua|uí|ní|nic|mac|mhic)"
)
_REST_OF_NAME = re.compile(
    rf"(?:[ \t]+(?i:{_PARTICLES})){{1,3}}[ \t]+(?:d['’])?[A-ZÀ-Þ][\w'’]*(?:-[A-ZÀ-Þ][\w'’]*)*"
)
_ENDS_IN_PARTICLE = re.compile(rf"(?:^|[ \t])(?i:{_PARTICLES})$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+(?:d['’])?[A-ZÀ-Þ][\w'’]*(?:-[A-ZÀ-Þ][\w'’]*)*")
# A given name sharing the surname of the name after it ("Ousmane et Aïssatou Sow", "John and
# Mary Example"): one household's, redacted with it (test28 forms).
_SHARED_SURNAME_BEFORE = re.compile(
    r"(?:(?<=\b[dDlL]['’])|(?<![\w'’-]))([A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?)"
    r"[ \t]+(?:et|and|&)[ \t]+$"
)
_NOT_GIVEN = frozenset(
    "The A And Or But Not So Also Only Here There Please Hello Hi Thanks Yes No Ok Le La Les Un"
    " Une Des Du De Je Il Elle Nous Vous Ils Et Ou Mais Bonjour Merci Oui Non Madame Monsieur"
    " Mr Mrs Ms Mme Mlle Dr Moi Me Myself Him Her Lui Elle".split()
)


def _whole_words(text: str, finding: PIIFinding) -> PIIFinding:
    """A name or address widened to whole words ("Oona Mac" of "Oona MacLeod" is redacted
    as the whole name, never leaving "Leod" behind), a name to its particles and the surname
    after them."""
    if finding.kind not in _WORDY:
        return finding
    start, end = finding.start, finding.end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    if finding.kind in _NAMES:
        rest = _REST_OF_NAME.match(text, end)
        if rest is None and _ENDS_IN_PARTICLE.search(text, start, end):
            rest = _CAPITALISED_AFTER.match(text, end)
        if rest is not None:
            end = rest.end()
        before = _SHARED_SURNAME_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and before.group(1) not in _NOT_GIVEN and " " in text[start:end]:
            start = before.start(1)
    return PIIFinding(finding.kind, start, end)


# Kinds that are numbers: shown as an example or a sample, they locate no one.
_NUMBERS = frozenset(
    {
        "iban",
        "payment_card",
        "uk_nino",
        "fr_nir",
        "ca_sin",
        "nl_bsn",
        "ee_isikukood",
        "es_dni_nie",
        "uk_nhs_number",
        "phone",
        "document_number",
        "account_number",
        "bank_account",
    }
)
# A word, not part of an address: "example.net", "exemple.fr" and "www.sample.org" say nothing.
# A page's or a form's instruction showing the format to type ("enter the number like this:
# …", "saisissez-le comme ceci : …", "sous cette forme"): test36, spent. Said by the writer of
# their own number ("I typed my NHS number like this: …"), it shows theirs (`_shown_as_example`).
_FORMAT_SHOWN = (
    r"like this|like so|comme ceci|comme cela|sous (?:cette|la) forme|au format"
    r"|in (?:this|the) format"
)
# Who shows the format: a page, a form, a leaflet or a letter ("your help page says to enter
# it like this: …"), not the writer asking whether their own is right ("can I write it like
# this: …?").
_FORMAT_SOURCE = re.compile(
    r"\b(?:page|web ?site|site|form|formulaire|help|aide|leaflet|brochure|guide|notice"
    r"|instructions?|letter|lettre|courrier|app|appli|application|portal|portail)\b"
)
_EXAMPLE = re.compile(
    r"(?<![\w@./-])(?:examples?|samples?|made[- ]up|specimen|dummy|fictitious|fictional"
    r"|placeholder|exemples?|fictifs?|fictives?|sp[ée]cimen|factices?|ejemplo|beispiel|esempio"
    rf"|{SHOWN_NOT_GIVEN}|fake|pretend|invent[ée]e?s?"
    r"|e\.g\.?|eg|p\. ?ex\.?|par ex\.?|z\. ?b\.?"
    # "ex." as a form's hint prints it ("« ex. FR76 … »"): test24 forms.
    r"|ex(?=\.)"
    # A form's help text or tooltip shows how a number looks ("the help text shows the account
    # number as …", "l'info-bulle montre …"): test32 forms.
    r"|help[ -]?text|tool[ -]?tip|texte d['’]aide|info-?bulle"
    # A form's placeholder, printed in grey in the empty box ("shows 07700 900000 in grey
    # text", "en texte grisé"): test35 forms.
    r"|gr[ae]y(?:ed)?[ -](?:out[ -])?text|texte gris[ée]?|gris[ée]s?"
    # Or a hint in the box ("a greyed-out hint", "the field's hint says …", "affiche en gris
    # …"): test42, spent.
    r"|(?:gr[ae]y(?:ed)?[ -](?:out[ -])?)?hint|en gris|(?:texte\s+)?indicati(?:f|on)"
    # Said after the box's numbers ("… and the account box '12345678' in grey"): test46 forms.
    r"|in\s+(?:light\s+|pale\s+)?gr[ae]y|greyed[ -]out|grayed[ -]out"
    rf"|{_FORMAT_SHOWN})"
    r"(?![\w@/-]|\.\w)"
)
# The writer's own words: "for example, my mobile is …" gives one's own number.
_OWN = re.compile(
    r"\b(?:my|mine|me|i|i'm|i've|our|ours|mon|ma|mes|moi|je|j'|notre|nos|n[oô]tre"
    r"|mien|mienne|miens|miennes)\b"
)
_OWN_POSSESSIVE = re.compile(
    r"\b(?:my|mine|our|ours|mon|ma|mes|notre|nos|n[oô]tre|mien|mienne|miens|miennes)\b"
)
# A form's box or field showing a value as its hint.
_IN_A_BOX = re.compile(r"\b(?:box|field|form|case|champ|cadre|formulaire|zone|input|placeholder)\b")
# A sentence ends at a full stop, but not the one of an abbreviation ("e.g.", "p. ex.").
_SENTENCE_END = re.compile(
    r"(?<!e\.g)(?<!\bex)(?<!\bp)(?<!z\.b)(?<!z\. b)(?<!\bz)[.?!;:](?:\s|$)|\n"
)
_QUOTES = " \t'\"«»“”‘’„("
# The example word may open the sentence well before the number: "The sample printed on the
# repeat prescription form has the NHS number set out as 612 …" (the sentence still ends at a
# full stop, and the writer's own words after the example word still make the number theirs).
_EXAMPLE_REACH = 120
# Between a number and an example word that stands in apposition to it: a comma, a bracket or
# a dash, an article and at most one word ("…, a made-up …", "… (un numéro fictif", "… – fake").
_APPOSED = re.compile(
    r"\s*[,(\u2013\u2014-]\s*(?:(?:a|an|the|this|un|une|le|la|ce|cet|cette)\s+)?"
    r"(?:(?!not\b|no\b|pas\b|never\b|jamais\b|isn)[^\W\d_][\w'-]*\s+)?"
)
# The writer's own words this close before the number make it theirs ("my mobile is …").
_OWN_RIGHT_BEFORE = 24


# An e-mail address is shown as an example the same way ("for example **someone@…**"): test35.
# An IP address too, as a connection help page prints one ("Adresse IPv6, ex. : …": test36).
_SHOWN_KINDS = _NUMBERS | {"email", "ip_address"}


def _a_format_shown(folded: str, finding: PIIFinding, before: str) -> bool:
    """A format a page or a form shows, not an example named: said to be shown by one, with
    none of the writer's own words anywhere in its sentence, before the number or after it."""
    rest = folded[finding.end : finding.end + 60]
    closed = _SENTENCE_END.search(rest)
    rest = rest[: closed.start()] if closed else rest
    shown = _FORMAT_SOURCE.search(before) is not None
    return shown and _OWN.search(before) is None and _OWN.search(rest) is None


# A form's label quoted with its sample value right after an example word ("'Postcode e.g.
# EX1 1AA'", "« Code postal, ex. : 75001 »"): the form's sample, no one's (test52, spent). Only
# inside quotes, the example word right before the value and the quote closing right after it:
# an address on a street or in a town with "Sample" or "Example" in its name ("4 Sample Close,
# Exampleton EX1 2AB") has none of that.
_QUOTED_SAMPLE_BEFORE = re.compile(
    r"['\"«“‘][^'\"«»“”‘’\n]{0,40}(?<![\w.])\(?(?:e\.g\.?|eg|ex\.|p\. ?ex\.|par exemple|for example"
    r"|for instance|sample|exemple)[ \t]*:?[ \t]*$"
)
_QUOTE_CLOSES = re.compile(r"\)?[ \t]*['\"»”’]")


def _a_quoted_sample(folded: str, finding: PIIFinding) -> bool:
    """A postcode shown as a form label's sample value inside quotes (`_QUOTED_SAMPLE_BEFORE`),
    with none of the writer's own words in the label."""
    if finding.kind != "postcode":
        return False
    label = _QUOTED_SAMPLE_BEFORE.search(folded, max(0, finding.start - 60), finding.start)
    return (
        label is not None
        and _OWN.search(label.group(0)) is None
        and _QUOTE_CLOSES.match(folded, finding.end) is not None
    )


def _shown_as_example(folded: str, finding: PIIFinding) -> bool:
    """A number a form, a poster or a leaflet shows as an example, said so before it in its
    sentence ("the leaflet's sample NHS number, 943 …") or just after ("07700 900123 as an
    example"), with none of the writer's own words between; or a form's sample in quotes."""
    if _a_quoted_sample(folded, finding):
        return True
    return finding.kind in _SHOWN_KINDS and _said_to_be_an_example(folded, finding)


def _said_to_be_an_example(folded: str, finding: PIIFinding) -> bool:
    """`_shown_as_example` for a kind a form or leaflet shows, once the quoted sample is ruled
    out: the example word before the number in its sentence, or right after it."""
    before = folded[max(0, finding.start - _EXAMPLE_REACH) : finding.start]
    ends = list(_SENTENCE_END.finditer(before))
    # A colon right before the number (quotes aside) introduces it: the sentence it ends is
    # the number's ("a sample IBAN on the form: GB82 …", "un exemple d'IBAN : « … »").
    introduced = False
    while ends and ends[-1].group(0)[0] == ":" and not before[ends[-1].end() :].strip(_QUOTES):
        ends.pop()
        introduced = True
    if ends:
        before = before[ends[-1].end() :]
    said = list(_EXAMPLE.finditer(before))
    if said and re.fullmatch(_FORMAT_SHOWN, said[-1].group(0)):
        return _a_format_shown(folded, finding, before)
    if said:
        # Introduced by a colon, the writer's own words after it make it theirs still ("For
        # example: 4539 … is my card").
        owned_after = introduced and _OWN.search(folded[finding.end : finding.end + 40])
        # A form's box showing it as its hint ("la case … affiche « ex. : … », je dois
        # l'effacer ?"): the writer's words after it are about the box, not the number's owner;
        # only a possessive makes it theirs then (test42, spent).
        if owned_after and _IN_A_BOX.search(before[: said[-1].start()]):
            owned_after = _OWN_POSSESSIVE.search(folded[finding.end : finding.end + 40])
        return _OWN.search(before[said[-1].end() :]) is None and not owned_after
    after = folded[finding.end : finding.end + 24]
    # An e-mail address only said before it: "example" after a spelt address is its domain
    # ("… at example dot com"), even where a reader took the address's first half alone.
    told = None if finding.kind == "email" else _EXAMPLE.search(after)
    if told is None:
        return False
    # Said of the number in apposition (", a made-up number", "(un numéro fictif)"), the
    # example word describes it even after the writer's words about an object ("our worksheet
    # uses …"); "my number is" right before it, or a "not" before the word, keeps it theirs.
    if _APPOSED.fullmatch(after[: told.start()]):
        return _OWN.search(before[-_OWN_RIGHT_BEFORE:]) is None
    return _OWN.search(before) is None


# A line break between two runs of digits, as a phone's keyboard sends a number typed over
# several lines ("07700⏎900 418", an NHS number three digits a line: test22 forms).
_DIGIT_LINE_BREAK = re.compile(r"(?<=\d)[ \t]*(?:\r\n|\r|\n)[ \t]*(?=\d)")


def _digit_lines_joined(text: str) -> str:
    """The text with each line break between digits read as a space (offsets unchanged)."""
    return _DIGIT_LINE_BREAK.sub(lambda m: re.sub(r"[\r\n]", " ", m.group(0)), text)


# A table pasted as text, its cells between pipes or tabs: each value is read beside its
# column's header, as a labelled field ("| Account number |" over "| 58013376 |": test23 forms).
_CELL = re.compile(r"[^|\t\n]+")
_RULE_ROW = re.compile(r"[\s|:+-]*")
_NUMBER_CELL = re.compile(r"\d{3}")


def _table_fields(text: str) -> Iterator[tuple[str, int, str]]:
    """(header, offset, value) for each cell under a header row of a pipe or tab table."""
    header: list[str] = []
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        if "|" not in line and "\t" not in line:
            header = []
            continue
        if _RULE_ROW.fullmatch(line):
            continue  # "|---|---|" under a Markdown header
        cells = [(start + m.start(), m.group(0)) for m in _CELL.finditer(line)]
        cells = [(offset, value) for offset, value in cells if value.strip()]
        if len(cells) < 2:
            header = []
        elif not header or len(cells) != len(header):
            # A row with a number in a cell is data, not a header: the council's helplines
            # pasted without their header row are not read one under the other (test27 forms).
            numbered = any(_NUMBER_CELL.search(value) for _, value in cells)
            header = [] if numbered else [value.strip() for _, value in cells]
        else:
            for name, (offset, value) in zip(header, cells, strict=True):
                yield name, offset + len(value) - len(value.lstrip()), value.strip()


def _row_label(text: str, offset: int) -> str:
    """The first cell of the table row holding `offset` (empty if `offset` is in it)."""
    line_start = text.rfind("\n", 0, offset) + 1
    first = _CELL.search(text, line_start)
    while first is not None and not first.group(0).strip() and first.end() < offset:
        first = _CELL.search(text, first.end() + 1)
    if first is None or first.end() >= offset:
        return ""
    return first.group(0).strip()


def _a_service_s_row(label: str, policy: PIIPolicy) -> bool:
    """A row labelled by a service's name ("| Contact Centre | 020 … |", "| School admissions |
    020 … |"): its number is the service's, whatever the column's header (test42, spent). A
    row labelled by a person or a home ("| Coach Ebbsworth |", "| Me (mobile) |") is no
    service's."""
    folded = lower_aligned(fold_aligned(label))
    if policy.contact.personal_context.search(folded) or a_person_s_label(folded):
        return False
    return policy.contact.public_context.search(folded) is not None or a_service_named_alone(folded)


def _found_in_tables(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    for name, offset, value in _table_fields(text):
        if not any(ch.isdigit() for ch in value):
            continue
        field = f"{name}: "
        service_s = _a_service_s_row(_row_label(text, offset), policy)
        for finding in find_pii(field + value, policy):
            if finding.kind == "phone" and service_s:
                continue
            if finding.start >= len(field):
                shift = offset - len(field)
                yield PIIFinding(finding.kind, finding.start + shift, finding.end + shift)


# An identifier given in parts, each after a word that links it to the one before ("01632,
# then 960, then 815", "FR54 1805 …, ensuite 3401 …", "JT 48, the rest is 19 62 B"): test24
# forms. The parts are read joined, so the identifier's own check decides, as for one typed whole.
_PART = r"(?<![\w.,])(?<!\d )(?:[A-Z]{2}\d{0,2}[ ]?)?\d(?:[\d ]{0,30}\d)?(?:[ ][A-D](?![\w]))?"
_LINK_WORD = (
    r"(?:and\s+then|then|next|after\s+that|followed\s+by|and\s+the\s+rest(?:\s+is)?"
    r"|the\s+rest(?:\s+is)?|rest\s+is|(?:and\s+)?(?:the\s+)?(?:last|final|second|third)"
    r"\s+(?:bit|part|half|digits?|one)(?:\s+(?:is|are))?|finally|and\s+finally"
    r"|et\s+pour\s+finir|pour\s+finir|et\s+ensuite|ensuite|puis|et\s+puis|enfin|apr[èe]s"
    r"|(?:et\s+)?la\s+fin(?:\s+c['’]est)?|(?:et\s+)?le\s+reste(?:\s+c['’]est)?|la\s+suite"
    r"|suivi\s+de|et\s+(?:la\s+)?(?:derni[èe]re|deuxi[èe]me|seconde)\s+partie"
    # A part named by its place and what it holds, the "et" left out ("deuxième morceau",
    # "second bout", "last 8", "the last 6 digits"): test33 forms.
    r"|(?:la\s+|le\s+)?(?:derni[èe]re|deuxi[èe]me|seconde?|dernier)\s+(?:partie|moiti[ée]"
    r"|morceau|bout)|(?:the\s+)?(?:last|second|final|next)\s+\d{1,2}(?:\s+digits?)?"
    # A social security number's key named as the last part ("and the key is 04", "et la clé
    # 58"), and a bare "and" or "et" between parts dictated (test42, spent): the joined value
    # must still pass its identifier's own shape and check.
    r"|(?:and\s+)?(?:the\s+)?key(?:\s+is)?|(?:et\s+)?la\s+cl[ée](?:\s+(?:est|c['’]est))?"
    r"|and|et)"
)
# Each part may be quoted, as pasted from the chat's own messages ("« 2 84 … » puis « 309 32 »",
# "'JK 48' and then '27 61 C'"): test39, spent.
_GLUE = (
    rf"[ \t]*[»\"”’']?[ \t]*[,.;:–—-]?[ \t]*(?i:{_LINK_WORD})[ \t]*[,:–—-]?[ \t]*[«\"“‘']?[ \t]*"
)
_IN_PARTS = re.compile(rf"{_PART}(?:{_GLUE}{_PART}){{1,3}}")
_GLUE_RE = re.compile(_GLUE)
_ONE_PART = re.compile(_PART)
# The words opening the first part, dropped from what is read before the joined number so that
# its label stays near it ("Mon numéro NHS, les trois premiers chiffres : 197").
_FIRST_PART = re.compile(
    r"(?i:[\s,;:–—-]*(?:(?:the\s+)?first\s+(?:bit|part|half|one|\w+\s+digits?|digits?)"
    r"(?:\s+(?:is|are))?|starts?(?:\s+with)?|begins?\s+with|d[ée]but|commence\s+par"
    r"|(?:les\s+)?(?:\w+\s+)?premiers\s+chiffres(?:\s+sont)?"
    r"|(?:la\s+|le\s+)?premi(?:[èe]re|er)\s+(?:partie|moiti[ée]|morceau|bout)"
    r"|(?:the\s+)?first\s+\d{1,2}(?:\s+digits?)?)\s*[:,]?\s*)$"
)
# A number corrected right after it: one digit to drop (test24 forms).
_DROP_DIGIT = re.compile(
    r"[ \t]*[,.;:–—-]?[ \t]*(?i:(?:please\s+)?(?:ignore|drop|delete|remove|forget|skip|take\s+off)"
    r"\s+the\s+(?P<en>last|first|final)\s+(?:digit|number|one)"
    r"|(?:oubliez|ignorez|enlevez|supprimez|retirez|ne\s+tenez\s+pas\s+compte\s+du)"
    r"\s+(?:le\s+)?(?P<fr>dernier|premier)\s+chiffre)"
)
_JOINED_KINDS = frozenset(
    {"iban", "payment_card", "uk_nino", "fr_nir", "uk_nhs_number", "ca_sin", "nl_bsn", "phone"}
)

# Read from a number typed one digit a space: an account's or a document's, by its label.
_LABELLED_KINDS = frozenset({"account_number", "document_number"})


def _numbers_read_as(probe: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    folded = lower_aligned(probe)
    yield from find_ibans(probe, folded)
    yield from find_lettered_identifiers(probe, folded)
    yield from find_digit_identifiers(probe, folded)
    yield from find_phones(probe, folded, policy.contact)


def _read_instead(
    text: str,
    start: int,
    end: int,
    value: str,
    policy: PIIPolicy,
    kinds: frozenset[str] = _JOINED_KINDS,
) -> Iterator[PIIFinding]:
    """The identifiers `value` is, read in place of text[start:end] after the words before it."""
    # A label may stand further back from a number typed one digit a space (the sentence
    # reach of `pii_identity`'s labelled numbers).
    before = text[max(0, start - (60 if kinds is _JOINED_KINDS else 80)) : start]
    opener = _FIRST_PART.search(before)
    prefix = before[: opener.start()] + " " if opener is not None else before
    found = [*_numbers_read_as(prefix + value, policy)]
    if kinds is not _JOINED_KINDS:
        found += find_credentials_and_documents(prefix + value)
    for finding in found:
        if finding.kind in kinds and finding.end > len(prefix):
            yield PIIFinding(finding.kind, start, end)


# A number typed one digit at a time, its groups set apart by wider gaps ("4 0 2  8 1 5  7 3 6
# 6", as an older writer types it): read in those groups ("402 815 7366"), so the identifier's
# own printed shape and check decide, as for one typed whole (test32 forms).
_DIGIT_BY_DIGIT = re.compile(r"(?<![\w.,])\d(?:[ \t]{1,3}\d){6,18}(?![\w]|[.,]\d)")
_WIDE_GAP = re.compile(r"[ \t]{2,}")


# Or its groups set apart by commas, as a screen reader reads a number back ("5 4 1 2, 7 5 0
# 9, 3 8 1 6, 4 7 2 1"): read in those groups the same way (issue 12, after test55). Each group
# two digits at least, so a list of single figures ("1, 2, 3") is no number.
_READ_BACK_IN_GROUPS = re.compile(
    r"(?<![\w.,])\d(?:[ \t]\d)+(?:,[ \t]{1,2}\d(?:[ \t]\d)+){1,5}(?![\w]|[.,]\d)"
)


def _found_read_back_in_groups(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    for match in _READ_BACK_IN_GROUPS.finditer(text):
        groups = match.group(0).split(",")
        value = " ".join(re.sub(r"\D", "", group) for group in groups)
        if not 7 <= len(value.replace(" ", "")) <= 19:
            continue
        yield from _read_instead(text, match.start(), match.end(), value, policy)


def _found_digit_by_digit(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    yield from _found_read_back_in_groups(text, policy)
    for match in _DIGIT_BY_DIGIT.finditer(text):
        groups = _WIDE_GAP.split(match.group(0))
        if len(groups) < 2:
            # One digit a space throughout: the identifiers have it, not an account's or a
            # document's number labelled further back ("account number, as printed on the
            # card, is 5 1 8 …"), read joined after its label (test35 forms).
            value = re.sub(r"\D", "", match.group(0))
            yield from _read_instead(
                text, match.start(), match.end(), value, policy, _LABELLED_KINDS
            )
            continue
        value = " ".join(re.sub(r"\D", "", group) for group in groups)
        yield from _read_instead(text, match.start(), match.end(), value, policy)


# A number typed in keycap emoji ("0️⃣7️⃣7️⃣ …": a digit, an optional variation selector and
# the combining keycap): read as the digits it shows, in its groups, so the identifier's own
# shape and check decide as for one typed plainly (test40 forms).
_KEYCAP = re.compile(r"(\d)\ufe0f?\u20e3")
_KEYCAP_RUN = re.compile(r"\d\ufe0f?\u20e3(?:[ \t.-]{0,2}\d\ufe0f?\u20e3){5,18}")


def _found_as_keycaps(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    # Read in the whole message, the words after the number too ("… the council's line?").
    for match in _KEYCAP_RUN.finditer(text):
        value = _KEYCAP.sub(r"\1", match.group(0))
        start, stop = match.start(), match.start() + len(value)
        probe = text[:start] + value + text[match.end() :]
        for finding in _numbers_read_as(probe, policy):
            if finding.kind in _JOINED_KINDS and start < finding.end and finding.start < stop:
                yield PIIFinding(finding.kind, start, match.end())


# A social security number with its key named ("1.840.769.123.045 clé 48", "… key 48"), its
# digits grouped by dots, dashes or spaces: read joined with its key, so the key's check
# decides, as for one typed whole (test40 forms).
_KEYED = re.compile(
    r"(?<![\w.,])\d(?:[ .-]?\d){12}[ \t]*[,(]?[ \t]*(?i:la\s+)?(?i:cl[eé]|key)(?!\w)"
    r"[ \t]*[:=]?[ \t]*\d{2}(?![\w])"
)


def _found_with_their_key(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    for match in _KEYED.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if not checksums.fr_nir_valid(digits):
            continue  # a key that fails is a number asked about, judged as typed
        value = f"{digits[:13]} {digits[13:]}"
        yield from _read_instead(text, match.start(), match.end(), value, policy)


# An identifier given in two halves far apart, each named as its start and its end ("… starts
# PW 31. … I found the rest on another payslip: 58 72 A", "Le début … : HL 06. … la fin : 39 82
# A"): the halves are read joined, so the identifier's own check decides, and each half is
# withheld where it stands (test40 forms).
_START_NAMED = re.compile(
    r"(?i:\b(?:starts?(?:\s+with)?|begins?\s+with|(?:the\s+)?first\s+(?:part|half|bit)"
    r"(?:\s+is)?|(?:le\s+)?d[ée]but(?:\s+est)?|commence\s+par"
    r"|(?:la\s+)?premi[èe]re\s+(?:partie|moiti[ée]))\b)[^\d\n.?!]{0,40}?"
    rf"(?P<part>{_PART})"
)
_END_NAMED = re.compile(
    r"(?i:\b(?:the\s+)?(?:rest|end|last\s+(?:part|half|bit)|second\s+(?:part|half))"
    r"|\b(?:la\s+)?(?:fin|suite|derni[èe]re\s+partie|seconde\s+partie|deuxi[èe]me\s+partie)"
    r"|\ble\s+reste)\b[^\n]{0,40}?"
    rf"(?P<part>{_PART})"
)


def _found_apart(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    for first in _START_NAMED.finditer(text):
        second = _END_NAMED.search(text, first.end(), min(len(text), first.end() + 300))
        if second is None:
            continue
        value = f"{first.group('part')} {second.group('part')}"
        start, end = first.start("part"), second.end("part")
        kinds = {f.kind for f in _read_instead(text, start, end, value, policy)}
        for kind in sorted(kinds):
            yield PIIFinding(kind, *first.span("part"))
            yield PIIFinding(kind, *second.span("part"))


# A National Insurance number dictated in parts, its two letters apart or its final letter
# named as a part ("J G, then 10 37 58, and the letter D at the end", "P W, puis 31 58 72, et
# la lettre A à la fin"): read joined, so the number's own rules decide (test42, spent). At
# least one link word stands between its parts (one typed whole is read as typed).
_NINO_LETTERS = r"(?P<prefix>(?<![\w])[A-Z][ ]?[A-Z])"
_NINO_DIGITS = r"(?P<digits>\d{2}(?:[ ]?\d{2}){2})"
_NINO_SUFFIX = (
    r"(?:(?i:(?:the[ \t]+|la[ \t]+)?(?:final[ \t]+|last[ \t]+|derni[èe]re[ \t]+)?"
    r"(?:letter|lettre)[ \t]+))?(?P<suffix>[A-D])(?![\w])"
    r"(?:[ \t]+(?i:at[ \t]+the[ \t]+end|[àa][ \t]+la[ \t]+fin))?"
)
_NINO_IN_PARTS = re.compile(
    rf"{_NINO_LETTERS}(?P<g1>{_GLUE}|[ \t]+){_NINO_DIGITS}(?P<g2>{_GLUE}|[ \t]+){_NINO_SUFFIX}"
)


def _found_in_parts(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    for match in _NINO_IN_PARTS.finditer(text):
        if not (match.group("g1").strip() or match.group("g2").strip()):
            continue
        value = match.group("prefix").replace(" ", "") + " " + match.group("digits")
        value += " " + match.group("suffix")
        yield from _read_instead(text, match.start(), match.end(), value, policy)
    folded = lower_aligned(text)
    for match in _IN_PARTS.finditer(text):
        # The link words are no part ("Last 8: …" gives no "8").
        between = _GLUE_RE.split(match.group(0))
        parts = [m.group(0) for piece in between for m in _ONE_PART.finditer(piece)]
        value = " ".join(parts)
        digits = "".join(ch for ch in value if ch.isalnum())
        # A joined number that fails its check in a message doubting it (a key named after a
        # NIR in a scam: "… 123 456 key 41. Does the council send this?") is judged as typed,
        # by the whole message (test42, spent).
        yield from (
            f
            for f in _read_instead(text, match.start(), match.end(), value, policy)
            if not rejected_failing_number(folded, f.kind, digits)
        )
    for match in _DROP_DIGIT.finditer(text):
        window = text[max(0, match.start() - 40) : match.start()]
        number = re.search(r"\d(?:[\d ]{0,38}\d)?$", window)
        if number is None:
            continue
        start, end = match.start() - len(number.group(0)), match.start()
        digits = re.sub(r"\D", "", number.group(0))
        last = (match.group("en") or match.group("fr")).lower() in ("last", "final", "dernier")
        yield from _read_instead(text, start, end, digits[:-1] if last else digits[1:], policy)


def _found_spoken(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    """Personal data read out in words, found as if typed: each run is replaced by what it reads
    as ("four seven one six, …" -> "4716…", "quarante-deux Millbrook Crescent" -> "42 …") in a
    copy that every detector but the learned tagger and this reader reads, and what they find
    touching a run is given the run's place in `text`. The same checks decide. The copy is not
    read out again: a reading can read as itself ("O two 4" -> "O24", a capital and digits),
    and reading it again never ended.

    This pass comes on top of the one on the message as written, not instead of it: some data
    is found only in the words as written and lost in their typed reading (a spelt house number
    the address rule reads before its street, "OH 36 08 23 A" whose letters are a National
    Insurance number's, typed digits before a word that is not part of them: "… 596 three
    times"). One pass on the copy alone changed 3 decisions on the team's sets and failed 3
    personal-data tests (benchmarks/README.md, 5 December 2026)."""
    runs = list(spoken_identifiers(text))
    if not runs:
        return
    replaced = replace_runs(text, runs)
    for finding in find_pii(replaced.text, policy, read_out=False):
        if any(finding.start < end and start < finding.end for start, end in replaced.spans):
            yield PIIFinding(finding.kind, *replaced.original(finding.start, finding.end))


# The writer's aside between two dashes inside a value or between its label and it ("07700 —
# that's the mobile — 900…", "JT 48 — hang on, the card's faded — 27 19 C", "lucas point
# marchetti — tout en minuscules — arobase …"): the value is read as if the aside were not
# there (test33 forms). No digits inside the aside: two numbers with words between are two.
_ASIDE = re.compile(
    r"(?<=\w)(?:[ \t]*[\u2013\u2014][ \t]*|[ \t]+-[ \t]+)[^\u2013\u2014\d\n]{2,70}?"
    r"(?:[ \t]*[\u2013\u2014][ \t]*|[ \t]+-[ \t]+)(?=\w)"
)


def _found_in_a_copy(
    text: str,
    policy: PIIPolicy,
    runs: list[tuple[int, int, str]],
    kept: Callable[[PIIFinding, Sequence[tuple[int, int]]], bool],
) -> Iterator[PIIFinding]:
    """What is found in a copy of `text` with each run replaced, that `kept` keeps (given the
    replacements' spans in the copy); reported at its place in `text`."""
    if not runs:
        return
    replaced = replace_runs(text, runs)
    for finding in find_pii(replaced.text, policy, read_out=False):
        if kept(finding, replaced.spans):
            yield PIIFinding(finding.kind, *replaced.original(finding.start, finding.end))


def _found_across_asides(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    """What is found in a copy with each aside read as one space, where it runs across an
    aside or starts right after one; reported at its place in `text`."""
    return _found_in_a_copy(
        text,
        policy,
        [(m.start(), m.end(), " ") for m in _ASIDE.finditer(text)],
        lambda finding, spans: any(
            (finding.start < end and start < finding.end) or finding.start == end
            for start, end in spans
        ),
    )


# A question asking for a labelled number, answered by the number right after it, on the same
# line or on the next line that is not blank, as a reply under a quoted question stands ("> Quel
# est le numéro de compte … ?⏎⏎402 915 837.", "What's your council tax account number? 5172…"):
# the number is read as if the question's label were its field's (test36, spent).
_ANSWERED = re.compile(r"(?<=\w)[ \t]*\?(?:[ \t]*(?:\r?\n)[ \t>]*)*[ \t]*(?=\d)")
# Only the kinds a label makes: an account's or a document's number.
_ANSWERED_KINDS = frozenset({"account_number", "document_number"})


# A value split across two messages of a pasted chat, each line opened by its time ("reply to
# tamsin.o⏎[09:14] @example.org", "4539 1488⏎10:15 0343 6467"): read joined, the time left out
# (test42, spent). Only where the value's halves meet: digits on both sides (read with a space
# between, so the identifier's own shape and check decide) or an e-mail's "@" or "." at the
# join (read with nothing between). The sender's name may stand after the time ("[09:14]
# Tamsin: @example.org").
_CHAT_BREAK = re.compile(
    r"(?<=[\w.@+-])[ \t]*\r?\n[ \t>]*(?:\[[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ \t]+)?"
    r"\d{1,2}[:h.]\d{2}(?::\d{2})?[ \t]*(?:[ap]m)?[ \t]*\]|\(?\d{1,2}:\d{2}(?::\d{2})?\)?)"
    r"[ \t]*(?:[-–:][ \t]*)?(?:[^\W\d_][\w'’-]{0,20}[ \t]*:[ \t]+)?(?=[\w.@+-])"
)


def _chat_joins(text: str) -> list[tuple[int, int, str]]:
    runs: list[tuple[int, int, str]] = []
    for match in _CHAT_BREAK.finditer(text):
        left, right = text[match.start() - 1], text[match.end()]
        if left.isdigit() and right.isdigit():
            runs.append((match.start(), match.end(), " "))
        elif left in "@." or right in "@.":
            runs.append((match.start(), match.end(), ""))
    return runs


def _found_across_chat_lines(text: str, written: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    """What is found in a copy with each chat line's break and time read away where a value
    runs on across it, where it runs across such a join; reported at its place in `text`.
    The breaks are looked for in the message as `written` (same offsets as `text`, whose
    line breaks between digits are read as spaces)."""
    return _found_in_a_copy(
        text,
        policy,
        _chat_joins(written),
        lambda finding, spans: (
            any(finding.start < end and start <= finding.end for start, end in spans)
            and finding.kind in _JOINED_KINDS | {"email"}
        ),
    )


# Text pasted over line breaks that cut a value (test45 forms), read once joined:
# - a word cut by a hyphen at a line's end, as a PDF's copied text has it ("Aurélien DUPON-⏎TEL,
#   apiculteur"): read as one word, without the hyphen, unless the part after it opens with a
#   capital after a small letter (a compound name cut at its own hyphen, "Jean-⏎Pierre",
#   keeps it);
# - a value split over two pasted messages or quoted lines, the next line opened by its
#   marker ("(msg 1) … is EX2⏎(msg 2) 3HD …", "> 2 79 05 13 055⏎> 318 95", "[10:15] Gran:
#   …"): read with a space for the break and the marker, so the identifier's own shape and
#   check decide.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t>]*(?=[^\W\d_])")
_MESSAGE_BREAK = re.compile(
    r"(?<=[A-Za-z0-9])[ \t]*\r?\n[ \t]*(?:>[ \t>]*|\(?(?i:msg|message|sms|texte?|part|partie)"
    r"[ \t]*#?\d{1,2}\)?[ \t]*[:.)-]?|\[[^\]\n]{1,30}\])[ \t]*"
    r"(?:[^\W\d_][\w'’-]{0,20}[ \t]*:[ \t]+)?(?=[A-Za-z0-9])"
)
# A UK postcode cut at its space by a line break, as a copy-paste leaves it ("EX2⏎8LQ"): its
# outward code ends one line, its inward code opens the next (test47 forms). Capitals only.
_POSTCODE_BREAK = re.compile(
    r"(?<![\w])[A-Z]{1,2}\d[A-Z\d]?(?P<break>[ \t]*\r?\n[ \t]*)\d[A-Z]{2}(?![\w])"
)
# What a split message's joined lines may hold: identifiers and postcodes (a name read across
# two lines would take the next line's first word); a cut word, a name too.
_ACROSS_MESSAGES_KINDS = _JOINED_KINDS | _LABELLED_KINDS | {"postcode", "email", "passport"}
_ACROSS_CUT_WORD_KINDS = _ACROSS_MESSAGES_KINDS | {"name", "first_name", "name_dob_address"}


def _line_joins(text: str) -> list[tuple[int, int, str]]:
    runs: list[tuple[int, int, str]] = []
    for match in _HYPHEN_BREAK.finditer(text):
        compound = text[match.start() - 1].islower() and text[match.end()].isupper()
        runs.append((match.start(), match.end(), "-" if compound else ""))
    for match in _MESSAGE_BREAK.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end, _ in runs):
            runs.append((match.start(), match.end(), " "))
    for match in _POSTCODE_BREAK.finditer(text):
        start, end = match.span("break")
        if not any(a < end and start < b for a, b, _ in runs):
            runs.append((start, end, " "))
    return sorted(runs)


def _found_across_pasted_lines(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    """What is found in one copy of `text` with every cut word and split message joined, where
    it runs across a join; reported at its place in `text`."""
    runs = _line_joins(text)
    cut_word = [value != " " for _, _, value in runs]

    def kept(finding: PIIFinding, spans: Sequence[tuple[int, int]]) -> bool:
        return any(
            finding.start < end
            and start <= finding.end
            and finding.kind in (_ACROSS_CUT_WORD_KINDS if cut else _ACROSS_MESSAGES_KINDS)
            for (start, end), cut in zip(spans, cut_word, strict=True)
        )

    return _found_in_a_copy(text, policy, runs, kept)


# A postcode spelt letter by letter with the space between its halves said as a word ("E X 3
# espace 4 N W", "EX1 space 6BJ"): read as typed, so the postcode rules decide (test42,
# spent). Capitals only: words are no postcode's letters.
_SPACE_SAID = re.compile(
    r"(?<![\w])(?P<out>[A-Z](?:[ \t]*[A-Z])?(?:[ \t]*\d){1,2}(?:[ \t]*[A-Z])?)[ \t]*,?[ \t]*"
    r"(?i:espace|space)[ \t]*,?[ \t]*(?P<in>\d[ \t]*[A-Z][ \t]*[A-Z])(?![\w])"
)


def _found_with_the_space_said(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    runs = [
        (
            m.start(),
            m.end(),
            re.sub(r"\s", "", m.group("out")) + " " + re.sub(r"\s", "", m.group("in")),
        )
        for m in _SPACE_SAID.finditer(text)
    ]
    return _found_in_a_copy(
        text,
        policy,
        runs,
        lambda finding, spans: (
            finding.kind == "postcode"
            and any(finding.start < end and start < finding.end for start, end in spans)
        ),
    )


# A National Insurance number typed in a hurry with O or o for 0 and l or I for 1 in its digits
# ("PW 73 O5 9l A", "JG lO 37 58 D"): its digits read as meant, so its own rules decide (test42,
# spent). Only inside its six digits, between its two letters and its final one, and with at
# least three typed as digits: a word is never read so.
_NINO_SLIPS = re.compile(
    r"(?<![\w])(?P<prefix>[A-Z]{2})[ \t]?(?P<digits>[0-9OolI]{2}(?:[ \t]?[0-9OolI]{2}){2})"
    r"[ \t]?(?P<suffix>[A-D])(?![\w])"
)
_SLIPS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def _found_with_nino_slips(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    runs = []
    for m in _NINO_SLIPS.finditer(text):
        digits = m.group("digits")
        typed = sum(ch.isdigit() for ch in digits)
        if typed == 6 or typed < 3:
            continue
        value = f"{m.group('prefix')} {digits.translate(_SLIPS)} {m.group('suffix')}"
        runs.append((m.start(), m.end(), value))
    return _found_in_a_copy(
        text,
        policy,
        runs,
        lambda finding, spans: (
            finding.kind == "uk_nino"
            and any(finding.start < end and start < finding.end for start, end in spans)
        ),
    )


def _found_as_answers(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    """What is found in a copy with each question mark before its answer read as a colon,
    where it starts right after one; reported at its place in `text`."""
    return _found_in_a_copy(
        text,
        policy,
        [(m.start(), m.end(), ": ") for m in _ANSWERED.finditer(text)],
        lambda finding, spans: (
            finding.kind in _ANSWERED_KINDS and any(finding.start == end for _, end in spans)
        ),
    )


def _zeroed(text: str, finding: PIIFinding) -> bool:
    """A number of zeros only ("00-00-00", "00000000"): a form's placeholder, nobody's number,
    whatever its label (test37 forms). A letter or another digit in it keeps it a value. A
    phone whose subscriber part is zeros after its prefix ("06 00 00 00 00", "+33 6 00 00 00
    00", "07700 000000") is a placeholder too: no line is numbered so (test58, spent)."""
    value = text[finding.start : finding.end]
    if any(ch.isalpha() for ch in value):
        return False
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) >= 4 and set(digits) == {"0"}:
        return True
    return finding.kind == "phone" and _PLACEHOLDER_PHONE.fullmatch(digits) is not None


# A phone's digits with eight zeros or more after at most three significant digits, whatever
# its country code or trunk zero: a form's placeholder.
_PLACEHOLDER_PHONE = re.compile(r"(?:00|)(?:33|44|)0?[1-9]\d{0,2}0{8,}")


_CARD_DIGITS = re.compile(r"\d(?:[ -]?\d){12,18}")


def _a_disowned_failing_card(finding: PIIFinding, text: str, folded: str) -> bool:
    """A card's number read by its field's name ("…?card=4539…" in a link) that fails Luhn, in a
    message that disowns it or calls it a scam's: the number asked about (test40 forms)."""
    number = _CARD_DIGITS.search(text, finding.start, finding.end)
    return (
        finding.kind in ("payment_card", "account_number")
        and number is not None
        and rejected_failing_card(folded, number.start(), number.group(0))
    )


def _a_disowned_failing_iban(finding: PIIFinding, text: str, folded: str) -> bool:
    """An IBAN read by any reader (a link's "?iban=…" value, a pasted field) that fails its
    mod-97 check, in a message that disowns it or calls it a scam's: the number the writer asks
    about, as `find_ibans` judges one typed in the sentence (test50, spent)."""
    value = "".join(ch for ch in text[finding.start : finding.end] if ch.isalnum()).upper()
    return (
        finding.kind == "iban"
        and not checksums.iban_valid(value)
        and rejected_failing_number(folded, "iban", value)
    )


# Characters that show nothing, pasted from a PDF or a web page inside a name, a number or a
# postcode ("Lebre\u200bton", "EX3\u200b4NW"): the finders read the text without them (test42,
# spent). Other Unicode spaces (no-break, narrow, figure) are read as spaces by `fold_aligned`.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]+")
_WORDS_APART = re.compile("[a-zà-ÿ][\u00ad\u200b-\u200d\u2060\ufeff]+[A-ZÀ-Þ]")


def find_pii(
    text: str, policy: PIIPolicy, tagger: SpanTagger | None = None, *, read_out: bool = True
) -> tuple[PIIFinding, ...]:
    """Personal data of the kinds the policy enables; offsets index `text`. With `read_out`
    (always, but for `_found_spoken`'s own typed copy), data read out in words is found too.

    With a `tagger`, names and addresses that no rule introduced are found by the learned
    span tagger too (`pii_spans`), then judged by their context (`find_identity`).
    """
    # Inside a word it joins the word; before a capital after a small letter it stood for the
    # space between two words ("Fennimore\u200bCraswell").
    invisible = [
        (m.start(), m.end(), " " if _WORDS_APART.match(text, m.start() - 1) else "")
        for m in _INVISIBLE.finditer(text)
        if m.start() > 0
    ]
    if invisible:
        # Read as if the invisible characters were not there; reported at their place.
        copy = replace_runs(text, invisible)
        return tuple(
            PIIFinding(f.kind, *copy.original(f.start, f.end))
            for f in find_pii(copy.text, policy, tagger, read_out=read_out)
        )
    aligned = filenames_as_words(_digit_lines_joined(fold_aligned(text)))
    folded = lower_aligned(aligned)
    contact = policy.contact
    # Read out in words first: a run that holds typed digits too ("4716 2705 trois neuf …") is
    # one identifier, not the account number its typed half looks like.
    found: list[PIIFinding] = [*_found_spoken(aligned, policy)] if read_out else []
    found += find_ibans(aligned, folded)
    found += find_lettered_identifiers(aligned, folded)
    found += find_digit_identifiers(aligned, folded)
    found += find_national_numbers(aligned, folded)
    found += find_emails(aligned, contact)
    found += find_disguised_emails(aligned, folded, contact)
    found += find_own_websites(aligned, folded)
    found += find_names_in_links(aligned)
    found += find_account_numbers_in_links(aligned)
    found += [*find_ip_addresses(aligned, folded), *find_vehicle_plates(aligned, folded)]
    # A French RIB whose key holds (issue 12, fixer P7, after test59).
    found += [*find_credentials_and_documents(aligned), *find_french_ribs(aligned)]
    found += [*find_file_references(aligned), *names_in_file_names(text)]
    found += find_machine_readable_lines(aligned)
    # Digits inside an IBAN's shape are the IBAN's, found or left by its check (test29 forms).
    ibans = iban_shaped_spans(aligned)
    found += [
        f
        for f in find_phones(aligned, folded, contact)
        if not any(start <= f.start and f.end <= end for start, end in ibans)
    ]
    # Not dead beside `_found_spoken`: the only reader of a phone read out after "plus" (+44 …)
    # or with "o" for zero ("o seven seven o o nine …"), which the identifier reader leaves out.
    found += find_spoken_phones(folded, contact)
    found += _found_in_parts(aligned, policy)
    found += _found_digit_by_digit(aligned, policy)
    found += _found_as_keycaps(aligned, policy)
    found += _found_with_their_key(aligned, policy)
    found += _found_apart(aligned, policy)
    learned = tagger.spans(aligned) if tagger is not None else []
    found += find_identity(aligned, folded, learned)
    found += find_postcodes(
        aligned,
        folded,
        private_street_ends(aligned, folded),
        public_street_ends(aligned, folded),
    )
    found += _found_in_tables(text, policy)
    # Values read by their field's name (test27 forms) where nothing else found anything: a
    # value found already keeps its detector's extent.
    found += [
        f
        for f in find_in_fields(text, lambda probe: find_pii(probe, policy, read_out=read_out))
        if not any(f.start < o.end and o.start < f.end for o in found)
        and not the_organisation_s(f, aligned, folded, policy.contact)
        and not _a_disowned_failing_card(f, aligned, folded)
    ]
    # A list of public places pasted as CSV: the tagger's addresses in its rows are the
    # places' too (test35 forms). A spreadsheet formula's function name or cells are never a
    # name (test44 forms).
    found = [
        f
        for f in found
        if not in_a_public_place_s_row(f, text)
        # A hall or a meeting room named before the address (issue 12, fixer P7, test59).
        and not at_a_community_venue(f, text)
        and not (f.kind in _NAMES and a_formula_s_word(aligned, f.start, f.end))
        and not (f.kind in _NAMES and in_a_table_s_header(f, text))
    ]
    if read_out:
        # A copy of the message (a reading of it) searched again without this pass: by the
        # rules alone, or by the rules and the tagger.
        rules_again = functools.partial(find_pii, policy=policy, read_out=False)
        tagged_again = functools.partial(find_pii, policy=policy, tagger=tagger, read_out=False)
        # Slips inside numbers (test27 forms): read once, in a copy read without this pass.
        found += find_with_slips(aligned, rules_again)
        found += _found_across_asides(aligned, policy)
        found += _found_as_answers(aligned, policy)
        # Values split over chat lines, pasted messages, quoted lines or a cut word (test45).
        found += [
            *_found_across_chat_lines(aligned, text, policy),
            *_found_across_pasted_lines(aligned, policy),
        ]
        found += _found_with_the_space_said(aligned, policy)
        found += _found_with_nino_slips(aligned, policy)
        found += [
            *find_across_separators(aligned, rules_again),
            # One character a box, as a PDF form copies out (issue 12, fixer P7, test59).
            *find_in_boxes(aligned, rules_again),
        ]
        found += [
            # Keypad letters for a phone's digits, data inside a link's values (test43 forms).
            *find_keypad_phones(aligned, rules_again),
            *find_in_link_values(aligned, tagged_again),
            *find_names_in_handles(aligned, tagged_again),
            # Names and postcodes spelt with a spelling alphabet (test47 forms for postcodes).
            *find_spelt_names(aligned, tagged_again),
            *find_spelt_postcodes(aligned, rules_again),
            # Said in a lower-case spelling alphabet: read again in full, capitalised (test49).
            *find_postcodes_in_lower_case_alphabet(
                aligned, functools.partial(find_pii, policy=policy)
            ),
            *find_dates_in_french_words(aligned, tagged_again),
            *find_dates_in_english_words(aligned, tagged_again),
        ]
        # Read out with its fillers: read again in full without them (no filler is left).
        found += find_across_fillers(aligned, lambda copy: find_pii(copy, policy, tagger))
    # A guide's, a form's or a video's example person quoted in a how-to question: nobody's
    # (issue 12, fixer P6, after test57; `pii_samples`).
    samples = samples_shown(folded)
    kept = _without_overlaps(
        _whole_words(text, f)
        for f in found
        if f.kind in policy.kinds
        and not _shown_as_example(folded, f)
        and not in_a_shown_sample(f, samples)
        and not _zeroed(aligned, f)
        and not _a_disowned_failing_iban(f, aligned, folded)
    )
    # A value taken back and given again ("… sorry, use …"): both are data (test27 forms).
    again = [f for f in corrected_values(aligned, kept) if not _shown_as_example(folded, f)]
    return _without_overlaps([*kept, *again]) if again else kept


def redact(text: str, findings: Iterable[PIIFinding]) -> str:
    """The text with each finding replaced by a placeholder such as [IBAN]."""
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        parts.append(text[position : finding.start])
        parts.append(f"[{finding.kind.upper()}]")
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
