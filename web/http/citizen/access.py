"""How a citizen shows a conversation is theirs: its secret, in a cookie or a bearer token.

The widget keeps each conversation's secret in an HttpOnly cookie named after the
conversation's public id; API clients send `Authorization: Bearer <secret>`. The public id
(in the URL, the log, exports) is never enough: the engine answers "not found" to a
request without the matching secret, as for a conversation that never existed.
"""

from __future__ import annotations

import math

from fastapi import Request, Response

from audit.receipt import ReceiptNotReady
from bot.engine import StartedConversation

COOKIE_PREFIX = "oc_s_"


def cookie_name(conversation_id: str) -> str:
    """The cookie holding one conversation's secret (ids are URL-safe, so valid names)."""
    return COOKIE_PREFIX + conversation_id


def cookie_secret(request: Request, conversation_id: str | None) -> str | None:
    """The secret the widget's browser holds for this conversation, if any."""
    if not conversation_id:
        return None
    return request.cookies.get(cookie_name(conversation_id))


def bearer_secret(request: Request) -> str | None:
    """The API client's `Authorization: Bearer` token, if it sent one."""
    return bearer_token(request.headers.get("authorization", ""))


def bearer_token(authorization: str) -> str | None:
    """The token of an `Authorization: Bearer <token>` header value, else None."""
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def remember(response: Response, request: Request, started: StartedConversation) -> None:
    """Give the browser the new conversation's secret: HttpOnly, for this browser session.

    Over HTTPS the cookie is `SameSite=None; Secure; Partitioned`, so the widget keeps its
    conversation inside an iframe on another site (the cookie is kept apart per embedding
    site, which also keeps other sites from using it). Over plain HTTP it is `SameSite=Lax`.
    No Max-Age: on a shared computer the conversation is not left open for the next person.
    """
    value = f"{cookie_name(started.id)}={started.secret}; {_attributes(request)}"
    response.headers.append("set-cookie", value)


def forget(response: Response, request: Request, conversation_id: str) -> None:
    """Drop the conversation's cookie (after erasure)."""
    value = f"{cookie_name(conversation_id)}=; Max-Age=0; {_attributes(request)}"
    response.headers.append("set-cookie", value)


def _attributes(request: Request) -> str:
    if request.url.scheme == "https":
        return "Path=/; HttpOnly; Secure; SameSite=None; Partitioned"
    return "Path=/; HttpOnly; SameSite=Lax"


def retry_after_seconds(not_ready: ReceiptNotReady) -> int:
    """Whole seconds until a receipt can cover the conversation (at least one)."""
    return max(1, math.ceil(not_ready.retry_after.total_seconds()))
