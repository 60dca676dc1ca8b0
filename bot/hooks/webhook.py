"""The built-in webhook: a JSON POST signed with HMAC-SHA256 so the receiver can trust it.

Headers: `X-OpenCounter-Timestamp: <unix seconds>` and
`X-OpenCounter-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`.
Binding the timestamp lets the receiver refuse replays older than a few minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable

import httpx

from bot.hooks.port import EscalationNotice, HookDeliveryFailed, HookOptions


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


class WebhookHook:
    name = "webhook"

    def __init__(
        self,
        url: str,
        secret: str,
        timeout_s: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._url = url
        self._secret = secret
        self._timeout = timeout_s
        self._clock = clock

    def deliver(self, notice: EscalationNotice) -> None:
        body = notice.to_json()
        timestamp = str(int(self._clock()))
        headers = {
            "content-type": "application/json",
            "x-opencounter-timestamp": timestamp,
            "x-opencounter-signature": signature(self._secret, timestamp, body),
            "x-opencounter-event": "escalation",
        }
        try:
            response = httpx.post(self._url, content=body, headers=headers, timeout=self._timeout)
        except httpx.HTTPError as exc:
            raise HookDeliveryFailed(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 300:
            raise HookDeliveryFailed(f"the receiver answered {response.status_code}")


def build(options: HookOptions) -> WebhookHook | None:
    if not options.webhook_url or not options.webhook_secret:
        return None
    return WebhookHook(options.webhook_url, options.webhook_secret, options.timeout_s)
