"""Oversight-search benchmark: `FacetIndex.search` and the statistics page on a large log.

    python -m benchmarks.oversight [--entries 1000000] [--postgres URL] [--queries 200]

Builds a log of realistic entries (60 days of traffic: disclosures, messages and their
answers, refusals, escalations, PII blocks, handoffs, feedback, knowledge-base versions)
straight into the log's tables, with the projection table and indexes that
the migrations make. The first `--catch-up` entries are indexed by
`FacetIndex.catch_up` from the raw entries (timed: the first-run cost on an existing log);
the facet rows of the rest are derived with `facet_row` and inserted directly. The Merkle
tree is not written: nothing here reads it.

Each search is timed `--queries` times with varied parameters, round-robin with a baseline
(a primary-key page: `SELECT idx ... WHERE idx < ? ORDER BY idx DESC LIMIT 51`) measured in
the same rounds; every p95 is printed as a ratio to the baseline's p95. Runs on SQLite (a
file in a temporary directory) and, with --postgres, in a fresh PostgreSQL schema that is
dropped afterwards. Queries whose p95 misses the target are explained (EXPLAIN QUERY PLAN /
EXPLAIN ANALYZE); --explain explains them all.
"""

from __future__ import annotations

import argparse
import base64
import heapq
import itertools
import math
import os
import random
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, TextClause, create_engine, event, insert, text, update

from audit.entries import encode_entry
from audit.storage.store import tune_engine
from benchmarks.audit import fresh_schema, load_average
from tests.schema import create_schema, facet_index, tables
from web.oversight.facets import FacetIndex, FacetQuery, facet_row
from web.oversight.stats import compute_statistics

START = datetime(2026, 9, 1, tzinfo=UTC)
DAYS = 60
TARGET_MS = 200.0
PAGE = 50  # web.oversight.service.PAGE_SIZE
CHOICES = ("type", "decision", "lang", "kb_version", "model", "policy")  # the search form's
CHUNK = 20_000
DAY_MS = 86_400_000

DOCS = {
    "en": [
        f"en/{name}"
        for name in (
            "parking-permits council-tax-bands council-tax-discounts bin-collection bulky-waste "
            "school-admissions school-transport housing-benefit housing-repairs homelessness "
            "planning-applications building-control blue-badge births-deaths-marriages "
            "electoral-register libraries leisure-centres noise-complaints pest-control "
            "business-rates licensing adult-social-care childrens-services contact "
            "fly-tipping"
        ).split()
    ],
    "fr": [
        f"fr/{name}"
        for name in (
            "carte-identite passeport etat-civil inscription-scolaire cantine "
            "stationnement-residentiel dechets-encombrants taxe-fonciere aide-sociale "
            "logement-social permis-construire urbanisme-declaration etat-civil-mariage "
            "recensement contact"
        ).split()
    ],
}
# Knowledge-base versions (ingest ids) and the day each was published.
KB_VERSIONS = [
    (0, "3f9c2a7e51b04d6e8a1c9b2f7d3e4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5"),
    (21, "8b1d4f2c6a9e3b7d5c0f1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6"),
    (43, "c47e9a1b3d5f7092e4c6a8b0d2f4e6a8c0e2f4a6b8d0f2e4a6c8e0f2a4c6e8f0"),
]
MODELS = (("extractive", 0.6), ("ollama:qwen2.5:7b-instruct", 0.4))
POLICIES = [(0, "exampleton-guards-2026.08-r1"), (33, "exampleton-guards-2026.10-r2")]
# (reason, weight, from the guards): the guards' refusals carry mode "guard" and no kb_version.
REFUSALS = [
    ("not_covered", 55, False),
    ("not_covered.offer_person", 14, False),
    ("not_covered.lexical_fallback", 1, False),
    ("kb.unavailable", 0.4, False),
    ("injection.override", 8, True),
    ("injection.prompt_extraction", 5, True),
    ("injection.false_authority", 3, True),
    ("injection.planted_instruction", 2, True),
    ("roleplay.jailbreak", 4, True),
    ("political_opinion", 3, True),
    ("input.too_long", 1.5, True),
    ("abuse.hate", 1.2, True),
    ("harmful.fraud", 1, True),
    ("harmful.violence", 0.5, True),
    ("injection.data_exfiltration", 0.3, True),
    ("injection.unauthorised_action", 0.2, True),
]
ESCALATIONS = [
    ("person.button", 55),
    ("complaint", 20),
    ("person.requested", 10),
    ("crisis.self_harm", 5),
    ("crisis.domestic_abuse", 4),
    ("crisis.medical_emergency", 3),
    ("crisis.danger", 2),
    ("crisis.destitution", 1),
]
RARE_REASONS = (
    "injection.data_exfiltration",
    "injection.unauthorised_action",
    "harmful.violence",
    "kb.unavailable",
    "crisis.destitution",
)
PII_KINDS = [("email", 30), ("phone", 30), ("uk_nino", 15), ("iban", 10), ("fr_nir", 10)]
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13, 12, 13, 14, 13, 12, 10, 8, 7, 6, 4, 3, 2]
CASEWORKERS = [f"cw-{n:02d}{'abcdefgh'[n % 8]}" for n in range(12)]

Event = tuple[int, int, str, str | None, dict[str, object], bool]  # ts_ms, seq, type, ...
Call = Callable[[], int]  # one timed query; returns how many rows it found


def _pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    return rng.choices([name for name, _ in weighted], [w for _, w in weighted])[0]


def _active(schedule: list[tuple[int, str]], ms: int) -> str:
    day = ms // DAY_MS
    return [value for start, value in schedule if start <= day][-1]


def _stamp(ms: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + f".{ms % 1000:03d}Z"


@dataclass
class Traffic:
    """Generates the entries of `total` conversations' worth of traffic, in log order."""

    seed: int = 7
    rng: random.Random = field(init=False)
    handoffs: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    seq: itertools.count[int] = field(default_factory=itertools.count)
    conversations: list[str] = field(default_factory=list)  # a sample, for the queries

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        weights = {
            lang: [1 / (rank + 1) ** 0.8 for rank in range(len(docs))]
            for lang, docs in DOCS.items()
        }
        self.doc_weights = weights

    # -- one conversation --------------------------------------------------------------

    def conversation(self, start: int, base: int) -> list[Event]:
        """Its events, with times relative to the log's start (`base` is START in ms)."""
        rng = self.rng
        cid = base64.urlsafe_b64encode(rng.randbytes(16)).decode().rstrip("=")
        if rng.random() < 0.02:
            self.conversations.append(cid)
        lang = "en" if rng.random() < 0.7 else "fr"
        model = _pick(rng, MODELS)
        events: list[Event] = []

        def add(ms: int, kind: str, fields: dict[str, object], has_text: bool = False) -> None:
            events.append((ms, next(self.seq), kind, cid, fields, has_text))

        add(start, "disclosure", {"disclosure_version": "2026-08-v2", "lang": lang})
        moment = start + rng.randint(3_000, 60_000)
        handoff: int | None = None
        answered = False
        for _ in range(rng.choices((1, 2, 3, 4), (40, 30, 20, 10))[0]):
            moment += rng.randint(5_000, 90_000)
            if handoff is not None:
                relay = {"lang": lang, "chars": rng.randint(10, 300), "to": "person"}
                add(moment, "message", {**relay, "handoff": handoff}, True)
                continue
            policy = _active(POLICIES, moment - base)
            kb = _active(KB_VERSIONS, moment - base)
            draw = rng.random()
            if draw < 0.05:  # escalation
                reason = _pick(rng, ESCALATIONS)
                latency = None
                if reason != "person.button":
                    self._message(add, moment, lang, policy, reason)
                    latency = rng.randint(8, 60)
                hour = (moment // 3_600_000) % 24
                weekday = datetime.fromtimestamp(moment / 1000, UTC).weekday() < 5
                in_hours = 8 <= hour < 18 and weekday
                fields: dict[str, object] = {
                    "decision": "escalate",
                    "reason": reason if in_hours else f"{reason}.out_of_hours",
                    "lang": lang,
                    "mode": "fixed" if reason == "person.button" else "guard",
                    "citations": [],
                }
                if latency is not None:
                    fields["latency_ms"] = latency
                add(moment + (latency or 0), "escalation", fields, True)
                if in_hours and rng.random() < 0.85:
                    handoff = next(self.handoffs)
                    moment = self._handoff(add, moment, handoff)
                continue
            if draw < 0.10:  # personal data blocked
                kind = _pick(rng, PII_KINDS)
                self._message(add, moment, lang, policy, f"pii.{kind}", [kind])
                latency = rng.randint(5, 40)
                fields = {"decision": "block_pii", "reason": f"pii.{kind}", "lang": lang}
                add(
                    moment + latency,
                    "refusal",
                    {**fields, "mode": "guard", "citations": [], "latency_ms": latency},
                    True,
                )
                continue
            if draw < 0.25:  # refusal
                reason, _, guarded = rng.choices(REFUSALS, [w for _, w, _ in REFUSALS])[0]
                self._message(add, moment, lang, policy, reason if guarded else "ok")
                fields = {"decision": "refuse", "reason": reason, "lang": lang, "citations": []}
                if guarded:
                    latency = rng.randint(5, 40)
                    fields["mode"] = "guard"
                else:
                    latency = rng.randint(15, 120)
                    fields.update(mode="fixed", confidence_permille=rng.randint(80, 480))
                    if reason != "kb.unavailable":
                        fields["kb_version"] = kb
                fields["latency_ms"] = latency
                add(moment + latency, "refusal", fields, True)
                continue
            # an answer
            redacted = rng.random() < 0.03
            self._message(
                add,
                moment,
                lang,
                policy,
                "pii.redacted" if redacted else "ok",
                ["phone"] if redacted else [],
            )
            count = rng.choices((1, 2, 3), (50, 35, 15))[0]
            citations = list(
                dict.fromkeys(rng.choices(DOCS[lang], self.doc_weights[lang], k=count))
            )
            if model == "extractive":
                latency = int(rng.lognormvariate(math.log(25), 0.5))
            else:
                latency = int(rng.lognormvariate(math.log(2_500), 0.45))
            tail = rng.random()
            reason = "answered" if tail < 0.97 else "answered.lexical_fallback"
            if model != "extractive" and tail > 0.99:
                reason = "answered.model_failed"
            answer: dict[str, object] = {
                "decision": "answer",
                "reason": reason,
                "lang": lang,
                "mode": model if reason != "answered.model_failed" else "extractive",
                "citations": citations,
                "confidence_permille": rng.randint(500, 990),
                "kb_version": kb,
                "latency_ms": latency,
            }
            add(moment + latency, "answer", answer, True)
            moment += latency
            answered = True
        if answered and rng.random() < 0.12:
            rating = "helpful" if rng.random() < 0.7 else "not_helpful"
            add(moment + rng.randint(2_000, 30_000), "feedback", {"rating": rating})
        if handoff is not None and rng.random() < 0.01:
            access: dict[str, object] = {
                "accessor": "ov-3c1d",
                "purpose": "complaint",
                "role": "oversight",
            }
            add(moment + rng.randint(600_000, 7_200_000), "transcript_access", access)
        return events

    def _message(
        self,
        add: Callable[..., None],
        moment: int,
        lang: str,
        policy: str,
        guard: str,
        pii: list[str] | None = None,
    ) -> None:
        fields = {"lang": lang, "chars": self.rng.randint(8, 400), "guard": guard}
        add(
            moment,
            "message",
            {**fields, "guard_policy": policy, "hidden": [], "pii": pii or []},
            True,
        )

    def _handoff(self, add: Callable[..., None], moment: int, handoff: int) -> int:
        rng = self.rng
        worker = rng.choice(CASEWORKERS)
        moment += int(rng.lognormvariate(math.log(240_000), 0.9))  # wait for a person
        add(moment, "takeover", {"action": "claim", "handoff": handoff, "caseworker": worker})
        for _ in range(rng.choices((1, 2, 3), (50, 35, 15))[0]):
            moment += rng.randint(30_000, 240_000)
            reply = {"action": "reply", "handoff": handoff, "caseworker": worker}
            add(moment, "staff_reply", reply, True)
        if rng.random() < 0.2:
            note = {"action": "note", "handoff": handoff, "caseworker": worker}
            add(moment + 5_000, "staff_reply", note, True)
        add(
            moment + 10_000,
            "takeover",
            {"action": "close", "handoff": handoff, "caseworker": worker},
        )
        return moment

    # -- the whole log ---------------------------------------------------------------

    def starts(self, count: int, base: int) -> list[int]:
        """Conversation start times over DAYS days: busy office hours, quieter weekends."""
        rng = random.Random(self.seed + 1)
        found: list[int] = []
        while len(found) < count:
            day = rng.randrange(DAYS)
            if (START + timedelta(days=day)).weekday() >= 5 and rng.random() < 0.5:
                continue
            hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
            found.append(base + day * DAY_MS + hour * 3_600_000 + rng.randrange(3_600_000))
        return sorted(found)

    def entries(self, total: int) -> Iterator[dict[str, object]]:
        """`total` entries in log order (by time; ties by generation order)."""
        base = int(START.timestamp() * 1000)
        per_conversation = _mean_entries(self.seed)
        starts = self.starts(math.ceil(total / per_conversation * 1.01), base)
        pending: list[Event] = []
        for day, version in KB_VERSIONS:
            fields = {"version": version, "documents": 412 + day, "added": 3, "updated": 9}
            ms = base + day * DAY_MS + 6 * 3_600_000 - 60_000
            heapq.heappush(pending, (ms, next(self.seq), "kb_version", None, fields, False))
        for day in (14, 33):
            fields = {"setting": "switch.model_answers", "value": "on", "actor": "admin-1"}
            ms = base + day * DAY_MS + 7 * 3_600_000
            heapq.heappush(pending, (ms, next(self.seq), "config_change", None, fields, False))
        emitted = 0
        last = starts[-1]
        for start in itertools.chain(starts, itertools.count(last + 1_000, 1_000)):
            while pending and pending[0][0] < start:
                yield _entry(heapq.heappop(pending), self.rng)
                emitted += 1
                if emitted == total:
                    return
            for item in self.conversation(start, base):
                heapq.heappush(pending, item)


def _entry(item: Event, rng: random.Random) -> dict[str, object]:
    ms, _, kind, conversation, fields, has_text = item
    entry: dict[str, object] = {
        "v": 1,
        "type": kind,
        "ts": _stamp(ms),
        "conversation": conversation,
    }
    entry.update(fields)
    if has_text:
        entry["text_commitment"] = rng.randbytes(32).hex()
    return entry


def _mean_entries(seed: int) -> float:
    """Entries per conversation, from a sample of conversations at realistic times."""
    sample = Traffic(seed + 100)
    base = int(START.timestamp() * 1000)
    starts = sample.starts(4_000, base)
    return sum(len(sample.conversation(start, base)) for start in starts) / len(starts)


# -- loading ---------------------------------------------------------------------------


@dataclass
class Built:
    entries: int
    seconds: float
    catch_up_entries: int
    catch_up_seconds: float
    conversations: list[str]
    first_day: date
    last_day: date


def build(engine: Engine, total: int, catch_up: int) -> Built:
    """Write `total` entries; index the first `catch_up` with FacetIndex.catch_up (timed),
    insert the facet rows of the rest directly."""
    create_schema(engine)
    facets = facet_index(engine)
    entries_table = tables().audit.entries
    state = tables().facets.state
    traffic = Traffic()
    stream = traffic.entries(total)
    catch_up = min(catch_up, total)
    catch_up_seconds = 0.0
    started = time.perf_counter()
    done = 0
    first_ts = last_ts = ""
    while done < total:
        end = min(done + CHUNK, total)
        if done < catch_up:
            end = min(end, catch_up)
        rows, facet_rows = [], []
        for idx in range(done, end):
            entry = next(stream)
            data = encode_entry(entry)  # validates against the schema of its type
            rows.append({"idx": idx, "data": data, "conversation_id": entry["conversation"]})
            if idx >= catch_up:
                facet_rows.append(facet_row(idx, entry))
            last_ts = str(entry["ts"])
            first_ts = first_ts or last_ts
        with engine.begin() as conn:
            conn.execute(insert(entries_table), rows)
            # The facet rows and their day counts, as catch_up writes them.
            facets.write(conn, facet_rows)
        done = end
        if done == catch_up:
            clock = time.perf_counter()
            assert facets.catch_up(catch_up) == catch_up
            catch_up_seconds = time.perf_counter() - clock
    with engine.begin() as conn:
        conn.execute(update(state).where(state.c.id == 1).values(size=total))
    seconds = time.perf_counter() - started - catch_up_seconds
    if engine.dialect.name == "postgresql":
        # What autovacuum does to an insert-only table of this size within minutes.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE audit_facets"))
            conn.execute(text("VACUUM ANALYZE audit_entries"))
    return Built(
        total,
        seconds,
        catch_up,
        catch_up_seconds,
        traffic.conversations,
        date.fromisoformat(first_ts[:10]),
        date.fromisoformat(last_ts[:10]),
    )


# -- queries ---------------------------------------------------------------------------


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """As web.oversight.service.day_bounds: whole UTC days, both included."""
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    return start, datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1)


@dataclass
class Measure:
    name: str
    prepare: Callable[[random.Random], Call]  # parameters chosen; returns the timed call
    runs: int
    target: bool = True  # a filter (p95 <= TARGET_MS) or reported apart
    samples: list[float] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)

    def p(self, share: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def measures(
    engine: Engine, facets: FacetIndex, built: Built, queries: int, slow_runs: int
) -> list[Measure]:
    """What to time. Each `prepare(rng)` picks the parameters (untimed) and returns the call
    that is timed; for page 10 the first nine pages are followed while preparing."""
    total = built.entries
    days = (built.last_day - built.first_day).days + 1
    first = built.first_day
    page = text("SELECT idx FROM audit_facets WHERE idx < :b ORDER BY idx DESC LIMIT 51")

    def baseline(rng: random.Random) -> Call:
        before = rng.randrange(PAGE + 1, total + 1)

        def call() -> int:
            with engine.connect() as conn:
                return len(conn.execute(page, {"b": before}).all())

        return call

    def search(query: FacetQuery, before: int | None = None) -> Call:
        return lambda: len(facets.search(query, before=before, limit=PAGE).rows)

    def one_day(rng: random.Random) -> Call:
        start, end = day_bounds(*(2 * [first + timedelta(days=rng.randrange(days))]))
        return search(FacetQuery(since=start, until=end, type="escalation"))

    def week_kb(rng: random.Random) -> Call:
        since = first + timedelta(days=rng.randrange(max(days - 6, 1)))
        start, end = day_bounds(since, since + timedelta(days=6))
        # The version replies were made with in the middle of the week (the form lists all).
        kb = _active(KB_VERSIONS, int((start - START).total_seconds() * 1000) + 3 * DAY_MS)
        return search(FacetQuery(since=start, until=end, kb_version=kb))

    def topic(rng: random.Random) -> Call:
        return search(FacetQuery(topic=rng.choice([*DOCS["en"], *DOCS["fr"]])))

    def conversation(rng: random.Random) -> Call:
        return search(FacetQuery(conversation=rng.choice(built.conversations)))

    def rare(rng: random.Random) -> Call:
        return search(FacetQuery(reason=rng.choice(RARE_REASONS)))

    common = (FacetQuery(type="answer"), FacetQuery(lang="en"), FacetQuery(decision="refuse"))

    def page_ten(rng: random.Random) -> Call:
        query, before = rng.choice(common), None
        for _ in range(9):
            before = facets.search(query, before=before, limit=PAGE).next_before
        return search(query, before)

    def statistics(rng: random.Random) -> Call:
        last = first + timedelta(days=rng.randrange(min(29, days - 1), days))
        since = last - timedelta(days=29)
        start, end = day_bounds(since, last)
        return lambda: compute_statistics(facets, since, last, start, end).replies

    def choices(_rng: random.Random) -> Call:
        return lambda: sum(len(facets.distinct(name)) for name in CHOICES)

    def loose(column: str) -> TextClause:
        # Proposed for FacetIndex.distinct: one index probe per distinct value (a "loose
        # index scan"), instead of reading the whole (label, idx) index.
        return text(
            f"WITH RECURSIVE v(x) AS (SELECT MIN({column}) FROM audit_facets UNION ALL "
            f"SELECT (SELECT MIN({column}) FROM audit_facets WHERE {column} > v.x) FROM v "
            "WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL LIMIT 200"
        )

    loose_statements = {name: loose(name) for name in CHOICES}
    with engine.connect() as conn:
        for name, probe in loose_statements.items():
            assert list(conn.execute(probe).scalars()) == facets.distinct(name), name

    def loose_choices(_rng: random.Random) -> Call:
        def call() -> int:
            with engine.connect() as conn:
                return sum(len(conn.execute(s).all()) for s in loose_statements.values())

        return call

    def fixed(query: FacetQuery) -> Callable[[random.Random], Call]:
        return lambda _rng: search(query)

    plain = [
        ("no filter, first page", fixed(FacetQuery())),
        ("type=escalation", fixed(FacetQuery(type="escalation"))),
        ("decision=refuse + lang=fr", fixed(FacetQuery(decision="refuse", lang="fr"))),
        ("one day's escalations (since/until 1 day)", one_day),
        ("7-day range + kb_version", week_kb),
        ("topic=<doc id>", topic),
        ("conversation=<id>", conversation),
        ("a rare reason", rare),
        ("page 10 of a common filter (type/lang/decision)", page_ten),
    ]
    found = [Measure("baseline: primary-key page (LIMIT 51)", baseline, queries, False)]
    found += [Measure(name, prepare, queries) for name, prepare in plain]
    found.append(
        Measure("statistics page, 30 days (compute_statistics)", statistics, slow_runs, False)
    )
    found.append(
        Measure("search form choices (6 x FacetIndex.distinct)", choices, slow_runs, False)
    )
    found.append(
        Measure("proposed: the 6 choices by loose index scan", loose_choices, slow_runs, False)
    )
    return found


def run_measures(found: list[Measure], seed: int) -> None:
    """Round-robin: every round runs each measure once, so load changes hit all alike."""
    rng = random.Random(seed)
    for measure in found:  # warm-up, untimed
        measure.prepare(rng)()
    rounds = max(measure.runs for measure in found)
    for number in range(rounds):
        for measure in found:
            if number < measure.runs:
                call = measure.prepare(rng)
                clock = time.perf_counter()
                rows = call()
                measure.samples.append(time.perf_counter() - clock)
                measure.rows.append(rows)


# -- explaining ------------------------------------------------------------------------


@contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def listener(
        _conn: object,
        _cursor: object,
        statement: str,
        parameters: Any,
        _context: object,
        _many: bool,
    ) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def explain(engine: Engine, measure: Measure, seed: int) -> None:
    call = measure.prepare(random.Random(seed))
    with captured(engine) as seen:
        call()
    statements = [(s, p) for s, p in seen if "audit_facets" in s and "audit_facet_state" not in s]
    print(f"\n  EXPLAIN of {measure.name!r} ({len(statements)} statements):")
    for statement, parameters in statements:
        print("   " + " ".join(statement.split()))
        print(f"     params: {parameters}")
        sqlite = engine.dialect.name == "sqlite"
        prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN (ANALYZE, BUFFERS) "
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(prefix + statement, parameters).all()
            lines = [str(row[-1] if sqlite else row[0]) for row in rows]
        for line in lines:
            print(f"     | {line}")


# -- the report ------------------------------------------------------------------------


def report(label: str, built: Built, found: list[Measure]) -> None:
    base = found[0].p(0.95)
    print(f"\n{label}: {built.entries:,} entries, {built.first_day} .. {built.last_day}")
    print(
        f"  build (generate, encode, insert entries + facet rows): {built.seconds:.1f} s "
        f"({built.entries / built.seconds:,.0f} entries/s)"
    )
    if built.catch_up_seconds:
        rate = built.catch_up_entries / built.catch_up_seconds
        print(
            f"  FacetIndex.catch_up from raw entries, first run: {built.catch_up_entries:,} in "
            f"{built.catch_up_seconds:.1f} s = {rate:,.0f} entries/s"
        )
    print(f"\n| {label} | runs | rows | p50 ms | p95 ms | p95 / baseline p95 | p95 <= 200 ms |")
    print("|---|---|---|---|---|---|---|")
    for measure in found:
        p95 = measure.p(0.95)
        verdict = ("yes" if p95 <= TARGET_MS else "**no**") if measure.target else "(not a filter)"
        if measure is found[0]:
            verdict = ""
        rows = sum(measure.rows) / len(measure.rows)
        print(
            f"| {measure.name} | {len(measure.samples)} | {rows:,.0f} | {measure.p(0.5):.2f} | "
            f"{p95:.2f} | {p95 / base:,.1f}x | {verdict} |"
        )


def bench(label: str, url: str, args: argparse.Namespace) -> None:
    engine = create_engine(url, pool_pre_ping=True)  # as web.bootstrap.connect_database
    tune_engine(engine)
    try:
        built = build(engine, args.entries, args.catch_up)
        facets = facet_index(engine)
        found = measures(engine, facets, built, args.queries, args.slow_runs)
        run_measures(found, args.seed)
        report(label, built, found)
        for measure in found[1:]:
            if args.explain or (measure.target and measure.p(0.95) > TARGET_MS):
                explain(engine, measure, args.seed)
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--postgres", default=os.environ.get("OPENCOUNTER_TEST_DATABASE_URL"))
    parser.add_argument("--queries", type=int, default=200, help="timed runs of each search")
    parser.add_argument(
        "--slow-runs",
        type=int,
        default=20,
        help="runs of the statistics page and of the form choices",
    )
    parser.add_argument(
        "--catch-up",
        type=int,
        default=200_000,
        help="entries indexed by FacetIndex.catch_up (timed)",
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--explain", action="store_true", help="explain every query's plan")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    print(f"load average at start: {load_average()} on {os.cpu_count()} CPUs")
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as name:
            bench("SQLite", f"sqlite:///{Path(name) / 'oversight.db'}", args)
        print(f"load average after SQLite: {load_average()}")
    if args.postgres:
        with fresh_schema(args.postgres) as url:
            bench("PostgreSQL", url, args)
        print(f"load average after PostgreSQL: {load_average()}")
    else:
        print("PostgreSQL: skipped (no --postgres / OPENCOUNTER_TEST_DATABASE_URL)")


if __name__ == "__main__":
    main()
