"""The impact assessment published beside the transparency record (/transparency/impact).

It answers, for this installation, the questions of the Government of Canada's Algorithmic
Impact Assessment (AIA) questionnaire, the tool that the Treasury Board's Directive on
Automated Decision-Making requires, that apply to an assistant which gives information and
decides nothing about anyone; and the public-value criteria an assessor asks about: purpose and
public interest, fairness across languages, legality and data protection, human oversight,
participation and complaints. The questions are written here in our own words.

Two kinds of answer are kept apart, as the page shows them:

- **computed** facts, from what runs: the settings, the guard policy, the knowledge base, the
  log's figures of the transparency record (`RecordParts`) and the frozen-split evaluation
  figures it publishes (web/transparency/evaluation.yaml);
- the organisation's own **statements**, from the optional `impact:` section of its
  organisation file (`ImpactStatements`), dated by their `reviewed` day.

Every sentence is an English msgid translated with the catalogs (`Translate`); the JSON is
in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from web.i18n import N_
from web.transparency.evaluation import EvaluationFigure
from web.transparency.impact_texts import ImpactStatements
from web.transparency.record import JsonObject, RecordParts

IMPACT_VERSION = 1
FRAMEWORK = {
    "directive": "Directive on Automated Decision-Making (Treasury Board of Canada Secretariat)",
    "questionnaire": "Algorithmic Impact Assessment (AIA) tool",
    "url": "https://www.canada.ca/en/government/system/digital-government/digital-government-innovations/responsible-use-ai/algorithmic-impact-assessment.html",
}

Translate = Callable[[str], str]

_LANGUAGE_TAG = re.compile(r"^(?P<set>.*?)\s*\((?P<lang>[a-z]{2,3})\)$")


def _english(message: str) -> str:
    return message


@dataclass(frozen=True)
class OversightFacts:
    """How people stand behind the assistant, from the settings and the organisation file."""

    opening_hours: str  # as citizens are told them, in the page's language
    always_open: bool
    teams: tuple[str, ...]
    minutes_per_case: int
    draft_approval_topics: tuple[str, ...]
    transcript_purposes: int  # the fixed reasons an oversight user must give to read words
    languages: tuple[str, ...]


@dataclass(frozen=True)
class ImpactParts:
    record: RecordParts
    oversight: OversightFacts
    statements: ImpactStatements | None


@dataclass(frozen=True)
class LanguagePair:
    """One measure of the frozen split, side by side per language."""

    set: str
    measure: str
    by_language: dict[str, EvaluationFigure]


def language_pairs(figures: tuple[EvaluationFigure, ...]) -> list[LanguagePair]:
    """Frozen-split figures measured in more than one language, grouped by set and measure.

    A set's language is its name's trailing tag, "(en)" or "(fr)"; figures of other sets (the
    held-out sets, the mixed "(en+fr)" lines) are not paired.
    """
    groups: dict[tuple[str, str], dict[str, EvaluationFigure]] = {}
    for figure in figures:
        if "frozen split" not in figure.set:
            continue
        found = _LANGUAGE_TAG.match(figure.set)
        if found is None:
            continue
        groups.setdefault((found["set"], figure.measure), {})[found["lang"]] = figure
    return [
        LanguagePair(name, measure, dict(sorted(by_language.items())))
        for (name, measure), by_language in groups.items()
        if len(by_language) > 1
    ]


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.1f} %"


def _question(
    key: str, aia: str | None, question: str, answer: list[str], tr: Translate
) -> JsonObject:
    return {
        "id": key,
        "aia_area": aia,
        "question": tr(question),
        "answer": [sentence for sentence in answer if sentence],
    }


def _purpose(parts: ImpactParts, tr: Translate) -> list[JsonObject]:
    record, oversight = parts.record, parts.oversight
    extractive = record.model.answer_mode == "extractive"
    how = (
        tr(N_("Answers are quoted from the organisation's own pages, without a language model."))
        if extractive
        else tr(
            N_(
                "Answers are written by the language model {model}, run on the organisation's "
                "own machines, from the organisation's pages only."
            )
        ).format(model=record.model.answer_mode)
    )
    kb = (
        tr(N_("Knowledge base version {version}.")).format(version=record.kb_version)
        if record.kb_version
        else tr(N_("No knowledge base has been ingested yet: every question is refused."))
    )
    approval = (
        tr(N_("A person approves answers on these topics before they are sent: {topics}.")).format(
            topics=", ".join(oversight.draft_approval_topics)
        )
        if oversight.draft_approval_topics
        else tr(N_("No topic is set for a person to approve answers before they are sent."))
    )
    return [
        _question(
            "purpose.what",
            "Reasons for automation",
            N_("What is the system for, and what does it do with a person's message?"),
            [
                tr(
                    N_(
                        "It answers general questions about the organisation's services from "
                        "the pages it publishes, and shows the page behind each answer."
                    )
                ),
                how,
                kb,
            ],
            tr,
        ),
        _question(
            "purpose.decision",
            "Decision",
            N_("Does the system make, or recommend, an administrative decision about a person?"),
            [
                tr(
                    N_(
                        "No. Each reply is one of four kinds: an answer with its sources, a "
                        "refusal when the pages do not cover the question, a handoff to a person, "
                        "or a notice that a message with personal data was not sent on. None "
                        "grants, refuses or changes a benefit, a permit or a case."
                    )
                ),
                approval,
            ],
            tr,
        ),
        _question(
            "purpose.reversible",
            "Impact assessment: reversibility",
            N_("If a reply is wrong, can its effect be undone?"),
            [
                tr(
                    N_(
                        "Yes: a reply changes no record. The person can ask a person at any "
                        "time with the button beside every reply, or use the phone, email and "
                        "address published with every page."
                    )
                ),
            ],
            tr,
        ),
    ]


def _fairness(parts: ImpactParts, tr: Translate) -> list[JsonObject]:
    evaluation = parts.record.evaluation
    pairs = language_pairs(evaluation.figures)
    return [
        {
            **_question(
                "fairness.languages",
                "Procedural fairness",
                N_("Does the system serve people as well in each language it offers?"),
                [
                    tr(N_("Languages offered: {languages}.")).format(
                        languages=", ".join(parts.oversight.languages)
                    ),
                    tr(
                        N_(
                            "The table puts the figures of each language side by side, measured "
                            "on {day} on the frozen test split (data the guards were never "
                            "trained or tuned on)."
                        )
                    ).format(day=evaluation.measured.isoformat())
                    if pairs
                    else tr(N_("No evaluation figures per language are published yet.")),
                ],
                tr,
            ),
            "by_language": [
                {
                    "set": pair.set,
                    "measure": pair.measure,
                    "figures": {
                        lang: {"hits": f.hits, "total": f.total, "share": f.share}
                        for lang, f in pair.by_language.items()
                    },
                    "gap_points": round(
                        (
                            max(f.share for f in pair.by_language.values())
                            - min(f.share for f in pair.by_language.values())
                        )
                        * 100,
                        1,
                    ),
                }
                for pair in pairs
            ],
        },
        _question(
            "fairness.failures",
            "Quality assurance",
            N_("What is it known to get wrong?"),
            [
                tr(
                    N_(
                        "{count} kinds of message it is known to get wrong are listed in the "
                        "transparency record, with the figures behind them."
                    )
                ).format(count=len(evaluation.known_failures))
            ],
            tr,
        ),
    ]


def _legality(parts: ImpactParts, tr: Translate) -> list[JsonObject]:
    guards, log = parts.record.guards, parts.record.log
    data_guard = (
        tr(N_("A message that looks like personal data is not sent on ({kinds})."))
        if guards.personal_data == "block"
        else tr(
            N_("Personal data is removed from a message before the assistant reads it ({kinds}).")
        )
    ).format(kinds=", ".join(guards.personal_data_kinds))
    return [
        _question(
            "legality.personal_data",
            "Data: personal information",
            N_("Does it use personal information, and what is kept of a conversation?"),
            [
                data_guard,
                tr(
                    N_(
                        "The log keeps, for each message and reply, its time, a random "
                        "conversation id, the decision, its reason and the pages cited, without "
                        "the words. The words are kept apart, encrypted with a key for each "
                        "conversation."
                    )
                ),
                tr(
                    N_(
                        "Each reply's entry also carries an estimate of the energy it used. How "
                        "long each kind of data is kept is the organisation's statement in the "
                        "transparency record."
                    )
                ),
            ],
            tr,
        ),
        _question(
            "legality.erasure",
            "Data: rights of the person",
            N_("Can a person have their conversation erased?"),
            [
                tr(
                    N_(
                        "Yes, with a button in the chat or by asking the organisation: the key "
                        "is deleted, so the words cannot be read again; the log keeps only a note "
                        "that an erasure happened."
                    )
                )
            ],
            tr,
        ),
        _question(
            "legality.record",
            "Transparency",
            N_("Can an outsider check what the system did?"),
            [
                tr(
                    N_(
                        "Every decision is an entry in a signed, append-only log of {size} "
                        "entries; its checkpoints are countersigned by {witnesses} witness(es) "
                        "and anyone can verify them."
                    )
                ).format(size=log.size, witnesses=len(log.witnesses)),
                tr(N_("Guard policy version {version}.")).format(version=guards.policy_version),
            ],
            tr,
        ),
    ]


def _oversight(parts: ImpactParts, tr: Translate) -> list[JsonObject]:
    facts, live = parts.oversight, parts.record.live
    hours = (
        tr(N_("People answer at any time."))
        if facts.always_open
        else tr(
            N_(
                "People answer live {hours}; outside these hours a person can leave a number "
                "for a call back."
            )
        ).format(hours=facts.opening_hours)
    )
    reached = (
        tr(
            N_(
                "In the last {days} days, {count} requests reached a person, after a median of "
                "{minutes} minutes."
            )
        ).format(
            days=parts.record.window_days,
            count=live.escalations_reached_by_a_person,
            minutes=f"{live.median_seconds_to_a_person / 60:.1f}",
        )
        if live.median_seconds_to_a_person is not None
        else tr(N_("In the last {days} days, no request for a person was taken up.")).format(
            days=parts.record.window_days
        )
    )
    return [
        _question(
            "oversight.handoff",
            "Human intervention",
            N_("Can a person take over a conversation, and how soon?"),
            [
                tr(
                    N_(
                        "Yes. Asking for a person, a complaint, a sign of danger, or an answer "
                        "that was not found puts the conversation in a queue that caseworkers "
                        "({teams}) take up in the console; a case takes about {minutes} minutes."
                    )
                ).format(teams=", ".join(facts.teams), minutes=facts.minutes_per_case),
                hours,
                reached,
            ],
            tr,
        ),
        _question(
            "oversight.review",
            "Monitoring",
            N_("Who checks its work afterwards, and how?"),
            [
                tr(
                    N_(
                        "An oversight role reads the log's statistics, draws samples of "
                        "conversations to review, and can read a conversation's words only after "
                        "giving one of {count} fixed reasons; that reading is itself logged."
                    )
                ).format(count=facts.transcript_purposes),
                tr(N_("It answers only when retrieval confidence is at least {threshold}.")).format(
                    threshold=parts.record.guards.answer_threshold
                ),
            ],
            tr,
        ),
    ]


def _participation(parts: ImpactParts, tr: Translate) -> list[JsonObject]:
    contact = parts.record.organisation.contact
    escalated = [name for name, action in parts.record.guards.categories if action == "escalate"]
    return [
        _question(
            "participation.feedback",
            "Consultation",
            N_("How can people say that a reply did not help, or complain?"),
            [
                tr(
                    N_(
                        "Each answer asks whether it helped; a No offers a person in one click. "
                        "Messages the guard reads as {kinds} go to a person."
                    )
                ).format(kinds=", ".join(escalated) or "–"),
                tr(N_("The organisation can be reached by phone {phone} or email {email}.")).format(
                    phone=contact.phone, email=contact.email
                ),
            ],
            tr,
        ),
    ]


SECTIONS: tuple[tuple[str, str, Callable[[ImpactParts, Translate], list[JsonObject]]], ...] = (
    ("purpose", N_("Purpose and public interest"), _purpose),
    ("fairness", N_("Fairness across languages"), _fairness),
    ("legality", N_("Legality and data protection"), _legality),
    ("oversight", N_("Human oversight"), _oversight),
    ("participation", N_("Participation and complaints"), _participation),
)
# Which of the organisation's statements belong beside each section.
SECTION_STATEMENTS = {
    "purpose": ("purpose", "public_interest", "alternatives", "impact_level"),
    "fairness": ("fairness",),
    "legality": ("legality", "data_protection"),
    "oversight": ("human_oversight",),
    "participation": ("participation", "complaints"),
}


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def build_impact(parts: ImpactParts, lang: str = "en", tr: Translate = _english) -> JsonObject:
    """The assessment in `lang` (sentences through `tr`); the JSON is English."""
    statements = parts.statements
    texts = statements.in_language(lang) if statements is not None else {}
    return {
        "impact_version": IMPACT_VERSION,
        "generated_at": _iso(parts.record.now),
        "framework": FRAMEWORK,
        "organisation": parts.record.organisation.name_in(lang),
        "record_url": "/transparency",
        "evaluation_measured": parts.record.evaluation.measured.isoformat(),
        "sections": [
            {
                "id": key,
                "title": tr(title),
                "computed": build(parts, tr),
                "statements": {
                    name: texts[name] for name in SECTION_STATEMENTS[key] if name in texts
                },
            }
            for key, title, build in SECTIONS
        ],
        "statements": {
            "published": statements is not None,
            "reviewed": statements.reviewed.isoformat() if statements is not None else None,
        },
    }
