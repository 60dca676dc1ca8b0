"""The built-in email hook: one plain message per escalation, over SMTP (no citizen words)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from bot.hooks.port import EscalationNotice, HookDeliveryFailed, HookOptions


class EmailHook:
    name = "email"

    def __init__(self, to: str, sender: str, host: str, port: int, timeout_s: float = 10.0) -> None:
        self._to = to
        self._sender = sender
        self._host = host
        self._port = port
        self._timeout = timeout_s

    def message(self, notice: EscalationNotice) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = self._to
        message["Subject"] = (
            f"[OpenCounter] {notice.priority} handoff #{notice.handoff} for team {notice.team}"
        )
        message.set_content(
            f"A conversation is waiting for a person.\n\n"
            f"Reason: {notice.reason}\nTopic: {notice.topic}\nLanguage: {notice.lang}\n"
            f"Priority: {notice.priority}\nKind: {notice.kind}\n\n"
            f"Open it in the console: {notice.console_url}\n"
        )
        return message

    def deliver(self, notice: EscalationNotice) -> None:
        try:
            with smtplib.SMTP(self._host, self._port, timeout=self._timeout) as smtp:
                smtp.send_message(self.message(notice))
        except (OSError, smtplib.SMTPException) as exc:
            raise HookDeliveryFailed(f"{type(exc).__name__}: {exc}") from exc


def build(options: HookOptions) -> EmailHook | None:
    if not options.email_to:
        return None
    return EmailHook(
        options.email_to,
        options.email_from,
        options.smtp_host,
        options.smtp_port,
        options.timeout_s,
    )
