"""Where the record's parts come from in a running app: the services, settings and the log.

One `TransparencySource` per app (kept on `app.state`, built on first use) or per CLI run.
The guard policy, texts and evaluation are read once; the log part is recomputed at most
every `cache_s` seconds, so a busy public page does not rescan the log for each visitor.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from audit.checkpoint import CheckpointError, open_checkpoint
from audit.note import parse_verifier_key
from bot.guards.policy import GuardPolicy
from bot.handoff.desk import teams_from
from bot.handoff.drafts import DraftApprovalPolicy
from web.log_figures import energy_by_day, last_days
from web.oversight.service import PURPOSES
from web.services import Services
from web.settings import Settings
from web.transparency.evaluation import Evaluation, load_evaluation
from web.transparency.figures import live_figures
from web.transparency.impact import ImpactParts, OversightFacts, Translate, build_impact
from web.transparency.impact_texts import ImpactStatements, load_impact_statements
from web.transparency.record import (
    CheckpointFacts,
    EnergyFacts,
    GuardFacts,
    JsonObject,
    LogFacts,
    ModelFacts,
    RecordParts,
    WitnessFacts,
    build_record,
)
from web.transparency.texts import RecordTexts, load_record_texts
from web.transparency.window import RareEntries, read_recent


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class _Fixed:
    """The parts that change only with a restart."""

    texts: RecordTexts
    evaluation: Evaluation
    guards: GuardFacts
    impact: ImpactStatements | None


def _guard_facts(policy: GuardPolicy, settings: Settings) -> GuardFacts:
    return GuardFacts(
        policy_version=policy.version,
        max_guard_chars=policy.max_chars,
        max_message_chars=settings.max_message_chars,
        personal_data=settings.pii_mode,
        personal_data_kinds=tuple(sorted(policy.pii.kinds)),
        categories=tuple((c.name, str(c.action)) for c in policy.categories),
        answer_threshold=settings.answer_threshold,
    )


class TransparencySource:
    """Builds the record for one app; thread-safe."""

    def __init__(
        self,
        services: Services,
        settings: Settings,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._services = services
        self._settings = settings
        self._clock = clock
        self._fixed: _Fixed | None = None
        self._cached: tuple[datetime, JsonObject, RecordParts] | None = None
        # What earlier scans found below the size they searched: later scans stop there.
        self._rare = RareEntries()
        self._lock = threading.Lock()

    def record(self) -> JsonObject:
        """The current record (at most `transparency_cache_s` seconds old)."""
        with self._lock:
            return self._current()[0]

    def impact(self, lang: str = "en", tr: Translate | None = None) -> JsonObject:
        """The impact assessment from the same parts as the record, its sentences through `tr`."""
        with self._lock:
            parts = self._current()[1]
            impact_parts = ImpactParts(
                record=parts,
                oversight=self._oversight_facts(lang),
                statements=self._fixed_parts().impact,
            )
        if tr is None:
            return build_impact(impact_parts, lang)
        return build_impact(impact_parts, lang, tr)

    def _current(self) -> tuple[JsonObject, RecordParts]:
        now = self._clock()
        max_age = timedelta(seconds=self._settings.transparency_cache_s)
        if self._cached is not None and now - self._cached[0] < max_age:
            return self._cached[1], self._cached[2]
        parts = self._parts(now)
        record = build_record(parts)
        self._cached = (now, record, parts)
        return record, parts

    def _oversight_facts(self, lang: str) -> OversightFacts:
        opening = self._services.organisation.contact.opening
        return OversightFacts(
            opening_hours=opening.describe(lang),
            always_open=opening.always_open,
            teams=teams_from(self._settings.teams),
            minutes_per_case=self._settings.handoff_minutes_per_case,
            draft_approval_topics=DraftApprovalPolicy.parse(
                self._settings.draft_approval_topics
            ).prefixes,
            transcript_purposes=len(PURPOSES),
            languages=tuple(self._services.languages),
        )

    def texts_in(self, lang: str) -> RecordTexts:
        """The organisation's statements as written in `lang` (English where not)."""
        with self._lock:
            return self._fixed_parts().texts.in_language(lang)

    def _fixed_parts(self) -> _Fixed:
        if self._fixed is None:
            self._fixed = _Fixed(
                texts=load_record_texts(self._settings.transparency_file),
                evaluation=load_evaluation(self._settings.transparency_evaluation_file),
                guards=_guard_facts(self._services.guard_policy, self._settings),
                impact=load_impact_statements(self._settings.organisation_file),
            )
        return self._fixed

    def _parts(self, now: datetime) -> RecordParts:
        fixed = self._fixed_parts()
        services, settings = self._services, self._settings
        days = settings.transparency_window_days
        recent = read_recent(
            services.log,
            last_days(now, days),
            now,
            max_entries=settings.transparency_scan_limit,
            known=self._rare,
        )
        self._rare = recent.rare
        return RecordParts(
            now=now,
            window_days=days,
            organisation=services.organisation,
            disclosure=services.disclosure,
            texts=fixed.texts,
            evaluation=fixed.evaluation,
            guards=fixed.guards,
            model=ModelFacts(
                answer_mode=services.engine.answer_mode,
                configured_model=settings.ollama_model
                if settings.answer_mode != "extractive"
                else "none (extractive)",
                model_switch_on=services.switchboard.is_on("model"),
            ),
            kb_version=services.kb_version(),
            recent=recent,
            live=live_figures(recent.entries),
            log=self._log_facts(),
            energy=EnergyFacts(
                days=tuple(energy_by_day(recent.entries)),
                grid_g_per_kwh=settings.grid_intensity,
                grid_source=settings.grid_intensity_source,
            ),
        )

    def _log_facts(self) -> LogFacts:
        log, witnesses = self._services.log, self._services.witnesses
        note = log.latest_checkpoint()
        checkpoint: CheckpointFacts | None = None
        cosigned: set[bytes] = set()
        if note is not None:
            try:
                opened = open_checkpoint(note, parse_verifier_key(log.verifier_key), witnesses)
            except CheckpointError:
                opened = None  # shown without size and root; `opencounter audit verify` names why
            if opened is not None:
                cosigned = {s.key_id for s in opened.note.verified}
                checkpoint = CheckpointFacts(
                    size=opened.checkpoint.size,
                    root_base64=base64.b64encode(opened.checkpoint.root).decode(),
                    note=note,
                )
        return LogFacts(
            origin=log.origin,
            size=log.size(),
            public_key=log.verifier_key,
            checkpoint=checkpoint,
            witnesses=tuple(
                WitnessFacts(w.name, w.to_string(), w.key_id in cosigned) for w in witnesses
            ),
        )
