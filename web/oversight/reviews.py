"""Review samples: draw conversations at random, rate their answers, see the results.

A sample is drawn from the conversations that got at least one answer in a time range,
with a seed so the same sample can be drawn again (and shown to a second reviewer). A
rating is a `review` log entry (labels only) naming the answer's entry; the results and
the CSV export are read back from those entries, so they cannot drift from the log.
"""

from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from audit.entries import InvalidEntry, decode_entry
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from web.oversight.facets import FacetIndex, FacetQuery

# The short form: each question is answered yes / no / unsure.
QUESTIONS: dict[str, str] = {
    "correct": "Is the answer correct?",
    "cited": "Do its sources support it?",
    "appropriate": "Is it appropriate (tone, language, no advice it should not give)?",
    "should_have_escalated": "Should it have gone to a person instead?",
}
ANSWERS = ("yes", "no", "unsure")
MAX_SAMPLE = 200


class InvalidReview(ValueError):
    """A rating that does not fit the form, or names something that is not an answer."""


@dataclass(frozen=True)
class SampleItem:
    conversation: str
    answers: int


@dataclass(frozen=True)
class Review:
    index: int
    ts: str
    conversation: str
    answer: int
    reviewer: str
    ratings: dict[str, str]


def draw_sample(
    facets: FacetIndex, start: datetime | None, end: datetime | None, size: int, seed: int
) -> list[SampleItem]:
    """Up to `size` conversations with answers in the range, drawn with `seed`."""
    if not 1 <= size <= MAX_SAMPLE:
        raise InvalidReview(f"a sample has 1 to {MAX_SAMPLE} conversations")
    query = FacetQuery(since=start, until=end, type="answer")
    candidates = [
        SampleItem(str(conversation), int(str(count)))
        for conversation, count in facets.counts(query, ["conversation"])
        if conversation
    ]
    chosen = random.Random(seed).sample(candidates, min(size, len(candidates)))
    return sorted(chosen, key=lambda item: item.conversation)


def record_review(
    log: TransparencyLog,
    reviewer: str,
    conversation: str,
    answer: int,
    ratings: dict[str, str],
) -> int:
    """Log one rating of the answer at entry `answer`; returns the review entry's index."""
    if set(ratings) != set(QUESTIONS) or not all(v in ANSWERS for v in ratings.values()):
        raise InvalidReview("answer every question of the form with yes, no or unsure")
    # The log itself says what the entry is (the projection may not have reached it yet).
    stored = dict(log.entries_for_conversation(conversation))
    if answer not in stored or decode_entry(stored[answer]).get("type") != "answer":
        raise InvalidReview(f"entry {answer} is not an answer in conversation {conversation}")
    fields: dict[str, str | int] = {"reviewer": reviewer, "answer": answer, **ratings}
    return log.record([AuditEvent("review", conversation, fields)])[0].index


def reviews(log: TransparencyLog, facets: FacetIndex) -> list[Review]:
    """Every review entry the projection has reached, oldest first."""
    found = []
    for (index,) in facets.rows(FacetQuery(type="review"), ["idx"]):
        try:
            entry = decode_entry(log.entry(int(str(index))))
        except (InvalidEntry, IndexError):
            continue  # `opencounter audit verify` reports a damaged entry; skip it here
        ratings = {name: str(entry.get(name, "")) for name in QUESTIONS}
        found.append(
            Review(
                index=int(str(index)),
                ts=str(entry["ts"]),
                conversation=str(entry["conversation"]),
                answer=int(str(entry["answer"])),
                reviewer=str(entry["reviewer"]),
                ratings=ratings,
            )
        )
    return found


@dataclass(frozen=True)
class PeriodResult:
    """Reviews of one month: how many, and the share of "yes" for each question."""

    period: str
    count: int
    yes_share: dict[str, float]


def results_over_time(found: list[Review]) -> list[PeriodResult]:
    by_month: dict[str, list[Review]] = defaultdict(list)
    for review in found:
        by_month[review.ts[:7]].append(review)
    results = []
    for month in sorted(by_month):
        group = by_month[month]
        shares = {
            name: sum(1 for r in group if r.ratings.get(name) == "yes") / len(group)
            for name in QUESTIONS
        }
        results.append(PeriodResult(month, len(group), shares))
    return results


def reviews_csv(found: list[Review]) -> str:
    """The reviews as CSV: one row per rating, the log index first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["review_index", "ts", "conversation", "answer_index", "reviewer", *QUESTIONS])
    for review in found:
        writer.writerow(
            [
                review.index,
                review.ts,
                _cell(review.conversation),
                review.answer,
                _cell(review.reviewer),
                *(review.ratings[name] for name in QUESTIONS),
            ]
        )
    return out.getvalue()


def _cell(value: str) -> str:
    # A spreadsheet runs a cell that starts like a formula; ids may start with "-".
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
