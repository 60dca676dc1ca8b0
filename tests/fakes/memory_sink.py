"""An AuditSink that keeps events in a list (the real log is tested in tests/audit)."""

from __future__ import annotations

from collections.abc import Sequence

from audit.sink import AuditEvent, LogUnavailable, Recorded


class MemorySink:
    def __init__(self) -> None:
        self.events: list[AuditEvent] = []
        self.texts: list[str] = []
        self.fail = False

    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        if self.fail:
            raise LogUnavailable("the fake log is down")
        out = []
        for event in events:
            text_id = None
            if event.text is not None:
                self.texts.append(event.text)
                text_id = len(self.texts) - 1
            self.events.append(event)
            out.append(Recorded(index=len(self.events) - 1, text_id=text_id))
        return out
