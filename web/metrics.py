"""Prometheus metrics of one app process: requests, decisions, guards, latencies, queue, log.

The one module that imports `prometheus_client`. Each `create_app` builds its own `Metrics`
(its own registry, kept on `app.state`), so two apps in one test process never share a count.
Labels carry codes only, bounded by the code and the settings: a route *template*
(`/api/v1/conversations/{conversation_id}`, never the id), a method, a status, a decision, a
reason code, a guard layer, a writer mode, a team. No citizen text, no conversation or account
id and no address ever becomes a label.

Counters and histograms count this process; with several replicas each exposes its own and
Prometheus sums them. The state read at scrape time (handoffs waiting, the log's size and last
checkpoint, dead-lettered hook notices) is shared by every replica through the database, so
every replica reports the same value: aggregate those with `max`, not `sum`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from audit.sink import LogUnavailable
from bot.handoff.state import Handoff
from web.services import Services

LOG = logging.getLogger("opencounter.metrics")

MODEL_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0)
# From minutes (staffed hours) to a night or a weekend (a queue left outside opening hours).
WAIT_BUCKETS = (10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 14400.0, 57600.0, 259200.0)
RETRIEVAL_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
# A request outside every route (a 404, or refused by the request limits first).
UNROUTED = "unrouted"


class Metrics:
    """The process's instruments; also the engine's observer (bot/observer.py)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "opencounter_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "opencounter_http_request_duration_seconds",
            "Time from a request's arrival to its last byte (a live stream counts until it ends).",
            ["route"],
            registry=self.registry,
        )
        self.decisions = Counter(
            "opencounter_decisions",
            "Replies logged, by decision and reason code.",
            ["decision", "reason"],
            registry=self.registry,
        )
        self.guard_triggers = Counter(
            "opencounter_guard_triggers",
            "Replies an input-guard layer decided (rules, pii, intent, model, ...).",
            ["layer"],
            registry=self.registry,
        )
        self.retrieval_seconds = Histogram(
            "opencounter_retrieval_duration_seconds",
            "Time to search the knowledge base for one message.",
            buckets=RETRIEVAL_BUCKETS,
            registry=self.registry,
        )
        self.hook_failures = Counter(
            "opencounter_hook_attempt_failures",
            "Escalation-hook deliveries that failed (each attempt; retried, then dead-lettered).",
            ["hook"],
            registry=self.registry,
        )
        self.model_seconds = Histogram(
            "opencounter_answer_write_duration_seconds",
            "Time to write one answer from the passages, by writer mode (a model or extractive).",
            ["mode"],
            buckets=MODEL_BUCKETS,
            registry=self.registry,
        )
        self.handoff_wait_seconds = Histogram(
            "opencounter_handoff_wait_seconds",
            "Seconds from a handoff's escalation to its claim by a person (claims made here).",
            ["team"],
            buckets=WAIT_BUCKETS,
            registry=self.registry,
        )

    # -- the engine's observer ------------------------------------------------------------

    def retrieved(self, seconds: float) -> None:
        self.retrieval_seconds.observe(seconds)

    def wrote(self, mode: str, seconds: float) -> None:
        self.model_seconds.labels(mode=mode).observe(seconds)

    def replied(self, decision: str, reason: str, guard_layer: str | None) -> None:
        self.decisions.labels(decision=decision, reason=reason).inc()
        if guard_layer is not None:
            self.guard_triggers.labels(layer=guard_layer).inc()

    def hook_attempt_failed(self, hook: str) -> None:
        self.hook_failures.labels(hook=hook).inc()

    def claimed(self, handoff: Handoff) -> None:
        """A person claimed `handoff` here: how long it waited in the queue."""
        if handoff.claimed_at is not None:
            claimed = handoff.claimed_at
            # SQLite hands times back without their zone; both are UTC.
            waited = _age_s(claimed.replace(tzinfo=claimed.tzinfo or UTC), handoff.created_at)
            self.handoff_wait_seconds.labels(team=handoff.team).observe(waited)

    # -- state read at scrape time ----------------------------------------------------------

    def watch(self, services: Services, clock: Callable[[], datetime] | None = None) -> None:
        """Read the queue, the log and the hooks' dead letters at each scrape."""
        self.registry.register(_SharedState(services, clock or _utc_now))

    def exposition(self) -> tuple[bytes, str]:
        """The text format Prometheus scrapes, and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _age_s(now: datetime, moment: datetime) -> float:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return max(0.0, (now - aware).total_seconds())


class _SharedState(Collector):
    """What every replica shares through the database, read when Prometheus asks."""

    def __init__(self, services: Services, clock: Callable[[], datetime]) -> None:
        self._services = services
        self._clock = clock

    def describe(self) -> Iterable[Metric]:
        return []  # read at scrape time: nothing to read at registration

    def collect(self) -> Iterable[Metric]:
        readable = GaugeMetricFamily(
            "opencounter_state_readable",
            "1 when the queue, log and hook state below could be read at this scrape, else 0.",
        )
        try:
            families = list(self._read())
        except (LogUnavailable, SQLAlchemyError) as error:
            LOG.warning("metrics: shared state not readable (%s)", type(error).__name__)
            readable.add_metric([], 0)
            return [readable]
        readable.add_metric([], 1)
        return [readable, *families]

    def _read(self) -> Iterable[Metric]:
        people = self._services.people
        now = self._clock()
        waiting = GaugeMetricFamily(
            "opencounter_handoffs_waiting",
            "Handoffs waiting for a person, by team.",
            labels=["team"],
        )
        oldest = GaugeMetricFamily(
            "opencounter_handoff_oldest_wait_seconds",
            "How long the longest-waiting handoff of each team has waited (0 when none waits).",
            labels=["team"],
        )
        by_team: dict[str, list[Handoff]] = {team: [] for team in people.desk.teams}
        for handoff in people.desk.queue():
            by_team.setdefault(handoff.team, []).append(handoff)
        for team, queued in sorted(by_team.items()):
            waiting.add_metric([team], len(queued))
            ages = [_age_s(now, h.created_at) for h in queued]
            oldest.add_metric([team], max(ages, default=0.0))
        yield waiting
        yield oldest
        log = self._services.log
        size = GaugeMetricFamily("opencounter_log_entries", "Entries in the transparency log.")
        size.add_metric([], log.size())
        yield size
        signed = log.last_checkpoint_at()
        if signed is not None:
            age = GaugeMetricFamily(
                "opencounter_checkpoint_age_seconds",
                "Seconds since the log last signed a checkpoint.",
            )
            age.add_metric([], _age_s(now, signed))
            yield age
        dead = GaugeMetricFamily(
            "opencounter_hook_dead_letters",
            "Escalation-hook notices that failed every attempt (the dead-letter record).",
        )
        dead.add_metric([], len(people.dead_letters.all()))
        yield dead


class RequestMetrics:
    """ASGI middleware: count each HTTP request by the template of the route that served it."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the server sends if the app raises before answering

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = route_template(scope)
            self.metrics.requests.labels(
                route=route, method=scope["method"], status=str(status)
            ).inc()
            self.metrics.request_seconds.labels(route=route).observe(time.perf_counter() - started)


def route_template(scope: Scope) -> str:
    """The template of the route that served `scope` (its path with {placeholders}), or
    `unrouted`: never the path itself, which holds conversation ids."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str) and path:
        return path
    if "endpoint" in scope and scope.get("root_path"):
        # A mounted app (the static files): its mount point, never the file asked for.
        return str(scope["root_path"])
    return UNROUTED
