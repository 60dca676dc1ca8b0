"""ASGI middleware that turns hostile JSON bodies into clear 4xx replies before parsing.

Without it, a body nested 100,000 levels deep would exhaust Python's recursion limit in the
JSON parser (a 500), and invalid UTF-8 would surface as a parser error with no advice.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 64 * 1024  # JSON bodies: a message is at most a few kB
MAX_FORM_BYTES = 1024 * 1024  # form posts: the engine itself explains a too-long message
MAX_DEPTH = 32


def _nesting_depth(body: bytes) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def check_json_body(body: bytes) -> tuple[int, str] | None:
    """Return (status, message) when the body must be refused, None when it may be parsed."""
    if len(body) > MAX_BODY_BYTES:
        return 413, f"The request body is larger than {MAX_BODY_BYTES // 1024} kB. Send less text."
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return 400, "The request body is not valid UTF-8. Encode the text as UTF-8 and retry."
    if _nesting_depth(body) > MAX_DEPTH:
        return 400, f"The JSON is nested more than {MAX_DEPTH} levels deep. Send a flat object."
    if b"\\u" in body and _holds_lone_surrogate(body):
        return 422, (
            "The text holds a lone UTF-16 surrogate (such as \\ud800), which is not a "
            "character. Send the character itself, or both halves of its surrogate pair."
        )
    return None


def _holds_lone_surrogate(body: bytes) -> bool:
    """JSON may escape half of a character (\\ud800) that no text can hold: the parser
    accepts it, and every later encode (hashing, the database, the log) fails."""
    try:
        value = json.loads(body)
    except ValueError:
        return False  # not JSON at all: the route's own parser says so
    return not _encodable(value)


def _encodable(value: object) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_encodable(k) and _encodable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_encodable(v) for v in value)
    return True


class JsonBodyLimits:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size <= MAX_FORM_BYTES + 1:
                chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        content_type = dict(scope.get("headers", [])).get(b"content-type", b"").decode("latin-1")
        if "json" in content_type:
            problem = check_json_body(body)
        elif size > MAX_FORM_BYTES:
            problem = (413, "The form is larger than 1 MB. Go back and send a shorter message.")
        else:
            problem = None
        if problem is not None:
            status, text = problem
            payload = json.dumps({"error": text}).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(payload)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": payload})
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
