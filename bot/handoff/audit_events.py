"""The log entries of people's actions on a handoff: pseudonymous ids and labels, no words.

Each action has its own entry type: taking over (`takeover`), replying (`staff_reply`),
reading a transcript (`transcript_access`), handing back, forwarding, closing, a note and a
decision on a held draft. Logs written before these types existed carry the last five as
`takeover` or `staff_reply` with an `action` label, which the figures still read. A callback
request is the citizen asking for a person, so it stays an `escalation` (reason
`callback_requested`).
"""

from __future__ import annotations

from audit.sink import AuditEvent, JsonValue
from bot.handoff.texts import handoff_text

ENTRY_TYPE: dict[str, str] = {
    "claim": "takeover",
    "reply": "staff_reply",
    "transcript": "transcript_access",
    "hand_back": "hand_back",
    "forward": "forward",
    "note": "staff_note",
    "close": "handoff_close",
    "callback": "escalation",
    # A held answer: the AI draft sent as written, edited text sent, or a person's own reply.
    "approve_draft": "draft_decision",
    "edit_draft": "draft_decision",
    "reject_draft": "draft_decision",
}


def staff_event(
    action: str,
    conversation_id: str,
    caseworker: str,
    *,
    handoff_id: int,
    text: str | None = None,
    **labels: JsonValue,
) -> AuditEvent:
    """An entry for a caseworker's action; `text` (a reply, a note) goes to the vault."""
    entry_type = ENTRY_TYPE[action]
    fields: dict[str, JsonValue] = {"action": action, "handoff": handoff_id, **labels}
    if entry_type == "transcript_access":
        fields["accessor"] = caseworker
    else:
        fields["caseworker"] = caseworker
    return AuditEvent(entry_type, conversation_id, fields, text)


def callback_events(conversation_id: str, lang: str, contact: str) -> list[AuditEvent]:
    """A callback request: the citizen's contact details as their message (kept encrypted,
    apart), then the escalation with the confirmation they are shown."""
    confirmation = handoff_text("callback_received", lang)
    return [
        AuditEvent("message", conversation_id, {"lang": lang, "purpose": "callback"}, contact),
        AuditEvent(
            ENTRY_TYPE["callback"],
            conversation_id,
            {"reason": "callback_requested", "lang": lang},
            confirmation,
        ),
    ]


def contact_event(conversation_id: str, lang: str, contact: str) -> AuditEvent:
    """The contact details of a message sent to a person (`GuardVerdict.contact`), kept for the
    caseworker as the callback form's are: the words to the vault, encrypted with the
    conversation's key; a purpose label and a commitment to the log."""
    return AuditEvent("message", conversation_id, {"lang": lang, "purpose": "contact"}, contact)
