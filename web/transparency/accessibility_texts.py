"""The accessibility statement's words, in the parts the model statement of Commission
Implementing Decision (EU) 2018/1523 asks for. The figures come from the run.

The English text is the msgid: the words shown come from the catalogs (web/locale, `make
messages`), like the rest of the public pages, so a new language is a catalog, not a code change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from web.i18n import N_

STATEMENT_TEXT: Mapping[str, str] = {
    "title": N_("Accessibility statement"),
    "intro": N_(
        "{org} wants everyone to be able to use {assistant}, whatever their abilities and "
        "whatever they use to browse. This statement follows the model of Directive (EU) "
        "2016/2102 on the accessibility of public sector websites. It covers the pages "
        "served at this address: the chat page and the widget, the staff consoles, the "
        "oversight pages, the transparency record and its impact assessment, this "
        "statement and the API documentation."
    ),
    "status_heading": N_("Compliance status"),
    "status_none": N_(
        "No accessibility test run is recorded for this installation, so its compliance "
        "status cannot be stated."
    ),
    "status_clean": N_(
        "These pages are partially compliant with the Web Content Accessibility "
        "Guidelines (WCAG) 2.1, level AA. The automated checks found no violation on any "
        "of the {pages} pages tested, and the keyboard-only and no-JavaScript journeys "
        "succeeded; but the criteria that need a person's judgement have not all been "
        "assessed (see below)."
    ),
    "status_violations": N_(
        "These pages are partially compliant with the Web Content Accessibility "
        "Guidelines (WCAG) 2.1, level AA: the latest run found {violations} problem(s), "
        "listed below."
    ),
    "status_journeys": N_("At least one journey failed in the latest run (see the table below)."),
    "stale": N_(
        "The pages have changed since this run; until it is repeated, its results may not "
        "describe them."
    ),
    "content_heading": N_("Content that is not accessible"),
    "content_found": N_("Found by the latest run:"),
    "content_known": N_("Known limits, and why:"),
    "known_judgement": N_(
        "Automated checks find only part of the problems WCAG describes. Whether "
        "headings, labels and link texts are meaningful, and whether replies read "
        "clearly, has been checked by the people who build these pages but not audited by "
        "an outside expert or tested with users of screen readers."
    ),
    "known_replies": N_(
        "Replies are written by software from the organisation's own pages. They can be "
        "harder to read than plain language; you can always ask for a person instead."
    ),
    "known_links": N_(
        "Pages that replies link to are published by the organisation's website and are "
        "outside this statement: their own accessibility statements apply."
    ),
    "known_docs": N_(
        "The API documentation (/docs) is a tool for developers built on Swagger UI; it "
        "passes the automated checks but has not been tried with a screen reader."
    ),
    "preparation_heading": N_("Preparation of this statement"),
    "preparation": N_(
        "This statement was prepared on {date}. The method was a self-assessment: "
        "axe-core {axe} ran in {browser} with the WCAG 2.0 and 2.1 level A and AA rules "
        "over every page listed below, in the project's browser tests; the same tests "
        "asked a question and reached a person with the keyboard alone and with "
        "JavaScript turned off. The results below are those of that run, written by the "
        "test itself."
    ),
    "table_caption": N_("Results of the latest run"),
    "col_page": N_("Page"),
    "col_address": N_("Address"),
    "col_violations": N_("Problems found"),
    "col_rules": N_("Rules passed"),
    "journeys_caption": N_("Journeys"),
    "col_journey": N_("Journey"),
    "col_result": N_("Result"),
    "passed": N_("succeeded"),
    "failed": N_("failed"),
    "feedback_heading": N_("Feedback and contact information"),
    "feedback": N_(
        "If you find a problem that is not listed here, or you need the information on "
        "these pages in another form, tell us:"
    ),
    "phone": N_("Phone"),
    "email": N_("Email"),
    "post": N_("Post"),
    "contact_page": N_("Contact page"),
    "enforcement_heading": N_("Enforcement procedure"),
    "enforcement": N_(
        "If our reply to your feedback, or to a request for accessible information, does "
        "not satisfy you, you can complain to the body that enforces the accessibility "
        "rules for public sector websites in the organisation's country. Each Member "
        "State of the European Union names one under Article 9 of Directive (EU) "
        "2016/2102."
    ),
    "enforcement_body": N_("For {org}, that body is:"),
    "back": N_("Back to the assistant"),
    "record": N_("Transparency record"),
}

# The journeys' names as the table shows them (the run file keeps the stable keys).
JOURNEY_NAMES: Mapping[str, str] = {
    "keyboard": N_("Ask a question and reach a person with the keyboard alone"),
    "no-javascript": N_("Ask a question and reach a person with JavaScript turned off"),
}


def in_language(texts: Mapping[str, str], gettext: Callable[[str], str]) -> dict[str, str]:
    """`texts` (STATEMENT_TEXT or JOURNEY_NAMES) in the language `gettext` translates to."""
    return {key: gettext(message) for key, message in texts.items()}
