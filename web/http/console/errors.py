"""The desk's typed errors as HTTP answers a caseworker can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException

from audit.sink import LogUnavailable
from bot.handoff.state import (
    HandoffConflict,
    HandoffNotFound,
    InvalidStaffText,
    UnknownTeam,
)


@contextmanager
def desk_errors() -> Iterator[None]:
    try:
        yield
    except HandoffNotFound:
        raise HTTPException(404, "no such conversation in the console") from None
    except HandoffConflict as exc:
        raise HTTPException(409, f"{exc}. Reload the page.") from None
    except UnknownTeam as exc:
        raise HTTPException(422, f"there is no team called {exc}") from None
    except InvalidStaffText as exc:
        raise HTTPException(422, str(exc)) from None
    except LogUnavailable:
        raise HTTPException(503, "the transparency log is unavailable; nothing was done") from None
