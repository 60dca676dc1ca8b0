"""What tests read of an HTTP response, whichever HTTP package the test client is built on
(Starlette's comes from httpx2, the live-server tests use httpx)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class Answer(Protocol):
    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def headers(self) -> Mapping[str, str]: ...
