"""The citizen's widget: the chat page, the embeddable widget and its form posts (htmx or plain)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import (
    HTMLResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from markupsafe import escape
from starlette.concurrency import run_in_threadpool

from audit.receipt import ReceiptError, ReceiptNotReady, receipt_for
from audit.sink import LogUnavailable
from bot.conversations import ConversationRecord
from bot.engine import (
    ConversationNotFound,
    InvalidFeedback,
    InvalidMessage,
    Piece,
    StartedConversation,
)
from bot.handoff.ports import conversation_channel
from bot.handoff.state import InvalidStaffText
from web.events import Event
from web.http.citizen.access import cookie_secret, forget, remember, retry_after_seconds
from web.http.citizen.offer import offer_facts
from web.http.console.stream import live_fragments
from web.http.deps import ServicesDep
from web.http.entry_numbers import is_whole_number
from web.http.faults import as_fault, fault_sentence
from web.http.language import LANGUAGE_COOKIE, choose_language, remember_language
from web.services import Services, TurnView

router = APIRouter()


def _lang(services: Services, value: str | None) -> str:
    """A language posted back by a page's form: one offered, else English."""
    return value if value in services.languages else "en"


def _context(
    services: Services,
    *,
    lang: str,
    view: str,
    conversation_id: str | None = None,
    turns: list[TurnView] | None = None,
    error: str | None = None,
    draft: str = "",
    notice: str | None = None,
    offer: str | None = None,
) -> dict[str, object]:
    return {
        "notice": notice,
        "lang": lang,
        "view": view,
        "t": services.catalogs.ui_text(lang),
        "organisation": services.organisation,
        "disclosure": services.disclosure,
        "d": services.disclosure.text(lang),
        "languages": [(code, services.catalogs.label(code)) for code in services.languages],
        "conversation_id": conversation_id,
        "turns": turns or [],
        "error": error,
        "draft": draft,
        "max_chars": services.engine.policy.max_message_chars,
        "htmx_available": services.htmx_available,
        # Answers already rated show no feedback buttons.
        "rated": services.store.rated(conversation_id) if conversation_id else set(),
        # Read only when an offer of a person is shown (_person_offer.html).
        "person_offer": partial(offer_facts, services, lang),
        "offer_reason": offer,
        **_live_context(services, conversation_id, turns or []),
    }


def _live_context(
    services: Services, conversation_id: str | None, turns: list[TurnView]
) -> dict[str, object]:
    """Whether the widget listens for a person's replies, and from which turn on."""
    live = bool(conversation_id) and services.people.desk.latest(conversation_id or "") is not None
    return {"live": live, "last_seq": max((t.seq for t in turns), default=0)}


def _render_chat(
    request: Request,
    services: Services,
    status_code: int = 200,
    *,
    lang: str,
    view: str,
    conversation_id: str | None = None,
    turns: list[TurnView] | None = None,
    error: str | None = None,
    draft: str = "",
    notice: str | None = None,
    offer: str | None = None,
) -> HTMLResponse:
    context = _context(
        services,
        lang=lang,
        view=view,
        conversation_id=conversation_id,
        turns=turns,
        error=error,
        draft=draft,
        notice=notice,
        offer=offer,
    )
    return services.templates.TemplateResponse(
        request, "chat.html", context, status_code=status_code
    )


def _show(
    request: Request, services: Services, view: str, c: str | None, lang: str | None
) -> Response:
    def chosen(conversation: str | None = None) -> str:
        # The URL's language, then the conversation's, the cookie's, the browser's.
        return choose_language(
            services.languages,
            url=lang,
            conversation=conversation,
            cookie=request.cookies.get(LANGUAGE_COOKIE),
            accept_language=request.headers.get("accept-language"),
        )

    if c:
        try:
            conversation = services.engine.open(c, cookie_secret(request, c))
        except ConversationNotFound:
            words = services.catalogs.ui_text(chosen())
            return _render_chat(
                request, services, 404, lang=chosen(), view=view, error=words["not_found"]
            )
        shown = chosen(conversation.lang)
        response: Response = _render_chat(
            request,
            services,
            lang=shown,
            view=view,
            conversation_id=c,
            turns=services.transcript(c),
            # After a "No" without JavaScript: the offer of a person, below the log.
            offer="person.feedback_no" if request.query_params.get("offer") == "no" else None,
        )
    else:
        shown = chosen()
        response = _render_chat(request, services, lang=shown, view=view)
    remember_language(request, response, shown)
    return response


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(
    request: Request, services: ServicesDep, c: str | None = None, lang: str | None = None
) -> Response:
    return _show(request, services, "page", c, lang)


@router.get("/chat", response_class=HTMLResponse, include_in_schema=False)
def chat_page(
    request: Request, services: ServicesDep, c: str | None = None, lang: str | None = None
) -> Response:
    return _show(request, services, "page", c, lang)


@router.get("/widget", response_class=HTMLResponse, include_in_schema=False)
def widget(
    request: Request, services: ServicesDep, c: str | None = None, lang: str | None = None
) -> Response:
    return _show(request, services, "widget", c, lang)


@router.get("/widget.js", include_in_schema=False)
def widget_script(
    request: Request, services: ServicesDep, lang: Annotated[str | None, Query()] = None
) -> Response:
    """One <script> tag on any site: it adds the widget in an iframe from this server.

    Without `data-lang` (or `?lang=`) the widget speaks the visitor's browser language."""
    base = str(request.base_url).rstrip("/")
    fixed = lang if lang in services.languages else ""
    script = (
        "(function(){var s=document.currentScript;var f=document.createElement('iframe');"
        f"var l=s.dataset.lang||{fixed!r};"
        f"f.src={base!r}+(l?'/widget?lang='+encodeURIComponent(l):'/widget');"
        "f.title='Chat assistant';f.style.cssText='width:100%;max-width:420px;height:640px;"
        "border:1px solid #bbb;border-radius:8px';s.parentNode.insertBefore(f,s);})();"
    )
    return Response(script, media_type="text/javascript")


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _form_error(
    request: Request,
    services: Services,
    status: int,
    message: str,
    *,
    lang: str,
    view: str,
    conversation_id: str | None,
    draft: str,
) -> Response:
    if _is_htmx(request):
        return services.templates.TemplateResponse(
            request,
            "_error.html",
            {"error": message},
            status_code=status,
            headers={"HX-Retarget": "#error", "HX-Reswap": "innerHTML"},
        )
    turns = services.transcript(conversation_id) if conversation_id else []
    return _render_chat(
        request,
        services,
        status,
        lang=lang,
        view=view,
        conversation_id=conversation_id,
        turns=turns,
        error=message,
        draft=draft,
    )


# What a citizen's form post can run into, with the status and the sentence that explains it.
_REFUSALS: dict[type[Exception], tuple[int, str]] = {
    ConversationNotFound: (404, "not_found"),
    InvalidStaffText: (422, "empty"),
}


def _refusal(
    request: Request,
    services: Services,
    exc: Exception,
    *,
    lang: str,
    view: str,
    conversation_id: str | None,
    draft: str,
) -> Response:
    if isinstance(exc, LogUnavailable):
        status, message = 503, fault_sentence(exc, services.organisation, lang, services.catalogs)
    else:
        status, key = _REFUSALS[type(exc)]
        message = services.catalogs.ui_text(lang)[key]
    return _form_error(
        request,
        services,
        status,
        message,
        lang=lang,
        view=view,
        # A conversation that is gone is not shown again.
        conversation_id=None if status == 404 else conversation_id,
        draft=draft,
    )


def _after_post(
    request: Request,
    services: Services,
    conversation_id: str,
    new_turns: int,
    lang: str,
    view: str,
    *,
    clear_draft: bool = False,
) -> Response:
    if _is_htmx(request):
        turns = services.transcript(conversation_id)[-new_turns:]
        context = _context(
            services, lang=lang, view=view, conversation_id=conversation_id, turns=turns
        )
        context["clear_draft"] = clear_draft
        exchange = services.templates.TemplateResponse(request, "_exchange.html", context)
        # Once a person is involved, start (or keep) the live link for their replies.
        live = services.templates.get_template("_live.html").render({**context, "oob": True})
        return HTMLResponse(bytes(exchange.body) + live.encode(), status_code=200)
    # Without JavaScript: post, then redirect, so reloading the page doesn't send the message again.
    path = "/widget" if view == "widget" else "/chat"
    return RedirectResponse(f"{path}?c={conversation_id}&lang={lang}#log", status_code=303)


@router.post("/chat/messages", include_in_schema=False)
def post_message(
    request: Request,
    services: ServicesDep,
    text: Annotated[str, Form()] = "",
    conversation_id: Annotated[str, Form()] = "",
    lang: Annotated[str, Form()] = "en",
    view: Annotated[str, Form()] = "page",
) -> Response:
    chosen, view = _lang(services, lang), ("widget" if view == "widget" else "page")
    words = services.catalogs.ui_text(chosen)
    cid = conversation_id or None
    started: StartedConversation | None = None
    if "\ufffd" in text:
        # The form parser replaces bytes that are not UTF-8 with U+FFFD; say so, keep the rest.
        return _form_error(
            request,
            services,
            400,
            words["bad_encoding"],
            lang=chosen,
            view=view,
            conversation_id=cid,
            draft=text.replace("\ufffd", ""),
        )
    try:
        services.engine.validate(text)
        opened = None
        if cid is None:
            started = services.engine.start(chosen)
            cid = started.id
        else:
            opened = services.engine.open(cid, cookie_secret(request, cid))
        if _is_htmx(request) and not services.engine.with_person(cid):
            # With JavaScript the answer streams: show the question now, the answer as written.
            return _keep(_pending(request, services, cid, text, chosen, view), request, started)
        reply = services.engine.ask(cid, text, opened=opened)
    except InvalidMessage as exc:
        message = words[exc.reason].format(length=len(text.strip()), limit=exc.limit)
        return _form_error(
            request, services, 422, message, lang=chosen, view=view, conversation_id=cid, draft=text
        )
    except (ConversationNotFound, LogUnavailable) as exc:
        refused = _refusal(
            request, services, exc, lang=chosen, view=view, conversation_id=cid, draft=text
        )
        return _keep(refused, request, started)
    # With a person on the conversation the bot stays silent: only the citizen's turn is new.
    new_turns = 1 if reply.decision == "to_person" else 2
    after = _after_post(request, services, cid, new_turns, chosen, view, clear_draft=True)
    return _keep(after, request, started)


def _keep(response: Response, request: Request, started: StartedConversation | None) -> Response:
    """Hand a conversation started by this request its secret, in the browser's cookie."""
    if started is not None:
        remember(response, request, started)
    return response


def _pending(
    request: Request, services: Services, conversation_id: str, text: str, lang: str, view: str
) -> Response:
    ticket = services.pending.put(conversation_id, text, lang, view)
    context = _context(services, lang=lang, view=view, conversation_id=conversation_id)
    context.update(clear_draft=True, question=text.strip(), ticket=ticket)
    templates = services.templates
    body = templates.get_template("_pending.html").render(context) + templates.get_template(
        "_exchange.html"
    ).render(context)
    return HTMLResponse(body)


def _sse_html(event: str, html: str) -> str:
    data = "".join(f"data: {line}\n" for line in (html.splitlines() or [""]))
    return f"event: {event}\n{data}\n"


@router.get("/chat/stream/{ticket}", include_in_schema=False)
def stream_answer(request: Request, services: ServicesDep, ticket: str) -> Response:
    """The answer to a posted question as SSE: `piece` (the text so far), then `done` (the turn)."""
    # A ticket works only in the browser that holds the conversation; anyone else neither
    # reads the answer nor uses the ticket up.
    waiting = services.pending.peek(ticket)
    opened = _opened(request, services, waiting.conversation_id) if waiting else None
    pending = services.pending.take(ticket) if opened is not None else None
    lang = pending.lang if pending else "en"
    words = services.catalogs.ui_text(lang)
    context = _context(
        services,
        lang=lang,
        view=pending.view if pending else "page",
        conversation_id=pending.conversation_id if pending else None,
    )
    turn_template = services.templates.get_template("_turn.html")
    live_template = services.templates.get_template("_live.html")
    error_turn = '<li class="oc-turn oc-assistant oc-error" role="alert"><p>{}</p></li>'

    def events() -> Iterator[str]:
        if pending is None:
            yield _sse_html("done", error_turn.format(escape(words["expired"])))
            return
        shown = ""
        try:
            for event in services.engine.ask_stream(
                pending.conversation_id, pending.text, opened=opened
            ):
                if isinstance(event, Piece):
                    shown += event.text
                    yield _sse_html("piece", str(escape(shown)))
                elif event.decision == "to_person":
                    # A person took the conversation meanwhile: the bot's turn goes away.
                    yield _sse_html("done", '<li hidden class="oc-relayed"></li>')
                else:
                    turns = services.transcript(pending.conversation_id)
                    # With the conversation's turns: the offer of a person goes on the last one.
                    now = _live_context(services, pending.conversation_id, turns)
                    html = turn_template.render({**context, **now, "turn": turns[-1]})
                    if event.decision == "escalate":
                        # A person was asked for: start listening for their replies.
                        live = _live_context(services, pending.conversation_id, turns)
                        html += live_template.render({**context, **live, "oob": True})
                    yield _sse_html("done", html)
        except (InvalidMessage, ConversationNotFound):
            yield _sse_html("done", error_turn.format(escape(words["not_found"])))
        except Exception as error:
            # Nothing was shown (words come only once logged): say what is down, whom to call.
            fault = as_fault(error)
            if fault is None:
                raise
            said = fault_sentence(fault, services.organisation, lang, services.catalogs)
            yield _sse_html("done", error_turn.format(escape(said)))

    return StreamingResponse(
        events(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )


def _opened(
    request: Request, services: Services, conversation_id: str
) -> ConversationRecord | None:
    """The conversation, when this browser holds its secret; else None."""
    try:
        return services.engine.open(conversation_id, cookie_secret(request, conversation_id))
    except ConversationNotFound:
        return None


def _holds(request: Request, services: Services, conversation_id: str) -> bool:
    return _opened(request, services, conversation_id) is not None


@router.get("/chat/receipt", include_in_schema=False)
def download_receipt(
    request: Request, services: ServicesDep, conversation_id: str = "", lang: str = "en"
) -> Response:
    """The conversation's log entries, their inclusion proofs and a signed checkpoint, as JSON:
    `opencounter audit verify-receipt FILE` checks it offline."""
    chosen = _lang(services, lang)
    try:
        services.engine.open(conversation_id, cookie_secret(request, conversation_id))
        body = receipt_for(services.log, conversation_id)
    except ReceiptNotReady as exc:
        seconds = retry_after_seconds(exc)
        waiting = _render_chat(
            request,
            services,
            503,
            lang=chosen,
            view="page",
            conversation_id=conversation_id,
            turns=services.transcript(conversation_id),
            error=services.catalogs.ui_text(chosen)["receipt_not_ready"].format(seconds=seconds),
        )
        waiting.headers["Retry-After"] = str(seconds)
        return waiting
    except (ConversationNotFound, ReceiptError):
        words = services.catalogs.ui_text(chosen)
        return _render_chat(
            request, services, 404, lang=chosen, view="page", error=words["no_receipt"]
        )
    except LogUnavailable as exc:
        return _render_chat(
            request,
            services,
            503,
            lang=chosen,
            view="page",
            error=fault_sentence(exc, services.organisation, chosen, services.catalogs),
        )
    name = f"opencounter-receipt-{conversation_id[:8]}.json"
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/chat/erase", include_in_schema=False)
def erase_conversation(
    request: Request,
    services: ServicesDep,
    conversation_id: Annotated[str, Form()] = "",
    lang: Annotated[str, Form()] = "en",
    view: Annotated[str, Form()] = "page",
) -> Response:
    """The citizen erases their conversation: its words become unreadable (crypto-shredding),
    an erasure entry is logged, and the log stays verifiable."""
    chosen, view = _lang(services, lang), ("widget" if view == "widget" else "page")
    words = services.catalogs.ui_text(chosen)
    try:
        services.engine.open(conversation_id, cookie_secret(request, conversation_id))
        services.erase(conversation_id)
    except ConversationNotFound:
        return _render_chat(
            request, services, 404, lang=chosen, view=view, error=words["not_found"]
        )
    except LogUnavailable as exc:
        return _render_chat(
            request,
            services,
            503,
            lang=chosen,
            view=view,
            conversation_id=conversation_id,
            turns=services.transcript(conversation_id),
            error=fault_sentence(exc, services.organisation, chosen, services.catalogs),
        )
    done = _render_chat(request, services, 200, lang=chosen, view=view, notice=words["erased"])
    forget(done, request, conversation_id)
    return done


@router.post("/chat/person", include_in_schema=False)
def post_person(
    request: Request,
    services: ServicesDep,
    conversation_id: Annotated[str, Form()] = "",
    lang: Annotated[str, Form()] = "en",
    view: Annotated[str, Form()] = "page",
    reason: Annotated[str, Form()] = "person.button",
) -> Response:
    chosen, view = _lang(services, lang), ("widget" if view == "widget" else "page")
    cid = conversation_id or None
    started: StartedConversation | None = None
    try:
        if cid is None:
            started = services.engine.start(chosen)
            cid = started.id
        else:
            services.engine.open(cid, cookie_secret(request, cid))
        services.engine.request_person(cid, reason)
    except (ConversationNotFound, LogUnavailable) as exc:
        refused = _refusal(
            request, services, exc, lang=chosen, view=view, conversation_id=cid, draft=""
        )
        return _keep(refused, request, started)
    return _keep(_after_post(request, services, cid, 1, chosen, view), request, started)


@router.get("/chat/live", include_in_schema=False)
async def live_turns(
    request: Request, services: ServicesDep, c: str, lang: str = "en", after: int = 0
) -> Response:
    """The citizen's live link: a person's replies and notices, as they are sent (SSE)."""
    # A database read: in the thread pool, never on the event loop, which every request and
    # stream of the process shares (200 citizens opening their links at once stalled it).
    if not await run_in_threadpool(_holds, request, services, c):
        return Response(status_code=404)
    resumed = request.headers.get("last-event-id", "")
    if resumed and not is_whole_number(resumed):
        # Browsers send back the id we gave; anything else is not worth a stream.
        return PlainTextResponse("Last-Event-ID must be an event id we sent.", status_code=422)
    seen = max(after, int(resumed) if resumed else 0)
    chosen = _lang(services, lang)
    template = services.templates.get_template("_turn.html")

    def render(_: Event) -> str | None:
        nonlocal seen
        fresh = [
            t
            for t in services.transcript(c)
            # A person's words, notices, and AI answers a person approved (held until then).
            if t.seq > seen
            and (t.role == "staff" or t.mode == "handoff" or t.reason == "draft_approved")
        ]
        if not fresh:
            return None
        seen = max(t.seq for t in fresh)
        base = _context(services, lang=chosen, view="widget", conversation_id=c)
        return "".join(template.render({**base, "turn": turn}) for turn in fresh)

    return live_fragments(
        request,
        services.people.events,
        [conversation_channel(c)],
        "turn",
        render,
        first=True,
        event_id=lambda: str(seen),
    )


@router.post("/chat/callback", include_in_schema=False)
def post_callback(
    request: Request,
    services: ServicesDep,
    conversation_id: Annotated[str, Form()] = "",
    contact: Annotated[str, Form()] = "",
    lang: Annotated[str, Form()] = "en",
    view: Annotated[str, Form()] = "page",
) -> Response:
    """Out of hours: the citizen leaves how to reach them; it is kept encrypted."""
    chosen, view = _lang(services, lang), ("widget" if view == "widget" else "page")
    try:
        services.engine.open(conversation_id, cookie_secret(request, conversation_id))
        services.engine.request_callback(conversation_id, contact)
    except (ConversationNotFound, InvalidStaffText, LogUnavailable) as exc:
        return _refusal(
            request,
            services,
            exc,
            lang=chosen,
            view=view,
            conversation_id=conversation_id,
            draft="",
        )
    return _after_post(request, services, conversation_id, 2, chosen, view)


def _person_offer(services: Services, conversation_id: str, lang: str, view: str) -> str:
    """One click after a "No": the same escalation as "Talk to a person", logged with the
    reason `person.feedback_no` (web/templates/_person_offer.html)."""
    context = _context(
        services, lang=lang, view=view, conversation_id=conversation_id, offer="person.feedback_no"
    )
    return services.templates.get_template("_person_offer.html").render(context)


@router.post("/chat/feedback", include_in_schema=False)
def post_feedback(
    request: Request,
    services: ServicesDep,
    conversation_id: Annotated[str, Form()] = "",
    answer: Annotated[str, Form()] = "",
    helpful: Annotated[str, Form()] = "",
    lang: Annotated[str, Form()] = "en",
    view: Annotated[str, Form()] = "page",
) -> Response:
    """ "Did this answer help?": logged as a `feedback` entry; a "no" points to a person."""
    chosen, view = _lang(services, lang), ("widget" if view == "widget" else "page")
    words = services.catalogs.ui_text(chosen)
    try:
        services.engine.open(conversation_id, cookie_secret(request, conversation_id))
        if not is_whole_number(answer) or helpful not in ("yes", "no"):
            raise InvalidFeedback("the form was incomplete")
        services.engine.feedback(conversation_id, int(answer), helpful == "yes")
    except InvalidFeedback:
        return _form_error(
            request,
            services,
            422,
            words["feedback_invalid"],
            lang=chosen,
            view=view,
            conversation_id=conversation_id,
            draft="",
        )
    except (ConversationNotFound, LogUnavailable) as exc:
        return _refusal(
            request,
            services,
            exc,
            lang=chosen,
            view=view,
            conversation_id=conversation_id,
            draft="",
        )
    if _is_htmx(request):
        said = words["feedback_thanks"] if helpful == "yes" else words["feedback_person"]
        done = f'<p class="oc-feedback-done" role="status">{escape(said)}</p>'
        if helpful == "no":
            done += _person_offer(services, conversation_id, chosen, view)
        return HTMLResponse(done)
    path = "/widget" if view == "widget" else "/chat"
    # Without JavaScript the page shows the offer of a person below the log after a "No".
    offer = "&offer=no" if helpful == "no" else ""
    return RedirectResponse(f"{path}?c={conversation_id}&lang={chosen}{offer}#log", status_code=303)
