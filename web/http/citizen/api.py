"""The JSON API for other front ends: start a conversation, send a message, ask for a person.

Starting a conversation returns its public `id` and, once, its `token`: every later call on
that conversation sends `Authorization: Bearer <token>`. Without the right token a call
answers 404, exactly as for a conversation that does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from audit.receipt import ReceiptError, ReceiptNotReady, receipt_for
from audit.sink import LogUnavailable
from bot.engine import (
    OFFER_AFTER_UNCOVERED,
    ConversationNotFound,
    InvalidFeedback,
    InvalidMessage,
    Piece,
    Reply,
)
from web.http.citizen.access import bearer_secret, retry_after_seconds
from web.http.citizen.offer import offer_facts
from web.http.deps import ServicesDep
from web.http.faults import as_fault, fault_name, fault_sentence, retry_after, sse_fault
from web.http.kb_links import kb_link
from web.services import Services

router = APIRouter(prefix="/api/v1", tags=["conversations"])

ConversationId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class StartConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lang: str = Field(default="en", description="Language of the page: 'en' or 'fr'.")


class DisclosureOut(BaseModel):
    version: str
    heading: str
    text: str


class ConversationOut(BaseModel):
    id: str = Field(description="The conversation's public log id (it appears in the log).")
    token: str = Field(
        description="The citizen's secret for this conversation, given only now: send it as "
        "`Authorization: Bearer <token>` on every later call. Keep it private; it is stored "
        "only hashed and cannot be recovered."
    )
    lang: str
    disclosure: DisclosureOut = Field(
        description="Show this to the citizen before the first message (EU AI Act Art. 50)."
    )


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The citizen's message.")


class LinkOut(BaseModel):
    text: str = Field(description="the link's own words, to show in place of its token")
    url: str = Field(description="http(s), mailto or tel only; empty when it may not be shown")


class CitationOut(BaseModel):
    doc_id: str
    title: str
    url: str = Field(description="http(s), mailto or tel only; empty when the page has none")
    links: list[LinkOut] = Field(
        default_factory=list,
        description='the page\'s links the text names: "[link n.k]" in the text is link k of '
        "citation n (1-based); show its text, linked to its url",
    )


class PersonOfferOut(BaseModel):
    """A person offered after two uncovered questions in a row or a "No" rating: accept it by
    POSTing `{"offer": <reason>}` to the conversation's /escalations."""

    reason: str = Field(description="low_confidence | feedback_no: send it back to accept")
    open: bool = Field(description="true while people answer live; false: a call back instead")
    expected_wait_minutes: int | None = Field(
        default=None, description="while open: the expected wait if queued now"
    )
    hours: str | None = Field(default=None, description="while closed: when people answer")


class EscalationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # Which offer was accepted, if any: logged as person.low_confidence or person.feedback_no.
    offer: Literal["low_confidence", "feedback_no"] | None = None


class ReplyOut(BaseModel):
    decision: str = Field(
        description="answer | refuse | escalate | block_pii, or to_person (empty text) while a "
        "caseworker has the conversation: their replies arrive in the widget's live channel"
    )
    reason: str
    text: str
    citations: list[CitationOut]
    ai_generated: bool
    lang: str
    mode: str
    entry: int | None = None  # the reply's log entry; rate an answer with .../feedback
    person_offer: PersonOfferOut | None = None  # after two uncovered questions in a row


class FeedbackIn(BaseModel):
    answer: int  # the `entry` of an answer in this conversation
    helpful: bool


class FeedbackOut(BaseModel):
    entry: int  # the feedback's own log entry
    person_offer: PersonOfferOut | None = None  # after a "No"


class ErrorOut(BaseModel):
    error: str


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _person_offer(services: Services, reason: str, lang: str) -> PersonOfferOut:
    facts = offer_facts(services, lang)
    return PersonOfferOut(
        reason=reason, open=facts.open, expected_wait_minutes=facts.minutes, hours=facts.hours
    )


def _reply(reply: Reply, services: Services) -> ReplyOut:
    offered = reply.reason == OFFER_AFTER_UNCOVERED
    return ReplyOut(
        decision=reply.decision,
        reason=reply.reason,
        text=reply.text,
        # The same check as the pages: an API client may put the url straight into an href.
        citations=[
            CitationOut(
                doc_id=c.doc_id,
                title=c.title,
                url=kb_link(c.url),
                links=[LinkOut(text=link.text, url=kb_link(link.url)) for link in c.links],
            )
            for c in reply.citations
        ],
        ai_generated=reply.ai_generated,
        lang=reply.lang,
        mode=reply.mode,
        entry=reply.log_index,
        person_offer=_person_offer(services, "low_confidence", reply.lang) if offered else None,
    )


def _invalid(exc: InvalidMessage, text: str) -> JSONResponse:
    if exc.reason == "empty":
        return _error(422, "The message is empty. Send the question in the 'text' field.")
    return _error(
        422,
        f"The message is too long ({len(text)} characters); the limit is {exc.limit}. "
        "Shorten it or split it into several messages.",
    )


_NOT_FOUND = (
    "No conversation has this id for this token. Send the token you got when you started it "
    "as 'Authorization: Bearer <token>', or start one with POST /api/v1/conversations."
)


def _log_down(services: Services, fault: LogUnavailable) -> JSONResponse:
    """503 naming the fault (blocked, unreachable, disk full...), when to retry, whom to call."""
    return JSONResponse(
        {"error": fault_sentence(fault, services.organisation), "fault": fault_name(fault)},
        status_code=503,
        headers={"Retry-After": str(retry_after(fault))},
    )


_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut},
    422: {"model": ErrorOut},
    # Sent by web/http/request_limits.py before the route runs, with Retry-After.
    429: {"model": ErrorOut, "description": "Too many requests; wait Retry-After seconds"},
    503: {"model": ErrorOut},
}


def _on_conversation(method: str, tail: str = "") -> dict[str, object]:
    """An OpenAPI link: call `method` on this conversation (its id from the path or body)."""
    pointer = "~1api~1v1~1conversations~1{conversation_id}" + tail.replace("/", "~1")
    return {"operationRef": f"#/paths/{pointer}/{method}"}


# What a client (and the stateful fuzz test) can do with a conversation it has: OpenAPI links.
_FROM_START: dict[str, object] = {"parameters": {"conversation_id": "$response.body#/id"}}
_FROM_PATH: dict[str, object] = {"parameters": {"conversation_id": "$request.path.conversation_id"}}
_NEXT_STEPS = {
    "SendMessage": _on_conversation("post", "/messages"),
    "StreamMessage": _on_conversation("post", "/messages/stream"),
    "AskForPerson": _on_conversation("post", "/escalations"),
    "SendFeedback": _on_conversation("post", "/feedback"),
    "GetReceipt": _on_conversation("get", "/receipt"),
    "EraseConversation": _on_conversation("delete"),
}


def _links(source: Mapping[str, object]) -> dict[str, object]:
    return {name: {**target, **source} for name, target in _NEXT_STEPS.items()}


_LINKED = {**_ERRORS, 200: {"links": _links(_FROM_PATH)}}


@router.post(
    "/conversations",
    status_code=201,
    response_model=ConversationOut,
    responses={**_ERRORS, 201: {"links": _links(_FROM_START)}},
)
async def start_conversation(
    services: ServicesDep, body: StartConversation | None = None
) -> ConversationOut | JSONResponse:
    # One hop to the thread pool for the storage work; the reply is checked here on the loop
    # (a sync route hands that check to the pool too: a second hop a request, issue 15).
    lang = (body or StartConversation()).lang
    return await run_in_threadpool(_start_conversation, services, lang)


def _start_conversation(services: Services, lang: str) -> ConversationOut | JSONResponse:
    if lang not in services.languages:
        offered = ", ".join(services.languages)
        return _error(422, f"Unknown language '{lang[:20]}'. Use one of: {offered}.")
    try:
        started = services.engine.start(lang)
    except LogUnavailable as exc:
        return _log_down(services, exc)
    d = services.disclosure.text(lang)
    return ConversationOut(
        id=started.id,
        token=started.secret,
        lang=lang,
        disclosure=DisclosureOut(
            version=services.disclosure.version, heading=d.heading, text=d.body
        ),
    )


@router.post(
    "/conversations/{conversation_id}/messages", response_model=ReplyOut, responses=_LINKED
)
async def send_message(
    conversation_id: ConversationId, body: MessageIn, request: Request, services: ServicesDep
) -> ReplyOut | JSONResponse:
    # As start_conversation: the engine in one hop to the pool, the reply checked here.
    secret = bearer_secret(request)
    return await run_in_threadpool(_send_message, services, conversation_id, body.text, secret)


def _send_message(
    services: Services, conversation_id: str, text: str, secret: str | None
) -> ReplyOut | JSONResponse:
    try:
        opened = services.engine.open(conversation_id, secret)
        return _reply(services.engine.ask(conversation_id, text, opened=opened), services)
    except InvalidMessage as exc:
        return _invalid(exc, text)
    except ConversationNotFound:
        return _error(404, _NOT_FOUND)
    except LogUnavailable as exc:
        return _log_down(services, exc)


@router.post(
    "/conversations/{conversation_id}/escalations", response_model=ReplyOut, responses=_LINKED
)
def ask_for_person(
    conversation_id: ConversationId,
    request: Request,
    services: ServicesDep,
    body: EscalationIn | None = None,
) -> ReplyOut | JSONResponse:
    """The citizen asks for a person: the request is logged and the contact details returned.

    Accepting an offer (`person_offer` in a reply or in feedback) sends its `reason` as `offer`.
    """
    reason = f"person.{body.offer}" if body is not None and body.offer else "person.button"
    try:
        services.engine.open(conversation_id, bearer_secret(request))
        return _reply(services.engine.request_person(conversation_id, reason), services)
    except ConversationNotFound:
        return _error(404, _NOT_FOUND)
    except LogUnavailable as exc:
        return _log_down(services, exc)


def _sse(event: str, data: str) -> str:
    return f"event: {event}\ndata: {data}\n\n"


@router.post(
    "/conversations/{conversation_id}/messages/stream",
    responses={**_ERRORS, 200: {"content": {"text/event-stream": {}}}},
)
def stream_message(
    conversation_id: ConversationId, body: MessageIn, request: Request, services: ServicesDep
) -> Response:
    """The reply as server-sent events, once it is logged.

    Events: `piece` (`{"text"}` to append), then `done` with the reply as logged (same shape
    as the non-streaming endpoint; show its text, which is final), or `error` (`{"error",
    "fault"}`: nothing was recorded, and nothing was shown). No word is sent before the
    reply's log entry is committed, so a blocked log shows the citizen no answer at all.
    """
    try:
        opened = services.engine.open(conversation_id, bearer_secret(request))
        services.engine.validate(body.text)
    except InvalidMessage as exc:
        return _invalid(exc, body.text)
    except ConversationNotFound:
        return _error(404, _NOT_FOUND)

    def events() -> Iterator[str]:
        try:
            for event in services.engine.ask_stream(conversation_id, body.text, opened=opened):
                if isinstance(event, Piece):
                    yield _sse("piece", json.dumps({"text": event.text}, ensure_ascii=False))
                else:
                    yield _sse("done", _reply(event, services).model_dump_json())
        except Exception as error:
            # The status line is sent: a fault can only be told as an event now.
            fault = as_fault(error)
            if fault is None:
                raise
            yield _sse("error", sse_fault(fault, services.organisation))

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


@router.post(
    "/conversations/{conversation_id}/feedback",
    status_code=201,
    response_model=FeedbackOut,
    responses=_ERRORS,
)
def send_feedback(
    conversation_id: ConversationId, body: FeedbackIn, request: Request, services: ServicesDep
) -> FeedbackOut | JSONResponse:
    """Say whether an answer helped (once per answer); logged as a `feedback` entry."""
    try:
        conversation = services.engine.open(conversation_id, bearer_secret(request))
        entry = services.engine.feedback(conversation_id, body.answer, body.helpful)
        if body.helpful:
            return FeedbackOut(entry=entry)
        return FeedbackOut(
            entry=entry, person_offer=_person_offer(services, "feedback_no", conversation.lang)
        )
    except ConversationNotFound:
        return _error(404, _NOT_FOUND)
    except InvalidFeedback as exc:
        return _error(422, f"Not recorded: {exc}. Use the 'entry' of an answer you received.")
    except LogUnavailable as exc:
        return _log_down(services, exc)


@router.get(
    "/conversations/{conversation_id}/receipt",
    responses={**_ERRORS, 200: {"content": {"application/json": {}}}},
)
def get_receipt(
    conversation_id: ConversationId, request: Request, services: ServicesDep
) -> Response:
    """The conversation's log entries, their inclusion proofs and a signed checkpoint.

    `opencounter audit verify-receipt FILE --key <log key>` checks it offline. It uses the
    newest checkpoint the log has signed; a conversation newer than that gets 503 with
    `Retry-After` (the log signs on its own schedule, never because of a request).
    """
    try:
        services.engine.open(conversation_id, bearer_secret(request))
        body = receipt_for(services.log, conversation_id)
    except ConversationNotFound:
        return _error(404, _NOT_FOUND)
    except ReceiptNotReady as exc:
        seconds = retry_after_seconds(exc)
        return JSONResponse(
            {"error": _not_ready(seconds)},
            status_code=503,
            headers={"Retry-After": str(seconds)},
        )
    except ReceiptError:
        return _error(404, _NOT_FOUND)
    except LogUnavailable as exc:
        return _log_down(services, exc)
    return Response(body, media_type="application/json")


def _not_ready(seconds: int) -> str:
    return (
        "The log has not yet signed a checkpoint that covers this conversation. "
        f"Ask again in {seconds} seconds."
    )


@router.delete("/conversations/{conversation_id}", status_code=204, responses=_ERRORS)
def erase_conversation(
    conversation_id: ConversationId, request: Request, services: ServicesDep
) -> Response:
    """Erase the conversation: its words become unreadable (crypto-shredding) and an
    `erasure` entry is logged; the log stays verifiable. The token stops working."""
    try:
        services.engine.open(conversation_id, bearer_secret(request))
        services.erase(conversation_id)
    except ConversationNotFound:
        return _error(404, _NOT_FOUND)
    except LogUnavailable as exc:
        return _log_down(services, exc)
    return Response(status_code=204)
