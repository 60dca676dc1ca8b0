"""The transparency log over HTTP: checkpoint, key, entries, proofs, cosignatures (witnesses)."""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from audit.merkle import ProofError
from audit.note import NoteError
from web.http.deps import ServicesDep

router = APIRouter(prefix="/audit", tags=["transparency log"])

Index = Annotated[int, Query(ge=0, le=2**53)]


def _proof_text(hashes: list[bytes]) -> PlainTextResponse:
    return PlainTextResponse("".join(base64.b64encode(h).decode() + "\n" for h in hashes))


def _bad(message: str, status: int = 400) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


@router.get("/checkpoint", response_class=PlainTextResponse)
def latest_checkpoint(services: ServicesDep) -> PlainTextResponse:
    """The latest signed checkpoint (C2SP tlog-checkpoint) with its witnesses' cosignatures.

    Read only: an anonymous request never makes the log sign (it signs on its own schedule).
    """
    note = services.log.latest_checkpoint()
    if note is None:
        return _bad(
            "The log has signed no checkpoint yet: it signs its first with its first entry. "
            "Try again later.",
            404,
        )
    return PlainTextResponse(note, media_type="text/plain; charset=utf-8")


@router.get("/key", response_class=PlainTextResponse)
def verifier_key(services: ServicesDep) -> PlainTextResponse:
    """The log's public key as a signed-note verifier key; check it against a published copy."""
    return PlainTextResponse(services.log.verifier_key + "\n")


@router.get("/entries/{index}")
def entry(index: int, services: ServicesDep) -> JSONResponse:
    """One entry as stored (RFC 8785 canonical JSON), with its index."""
    if not 0 <= index < services.log.size():
        return JSONResponse({"error": f"No entry {index}: the log has {services.log.size()}."}, 404)
    return JSONResponse({"index": index, "entry": services.log.entry(index).decode("utf-8")})


@router.get("/inclusion", response_class=PlainTextResponse)
def inclusion(services: ServicesDep, index: Index, size: Index) -> PlainTextResponse:
    """Inclusion proof of entry `index` in the tree of `size` entries, one base64 hash a line."""
    try:
        return _proof_text(services.log.inclusion_proof(index, size))
    except (ProofError, ValueError) as exc:
        return _bad(f"No proof: {exc}. Use 0 <= index < size <= the checkpoint's size.")


@router.get("/consistency", response_class=PlainTextResponse)
def consistency(services: ServicesDep, old: Index, new: Index) -> PlainTextResponse:
    """The consistency proof from tree size `old` to `new`, one base64 hash a line."""
    try:
        return _proof_text(services.log.consistency_proof(old, new))
    except (ProofError, ValueError) as exc:
        return _bad(f"No proof: {exc}. Use 0 < old <= new <= the checkpoint's size.")


@router.post("/cosignature", response_class=PlainTextResponse)
async def cosignature(request: Request, services: ServicesDep) -> PlainTextResponse:
    """A witness submits its cosignature of one of our checkpoints; only configured witnesses."""
    try:
        note = (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        return _bad("The body must be the cosigned checkpoint as UTF-8 text.")
    if not services.witnesses:
        return _bad("This log has no witnesses configured (OPENCOUNTER_WITNESS_KEYS).", 403)
    try:
        # A database write: in the thread pool, not on the event loop.
        stored = await run_in_threadpool(services.log.add_cosignatures, note, services.witnesses)
    except (NoteError, ValueError) as exc:
        return _bad(f"Not stored: {exc}. Only configured witnesses may cosign this log.", 403)
    if not stored:
        return PlainTextResponse("already stored\n", status_code=200)
    return PlainTextResponse(f"stored: {', '.join(stored)}\n", status_code=201)
