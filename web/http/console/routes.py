"""The console pages: the queue, a conversation taken over by a person, and its actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from audit.sink import LogUnavailable
from bot.handoff.ports import QUEUE_CHANNEL, conversation_channel
from bot.handoff.state import OUTCOMES, Handoff, HandoffNotFound
from web.events import Event
from web.http.console.access import ActingStaffDep, Staff, StaffDep
from web.http.console.errors import desk_errors
from web.http.console.parts import PeopleServices
from web.http.console.stream import live_fragments
from web.http.deps import ServicesDep
from web.http.entry_numbers import LARGEST
from web.metrics import Metrics
from web.services import Services, shown_text

router = APIRouter(include_in_schema=False)
# A handoff's id is a database key: beyond 64 bits it is a 422, not an overflow further in.
HandoffId = Annotated[int, Path(ge=1, le=LARGEST)]


def _base(services: Services, staff: Staff) -> dict[str, object]:
    return {
        "organisation": services.organisation,
        "htmx_available": services.htmx_available,
        "staff": staff,
        "csrf": staff.csrf,
        "can_act": staff.account.can_act,
        "pseudonym": staff.account.pseudonym,
        "teams": services.people.desk.teams,
        "error": None,
    }


def _queue_context(services: Services, staff: Staff, team: str | None) -> dict[str, object]:
    desk = services.people.desk
    return {
        **_base(services, staff),
        "team": team,
        "waiting": desk.queue(team),
        "claimed": desk.claimed(),
    }


@router.get("/console", response_class=HTMLResponse)
def queue_page(
    request: Request, services: ServicesDep, staff: StaffDep, team: str | None = None
) -> Response:
    context = _queue_context(services, staff, team or None)
    return services.templates.TemplateResponse(request, "console/queue.html", context)


@router.get("/console/queue", response_class=HTMLResponse)
def queue_fragment(
    request: Request, services: ServicesDep, staff: StaffDep, team: str | None = None
) -> Response:
    context = _queue_context(services, staff, team or None)
    return services.templates.TemplateResponse(request, "console/_queue.html", context)


@router.get("/console/events")
async def queue_events(
    request: Request, services: ServicesDep, staff: StaffDep, team: str | None = None
) -> Response:
    template = services.templates.get_template("console/_queue.html")

    def render(_: Event) -> str:
        return template.render(_queue_context(services, staff, team or None))

    return live_fragments(request, services.people.events, [QUEUE_CHANNEL], "queue", render)


def _handoff(people: PeopleServices, handoff_id: int) -> Handoff:
    try:
        return people.desk.get(handoff_id)
    except HandoffNotFound:
        raise HTTPException(404, "no such conversation in the console") from None


def _transcript_context(services: Services, handoff: Handoff, *, acting: bool) -> dict[str, object]:
    """The decrypted transcript and notes: call only after the access was logged. `acting`:
    the reader can act on handoffs (a caseworker), and so sees how to reach the citizen."""
    vault = services.vault
    notes = [
        {
            "id": n.id,
            "caseworker": n.caseworker,
            "created_at": n.created_at,
            "text": shown_text(vault, n.text_id),
        }
        for n in services.people.desk.notes(handoff.conversation_id)
    ]
    # How to reach the citizen (the callback form's text, or the phone numbers and e-mail
    # addresses of a message sent to a person): for the caseworkers who act on the handoff,
    # not for oversight readers, who review what was said and decided, not whom to call.
    callback = None
    if handoff.callback_text_id is not None and acting:
        callback = shown_text(vault, handoff.callback_text_id)
    draft = services.people.drafts.draft(handoff.id)
    draft_text = None
    if draft is not None:
        draft_text = shown_text(vault, draft.text_id)
    return {
        "turns": services.transcript(handoff.conversation_id),
        "notes": notes,
        "callback": callback,
        "callback_kind": handoff.kind,
        "draft": draft,
        "draft_text": draft_text,
    }


def _record_access(services: Services, staff: Staff, handoff: Handoff) -> None:
    """Log this reading of the decrypted transcript; raises 503 when the log cannot record it."""
    purpose = "handoff" if staff.account.can_act else "oversight"
    try:
        services.people.desk.record_transcript_access(handoff, staff.account.pseudonym, purpose)
    except LogUnavailable:
        # No log entry, no transcript: the access must be on record before the words are shown.
        raise HTTPException(503, "the transparency log is unavailable; try again soon") from None


@router.get("/console/handoffs/{handoff_id}", response_class=HTMLResponse)
def conversation_page(
    request: Request, services: ServicesDep, staff: StaffDep, handoff_id: HandoffId
) -> Response:
    handoff = _handoff(services.people, handoff_id)
    _record_access(services, staff, handoff)
    context = {
        **_base(services, staff),
        **_transcript_context(services, handoff, acting=staff.account.can_act),
        "handoff": handoff,
        "outcomes": OUTCOMES,
    }
    return services.templates.TemplateResponse(request, "console/conversation.html", context)


@router.get("/console/handoffs/{handoff_id}/events")
async def conversation_events(
    request: Request, services: ServicesDep, staff: StaffDep, handoff_id: HandoffId
) -> Response:
    """Live updates of a transcript; the stream is an access of its own, logged before it opens.

    The page's entry is not enough: anyone signed in can subscribe here without the page.
    """
    handoff = await run_in_threadpool(_handoff, services.people, handoff_id)
    await run_in_threadpool(_record_access, services, staff, handoff)
    template = services.templates.get_template("console/_transcript.html")

    def render(_: Event) -> str:
        return template.render(_transcript_context(services, handoff, acting=staff.account.can_act))

    channel = conversation_channel(handoff.conversation_id)
    return live_fragments(request, services.people.events, [channel], "transcript", render)


def _act(request: Request, handoff_id: int, action: str) -> Response:
    if request.headers.get("hx-request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": f"/console/handoffs/{handoff_id}"})
    # Approving or editing a held answer gives the conversation back to the bot.
    done = {"hand_back", "close", "forward", "approve_draft", "edit_draft"}
    target = "/console" if action in done else None
    return RedirectResponse(target or f"/console/handoffs/{handoff_id}", status_code=303)


@router.post("/console/handoffs/{handoff_id}/claim")
def claim(
    request: Request, services: ServicesDep, staff: ActingStaffDep, handoff_id: HandoffId
) -> Response:
    _handoff(services.people, handoff_id)
    with desk_errors():
        claimed = services.people.desk.claim(handoff_id, staff.account.pseudonym)
    metrics: Metrics | None = getattr(request.app.state, "metrics", None)
    if metrics is not None:
        metrics.claimed(claimed)
    return _act(request, handoff_id, "claim")


@router.post("/console/handoffs/{handoff_id}/reply")
def reply(
    request: Request,
    services: ServicesDep,
    staff: ActingStaffDep,
    handoff_id: HandoffId,
    text: Annotated[str, Form()] = "",
) -> Response:
    handoff = _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.desk.reply(handoff_id, staff.account.pseudonym, text)
    if request.headers.get("hx-request") == "true":
        context = {
            **_transcript_context(services, handoff, acting=staff.account.can_act),
            "clear_reply": True,
        }
        return services.templates.TemplateResponse(request, "console/_transcript.html", context)
    return _act(request, handoff_id, "reply")


@router.post("/console/handoffs/{handoff_id}/notes")
def add_note(
    request: Request,
    services: ServicesDep,
    staff: ActingStaffDep,
    handoff_id: HandoffId,
    text: Annotated[str, Form()] = "",
) -> Response:
    _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.desk.add_note(handoff_id, staff.account.pseudonym, text)
    return _act(request, handoff_id, "note")


@router.post("/console/handoffs/{handoff_id}/hand-back")
def hand_back(
    request: Request, services: ServicesDep, staff: ActingStaffDep, handoff_id: HandoffId
) -> Response:
    _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.drafts.require_decided(handoff_id)
        services.people.desk.hand_back(handoff_id, staff.account.pseudonym)
    return _act(request, handoff_id, "hand_back")


@router.post("/console/handoffs/{handoff_id}/forward")
def forward(
    request: Request,
    services: ServicesDep,
    staff: ActingStaffDep,
    handoff_id: HandoffId,
    team: Annotated[str, Form()] = "",
) -> Response:
    _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.desk.forward(handoff_id, staff.account.pseudonym, team)
    return _act(request, handoff_id, "forward")


@router.post("/console/handoffs/{handoff_id}/close")
def close(
    request: Request,
    services: ServicesDep,
    staff: ActingStaffDep,
    handoff_id: HandoffId,
    outcome: Annotated[str, Form()] = "",
) -> Response:
    _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.drafts.require_decided(handoff_id)
        services.people.desk.close(handoff_id, staff.account.pseudonym, outcome)
    return _act(request, handoff_id, "close")


@router.post("/console/handoffs/{handoff_id}/draft/approve")
def approve_draft(
    request: Request, services: ServicesDep, staff: ActingStaffDep, handoff_id: HandoffId
) -> Response:
    """Send the held AI answer as written (shown as AI-generated, checked by a person)."""
    _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.drafts.approve(handoff_id, staff.account.pseudonym)
    return _act(request, handoff_id, "approve_draft")


@router.post("/console/handoffs/{handoff_id}/draft/edit")
def edit_draft(
    request: Request,
    services: ServicesDep,
    staff: ActingStaffDep,
    handoff_id: HandoffId,
    text: Annotated[str, Form()] = "",
) -> Response:
    """Send the caseworker's edited answer (shown as from a person)."""
    _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.drafts.edit(handoff_id, staff.account.pseudonym, text)
    return _act(request, handoff_id, "edit_draft")


@router.post("/console/handoffs/{handoff_id}/draft/reject")
def reject_draft(
    request: Request,
    services: ServicesDep,
    staff: ActingStaffDep,
    handoff_id: HandoffId,
    text: Annotated[str, Form()] = "",
) -> Response:
    """Drop the held answer and send the caseworker's own reply instead."""
    _handoff(services.people, handoff_id)
    with desk_errors():
        services.people.drafts.reject(handoff_id, staff.account.pseudonym, text)
    return _act(request, handoff_id, "reject_draft")
