"""The oversight console's pages: search the log, timelines, transcripts read for a purpose,
statistics, review samples, planted instructions removed from the knowledge base, the signed
checkpoint and export bundles."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from audit.sink import LogUnavailable
from knowledge.planted_flags import FlagsNotRecorded, PlantedFlag
from web.http.console.access import Staff
from web.http.deps import ServicesDep
from web.http.entry_numbers import InvalidNumber, is_whole_number, whole_number
from web.http.oversight.access import OversightCsrfDep, OversightDep
from web.oversight.exports import bundle_response
from web.oversight.facets import FILTERS, FacetQuery
from web.oversight.figures import stats_charts
from web.oversight.reviews import (
    ANSWERS,
    MAX_SAMPLE,
    QUESTIONS,
    InvalidReview,
    draw_sample,
    record_review,
    results_over_time,
    reviews,
    reviews_csv,
)
from web.oversight.service import (
    PURPOSES,
    Oversight,
    PurposeRequired,
    UnknownConversation,
    day_bounds,
    parse_day,
)
from web.oversight.stats import compute_statistics, energy_figures
from web.services import Services

router = APIRouter(include_in_schema=False)
# Labels offered as choices in the search form (the rest are free text).
_CHOICES = ("type", "decision", "lang", "kb_version", "model", "policy")
DEFAULT_DAYS = 30
MAX_STATISTICS_DAYS = 3660


def _oversight(services: Services) -> Oversight:
    return Oversight(services.facets, services.log, services.transcript)


def _base(services: Services, staff: Staff, section: str) -> dict[str, object]:
    return {
        "organisation": services.organisation,
        "htmx_available": services.htmx_available,
        "staff": staff,
        "csrf": staff.csrf,
        "section": section,
        "error": None,
    }


@contextmanager
def _as_http() -> Iterator[None]:
    """The oversight side's typed errors, as the status and sentence a person can act on."""
    try:
        yield
    except LogUnavailable as exc:
        message = f"The log cannot be read right now ({exc}). Try again shortly."
        raise HTTPException(503, message) from None
    except UnknownConversation:
        raise HTTPException(404, "the log has no entry for this conversation") from None
    except PurposeRequired as exc:
        raise HTTPException(422, f"Not shown: {exc}.") from None
    except InvalidReview as exc:
        raise HTTPException(422, f"Not recorded: {exc}.") from None


def _days(since: str | None, until: str | None, default_days: int | None) -> tuple[date, date]:
    """The form's range, or the last `default_days` days; 422 with a usable message."""
    try:
        start, end = parse_day(since), parse_day(until)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    today = datetime.now(UTC).date()
    end = end or today
    start = start or (end - timedelta(days=(default_days or 1) - 1))
    if start > end:
        raise HTTPException(422, "the start date is after the end date: swap them")
    return start, end


@router.get("/oversight", response_class=HTMLResponse)
def search_page(request: Request, services: ServicesDep, staff: OversightDep) -> Response:
    return _search(request, services, staff, "oversight/search.html")


@router.get("/oversight/entries", response_class=HTMLResponse)
def search_results(request: Request, services: ServicesDep, staff: OversightDep) -> Response:
    """The results table alone: what htmx swaps in when the filters or the page change."""
    return _search(request, services, staff, "oversight/_results.html")


def _search(request: Request, services: Services, staff: Staff, template: str) -> Response:
    params = request.query_params
    try:
        first, last = parse_day(params.get("since")), parse_day(params.get("until"))
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    if first and last and first > last:
        raise HTTPException(422, "the start date is after the end date: swap them")
    start, end = day_bounds(first, last)
    query = FacetQuery.of(
        start, end, {name: params.get(name) for name in (*FILTERS, "conversation")}
    )
    before_text = params.get("before") or ""
    try:
        before = whole_number(before_text, "before (an entry index)") if before_text else None
    except InvalidNumber as exc:
        raise HTTPException(422, str(exc)) from None
    oversight = _oversight(services)
    page = template == "oversight/search.html"
    with _as_http():
        result = oversight.search(query, before)
        # The form's choices: only the whole page has the form (htmx swaps the results alone).
        choices = {name: services.facets.distinct(name) for name in _CHOICES} if page else {}
    form = {name: params.get(name, "") for name in (*FILTERS, "conversation", "since", "until")}
    next_params = {k: v for k, v in form.items() if v}
    context = {
        **_base(services, staff, "search"),
        "form": form,
        "choices": choices,
        "result": result,
        "next_params": next_params,
    }
    response = services.templates.TemplateResponse(request, template, context)
    if not page:
        # The address bar gets the whole page's URL (never the fragment's), without the
        # empty filters: reloading, bookmarking or sharing it shows the same search.
        pushed = {**next_params, **({"before": str(before)} if before is not None else {})}
        response.headers["HX-Push-Url"] = "/oversight" + ("?" + urlencode(pushed) if pushed else "")
    return response


@router.get("/oversight/conversations/{conversation_id}", response_class=HTMLResponse)
def timeline_page(
    request: Request, conversation_id: str, services: ServicesDep, staff: OversightDep
) -> Response:
    with _as_http():
        timeline = _oversight(services).timeline(conversation_id)
    context = {
        **_base(services, staff, "search"),
        "conversation_id": conversation_id,
        "timeline": timeline,
        "purposes": PURPOSES,
    }
    return services.templates.TemplateResponse(request, "oversight/timeline.html", context)


def _transcript(
    request: Request,
    services: Services,
    staff: Staff,
    conversation_id: str,
    purpose: str,
    reference: str = "",
    *,
    review: bool = False,
) -> Response:
    """Log the access (who, why), then show the words; with `review`, a rating form per answer."""
    with _as_http():
        turns, access = _oversight(services).read_transcript(
            conversation_id, staff.account.pseudonym, purpose, reference
        )
    context = {
        **_base(services, staff, "reviews" if review else "search"),
        "conversation_id": conversation_id,
        "turns": turns,
        "access_index": access,
        "purpose": PURPOSES[purpose],
        "review": {"questions": QUESTIONS, "answers": ANSWERS} if review else None,
    }
    return services.templates.TemplateResponse(request, "oversight/transcript.html", context)


@router.post("/oversight/conversations/{conversation_id}/transcript", response_class=HTMLResponse)
def read_transcript(
    request: Request,
    conversation_id: str,
    services: ServicesDep,
    staff: OversightCsrfDep,
    purpose: Annotated[str, Form()] = "",
    reference: Annotated[str, Form()] = "",
) -> Response:
    """The words, shown only after the access (who, why) is in the log."""
    return _transcript(request, services, staff, conversation_id, purpose, reference)


@router.get("/oversight/conversations/{conversation_id}/transcript")
def transcript_needs_purpose(conversation_id: str, staff: OversightDep) -> Response:
    """A link or a reload cannot read a transcript: back to the timeline's purpose form."""
    return RedirectResponse(f"/oversight/conversations/{conversation_id}#purpose", 303)


@router.get("/oversight/statistics", response_class=HTMLResponse)
def statistics_page(
    request: Request,
    services: ServicesDep,
    staff: OversightDep,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    first, last = _days(since, until, DEFAULT_DAYS)
    if (last - first).days >= MAX_STATISTICS_DAYS:
        # One row and one bar per day: ten years is already 3,650 of them.
        raise HTTPException(422, f"statistics cover at most {MAX_STATISTICS_DAYS} days at a time")
    start, end = day_bounds(first, last)
    assert start is not None and end is not None
    with _as_http():
        _oversight(services).refresh()
        stats = compute_statistics(services.facets, first, last, start, end)
        settings = request.app.state.settings
        energy = energy_figures(
            services.log,
            start,
            end,
            settings.grid_intensity,
            max_entries=settings.transparency_scan_limit,
        )
    context = {
        **_base(services, staff, "statistics"),
        "stats": stats,
        "energy": energy,
        "charts": stats_charts(stats, energy),
        "form": {"since": first.isoformat(), "until": last.isoformat()},
    }
    return services.templates.TemplateResponse(request, "oversight/statistics.html", context)


@router.get("/oversight/reviews", response_class=HTMLResponse)
def reviews_page(
    request: Request,
    services: ServicesDep,
    staff: OversightDep,
    since: str | None = None,
    until: str | None = None,
    size: int = 10,
    seed: int | None = None,
) -> Response:
    """Results over time, and (with a seed) a sample drawn to review."""
    first, last = _days(since, until, DEFAULT_DAYS)
    start, end = day_bounds(first, last)
    if not 1 <= size <= MAX_SAMPLE:
        raise HTTPException(422, f"a sample has 1 to {MAX_SAMPLE} conversations")
    with _as_http():
        _oversight(services).refresh()
        sample = draw_sample(services.facets, start, end, size, seed) if seed is not None else None
        found = reviews(services.log, services.facets)
    context = {
        **_base(services, staff, "reviews"),
        "form": {"since": first.isoformat(), "until": last.isoformat(), "size": size},
        "seed": seed,
        "new_seed": secrets.randbelow(10**9),
        "sample": sample,
        "results": results_over_time(found),
        "questions": QUESTIONS,
        "notice": request.query_params.get("recorded") and "Review recorded in the log.",
    }
    return services.templates.TemplateResponse(request, "oversight/reviews.html", context)


@router.post("/oversight/reviews/{conversation_id}/open", response_class=HTMLResponse)
def open_for_review(
    request: Request, conversation_id: str, services: ServicesDep, staff: OversightCsrfDep
) -> Response:
    """Reviewing needs the words: the access is logged with the purpose "quality_review"."""
    return _transcript(request, services, staff, conversation_id, "quality_review", review=True)


@router.post("/oversight/reviews")
async def submit_review(
    request: Request, services: ServicesDep, staff: OversightCsrfDep
) -> Response:
    form = await request.form()
    conversation = str(form.get("conversation_id", ""))
    answer_text = str(form.get("answer", ""))
    if not is_whole_number(answer_text):
        raise HTTPException(422, "the review names no answer: open the conversation again")
    ratings = {name: str(form.get(name, "")) for name in QUESTIONS}
    with _as_http():
        # A log append: in the thread pool, not on the event loop.
        await run_in_threadpool(
            record_review,
            services.log,
            staff.account.pseudonym,
            conversation,
            int(answer_text),
            ratings,
        )
    return RedirectResponse("/oversight/reviews?recorded=1", 303)


@router.get("/oversight/reviews.csv")
def reviews_export(services: ServicesDep, staff: OversightDep) -> Response:
    with _as_http():
        _oversight(services).refresh()
        found = reviews(services.log, services.facets)
    return PlainTextResponse(
        reviews_csv(found),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="opencounter-reviews.csv"'},
    )


@router.get("/oversight/knowledge", response_class=HTMLResponse)
def knowledge_page(request: Request, services: ServicesDep, staff: OversightDep) -> Response:
    """Texts addressed to the AI that ingest removed from the current knowledge base."""
    problem = None
    try:
        flags = services.planted_flags()
    except FlagsNotRecorded as exc:
        flags, problem = [], f"Not known for this knowledge base: {exc}."
    pages: dict[str, list[PlantedFlag]] = {}
    for flag in flags:
        pages.setdefault(flag.doc_id, []).append(flag)
    context = {
        **_base(services, staff, "knowledge"),
        "pages": pages,
        "count": len(flags),
        "problem": problem,
        "kb_version": services.kb_version(),
    }
    return services.templates.TemplateResponse(request, "oversight/knowledge.html", context)


@router.get("/oversight/log", response_class=HTMLResponse)
def log_page(request: Request, services: ServicesDep, staff: OversightDep) -> Response:
    """The newest signed checkpoint, who cosigned it, and the export form."""
    with _as_http():
        note = services.log.latest_checkpoint()
        size = services.log.size()
    _, _, signatures = (note or "").partition("\n\n")
    lines = [line for line in signatures.splitlines() if line.startswith("— ")]
    signers = [line.split(" ")[1] for line in lines]
    context = {
        **_base(services, staff, "log"),
        "note": note,
        "size": size,
        "public_key": services.log.verifier_key,
        "origin": services.log.origin,
        "signers": signers,
        "witnesses": [(w.name, w.name in signers) for w in services.witnesses],
        "today": datetime.now(UTC).date().isoformat(),
    }
    return services.templates.TemplateResponse(request, "oversight/log.html", context)


@router.get("/oversight/export")
def export(
    services: ServicesDep,
    staff: OversightDep,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    """A zip of an export bundle covering the range, for `opencounter audit verify --bundle`."""
    first, last = _days(since, until, None) if since or until else (None, None)
    with _as_http():
        return bundle_response(services.log, services.facets, first, last)
